import { Select, SimpleGrid, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { roleLabelKey } from '../../components/role-badge'
import { ROLES, type Role } from '../../lib/roles'
import type { UserFilters, UserStatus } from './users-api'

interface UsersFiltersProps {
  value: UserFilters
  onChange: (filters: UserFilters) => void
}

export function UsersFilters({ value, onChange }: UsersFiltersProps) {
  const { t } = useTranslation()

  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput
        aria-label={t('admin.users.search')}
        placeholder={t('admin.users.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        type="search"
        value={value.q}
        onChange={(event) => onChange({ ...value, q: event.currentTarget.value })}
      />
      <Select
        aria-label={t('admin.users.role')}
        placeholder={t('admin.users.anyRole')}
        data={ROLES.map((role) => ({ value: role, label: t(roleLabelKey(role)) }))}
        value={value.role}
        onChange={(role) => onChange({ ...value, role: role as Role | null })}
        clearable
      />
      <Select
        aria-label={t('admin.users.status')}
        placeholder={t('admin.users.anyStatus')}
        data={[
          { value: 'active', label: t('common.userStatus.active') },
          { value: 'suspended', label: t('common.userStatus.suspended') },
        ]}
        value={value.status}
        onChange={(status) => onChange({ ...value, status: status as UserStatus | null })}
        clearable
      />
    </SimpleGrid>
  )
}
