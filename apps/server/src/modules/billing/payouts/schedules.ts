import type { Selectable } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import type { BillingSchema } from '../../../kernel/db/schema/billing.ts'
import { AppError, invalid } from '../../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { placementFacts } from '../../recruiting/index.ts'
import type { BillingCaller } from '../caller.ts'
import { type PayoutAuditEntry, writePayoutAudits } from '../payout-audit.ts'
import { adjustPosition, dayOf, fellOff, positionOf, view } from './shared.ts'

/**
 * Payout schedules (seed 003): a claim on a recruiter's available money of one placement, paid on
 * or after `scheduled_date` by the 02:00 UTC run. Made when money becomes available (the part
 * released when the company pays, the holdback when the guarantee ends, money a failed bank payout
 * returned) and, by an admin, for money no schedule claims (a cancelled schedule's).
 *
 * States `pending → processing → processed | failed`; a temporary error puts it back to `pending`
 * (at most 3 attempts), a permanent one to `failed` (parked until the account can receive money,
 * or until an admin triggers it); cancelled = `failed` with `cancelled_at`, final.
 */
export type ScheduleRow = Selectable<BillingSchema['billing.payout_schedules']>
export type TriggerEvent = ScheduleRow['trigger_event'] &
  ('payment_received' | 'guarantee_complete' | 'payout_returned' | 'reallocation' | 'manual')

export interface NewSchedule {
  placementId: string
  recruiterId: string
  amount: bigint
  currency: string
  scheduledDate: string
  guaranteeCompletionDate: string | null
  triggerEvent: 'payment_received' | 'guarantee_complete' | 'payout_returned' | 'reallocation' | 'manual'
  escrowHoldId: string | null
  createdBy: string | null
  /** Created `failed` (waiting for the recruiter, e.g. after a bank payout failed), with this reason. */
  parkedReason?: string
}

