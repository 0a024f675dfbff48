import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate, formatDateTime } from '../../lib/format'
import { Amount } from '../billing/amount'
import { HoldStatusBadge, PayoutStatusBadge, PlacementLink, RecruiterName, ScheduleStatusBadge } from './bits'
import type { Hold, PayoutRow, Schedule } from './payouts-api'

/** Payouts, one row each, linked to the payout's page; `actions` adds buttons at the end of a row. */
export function PayoutsTable({
  payouts,
  actions,
  showRecruiter = true,
}: {
  payouts: PayoutRow[]
  actions?: (p: PayoutRow) => React.ReactNode
  showRecruiter?: boolean
}) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('payouts.table.payouts')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payouts.table.payout')}</Table.Th>
            {showRecruiter && <Table.Th>{t('payouts.table.recruiter')}</Table.Th>}
            <Table.Th>{t('payouts.table.placement')}</Table.Th>
            <Table.Th>{t('payouts.table.method')}</Table.Th>
            <Table.Th>{t('payouts.table.status')}</Table.Th>
            <Table.Th ta="end">{t('payouts.table.amount')}</Table.Th>
            <Table.Th>{t('payouts.table.when')}</Table.Th>
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payouts.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/finance/payouts/${p.id}`} size="sm" ff="monospace">
                  {p.id.slice(0, 8)}
                </Anchor>
              </Table.Td>
              {showRecruiter && (
                <Table.Td>
                  <RecruiterName id={p.recruiter_id} />
                </Table.Td>
              )}
              <Table.Td>
                <PlacementLink id={p.placement_id} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`payouts.method.${p.method}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Group gap={6}>
                    <PayoutStatusBadge payout={p} />
                    {p.bank_payout_status && p.status === 'completed' && (
                      <Text size="xs" c="dimmed">
                        {t(`payouts.bank.${p.bank_payout_status}`)}
                      </Text>
                    )}
                  </Group>
                  {(p.parked?.reason || p.failure_reason) && (
                    <Text size="xs" c="dimmed" lineClamp={2} maw={320}>
                      {p.parked?.reason ?? p.failure_reason}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="end">
                <Amount value={p.amount} fw={600} />
                {p.debt_offset.amount !== '0' && (
                  <Text size="xs" c="dimmed">
                    {t('payouts.table.netted')} <Amount span size="xs" value={p.debt_offset} />
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(p.completed_at ?? p.failed_at ?? p.created_at, i18n.language)}
                </Text>
              </Table.Td>
              {actions && <Table.Td>{actions(p)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function SchedulesTable({
  schedules,
  onRetry,
  retrying,
}: {
  schedules: Schedule[]
  onRetry: (s: Schedule) => void
  retrying: string | null
}) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" aria-label={t('payouts.table.schedules')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payouts.table.recruiter')}</Table.Th>
            <Table.Th>{t('payouts.table.placement')}</Table.Th>
            <Table.Th>{t('payouts.table.trigger')}</Table.Th>
            <Table.Th>{t('payouts.table.scheduled')}</Table.Th>
            <Table.Th>{t('payouts.table.status')}</Table.Th>
            <Table.Th ta="end">{t('payouts.table.amount')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedules.map((s) => {
            const retryable = !s.cancelled && (s.status === 'failed' || s.status === 'pending')
            return (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <RecruiterName id={s.recruiter_id} />
                </Table.Td>
                <Table.Td>
                  <PlacementLink id={s.placement_id} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`payouts.trigger.${s.trigger_event}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(s.scheduled_date, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap={6}>
                      <ScheduleStatusBadge status={s.status} cancelled={s.cancelled} />
                      {s.retry_count > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('payouts.table.retries', { count: s.retry_count })}
                        </Text>
                      )}
                    </Group>
                    {(s.failure_reason || s.cancellation_reason) && (
                      <Text size="xs" c="dimmed" lineClamp={2} maw={340}>
                        {s.cancellation_reason ?? s.failure_reason}
                      </Text>
                    )}
                    {s.payout_id && (
                      <Anchor component={Link} to={`/admin/finance/payouts/${s.payout_id}`} size="xs">
                        {t('payouts.table.seePayout')}
                      </Anchor>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td ta="end">
                  <Amount value={s.amount} fw={600} />
                </Table.Td>
                <Table.Td>
                  {retryable && (
                    <Button
                      size="xs"
                      variant={s.status === 'failed' ? 'filled' : 'default'}
                      loading={retrying === s.id}
                      onClick={() => onRetry(s)}
                    >
                      {s.status === 'failed' ? t('payouts.schedules.retry') : t('payouts.schedules.payNow')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function HoldsTable({
  holds,
  actions,
  showRecruiter = true,
}: {
  holds: Hold[]
  actions?: (h: Hold) => React.ReactNode
  showRecruiter?: boolean
}) {
  const { t, i18n } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" aria-label={t('payouts.table.holds')}>
        <Table.Thead>
          <Table.Tr>
            {showRecruiter && <Table.Th>{t('payouts.table.recruiter')}</Table.Th>}
            <Table.Th>{t('payouts.table.placement')}</Table.Th>
            <Table.Th>{t('payouts.table.holdback')}</Table.Th>
            <Table.Th>{t('payouts.table.releaseDate')}</Table.Th>
            <Table.Th>{t('payouts.table.status')}</Table.Th>
            <Table.Th ta="end">{t('payouts.table.amount')}</Table.Th>
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {holds.map((h) => (
            <Table.Tr key={h.id}>
              {showRecruiter && (
                <Table.Td>
                  <RecruiterName id={h.recruiter_id} />
                </Table.Td>
              )}
              <Table.Td>
                <PlacementLink id={h.placement_id} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{`${h.holdback_bps / 100}%`}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(h.release_scheduled_date, i18n.language)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <HoldStatusBadge status={h.status} />
                  {h.cancellation_reason && (
                    <Text size="xs" c="dimmed" lineClamp={2} maw={300}>
                      {h.cancellation_reason}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="end">
                <Amount value={h.hold_amount} fw={600} />
              </Table.Td>
              {actions && <Table.Td>{actions(h)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
