import { type Selectable, sql } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import type { BillingSchema } from '../../../kernel/db/schema/billing.ts'
import { AppError } from '../../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { kindBalancesByOwner, kindTotal, ownerBalances } from '../../ledger/index.ts'
import { placementFacts } from '../../recruiting/index.ts'
import { SPLITS_BOOK } from '../book.ts'
import type { BillingCaller } from '../caller.ts'
import { stripeClientOf } from './adapters.ts'
import { connectRowOfRecruiter, presentConnect } from './connect.ts'
import { presentPayout } from './payouts.ts'
import type { PayoutReconciliation } from './reconcile.ts'
import { dayOf, view } from './shared.ts'

/**
 * Reads for the screens: escrow holds, a placement's payout statement, a recruiter's earnings, and
 * the admin's reconciliation of revenue, payouts, held and in-flight money.
 */
export type HoldRow = Selectable<BillingSchema['billing.escrow_holds']>

export function presentHold(h: HoldRow) {
  return {
    id: h.id,
    placement_id: h.placement_id,
    recruiter_id: h.recruiter_id,
    payout_id: h.payout_id,
    payment_id: h.payment_id,
    hold_amount: { amount: h.hold_amount, currency: h.currency },
    holdback_bps: h.holdback_bps,
    hold_reason: h.hold_reason as 'guarantee_period' | 'dispute_pending' | 'compliance_review' | 'remainder',
    status: h.status as 'active' | 'released' | 'cancelled',
    held_at: h.held_at,
    release_scheduled_date: h.release_scheduled_date,
    released_at: h.released_at,
    released_by: h.released_by,
    cancelled_at: h.cancelled_at,
    cancellation_reason: h.cancellation_reason,
    created_at: h.created_at,
    updated_at: h.updated_at,
    version: h.version,
  }
}

/** A recruiter sees their own holds (row-level security too); admins every hold. */
function visibleHolds(tx: AnyTx, caller: BillingCaller) {
  let q = view(tx).selectFrom('billing.escrow_holds').selectAll()
  if (!caller.isPlatformAdmin)
    q = q.where('recruiter_id', '=', caller.recruiterId ?? '00000000-0000-0000-0000-000000000000')
  return q
}

export async function listHolds(
  tx: AnyTx,
  caller: BillingCaller,
  f: {
    placementId?: string | undefined
    recruiterId?: string | undefined
    status?: string | undefined
    dueBy?: string | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  let q = visibleHolds(tx, caller)
    .select(exactTime('created_at'))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
  if (f.placementId) q = q.where('placement_id', '=', f.placementId)
  if (f.recruiterId) q = q.where('recruiter_id', '=', f.recruiterId)
  if (f.status) q = q.where('status', '=', f.status as HoldRow['status'])
  if (f.dueBy) q = q.where('status', '=', 'active').where('release_scheduled_date', '<=', f.dueBy)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'created_at', 'id'))
  const page = timeIdPage(await q.execute(), f.limit)
  return { ...page, data: page.data.map((h) => presentHold(h as HoldRow)) }
}

export async function getHold(tx: AnyTx, caller: BillingCaller, id: string) {
  const h = await visibleHolds(tx, caller).where('id', '=', id).executeTakeFirst()
  if (!h) throw new AppError('not_found', 'No such escrow hold')
  return presentHold(h)
}

/** A placement must exist and the caller be an admin or a recruiter on it (others: 404). */
async function placementForPayoutReads(tx: AnyTx, caller: BillingCaller, placementId: string) {
  const facts = await placementFacts(tx, placementId)
  const allowed =
    facts &&
    (caller.isPlatformAdmin ||
      (caller.recruiterId && facts.splits.some((s) => s.recruiterId === caller.recruiterId)))
  if (!facts || !allowed) throw new AppError('not_found', 'No such placement')
  return facts
}

