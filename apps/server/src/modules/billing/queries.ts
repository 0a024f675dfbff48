import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../kernel/http/pagination.ts'
import { companyOrganization, placementFacts } from '../recruiting/index.ts'
import type { BillingCaller } from './caller.ts'
import type { BillingTx } from './database.ts'
import { displayStatus, outstandingOf } from './invoices.ts'
import { currentStatement } from './statements.ts'

/** Billing's read side: invoices as their company sees them, statements as a placement's parties see them. */
const view = (tx: AnyTx) => tx as BillingTx
const money = (amount: bigint, currency: string) => ({ amount, currency })

/** A company's finance is its admins' and platform admins' (404 for anyone else: existence is not told). */
export function assertFinanceAccess(caller: BillingCaller, companyId: string): void {
  if (caller.isPlatformAdmin || caller.adminCompanyIds.includes(companyId)) return
  throw new AppError('not_found', 'No such invoice')
}

export interface InvoiceFilters {
  companyId?: string | undefined
  placementId?: string | undefined
  status?: 'draft' | 'open' | 'partially_paid' | 'paid' | 'void' | 'overdue' | undefined
  limit: number
  startingAfter?: string | undefined
}

export async function listInvoices(tx: AnyTx, caller: BillingCaller, f: InvoiceFilters, today: string) {
  let q = view(tx)
    .selectFrom('billing.invoices as i')
    .select([
      'i.id',
      'i.number',
      'i.company_id',
      'i.currency',
      'i.grouping',
      'i.status',
      'i.issued_on',
      'i.due_on',
      'i.total',
      'i.amount_paid',
      'i.amount_credited',
      'i.amount_refunded',
      'i.created_at',
      exactTime('i.created_at'),
      sql<number>`(select count(*)::int from billing.invoice_lines l where l.invoice_id = i.id)`.as('lines'),
    ])
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(f.limit + 1)
  if (!caller.isPlatformAdmin) {
    if (caller.adminCompanyIds.length === 0) return { data: [], has_more: false, next_cursor: null }
    q = q.where('i.company_id', 'in', [...caller.adminCompanyIds])
  }
  if (f.companyId) q = q.where('i.company_id', '=', f.companyId)
  if (f.placementId) {
    const placementId = f.placementId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('billing.invoice_lines as l')
          .select('l.id')
          .whereRef('l.invoice_id', '=', 'i.id')
          .where('l.placement_id', '=', placementId),
      ),
    )
  }
  if (f.status === 'overdue') {
    q = q.where('i.status', 'in', ['open', 'partially_paid']).where('i.due_on', '<', today)
  } else if (f.status) {
    q = q.where('i.status', '=', f.status)
  }
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'i.created_at', 'i.id'))
  const page = timeIdPage(await q.execute(), f.limit)
  const names = new Map<string, string>()
  for (const id of new Set(page.data.map((i) => i.company_id))) {
    names.set(id, (await companyOrganization(tx, id))?.name ?? '')
  }
  return {
    ...page,
    data: page.data.map((i) => ({
      id: i.id,
      number: i.number,
      company: { id: i.company_id, name: names.get(i.company_id) ?? '' },
      grouping: i.grouping,
      status: displayStatus(i, today),
      issued_on: i.issued_on,
      due_on: i.due_on,
      total: money(i.total, i.currency),
      amount_paid: money(i.amount_paid, i.currency),
      amount_credited: money(i.amount_credited, i.currency),
      amount_refunded: money(i.amount_refunded, i.currency),
      outstanding: money(i.status === 'void' ? 0n : outstandingOf(i), i.currency),
      lines: i.lines,
      created_at: i.created_at,
    })),
  }
}

