import '@mantine/charts/styles.css'
import { BarChart, LineChart } from '@mantine/charts'
import { Badge, Grid, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { formatChartMinor, formatMoneyValue } from '../../lib/money'
import { Amount } from '../billing/amount'
import { type PlansOverview, usePlansOverview } from './admin-plans-api'
import { PaidInvoices, PlanRefunds } from './plan-refunds'

const PERIODS = ['6', '12', '24'] as const

/**
 * /admin/plans: recruiter plans at a glance — paying subscribers and MRR per tier (from the
 * subscription rows), trials, subscriptions in dunning, downgrades and cancellations waiting for
 * the period end, the latest changes of the plan history, and by month the recruiters on each
 * paid tier and the plan revenue collected (booked on the ledger).
 */
export function AdminPlansPage() {
  const { t } = useTranslation()
  usePageTitle(t('adminPlans.title'))
  const [period, setPeriod] = useState<string>('12')
  const overview = usePlansOverview(Number(period))
  const o = overview.data
  return (
    <>
      <PageHeader
        title={t('adminPlans.title')}
        description={t('adminPlans.description')}
        actions={
          <SegmentedControl
            aria-label={t('adminPlans.period')}
            value={period}
            onChange={setPeriod}
            data={PERIODS.map((p) => ({ value: p, label: t('adminPlans.months', { count: Number(p) }) }))}
          />
        }
      />
      {overview.isPending && <LoadingState />}
      {overview.isError && (
        <QueryError
          error={overview.error}
          signInTitle={t('adminPlans.title')}
          onRetry={() => overview.refetch()}
        />
      )}
      {o && (
        <Stack gap="xl">
          <Kpis o={o} />
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <SectionCard title={t('adminPlans.chart.subscribers')}>
                <SubscribersChart o={o} />
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <SectionCard title={t('adminPlans.chart.collected')}>
                <CollectedChart o={o} />
              </SectionCard>
            </Grid.Col>
          </Grid>
          <TiersTable o={o} />
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <PastDue o={o} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Trials o={o} />
            </Grid.Col>
          </Grid>
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Scheduled o={o} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Recent o={o} />
            </Grid.Col>
          </Grid>
          <PaidInvoices o={o} />
          <PlanRefunds o={o} />
        </Stack>
      )}
    </>
  )
}

function Kpis({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  const cards = [
    {
      key: 'mrr',
      title: t('adminPlans.kpi.mrr'),
      help:
        o.totals.discounted_subscribers > 0
          ? t('adminPlans.kpi.mrrDiscounted', {
              list: formatMoneyValue(o.totals.mrr_at_list_price, i18n.language),
              count: o.totals.discounted_subscribers,
            })
          : t('adminPlans.kpi.mrrHelp'),
      money: o.totals.mrr,
    },
    { key: 'arr', title: t('adminPlans.kpi.arr'), help: t('adminPlans.kpi.arrHelp'), money: o.totals.arr },
    {
      key: 'subscribers',
      title: t('adminPlans.kpi.subscribers'),
      help: t('adminPlans.kpi.subscribersHelp'),
      count: o.totals.subscribers,
    },
    {
      key: 'trialing',
      title: t('adminPlans.kpi.trialing'),
      help: t('adminPlans.kpi.trialingHelp'),
      count: o.totals.trialing,
    },
    {
      key: 'pastDue',
      title: t('adminPlans.kpi.pastDue'),
      help: t('adminPlans.kpi.pastDueHelp'),
      count: o.totals.past_due,
    },
    {
      key: 'booked',
      title: t('adminPlans.kpi.booked'),
      help: t('adminPlans.kpi.bookedHelp'),
      money: o.totals.plan_revenue_booked,
    },
  ]
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
      {cards.map((c) => (
        <Paper key={c.key} withBorder p="md" radius="md" data-testid={`plans-kpi-${c.key}`}>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {c.title}
            </Text>
            {'money' in c && c.money ? (
              <Amount value={c.money} fz={22} fw={700} />
            ) : (
              <Text fz={22} fw={700} c={c.key === 'pastDue' && (c.count ?? 0) > 0 ? 'red' : undefined}>
                {c.count}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {c.help}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  )
}

const monthLabel = (month: string, lang: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(lang, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  })

function SubscribersChart({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  const data = o.months.map((m) => ({
    month: monthLabel(m.month, i18n.language),
    pro: m.pro,
    partner: m.partner,
  }))
  return (
    <figure style={{ margin: 0 }} aria-label={t('adminPlans.chart.subscribers')}>
      <BarChart
        h={260}
        data={data}
        dataKey="month"
        type="stacked"
        series={[
          { name: 'pro', label: t('adminPlans.tiers.pro'), color: 'blue.5' },
          { name: 'partner', label: t('adminPlans.tiers.partner'), color: 'violet.6' },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 36 }}
        maxBarWidth={22}
        gridAxis="y"
        yAxisProps={{ allowDecimals: false, width: 40 }}
      />
    </figure>
  )
}

function CollectedChart({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  const data = o.months.map((m) => ({
    month: monthLabel(m.month, i18n.language),
    collected: Number(m.collected.amount),
    refunded: Number(m.refunded.amount),
  }))
  return (
    <figure style={{ margin: 0 }} aria-label={t('adminPlans.chart.collected')}>
      <LineChart
        h={260}
        data={data}
        dataKey="month"
        series={[
          { name: 'collected', label: t('adminPlans.chart.collectedSeries'), color: 'teal.6' },
          { name: 'refunded', label: t('adminPlans.chart.refundedSeries'), color: 'red.6' },
        ]}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 36 }}
        valueFormatter={(v) => formatChartMinor(v, o.currency, i18n.language)}
        curveType="monotone"
        gridAxis="y"
        yAxisProps={{ width: 64 }}
      />
    </figure>
  )
}

function TiersTable({ o }: { o: PlansOverview }) {
  const { t } = useTranslation()
  return (
    <SectionCard title={t('adminPlans.tiersTitle')}>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" data-testid="plans-tiers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adminPlans.col.plan')}</Table.Th>
              <Table.Th ta="end">{t('adminPlans.col.subscribers')}</Table.Th>
              <Table.Th ta="end">{t('adminPlans.col.monthly')}</Table.Th>
              <Table.Th ta="end">{t('adminPlans.col.yearly')}</Table.Th>
              <Table.Th ta="end">{t('adminPlans.col.trialing')}</Table.Th>
              <Table.Th ta="end">{t('adminPlans.col.mrr')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.tiers.map((tier) => (
              <Table.Tr key={tier.tier}>
                <Table.Td fw={600}>{t(`adminPlans.tiers.${tier.tier}`)}</Table.Td>
                <Table.Td ta="end">{tier.subscribers}</Table.Td>
                <Table.Td ta="end">{tier.monthly}</Table.Td>
                <Table.Td ta="end">{tier.yearly}</Table.Td>
                <Table.Td ta="end">{tier.trialing}</Table.Td>
                <Table.Td ta="end">
                  <Amount value={tier.mrr} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  )
}

function Empty({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed" py="md" ta="center">
      {text}
    </Text>
  )
}

function PastDue({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  return (
    <SectionCard title={t('adminPlans.pastDue.title')}>
      {o.past_due.length === 0 ? (
        <Empty text={t('adminPlans.pastDue.none')} />
      ) : (
        <Table verticalSpacing="xs" data-testid="plans-past-due">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adminPlans.col.recruiter')}</Table.Th>
              <Table.Th ta="end">{t('adminPlans.col.due')}</Table.Th>
              <Table.Th>{t('adminPlans.col.attempts')}</Table.Th>
              <Table.Th>{t('adminPlans.col.nextTry')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.past_due.map((p) => (
              <Table.Tr key={p.invoice_id}>
                <Table.Td>
                  <Text size="sm">{p.recruiter_name}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`adminPlans.tiers.${p.tier}`)} · {p.last_payment_error ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">
                  <Amount value={p.amount_due} />
                </Table.Td>
                <Table.Td>{p.attempt_count}</Table.Td>
                <Table.Td>
                  {p.next_payment_attempt
                    ? formatDate(p.next_payment_attempt, i18n.language)
                    : t('adminPlans.pastDue.noMore')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  )
}

function Trials({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  return (
    <SectionCard title={t('adminPlans.trials.title')}>
      {o.trials.length === 0 ? (
        <Empty text={t('adminPlans.trials.none')} />
      ) : (
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {o.trials.map((x) => (
              <Table.Tr key={x.subscription_id}>
                <Table.Td>{x.recruiter_name}</Table.Td>
                <Table.Td>{t(`adminPlans.tiers.${x.tier}`)}</Table.Td>
                <Table.Td>
                  {x.trial_end
                    ? t('adminPlans.trials.until', { date: formatDate(x.trial_end, i18n.language) })
                    : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  )
}

function Scheduled({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  return (
    <SectionCard title={t('adminPlans.scheduled.title')}>
      {o.scheduled.length === 0 ? (
        <Empty text={t('adminPlans.scheduled.none')} />
      ) : (
        <Table verticalSpacing="xs" data-testid="plans-scheduled">
          <Table.Tbody>
            {o.scheduled.map((x) => (
              <Table.Tr key={x.subscription_id}>
                <Table.Td>{x.recruiter_name}</Table.Td>
                <Table.Td>
                  {t('adminPlans.scheduled.change', {
                    from: t(`adminPlans.tiers.${x.from.tier}`),
                    to: t(`adminPlans.tiers.${x.to.tier}`),
                  })}
                  {x.to.interval && x.to.interval !== x.from.interval && (
                    <Badge ml="xs" size="xs" variant="light">
                      {t(x.to.interval === 'month' ? 'adminPlans.monthly' : 'adminPlans.yearly')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{x.at ? formatDate(x.at, i18n.language) : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  )
}

function Recent({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  return (
    <SectionCard title={t('adminPlans.recent.title')}>
      {o.recent_changes.length === 0 ? (
        <Empty text={t('adminPlans.recent.none')} />
      ) : (
        <Table verticalSpacing="xs" data-testid="plans-recent">
          <Table.Tbody>
            {o.recent_changes.map((x) => (
              <Table.Tr key={`${x.recruiter_id}-${x.at}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{x.recruiter_name}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {x.from_tier && <Text size="sm">{t(`adminPlans.tiers.${x.from_tier}`)} →</Text>}
                    <Text size="sm" fw={600}>
                      {t(`adminPlans.tiers.${x.to_tier}`)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={x.reason === 'payment_failed' ? 'red' : 'gray'}>
                    {t(`adminPlans.reasons.${x.reason}`, { defaultValue: x.reason })}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(x.at, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  )
}
