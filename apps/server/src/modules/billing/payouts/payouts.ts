import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { displayNames, emailAddressOf } from '../../identity/index.ts'
import { placementFacts } from '../../recruiting/index.ts'
import type { BillingCaller } from '../caller.ts'
import { writePayoutAudits } from '../payout-audit.ts'
import {
  claim,
  collected,
  createPayoutForSchedule,
  createPayoutsForAdmin,
  failPayout,
  flush,
  methodOf,
  type PayoutRow,
  payoutRow,
  processDueSchedules,
  type RunTotals,
  record,
  settle,
} from './engine.ts'
import type { ScheduleRow } from './schedules.ts'
import { fellOff, recruiterUsers, view } from './shared.ts'

/**
 * Payouts as documents: made by the run for each due schedule, or by an admin for a recruiter's
 * unpaid schedules of a placement (`POST /api/payouts`), then processed (`/process`); read with
 * their splits, schedules and audit trail; and, for the manual bank-transfer adapter, listed as a
 * CSV batch that an admin pays and marks paid or failed.
 */
export function presentPayout(p: PayoutRow) {
  const m = (amount: bigint) => ({ amount, currency: p.currency })
  return {
    id: p.id,
    placement_id: p.placement_id,
    recruiter_id: p.recruiter_id,
    status: p.status as 'pending' | 'processing' | 'completed' | 'failed',
    parked: p.parked_code
      ? { code: p.parked_code as 'account' | 'attention', reason: p.parked_reason ?? '', since: p.parked_at! }
      : null,
    method: p.method as 'stripe_connect' | 'manual_bank',
    gross_amount: m(p.gross_amount),
    debt_offset: m(p.debt_offset),
    amount: m(p.amount),
    transfer_group: p.transfer_group,
    stripe_connect_account_id: p.stripe_connect_account_id,
    stripe_transfer_id: p.stripe_transfer_id,
    stripe_payout_id: p.stripe_payout_id,
    bank_payout_status: p.bank_payout_status as
      | 'pending'
      | 'in_transit'
      | 'paid'
      | 'failed'
      | 'canceled'
      | null,
    bank_failure_code: p.bank_failure_code,
    manual_reference: p.manual_reference,
    attempts: p.attempts,
    failure_reason: p.failure_reason,
    processing_started_at: p.processing_started_at,
    completed_at: p.completed_at,
    failed_at: p.failed_at,
    created_at: p.created_at,
    updated_at: p.updated_at,
    version: p.version,
  }
}

/** One payout with its splits: admins, and the recruiter it pays (others: 404 by row-level security). */
export async function getPayout(tx: AnyTx, id: string) {
  const p = await payoutRow(tx, id)
  const splits = await view(tx)
    .selectFrom('billing.payout_splits')
    .select([
      'id',
      'kind',
      'placement_id',
      'payout_schedule_id',
      'split_percentage_bps',
      'split_amount',
      'status',
    ])
    .where('payout_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return {
    ...presentPayout(p),
    splits: splits.map((s) => ({
      id: s.id,
      kind: s.kind as 'share' | 'holdback' | 'returned' | 'reallocation' | 'manual' | 'debt_offset',
      placement_id: s.placement_id,
      payout_schedule_id: s.payout_schedule_id,
      split_percentage_bps: s.split_percentage_bps,
      amount: { amount: s.split_amount, currency: p.currency },
      status: s.status as 'pending' | 'processing' | 'completed' | 'failed',
    })),
  }
}

export async function listPayouts(
  tx: AnyTx,
  caller: BillingCaller,
  f: {
    placementId?: string | undefined
    recruiterId?: string | undefined
    status?: string | undefined
    method?: string | undefined
    parked?: boolean | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  let q = view(tx)
    .selectFrom('billing.payouts')
    .selectAll()
    .select(exactTime('created_at'))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
  // a recruiter sees their own (row-level security says so too)
  if (!caller.isPlatformAdmin)
    q = q.where('recruiter_id', '=', caller.recruiterId ?? '00000000-0000-0000-0000-000000000000')
  if (f.placementId) q = q.where('placement_id', '=', f.placementId)
  if (f.recruiterId) q = q.where('recruiter_id', '=', f.recruiterId)
  if (f.status) q = q.where('status', '=', f.status as PayoutRow['status'])
  if (f.method) q = q.where('method', '=', f.method as PayoutRow['method'])
  if (f.parked !== undefined) q = q.where('parked_code', f.parked ? 'is not' : 'is', null)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'created_at', 'id'))
  const page = timeIdPage(await q.execute(), f.limit)
  return { ...page, data: page.data.map((p) => presentPayout(p as PayoutRow)) }
}

