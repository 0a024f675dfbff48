import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { RelativeTime } from '../../components/relative-time'
import { useVocab } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'
import type { Dispute } from './disputes-api'

/** Ownership records; a row opens the record. */
export function DisputesTable({ disputes }: { disputes: Dispute[] }) {
  const { t } = useTranslation()
  const { list } = useVocab()

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.disputes.company')}</Table.Th>
            <Table.Th>{t('admin.disputes.holder')}</Table.Th>
            <Table.Th>{t('admin.disputes.claimant')}</Table.Th>
            <Table.Th>{t('admin.disputes.matchedOn')}</Table.Th>
            <Table.Th>{t('admin.disputes.status')}</Table.Th>
            <Table.Th>{t('admin.disputes.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disputes.map((d) => (
            <LinkedRow key={d.id} to={`/admin/disputes/${d.id}`}>
              <Table.Td>
                <RowLink to={`/admin/disputes/${d.id}`}>{d.company.name}</RowLink>
                {d.role && (
                  <Text size="xs" c="dimmed">
                    {d.role.title}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.holder.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.claimant.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{list('matchedOn', d.matched_on)}</Text>
              </Table.Td>
              <Table.Td>
                <VocabBadge kind="disputeStatuses" code={d.status} />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={d.created_at} size="sm" />
              </Table.Td>
            </LinkedRow>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
