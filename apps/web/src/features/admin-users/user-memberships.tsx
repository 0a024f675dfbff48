import { Button, Divider, Table, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconId, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { EmptyState } from '../../components/empty-state'
import { RoleBadge, roleLabelKey } from '../../components/role-badge'
import { SectionCard } from '../../components/section-card'
import { useLabel } from '../../components/use-label'
import { formatDateTime } from '../../lib/format'
import { AddRoleForm } from './add-role-form'
import { type UserDetail, useRemoveMembership } from './users-api'

type Membership = UserDetail['memberships'][number]

/** The person's roles, each removable, and a form to grant another. */
export function UserMemberships({ user }: { user: UserDetail }) {
  const { t, i18n } = useTranslation()
  const label = useLabel()
  const remove = useRemoveMembership(user.id)

  const confirmRemove = (membership: Membership) =>
    modals.openConfirmModal({
      title: t('admin.users.memberships.removeTitle'),
      children: (
        <Text size="sm">
          {t('admin.users.memberships.removeBody', {
            name: user.display_name,
            role: t(roleLabelKey(membership.role)),
            organization: membership.organization_name,
          })}
        </Text>
      ),
      labels: { confirm: t('admin.users.memberships.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(membership.id, {
          onSuccess: () =>
            notifications.show({ color: 'teal', message: t('admin.users.memberships.removed') }),
          onError: (err) =>
            notifications.show({
              color: 'red',
              title: t('admin.users.memberships.removeFailed'),
              message: errorMessage(err, t),
            }),
        }),
    })

  return (
    <SectionCard title={t('admin.users.memberships.title')}>
      {user.memberships.length === 0 ? (
        <EmptyState icon={<IconId size={28} stroke={1.5} />} title={t('admin.users.memberships.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.users.memberships.organization')}</Table.Th>
                <Table.Th>{t('admin.users.memberships.role')}</Table.Th>
                <Table.Th>{t('admin.users.memberships.marketplace')}</Table.Th>
                <Table.Th>{t('admin.users.memberships.since')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.memberships.map((membership) => (
                <Table.Tr key={membership.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {membership.organization_name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {label('orgKind', membership.kind)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={membership.role} />
                  </Table.Td>
                  <Table.Td>{label('marketplace', membership.marketplace)}</Table.Td>
                  <Table.Td>{formatDateTime(membership.created_at, i18n.language)}</Table.Td>
                  <Table.Td ta="end">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      loading={remove.isPending && remove.variables === membership.id}
                      onClick={() => confirmRemove(membership)}
                    >
                      {t('admin.users.memberships.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Divider my="lg" label={t('admin.users.addRole.title')} labelPosition="left" />
      <AddRoleForm user={user} />
    </SectionCard>
  )
}
