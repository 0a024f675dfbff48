import { sql } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import type { Db } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { kindBalancesByOwner } from '../../ledger/index.ts'
import { SPLITS_BOOK } from '../book.ts'
import { view } from './shared.ts'

/**
 * Proves that the payout documents and the ledger tell the same story, recruiter by recruiter and
 * currency by currency, in one snapshot:
 * - held: the ledger's `recruiter_held` equals the active escrow holds plus held money no hold
 *   covers (cancelled holds), and its pending outflow equals the active holds;
 * - available: `recruiter_available` equals the open schedules whose money has not left (pending,
 *   or failed and not cancelled, without a funded payout) plus money no schedule claims;
 * - in flight: `recruiter_in_flight` equals the funded payouts not yet settled (sending, waiting
 *   after a temporary error, parked, or in the bank-transfer batch);
 * - paid: `recruiter_paid` equals the completed payouts less what reversals recovered;
 * - debt: `recruiter_debt` equals the debts recorded per placement;
 * - nothing stuck: no payout has sat in `processing` with its lease run out for long.
 */
export interface PayoutCheck {
  name: 'held' | 'available' | 'in_flight' | 'paid' | 'debt' | 'nothing_stuck'
  ok: boolean
  detail: string
}

export interface PayoutReconciliation {
  ok: boolean
  checked_at: string
  recruiters: number
  checks: PayoutCheck[]
}

type Sums = Map<string, bigint>

async function sums(tx: unknown, query: ReturnType<typeof sql<{ k: string; v: string }>>): Promise<Sums> {
  const rows = await query.execute(view(tx))
  return new Map(rows.rows.map((r) => [r.k, BigInt(r.v)]))
}

export async function reconcilePayouts(
  // biome-ignore lint/suspicious/noExplicitAny: the process's handle
  db: Db<any>,
  options: { stuckAfterMs?: number; now?: Date } = {},
): Promise<PayoutReconciliation> {
  const now = options.now ?? new Date()
  const stuckBefore = new Date(now.getTime() - (options.stuckAfterMs ?? 15 * 60_000))
  return inTransaction(
    db,
    systemActor('billing.payouts.reconcile'),
    async (tx) => {
      const ledger = async (kind: string) =>
        kindBalancesByOwner(tx, { book: SPLITS_BOOK, ownerType: 'recruiter', kind })
      const [held, available, inFlight, paid, debt] = await Promise.all([
        ledger('recruiter_held'),
        ledger('recruiter_available'),
        ledger('recruiter_in_flight'),
        ledger('recruiter_paid'),
        ledger('recruiter_debt'),
      ])
      const activeHolds = await sums(
        tx,
        sql`select recruiter_id || ':' || currency as k, sum(hold_amount)::text as v from billing.escrow_holds
             where status = 'active' group by 1`,
      )
      const positions = await sql<{
        k: string
        held_free: string
        unscheduled: string
        debt: string
        recovered: string
      }>`
        select recruiter_id || ':' || currency as k, sum(held_free)::text as held_free, sum(unscheduled)::text as unscheduled,
               sum(debt)::text as debt, sum(debt_recovered)::text as recovered
          from billing.payout_positions group by 1`.execute(view(tx))
      const pos = new Map(positions.rows.map((r) => [r.k, r]))
      const openSchedules = await sums(
        tx,
        sql`select s.recruiter_id || ':' || s.currency as k, sum(s.amount)::text as v
              from billing.payout_schedules s left join billing.payouts p on p.id = s.payout_id
             where s.cancelled_at is null and s.status in ('pending', 'failed')
               and (p.id is null or p.funding_posting_id is null or p.status = 'failed')
             group by 1`,
      )
      const funded = await sums(
        tx,
        sql`select recruiter_id || ':' || currency as k, sum(amount)::text as v from billing.payouts
             where funding_posting_id is not null and status in ('pending', 'processing') group by 1`,
      )
      const completed = await sums(
        tx,
        sql`select recruiter_id || ':' || currency as k, sum(amount)::text as v from billing.payouts
             where status = 'completed' group by 1`,
      )
      const stuck = (
        await sql<{ n: number }>`select count(*)::int as n from billing.payouts
          where status = 'processing' and lease_until is not null and lease_until < ${stuckBefore}`.execute(
          view(tx),
        )
      ).rows[0]!.n

      const keys = new Set<string>([
        ...held.keys(),
        ...available.keys(),
        ...inFlight.keys(),
        ...paid.keys(),
        ...debt.keys(),
        ...activeHolds.keys(),
        ...pos.keys(),
        ...openSchedules.keys(),
        ...funded.keys(),
        ...completed.keys(),
      ])
      const bad: Record<PayoutCheck['name'], string[]> = {
        held: [],
        available: [],
        in_flight: [],
        paid: [],
        debt: [],
        nothing_stuck: [],
      }
      const n = (v: string | undefined) => BigInt(v ?? '0')
      for (const k of keys) {
        const p = pos.get(k)
        const h = held.get(k)
        const holds = activeHolds.get(k) ?? 0n
        if ((h?.posted ?? 0n) !== holds + n(p?.held_free) || (h?.pendingOut ?? 0n) !== holds) {
          bad.held.push(
            `${k} ledger ${h?.posted ?? 0n} (reserved ${h?.pendingOut ?? 0n}) vs holds ${holds} + free ${n(p?.held_free)}`,
          )
        }
        const a = available.get(k)?.posted ?? 0n
        const claimed = (openSchedules.get(k) ?? 0n) + n(p?.unscheduled)
        if (a !== claimed)
          bad.available.push(
            `${k} ledger ${a} vs schedules ${openSchedules.get(k) ?? 0n} + unclaimed ${n(p?.unscheduled)}`,
          )
        const f = inFlight.get(k)?.posted ?? 0n
        if (f !== (funded.get(k) ?? 0n))
          bad.in_flight.push(`${k} ledger ${f} vs payouts ${funded.get(k) ?? 0n}`)
        const pd = paid.get(k)?.posted ?? 0n
        const expected = (completed.get(k) ?? 0n) - n(p?.recovered)
        if (pd !== expected)
          bad.paid.push(
            `${k} ledger ${pd} vs completed ${completed.get(k) ?? 0n} − recovered ${n(p?.recovered)}`,
          )
        const d = debt.get(k)?.posted ?? 0n
        if (d !== n(p?.debt)) bad.debt.push(`${k} ledger ${d} vs positions ${n(p?.debt)}`)
      }
      const check = (name: PayoutCheck['name'], okDetail: string): PayoutCheck => ({
        name,
        ok: bad[name].length === 0,
        detail: bad[name].length
          ? `${bad[name].length} recruiter balance(s) disagree, e.g. ${bad[name].slice(0, 3).join('; ')}`
          : okDetail,
      })
      const recruiters = new Set([...keys].map((k) => k.split(':')[0])).size
      const checks: PayoutCheck[] = [
        check('held', 'held balances equal active escrow holds plus free held money'),
        check('available', 'available balances equal open schedules plus unclaimed money'),
        check('in_flight', 'in-flight balances equal funded payouts not yet settled'),
        check('paid', 'paid balances equal completed payouts less recovered debts'),
        check('debt', 'debts equal what the placements record'),
        {
          name: 'nothing_stuck',
          ok: stuck === 0,
          detail: stuck
            ? `${stuck} payout(s) stuck in processing with an expired lease`
            : 'no payout stuck in processing',
        },
      ]
      return { ok: checks.every((c) => c.ok), checked_at: now.toISOString(), recruiters, checks }
    },
    { isolation: 'repeatable read' },
  )
}

export type { AppContext }
