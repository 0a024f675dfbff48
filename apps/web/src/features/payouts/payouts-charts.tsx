import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatChartMinor, formatMoneyValue, type MoneyValue } from '../../lib/money'
import { monthLabel } from '../admin-finance/chart-data'

/**
 * Charts of the payout screens (loaded with their pages: recharts is large). Amounts are plotted as
 * integer minor units and labelled from a bigint again; each figure has the same numbers as a
 * table for screen readers.
 */
interface Series {
  key: string
  label: string
  color: string
}

function MonthsBars({
  title,
  empty,
  currency,
  rows,
  series,
}: {
  title: string
  empty: string
  currency: string
  rows: { month: string; values: Record<string, MoneyValue> }[]
  series: Series[]
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const quiet = rows.every((r) => series.every((s) => (r.values[s.key]?.amount ?? '0') === '0'))
  if (quiet)
    return (
      <Text size="sm" c="dimmed" py="xl" ta="center">
        {empty}
      </Text>
    )
  const data = rows.map((r) => ({
    month: monthLabel(r.month, lang),
    ...Object.fromEntries(series.map((s) => [s.key, Number(r.values[s.key]?.amount ?? '0')])),
  }))
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <BarChart
        h={260}
        data={data}
        dataKey="month"
        series={series.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
        valueFormatter={(v) => formatChartMinor(v, currency, lang)}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        maxBarWidth={18}
        gridAxis="y"
        yAxisProps={{ width: 64 }}
        tooltipAnimationDuration={150}
      />
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th>{t('payouts.chart.month')}</th>
              {series.map((s) => (
                <th key={s.key}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th>{monthLabel(r.month, lang)}</th>
                {series.map((s) => (
                  <td key={s.key}>{formatMoneyValue(r.values[s.key] ?? { amount: '0', currency }, lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  )
}

/** Admin: the platform's revenue, recruiters' share of what companies paid, and what was paid out. */
export function PayoutMonthsChart({
  currency,
  months,
}: {
  currency: string
  months: { month: string; revenue: MoneyValue; collected_for_recruiters: MoneyValue; paid_out: MoneyValue }[]
}) {
  const { t } = useTranslation()
  return (
    <MonthsBars
      title={t('payouts.admin.months.title')}
      empty={t('payouts.admin.months.empty', { currency })}
      currency={currency}
      rows={months.map((m) => ({
        month: m.month,
        values: { revenue: m.revenue, collected: m.collected_for_recruiters, paid: m.paid_out },
      }))}
      series={[
        { key: 'revenue', label: t('payouts.admin.months.revenue'), color: 'violet.6' },
        { key: 'collected', label: t('payouts.admin.months.collected'), color: 'blue.4' },
        { key: 'paid', label: t('payouts.admin.months.paid'), color: 'teal.6' },
      ]}
    />
  )
}

/** Recruiter: what companies paid for them and what they were paid, month by month. */
export function EarningsChart({
  currency,
  months,
}: {
  currency: string
  months: { month: string; currency: string; collected: MoneyValue; paid: MoneyValue }[]
}) {
  const { t } = useTranslation()
  return (
    <MonthsBars
      title={t('payouts.earnings.chart.title')}
      empty={t('payouts.earnings.chart.empty')}
      currency={currency}
      rows={months
        .filter((m) => m.currency === currency)
        .map((m) => ({ month: m.month, values: { collected: m.collected, paid: m.paid } }))}
      series={[
        { key: 'collected', label: t('payouts.earnings.chart.collected'), color: 'blue.4' },
        { key: 'paid', label: t('payouts.earnings.chart.paid'), color: 'teal.6' },
      ]}
    />
  )
}
