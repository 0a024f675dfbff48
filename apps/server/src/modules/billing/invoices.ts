import { sql } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { uuidFromName } from '../../kernel/ids.ts'
import { organizationMemberIds } from '../identity/index.ts'
import { post } from '../ledger/index.ts'
import { defineNoticeKinds, notify } from '../notifications/index.ts'
import type { PlacementFacts } from '../recruiting/index.ts'
import { account, SPLITS_BOOK } from './book.ts'
import type { BillingTx } from './database.ts'
import { writePayoutAudit } from './payout-audit.ts'
import type { StoredStatement } from './statements.ts'

/**
 * Company invoices. By default one invoice per placement, issued when the hire is recorded and due
 * by the company's Net terms counted from the start date; a company (or its contract) may instead
 * be invoiced monthly, or when the guarantee ends. Issuing takes the next number of the year under
 * a row lock in the same transaction (gap-free), posts receivable ← invoiced fees in the ledger,
 * writes the payout audit log and tells the company's admins.
 */
export const BILLING_NOTICES = defineNoticeKinds('billing', {
  'invoice.issued': { label: 'An invoice is issued to your company', audience: ['company_admin'] },
  'invoice.due_soon': {
    label: 'An invoice of your company is due in a few days',
    audience: ['company_admin'],
  },
  'invoice.overdue': { label: 'An invoice of your company is overdue', audience: ['company_admin'] },
  'payment.received': { label: 'A payment of your company is received', audience: ['company_admin'] },
  'payment.failed': { label: 'A card or bank payment of your company failed', audience: ['company_admin'] },
})

const view = (tx: AnyTx) => tx as BillingTx
const TERM_DAYS = { net_30: 30, net_60: 60, net_90: 90 } as const

export const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
const dayOf = (d: Date) => d.toISOString().slice(0, 10)

export interface CompanyBillingSettings {
  invoiceGrouping: 'per_placement' | 'monthly'
  issueOn: 'hire' | 'guarantee_end'
  fallOffPolicy: 'refund' | 'credit'
}

/** The company's settings, with its contract in force overriding when and what to do on fall-off. */
export async function billingSettings(
  tx: AnyTx,
  companyId: string,
  onDate: string,
): Promise<CompanyBillingSettings> {
  const s = await view(tx)
    .selectFrom('billing.company_settings')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  const contract = await view(tx)
    .selectFrom('billing.custom_contracts')
    .select(['issue_on', 'fall_off_policy'])
    .where('company_id', '=', companyId)
    .where('status', '=', 'approved')
    .where('contract_start_date', '<=', onDate)
    .where((eb) => eb.or([eb('contract_end_date', 'is', null), eb('contract_end_date', '>=', onDate)]))
    .executeTakeFirst()
  return {
    invoiceGrouping: (s?.invoice_grouping ?? 'per_placement') as CompanyBillingSettings['invoiceGrouping'],
    issueOn: (contract?.issue_on ?? s?.issue_on ?? 'hire') as CompanyBillingSettings['issueOn'],
    fallOffPolicy: (contract?.fall_off_policy ??
      s?.fall_off_policy ??
      'refund') as CompanyBillingSettings['fallOffPolicy'],
  }
}

// The line is printed on the invoice as it is: a date in words, the same in every time zone.
const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

function lineDescription(facts: PlacementFacts): string {
  const start = longDate.format(new Date(`${facts.startDate}T00:00:00Z`))
  return `Placement fee: ${facts.candidate.name}, ${facts.role.title}, starting ${start}`
}

/**
 * Invoices a placement's fee, once: issued now, added to the company's monthly invoice, or left
 * for the guarantee-end job. Returns the invoice it went on, if any yet.
 */