export async function placementHolds(tx: AnyTx, caller: BillingCaller, placementId: string) {
  await placementForPayoutReads(tx, caller, placementId)
  const rows = await visibleHolds(tx, caller)
    .where('placement_id', '=', placementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return { data: rows.map(presentHold) }
}

/** What is held for a placement now (active holds), and what was released or cancelled, per currency. */
export async function placementHoldTotal(tx: AnyTx, caller: BillingCaller, placementId: string) {
  await placementForPayoutReads(tx, caller, placementId)
  const rows = await visibleHolds(tx, caller).where('placement_id', '=', placementId).execute()
  const currencies = [...new Set(rows.map((r) => r.currency))]
  return {
    placement_id: placementId,
    totals: currencies.map((currency) => {
      const of = (status: string) =>
        rows
          .filter((r) => r.currency === currency && r.status === status)
          .reduce((s, r) => s + r.hold_amount, 0n)
      const next = rows
        .filter((r) => r.currency === currency && r.status === 'active')
        .map((r) => r.release_scheduled_date)
        .sort()[0]
      return {
        currency,
        active: { amount: of('active'), currency },
        released: { amount: of('released'), currency },
        cancelled: { amount: of('cancelled'), currency },
        active_holds: rows.filter((r) => r.currency === currency && r.status === 'active').length,
        next_release_date: next ?? null,
      }
    }),
  }
}

/**
 * A placement's payouts statement: per recruiter (a recruiter sees their own line), what they
 * collected of its fee, what is held and until when, scheduled, on its way, paid, taken back and
 * owed back — every figure from the documents that move the money.
 */
export async function placementPayouts(tx: AnyTx, caller: BillingCaller, placementId: string) {
  const facts = await placementForPayoutReads(tx, caller, placementId)
  const recruiters = facts.splits
    .map((s) => s.recruiterId)
    .filter((id, i, all) => all.indexOf(id) === i)
    .filter((id) => caller.isPlatformAdmin || id === caller.recruiterId)
  const currency = facts.currency
  const money = (amount: bigint) => ({ amount, currency })
  const lines = []
  for (const recruiterId of recruiters) {
    const collected = await view(tx)
      .selectFrom('billing.payment_allocations')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.val('0')).as('sum'))
      .where('placement_id', '=', placementId)
      .where('party_type', '=', 'recruiter')
      .where('party_id', '=', recruiterId)
      .executeTakeFirstOrThrow()
    const holds = await view(tx)
      .selectFrom('billing.escrow_holds')
      .selectAll()
      .where('placement_id', '=', placementId)
      .where('recruiter_id', '=', recruiterId)
      .orderBy('release_scheduled_date')
      .execute()
    const schedules = await view(tx)
      .selectFrom('billing.payout_schedules')
      .select(['status', 'amount', 'cancelled_at'])
      .where('placement_id', '=', placementId)
      .where('recruiter_id', '=', recruiterId)
      .execute()
    const payouts = await view(tx)
      .selectFrom('billing.payouts')
      .selectAll()
      .where('placement_id', '=', placementId)
      .where('recruiter_id', '=', recruiterId)
      .orderBy('created_at')
      .execute()
    const position = await view(tx)
      .selectFrom('billing.payout_positions')
      .selectAll()
      .where('placement_id', '=', placementId)
      .where('recruiter_id', '=', recruiterId)
      .where('currency', '=', currency)
      .executeTakeFirst()
    const sum = <T>(xs: T[], f: (x: T) => bigint) => xs.reduce((s, x) => s + f(x), 0n)
    lines.push({
      recruiter_id: recruiterId,
      collected: money(BigInt(collected.sum)),
      held: money(
        sum(
          holds.filter((h) => h.status === 'active'),
          (h) => h.hold_amount,
        ),
      ),
      held_releases: holds
        .filter((h) => h.status === 'active')
        .map((h) => ({
          escrow_hold_id: h.id,
          amount: money(h.hold_amount),
          release_date: h.release_scheduled_date,
        })),
      released: money(
        sum(
          holds.filter((h) => h.status === 'released'),
          (h) => h.hold_amount,
        ),
      ),
      scheduled: money(
        sum(
          schedules.filter(
            (s) => s.cancelled_at === null && (s.status === 'pending' || s.status === 'failed'),
          ),
          (s) => s.amount,
        ),
      ),
      in_flight: money(
        sum(
          payouts.filter(
            (p) => p.status === 'processing' || (p.status === 'pending' && p.funding_posting_id),
          ),
          (p) => p.amount,
        ),
      ),
      paid: money(
        sum(
          payouts.filter((p) => p.status === 'completed'),
          (p) => p.amount,
        ),
      ),
      taken_back: money(position?.taken_back ?? 0n),
      debt: money(position?.debt ?? 0n),
      debt_netted: money(position?.debt_netted ?? 0n),
      debt_recovered: money(position?.debt_recovered ?? 0n),
      payouts: payouts.map((p) => presentPayout(p)),
    })
  }
  return {
    placement_id: placementId,
    status: facts.status,
    guarantee_ends_on: facts.guaranteeEndsOn,
    currency,
    recruiters: lines,
  }
}

