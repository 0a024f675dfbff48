import { Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { LtrText } from '../../components/ltr-text'
import { RoleBadge } from '../../components/role-badge'
import { RowCard, RowCards } from '../../components/row-card'
import { useIsPhone } from '../../components/use-is-phone'
import { formatDateTime } from '../../lib/format'
import { StatusBadge } from './status-badge'
import type { UserRow } from './users-api'

/** People found; a row opens the person's page. Contacts are masked here. */
export function UsersTable({ users }: { users: UserRow[] }) {
  const { t, i18n } = useTranslation()
  const phone = useIsPhone()
  const lastSignIn = (user: UserRow) =>
    user.last_sign_in_at ? formatDateTime(user.last_sign_in_at, i18n.language) : t('admin.users.never')

  if (phone) {
    return (
      <RowCards label={t('admin.users.listTitle')}>
        {users.map((user) => (
          <RowCard
            key={user.id}
            to={`/admin/users/${user.id}`}
            title={user.display_name}
            subtitle={
              <LtrText size="xs" c="dimmed" span>
                {[user.email_masked, user.phone_masked].filter(Boolean).join(' · ') || '—'}
              </LtrText>
            }
            badges={<StatusBadge status={user.status} />}
            fields={[
              {
                label: t('admin.users.roles'),
                value: (
                  <Group gap={4} component="span">
                    {user.roles.map((role) => (
                      <RoleBadge key={role} role={role} size="sm" />
                    ))}
                  </Group>
                ),
              },
              { label: t('admin.users.lastSignIn'), value: lastSignIn(user) },
              { label: t('admin.users.created'), value: formatDateTime(user.created_at, i18n.language) },
            ]}
          />
        ))}
      </RowCards>
    )
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.users.name')}</Table.Th>
            <Table.Th>{t('admin.users.roles')}</Table.Th>
            <Table.Th>{t('admin.users.status')}</Table.Th>
            <Table.Th>{t('admin.users.lastSignIn')}</Table.Th>
            <Table.Th>{t('admin.users.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <LinkedRow key={user.id} to={`/admin/users/${user.id}`}>
              <Table.Td>
                <RowLink to={`/admin/users/${user.id}`}>{user.display_name}</RowLink>
                <LtrText size="xs" c="dimmed">
                  {[user.email_masked, user.phone_masked].filter(Boolean).join(' · ') || '—'}
                </LtrText>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.roles.map((role) => (
                    <RoleBadge key={role} role={role} size="sm" />
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{lastSignIn(user)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(user.created_at, i18n.language)}</Text>
              </Table.Td>
            </LinkedRow>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