export async function invoicePlacement(
  ctx: AppContext,
  tx: AnyTx,
  facts: PlacementFacts,
  stored: StoredStatement,
  now: Date,
  options: { force?: boolean; quiet?: boolean } = {},
): Promise<{ invoiceId: string | null; deferred: boolean }> {
  const already = await view(tx)
    .selectFrom('billing.invoice_lines')
    .select('invoice_id')
    .where('placement_id', '=', facts.id)
    .executeTakeFirst()
  if (already) return { invoiceId: already.invoice_id, deferred: false }
  if (facts.status !== 'active' || stored.statement.fee === 0n) return { invoiceId: null, deferred: false }
  const settings = await billingSettings(tx, facts.company.id, dayOf(facts.createdAt))
  if (settings.issueOn === 'guarantee_end' && !options.force && dayOf(now) < facts.guaranteeEndsOn) {
    return { invoiceId: null, deferred: true }
  }
  const currency = stored.statement.currency
  if (settings.invoiceGrouping === 'monthly') {
    const periodStart = `${dayOf(now).slice(0, 7)}-01`
    const draft =
      (
        await view(tx)
          .selectFrom('billing.invoices')
          .select('id')
          .where('company_id', '=', facts.company.id)
          .where('currency', '=', currency)
          .where('period_start', '=', periodStart)
          .where('status', '=', 'draft')
          .forUpdate()
          .executeTakeFirst()
      )?.id ??
      (
        await view(tx)
          .insertInto('billing.invoices')
          .values({
            company_id: facts.company.id,
            currency,
            grouping: 'monthly',
            period_start: periodStart,
            period_end: lastDayOfMonth(periodStart),
            status: 'draft',
            payment_terms: facts.company.paymentTerms,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    await addLine(tx, draft, facts, stored, now)
    return { invoiceId: draft, deferred: false }
  }
  const invoice = await view(tx)
    .insertInto('billing.invoices')
    .values({
      company_id: facts.company.id,
      currency,
      grouping: 'per_placement',
      status: 'draft',
      payment_terms: facts.company.paymentTerms,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await addLine(tx, invoice.id, facts, stored, now)
  const due =
    settings.issueOn === 'hire' ? addDays(facts.startDate, TERM_DAYS[facts.company.paymentTerms]) : undefined
  await issueInvoice(ctx, tx, invoice.id, now, {
    dueOn: due,
    organizationId: facts.company.organizationId,
    ...(options.quiet ? { quiet: true } : {}),
  })
  return { invoiceId: invoice.id, deferred: false }
}

async function addLine(
  tx: AnyTx,
  invoiceId: string,
  facts: PlacementFacts,
  stored: StoredStatement,
  now: Date,
) {
  await view(tx)
    .insertInto('billing.invoice_lines')
    .values({
      invoice_id: invoiceId,
      placement_id: facts.id,
      fee_statement_id: stored.id,
      description: lineDescription(facts),
      amount: stored.statement.fee,
      created_at: now,
    })
    .execute()
  await view(tx)
    .updateTable('billing.invoices')
    .set((eb) => ({
      total: eb('total', '+', stored.statement.fee),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', invoiceId)
    .execute()
}

function lastDayOfMonth(periodStart: string): string {
  const d = new Date(`${periodStart}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + 1)
  d.setUTCDate(0)
  return d.toISOString().slice(0, 10)
}

/**
 * Issues a draft: the next number of the year (gap-free: the counter row is locked until commit),
 * the due date, the ledger posting receivable ← invoiced fees, the audit row and the notice.
 */
export async function issueInvoice(
  ctx: AppContext,
  tx: AnyTx,
  invoiceId: string,
  now: Date,
  options: { dueOn?: string | undefined; organizationId: string; quiet?: boolean },
): Promise<void> {
  const invoice = await view(tx)
    .selectFrom('billing.invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (invoice.status !== 'draft') return
  if (invoice.total === 0n)
    throw new AppError('invalid_state_transition', 'An invoice without lines is not issued')
  const issuedOn = dayOf(now)
  const year = Number(issuedOn.slice(0, 4))
  const seq = (
    await sql<{
      last_number: number
    }>`insert into billing.invoice_sequences (year, last_number) values (${year}, 1)
      on conflict (year) do update set last_number = billing.invoice_sequences.last_number + 1
      returning last_number`.execute(view(tx))
  ).rows[0]!.last_number
  const number = `SN-${year}-${String(seq).padStart(6, '0')}`
  const termDue = addDays(issuedOn, TERM_DAYS[invoice.payment_terms as keyof typeof TERM_DAYS])
  const dueOn = options.dueOn && options.dueOn > issuedOn ? options.dueOn : termDue
  const posting = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `invoice:${invoice.id}:issued`,
    kind: 'invoice.issued',
    reference: { type: 'invoice', id: invoice.id },
    description: `Invoice ${number} issued`,
    effectiveAt: now,
    lines: [
      {
        account: account.receivable(invoice.company_id, invoice.currency),
        direction: 'debit',
        amount: invoice.total,
        currency: invoice.currency,
      },
      {
        account: account.invoiced(invoice.currency, invoice.id),
        direction: 'credit',
        amount: invoice.total,
        currency: invoice.currency,
      },
    ],
  })
  await view(tx)
    .updateTable('billing.invoices')
    .set({
      number,
      year,
      seq,
      status: 'open',
      issued_on: issuedOn,
      due_on: dueOn,
      issue_posting_id: posting.postingId,
      updated_at: now,
      version: invoice.version + 1,
    })
    .where('id', '=', invoice.id)
    .execute()
  await writePayoutAudit(tx, {
    entityType: 'invoice',
    entityId: invoice.id,
    action: 'invoice.issued',
    changedByRole: 'system',
    oldValue: { status: 'draft' },
    newValue: { status: 'open', number, total: invoice.total, currency: invoice.currency, due_on: dueOn },
  })
  if (!options.quiet)
    await tellCompanyAdmins(ctx, tx, options.organizationId, {
      kind: 'invoice.issued',
      sourceName: `invoice:${invoice.id}:issued`,
      title: `Invoice ${number} issued`,
      body: `${formatAmount(invoice.total, invoice.currency)} due by ${dueOn}.`,
      link: `/splits/billing/invoices/${invoice.id}`,
    })
}

export async function tellCompanyAdmins(
  ctx: AppContext,
  tx: AnyTx,
  organizationId: string,
  n: { kind: string; sourceName: string; title: string; body: string; link: string },
): Promise<void> {
  const admins = await organizationMemberIds(tx, organizationId, ['company_admin'])
  await notify(
    ctx,
    tx,
    admins.map((userId) => ({
      kind: n.kind,
      userId,
      title: n.title,
      body: n.body,
      link: n.link,
      sourceId: uuidFromName(n.sourceName),
    })),
  )
}

export function formatAmount(amount: bigint, currency: string): string {
  const digits = currency === 'JPY' ? 0 : 2
  const scale = 10n ** BigInt(digits)
  const whole = amount / scale
  const frac = (amount % scale).toString().padStart(digits, '0')
  return `${currency} ${whole.toLocaleString('en-US')}${digits ? `.${frac}` : ''}`
}

/** What an invoice still owes: total less what was paid and credited. */
export const outstandingOf = (i: { total: bigint; amount_paid: bigint; amount_credited: bigint }) =>
  i.total - i.amount_paid - i.amount_credited

/** `overdue` is derived, never stored: open or partly paid past its due date. */
export function displayStatus(
  i: { status: string; due_on: string | null },
  today: string,
): 'draft' | 'open' | 'partially_paid' | 'paid' | 'void' | 'overdue' {
  if ((i.status === 'open' || i.status === 'partially_paid') && i.due_on !== null && i.due_on < today)
    return 'overdue'
  return i.status as 'draft' | 'open' | 'partially_paid' | 'paid' | 'void'
}