/** The payout audit log of one payout and its schedules and holds, oldest first. */
export async function payoutAuditLog(tx: AnyTx, id: string) {
  await payoutRow(tx, id)
  const schedules = await view(tx)
    .selectFrom('billing.payout_splits')
    .select('payout_schedule_id')
    .where('payout_id', '=', id)
    .where('payout_schedule_id', 'is not', null)
    .execute()
  const ids = [id, ...schedules.map((s) => s.payout_schedule_id!)]
  const rows = await view(tx)
    .selectFrom('billing.payout_audit_log')
    .select([
      'id',
      'seq',
      'entity_type',
      'entity_id',
      'action',
      'changed_by',
      'changed_by_role',
      'old_value',
      'new_value',
      'reason',
      'request_id',
      'created_at',
      'hash',
    ])
    .where('entity_id', 'in', ids)
    .where('entity_type', 'in', ['payout', 'payout_schedule'])
    .orderBy('seq')
    .limit(1000)
    .execute()
  return { data: rows.map((r) => ({ ...r, seq: r.seq.toString() })) }
}

/**
 * An admin pays a recruiter's money of a placement now: the schedules not yet paid (pending, or
 * failed and not cancelled) become one payout, `pending` until processed.
 */
export async function createPayout(
  ctx: AppContext,
  tx: AnyTx,
  caller: BillingCaller,
  input: { placementId: string; recruiterId: string },
  now: Date,
): Promise<string> {
  const facts = await placementFacts(tx, input.placementId)
  if (!facts) throw new AppError('not_found', 'No such placement')
  if (!facts.splits.some((s) => s.recruiterId === input.recruiterId)) {
    throw new AppError(
      'validation_failed',
      'body.recruiter_id: is not a recruiter on this placement’s split',
      {
        errors: [{ field: 'body.recruiter_id', message: 'is not a recruiter on this placement’s split' }],
      },
    )
  }
  if (await fellOff(tx, input.placementId)) {
    throw new AppError('placement_fell_off', 'This placement fell off: its money is taken back, not paid out')
  }
  const open = (await view(tx)
    .selectFrom('billing.payout_schedules as s')
    .leftJoin('billing.payouts as p', 'p.id', 's.payout_id')
    .selectAll('s')
    .where('s.placement_id', '=', input.placementId)
    .where('s.recruiter_id', '=', input.recruiterId)
    .where('s.cancelled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('s.status', '=', 'pending'), eb('s.payout_id', 'is', null)]),
        eb.and([
          eb('s.status', '=', 'failed'),
          eb.or([eb('s.payout_id', 'is', null), eb('p.status', '=', 'failed')]),
        ]),
      ]),
    )
    .orderBy('s.created_at')
    .forUpdate('s')
    .execute()) as ScheduleRow[]
  if (open.length === 0) {
    const paid = await view(tx)
      .selectFrom('billing.invoice_lines as l')
      .innerJoin('billing.invoices as i', 'i.id', 'l.invoice_id')
      .select('i.status')
      .where('l.placement_id', '=', input.placementId)
      .executeTakeFirst()
    if (!paid || (paid.status !== 'paid' && paid.status !== 'partially_paid')) {
      throw new AppError(
        'placement_not_paid',
        'This placement’s invoice is not paid yet: there is nothing to pay out',
      )
    }
    throw new AppError(
      'nothing_to_pay',
      'This recruiter’s money of this placement is already paid, on its way, or still held until the guarantee ends',
    )
  }
  const currencies = new Set(open.map((s) => s.currency))
  if (currencies.size > 1) throw new AppError('unprocessable', 'The schedules are in more than one currency')
  const c = collected()
  // failed schedules are claimed again by the new payout
  const reopened = open.filter((s) => s.status === 'failed')
  if (reopened.length) {
    await view(tx)
      .updateTable('billing.payout_schedules')
      .set((eb) => ({
        status: 'pending',
        payout_id: null,
        retry_count: 0,
        next_attempt_at: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where(
        'id',
        'in',
        reopened.map((s) => s.id),
      )
      .execute()
  }
  const payout = await createPayoutsForAdmin(ctx, tx, open, now, caller.userId || null, c)
  for (const s of reopened) {
    c.audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.reopened',
      changedByRole: 'platform_admin',
      oldValue: { status: 'failed', payout_id: s.payout_id },
      newValue: { status: 'pending', payout_id: payout.id },
    })
  }
  await flush(ctx, tx, c)
  return payout.id
}

/**
 * An admin sends a pending payout now (a parked one too: they say the account is fixed). A
 * completed or failed payout is a 409; one being sent by a worker right now is a 409 too, unless
 * its lease ran out (then it is re-driven, same key, same transfer).
 */
