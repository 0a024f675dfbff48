import { Alert, Button, Group, Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { roleLabelKey } from '../../components/role-badge'
import { useLabel } from '../../components/use-label'
import { type Role, rolesFitting } from '../../lib/roles'
import { type Organization, type UserDetail, useGrantMembership, useOrganizations } from './users-api'

/** Grant a role: pick an organisation (searched on the server), then a role that fits its kind. */
export function AddRoleForm({ user }: { user: UserDetail }) {
  const { t } = useTranslation()
  const label = useLabel()
  const [search, setSearch] = useState('')
  const [organization, setOrganization] = useState<Organization | null>(null)
  const [role, setRole] = useState<Role | null>(null)
  const optionLabel = (org: Organization) => `${org.name} · ${label('orgKind', org.kind)}`
  // Once an organisation is picked the box shows its label: that is not a search.
  const query = organization && search === optionLabel(organization) ? '' : search
  const [debounced] = useDebouncedValue(query, 250)
  const organizations = useOrganizations(debounced)
  const grant = useGrantMembership(user.id)

  const found = organizations.data?.data ?? []
  // Keep the picked organisation an option even when the latest search did not return it.
  const known =
    organization && !found.some((org) => org.id === organization.id) ? [organization, ...found] : found
  const organizationId = organization?.id ?? null
  const held = new Set(
    user.memberships.filter((m) => m.organization_id === organizationId).map((m) => m.role),
  )
  const roles = organization
    ? rolesFitting(organization.kind, organization.marketplace).filter((r) => !held.has(r))
    : []

  const submit = () => {
    if (!organizationId || !role) return
    grant.mutate(
      { organization_id: organizationId, role },
      {
        onSuccess: () => {
          setRole(null)
          notifications.show({ color: 'teal', message: t('admin.users.addRole.done') })
        },
      },
    )
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('admin.users.addRole.organization')}
          placeholder={t('admin.users.addRole.organizationPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          nothingFoundMessage={t('admin.users.addRole.noOrganizations')}
          data={known.map((org) => ({ value: org.id, label: optionLabel(org) }))}
          value={organizationId}
          onChange={(id) => {
            setOrganization(known.find((org) => org.id === id) ?? null)
            setRole(null)
            grant.reset()
          }}
          w={{ base: '100%', sm: 340 }}
        />
        <Select
          label={t('admin.users.addRole.role')}
          placeholder={
            organization && roles.length === 0
              ? t('admin.users.addRole.noRoles')
              : t('admin.users.addRole.rolePlaceholder')
          }
          data={roles.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))}
          value={role}
          onChange={(value) => setRole(value as Role | null)}
          disabled={roles.length === 0}
          w={{ base: '100%', sm: 240 }}
        />
        <Button
          type="submit"
          leftSection={<IconPlus size={16} />}
          disabled={!organizationId || !role}
          loading={grant.isPending}
        >
          {t('admin.users.addRole.submit')}
        </Button>
      </Group>
      {grant.isError && (
        <Alert mt="md" color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {errorMessage(grant.error, t)}
        </Alert>
      )}
    </form>
  )
}
