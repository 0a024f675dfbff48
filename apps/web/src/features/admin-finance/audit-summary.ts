import { formatBps } from '@app/money'
import type { TFunction } from 'i18next'
import { formatDate } from '../../lib/format'
import { formatMoneyValue } from '../../lib/money'
import type { useVocab, VocabKind } from '../reference/use-vocab'
import type { AuditRow } from './finance-api'

const STATUS_VOCAB: Record<string, VocabKind> = {
  invoice: 'invoiceStatuses',
  payment: 'paymentStatuses',
  refund: 'refundStatuses',
  contract: 'contractStatuses',
}
const SETTINGS: [string, VocabKind][] = [
  ['invoice_grouping', 'invoiceGrouping'],
  ['issue_on', 'issueOn'],
  ['fall_off_policy', 'fallOffPolicy'],
]

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
const text = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : null

/**
 * An audit row's change in a few words: the status it moved between, the number, amount and method
 * it was about, the reason. The full old and new values stay in the row's details for support.
 */
export function auditSummary(
  row: AuditRow,
  t: TFunction,
  lang: string,
  label: ReturnType<typeof useVocab>['label'],
): string {
  const before = obj(row.old_value)
  const after = obj(row.new_value)
  const parts: string[] = []
  const number = text(after.number)
  if (number) parts.push(number)
  const vocab = STATUS_VOCAB[row.entity_type]
  const from = text(before.status)
  const to = text(after.status)
  if (vocab && to && from && from !== to) parts.push(`${label(vocab, from)} → ${label(vocab, to)}`)
  const currency = text(after.currency)
  const amount = text(after.total) ?? text(after.amount)
  if (amount && currency && /^-?\d+$/.test(amount)) parts.push(formatMoneyValue({ amount, currency }, lang))
  const method = text(after.method)
  if (method) parts.push(label('paymentMethods', method))
  const due = text(after.due_on)
  if (due && /^\d{4}-\d{2}-\d{2}$/.test(due))
    parts.push(t('admin.finance.audit.dueOn', { date: formatDate(due, lang) }))
  if (row.action === 'company.billing_settings_changed')
    for (const [key, kind] of SETTINGS)
      if (text(after[key]) && text(after[key]) !== text(before[key]))
        parts.push(label(kind, text(after[key])))
  if (row.action === 'contract.proposed') {
    const bps = after.fee_percentage_bps
    const flat = obj(after.flat_fee)
    if (typeof bps === 'number')
      parts.push(t('admin.finance.contracts.percentageFee', { rate: formatBps(bps) }))
    else if (text(flat.amount) && text(flat.currency))
      parts.push(
        t('admin.finance.contracts.flatFee', {
          amount: formatMoneyValue({ amount: text(flat.amount)!, currency: text(flat.currency)! }, lang),
        }),
      )
  }
  const reason = text(after.reason)
  if (reason) parts.push(reason)
  return parts.join(' · ')
}
