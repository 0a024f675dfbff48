import { sql } from 'kysely'
import type Stripe from 'stripe'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { normalizeEmail, userIdsByEmail } from '../../identity/index.ts'
import { recruiterIdOfUser } from '../../recruiting/index.ts'
import { demoStripeServerUrl } from '../provider-setup.ts'
import { stripeClientOf } from './adapters.ts'
import { recordConnectAccount } from './connect.ts'
import { processDueSchedules } from './engine.ts'
import { reconcilePayouts } from './reconcile.ts'
import { view } from './shared.ts'

/**
 * Payouts in the demo (after billing's demo data, whose paid invoices made escrow holds and payout
 * schedules): Rachel's Stripe Connect account is active and Tom's is not (he started onboarding and
 * stopped: requirements due), so both sides of onboarding show. Then their due schedules are paid
 * as the nightly run would — Rachel's go out, Tom's wait parked for his account. Everyone else's
 * due schedules and holds are left for the admin's "Run payouts now" / "Release due holds now" (or
 * the 02:00 and 03:00 UTC jobs): the demo has work to show, and the first start stays quick.
 *
 * Needs a Stripe test server (demo mode starts one; tests pass theirs as STRIPE_API_URL) to finish
 * Rachel's onboarding; against real Stripe, or with no Stripe at all (the bank-transfer batch), the
 * accounts are left alone and the run pays what it can.
 */
export const PAYOUT_DEMO_ACTIVE = 'rachel@recruiters.demo'
export const PAYOUT_DEMO_INCOMPLETE = 'tom@talentbridge.demo'

export const payoutsDemoSeed: SeedStep = {
  name: 'billing.payouts_demo',
  version: 2,
  description: 'payouts demo data (Connect accounts, Rachel and Tom’s first payout run)',
  async run(ctx: AppContext, progress) {
    const client = stripeClientOf(ctx)
    const control = testServerUrl(ctx)
    const counts = { accounts: 0, paid: 0, parked: 0, batch: 0 }
    if (client && control) {
      const rachel = await recruiterOf(ctx, PAYOUT_DEMO_ACTIVE)
      const tom = await recruiterOf(ctx, PAYOUT_DEMO_INCOMPLETE)
      if (rachel) {
        const account = await demoAccount(ctx, client, rachel)
        await controlCall(control, `/_test/accounts/${account.id}/onboarding`, { stage: 'complete' })
        await remember(ctx, rachel.recruiterId, await client.accounts.retrieve(account.id))
        counts.accounts++
      }
      if (tom) {
        // created, never finished: Stripe lists what is due
        await remember(ctx, tom.recruiterId, await demoAccount(ctx, client, tom))
        counts.accounts++
      }
      // the seeded payments never went through this Stripe: the platform's balance funds the transfers
      const currencies = await inTransaction(ctx.db, systemActor('billing.seed'), async (tx) =>
        (
          await sql<{ currency: string }>`select distinct currency from billing.payout_schedules`.execute(tx)
        ).rows.map((r) => r.currency.toLowerCase()),
      )
      for (const currency of currencies)
        await controlCall(control, '/_test/balance/add-funds', { amount: 1_000_000_000, currency })
    }
    const demoRecruiters = [
      await recruiterOf(ctx, PAYOUT_DEMO_ACTIVE),
      await recruiterOf(ctx, PAYOUT_DEMO_INCOMPLETE),
    ]
    let done = 0
    for (const who of demoRecruiters) {
      progress(done++, demoRecruiters.length)
      if (!who) continue
      const totals = await processDueSchedules(ctx, { filter: { recruiterId: who.recruiterId } })
      counts.paid += totals.completed
      counts.parked += totals.parked
      counts.batch += totals.awaiting_manual
    }
    progress(done, demoRecruiters.length)
    const proof = await reconcilePayouts(ctx.db, { now: ctx.clock.now() })
    if (!proof.ok)
      throw new Error(
        `the payouts demo data does not reconcile: ${JSON.stringify(proof.checks.filter((c) => !c.ok))}`,
      )
    return counts
  },
}

/** The Stripe test server's control address (its `/_test/…` routes), when this process talks to one. */
function testServerUrl(ctx: AppContext): string | undefined {
  return demoStripeServerUrl() ?? ctx.config.stripe?.apiUrl ?? undefined
}

async function controlCall(base: string, path: string, body: object) {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`Stripe test server ${path} answered ${res.status}: ${await res.text()}`)
}

async function recruiterOf(ctx: AppContext, email: string) {
  return inTransaction(ctx.db, systemActor('billing.seed'), async (tx) => {
    const normalized = normalizeEmail(email)
    const userId = normalized ? (await userIdsByEmail(tx, [normalized])).get(normalized) : undefined
    const recruiterId = userId ? await recruiterIdOfUser(tx, userId) : null
    return userId && recruiterId ? { recruiterId, userId } : undefined
  })
}

/** The same request (and key) as a recruiter's own onboarding, so a later click finds this account. */
async function demoAccount(
  ctx: AppContext,
  client: Stripe,
  who: { recruiterId: string; userId: string },
): Promise<Stripe.Account> {
  const existing = await inTransaction(ctx.db, systemActor('billing.seed'), (tx) =>
    view(tx)
      .selectFrom('billing.connect_accounts')
      .select('stripe_account_id')
      .where('recruiter_id', '=', who.recruiterId)
      .executeTakeFirst(),
  )
  if (existing?.stripe_account_id) return client.accounts.retrieve(existing.stripe_account_id)
  return client.accounts.create(
    {
      type: 'express',
      country: 'US',
      capabilities: { transfers: { requested: true } },
      metadata: { recruiter_id: who.recruiterId, user_id: who.userId },
      settings: { payouts: { schedule: { interval: 'manual' } } },
    },
    { idempotencyKey: `connect-account:${who.recruiterId}` },
  )
}

async function remember(ctx: AppContext, recruiterId: string, account: Stripe.Account) {
  await inTransaction(ctx.db, systemActor('billing.seed'), (tx) =>
    recordConnectAccount(tx, recruiterId, account.id, account, ctx.clock.now()),
  )
}
