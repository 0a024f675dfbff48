import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RelativeTime } from '../../components/relative-time'
import { formatSalaryRange } from '../../lib/money'
import { VocabBadge } from '../reference/vocab-badge'
import type { RoleSummary } from '../roles/roles-api'

const ORDER = ['open', 'draft', 'paused', 'filled', 'closed']

/** The company's roles, open ones first. */
export function CompanyRolesTable({ roles }: { roles: RoleSummary[] }) {
  const { t, i18n } = useTranslation()
  const sorted = [...roles].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status))
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('splits.company.role')}</Table.Th>
            <Table.Th>{t('splits.company.status')}</Table.Th>
            <Table.Th>{t('splits.company.salary')}</Table.Th>
            <Table.Th>{t('splits.company.posted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/splits/roles/${r.id}`} size="sm" fw={600}>
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <VocabBadge kind="roleStatuses" code={r.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatSalaryRange(r.salary, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <RelativeTime value={r.created_at} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
