import '@mantine/charts/styles.css'
import { LineChart } from '@mantine/charts'
import { Badge, Group, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { type DailyReport, useDailyMetrics, useDealRisk, useHealthAlerts, useLiquidity } from './health-api'

const PERIODS = ['7', '30', '90'] as const
const dayOf = (d: Date) => d.toISOString().slice(0, 10)
const daysAgo = (n: number) => dayOf(new Date(Date.now() - n * 86_400_000))

/** /admin/health: the marketplace's health — KPIs vs the previous period, trends, liquidity, deal risk, alerts. */
export function HealthPage() {
  const { t } = useTranslation()
  usePageTitle(t('health.title'))
  const [period, setPeriod] = useState<string>('30')
  const n = Number(period)
  const daily = useDailyMetrics(daysAgo(n), daysAgo(1))
  return (
    <>
      <PageHeader title={t('health.title')} description={t('health.description')} />
      <Stack gap="xl">
        <Group>
          <SegmentedControl
            aria-label={t('health.period')}
            value={period}
            onChange={setPeriod}
            data={PERIODS.map((p) => ({ value: p, label: t('health.days', { count: Number(p) }) }))}
          />
        </Group>
        {daily.isPending && <LoadingState />}
        {daily.isError && <QueryError error={daily.error} signInTitle={t('admin.signInRequired.title')} />}
        {daily.data && <Kpis report={daily.data} />}
        {daily.data && (
          <SectionCard title={t('health.trends')}>
            <LineChart
              h={260}
              data={daily.data.rows.map((r) => ({
                day: r.day.slice(5),
                [t('health.kpi.applications')]: r.applications,
                [t('health.kpi.placements')]: r.placements,
                [t('health.kpi.openRoles')]: r.open_roles,
                [t('health.kpi.activeRecruiters')]: r.active_recruiters,
              }))}
              dataKey="day"
              series={[
                { name: t('health.kpi.applications'), color: 'blue.6' },
                { name: t('health.kpi.placements'), color: 'teal.6' },
                { name: t('health.kpi.openRoles'), color: 'grape.6' },
                { name: t('health.kpi.activeRecruiters'), color: 'orange.6' },
              ]}
              curveType="linear"
              withDots={false}
            />
          </SectionCard>
        )}
        <LiquiditySection />
        <DealRiskSection />
        <AlertsSection />
      </Stack>
    </>
  )
}

function Kpis({ report }: { report: DailyReport }) {
  const { t } = useTranslation()
  const cards = [
    ['applications', 'applications'],
    ['placements', 'placements'],
    ['openRoles', 'open_roles'],
    ['activeRecruiters', 'active_recruiters'],
    ['activeCompanies', 'active_companies'],
    ['noSubmission', 'roles_without_submission'],
  ] as const
  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
      {cards.map(([label, key]) => {
        const c = report.changes[key]
        return (
          <SectionCard key={key} title={t(`health.kpi.${label}`)}>
            <Text fz={28} fw={700} data-testid={`kpi-${key}`}>
              {report.current[key]}
            </Text>
            <Text
              size="xs"
              c={
                c === null || c === undefined || c === 0
                  ? 'dimmed'
                  : c > 0 === (key !== 'roles_without_submission')
                    ? 'teal'
                    : 'red'
              }
            >
              {c === null || c === undefined
                ? t('health.noPrevious')
                : t('health.vsPrevious', {
                    change: `${c >= 0 ? '+' : ''}${Math.round(c * 100)}%`,
                    value: report.previous[key],
                  })}
            </Text>
          </SectionCard>
        )
      })}
    </SimpleGrid>
  )
}

function LiquiditySection() {
  const { t } = useTranslation()
  const q = useLiquidity()
  const max = Math.max(1, ...(q.data?.cells.map((c) => c.submissions_per_role) ?? []))
  return (
    <SectionCard title={t('health.liquidity', { date: q.data?.date ?? '—' })}>
      {q.data && q.data.cells.length === 0 && <Text c="dimmed">{t('health.empty')}</Text>}
      {q.data && q.data.cells.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('health.function')}</Table.Th>
                <Table.Th>{t('health.location')}</Table.Th>
                <Table.Th>{t('health.kpi.openRoles')}</Table.Th>
                <Table.Th>{t('health.perRole')}</Table.Th>
                <Table.Th>{t('health.kpi.noSubmission')}</Table.Th>
                <Table.Th>{t('health.overcrowded')}</Table.Th>
                <Table.Th>{t('health.kpi.activeRecruiters')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.cells.map((c) => (
                <Table.Tr key={`${c.function}:${c.location}`}>
                  <Table.Td>{c.function}</Table.Td>
                  <Table.Td>{c.location}</Table.Td>
                  <Table.Td>{c.open_roles}</Table.Td>
                  <Table.Td
                    style={{
                      background: `rgba(18, 184, 134, ${(0.1 + 0.6 * (c.submissions_per_role / max)).toFixed(2)})`,
                    }}
                  >
                    {c.submissions_per_role.toFixed(1)}
                  </Table.Td>
                  <Table.Td>{c.roles_without_submission}</Table.Td>
                  <Table.Td>{c.overcrowded_roles}</Table.Td>
                  <Table.Td>
                    {c.no_recruiter ? (
                      <Badge color="red">{t('health.noRecruiter')}</Badge>
                    ) : (
                      c.active_recruiters
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  )
}

function DealRiskSection() {
  const { t } = useTranslation()
  const q = useDealRisk()
  return (
    <SectionCard title={t('health.dealRisk')}>
      {q.data && q.data.data.length === 0 && <Text c="dimmed">{t('health.empty')}</Text>}
      <Stack gap="xs">
        {q.data?.data.map((d) => (
          <Group key={d.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>
                {d.candidate_name} · {d.role.title} · {d.company.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`health.kind.${d.kind}`)} · {d.stage} ·{' '}
                {t('health.daysInStage', { count: d.days_in_stage })}
              </Text>
              <Group gap={4} mt={4}>
                {d.factors.map((f) => (
                  <Badge key={f.factor} variant="light" color="orange">
                    {t(`health.factor.${f.factor}`)} +{f.points}
                  </Badge>
                ))}
              </Group>
            </div>
            <Badge size="lg" color={d.score >= 60 ? 'red' : d.score >= 30 ? 'orange' : 'gray'}>
              {d.score}
            </Badge>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  )
}

function AlertsSection() {
  const { t } = useTranslation()
  const q = useHealthAlerts()
  return (
    <SectionCard title={t('health.alerts')}>
      {q.data && q.data.data.length === 0 && <Text c="dimmed">{t('health.noAlerts')}</Text>}
      <Stack gap="xs">
        {q.data?.data.map((a) => (
          <Group key={a.id} gap="sm">
            <Badge color={a.severity === 'critical' ? 'red' : 'orange'}>{t(`health.rule.${a.rule}`)}</Badge>
            <Text size="sm">
              {a.day}: {a.message}
            </Text>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  )
}
