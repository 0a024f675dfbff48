import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { lazy, type ReactNode, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../api/client'
import type { paths } from '../../api/schema'
import { unwrap } from '../../api/use-api'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { bpsToPercentText, formatAmount, formatMoneyCompact } from '../../lib/money'

const HomeChart = lazy(() => import('./home-charts'))

type Home = paths['/api/me/home']['get']['responses'][200]['content']['application/json']
type Period = '30d' | '90d' | '12m' | 'ytd'
const STAGES = ['submitted', 'screening', 'interview', 'offer'] as const
const STAGE_COLORS = {
  submitted: 'gray.5',
  screening: 'blue.5',
  interview: 'violet.5',
  offer: 'teal.5',
} as const

/** GET /api/me/home for a period (the server picks the sections from the caller's roles). */
function useHome(period: Period) {
  return useQuery({
    queryKey: ['me', 'home', period],
    queryFn: ({ signal }) => unwrap(api.GET('/api/me/home', { params: { query: { period } }, signal })),
  })
}

/**
 * The numbers each persona acts on, above the shortcuts of the Splits home: a recruiter's pipeline,
 * placements, earnings, quiet candidates and matching roles; a hiring team's open roles, submissions
 * awaiting review, time to fill and spend; a platform admin's GMV, fees, take rate and health.
 */
export function PersonaHome() {
  const { t } = useTranslation()
  const [period, setPeriod] = useState<Period>('30d')
  const home = useHome(period)
  return (
    <Stack gap="lg" mb="xl" data-testid="persona-home">
      <Group justify="space-between" gap="sm">
        <Text c="dimmed" size="sm">
          {home.data ? t('splitsHomes.comparedWith') : ''}
        </Text>
        <SegmentedControl
          aria-label={t('splitsHomes.period')}
          value={period}
          onChange={(v) => setPeriod(v as Period)}
          size="xs"
          data={(['30d', '90d', '12m', 'ytd'] as const).map((p) => ({
            value: p,
            label: t(`splitsHomes.periods.${p}`),
          }))}
        />
      </Group>
      {home.isPending ? (
        <LoadingState minHeight={240} />
      ) : home.isError ? (
        <ErrorAlert error={home.error} />
      ) : (
        <>
          {home.data.admin && <AdminHome home={home.data} />}
          {home.data.company && <CompanyHome home={home.data} />}
          {home.data.recruiter && <RecruiterHome home={home.data} />}
        </>
      )}
    </Stack>
  )
}

/** A figure with its label, how it compares with the period before, and a link to its list. */
function Stat({
  label,
  value,
  current,
  previous,
  to,
  hint,
}: {
  label: string
  value: ReactNode
  current?: number | bigint
  previous?: number | bigint
  to?: string
  hint?: string
}) {
  const { t } = useTranslation()
  const delta =
    current !== undefined && previous !== undefined ? BigInt(current) - BigInt(previous) : undefined
  const body = (
    <Paper withBorder radius="md" p="sm" h="100%">
      <Text size="xs" c="dimmed" lineClamp={1}>
        {label}
      </Text>
      <Text fw={700} fz={22} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      {delta !== undefined ? (
        <Text size="xs" c={delta > 0n ? 'teal.7' : delta < 0n ? 'red.7' : 'dimmed'}>
          {delta === 0n
            ? t('splitsHomes.same')
            : t('splitsHomes.change', {
                sign: delta > 0n ? '+' : '−',
                n: (delta < 0n ? -delta : delta).toString(),
              })}
        </Text>
      ) : hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  )
  return to ? (
    <UnstyledButton
      component={Link}
      to={to}
      aria-label={`${label}: ${typeof value === 'string' ? value : ''}`}
    >
      {body}
    </UnstyledButton>
  ) : (
    body
  )
}

/**
 * Money is never added across currencies: a section with several shows one at a time, with a
 * switch; the first is the one with the most money (the caller gives each currency's amount).
 */
function useCurrency(ranked: readonly { currency: string; amount: bigint }[]) {
  const list = [
    ...new Set(
      [...ranked]
        .sort((a, b) => (b.amount > a.amount ? 1 : b.amount < a.amount ? -1 : 0))
        .map((x) => x.currency),
    ),
  ]
  const [chosen, setChosen] = useState<string | null>(null)
  const currency = chosen && list.includes(chosen) ? chosen : (list[0] ?? 'USD')
  const { t } = useTranslation()
  const control =
    list.length > 1 ? (
      <SegmentedControl
        size="xs"
        aria-label={t('splitsHomes.currency')}
        value={currency}
        onChange={setChosen}
        data={list}
      />
    ) : undefined
  return { currency, control }
}

const Chart = (props: Parameters<typeof HomeChart>[0]) => (
  <Suspense fallback={<LoadingState minHeight={220} />}>
    <HomeChart {...props} />
  </Suspense>
)

function useBucketLabel(home: Home) {
  const { i18n } = useTranslation()
  return (bucket: string) =>
    new Date(`${bucket}T00:00:00Z`).toLocaleDateString(i18n.language, {
      timeZone: 'UTC',
      month: 'short',
      ...(home.period.bucket === 'week' ? { day: 'numeric' } : { year: '2-digit' }),
    })
}

function RecruiterHome({ home }: { home: Home }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const r = home.recruiter!
  const label = useBucketLabel(home)
  const inPlay = r.pipeline.reduce((s, p) => s + p.count, 0)
  const { currency, control } = useCurrency(
    r.earnings.map((e) => ({
      currency: e.currency,
      amount:
        BigInt(e.pending.amount) + BigInt(e.held.amount) + BigInt(e.available.amount) + BigInt(e.paid.amount),
    })),
  )
  const usd = r.earnings.find((e) => e.currency === currency)
  const money = (m: { amount: string; currency: string } | undefined) =>
    m ? formatAmount(m.amount, m.currency, lang) : formatAmount('0', currency, lang)
  return (
    <SectionCard title={t('splitsHomes.recruiter.title')} actions={control}>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <Stat label={t('splitsHomes.recruiter.inPlay')} value={inPlay} to="/splits/pipeline" />
          <Stat
            label={t('splitsHomes.recruiter.placements')}
            value={r.placements.current}
            current={r.placements.current}
            previous={r.placements.previous}
            to="/splits/placements"
          />
          <Stat
            label={t('splitsHomes.recruiter.pending')}
            value={money(usd?.pending)}
            to="/splits/earnings"
            hint={t('splitsHomes.recruiter.pendingHint')}
          />
          <Stat
            label={t('splitsHomes.recruiter.held')}
            value={money(usd?.held)}
            to="/splits/earnings"
            hint={t('splitsHomes.recruiter.heldHint')}
          />
          <Stat
            label={t('splitsHomes.recruiter.available')}
            value={money(usd?.available)}
            to="/splits/earnings"
          />
          <Stat
            label={t('splitsHomes.recruiter.paid')}
            value={money(usd?.paid)}
            to="/splits/earnings"
            hint={t('splitsHomes.allTime')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('splitsHomes.recruiter.pipelineChart')}
            </Text>
            <Chart
              kind="bars"
              title={t('splitsHomes.recruiter.pipelineChart')}
              data={r.pipeline.map((p) => ({ label: t(`splitsHomes.stages.${p.stage}`), count: p.count }))}
            />
          </div>
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('splitsHomes.recruiter.placementsChart')}
            </Text>
            <Chart
              kind="counts"
              title={t('splitsHomes.recruiter.placementsChart')}
              data={r.placements.series.map((s) => ({ label: label(s.bucket), count: s.count }))}
            />
          </div>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Group justify="space-between" mb="xs">
              <Text fw={600} size="sm">
                {t('splitsHomes.recruiter.quiet', { days: r.stale.after_days })}
              </Text>
              <Badge variant="light" color={r.stale.count ? 'orange' : 'gray'}>
                {r.stale.count}
              </Badge>
            </Group>
            {r.stale.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('splitsHomes.recruiter.noneQuiet')}
              </Text>
            ) : (
              <Stack
                gap={6}
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                data-testid="quiet-candidates"
              >
                {r.stale.items.map((s) => (
                  <li key={s.application_id}>
                    <Anchor
                      component={Link}
                      to={`/splits/applications/${s.application_id}`}
                      size="sm"
                      fw={600}
                    >
                      {s.candidate_name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('splitsHomes.recruiter.quietLine', {
                        role: s.role_title,
                        company: s.company_name,
                        stage: t(`splitsHomes.stages.${s.stage}`),
                        days: s.days_quiet,
                      })}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </div>
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('splitsHomes.recruiter.matching')}
            </Text>
            {!r.matching_roles.specialised ? (
              <Text size="sm" c="dimmed">
                {t('splitsHomes.recruiter.noSpecialisations')}{' '}
                <Anchor component={Link} to="/splits/account" size="sm">
                  {t('splitsHomes.recruiter.setSpecialisations')}
                </Anchor>
              </Text>
            ) : r.matching_roles.roles.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('splitsHomes.recruiter.noMatching')}
              </Text>
            ) : (
              <Stack
                gap={6}
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                data-testid="matching-roles"
              >
                {r.matching_roles.roles.map((role) => (
                  <li key={role.id}>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Anchor
                        component={Link}
                        to={`/splits/roles/${role.id}`}
                        size="sm"
                        fw={600}
                        lineClamp={1}
                      >
                        {role.title}
                      </Anchor>
                      <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                        {t('splitsHomes.recruiter.feeUpTo', {
                          fee: formatMoneyCompact(
                            BigInt(role.fee_up_to.amount),
                            role.fee_up_to.currency,
                            lang,
                          ),
                        })}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {[role.company_name, role.location, `${bpsToPercentText(role.fee_rate_bps)}%`]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </div>
        </SimpleGrid>
      </Stack>
    </SectionCard>
  )
}

function CompanyHome({ home }: { home: Home }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const c = home.company!
  const label = useBucketLabel(home)
  const { currency, control } = useCurrency([
    ...c.spend.totals.map((x) => ({ currency: x.currency, amount: BigInt(x.current.amount) })),
    ...c.spend.owed.map((x) => ({ currency: x.amount.currency, amount: 0n })),
  ])
  const spend = c.spend.totals.find((x) => x.currency === currency)
  const owed = c.spend.owed.find((x) => x.amount.currency === currency)
  const spendByBucket = home.period.buckets.map((b) => ({
    label: label(b),
    spend: c.spend.series
      .filter((s) => s.bucket === b && s.amount.currency === currency)
      .reduce((sum, s) => sum + Number(s.amount.amount), 0),
  }))
  return (
    <SectionCard title={t('splitsHomes.company.title')} actions={control}>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <Stat
            label={t('splitsHomes.company.openRoles')}
            value={c.roles.open}
            to="/splits/roles"
            hint={t('splitsHomes.company.drafts', { n: c.roles.draft })}
          />
          <Stat
            label={t('splitsHomes.company.awaiting')}
            value={c.awaiting_review.count}
            to="/splits/company"
            hint={t('splitsHomes.now')}
          />
          <Stat
            label={t('splitsHomes.company.submissions')}
            value={c.submissions.current}
            current={c.submissions.current}
            previous={c.submissions.previous}
            to="/splits/company"
          />
          <Stat
            label={t('splitsHomes.company.hires')}
            value={c.hires.current}
            current={c.hires.current}
            previous={c.hires.previous}
            to="/splits/placements"
          />
          <Stat
            label={t('splitsHomes.company.timeToFill')}
            value={
              c.time_to_fill.median_days === null
                ? '—'
                : t('splitsHomes.days', { n: c.time_to_fill.median_days })
            }
            hint={t('splitsHomes.company.median')}
          />
          <Stat
            label={t('splitsHomes.company.spend')}
            value={formatAmount(spend?.current.amount ?? '0', currency, lang)}
            to="/splits/billing"
            hint={
              owed
                ? t('splitsHomes.company.owed', {
                    amount: formatAmount(owed.amount.amount, owed.amount.currency, lang),
                  })
                : undefined
            }
          />
        </SimpleGrid>
        <div>
          <Text fw={600} size="sm" mb="xs">
            {t('splitsHomes.company.awaitingList')}
          </Text>
          {c.awaiting_review.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('splitsHomes.company.noneAwaiting')}
            </Text>
          ) : (
            <Stack
              gap={6}
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              data-testid="awaiting-review"
            >
              {c.awaiting_review.items.map((a) => (
                <li key={a.application_id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Anchor
                      component={Link}
                      to={`/splits/applications/${a.application_id}`}
                      size="sm"
                      fw={600}
                      lineClamp={1}
                    >
                      {a.candidate_name}
                    </Anchor>
                    <Badge
                      variant="light"
                      color={a.days_waiting > 7 ? 'orange' : 'gray'}
                      style={{ flexShrink: 0 }}
                    >
                      {t('splitsHomes.days', { n: a.days_waiting })}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('splitsHomes.company.awaitingLine', {
                      role: a.role_title,
                      recruiter: a.recruiter_name ?? '—',
                      date: formatDate(a.submitted_at, lang),
                    })}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('splitsHomes.company.pipelineByRole')}
            </Text>
            <Chart
              kind="stacked"
              title={t('splitsHomes.company.pipelineByRole')}
              data={c.pipeline_by_role.map((p) => ({
                label: p.role_title.length > 18 ? `${p.role_title.slice(0, 17)}…` : p.role_title,
                submitted: p.submitted,
                screening: p.screening,
                interview: p.interview,
                offer: p.offer,
              }))}
              series={STAGES.map((s) => ({
                key: s,
                label: t(`splitsHomes.stages.${s}`),
                color: STAGE_COLORS[s],
              }))}
            />
          </div>
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('splitsHomes.company.spendChart')}
            </Text>
            <Chart
              kind="money"
              title={t('splitsHomes.company.spendChart')}
              currency={currency}
              data={spendByBucket}
              series={[{ key: 'spend', label: t('splitsHomes.company.spend'), color: 'indigo.6' }]}
            />
          </div>
        </SimpleGrid>
        {c.time_to_fill.by_role.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('splitsHomes.company.timeToFillByRole')}
            </Text>
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {c.time_to_fill.by_role.map((r) => (
                <Group key={r.role_id} component="li" justify="space-between" gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/splits/roles/${r.role_id}`} size="sm" lineClamp={1}>
                    {r.role_title}
                  </Anchor>
                  <Text size="sm" style={{ flexShrink: 0 }}>
                    {t('splitsHomes.days', { n: r.median_days })} ·{' '}
                    {t('splitsHomes.company.hiresN', { count: r.hires })}
                  </Text>
                </Group>
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </SectionCard>
  )
}

function AdminHome({ home }: { home: Home }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const a = home.admin!
  const label = useBucketLabel(home)
  const { currency, control } = useCurrency(
    a.money.map((x) => ({ currency: x.currency, amount: BigInt(x.gmv.amount) })),
  )
  const m = a.money.find((x) => x.currency === currency)
  const money = (x: { amount: string; currency: string } | undefined) =>
    formatMoneyCompact(BigInt(x?.amount ?? '0'), x?.currency ?? currency, lang)
  const rate = (bps: number | null | undefined) =>
    bps === null || bps === undefined ? '—' : bpsToPercentText(bps)
  const series = home.period.buckets.map((b) => {
    const row = a.money_series.filter((s) => s.bucket === b && s.gmv.currency === currency)
    return {
      label: label(b),
      gmv: row.reduce((s, r) => s + Number(r.gmv.amount), 0),
      fees: row.reduce((s, r) => s + Number(r.fees.amount), 0),
    }
  })
  return (
    <SectionCard title={t('splitsHomes.admin.title')} actions={control}>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
          <Stat
            label={t('splitsHomes.admin.gmv')}
            value={money(m?.gmv)}
            hint={t('splitsHomes.admin.before', { value: money(m?.previous_gmv) })}
            to="/admin/finance"
          />
          <Stat
            label={t('splitsHomes.admin.fees')}
            value={money(m?.fees)}
            hint={t('splitsHomes.admin.before', { value: money(m?.previous_fees) })}
            to="/admin/finance"
          />
          <Stat
            label={t('splitsHomes.admin.takeRate')}
            value={rate(m?.take_rate_bps)}
            hint={t('splitsHomes.admin.before', { value: rate(m?.previous_take_rate_bps) })}
          />
          <Stat
            label={t('splitsHomes.admin.placements')}
            value={a.placements.current}
            current={a.placements.current}
            previous={a.placements.previous}
            to="/admin/applications"
          />
          <Stat
            label={t('splitsHomes.admin.activeRecruiters')}
            value={a.active_recruiters.current}
            current={a.active_recruiters.current}
            previous={a.active_recruiters.previous}
            to="/admin/users"
          />
          <Stat
            label={t('splitsHomes.admin.activeCompanies')}
            value={a.active_companies.current}
            current={a.active_companies.current}
            previous={a.active_companies.previous}
            to="/admin/companies"
          />
          <Stat
            label={t('splitsHomes.admin.openDisputes')}
            value={a.disputes.open}
            hint={t('splitsHomes.admin.opened', { n: a.disputes.opened.current })}
            to="/admin/disputes"
          />
          <Stat
            label={t('splitsHomes.admin.failedJobs')}
            value={a.failed_jobs.waiting}
            hint={t('splitsHomes.admin.died', { n: a.failed_jobs.died.current })}
            to="/admin/jobs"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('splitsHomes.admin.gmvChart')}
            </Text>
            <Chart
              kind="money"
              title={t('splitsHomes.admin.gmvChart')}
              currency={currency}
              data={series}
              series={[
                { key: 'gmv', label: t('splitsHomes.admin.gmv'), color: 'indigo.6' },
                { key: 'fees', label: t('splitsHomes.admin.fees'), color: 'teal.6' },
              ]}
            />
          </div>
          <div>
            <Text fw={600} size="sm" mb="xs">
              {t('splitsHomes.admin.placementsChart')}
            </Text>
            <Chart
              kind="bars"
              color="teal.6"
              title={t('splitsHomes.admin.placementsChart')}
              data={a.placements.series.map((s) => ({ label: label(s.bucket), count: s.count }))}
            />
          </div>
        </SimpleGrid>
      </Stack>
    </SectionCard>
  )
}
