import { formatBps } from '@app/money'
import { Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { RowCard, RowCards } from '../../components/row-card'
import { useIsPhone } from '../../components/use-is-phone'
import { formatDate } from '../../lib/format'
import { formatAmount } from '../../lib/money'
import { VocabBadge } from '../reference/vocab-badge'
import type { PlacementSummary } from './placements-api'

/** Placements; a row opens the placement with its fee and split. */
export function PlacementsTable({ placements }: { placements: PlacementSummary[] }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const phone = useIsPhone()

  // On a phone every column still shows: salary, fee and status included.
  if (phone) {
    return (
      <RowCards label={t('splits.placements.listTitle')}>
        {placements.map((p) => (
          <RowCard
            key={p.id}
            to={`/splits/placements/${p.id}`}
            title={p.candidate_name}
            subtitle={`${p.role.title} · ${p.company.name}`}
            badges={
              <>
                <VocabBadge kind="placementStatuses" code={p.status} />
                <VocabBadge kind="splitStatuses" code={p.split_status} variant="outline" />
              </>
            }
            fields={[
              { label: t('splits.placements.start'), value: formatDate(p.start_date, lang) },
              {
                label: t('splits.placements.salary'),
                value: formatAmount(p.base_salary.amount, p.base_salary.currency, lang),
              },
              { label: t('splits.placements.feeRate'), value: formatBps(p.fee_rate_bps) },
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
            <Table.Th>{t('splits.placements.candidate')}</Table.Th>
            <Table.Th>{t('splits.placements.role')}</Table.Th>
            <Table.Th>{t('splits.placements.start')}</Table.Th>
            <Table.Th ta="end">{t('splits.placements.salary')}</Table.Th>
            <Table.Th ta="end">{t('splits.placements.feeRate')}</Table.Th>
            <Table.Th>{t('splits.placements.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {placements.map((p) => (
            <LinkedRow key={p.id} to={`/splits/placements/${p.id}`}>
              <Table.Td>
                <RowLink to={`/splits/placements/${p.id}`}>{p.candidate_name}</RowLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.role.title}</Text>
                <Text size="xs" c="dimmed">
                  {p.company.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(p.start_date, lang)}</Text>
              </Table.Td>
              <Table.Td ta="end">
                <Text size="sm">{formatAmount(p.base_salary.amount, p.base_salary.currency, lang)}</Text>
              </Table.Td>
              <Table.Td ta="end">
                <Text size="sm">{formatBps(p.fee_rate_bps)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <VocabBadge kind="placementStatuses" code={p.status} />
                  <VocabBadge kind="splitStatuses" code={p.split_status} variant="outline" />
                </Group>
              </Table.Td>
            </LinkedRow>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