/** Inserts schedules; returns their audit rows for the caller to write last in its transaction. */
export async function insertSchedules(
  tx: AnyTx,
  schedules: readonly NewSchedule[],
  now: Date,
  role: string,
): Promise<PayoutAuditEntry[]> {
  if (schedules.length === 0) return []
  const rows = await view(tx)
    .insertInto('billing.payout_schedules')
    .values(
      schedules.map((s) => ({
        placement_id: s.placementId,
        recruiter_id: s.recruiterId,
        amount: s.amount,
        currency: s.currency,
        scheduled_date: s.scheduledDate,
        guarantee_completion_date: s.guaranteeCompletionDate,
        trigger_event: s.triggerEvent,
        escrow_hold_id: s.escrowHoldId,
        status: s.parkedReason ? 'failed' : 'pending',
        failure_reason: s.parkedReason ?? null,
        created_by: s.createdBy,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'placement_id', 'recruiter_id', 'amount', 'trigger_event', 'scheduled_date', 'status'])
    .execute()
  return rows.map((r) => ({
    entityType: 'payout_schedule' as const,
    entityId: r.id,
    action: 'payout_schedule.created',
    changedByRole: role,
    newValue: {
      status: r.status,
      placement_id: r.placement_id,
      recruiter_id: r.recruiter_id,
      amount: r.amount,
      trigger_event: r.trigger_event,
      scheduled_date: r.scheduled_date,
    },
  }))
}

/** Whether the placement's invoice has money collected (paid or partly paid). */
async function placementPaid(tx: AnyTx, placementId: string): Promise<boolean> {
  const row = await view(tx)
    .selectFrom('billing.invoice_lines as l')
    .innerJoin('billing.invoices as i', 'i.id', 'l.invoice_id')
    .select('i.status')
    .where('l.placement_id', '=', placementId)
    .where('i.status', 'in', ['paid', 'partially_paid'])
    .executeTakeFirst()
  return row !== undefined
}

/**
 * An admin schedules a recruiter's money of a placement that no schedule claims (by default all of
 * it). A placement without a paid invoice has none: 422 `placement_not_paid`.
 */
export async function createScheduleByAdmin(
  _ctx: AppContext,
  tx: AnyTx,
  caller: BillingCaller,
  input: {
    placementId: string
    recruiterId: string
    amount?: bigint | undefined
    currency: string
    scheduledDate: string
    guaranteeCompletionDate?: string | null | undefined
  },
  now: Date,
): Promise<string> {
  const facts = await placementFacts(tx, input.placementId)
  if (!facts) throw invalid('body.placement_id', 'no such placement')
  if (!facts.splits.some((s) => s.recruiterId === input.recruiterId)) {
    throw invalid('body.recruiter_id', 'is not a recruiter on this placement’s split')
  }
  if (!(await placementPaid(tx, input.placementId))) {
    throw new AppError(
      'placement_not_paid',
      'This placement’s invoice is not paid yet: there is no money to schedule until the company pays',
      { meta: { placement_id: input.placementId } },
    )
  }
  if (await fellOff(tx, input.placementId)) {
    throw new AppError('placement_fell_off', 'This placement fell off: its money is taken back, not paid out')
  }
  const key = { placementId: input.placementId, recruiterId: input.recruiterId, currency: input.currency }
  const position = await positionOf(tx, key, true)
  const free = position?.unscheduled ?? 0n
  if (free === 0n) {
    throw new AppError(
      'nothing_to_pay',
      'Every amount of this recruiter’s money of this placement is already scheduled, held or paid (see GET /api/payout-schedules and GET /api/placements/{id}/escrow-holds)',
    )
  }
  const amount = input.amount ?? free
  if (amount <= 0n || amount > free) throw invalid('body.amount', `must be between 1 and ${free}`)
  await adjustPosition(tx, key, { unscheduled: -amount }, now)
  const audit = await insertSchedules(
    tx,
    [
      {
        placementId: input.placementId,
        recruiterId: input.recruiterId,
        amount,
        currency: input.currency,
        scheduledDate: input.scheduledDate,
        guaranteeCompletionDate: input.guaranteeCompletionDate ?? facts.guaranteeEndsOn,
        triggerEvent: 'manual',
        escrowHoldId: null,
        createdBy: caller.userId || null,
      },
    ],
    now,
    'platform_admin',
  )
  await writePayoutAudits(tx, audit)
  return audit[0]!.entityId
}

/**
 * An admin moves a schedule's date, or cancels it (its money stays available to the recruiter,
 * unclaimed, for a new schedule). Optimistic: the version read must still be current.
 */
export async function updateSchedule(
  _ctx: AppContext,
  tx: AnyTx,
  id: string,
  input: {
    version: number
    scheduledDate?: string | undefined
    guaranteeCompletionDate?: string | null | undefined
    cancel?: { reason: string } | undefined
  },
  now: Date,
): Promise<void> {
  const s = await view(tx)
    .selectFrom('billing.payout_schedules')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!s) throw new AppError('not_found', 'No such payout schedule')
  if (s.version !== input.version) {
    throw new AppError(
      'version_conflict',
      `This schedule changed since you loaded it (version ${s.version} now)`,
      {
        meta: { expected_version: input.version, current_version: s.version },
      },
    )
  }
  if (s.cancelled_at) throw new AppError('invalid_state_transition', 'This schedule was cancelled')
  if (s.status === 'processed' || s.status === 'processing') {
    throw new AppError('invalid_state_transition', `This schedule is ${s.status}; it can no longer change`, {
      meta: { status: s.status },
    })
  }
  const audit: PayoutAuditEntry[] = []
  if (input.cancel) {
    if (s.payout_id) {
      const payout = await view(tx)
        .selectFrom('billing.payouts')
        .select(['status'])
        .where('id', '=', s.payout_id)
        .executeTakeFirstOrThrow()
      if (payout.status !== 'failed') {
        throw new AppError(
          'invalid_state_transition',
          `This schedule belongs to payout ${s.payout_id} (${payout.status}); it cannot be cancelled alone`,
        )
      }
    }
    await view(tx)
      .updateTable('billing.payout_schedules')
      .set({
        status: 'failed',
        cancelled_at: now,
        cancellation_reason: input.cancel.reason,
        failure_reason: `Cancelled: ${input.cancel.reason}`,
        updated_at: now,
        version: s.version + 1,
      })
      .where('id', '=', s.id)
      .execute()
    await adjustPosition(
      tx,
      { placementId: s.placement_id, recruiterId: s.recruiter_id, currency: s.currency },
      { unscheduled: s.amount },
      now,
    )
    audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.cancelled',
      changedByRole: 'platform_admin',
      oldValue: { status: s.status },
      newValue: { status: 'failed', cancelled: true },
      reason: input.cancel.reason,
    })
  } else {
    const next = {
      scheduled_date: input.scheduledDate ?? s.scheduled_date,
      guarantee_completion_date:
        input.guaranteeCompletionDate === undefined
          ? s.guarantee_completion_date
          : input.guaranteeCompletionDate,
    }
    await view(tx)
      .updateTable('billing.payout_schedules')
      .set({ ...next, updated_at: now, version: s.version + 1 })
      .where('id', '=', s.id)
      .execute()
    audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.updated',
      changedByRole: 'platform_admin',
      oldValue: { scheduled_date: s.scheduled_date, guarantee_completion_date: s.guarantee_completion_date },
      newValue: next,
    })
  }
  await writePayoutAudits(tx, audit)
}