/**
 * The recruiter's own earnings: what is still to be collected from companies (pending), held until
 * a guarantee ends (with the dates), available, on its way, paid, and owed back; by month; and
 * whether their payout account can receive money.
 */
export async function myEarnings(ctx: AppContext, tx: AnyTx, caller: BillingCaller) {
  const recruiterId = caller.recruiterId
  if (!recruiterId) throw new AppError('not_found', 'You have no recruiter profile')
  const balances = await ownerBalances(tx, {
    book: SPLITS_BOOK,
    ownerType: 'recruiter',
    ownerId: recruiterId,
  })
  // pending: the recruiter's share of fees not yet collected (placements still running)
  const statements = await sql<{ placement_id: string; currency: string; lines: unknown }>`
    select distinct on (s.placement_id) s.placement_id, s.currency, s.statement->'lines' as lines
      from billing.fee_statements s
     where s.statement->'lines' @> ${JSON.stringify([{ party_id: recruiterId }])}::jsonb
     order by s.placement_id, s.version desc`.execute(view(tx))
  const collectedRows = await view(tx)
    .selectFrom('billing.payment_allocations')
    .select(['placement_id', (eb) => eb.fn.sum<string>('amount').as('sum')])
    .where('party_type', '=', 'recruiter')
    .where('party_id', '=', recruiterId)
    .groupBy('placement_id')
    .execute()
  const collected = new Map(collectedRows.map((r) => [r.placement_id, BigInt(r.sum)]))
  const closed = new Set(
    (
      await view(tx)
        .selectFrom('billing.fall_offs')
        .select('placement_id')
        .where(
          'placement_id',
          'in',
          statements.rows.length
            ? statements.rows.map((r) => r.placement_id)
            : ['00000000-0000-0000-0000-000000000000'],
        )
        .execute()
    ).map((r) => r.placement_id),
  )
  const pending = new Map<string, bigint>()
  for (const s of statements.rows) {
    if (closed.has(s.placement_id)) continue
    const due = ((s.lines as { party_id: string | null; amount: string }[]) ?? [])
      .filter((l) => l.party_id === recruiterId)
      .reduce((sum, l) => sum + BigInt(l.amount), 0n)
    const left = due - (collected.get(s.placement_id) ?? 0n)
    if (left > 0n) pending.set(s.currency, (pending.get(s.currency) ?? 0n) + left)
  }
  const holds = await view(tx)
    .selectFrom('billing.escrow_holds')
    .selectAll()
    .where('recruiter_id', '=', recruiterId)
    .where('status', '=', 'active')
    .orderBy('release_scheduled_date')
    .execute()
  const payouts = await view(tx)
    .selectFrom('billing.payouts')
    .selectAll()
    .where('recruiter_id', '=', recruiterId)
    .where((eb) => eb.or([eb('status', 'in', ['pending', 'processing']), eb('parked_code', 'is not', null)]))
    .execute()
  const currencies = new Set<string>([
    ...pending.keys(),
    ...balances.map((b) => b.balance.currency),
    ...holds.map((h) => h.currency),
  ])
  const bal = (kind: string, currency: string) =>
    balances.find((b) => b.kind === kind && b.balance.currency === currency)?.balance.posted ?? 0n
  const money = (amount: bigint, currency: string) => ({ amount, currency })
  const months = await sql<{ month: string; currency: string; collected: string; paid: string }>`
    with c as (
      select to_char(a.created_at at time zone 'UTC', 'YYYY-MM') as month, p.currency, sum(a.amount) as amount
        from billing.payment_allocations a join billing.fee_statements p on p.placement_id = a.placement_id and p.version = 1
       where a.party_type = 'recruiter' and a.party_id = ${recruiterId}
       group by 1, 2),
    d as (
      select to_char(completed_at at time zone 'UTC', 'YYYY-MM') as month, currency, sum(amount) as amount
        from billing.payouts where recruiter_id = ${recruiterId} and status = 'completed' group by 1, 2)
    select coalesce(c.month, d.month) as month, coalesce(c.currency, d.currency) as currency,
           coalesce(c.amount, 0)::text as collected, coalesce(d.amount, 0)::text as paid
      from c full join d on c.month = d.month and c.currency = d.currency
     order by 1, 2`.execute(view(tx))
  const connect = await connectRowOfRecruiter(tx, recruiterId)
  return {
    recruiter_id: recruiterId,
    payout_account: presentConnect(
      connect,
      recruiterId,
      stripeClientOf(ctx) ? 'stripe_connect' : 'manual_bank',
    ),
    balances: [...currencies].sort().map((currency) => ({
      currency,
      pending: money(pending.get(currency) ?? 0n, currency),
      held: money(
        holds.filter((h) => h.currency === currency).reduce((s, h) => s + h.hold_amount, 0n),
        currency,
      ),
      available: money(bal('recruiter_available', currency), currency),
      in_flight: money(
        payouts
          .filter(
            (p) =>
              p.currency === currency &&
              !p.parked_code &&
              (p.status === 'processing' || p.funding_posting_id),
          )
          .reduce((s, p) => s + p.amount, 0n),
        currency,
      ),
      blocked: money(
        payouts
          .filter((p) => p.currency === currency && p.parked_code)
          .reduce((s, p) => s + p.gross_amount, 0n),
        currency,
      ),
      paid: money(bal('recruiter_paid', currency), currency),
      debt: money(bal('recruiter_debt', currency), currency),
    })),
    held_releases: holds.map((h) => ({
      escrow_hold_id: h.id,
      placement_id: h.placement_id,
      amount: money(h.hold_amount, h.currency),
      release_date: h.release_scheduled_date,
    })),
    blocked_payouts: payouts
      .filter((p) => p.parked_code)
      .map((p) => ({
        payout_id: p.id,
        amount: money(p.gross_amount, p.currency),
        reason: p.parked_reason ?? '',
      })),
    by_month: months.rows.map((m) => ({
      month: m.month,
      currency: m.currency,
      collected: money(BigInt(m.collected), m.currency),
      paid: money(BigInt(m.paid), m.currency),
    })),
  }
}

