import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { findDueReleases, releaseHold } from './escrow.ts'
import { updateSchedule } from './schedules.ts'
import { dayOf, view } from './shared.ts'

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

/**
 * Undoes what a release scheduled (automation's undo): the payout schedule the release made for the
 * hold is cancelled through billing's own cancel, while it is still waiting — not yet in a payout
 * run or paid (else 409 `invalid_state_transition`, nothing changed). The money stays released in
 * the recruiter's balance, unscheduled, until an admin schedules it.
 */
export async function cancelReleasedHoldPayout(
  ctx: AppContext,
  tx: AnyTx,
  holdId: string,
  reason: string,
): Promise<{ scheduleId: string }> {
  return asSystem(tx, 'billing.automation_release_undo', async () => {
    const s = await view(tx)
      .selectFrom('billing.payout_schedules')
      .select(['id', 'version'])
      .where('escrow_hold_id', '=', holdId)
      .where('trigger_event', '=', 'guarantee_complete')
      .where('cancelled_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    if (!s)
      throw new AppError('invalid_state_transition', 'The release has no payout schedule left to cancel')
    await updateSchedule(ctx, tx, s.id, { version: s.version, cancel: { reason } }, ctx.clock.now())
    return { scheduleId: s.id }
  })
}
