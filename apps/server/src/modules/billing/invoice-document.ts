import { formatMoney, isCurrency } from '@app/money'
import { printHtmlToPdf } from '../../kernel/pdf.ts'

/**
 * An invoice as a document: HTML (every value escaped) and a PDF printed from it by Chromium, which
 * gets fonts, right-to-left text and page breaks right where PDF libraries do not (`kernel/pdf.ts`).
 */
export interface InvoiceDocument {
  number: string | null
  status: string
  issued_on: string | null
  due_on: string | null
  payment_terms: string
  company: { name: string; billing_address?: string | null }
  lines: { description: string; amount: { amount: bigint | string; currency: string } }[]
  total: { amount: bigint | string; currency: string }
  amount_paid: { amount: bigint | string; currency: string }
  amount_credited: { amount: bigint | string; currency: string }
  outstanding: { amount: bigint | string; currency: string }
  payments: {
    method: string
    amount: { amount: bigint | string; currency: string }
    status: string
    received_on: string | null
  }[]
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const money = (m: { amount: bigint | string; currency: string }) =>
  isCurrency(m.currency) ? formatMoney(BigInt(m.amount), m.currency) : `${m.currency} ${m.amount}`

const date = (d: string | null) =>
  d
    ? new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${d}T00:00:00Z`))
    : '—'

const TERMS: Record<string, string> = { net_30: 'Net 30', net_60: 'Net 60', net_90: 'Net 90' }
const STATUS: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  partially_paid: 'Partly paid',
  paid: 'Paid',
  void: 'Void',
  overdue: 'Overdue',
}
const METHOD: Record<string, string> = {
  card: 'Card',
  bank_debit: 'Bank debit',
  bank_transfer: 'Bank transfer',
  credit: 'Credit',
}

export function renderInvoiceHtml(i: InvoiceDocument): string {
  const rows = i.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.description)}</td><td class="num">${escapeHtml(money(l.amount))}</td></tr>`,
    )
    .join('')
  const payments = i.payments
    .filter((p) => p.status === 'succeeded')
    .map(
      (p) =>
        `<tr><td>${escapeHtml(METHOD[p.method] ?? p.method)} · ${escapeHtml(date(p.received_on))}</td><td class="num">${escapeHtml(money(p.amount))}</td></tr>`,
    )
    .join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Invoice ${escapeHtml(i.number ?? 'draft')}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; color: #1a1b1e; font-size: 11pt; }
  header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #1c7ed6; padding-bottom: 12px; }
  h1 { font-size: 20pt; margin: 0; }
  .brand { font-weight: 700; color: #1c7ed6; font-size: 14pt; }
  .meta td { padding: 2px 12px 2px 0; }
  table.lines { width: 100%; border-collapse: collapse; margin-top: 24px; }
  table.lines th { text-align: start; border-bottom: 1px solid #ced4da; padding: 6px 0; font-size: 9pt; color: #495057; text-transform: uppercase; letter-spacing: .04em; }
  table.lines td { padding: 8px 0; border-bottom: 1px solid #f1f3f5; vertical-align: top; }
  .num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .totals { margin-top: 16px; margin-inline-start: auto; width: 45%; }
  .totals td { padding: 4px 0; }
  .due { font-weight: 700; font-size: 13pt; border-top: 2px solid #1a1b1e; }
  .status { display: inline-block; padding: 2px 10px; border-radius: 10px; background: #e7f5ff; color: #1864ab; font-size: 9pt; font-weight: 600; }
  footer { margin-top: 40px; font-size: 9pt; color: #868e96; }
</style></head>
<body>
<header>
  <div><div class="brand">Splits Network</div><div>Placement fees</div></div>
  <div style="text-align:end"><h1>Invoice ${escapeHtml(i.number ?? '(draft)')}</h1><span class="status">${escapeHtml(STATUS[i.status] ?? i.status)}</span></div>
</header>
<table class="meta" style="margin-top:16px">
  <tr><td>Billed to</td><td><strong>${escapeHtml(i.company.name)}</strong>${i.company.billing_address ? `<br>${escapeHtml(i.company.billing_address)}` : ''}</td></tr>
  <tr><td>Issued</td><td>${escapeHtml(date(i.issued_on))}</td></tr>
  <tr><td>Due</td><td>${escapeHtml(date(i.due_on))} (${escapeHtml(TERMS[i.payment_terms] ?? i.payment_terms)})</td></tr>
</table>
<table class="lines"><thead><tr><th>Description</th><th class="num">Amount</th></tr></thead><tbody>${rows}</tbody></table>
<table class="totals">
  <tr><td>Total</td><td class="num">${escapeHtml(money(i.total))}</td></tr>
  ${payments ? `<tr><td colspan="2" style="padding-top:8px;color:#495057">Payments</td></tr>${payments}` : ''}
  ${BigInt(i.amount_credited.amount) > 0n ? `<tr><td>Credited</td><td class="num">− ${escapeHtml(money(i.amount_credited))}</td></tr>` : ''}
  <tr class="due"><td>Amount due</td><td class="num">${escapeHtml(money(i.outstanding))}</td></tr>
</table>
<footer>Amounts are exact to the cent. Quote ${escapeHtml(i.number ?? 'the invoice number')} with your payment.</footer>
</body></html>`
}

/** The invoice as an A4 PDF (the kernel's one Chromium printer). */
export async function renderInvoicePdf(i: InvoiceDocument): Promise<Buffer> {
  return printHtmlToPdf(renderInvoiceHtml(i))
}
