import { sql } from 'kysely'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { recruiterUserIds } from '../../recruiting/index.ts'
import type { BillingTx } from '../database.ts'

/** Small helpers every payouts file uses. */
export const view = (tx: unknown) => tx as BillingTx
export const dayOf = (d: Date) => d.toISOString().slice(0, 10)

/** How long a worker owns a payout it is sending; after that another may re-drive it (same key). */
export const LEASE_MS = 120_000
/** Attempts on temporary errors before a payout fails (seed 003: at most 3). */
export const MAX_ATTEMPTS = 3
/** Waits between attempts after a temporary error: 1 minute, then 5. */
export const RETRY_DELAYS_MS = [60_000, 300_000] as const
/** Stripe forgets idempotency keys after 24 hours: a payout first tried longer ago is looked up before it is sent again. */
export const KEY_LIFETIME_MS = 23 * 3_600_000

/** Stripe's `transfer_group` of a placement: every transfer of its money carries it. */
export const transferGroupOf = (placementId: string) => `placement_${placementId}`
export const payoutKey = (payoutId: string) => `payout:${payoutId}`

export async function recruiterUsers(tx: AnyTx, recruiterIds: readonly string[]) {
  return recruiterUserIds(tx, recruiterIds)
}

export interface PositionKey {
  placementId: string
  recruiterId: string
  currency: string
}

export interface PositionDelta {
  held_free?: bigint
  unscheduled?: bigint
  debt?: bigint
  taken_back?: bigint
  debt_netted?: bigint
  debt_recovered?: bigint
}

/**
 * Moves a recruiter's position in a placement (money not under a hold, not claimed by a schedule,
 * owed back). The row's CHECKs refuse going below zero, so a wrong move fails the transaction.
 */
export async function adjustPosition(tx: AnyTx, key: PositionKey, delta: PositionDelta, now: Date) {
  const d = (k: keyof PositionDelta) => delta[k] ?? 0n
  // the row first (CHECKs are evaluated on an insert's values even when it conflicts), then the move
  await view(tx)
    .insertInto('billing.payout_positions')
    .values({
      placement_id: key.placementId,
      recruiter_id: key.recruiterId,
      currency: key.currency,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['placement_id', 'recruiter_id', 'currency']).doNothing())
    .execute()
  await view(tx)
    .updateTable('billing.payout_positions')
    .set({
      held_free: sql`held_free + ${d('held_free')}::bigint`,
      unscheduled: sql`unscheduled + ${d('unscheduled')}::bigint`,
      debt: sql`debt + ${d('debt')}::bigint`,
      taken_back: sql`taken_back + ${d('taken_back')}::bigint`,
      debt_netted: sql`debt_netted + ${d('debt_netted')}::bigint`,
      debt_recovered: sql`debt_recovered + ${d('debt_recovered')}::bigint`,
      updated_at: now,
    })
    .where('placement_id', '=', key.placementId)
    .where('recruiter_id', '=', key.recruiterId)
    .where('currency', '=', key.currency)
    .execute()
}

export async function positionOf(tx: AnyTx, key: PositionKey, lock = false) {
  let q = view(tx)
    .selectFrom('billing.payout_positions')
    .selectAll()
    .where('placement_id', '=', key.placementId)
    .where('recruiter_id', '=', key.recruiterId)
    .where('currency', '=', key.currency)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

/** Whether billing handled a fall-off of the placement (its money is then taken back, not paid out). */
export async function fellOff(tx: AnyTx, placementId: string): Promise<boolean> {
  const row = await view(tx)
    .selectFrom('billing.fall_offs')
    .select('placement_id')
    .where('placement_id', '=', placementId)
    .executeTakeFirst()
  return row !== undefined
}