export async function processPayoutNow(ctx: AppContext, id: string, actor: { userId: string }) {
  await inTransaction(ctx.db, systemActor('billing.payouts'), async (tx) => {
    const p = await payoutRow(tx, id, true)
    if (p.status === 'completed' || p.status === 'failed') {
      throw new AppError(
        'invalid_state_transition',
        `This payout is already ${p.status}${p.status === 'completed' ? ` (transfer ${p.stripe_transfer_id ?? p.manual_reference ?? 'netted'})` : ''}; it cannot be processed again`,
        { meta: { status: p.status } },
      )
    }
    if (p.status === 'processing') {
      if (p.method === 'manual_bank' && p.lease_until === null) {
        throw new AppError(
          'invalid_state_transition',
          'This payout waits in the bank-transfer batch: mark it paid or failed',
          { meta: { status: p.status } },
        )
      }
      if (p.lease_until && p.lease_until > ctx.clock.now()) {
        throw new AppError(
          'payout_in_progress',
          'This payout is being sent right now; look again in a minute',
        )
      }
      return
    }
    if (await fellOff(tx, p.placement_id)) {
      throw new AppError(
        'placement_fell_off',
        'This placement fell off: its money is taken back, not paid out',
      )
    }
    if (p.parked_code) {
      const c = collected()
      await unpark(tx, p, ctx.clock.now(), 'platform_admin', c, `Resumed by ${actor.userId}`)
      await flush(ctx, tx, c)
    }
  })
  return processDueSchedules(ctx, { filter: { payoutId: id, force: true }, role: 'platform_admin', batch: 1 })
}

/** Lets a parked payout go again: its schedules back to pending (the next run, or now, sends it). */
export async function unpark(
  tx: AnyTx,
  p: PayoutRow,
  now: Date,
  role: string,
  c: ReturnType<typeof collected>,
  reason: string,
) {
  await view(tx)
    .updateTable('billing.payouts')
    .set({ parked_code: null, parked_reason: null, parked_at: null, updated_at: now, version: p.version + 1 })
    .where('id', '=', p.id)
    .execute()
  const schedules = await view(tx)
    .updateTable('billing.payout_schedules')
    .set((eb) => ({
      status: 'pending',
      failure_reason: null,
      next_attempt_at: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('payout_id', '=', p.id)
    .where('status', '=', 'failed')
    .where('cancelled_at', 'is', null)
    .returning('id')
    .execute()
  c.audit.push({
    entityType: 'payout',
    entityId: p.id,
    action: 'payout.resumed',
    changedByRole: role,
    oldValue: { parked: p.parked_code, reason: p.parked_reason },
    newValue: { status: 'pending', parked: null },
    reason,
  })
  for (const s of schedules) {
    c.audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.resumed',
      changedByRole: role,
      oldValue: { status: 'failed' },
      newValue: { status: 'pending' },
      reason,
    })
  }
}

/**
 * An admin triggers a schedule now: a failed one is tried again from scratch (a new payout when
 * its payout failed; its parked payout resumed), a pending one is paid today. Then it is sent.
 */
export async function triggerSchedule(ctx: AppContext, id: string, actor: { userId: string }) {
  const target = await inTransaction(ctx.db, systemActor('billing.payouts'), async (tx) => {
    const now = ctx.clock.now()
    const s = await view(tx)
      .selectFrom('billing.payout_schedules')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!s) throw new AppError('not_found', 'No such payout schedule')
    if (s.cancelled_at)
      throw new AppError('invalid_state_transition', 'This schedule was cancelled', {
        meta: { status: s.status },
      })
    if (s.status === 'processed') {
      throw new AppError('invalid_state_transition', `This schedule is processed (payout ${s.payout_id})`, {
        meta: { status: s.status },
      })
    }
    if (s.status === 'processing')
      throw new AppError('payout_in_progress', 'This schedule’s payout is being sent right now')
    if (await fellOff(tx, s.placement_id)) {
      throw new AppError(
        'placement_fell_off',
        'This placement fell off: its money is taken back, not paid out',
      )
    }
    const c = collected()
    let payout = s.payout_id ? await payoutRow(tx, s.payout_id, true) : undefined
    if (payout?.parked_code) {
      await unpark(tx, payout, now, 'platform_admin', c, `Triggered by ${actor.userId}`)
    } else if (s.status === 'failed' || payout?.status === 'failed') {
      if (payout?.status === 'failed') payout = undefined
      await view(tx)
        .updateTable('billing.payout_schedules')
        .set({
          status: 'pending',
          payout_id: payout?.id ?? null,
          retry_count: 0,
          next_attempt_at: null,
          failure_reason: null,
          updated_at: now,
          version: s.version + 1,
        })
        .where('id', '=', s.id)
        .execute()
    }
    const today = now.toISOString().slice(0, 10)
    await view(tx)
      .updateTable('billing.payout_schedules')
      .set({
        scheduled_date: s.scheduled_date < today ? s.scheduled_date : today,
        next_attempt_at: null,
        updated_at: now,
      })
      .where('id', '=', s.id)
      .execute()
    c.audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.triggered',
      changedByRole: 'platform_admin',
      oldValue: { status: s.status, retry_count: s.retry_count },
      newValue: { status: 'pending', retry_count: s.status === 'failed' ? 0 : s.retry_count },
    })
    await flush(ctx, tx, c)
    return { payoutId: payout?.id ?? null, recruiterId: s.recruiter_id }
  })
  const totals: RunTotals = target.payoutId
    ? await processDueSchedules(ctx, {
        filter: { payoutId: target.payoutId, force: true },
        role: 'platform_admin',
      })
    : await processSchedule(ctx, id)
  return totals
}

