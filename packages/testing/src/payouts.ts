import type { StripeTestServer } from '@app/stripe-test-server'
import { sql } from 'kysely'
import Stripe from 'stripe'
import type { AppContext } from '../../../apps/server/src/kernel/context.ts'
import { inTransaction, systemActor } from '../../../apps/server/src/kernel/db/transaction.ts'
import { account, SPLITS_BOOK } from '../../../apps/server/src/modules/billing/book.ts'
import { recordConnectAccount } from '../../../apps/server/src/modules/billing/payouts/connect.ts'
import { insertSchedules } from '../../../apps/server/src/modules/billing/payouts/schedules.ts'
import { post } from '../../../apps/server/src/modules/ledger/index.ts'

/**
 * Fixtures for payout tests, benchmarks and the crash test: recruiters with active Connect
 * accounts on a Stripe test server, and many due payout schedules funded in the ledger at once
 * (money "collected" into each recruiter's available balance by one posting per recruiter).
 */
export function stripeClientFor(server: StripeTestServer): Stripe {
  return new Stripe(server.secretKey, {
    host: '127.0.0.1',
    port: server.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  })
}

/** An active Express account for each recruiter (created, onboarded, recorded). */
export async function connectRecruiters(
  ctx: AppContext,
  server: StripeTestServer,
  recruiterIds: readonly string[],
): Promise<Map<string, string>> {
  const stripe = stripeClientFor(server)
  const out = new Map<string, string>()
  for (const recruiterId of recruiterIds) {
    const created = await stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
      metadata: { recruiter_id: recruiterId },
    })
    const account = server.control.completeOnboarding(created.id) as unknown as Stripe.Account
    await inTransaction(ctx.db, systemActor('test'), (tx) =>
      recordConnectAccount(tx, recruiterId, created.id, account, ctx.clock.now()),
    )
    out.set(recruiterId, created.id)
  }
  return out
}

export interface SchedulePlan {
  placementId: string
  recruiterId: string
}

/**
 * `count` due schedules of `amount` each, spread over the given (placement, recruiter) pairs in
 * turn, each funded: the money sits in the recruiter's available balance (credited from the
 * platform's Stripe clearing), as if companies had paid.
 */
export async function seedDueSchedules(
  ctx: AppContext,
  pairs: readonly SchedulePlan[],
  count: number,
  amount: bigint,
  options: { currency?: string; scheduledDate?: string; chunk?: number } = {},
): Promise<number> {
  const currency = options.currency ?? 'USD'
  const date = options.scheduledDate ?? ctx.clock.now().toISOString().slice(0, 10)
  const chunk = options.chunk ?? 1000
  let made = 0
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start)
    await inTransaction(ctx.db, systemActor('test'), async (tx) => {
      const plan = Array.from({ length: n }, (_, i) => pairs[(start + i) % pairs.length]!)
      const perRecruiter = new Map<string, bigint>()
      for (const p of plan) perRecruiter.set(p.recruiterId, (perRecruiter.get(p.recruiterId) ?? 0n) + amount)
      const total = [...perRecruiter.values()].reduce((a, b) => a + b, 0n)
      await post(tx, {
        book: SPLITS_BOOK,
        idempotencyKey: `test-funding:${ctx.clock.now().getTime()}:${start}:${Math.random()}`,
        kind: 'test.funding',
        reference: { type: 'test', id: String(start) },
        description: 'Test money: collected for recruiters',
        effectiveAt: ctx.clock.now(),
        lines: [
          {
            account: account.pspClearing(currency, `test-${start}`),
            direction: 'debit',
            amount: total,
            currency,
          },
          ...[...perRecruiter].map(([recruiterId, sum]) => ({
            account: account.recruiterAvailable(recruiterId, currency),
            direction: 'credit' as const,
            amount: sum,
            currency,
          })),
        ],
      })
      await insertSchedules(
        tx,
        plan.map((p) => ({
          placementId: p.placementId,
          recruiterId: p.recruiterId,
          amount,
          currency,
          scheduledDate: date,
          guaranteeCompletionDate: null,
          triggerEvent: 'manual' as const,
          escrowHoldId: null,
          createdBy: null,
        })),
        ctx.clock.now(),
        'system',
      )
      made += n
    })
  }
  return made
}

/** Every placement with the recruiters on its split (from the demo marketplace). */
export async function placementRecruiterPairs(ctx: AppContext): Promise<SchedulePlan[]> {
  return inTransaction(ctx.db, systemActor('test'), async (tx) => {
    const rows = await sql<{ placement_id: string; recruiter_id: string }>`
      select distinct placement_id, recruiter_id from ats.placement_splits order by 1, 2`.execute(tx)
    return rows.rows.map((r) => ({ placementId: r.placement_id, recruiterId: r.recruiter_id }))
  })
}

/**
 * What the payout tables say, for "exactly once" checks. Transfers are counted for every payout that
 * made one, whatever its status now (a bank payout that failed after the transfer leaves it `failed`).
 */
export async function payoutFigures(ctx: AppContext) {
  return inTransaction(ctx.db, systemActor('test'), async (tx) => {
    const byStatus = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from billing.payouts group by 1`.execute(tx)
    const schedules = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from billing.payout_schedules group by 1`.execute(tx)
    const pairs = await sql<{ destination: string; grp: string; n: number }>`
      select stripe_connect_account_id as destination, transfer_group as grp, count(*)::int as n
        from billing.payouts where stripe_transfer_id is not null group by 1, 2`.execute(tx)
    return {
      payouts: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n])) as Record<string, number>,
      schedules: Object.fromEntries(schedules.rows.map((r) => [r.status, r.n])) as Record<string, number>,
      transferredByDestinationAndGroup: Object.fromEntries(
        pairs.rows.map((r) => [`${r.destination}|${r.grp}`, r.n]),
      ),
    }
  })
}
