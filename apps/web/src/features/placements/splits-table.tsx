import { formatBps } from '@app/money'
import { Badge, Table, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconClock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/format'
import { sumMinor } from '../../lib/money'
import { Amount } from '../billing/amount'
import type { Statement } from '../billing/billing-api'
import { useVocab } from '../reference/use-vocab'
import type { Placement } from './placements-api'
import { statementMatchesSplits, statementView } from './statement-facts'

/** Who earns what share of the recruiter pool, and who has agreed to it. */
export function SplitsTable({
  placement: p,
  myRecruiterId,
  statement,
}: {
  placement: Placement
  myRecruiterId?: string | undefined
  /** The server's fee statement: each recruiter's amount comes from its lines, never from web arithmetic. */
  statement?: Statement | undefined
}) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  // Amounts only when the statement was computed for this very split; a proposal not yet agreed by
  // everyone shows dashes (its statement comes once it is agreed).
  const current =
    statement && statementMatchesSplits(statementView(statement), p.splits) ? statement : undefined
  const amountOf = (feeRole: string, recruiterId: string) =>
    current
      ? sumMinor(
          current.lines
            .filter(
              (l) => l.party_type === 'recruiter' && l.fee_role === feeRole && l.party_id === recruiterId,
            )
            .map((l) => l.amount),
        ).toString()
      : null

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
          {p.splits.map((s) => (
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
                {amountOf(s.fee_role, s.recruiter_id) !== null ? (
                  <Amount
                    value={{
                      amount: amountOf(s.fee_role, s.recruiter_id)!,
                      currency: p.base_salary.currency,
                    }}
                  />
                ) : (
                  <Tooltip label={t('splits.statement.amountsAfterAgreement')} withArrow>
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  </Tooltip>
                )}
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
