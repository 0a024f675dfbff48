import { sql } from 'kysely'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { recruiterPlanTier, setRecruiterPlanTier } from '../../recruiting/index.ts'
import type { BillingTx } from '../database.ts'
import type { PlanTier } from '../fees/fee-config.ts'
import { type Entitlements, PLANS } from './catalog.ts'

/**
 * The plan history: which tier a recruiter held when (`valid_from` ≤ t < `valid_to`). A placement's
 * fee uses the tier of the moment it was made, so changing plan never changes a past placement.
 * Before a recruiter's first change there is no history: the profile's tier is the answer.
 */
const view = (tx: unknown) => tx as BillingTx

export type PeriodReason = 'subscribed' | 'changed' | 'canceled' | 'payment_failed' | 'seed' | 'admin'

/** The tier a recruiter held at `at` (read as the system: the fee engine runs for companies too). */
export async function planTierAt(tx: AnyTx, recruiterId: string, at: Date): Promise<PlanTier> {
  const row = await asSystem(tx, 'billing.plan_tier_at', () =>
    view(tx)
      .selectFrom('billing.plan_periods')
      .select('tier')
      .where('recruiter_id', '=', recruiterId)
      .where('valid_from', '<=', at)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirst(),
  )
  if (row) return row.tier as PlanTier
  return (await recruiterPlanTier(tx, recruiterId)) ?? 'starter'
}

/**
 * Ends the open period and starts one for `tier` at `at`; nothing when the tier is already held.
 * The first change also records the tier held before (from the beginning of time), so the history
 * answers for any moment. Keeps the profile's tier in step. Call inside the change's transaction.
 */
export async function switchTier(
  tx: AnyTx,
  recruiterId: string,
  tier: PlanTier,
  at: Date,
  reason: PeriodReason,
  subscriptionId: string | null,
): Promise<boolean> {
  return asSystem(tx, 'billing.plan_switch', async () => {
    // one change at a time per recruiter (the open period is the row every change goes through)
    await sql`select pg_advisory_xact_lock(hashtextextended(${`plan:${recruiterId}`}, 0))`.execute(view(tx))
    const open = await view(tx)
      .selectFrom('billing.plan_periods')
      .selectAll()
      .where('recruiter_id', '=', recruiterId)
      .where('valid_to', 'is', null)
      .executeTakeFirst()
    if (open?.tier === tier) return false
    let from = at
    if (open) {
      if (open.valid_from > at) from = open.valid_from
      await view(tx)
        .updateTable('billing.plan_periods')
        .set({ valid_to: from })
        .where('id', '=', open.id)
        .execute()
    } else {
      const before = (await recruiterPlanTier(tx, recruiterId)) ?? 'starter'
      if (before === tier) return false
      await view(tx)
        .insertInto('billing.plan_periods')
        .values({
          recruiter_id: recruiterId,
          tier: before,
          valid_from: sql<Date>`'-infinity'::timestamptz`,
          valid_to: at,
          reason: 'seed',
        })
        .execute()
    }
    await view(tx)
      .insertInto('billing.plan_periods')
      .values({ recruiter_id: recruiterId, tier, valid_from: from, reason, subscription_id: subscriptionId })
      .execute()
    await setRecruiterPlanTier(tx, recruiterId, tier, PLANS[tier].entitlements.early_access_hours > 0)
    return true
  })
}

export async function planHistory(tx: AnyTx, recruiterId: string) {
  return view(tx)
    .selectFrom('billing.plan_periods')
    .select(['tier', 'valid_from', 'valid_to', 'reason'])
    .where('recruiter_id', '=', recruiterId)
    .where('valid_from', '>', sql<Date>`'-infinity'::timestamptz`)
    .orderBy('valid_from', 'desc')
    .limit(50)
    .execute()
}

/** What a recruiter's plan gives them at `at`, and the tier. */
export async function entitlementsOf(
  tx: AnyTx,
  recruiterId: string,
  at: Date,
): Promise<{ tier: PlanTier; entitlements: Entitlements }> {
  const tier = await planTierAt(tx, recruiterId, at)
  return { tier, entitlements: PLANS[tier].entitlements }
}

const monthOf = (at: Date) => `${at.toISOString().slice(0, 7)}-01`

/** How many of a metered thing a recruiter used this month. */
export async function usageOf(tx: AnyTx, recruiterId: string, kind: 'message_initiation', at: Date) {
  const row = await asSystem(tx, 'billing.plan_usage', () =>
    view(tx)
      .selectFrom('billing.plan_usage')
      .select('used')
      .where('recruiter_id', '=', recruiterId)
      .where('kind', '=', kind)
      .where('month', '=', monthOf(at))
      .executeTakeFirst(),
  )
  return row?.used ?? 0
}

/**
 * Checks and uses one of a plan's monthly allowance in the caller's transaction (so a refused or
 * rolled-back action uses nothing): 429 `plan_limit_reached` when the month's allowance is spent.
 * The count is one row per recruiter and month, incremented atomically: concurrent calls cannot
 * go over the limit.
 */
export async function assertEntitlement(
  tx: AnyTx,
  recruiterId: string,
  kind: 'message_initiation',
  at: Date,
): Promise<{ used: number; limit: number | null }> {
  const { tier, entitlements } = await entitlementsOf(tx, recruiterId, at)
  const limit = entitlements.message_initiations_per_month
  return asSystem(tx, 'billing.plan_entitlement', async () => {
    const month = monthOf(at)
    const row = await view(tx)
      .insertInto('billing.plan_usage')
      .values({ recruiter_id: recruiterId, kind, month, used: 1 })
      .onConflict((oc) =>
        oc
          .columns(['recruiter_id', 'kind', 'month'])
          .doUpdateSet({ used: sql`billing.plan_usage.used + 1` })
          .where(limit === null ? sql<boolean>`true` : sql<boolean>`billing.plan_usage.used < ${limit}`),
      )
      .returning('used')
      .executeTakeFirst()
    if (!row || (limit !== null && row.used > limit)) {
      throw new AppError(
        'plan_limit_reached',
        `Your ${PLANS[tier].name} plan lets you start ${limit} conversations a month; upgrade for more`,
        { meta: { tier, limit, month } },
      )
    }
    return { used: row.used, limit }
  })
}

/** Hours of early access to new roles a recruiter's plan gives at `at`. */
export async function earlyAccessHours(tx: AnyTx, recruiterId: string, at: Date): Promise<number> {
  return (await entitlementsOf(tx, recruiterId, at)).entitlements.early_access_hours
}
