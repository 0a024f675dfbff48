import '@mantine/charts/styles.css'
import { AreaChart, BarChart } from '@mantine/charts'
import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatChartMinor } from '../../lib/money'

/**
 * The homes' charts (lazy-loaded: recharts is large). Amounts are plotted as integer minor units
 * and labelled from a bigint again; counts as they are. Each figure names itself for screen readers.
 */
export type HomeChartProps =
  | { kind: 'bars'; title: string; data: { label: string; count: number }[]; color?: string }
  | { kind: 'counts'; title: string; data: { label: string; count: number }[] }
  | {
      kind: 'money'
      title: string
      currency: string
      data: ({ label: string } & Record<string, number | string>)[]
      series: { key: string; label: string; color: string }[]
    }
  | {
      kind: 'stacked'
      title: string
      data: ({ label: string } & Record<string, number | string>)[]
      series: { key: string; label: string; color: string }[]
    }

export default function HomeChart(props: HomeChartProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const empty =
    props.data.length === 0 ||
    props.data.every((d) =>
      Object.entries(d).every(([k, v]) => k === 'label' || typeof v !== 'number' || v === 0),
    )
  if (empty)
    return (
      <Text size="sm" c="dimmed" py="lg" ta="center">
        {t('splitsHomes.nothingYet')}
      </Text>
    )
  return (
    <figure style={{ margin: 0 }} aria-label={props.title} data-testid="home-chart" dir="ltr">
      {props.kind === 'bars' && (
        <BarChart
          h={220}
          data={props.data}
          dataKey="label"
          series={[{ name: 'count', label: props.title, color: props.color ?? 'indigo.6' }]}
          gridAxis="y"
          maxBarWidth={36}
          yAxisProps={{ width: 36, allowDecimals: false }}
          tooltipAnimationDuration={150}
        />
      )}
      {props.kind === 'counts' && (
        <AreaChart
          h={220}
          data={props.data}
          dataKey="label"
          series={[{ name: 'count', label: props.title, color: 'teal.6' }]}
          curveType="monotone"
          gridAxis="y"
          yAxisProps={{ width: 36, allowDecimals: false }}
          tooltipAnimationDuration={150}
        />
      )}
      {props.kind === 'money' && (
        <AreaChart
          h={240}
          data={props.data}
          dataKey="label"
          series={props.series.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
          valueFormatter={(v) => formatChartMinor(v, props.currency, lang)}
          curveType="monotone"
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 36 }}
          gridAxis="y"
          yAxisProps={{ width: 64 }}
          tooltipAnimationDuration={150}
        />
      )}
      {props.kind === 'stacked' && (
        <BarChart
          h={Math.max(180, props.data.length * 40 + 60)}
          data={props.data}
          dataKey="label"
          type="stacked"
          orientation="vertical"
          series={props.series.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 36 }}
          yAxisProps={{ width: 120 }}
          xAxisProps={{ allowDecimals: false }}
          gridAxis="x"
          tooltipAnimationDuration={150}
        />
      )}
    </figure>
  )
}
