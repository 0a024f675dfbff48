import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { israelTodayIso } from '../../lib/format'
import { shekels } from '../ofair-leads/ofair-api'
import { formatShekels } from '../ofair-leads/ofair-format'
import { downloadCommissionsExcel } from './commissions-excel'
import { SettlementSettingsTab } from './settlement-settings-tab'

const CommissionsChart = lazy(() => import('./commissions-chart'))

export type Commissions = ResponseBody<'/api/ofair/admin/finance/commissions', 'get'>
const KEY = ['ofair', 'admin', 'finance'] as const
const dateFormat = new Intl.DateTimeFormat('he-IL', { dateStyle: 'short', timeZone: 'Asia/Jerusalem' })
const shekelsText = (agorot: string) => (Number(agorot) / 100).toFixed(2)

/** OFAIR's finance for admins: commissions by month, balances, disputes and withdrawals. */
export function AdminFinancePage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.finance.title'))
  return (
    <>
      <PageHeader title={t('ofair.finance.title')} description={t('ofair.finance.description')} />
      <Tabs defaultValue="commissions" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="commissions">{t('ofair.finance.tabs.commissions')}</Tabs.Tab>
          <Tabs.Tab value="balances">{t('ofair.finance.tabs.balances')}</Tabs.Tab>
          <Tabs.Tab value="disputes">{t('ofair.finance.tabs.disputes')}</Tabs.Tab>
          <Tabs.Tab value="withdrawals">{t('ofair.finance.tabs.withdrawals')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('ofair.finance.tabs.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="commissions">
          <CommissionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="balances">
          <BalancesTab />
        </Tabs.Panel>
        <Tabs.Panel value="disputes">
          <DisputesTab />
        </Tabs.Panel>
        <Tabs.Panel value="withdrawals">
          <WithdrawalsTab />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SettlementSettingsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}

function downloadCsv(report: Commissions) {
  const header = [
    'job_id',
    'lead_id',
    'lead_title',
    'performer',
    'status',
    'settlement_mode',
    'final_amount_ils',
    'commission_percentage',
    'platform_commission_ils',
    'referrer_fee_ils',
    'professional_net_ils',
    'rule_version',
    'completed_at',
    'confirmed_at',
  ]
  const quote = (v: string | number | null) => `"${String(v ?? '').replace(/"/g, '""')}"`
  const lines = report.jobs.map((j) =>
    [
      j.id,
      j.lead_id,
      j.lead_title,
      j.performer.display_name,
      j.status,
      j.settlement_mode,
      shekelsText(j.final_amount.amount),
      j.platform_commission_percentage,
      shekelsText(j.platform_commission.amount),
      shekelsText(j.referrer_fee.amount),
      shekelsText(j.professional_net_amount.amount),
      j.rule_version,
      j.completed_at,
      j.confirmed_at,
    ]
      .map(quote)
      .join(','),
  )
  // a byte-order mark: Excel opens the Hebrew titles as UTF-8
  const blob = new Blob([`\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`], {
    type: 'text/csv;charset=utf-8',
  })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `ofair-commissions-${israelTodayIso()}.csv`
  a.click()
  URL.revokeObjectURL(url)
}

function CommissionsTab() {
  const { t } = useTranslation()
  const [open, setOpen] = useState<string | null>(null)
  const report = useQuery({
    queryKey: [...KEY, 'commissions'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/admin/finance/commissions', { signal })),
  })
  if (report.isPending) return <LoadingState />
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
  const { months, jobs } = report.data
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} fz="lg">
            {t('ofair.finance.byMonth')}
          </Title>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => downloadCsv(report.data)}
              disabled={!jobs.length}
            >
              {t('ofair.finance.csv')}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!jobs.length}
              onClick={() =>
                void downloadCommissionsExcel(report.data, {
                  job: t('ofair.finance.job'),
                  performer: t('ofair.finance.performer'),
                  status: t('ofair.finance.status'),
                  finalAmount: t('ofair.finance.finalAmount'),
                  commission: t('ofair.finance.commission'),
                  referrerFees: t('ofair.finance.referrerFees'),
                  net: t('ofair.finance.net'),
                  commissionMinor: t('ofair.finance.commissionMinor'),
                  confirmedAt: t('ofair.finance.confirmedAt'),
                  month: t('ofair.finance.month'),
                  jobs: t('ofair.finance.jobs'),
                  jobsSheet: t('ofair.finance.jobsSheet'),
                  monthsSheet: t('ofair.finance.monthsSheet'),
                })
              }
            >
              {t('ofair.finance.excel')}
            </Button>
          </Group>
        </Group>
        {months.length > 0 && (
          <Suspense fallback={<LoadingState />}>
            <CommissionsChart months={months} />
          </Suspense>
        )}
        <Table mt="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ofair.finance.month')}</Table.Th>
              <Table.Th ta="end">{t('ofair.finance.jobs')}</Table.Th>
              <Table.Th ta="end">{t('ofair.finance.finalAmounts')}</Table.Th>
              <Table.Th ta="end">{t('ofair.finance.commission')}</Table.Th>
              <Table.Th ta="end">{t('ofair.finance.referrerFees')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td ta="right">{m.month}</Table.Td>
                <Table.Td ta="end">{m.jobs}</Table.Td>
                <Table.Td ta="end">{formatShekels(m.final_amount.amount)}</Table.Td>
                <Table.Td ta="end">{formatShekels(m.platform_commission.amount)}</Table.Td>
                <Table.Td ta="end">{formatShekels(m.referrer_fees.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={2} fz="lg" mb="xs">
          {t('ofair.finance.jobsTitle')}
        </Title>
        {jobs.length === 0 ? (
          <EmptyState title={t('ofair.finance.noJobs')} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="finance-jobs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ofair.finance.job')}</Table.Th>
                  <Table.Th>{t('ofair.finance.performer')}</Table.Th>
                  <Table.Th>{t('ofair.finance.status')}</Table.Th>
                  <Table.Th ta="end">{t('ofair.finance.finalAmount')}</Table.Th>
                  <Table.Th ta="end">{t('ofair.finance.commission')}</Table.Th>
                  <Table.Th ta="end">{t('ofair.finance.referrerFees')}</Table.Th>
                  <Table.Th ta="end">{t('ofair.finance.net')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.map((j) => (
                  <Table.Tr key={j.id}>
                    <Table.Td>
                      <Text size="sm" component={Link} to={`/ofair/leads/${j.lead_id}`} c="blue">
                        {j.lead_title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {dateFormat.format(new Date(j.completed_at))}
                      </Text>
                    </Table.Td>
                    <Table.Td>{j.performer.display_name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">
                        {t(`ofair.settlement.status.${j.status}` as 'ofair.settlement.status.confirmed')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="end">{formatShekels(j.final_amount.amount)}</Table.Td>
                    <Table.Td ta="end">{formatShekels(j.platform_commission.amount)}</Table.Td>
                    <Table.Td ta="end">{formatShekels(j.referrer_fee.amount)}</Table.Td>
                    <Table.Td ta="end">{formatShekels(j.professional_net_amount.amount)}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(j.id)}>
                        {t('ofair.finance.ledger')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={t('ofair.finance.ledgerTitle')} size="lg">
        {open && <LedgerOf paymentId={open} />}
      </Modal>
    </Stack>
  )
}

function LedgerOf({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation()
  const payment = useQuery({
    queryKey: [...KEY, 'payment', paymentId],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/payments/{id}', { params: { path: { id: paymentId } }, signal })),
  })
  if (payment.isPending) return <LoadingState />
  if (payment.isError) return <ErrorAlert error={payment.error} />
  const names = new Map<string, string>([[payment.data.performer.id, payment.data.performer.display_name]])
  for (const f of payment.data.referrer_fees) names.set(f.referrer.id, f.referrer.display_name)
  if (payment.data.ledger.length === 0) return <Text c="dimmed">{t('ofair.finance.noPostings')}</Text>
  return (
    <Stack data-testid="ledger-entries">
      {payment.data.ledger.map((p) => (
        <Stack key={p.id} gap={4}>
          <Text size="sm" fw={600}>
            {t(`ofair.wallet.kind.${p.kind}` as 'ofair.wallet.kind.ofair.job_settled', {
              defaultValue: p.kind,
            })}{' '}
            · {dateFormat.format(new Date(p.effective_at))}
          </Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ofair.finance.account')}</Table.Th>
                <Table.Th ta="end">{t('ofair.finance.debit')}</Table.Th>
                <Table.Th ta="end">{t('ofair.finance.credit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.entries.map((e) => (
                <Table.Tr key={`${e.account_kind}:${e.owner_id}:${e.direction}`}>
                  <Table.Td>
                    {t(`ofair.wallet.accounts.${e.account_kind}` as 'ofair.wallet.accounts.pro_balance')}
                    {e.owner_id && names.get(e.owner_id) ? ` · ${names.get(e.owner_id)}` : ''}
                  </Table.Td>
                  <Table.Td ta="end">
                    {e.direction === 'debit' ? formatShekels(e.amount.amount) : ''}
                  </Table.Td>
                  <Table.Td ta="end">
                    {e.direction === 'credit' ? formatShekels(e.amount.amount) : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  )
}

function BalancesTab() {
  const { t } = useTranslation()
  const balances = useQuery({
    queryKey: [...KEY, 'balances'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/admin/finance/balances', { signal })),
  })
  if (balances.isPending) return <LoadingState />
  if (balances.isError) return <ErrorAlert error={balances.error} />
  if (!balances.data.data.length) return <EmptyState title={t('ofair.finance.noBalances')} />
  return (
    <Card withBorder radius="md" padding="md">
      <Table.ScrollContainer minWidth={520}>
        <Table data-testid="finance-balances">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ofair.finance.performer')}</Table.Th>
              <Table.Th ta="end">{t('ofair.wallet.balance')}</Table.Th>
              <Table.Th ta="end">{t('ofair.wallet.pending')}</Table.Th>
              <Table.Th ta="end">{t('ofair.wallet.owed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {balances.data.data.map((b) => (
              <Table.Tr key={b.professional_id}>
                <Table.Td>{b.display_name}</Table.Td>
                <Table.Td ta="end" c={b.balance.amount.startsWith('-') ? 'red' : undefined}>
                  {formatShekels(b.balance.amount)}
                </Table.Td>
                <Table.Td ta="end">{formatShekels(b.pending.amount)}</Table.Td>
                <Table.Td ta="end">{formatShekels(b.owed.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  )
}

function DisputesTab() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<'open' | 'resolved'>('open')
  const [resolving, setResolving] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<'release' | 'partial' | 'refund'>('release')
  const [amount, setAmount] = useState<number | string>('')
  const [note, setNote] = useState('')
  const disputes = useQuery({
    queryKey: [...KEY, 'disputes', status],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/admin/disputes', { params: { query: { status } }, signal })),
  })
  const resolve = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/ofair/admin/resolve-dispute/{id}', {
          params: { path: { id: resolving ?? '' } },
          body: { outcome, note, ...(outcome === 'partial' ? { amount: shekels(Number(amount)) } : {}) },
        }),
      ),
    onSuccess: () => {
      setResolving(null)
      setNote('')
      setAmount('')
      return queryClient.invalidateQueries({ queryKey: ['ofair'] })
    },
  })
  return (
    <Stack gap="md">
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as 'open' | 'resolved')}
        data={[
          { value: 'open', label: t('ofair.finance.disputesOpen') },
          { value: 'resolved', label: t('ofair.finance.disputesResolved') },
        ]}
        w="fit-content"
      />
      {disputes.isPending && <LoadingState />}
      {disputes.isError && <ErrorAlert error={disputes.error} />}
      {disputes.data && disputes.data.data.length === 0 && (
        <EmptyState title={t('ofair.finance.noDisputes')} />
      )}
      {disputes.data?.data.map((d) => (
        <Card key={d.id} withBorder radius="md" padding="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text fw={600} component={Link} to={`/ofair/leads/${d.lead_id}`}>
                {d.lead_title}
              </Text>
              <Text size="sm">{d.reason}</Text>
              <Text size="xs" c="dimmed">
                {t(`ofair.finance.openedBy.${d.opened_by_role}` as 'ofair.finance.openedBy.owner')} ·{' '}
                {dateFormat.format(new Date(d.created_at))} · {formatShekels(d.final_amount.amount)}
              </Text>
              {d.resolution_note && (
                <Text size="sm" c="dimmed">
                  {t(`ofair.finance.outcome.${d.outcome}` as 'ofair.finance.outcome.release')}:{' '}
                  {d.resolution_note}
                </Text>
              )}
            </Stack>
            {d.status === 'open' && (
              <Button onClick={() => setResolving(d.id)}>{t('ofair.finance.resolve')}</Button>
            )}
          </Group>
        </Card>
      ))}
      <Modal opened={!!resolving} onClose={() => setResolving(null)} title={t('ofair.finance.resolve')}>
        <Stack>
          <SegmentedControl
            value={outcome}
            onChange={(v) => setOutcome(v as typeof outcome)}
            data={(['release', 'partial', 'refund'] as const).map((o) => ({
              value: o,
              label: t(`ofair.finance.outcome.${o}`),
            }))}
          />
          {outcome === 'partial' && (
            <NumberInput
              label={t('ofair.finance.refundAmount')}
              min={1}
              thousandSeparator=","
              suffix=" ₪"
              value={amount}
              onChange={setAmount}
            />
          )}
          <Textarea
            label={t('ofair.finance.note')}
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {resolve.isError && <ErrorAlert error={resolve.error} />}
          <Group justify="flex-end">
            <Button disabled={!note.trim()} loading={resolve.isPending} onClick={() => resolve.mutate()}>
              {t('ofair.finance.resolve')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}

function WithdrawalsTab() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const withdrawals = useQuery({
    queryKey: [...KEY, 'withdrawals'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/admin/withdrawals', { params: { query: { status: 'requested' } }, signal })),
  })
  const decide = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'approve' | 'reject' }) =>
      unwrap(
        action === 'approve'
          ? api.POST('/api/ofair/admin/withdrawals/{id}/approve', { params: { path: { id } }, body: {} })
          : api.POST('/api/ofair/admin/withdrawals/{id}/reject', { params: { path: { id } }, body: {} }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ofair'] }),
  })
  if (withdrawals.isPending) return <LoadingState />
  if (withdrawals.isError) return <ErrorAlert error={withdrawals.error} />
  if (!withdrawals.data.data.length) return <EmptyState title={t('ofair.finance.noWithdrawals')} />
  return (
    <Card withBorder radius="md" padding="md">
      {decide.isError && <ErrorAlert error={decide.error} />}
      <Table>
        <Table.Tbody>
          {withdrawals.data.data.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td>{w.display_name}</Table.Td>
              <Table.Td ta="right">{formatShekels(w.amount.amount)}</Table.Td>
              <Table.Td>{dateFormat.format(new Date(w.created_at))}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" onClick={() => decide.mutate({ id: w.id, action: 'approve' })}>
                    {t('ofair.finance.approve')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => decide.mutate({ id: w.id, action: 'reject' })}
                  >
                    {t('ofair.finance.reject')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