/** Schedules due now: pending, their date reached, not waiting out a retry delay, placement not fallen off. */
export async function findDueSchedules(tx: AnyTx, now: Date, limit = 500) {
  return dueQuery(tx, now).selectAll('s').limit(limit).execute()
}

export function dueQuery(tx: AnyTx, now: Date) {
  return view(tx)
    .selectFrom('billing.payout_schedules as s')
    .where('s.status', '=', 'pending')
    .where('s.scheduled_date', '<=', dayOf(now))
    .where((eb) => eb.or([eb('s.next_attempt_at', 'is', null), eb('s.next_attempt_at', '<=', now)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('billing.fall_offs as f')
            .select('f.placement_id')
            .whereRef('f.placement_id', '=', 's.placement_id'),
        ),
      ),
    )
    .orderBy('s.scheduled_date')
    .orderBy('s.id')
}

export function presentSchedule(s: ScheduleRow) {
  return {
    id: s.id,
    placement_id: s.placement_id,
    recruiter_id: s.recruiter_id,
    payout_id: s.payout_id,
    escrow_hold_id: s.escrow_hold_id,
    amount: { amount: s.amount, currency: s.currency },
    scheduled_date: s.scheduled_date,
    guarantee_completion_date: s.guarantee_completion_date,
    trigger_event: s.trigger_event as NewSchedule['triggerEvent'],
    status: s.status as 'pending' | 'processing' | 'processed' | 'failed',
    cancelled: s.cancelled_at !== null,
    triggered_at: s.triggered_at,
    cancelled_at: s.cancelled_at,
    cancellation_reason: s.cancellation_reason,
    processed_at: s.processed_at,
    failure_reason: s.failure_reason,
    retry_count: s.retry_count,
    last_retry_at: s.last_retry_at,
    next_attempt_at: s.next_attempt_at,
    created_at: s.created_at,
    updated_at: s.updated_at,
    version: s.version,
  }
}

export async function getSchedule(tx: AnyTx, id: string) {
  const s = await view(tx)
    .selectFrom('billing.payout_schedules')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!s) throw new AppError('not_found', 'No such payout schedule')
  return presentSchedule(s)
}

export async function listSchedules(
  tx: AnyTx,
  f: {
    placementId?: string | undefined
    recruiterId?: string | undefined
    status?: string | undefined
    due?: boolean | undefined
    now: Date
    limit: number
    startingAfter?: string | undefined
  },
) {
  let q = view(tx)
    .selectFrom('billing.payout_schedules')
    .selectAll()
    .select(exactTime('created_at'))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
  if (f.placementId) q = q.where('placement_id', '=', f.placementId)
  if (f.recruiterId) q = q.where('recruiter_id', '=', f.recruiterId)
  if (f.status) q = q.where('status', '=', f.status as ScheduleRow['status'])
  if (f.due) q = q.where('status', '=', 'pending').where('scheduled_date', '<=', dayOf(f.now))
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'created_at', 'id'))
  const page = timeIdPage(await q.execute(), f.limit)
  return { ...page, data: page.data.map((s) => presentSchedule(s as ScheduleRow)) }
}
