import { Table } from '@mantine/core'
import { IconId } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { RoleBadge } from '../../components/role-badge'
import { useLabel } from '../../components/use-label'
import type { Account } from './account-api'

/** The roles the person holds, one row per organisation and role. */
export function MembershipsTable({ memberships }: { memberships: Account['memberships'] }) {
  const { t } = useTranslation()
  const label = useLabel()

  if (memberships.length === 0) {
    return (
      <EmptyState
        icon={<IconId size={28} stroke={1.5} />}
        title={t('common.account.memberships.emptyTitle')}
        description={t('common.account.memberships.emptyDescription')}
      />
    )
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.account.memberships.organization')}</Table.Th>
            <Table.Th>{t('common.account.memberships.role')}</Table.Th>
            <Table.Th>{t('common.account.memberships.marketplace')}</Table.Th>
            <Table.Th>{t('common.account.memberships.kind')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {memberships.map((membership) => (
            <Table.Tr key={membership.id}>
              <Table.Td fw={500}>{membership.organization_name}</Table.Td>
              <Table.Td>
                <RoleBadge role={membership.role} />
              </Table.Td>
              <Table.Td>{label('marketplace', membership.marketplace)}</Table.Td>
              <Table.Td>{label('orgKind', membership.kind)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
