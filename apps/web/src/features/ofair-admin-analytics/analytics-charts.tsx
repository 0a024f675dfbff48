import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { useTranslation } from 'react-i18next'

interface Counts {
  leads: number
  proposals: number
  accepted: number
}

/** Leads, proposals and acceptances per period, and per group (lazy-loaded: recharts is large). */
export default function AnalyticsCharts({
  periods,
  groups,
}: {
  periods: (Counts & { period: string })[]
  groups: (Counts & { name: string })[]
}) {
  const { t } = useTranslation()
  const series = [
    { name: 'leads', label: t('ofairAdmin.analytics.leads'), color: 'violet.6' },
    { name: 'proposals', label: t('ofairAdmin.analytics.proposals'), color: 'teal.5' },
    { name: 'accepted', label: t('ofairAdmin.analytics.accepted'), color: 'orange.5' },
  ]
  return (
    <>
      <figure
        style={{ margin: 0 }}
        aria-label={t('ofairAdmin.analytics.perPeriod')}
        data-testid="chart-periods"
        dir="ltr"
      >
        <BarChart h={240} data={periods} dataKey="period" series={series} withLegend />
      </figure>
      <figure style={{ margin: 0 }} aria-label="groups" data-testid="chart-groups" dir="ltr">
        <BarChart
          h={Math.max(200, groups.length * 36)}
          data={groups.slice(0, 12)}
          dataKey="name"
          orientation="vertical"
          yAxisProps={{ width: 110 }}
          series={series}
          withLegend
        />
      </figure>
    </>
  )
}
