import { CURRENCY_CODES } from '@app/money'
import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  ThemeIcon,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCoins,
  IconDownload,
  IconLockOpen,
  IconPlayerPlay,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { Amount } from '../billing/amount'
import { HoldsTable, PayoutsTable, SchedulesTable } from './payout-tables'
import {
  BATCH_CSV_URL,
  HOLD_STATUSES,
  type Hold,
  type HoldStatus,
  PAYOUT_STATUSES,
  type PayoutRow,
  type PayoutStatus,
  type RunTotals,
  SCHEDULE_STATUSES,
  type ScheduleStatus,
  useCancelHold,
  useHolds,
  useMarkFailed,
  useMarkPaid,
  usePayouts,
  usePayoutsSummary,
  useProcessPayout,
  useReleaseDueHolds,
  useReleaseHold,
  useRunPayouts,
  useSchedules,
  useTriggerSchedule,
} from './payouts-api'
import { PayoutMonthsChart } from './payouts-charts'
import { ReasonModal } from './reason-modal'

const TABS = ['overview', 'queue', 'history', 'schedules', 'holds', 'batch'] as const
type Tab = (typeof TABS)[number]

/**
 * Paying recruiters, for platform admins: reconciliation (revenue vs paid vs held vs in flight, by
 * month), the queue of payouts waiting or parked, the history, schedules with their failures and a
 * retry, escrow holds with release and cancel, and the bank-transfer batch (CSV, mark paid or failed).
 */
