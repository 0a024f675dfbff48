import { AppError } from '../../../kernel/errors.ts'
import { printHtmlToPdf } from '../../../kernel/pdf.ts'
import { refuse } from '../messages.ts'
import { documentNumber } from './rules.ts'

/**
 * OFAIR's documents as Hebrew HTML (right to left; numbers, ח.פ., document numbers and Latin text
 * isolated in their own left-to-right runs) and as A4 PDFs printed from that HTML by Chromium, which
 * gets bidirectional text, fonts and table direction right (reference §3.1; the kernel's printer,
 * `kernel/pdf.ts`); the bytes are cached by the service.
 */

export type DocumentType = 'tax_invoice' | 'credit_note' | 'settlement_statement'
/** original: the one "מקור"; copy: every later rendering ("העתק"); draft: awaiting its allocation number. */
export type RenderVariant = 'original' | 'copy' | 'draft'

export interface Party {
  name: string
  business_number: string
  business_type?: string
  address: string
}

export interface DocumentLine {
  description: string
  quantity: number
  unit_price_minor: string
  amount_minor: string
  kind?: 'commission' | 'fee_owed' | 'fee_earned' | 'credit'
  counterparty?: string
  lead_payment_id?: string
  /** The job a line is about (rendered with its date and amount isolated from the Hebrew). */
  job?: { title: string; confirmed_on: string; amount_minor?: string; level?: number }
}

