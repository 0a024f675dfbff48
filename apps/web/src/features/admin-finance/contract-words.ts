import { formatBps } from '@app/money'
import type { TFunction } from 'i18next'
import { formatDate } from '../../lib/format'
import { formatMoneyValue } from '../../lib/money'
import type { Contract } from './finance-api'

/** "18% of first-year base salary" or "$25,000.00 per placement". */
export function contractFee(c: Contract, t: TFunction, lang: string): string {
  if (c.flat_fee) return t('admin.finance.contracts.flatFee', { amount: formatMoneyValue(c.flat_fee, lang) })
  if (c.fee_percentage_bps !== null)
    return t('admin.finance.contracts.percentageFee', { rate: formatBps(c.fee_percentage_bps) })
  return '—'
}

/** "From Jan 1, 2027" or "Jan 1, 2027 – Dec 31, 2027". */
export function contractDates(c: Contract, t: TFunction, lang: string): string {
  const start = formatDate(c.contract_start_date, lang)
  return c.contract_end_date
    ? t('admin.finance.contracts.between', { start, end: formatDate(c.contract_end_date, lang) })
    : t('admin.finance.contracts.from', { start })
}
