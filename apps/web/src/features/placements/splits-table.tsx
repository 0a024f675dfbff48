import { allocateBps, applyBps, formatBps, WHOLE_BPS } from '@app/money'
import { Badge, Table, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconClock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/format'
import { formatAmount } from '../../lib/money'
import { useVocab } from '../reference/use-vocab'
import type { Placement } from './placements-api'

/** Who earns what share of the recruiter pool, and who has agreed to it. */
export function SplitsTable({
  placement: p,
  myRecruiterId,
}: {
  placement: Placement
  myRecruiterId?: string
}) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const fee = applyBps(BigInt(p.base_salary.amount), p.fee_rate_bps)
  // Parts that add up to the fee exactly. The server refuses splits that are not 100%; should one
  // ever arrive, the amounts column shows a dash rather than figures that do not add up.
  const shares = p.splits.map((s) => s.share_bps)
  const amounts = shares.reduce((a, b) => a + b, 0) === WHOLE_BPS ? allocateBps(fee, shares) : null

  return (
    <Table.ScrollContainer minWidth={600}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('splits.split.feeRole')}</Table.Th>
            <Table.Th>{t('splits.split.recruiter')}</Table.Th>
            <Table.Th ta="end">{t('splits.split.share')}</Table.Th>
            <Table.Th ta="end">{t('splits.split.amount')}</Table.Th>
            <Table.Th>{t('splits.split.agreed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.splits.map((s, i) => (
            <Table.Tr key={s.fee_role}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {label('feeRoles', s.fee_role)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {s.recruiter_name}
                  {s.recruiter_id === myRecruiterId && (
                    <Text span c="dimmed" size="xs" ms={6}>
                      {t('splits.split.you')}
                    </Text>
                  )}
                </Text>
              </Table.Td>
              <Table.Td ta="end">
                <Text size="sm" fw={600}>
                  {formatBps(s.share_bps)}
                </Text>
              </Table.Td>
              <Table.Td ta="end">
                <Text size="sm">
                  {amounts
                    ? formatAmount(String(amounts[i]), p.base_salary.currency, i18n.language, false)
                    : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.agreed_at ? (
                  <Tooltip label={formatDateTime(s.agreed_at, i18n.language)} withArrow>
                    <Badge color="teal" variant="light" tt="none" leftSection={<IconCheck size={12} />}>
                      {t('splits.split.agreedYes')}
                    </Badge>
                  </Tooltip>
                ) : (
                  <Badge color="yellow" variant="light" tt="none" leftSection={<IconClock size={12} />}>
                    {t('splits.split.agreedNo')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