/**
 * The admin's reconciliation: revenue vs what recruiters collected vs held vs available vs in
 * flight vs paid vs owed back, the queue's counts, what is due, a series by month, and the proof
 * that the documents agree with the ledger.
 */
export async function payoutsSummary(
  ctx: AppContext,
  tx: AnyTx,
  currency: string,
  reconciliation: PayoutReconciliation,
) {
  const total = async (kind: string) => (await kindTotal(tx, { book: SPLITS_BOOK, kind, currency })).posted
  const money = (amount: bigint) => ({ amount, currency })
  const recruiterCollected = await view(tx)
    .selectFrom('billing.payment_allocations as a')
    .innerJoin('billing.invoice_lines as l', 'l.id', 'a.invoice_line_id')
    .innerJoin('billing.invoices as i', 'i.id', 'l.invoice_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('a.amount'), eb.val('0')).as('sum'))
    .where('a.party_type', '=', 'recruiter')
    .where('i.currency', '=', currency)
    .executeTakeFirstOrThrow()
  const count = async (table: 'billing.payouts' | 'billing.payout_schedules' | 'billing.escrow_holds') =>
    Object.fromEntries(
      (
        await view(tx)
          .selectFrom(table)
          .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('currency', '=', currency)
          .groupBy('status')
          .execute()
      ).map((r) => [r.status, Number(r.n)]),
    )
  const today = dayOf(ctx.clock.now())
  const due = (
    await sql<{
      schedules: number
      amount: string
      holds: number
      hold_amount: string
      parked: number
      parked_amount: string
      batch: number
    }>`
      select
        (select count(*)::int from billing.payout_schedules where status = 'pending' and scheduled_date <= ${today}::date and currency = ${currency}) as schedules,
        (select coalesce(sum(amount), 0)::text from billing.payout_schedules where status = 'pending' and scheduled_date <= ${today}::date and currency = ${currency}) as amount,
        (select count(*)::int from billing.escrow_holds where status = 'active' and release_scheduled_date <= ${today}::date and currency = ${currency}) as holds,
        (select coalesce(sum(hold_amount), 0)::text from billing.escrow_holds where status = 'active' and release_scheduled_date <= ${today}::date and currency = ${currency}) as hold_amount,
        (select count(*)::int from billing.payouts where parked_code is not null and currency = ${currency}) as parked,
        (select coalesce(sum(gross_amount), 0)::text from billing.payouts where parked_code is not null and currency = ${currency}) as parked_amount,
        (select count(*)::int from billing.payouts where method = 'manual_bank' and status = 'processing' and currency = ${currency}) as batch`.execute(
      view(tx),
    )
  ).rows[0]!
  const months = await sql<{ month: string; revenue: string; recruiters: string; paid: string }>`
    with r as (
      select to_char(a.created_at at time zone 'UTC', 'YYYY-MM') as month,
             sum(a.amount) filter (where a.party_type = 'platform') as revenue,
             sum(a.amount) filter (where a.party_type = 'recruiter') as recruiters
        from billing.payment_allocations a join billing.invoice_lines l on l.id = a.invoice_line_id
        join billing.invoices i on i.id = l.invoice_id
       where i.currency = ${currency} group by 1),
    p as (
      select to_char(completed_at at time zone 'UTC', 'YYYY-MM') as month, sum(amount) as paid
        from billing.payouts where status = 'completed' and currency = ${currency} group by 1)
    select coalesce(r.month, p.month) as month, coalesce(r.revenue, 0)::text as revenue,
           coalesce(r.recruiters, 0)::text as recruiters, coalesce(p.paid, 0)::text as paid
      from r full join p on p.month = r.month order by 1`.execute(view(tx))
  const perRecruiterHeld = await kindBalancesByOwner(tx, {
    book: SPLITS_BOOK,
    ownerType: 'recruiter',
    kind: 'recruiter_held',
    currency,
  })
  const held = await total('recruiter_held')
  const available = await total('recruiter_available')
  const inFlight = await total('recruiter_in_flight')
  const paid = await total('recruiter_paid')
  const debt = await total('recruiter_debt')
  return {
    currency,
    totals: {
      revenue: money(await total('revenue')),
      collected_for_recruiters: money(BigInt(recruiterCollected.sum)),
      held: money(held),
      available: money(available),
      in_flight: money(inFlight),
      paid: money(paid),
      debt: money(debt),
      /** held + available + in flight + paid − debt: what recruiters collected, seen from the ledger */
      recruiter_money: money(held + available + inFlight + paid - debt),
      recruiters_with_held_money: [...perRecruiterHeld.values()].filter((b) => b.posted > 0n).length,
    },
    counts: {
      payouts: await count('billing.payouts'),
      schedules: await count('billing.payout_schedules'),
      escrow_holds: await count('billing.escrow_holds'),
    },
    due: {
      schedules: due.schedules,
      schedules_amount: money(BigInt(due.amount)),
      escrow_releases: due.holds,
      escrow_amount: money(BigInt(due.hold_amount)),
      parked_payouts: due.parked,
      parked_amount: money(BigInt(due.parked_amount)),
      bank_transfer_batch: due.batch,
    },
    months: months.rows.map((m) => ({
      month: m.month,
      revenue: money(BigInt(m.revenue)),
      collected_for_recruiters: money(BigInt(m.recruiters)),
      paid_out: money(BigInt(m.paid)),
    })),
    reconciliation,
  }
}
