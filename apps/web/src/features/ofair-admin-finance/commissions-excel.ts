import { israelTodayIso } from '../../lib/format'
import type { Commissions } from './admin-finance-page'

/**
 * The commissions report as an Excel workbook, right to left, Hebrew headings: amounts as numbers
 * in shekels with the ₪ format (so the accountant can sum them), minor units beside them (exact),
 * and the month totals on a second sheet. Built in the browser (the library is loaded on first
 * use); the same data as the CSV.
 */
export async function downloadCommissionsExcel(report: Commissions, labels: Record<string, string>) {
  const { default: writeExcelFile } = await import('write-excel-file/browser')
  const money = (minor: string) => ({ type: Number, value: Number(minor) / 100, format: '#,##0.00 ₪' })
  const head = (value: string) => ({ value, fontWeight: 'bold' as const })
  const jobs = [
    [
      head(labels.job!),
      head(labels.performer!),
      head(labels.status!),
      head(labels.finalAmount!),
      head(labels.commission!),
      head(labels.referrerFees!),
      head(labels.net!),
      head(labels.commissionMinor!),
      head(labels.confirmedAt!),
    ],
    ...report.jobs.map((j) => [
      { value: j.lead_title },
      { value: j.performer.display_name },
      { value: j.status },
      money(j.final_amount.amount),
      money(j.platform_commission.amount),
      money(j.referrer_fee.amount),
      money(j.professional_net_amount.amount),
      { type: String, value: j.platform_commission.amount },
      { value: j.confirmed_at ?? '' },
    ]),
  ]
  const months = [
    [
      head(labels.month!),
      head(labels.jobs!),
      head(labels.finalAmount!),
      head(labels.commission!),
      head(labels.referrerFees!),
    ],
    ...report.months.map((m) => [
      { value: m.month },
      { type: Number, value: m.jobs },
      money(m.final_amount.amount),
      money(m.platform_commission.amount),
      money(m.referrer_fees.amount),
    ]),
  ]
  const sheet = { rightToLeft: true, stickyRowsCount: 1 }
  await writeExcelFile([
    {
      data: jobs,
      sheet: labels.jobsSheet!,
      columns: [{ width: 34 }, { width: 20 }, { width: 12 }, ...Array(6).fill({ width: 16 })],
      ...sheet,
    },
    { data: months, sheet: labels.monthsSheet!, columns: Array(5).fill({ width: 16 }), ...sheet },
  ]).toFile(`ofair-commissions-${israelTodayIso()}.xlsx`)
}
