import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { findDueReleases, releaseHold } from './escrow.ts'
import { dayOf } from './shared.ts'

/** An escrow hold whose guarantee has ended and which is still held, as automation rules see it. */
export interface GuaranteeEnded {
  hold_id: string
  placement_id: string
  recruiter_id: string
  amount: string
  currency: string
  guarantee_ends_on: string
  days_since_guarantee_end: number
}

/** Holds due for release (guarantee over, no fall-off): the scheduled automation's source. */
export async function guaranteeEndedHolds(anyTx: AnyTx, now: Date, limit = 5000): Promise<GuaranteeEnded[]> {
  const rows = await asSystem(anyTx, 'billing.automation_facts', () =>
    findDueReleases(anyTx, dayOf(now), limit),
  )
  return rows.map((h) => ({
    hold_id: h.id,
    placement_id: h.placement_id,
    recruiter_id: h.recruiter_id,
    amount: String(h.hold_amount),
    currency: h.currency,
    guarantee_ends_on: h.release_scheduled_date,
    days_since_guarantee_end: Math.floor(
      (Date.parse(`${dayOf(now)}T00:00:00Z`) - Date.parse(`${h.release_scheduled_date}T00:00:00Z`)) /
        86_400_000,
    ),
  }))
}

/**
 * Releases a hold through billing's own command (ledger posting, payout schedule, audit, the
 * recruiter told): the payout is then triggered by the next payout run. A second release is a 409.
 */
export async function releaseHoldFor(
  ctx: AppContext,
  tx: AnyTx,
  holdId: string,
  actor: { userId: string; role: string },
): Promise<void> {
  await asSystem(tx, 'billing.automation_release', () =>
    releaseHold(ctx, tx, holdId, { by: actor.userId, role: actor.role, now: ctx.clock.now() }),
  )
}