export interface RenderableDocument {
  document_type: DocumentType
  serial: string
  issue_date: string
  month: string | null
  vat_rate_bps: number
  vat_rate_effective_from: string
  amount_before_vat_minor: string
  vat_minor: string
  total_minor: string
  issuer: Party
  customer: Party
  lines: DocumentLine[]
  summary: { owed_minor: string; earned_minor: string; net_minor: string; vat_on_earned_minor: string } | null
  allocation_required: boolean
  allocation_number: string | null
  credited: { serial: string; issue_date: string } | null
  reason: string | null
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * Free text (names, job titles, addresses) escaped, with each run of Latin letters, digits and
 * their punctuation isolated left to right, so that "OFAIR Ltd." keeps its full stop and
 * "2026-11-20" its order inside a Hebrew sentence.
 */
export function text(s: string): string {
  let out = ''
  let last = 0
  for (const m of s.matchAll(LATIN_RUN)) {
    out += `${esc(s.slice(last, m.index))}<bdi dir="ltr">${esc(m[0])}</bdi>`
    last = m.index + m[0].length
  }
  return out + esc(s.slice(last))
}
const LATIN_RUN = /[A-Za-z0-9][A-Za-z0-9.,&#'/:+_-]*(?: +[A-Za-z0-9][A-Za-z0-9.,&#'/:+_-]*)*/g

const ils = new Intl.NumberFormat('he-IL', { style: 'currency', currency: 'ILS' })
/** An amount in agorot as "‏1,234.50 ‏₪", in its own isolated run. */
export const shekelsText = (minor: string | bigint) => ils.format(Number(BigInt(minor)) / 100)
const money = (minor: string | bigint) => `<bdi class="num">${esc(shekelsText(minor))}</bdi>`
/** An amount taken off: "‏-200.00 ‏₪" (nothing taken off stays 0.00). */
const minus = (minor: string | bigint) => money(-BigInt(minor))
const ltr = (s: string) => `<bdi dir="ltr">${esc(s)}</bdi>`

const hebrewDate = (iso: string) =>
  new Intl.DateTimeFormat('he-IL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`))
const hebrewMonth = (iso: string) =>
  new Intl.DateTimeFormat('he-IL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  )

const TITLES: Record<DocumentType, string> = {
  tax_invoice: 'חשבונית מס',
  credit_note: 'חשבונית מס זיכוי',
  settlement_statement: 'דוח התחשבנות חודשי',
}

export const BUSINESS_TYPES: Record<string, string> = {
  osek_murshe: 'עוסק מורשה',
  osek_patur: 'עוסק פטור',
  company: 'חברה (ח.פ.)',
}

const numberLabel = (type?: string) =>
  type === 'company' ? 'ח.פ.' : type === 'osek_patur' ? 'עוסק פטור מס׳' : 'עוסק מורשה מס׳'

function party(title: string, p: Party, issuer: boolean): string {
  const label = issuer ? 'עוסק מורשה / ח.פ.' : numberLabel(p.business_type)
  return `<section class="party">
  <h2>${esc(title)}</h2>
  <div class="name">${text(p.name)}</div>
  <div>${esc(label)}: ${ltr(p.business_number)}</div>
  ${!issuer && p.business_type ? `<div>סוג עוסק: ${esc(BUSINESS_TYPES[p.business_type] ?? p.business_type)}</div>` : ''}
  <div>כתובת: ${text(p.address)}</div>
</section>`
}

/** A job on a line: its title in quotes, then its date (and amount, or referral level) isolated. */
function jobText(l: DocumentLine): string {
  if (!l.job) return text(l.description)
  const j = l.job
  const facts = [
    `אושרה ${ltr(j.confirmed_on)}`,
    ...(j.amount_minor ? [`סכום העבודה ${money(j.amount_minor)}`] : []),
    ...(j.level ? [`רמה ${ltr(String(j.level))}`] : []),
  ]
  return `<q>${text(j.title)}</q> <span class="facts">(${facts.join(', ')})</span>`
}

function linesTable(d: RenderableDocument): string {
  if (d.document_type === 'settlement_statement') {
    const rows = d.lines
      .map(
        (l, i) => `<tr>
      <td class="n">${ltr(String(i + 1))}</td>
      <td>${esc(l.kind === 'fee_earned' ? 'עמלת הפניה שהרווחתם' : 'עמלת הפניה לתשלום')}</td>
      <td>${jobText(l)}</td>
      <td>${text(l.counterparty ?? '')}</td>
      <td class="amount">${l.kind === 'fee_owed' ? minus(l.amount_minor) : money(l.amount_minor)}</td>
    </tr>`,
      )
      .join('\n')
    return `<table class="lines">
  <thead><tr><th>#</th><th>סוג</th><th>עבודה</th><th>מול</th><th class="amount">סכום</th></tr></thead>
  <tbody>${rows || '<tr><td colspan="5">אין תנועות בחודש זה</td></tr>'}</tbody>
</table>`
  }
  const rows = d.lines
    .map(
      (l, i) => `<tr>
    <td class="n">${ltr(String(i + 1))}</td>
    <td>${l.job ? `עמלת פלטפורמה על עבודה ${jobText(l)}` : text(l.description)}</td>
    <td class="n">${ltr(String(l.quantity))}</td>
    <td class="amount">${money(l.unit_price_minor)}</td>
    <td class="amount">${money(l.amount_minor)}</td>
  </tr>`,
    )
    .join('\n')
  return `<table class="lines">
  <thead><tr><th>#</th><th>תיאור השירות</th><th>כמות</th><th class="amount">מחיר ליחידה</th><th class="amount">סכום</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`
}

function totals(d: RenderableDocument): string {
  if (d.document_type === 'settlement_statement' && d.summary) {
    const s = d.summary
    const patur = d.customer.business_type === 'osek_patur'
    return `<table class="totals">
  <tr><td>עמלות הפניה שהרווחתם</td><td class="amount">${money(s.earned_minor)}</td></tr>
  <tr><td>עמלות הפניה לתשלום לאחרים</td><td class="amount">${minus(s.owed_minor)}</td></tr>
  <tr class="grand"><td>נטו לחודש</td><td class="amount">${money(s.net_minor)}</td></tr>
  <tr><td>${
    patur
      ? 'עוסק פטור: אין מע״מ על עמלות שהרווחתם'
      : `מע״מ על עמלות שהרווחתם (${ltr(`${d.vat_rate_bps / 100}%`)}) — לחיוב על ידיכם, לידיעה`
  }</td><td class="amount">${money(s.vat_on_earned_minor)}</td></tr>
</table>`
  }
  const rate = `${d.vat_rate_bps / 100}%`
  return `<table class="totals">
  <tr><td>סכום לפני מע״מ</td><td class="amount">${money(d.amount_before_vat_minor)}</td></tr>
  <tr><td>מע״מ ${ltr(rate)} <span class="muted">(בתוקף מ-${ltr(d.vat_rate_effective_from)})</span></td><td class="amount">${money(d.vat_minor)}</td></tr>
  <tr class="grand"><td>סה״כ ${d.document_type === 'credit_note' ? 'לזיכוי' : 'לתשלום'}</td><td class="amount">${money(d.total_minor)}</td></tr>
</table>`
}

export function renderDocumentHtml(d: RenderableDocument, variant: RenderVariant): string {
  const title = TITLES[d.document_type]
  const number = documentNumber(d.serial)
  const mark =
    variant === 'original'
      ? '<span class="mark original">מקור</span>'
      : variant === 'copy'
        ? '<span class="mark copy">העתק</span>'
        : '<span class="mark draft">טיוטה — ממתינה למספר הקצאה</span>'
  const isTax = d.document_type !== 'settlement_statement'
  const allocation = isTax
    ? `<div class="allocation">מספר הקצאה: ${
        d.allocation_number
          ? ltr(d.allocation_number.slice(-9))
          : d.allocation_required
            ? '<strong>נדרש — טרם התקבל</strong>'
            : '<span class="muted">לא נדרש לחשבונית זו</span>'
      }</div>`
    : ''
  return `<!doctype html>
<html dir="rtl" lang="he"><head><meta charset="utf-8">
<title>${esc(title)} ${esc(number)}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  * { box-sizing: border-box; }
  body { font-family: 'DejaVu Sans', 'Noto Sans Hebrew', 'Miriam CLM', Arial, sans-serif; color: #1f2933; font-size: 12.5px; margin: 0; padding: 16px; direction: rtl; }
  header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 3px solid #0c6b58; padding-bottom: 10px; }
  h1 { font-size: 24px; margin: 0 0 4px; color: #0c6b58; }
  h2 { font-size: 13px; margin: 0 0 4px; color: #52606d; }
  .meta div { margin: 2px 0; }
  .mark { display: inline-block; padding: 3px 14px; border-radius: 4px; font-weight: 700; font-size: 16px; margin-inline-start: 10px; vertical-align: middle; }
  .mark.original { border: 2px solid #0c6b58; color: #0c6b58; }
  .mark.copy { border: 2px solid #9a3412; color: #9a3412; }
  .mark.draft { border: 2px dashed #b45309; color: #b45309; font-size: 13px; }
  .computerized { font-weight: 700; font-size: 14px; border: 1px solid #52606d; padding: 4px 10px; display: inline-block; margin-top: 6px; }
  .parties { display: flex; gap: 24px; margin: 16px 0; }
  .party { flex: 1; border: 1px solid #d9e2ec; border-radius: 6px; padding: 10px 12px; }
  .party .name { font-weight: 700; font-size: 14px; margin-bottom: 2px; }
  table { width: 100%; border-collapse: collapse; }
  .lines th, .lines td { border-bottom: 1px solid #d9e2ec; padding: 6px 8px; text-align: start; vertical-align: top; }
  .lines th { background: #f0f4f8; font-size: 12px; }
  .amount { text-align: end !important; white-space: nowrap; }
  .n { white-space: nowrap; width: 1%; }
  .totals { width: 55%; margin-inline-start: auto; margin-top: 14px; }
  .totals td { padding: 5px 8px; border-bottom: 1px solid #eef2f6; }
  .totals .grand td { font-weight: 700; font-size: 15px; border-top: 2px solid #1f2933; }
  .allocation { margin-top: 14px; font-size: 13px; }
  .muted { color: #7b8794; font-size: 11px; }
  .note { margin-top: 12px; padding: 8px 10px; background: #f8fafc; border-inline-start: 3px solid #9aa5b1; }
  bdi[dir="ltr"] { white-space: nowrap; }
  q { quotes: '"' '"'; }
  .facts { color: #52606d; }
  @media (max-width: 640px) {
    body { padding: 10px; font-size: 12px; }
    header { flex-wrap: wrap; gap: 8px; }
    .parties { flex-direction: column; gap: 10px; }
    .totals { width: 100%; }
    .lines th, .lines td { padding: 5px 4px; }
  }
  footer { margin-top: 28px; font-size: 11px; color: #52606d; border-top: 1px solid #d9e2ec; padding-top: 8px; }
</style></head>
<body>
<header>
  <div>
    <h1>${esc(title)} ${mark}</h1>
    <div class="meta">
      <div>מספר: ${ltr(number)}</div>
      <div>תאריך הפקה: ${esc(hebrewDate(d.issue_date))} (${ltr(d.issue_date)})</div>
      ${d.month ? `<div>תקופה: ${esc(hebrewMonth(d.month))}</div>` : ''}
      ${d.credited ? `<div>מזכה את חשבונית מס מספר ${ltr(documentNumber(d.credited.serial))} מיום ${ltr(d.credited.issue_date)}</div>` : ''}
    </div>
  </div>
  <div style="text-align:end">
    <div class="computerized">מסמך ממוחשב</div>
  </div>
</header>
<div class="parties">
  ${party(d.document_type === 'settlement_statement' ? 'מפיק הדוח' : 'העוסק (המנפיק)', d.issuer, true)}
  ${party(d.document_type === 'settlement_statement' ? 'בעל המקצוע' : 'לכבוד (הלקוח)', d.customer, false)}
</div>
${linesTable(d)}
${totals(d)}
${allocation}
${d.reason ? `<div class="note">סיבת הזיכוי: ${text(d.reason)}</div>` : ''}
${
  d.document_type === 'settlement_statement'
    ? '<div class="note">דוח זה אינו חשבונית מס. הוא מפרט את עמלות ההפניה בין בעלי המקצוע בחודש; היתרות מתקזזות בחשבון שלכם ב-<bdi dir="ltr">OFAIR</bdi>. כל צד מפיק את מסמכי המס על העמלות שהרוויח לפי דין.</div>'
    : ''
}
<footer>
  המסמך הופק באופן ממוחשב על ידי ${text(d.issuer.name)} באמצעות מערכת ${ltr('OFAIR')}. הסכומים בשקלים חדשים (${ltr('ILS')}), מדויקים לאגורה.
</footer>
</body></html>`
}

/**
 * The HTML printed to an A4 PDF by the kernel's Chromium printer; a missing Chromium is refused with
 * OFAIR's Hebrew message.
 */
export async function printPdf(html: string): Promise<Buffer> {
  try {
    return await printHtmlToPdf(html)
  } catch (err) {
    if (err instanceof AppError && err.code === 'service_unavailable') throw refuse(err.code, err.message)
    throw err
  }
}
