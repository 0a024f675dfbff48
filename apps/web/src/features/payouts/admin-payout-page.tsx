import { Button, Code, Group, SimpleGrid, Stack, Table, Text, Timeline } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { ErrorAlert } from '../../components/error-alert'
import { Fact } from '../../components/fact'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDateTime } from '../../lib/format'
import { Amount } from '../billing/amount'
import { PayoutStatusBadge, PlacementLink, RecruiterName } from './bits'
import { type AuditEntry, usePayout, usePayoutAudit, useProcessPayout } from './payouts-api'

/** One-line JSON with spaces, so long values wrap between fields. */
const compact = (value: unknown) => JSON.stringify(value ?? null, null, 1).replace(/\n\s*/g, ' ')

/** One payout: what it pays (its splits), where it is (Stripe transfer, bank payout), and its audit log. */
export function AdminPayoutPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  usePageTitle(t('payouts.detail.title'))
  const payout = usePayout(id)
  const audit = usePayoutAudit(id)
  const process = useProcessPayout()
  const p = payout.data
  const lang = i18n.language
  return (
    <>
      <BackLink to="/admin/finance/payouts?tab=history" label={t('payouts.admin.title')} />
      {payout.isPending && <LoadingState />}
      {payout.isError && (
        <QueryError
          error={payout.error}
          signInTitle={t('admin.finance.signInRequired')}
          backTo="/admin/finance/payouts"
          backLabel={t('payouts.admin.title')}
        />
      )}
      {p && (
        <Stack gap="xl">
          <PageHeader
            title={
              <Group gap="sm">
                <span>{t('payouts.detail.heading')}</span>
                <Amount span value={p.amount} fz="inherit" fw="inherit" />
                <PayoutStatusBadge payout={p} size="lg" />
              </Group>
            }
            description={p.parked?.reason ?? p.failure_reason ?? undefined}
            actions={
              p.status === 'pending' ? (
                <Button
                  leftSection={<IconPlayerPlay size={16} />}
                  loading={process.isPending}
                  onClick={() => process.mutate(p.id)}
                >
                  {t('payouts.actions.sendNow')}
                </Button>
              ) : undefined
            }
          />
          {process.isError && <ErrorAlert error={process.error} />}
          <SectionCard title={t('payouts.detail.facts')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
              <Fact label={t('payouts.table.recruiter')}>
                <RecruiterName id={p.recruiter_id} fw={500} />
              </Fact>
              <Fact label={t('payouts.table.placement')}>
                <PlacementLink id={p.placement_id} />
              </Fact>
              <Fact label={t('payouts.table.method')}>{t(`payouts.method.${p.method}`)}</Fact>
              <Fact label={t('payouts.detail.gross')}>
                <Amount value={p.gross_amount} fw={500} />
              </Fact>
              <Fact label={t('payouts.detail.netted')}>
                <Amount value={p.debt_offset} fw={500} />
              </Fact>
              <Fact label={t('payouts.detail.sent')}>
                <Amount value={p.amount} fw={600} />
              </Fact>
              <Fact label={t('payouts.detail.transfer')}>
                <Code dir="ltr">{p.stripe_transfer_id ?? '—'}</Code>
              </Fact>
              <Fact label={t('payouts.detail.bankPayout')}>
                <Text size="sm" fw={500}>
                  {p.bank_payout_status ? t(`payouts.bank.${p.bank_payout_status}`) : '—'}
                  {p.bank_failure_code ? ` (${p.bank_failure_code})` : ''}
                </Text>
              </Fact>
              <Fact label={t('payouts.detail.attempts')}>{String(p.attempts)}</Fact>
              <Fact label={t('payouts.detail.group')}>
                <Code dir="ltr">{p.transfer_group}</Code>
              </Fact>
              <Fact label={t('payouts.detail.created')}>{formatDateTime(p.created_at, lang)}</Fact>
              <Fact label={t('payouts.detail.finished')}>
                {p.completed_at || p.failed_at ? formatDateTime((p.completed_at ?? p.failed_at)!, lang) : '—'}
              </Fact>
            </SimpleGrid>
          </SectionCard>
          <SectionCard title={t('payouts.detail.splits')}>
            <Table.ScrollContainer minWidth={520}>
              <Table aria-label={t('payouts.detail.splits')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('payouts.detail.kind')}</Table.Th>
                    <Table.Th>{t('payouts.detail.share')}</Table.Th>
                    <Table.Th ta="end">{t('payouts.table.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.splits.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{t(`payouts.splitKind.${s.kind}`)}</Table.Td>
                      <Table.Td>
                        {s.split_percentage_bps === null ? '—' : `${s.split_percentage_bps / 100}%`}
                      </Table.Td>
                      <Table.Td ta="end">
                        <Amount value={s.amount} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SectionCard>
          <SectionCard
            title={t('payouts.detail.audit')}
            actions={
              <Text
                component={Link}
                to={`/admin/finance/audit?entity_type=payout&entity_id=${p.id}`}
                size="sm"
                c="blue"
              >
                {t('payouts.detail.auditTrail')}
              </Text>
            }
          >
            {audit.isPending && <LoadingState />}
            {audit.isError && <ErrorAlert error={audit.error} />}
            {audit.data && <AuditTimeline rows={audit.data.data} />}
          </SectionCard>
        </Stack>
      )}
    </>
  )
}

function AuditTimeline({ rows }: { rows: AuditEntry[] }) {
  const { t, i18n } = useTranslation()
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('payouts.detail.noAudit')}
      </Text>
    )
  return (
    <Timeline bulletSize={14} lineWidth={2} active={rows.length}>
      {rows.map((r) => (
        <Timeline.Item
          key={r.id}
          title={
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {r.action}
              </Text>
              <Text size="xs" c="dimmed">
                #{r.seq} · {formatDateTime(r.created_at, i18n.language)} · {r.changed_by_role ?? '—'}
              </Text>
            </Group>
          }
        >
          {r.reason && <Text size="sm">{r.reason}</Text>}
          {r.new_value !== null && r.new_value !== undefined && (
            <Text size="xs" c="dimmed" ff="monospace" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
              {compact(r.new_value)}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
