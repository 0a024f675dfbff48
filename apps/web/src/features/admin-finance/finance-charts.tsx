import '@mantine/charts/styles.css'
import { BarChart, CompositeChart } from '@mantine/charts'
import { Table, Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatChartMinor, formatMoneyValue } from '../../lib/money'
import { useVocab } from '../reference/use-vocab'
import { AGEING_COLORS, monthLabel, monthPoints } from './chart-data'
import type { FinanceSummary } from './finance-api'

/**
 * The finance overview's charts (lazy-loaded with the page: recharts is large). Each chart is a
 * figure with the same figures as a table for screen readers.
 */
export function MonthsChart({ summary }: { summary: FinanceSummary }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const format = (v: number) => formatChartMinor(v, summary.currency, lang)
  const quiet = summary.months.every((m) =>
    [m.invoiced, m.collected, m.revenue, m.refunded].every((x) => x.amount === '0'),
  )
  // A chart of zeros says nothing (and repeats "$0" down its axis): say it in words.
  if (quiet)
    return (
      <Text size="sm" c="dimmed" py="xl" ta="center">
        {t('admin.finance.months.empty', { currency: summary.currency })}
      </Text>
    )
  return (
    <figure style={{ margin: 0 }} aria-label={t('admin.finance.months.title')}>
      <CompositeChart
        h={300}
        data={monthPoints(summary, lang)}
        dataKey="month"
        series={[
          { name: 'invoiced', label: t('admin.finance.months.invoiced'), color: 'blue.4', type: 'bar' },
          { name: 'collected', label: t('admin.finance.months.collected'), color: 'teal.6', type: 'bar' },
          { name: 'revenue', label: t('admin.finance.months.revenue'), color: 'violet.6', type: 'line' },
          {
            name: 'refunded',
            label: t('admin.finance.months.refunded'),
            color: 'red.6',
            type: 'line',
            strokeDasharray: '4 3',
          },
        ]}
        valueFormatter={format}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        maxBarWidth={18}
        curveType="monotone"
        gridAxis="y"
        yAxisProps={{ width: 64 }}
        tooltipAnimationDuration={150}
      />
      <VisuallyHidden>
        <table>
          <caption>{t('admin.finance.months.title')}</caption>
          <thead>
            <tr>
              <th>{t('admin.finance.months.month')}</th>
              <th>{t('admin.finance.months.invoiced')}</th>
              <th>{t('admin.finance.months.collected')}</th>
              <th>{t('admin.finance.months.revenue')}</th>
              <th>{t('admin.finance.months.refunded')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.months.map((m) => (
              <tr key={m.month}>
                <th>{monthLabel(m.month, lang)}</th>
                <td>{formatMoneyValue(m.invoiced, lang)}</td>
                <td>{formatMoneyValue(m.collected, lang)}</td>
                <td>{formatMoneyValue(m.revenue, lang)}</td>
                <td>{formatMoneyValue(m.refunded, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  )
}

export function AgeingChart({ summary }: { summary: FinanceSummary }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const lang = i18n.language
  // One series per bucket, each point carrying only its own: every bar gets its bucket's colour.
  const data = summary.receivables_ageing.map((b) => ({
    bucket: label('ageingShort', b.bucket),
    [b.bucket]: Number(b.amount.amount),
  }))
  const nothingOwed = summary.receivables_ageing.every((b) => b.amount.amount === '0')
  return (
    <figure style={{ margin: 0 }} aria-label={t('admin.finance.ageing.title')}>
      {nothingOwed ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {t('admin.finance.ageing.empty', { currency: summary.currency })}
        </Text>
      ) : (
        <BarChart
          h={240}
          data={data}
          dataKey="bucket"
          type="stacked"
          series={summary.receivables_ageing.map((b) => ({
            name: b.bucket,
            label: t('admin.finance.ageing.owed'),
            color: AGEING_COLORS[b.bucket] ?? 'gray.6',
          }))}
          valueFormatter={(v) => formatChartMinor(v, summary.currency, lang)}
          maxBarWidth={48}
          gridAxis="y"
          yAxisProps={{ width: 64 }}
          xAxisProps={{ interval: 0, fontSize: 11 }}
          xAxisLabel={t('admin.finance.ageing.daysLate')}
          tooltipAnimationDuration={150}
        />
      )}
      <Table
        mt="sm"
        withRowBorders={false}
        verticalSpacing={4}
        fz="sm"
        aria-label={t('admin.finance.ageing.table')}
      >
        <Table.Tbody>
          {summary.receivables_ageing.map((b) => (
            <Table.Tr key={b.bucket}>
              <Table.Td>
                <span
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    marginInlineEnd: 8,
                    background: `var(--mantine-color-${(AGEING_COLORS[b.bucket] ?? 'gray.6').replace('.', '-')})`,
                  }}
                />
                {label('ageingBuckets', b.bucket)}
              </Table.Td>
              <Table.Td ta="end" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('admin.finance.ageing.invoices', { count: b.invoices })}
              </Table.Td>
              <Table.Td
                ta="end"
                fw={600}
                style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
              >
                {formatMoneyValue(b.amount, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  )
}