export async function getInvoice(tx: AnyTx, caller: BillingCaller, id: string, today: string) {
  const i = await view(tx).selectFrom('billing.invoices').selectAll().where('id', '=', id).executeTakeFirst()
  if (!i) throw new AppError('not_found', 'No such invoice')
  assertFinanceAccess(caller, i.company_id)
  const company = await companyOrganization(tx, i.company_id)
  const lines = await view(tx)
    .selectFrom('billing.invoice_lines')
    .select(['id', 'placement_id', 'description', 'amount', 'fee_statement_id'])
    .where('invoice_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const payments = await view(tx)
    .selectFrom('billing.payments')
    .select([
      'id',
      'method',
      'amount',
      'status',
      'reference',
      'received_on',
      'failure_reason',
      'amount_refunded',
      'created_at',
    ])
    .where('invoice_id', '=', id)
    .orderBy('created_at')
    .execute()
  const refunds = await view(tx)
    .selectFrom('billing.refunds as r')
    .innerJoin('billing.payments as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.payment_id', 'r.amount', 'r.status', 'r.reason', 'p.method', 'r.created_at'])
    .where('p.invoice_id', '=', id)
    .orderBy('r.created_at')
    .execute()
  const credits = await view(tx)
    .selectFrom('billing.credit_notes')
    .select(['id', 'placement_id', 'amount', 'reason', 'created_at'])
    .where('invoice_id', '=', id)
    .execute()
  return {
    id: i.id,
    number: i.number,
    company: { id: i.company_id, name: company?.name ?? '' },
    grouping: i.grouping,
    period: i.period_start ? { start: i.period_start, end: i.period_end } : null,
    status: displayStatus(i, today),
    payment_terms: i.payment_terms,
    issued_on: i.issued_on,
    due_on: i.due_on,
    total: money(i.total, i.currency),
    amount_paid: money(i.amount_paid, i.currency),
    amount_credited: money(i.amount_credited, i.currency),
    amount_refunded: money(i.amount_refunded, i.currency),
    outstanding: money(i.status === 'void' ? 0n : outstandingOf(i), i.currency),
    void_reason: i.void_reason,
    lines: lines.map((l) => ({ ...l, amount: money(l.amount, i.currency) })),
    payments: payments.map((p) => ({
      ...p,
      amount: money(p.amount, i.currency),
      amount_refunded: money(p.amount_refunded, i.currency),
    })),
    refunds: refunds.map((r) => ({ ...r, amount: money(r.amount, i.currency) })),
    credit_notes: credits.map((c) => ({ ...c, amount: money(c.amount, i.currency) })),
    created_at: i.created_at,
  }
}

/**
 * A placement's statement for any of its parties: the company's team, the recruiters on its split,
 * platform admins ("transparent splits"). Anyone else gets a 404, here and in row-level security.
 */
export async function placementStatement(tx: AnyTx, caller: BillingCaller, placementId: string) {
  const statement = await placementStatementIfMade(tx, caller, placementId)
  if (!statement) throw new AppError('not_found', 'No statement for that placement')
  return statement
}

/**
 * The same for the placement's parties, but `null` (not a 404) while its statement is still being
 * made: billing computes it from the placement event, a moment after the hire. Anyone who is not
 * a party still gets a 404.
 */
export async function placementStatementIfMade(tx: AnyTx, caller: BillingCaller, placementId: string) {
  const facts = await placementFacts(tx, placementId)
  const party =
    facts &&
    (caller.isPlatformAdmin ||
      caller.teamCompanyIds.includes(facts.company.id) ||
      (caller.recruiterId !== null && facts.splits.some((s) => s.recruiterId === caller.recruiterId)))
  if (!facts || !party) throw new AppError('not_found', 'No statement for that placement')
  const stored = await currentStatement(tx, placementId)
  if (!stored) return null
  const s = stored.json
  const collected = await view(tx)
    .selectFrom('billing.payment_allocations')
    .select(['party_type', 'party_id', (eb) => eb.fn.sum<string>('amount').as('sum')])
    .where('placement_id', '=', placementId)
    .groupBy(['party_type', 'party_id'])
    .execute()
  const collectedOf = (type: string, id: string | null) =>
    BigInt(collected.find((c) => c.party_type === type && c.party_id === id)?.sum ?? '0')
  const recruiterNames = new Map(facts.splits.map((x) => [x.recruiterId, x.userId]))
  return {
    placement_id: placementId,
    version: stored.version,
    rule_version: s.rule_version,
    config_version: s.config_version,
    fee: { amount: s.fee, currency: s.currency },
    inputs: s.inputs,
    figures: s.figures,
    lines: s.lines.map((l) => ({
      party_type: l.party_type,
      party_id: l.party_id,
      fee_role: l.fee_role,
      basis: l.basis,
      share_bps: l.share_bps,
      amount: l.amount,
      recruiter_user_id: l.party_id ? (recruiterNames.get(l.party_id) ?? null) : null,
    })),
    collected: [
      { party_type: 'platform' as const, party_id: null, amount: collectedOf('platform', null) },
      ...facts.splits.map((x) => ({
        party_type: 'recruiter' as const,
        party_id: x.recruiterId,
        amount: collectedOf('recruiter', x.recruiterId),
      })),
    ],
  }
}