export function AdminPayoutsPage() {
  const { t } = useTranslation()
  usePageTitle(t('payouts.admin.title'))
  const [params, setParams] = useSearchParams()
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'overview'
  const set = (key: string, value: string | null) =>
    setParams(
      (all) => {
        const next = new URLSearchParams(all)
        if (value) next.set(key, value)
        else next.delete(key)
        if (key === 'tab') next.delete('status')
        return next
      },
      { replace: true },
    )

  return (
    <>
      <PageHeader title={t('payouts.admin.title')} description={t('payouts.admin.description')} />
      <Tabs value={tab} onChange={(v) => set('tab', v === 'overview' ? null : v)} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`payouts.admin.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview currency={params.get('currency') ?? 'USD'} onCurrency={(c) => set('currency', c)} />
        </Tabs.Panel>
        <Tabs.Panel value="queue">
          <Queue />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <History status={params.get('status') as PayoutStatus | null} onStatus={(s) => set('status', s)} />
        </Tabs.Panel>
        <Tabs.Panel value="schedules">
          <Schedules
            status={params.get('status') as ScheduleStatus | null}
            onStatus={(s) => set('status', s)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="holds">
          <Holds
            status={(params.get('status') as HoldStatus | null) ?? 'active'}
            onStatus={(s) => set('status', s)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="batch">
          <Batch />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}

function RunResult({ run }: { run: RunTotals }) {
  const { t } = useTranslation()
  return (
    <Alert role="status" color="teal" variant="light" icon={<IconCircleCheck size={20} />}>
      {t('payouts.admin.runResult', {
        completed: run.completed,
        parked: run.parked,
        retried: run.retried,
        failed: run.failed,
        batch: run.awaiting_manual,
      })}
    </Alert>
  )
}

function Overview({ currency, onCurrency }: { currency: string; onCurrency: (c: string | null) => void }) {
  const { t } = useTranslation()
  const summary = usePayoutsSummary(currency)
  const run = useRunPayouts()
  const release = useReleaseDueHolds()
  const s = summary.data
  if (summary.isPending) return <LoadingState />
  if (summary.isError)
    return (
      <QueryError
        error={summary.error}
        signInTitle={t('admin.finance.signInRequired')}
        onRetry={() => summary.refetch()}
      />
    )
  if (!s) return null
  const k = s.totals
  const kpis = [
    { key: 'revenue', value: k.revenue, color: 'violet' },
    { key: 'held', value: k.held, color: 'blue' },
    { key: 'available', value: k.available, color: 'cyan' },
    { key: 'inFlight', value: k.in_flight, color: 'yellow' },
    { key: 'paid', value: k.paid, color: 'teal' },
    { key: 'debt', value: k.debt, color: 'red' },
  ] as const
  return (
    <Stack gap="xl">
      <Group justify="flex-end">
        <Select
          aria-label={t('admin.finance.currency')}
          leftSection={<IconCoins size={16} />}
          data={CURRENCY_CODES}
          value={currency}
          onChange={(c) => onCurrency(c === 'USD' ? null : c)}
          allowDeselect={false}
          searchable
          w={120}
        />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
        {kpis.map((kpi) => (
          <Paper
            key={kpi.key}
            withBorder
            p="md"
            component="section"
            aria-label={t(`payouts.admin.kpi.${kpi.key}`)}
          >
            <Stack gap={4}>
              <Group gap={6} wrap="nowrap">
                <ThemeIcon variant="light" color={kpi.color} size="sm" radius="xl">
                  <IconCoins size={14} />
                </ThemeIcon>
                <Text size="sm" c="dimmed" fw={500}>
                  {t(`payouts.admin.kpi.${kpi.key}`)}
                </Text>
              </Group>
              <Amount value={kpi.value} compact fz={22} fw={700} lh={1.2} />
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xl">
            <SectionCard title={t('payouts.admin.months.title')}>
              <PayoutMonthsChart currency={s.currency} months={s.months} />
            </SectionCard>
            <SectionCard
              title={t('payouts.admin.reconciliation.title')}
              actions={
                <Badge color={s.reconciliation.ok ? 'teal' : 'red'} variant="light">
                  {s.reconciliation.ok
                    ? t('payouts.admin.reconciliation.ok')
                    : t('payouts.admin.reconciliation.broken')}
                </Badge>
              }
            >
              <List spacing={6} size="sm" center>
                {s.reconciliation.checks.map((c) => (
                  <List.Item
                    key={c.name}
                    icon={
                      <ThemeIcon color={c.ok ? 'teal' : 'red'} size={20} radius="xl" variant="light">
                        {c.ok ? <IconCircleCheck size={14} /> : <IconAlertTriangle size={14} />}
                      </ThemeIcon>
                    }
                  >
                    <Text size="sm" fw={500}>
                      {t(`payouts.admin.reconciliation.checks.${c.name}`, { defaultValue: c.name })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.detail}
                    </Text>
                  </List.Item>
                ))}
              </List>
              <Text size="xs" c="dimmed" mt="sm">
                {t('payouts.admin.reconciliation.money')} <Amount span size="xs" value={k.recruiter_money} />
              </Text>
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xl">
            <SectionCard title={t('payouts.admin.due.title')}>
              <Stack gap="sm">
                <Text size="sm">
                  {t('payouts.admin.due.schedules', { count: s.due.schedules })}{' '}
                  <Amount span value={s.due.schedules_amount} fw={600} />
                </Text>
                <Text size="sm">
                  {t('payouts.admin.due.releases', { count: s.due.escrow_releases })}{' '}
                  <Amount span value={s.due.escrow_amount} fw={600} />
                </Text>
                <Text size="sm">
                  {t('payouts.admin.due.parked', { count: s.due.parked_payouts })}{' '}
                  <Amount span value={s.due.parked_amount} fw={600} />
                </Text>
                <Text size="sm">{t('payouts.admin.due.batch', { count: s.due.bank_transfer_batch })}</Text>
                <Text size="xs" c="dimmed">
                  {t('payouts.admin.due.cron')}
                </Text>
                <Group>
                  <Button
                    leftSection={<IconPlayerPlay size={16} />}
                    loading={run.isPending}
                    onClick={() => run.mutate()}
                  >
                    {t('payouts.admin.due.runNow')}
                  </Button>
                  <Button
                    variant="default"
                    leftSection={<IconLockOpen size={16} />}
                    loading={release.isPending}
                    onClick={() => release.mutate()}
                  >
                    {t('payouts.admin.due.releaseNow')}
                  </Button>
                </Group>
                {run.isError && <ErrorAlert error={run.error} />}
                {run.data && <RunResult run={run.data} />}
                {release.isError && <ErrorAlert error={release.error} />}
                {release.data && (
                  <Alert role="status" color="teal" variant="light" icon={<IconCircleCheck size={20} />}>
                    {t('payouts.admin.releaseResult', { count: release.data.released })}
                  </Alert>
                )}
              </Stack>
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

function PayoutList({
  title,
  status,
  parked,
  actions,
  filter,
}: {
  title: string
  status?: PayoutStatus | undefined
  parked?: 'true' | 'false' | undefined
  actions?: (p: PayoutRow) => React.ReactNode
  filter?: React.ReactNode
}) {
  const { t } = useTranslation()
  const list = usePayouts({ status, parked })
  const rows = list.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <SectionCard title={title} actions={filter}>
      <Stack>
        {list.isPending && <LoadingState />}
        {list.isError && (
          <QueryError
            error={list.error}
            signInTitle={t('admin.finance.signInRequired')}
            onRetry={() => list.refetch()}
          />
        )}
        {list.isSuccess && rows.length === 0 && <EmptyState title={t('payouts.admin.empty')} />}
        {rows.length > 0 && (
          <>
            <PayoutsTable payouts={rows} {...(actions ? { actions } : {})} />
            <LoadMore
              shown={t('payouts.admin.shown', { count: rows.length })}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => list.fetchNextPage()}
            />
          </>
        )}
      </Stack>
    </SectionCard>
  )
}

function Queue() {
  const { t } = useTranslation()
  const process = useProcessPayout()
  const send = (p: PayoutRow) =>
    p.status === 'pending' && p.method === 'stripe_connect' ? (
      <Button
        size="xs"
        variant="default"
        loading={process.isPending && process.variables === p.id}
        onClick={() => process.mutate(p.id)}
      >
        {t('payouts.actions.sendNow')}
      </Button>
    ) : null
  return (
    <Stack gap="xl">
      {process.isError && <ErrorAlert error={process.error} />}
      {process.data && <RunResult run={process.data.run} />}
      <PayoutList title={t('payouts.admin.queue.pending')} status="pending" actions={send} />
      <PayoutList title={t('payouts.admin.queue.processing')} status="processing" />
    </Stack>
  )
}

function History({
  status,
  onStatus,
}: {
  status: PayoutStatus | null
  onStatus: (s: string | null) => void
}) {
  const { t } = useTranslation()
  return (
    <PayoutList
      title={t('payouts.admin.history.title')}
      status={status ?? undefined}
      filter={
        <Select
          aria-label={t('payouts.table.status')}
          placeholder={t('payouts.admin.anyStatus')}
          data={PAYOUT_STATUSES.map((s) => ({ value: s, label: t(`payouts.status.${s}`) }))}
          value={status}
          onChange={onStatus}
          clearable
          w={180}
        />
      }
    />
  )
}

function Schedules({
  status,
  onStatus,
}: {
  status: ScheduleStatus | null
  onStatus: (s: string | null) => void
}) {
  const { t } = useTranslation()
  const list = useSchedules({ status: status ?? undefined })
  const trigger = useTriggerSchedule()
  const rows = list.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <SectionCard
      title={t('payouts.admin.schedules.title')}
      actions={
        <Select
          aria-label={t('payouts.table.status')}
          placeholder={t('payouts.admin.anyStatus')}
          data={SCHEDULE_STATUSES.map((s) => ({ value: s, label: t(`payouts.scheduleStatus.${s}`) }))}
          value={status}
          onChange={onStatus}
          clearable
          w={180}
        />
      }
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('payouts.admin.schedules.help')}
        </Text>
        {trigger.isError && <ErrorAlert error={trigger.error} />}
        {trigger.data && <RunResult run={trigger.data.run} />}
        {list.isPending && <LoadingState />}
        {list.isError && (
          <QueryError
            error={list.error}
            signInTitle={t('admin.finance.signInRequired')}
            onRetry={() => list.refetch()}
          />
        )}
        {list.isSuccess && rows.length === 0 && <EmptyState title={t('payouts.admin.schedules.empty')} />}
        {rows.length > 0 && (
          <>
            <SchedulesTable
              schedules={rows}
              onRetry={(s) => trigger.mutate(s.id)}
              retrying={trigger.isPending ? (trigger.variables ?? null) : null}
            />
            <LoadMore
              shown={t('payouts.admin.schedules.shown', { count: rows.length })}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => list.fetchNextPage()}
            />
          </>
        )}
      </Stack>
    </SectionCard>
  )
}

function Holds({ status, onStatus }: { status: HoldStatus; onStatus: (s: string | null) => void }) {
  const { t } = useTranslation()
  const list = useHolds({ status })
  const release = useReleaseHold()
  const cancel = useCancelHold()
  const [cancelling, setCancelling] = useState<Hold | null>(null)
  const rows = list.data?.pages.flatMap((p) => p.data) ?? []
  const actions = (h: Hold) =>
    h.status === 'active' ? (
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          loading={release.isPending && release.variables === h.id}
          onClick={() => release.mutate(h.id)}
        >
          {t('payouts.holds.release')}
        </Button>
        <Button
          size="xs"
          variant="default"
          color="red"
          onClick={() => {
            cancel.reset()
            setCancelling(h)
          }}
        >
          {t('payouts.holds.cancel')}
        </Button>
      </Group>
    ) : null
  return (
    <SectionCard
      title={t('payouts.admin.holds.title')}
      actions={
        <Select
          aria-label={t('payouts.table.status')}
          data={HOLD_STATUSES.map((s) => ({ value: s, label: t(`payouts.holdStatus.${s}`) }))}
          value={status}
          onChange={onStatus}
          allowDeselect={false}
          w={180}
        />
      }
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('payouts.admin.holds.help')}
        </Text>
        {release.isError && <ErrorAlert error={release.error} />}
        {list.isPending && <LoadingState />}
        {list.isError && (
          <QueryError
            error={list.error}
            signInTitle={t('admin.finance.signInRequired')}
            onRetry={() => list.refetch()}
          />
        )}
        {list.isSuccess && rows.length === 0 && <EmptyState title={t('payouts.admin.holds.empty')} />}
        {rows.length > 0 && (
          <>
            <HoldsTable holds={rows} actions={actions} />
            <LoadMore
              shown={t('payouts.admin.holds.shown', { count: rows.length })}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => list.fetchNextPage()}
            />
          </>
        )}
      </Stack>
      <ReasonModal
        opened={cancelling !== null}
        title={t('payouts.holds.cancelTitle')}
        body={t('payouts.holds.cancelBody')}
        label={t('payouts.holds.reason')}
        confirm={t('payouts.holds.cancelConfirm')}
        color="red"
        loading={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelling(null)}
        onConfirm={(reason) =>
          cancelling && cancel.mutate({ id: cancelling.id, reason }, { onSuccess: () => setCancelling(null) })
        }
      />
    </SectionCard>
  )
}

function Batch() {
  const { t } = useTranslation()
  const paid = useMarkPaid()
  const failed = useMarkFailed()
  const [acting, setActing] = useState<{ payout: PayoutRow; kind: 'paid' | 'failed' } | null>(null)
  const actions = (p: PayoutRow) => (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        onClick={() => {
          paid.reset()
          setActing({ payout: p, kind: 'paid' })
        }}
      >
        {t('payouts.batch.markPaid')}
      </Button>
      <Button
        size="xs"
        variant="default"
        color="red"
        onClick={() => {
          failed.reset()
          setActing({ payout: p, kind: 'failed' })
        }}
      >
        {t('payouts.batch.markFailed')}
      </Button>
    </Group>
  )
  const mutation = acting?.kind === 'failed' ? failed : paid
  return (
    <Stack gap="xl">
      <Paper withBorder p="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} maw={640}>
            <Text fw={600}>{t('payouts.batch.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('payouts.batch.help')}
            </Text>
          </Stack>
          <Button component="a" href={BATCH_CSV_URL} download leftSection={<IconDownload size={16} />}>
            {t('payouts.batch.download')}
          </Button>
        </Group>
      </Paper>
      <BatchList actions={actions} />
      <ReasonModal
        opened={acting !== null}
        title={acting?.kind === 'failed' ? t('payouts.batch.failedTitle') : t('payouts.batch.paidTitle')}
        label={acting?.kind === 'failed' ? t('payouts.batch.reason') : t('payouts.batch.reference')}
        confirm={acting?.kind === 'failed' ? t('payouts.batch.markFailed') : t('payouts.batch.markPaid')}
        {...(acting?.kind === 'failed' ? { color: 'red' } : {})}
        loading={mutation.isPending}
        error={mutation.error}
        onClose={() => setActing(null)}
        onConfirm={(text) => {
          if (!acting) return
          const done = { onSuccess: () => setActing(null) }
          if (acting.kind === 'paid') paid.mutate({ id: acting.payout.id, reference: text }, done)
          else failed.mutate({ id: acting.payout.id, reason: text }, done)
        }}
      />
    </Stack>
  )
}

function BatchList({ actions }: { actions: (p: PayoutRow) => React.ReactNode }) {
  const { t } = useTranslation()
  const list = usePayouts({ status: 'processing', method: 'manual_bank' })
  const rows = list.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <SectionCard title={t('payouts.batch.listTitle')}>
      {list.isPending && <LoadingState />}
      {list.isError && (
        <QueryError
          error={list.error}
          signInTitle={t('admin.finance.signInRequired')}
          onRetry={() => list.refetch()}
        />
      )}
      {list.isSuccess && rows.length === 0 && <EmptyState title={t('payouts.batch.empty')} />}
      {rows.length > 0 && (
        <Stack>
          <PayoutsTable payouts={rows} actions={actions} />
          <LoadMore
            shown={t('payouts.admin.shown', { count: rows.length })}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => list.fetchNextPage()}
          />
        </Stack>
      )}
    </SectionCard>
  )
}