/** Claims exactly one schedule (by id) and sends its payout. */
async function processSchedule(ctx: AppContext, scheduleId: string): Promise<RunTotals> {
  const payoutId = await createPayoutForSchedule(ctx, scheduleId)
  return processDueSchedules(ctx, { filter: { payoutId, force: true }, role: 'platform_admin', batch: 1 })
}

// ---------------------------------------------------------------------------------------------
// The manual bank-transfer adapter: a CSV batch, marked paid or failed by an admin
// ---------------------------------------------------------------------------------------------

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v)
  // formulas are neutralised: a spreadsheet must not run what a name contains
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** Payouts waiting for a bank transfer, as CSV (one line each; the admin pays them and marks each). */
export async function manualBatchCsv(tx: AnyTx): Promise<{ csv: string; count: number }> {
  const rows = await view(tx)
    .selectFrom('billing.payouts')
    .selectAll()
    .where('method', '=', 'manual_bank')
    .where('status', '=', 'processing')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const users = await recruiterUsers(
    tx,
    rows.map((r) => r.recruiter_id),
  )
  const names = await displayNames(tx, [...users.values()])
  const lines = [
    [
      'payout_id',
      'recruiter_id',
      'payee_name',
      'payee_email',
      'amount',
      'currency',
      'amount_minor_units',
      'placement_id',
      'reference',
      'created_at',
    ].join(','),
  ]
  for (const r of rows) {
    const userId = users.get(r.recruiter_id)
    const email = userId ? await emailAddressOf(tx, userId) : null
    const digits = r.currency === 'JPY' ? 0 : 2
    const whole = r.amount / 10n ** BigInt(digits)
    const frac = (r.amount % 10n ** BigInt(digits)).toString().padStart(digits, '0')
    lines.push(
      [
        r.id,
        r.recruiter_id,
        userId ? (names.get(userId) ?? '') : '',
        email ?? '',
        digits ? `${whole}.${frac}` : `${whole}`,
        r.currency,
        r.amount.toString(),
        r.placement_id,
        `PAYOUT ${r.id.slice(0, 8).toUpperCase()}`,
        r.created_at.toISOString(),
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return { csv: `${lines.join('\r\n')}\r\n`, count: rows.length }
}

/** An admin paid a batch line: in flight → paid; the payout completes. Once. */
export async function markManualPaid(ctx: AppContext, tx: AnyTx, id: string, reference: string) {
  const p = await payoutRow(tx, id, true)
  manualOnly(p)
  const c = collected()
  await settle(ctx, tx, p, null, ctx.clock.now(), 'platform_admin', c, reference)
  await flush(ctx, tx, c)
}

/** An admin's bank transfer bounced (or was not made): the money returns to available. Once. */
export async function markManualFailed(ctx: AppContext, tx: AnyTx, id: string, reason: string) {
  const p = await payoutRow(tx, id, true)
  manualOnly(p)
  const c = collected()
  await failPayout(ctx, tx, p, `Bank transfer failed: ${reason}`, ctx.clock.now(), 'platform_admin', c)
  c.notices.push({
    kind: 'payout.returned',
    recruiterId: p.recruiter_id,
    sourceName: `payout:${p.id}:manual-failed`,
    title: 'A payout to you did not go through',
    body: `The bank transfer failed (${reason}). The money is back in your available balance; we will pay it again.`,
    link: '/splits/earnings',
  })
  await flush(ctx, tx, c)
}

function manualOnly(p: PayoutRow) {
  if (p.method !== 'manual_bank') {
    throw new AppError(
      'invalid_state_transition',
      'This payout goes through Stripe; only bank-transfer payouts are marked by hand',
    )
  }
  if (p.status !== 'processing') {
    throw new AppError(
      'invalid_state_transition',
      `This payout is ${p.status}${p.status === 'pending' ? ' (not in a batch yet: process it first)' : ''}; it cannot be marked`,
      { meta: { status: p.status } },
    )
  }
}

export { claim, methodOf, record, writePayoutAudits }
