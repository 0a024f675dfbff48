import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { useTranslation } from 'react-i18next'

/** Commissions and referral fees by month, in shekels (lazy-loaded: recharts is large). */
export default function CommissionsChart({
  months,
}: {
  months: { month: string; platform_commission: { amount: string }; referrer_fees: { amount: string } }[]
}) {
  const { t } = useTranslation()
  const data = months.map((m) => ({
    month: m.month,
    commission: Number(m.platform_commission.amount) / 100,
    fees: Number(m.referrer_fees.amount) / 100,
  }))
  return (
    <figure style={{ margin: 0 }} aria-label={t('ofair.finance.chartTitle')} dir="ltr">
      <BarChart
        h={240}
        data={data}
        dataKey="month"
        valueFormatter={(v) => `₪${new Intl.NumberFormat('he-IL').format(v)}`}
        series={[
          { name: 'commission', label: t('ofair.finance.commission'), color: 'violet.6' },
          { name: 'fees', label: t('ofair.finance.referrerFees'), color: 'teal.5' },
        ]}
        withLegend
      />
    </figure>
  )
}
