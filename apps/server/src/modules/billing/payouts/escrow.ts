import { sql } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { createHold, post, resolveHold } from '../../ledger/index.ts'
import { placementFacts } from '../../recruiting/index.ts'
import { account, SPLITS_BOOK } from '../book.ts'
import { type PayoutAuditEntry, writePayoutAudits } from '../payout-audit.ts'
import { money, tellRecruiters } from './notices.ts'
import { insertSchedules, type NewSchedule } from './schedules.ts'
import { adjustPosition, dayOf, view } from './shared.ts'

/**
 * Escrow holds. When a company payment is applied, each recruiter's share of it arrives in their
 * `recruiter_held` balance; at once, in the same transaction, the part not held back moves to
 * `recruiter_available` (a posting) with a payout schedule for it, and the holdback stays in held
 * under a ledger hold (held → available) until the placement's guarantee ends. Releasing posts the
 * hold (and schedules the money); cancelling voids it (the money stays in held, where a fall-off
 * takes it back first). Each resolves once.
 */
export interface RecruiterShare {
  placementId: string
  recruiterId: string
  amount: bigint
}

/** The holdback rate: the company's billing setting, else the platform default (20%). */
export async function holdbackBpsOf(ctx: AppContext, tx: AnyTx, companyId: string): Promise<number> {
  const row = await view(tx)
    .selectFrom('billing.company_settings')
    .select('holdback_bps')
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  return row?.holdback_bps ?? ctx.config.payouts.holdbackBps
}

/**
 * Splits each recruiter's share of an applied payment into released money (available now, with a
 * schedule) and the holdback (a ledger hold and an escrow hold until the guarantee ends). Called
 * by `applyPayment` in its transaction, once per payment.
 */
export async function distributeRecruiterShares(
  ctx: AppContext,
  tx: AnyTx,
  input: {
    paymentId: string
    companyId: string
    currency: string
    shares: readonly RecruiterShare[]
    now: Date
    role: string
  },
): Promise<{ released: bigint; held: bigint }> {
  const { currency, now } = input
  const byKey = new Map<string, RecruiterShare>()
  for (const s of input.shares) {
    if (s.amount <= 0n) continue
    const k = `${s.placementId}:${s.recruiterId}`
    const cur = byKey.get(k) ?? { ...s, amount: 0n }
    cur.amount += s.amount
    byKey.set(k, cur)
  }
  const shares = [...byKey.values()].sort((a, b) =>
    a.recruiterId === b.recruiterId
      ? a.placementId.localeCompare(b.placementId)
      : a.recruiterId.localeCompare(b.recruiterId),
  )
  if (shares.length === 0) return { released: 0n, held: 0n }
  const bps = await holdbackBpsOf(ctx, tx, input.companyId)
  const today = dayOf(now)
  const guaranteeEnds = new Map<string, string>()
  for (const placementId of new Set(shares.map((s) => s.placementId))) {
    const facts = await placementFacts(tx, placementId)
    guaranteeEnds.set(placementId, facts?.guaranteeEndsOn ?? today)
  }
  const plan = shares.map((s) => {
    const ends = guaranteeEnds.get(s.placementId)!
    // paid after the guarantee ended (or on its last day): nothing left to guarantee
    const rate = ends > today ? bps : 0
    const hold = (s.amount * BigInt(rate)) / 10_000n
    return { ...s, rate, hold, release: s.amount - hold, ends }
  })
  // 1. the released parts, one posting: held → available per recruiter
  const perRecruiter = new Map<string, bigint>()
  for (const p of plan) perRecruiter.set(p.recruiterId, (perRecruiter.get(p.recruiterId) ?? 0n) + p.release)
  const released = [...perRecruiter.values()].reduce((a, b) => a + b, 0n)
  if (released > 0n) {
    await post(tx, {
      book: SPLITS_BOOK,
      idempotencyKey: `payment:${input.paymentId}:released`,
      kind: 'payout.released',
      reference: { type: 'payment', id: input.paymentId },
      description: 'Recruiters’ shares released to their available balance (the holdback stays held)',
      effectiveAt: now,
      metadata: { placements: [...new Set(plan.map((p) => p.placementId))] },
      lines: [...perRecruiter].flatMap(([recruiterId, amount]) =>
        amount > 0n
          ? [
              {
                account: account.recruiterHeld(recruiterId, currency),
                direction: 'debit' as const,
                amount,
                currency,
              },
              {
                account: account.recruiterAvailable(recruiterId, currency),
                direction: 'credit' as const,
                amount,
                currency,
              },
            ]
          : [],
      ),
    })
  }
  const schedules: NewSchedule[] = plan
    .filter((p) => p.release > 0n)
    .map((p) => ({
      placementId: p.placementId,
      recruiterId: p.recruiterId,
      amount: p.release,
      currency,
      scheduledDate: today,
      guaranteeCompletionDate: p.ends,
      triggerEvent: 'payment_received' as const,
      escrowHoldId: null,
      createdBy: null,
    }))
  const audit: PayoutAuditEntry[] = []
  // 2. the holdbacks: a ledger hold each, and the escrow hold that documents it
  let held = 0n
  for (const p of plan) {
    if (p.hold <= 0n) continue
    const { holdId } = await createHold(tx, {
      book: SPLITS_BOOK,
      idempotencyKey: `payment:${input.paymentId}:holdback:${p.placementId}:${p.recruiterId}`,
      from: account.recruiterHeld(p.recruiterId, currency),
      to: account.recruiterAvailable(p.recruiterId, currency),
      amount: p.hold,
      currency,
      reference: { type: 'placement', id: p.placementId },
      description: `Holdback (${p.rate / 100}%) until the guarantee ends on ${p.ends}`,
      // released by the escrow job, never expired by the ledger's clock
      expiresAt: null,
      metadata: { placement_id: p.placementId, recruiter_id: p.recruiterId, payment_id: input.paymentId },
    })
    const row = await view(tx)
      .insertInto('billing.escrow_holds')
      .values({
        placement_id: p.placementId,
        recruiter_id: p.recruiterId,
        payment_id: input.paymentId,
        hold_amount: p.hold,
        currency,
        holdback_bps: p.rate,
        hold_reason: 'guarantee_period',
        held_at: now,
        release_scheduled_date: p.ends,
        ledger_hold_id: holdId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    held += p.hold
    audit.push({
      entityType: 'escrow_hold',
      entityId: row.id,
      action: 'escrow_hold.created',
      changedByRole: input.role,
      newValue: {
        status: 'active',
        placement_id: p.placementId,
        recruiter_id: p.recruiterId,
        hold_amount: p.hold,
        holdback_bps: p.rate,
        release_scheduled_date: p.ends,
        payment_id: input.paymentId,
      },
    })
  }
  audit.push(...(await insertSchedules(tx, schedules, now, input.role)))
  await writePayoutAudits(tx, audit)
  return { released, held }
}

export type HoldRow = Awaited<ReturnType<typeof lockHold>>

export async function lockHold(tx: AnyTx, holdId: string) {
  const hold = await view(tx)
    .selectFrom('billing.escrow_holds')
    .selectAll()
    .where('id', '=', holdId)
    .forUpdate()
    .executeTakeFirst()
  if (!hold) throw new AppError('not_found', 'No such escrow hold')
  return hold
}

function refuseUnlessActive(hold: HoldRow, verb: string) {
  if (hold.status !== 'active') {
    throw new AppError(
      'invalid_state_transition',
      `This escrow hold is already ${hold.status}${hold.status === 'released' ? ` (on ${dayOf(hold.released_at!)})` : ''}; it cannot be ${verb}`,
      { meta: { status: hold.status } },
    )
  }
}

/**
 * Releases an escrow hold: the ledger hold is posted (held → available) and a payout schedule made
 * for the money. A second release (or a release of a cancelled hold) is a 409.
 */
export async function releaseHold(
  ctx: AppContext,
  tx: AnyTx,
  holdId: string,
  options: { by: string; role: string; now: Date; early?: boolean },
) {
  const hold = await lockHold(tx, holdId)
  refuseUnlessActive(hold, 'released')
  const fell = await view(tx)
    .selectFrom('billing.fall_offs')
    .select('placement_id')
    .where('placement_id', '=', hold.placement_id)
    .executeTakeFirst()
  if (fell) {
    throw new AppError(
      'placement_fell_off',
      'The placement fell off: its holdback goes back, it is not released (cancel the hold instead)',
    )
  }
  const today = dayOf(options.now)
  const { postingId } = await resolveHold(
    tx,
    hold.ledger_hold_id,
    {
      action: 'post',
      amount: hold.hold_amount,
      idempotencyKey: `escrow:${hold.id}:released`,
      description: `Holdback released (guarantee ${hold.release_scheduled_date <= today ? 'ended' : 'released early'})`,
    },
    options.now,
  )
  await view(tx)
    .updateTable('billing.escrow_holds')
    .set({
      status: 'released',
      released_at: options.now,
      released_by: options.by,
      release_posting_id: postingId,
      updated_at: options.now,
      version: hold.version + 1,
    })
    .where('id', '=', hold.id)
    .execute()
  const audit: PayoutAuditEntry[] = [
    {
      entityType: 'escrow_hold',
      entityId: hold.id,
      action: 'escrow_hold.released',
      changedByRole: options.role,
      oldValue: { status: 'active' },
      newValue: {
        status: 'released',
        released_by: options.by,
        hold_amount: hold.hold_amount,
        early: hold.release_scheduled_date > today,
      },
    },
  ]
  audit.push(
    ...(await insertSchedules(
      tx,
      [
        {
          placementId: hold.placement_id,
          recruiterId: hold.recruiter_id,
          amount: hold.hold_amount,
          currency: hold.currency,
          scheduledDate: today,
          guaranteeCompletionDate: hold.release_scheduled_date,
          triggerEvent: 'guarantee_complete',
          escrowHoldId: hold.id,
          createdBy: null,
        },
      ],
      options.now,
      options.role,
    )),
  )
  await tellRecruiters(ctx, tx, [
    {
      kind: 'escrow.released',
      recruiterId: hold.recruiter_id,
      sourceName: `escrow:${hold.id}:released`,
      title: `${money(hold.hold_amount, hold.currency)} released to you`,
      body: 'The guarantee period ended: the money held back is now yours and goes out with the next payout run.',
      link: '/splits/earnings',
    },
  ])
  await writePayoutAudits(tx, audit)
  return hold.id
}

/**
 * Cancels an escrow hold: the ledger hold is voided, so the money is no longer reserved for the
 * recruiter; it stays in their held balance, where a fall-off takes it back first. Once.
 */
export async function cancelHold(
  _ctx: AppContext,
  tx: AnyTx,
  holdId: string,
  options: { reason: string; role: string; now: Date },
) {
  const hold = await lockHold(tx, holdId)
  refuseUnlessActive(hold, 'cancelled')
  await writePayoutAudits(tx, [await voidHold(tx, hold, options)])
  return hold.id
}

/**
 * Voids an active hold (the row is locked by the caller); the money becomes free held money. Returns
 * the audit row for the caller to write with its others (last in its transaction).
 */
export async function voidHold(
  tx: AnyTx,
  hold: HoldRow,
  options: { reason: string; role: string; now: Date },
): Promise<PayoutAuditEntry> {
  await resolveHold(tx, hold.ledger_hold_id, { action: 'void' }, options.now)
  await view(tx)
    .updateTable('billing.escrow_holds')
    .set({
      status: 'cancelled',
      cancelled_at: options.now,
      cancellation_reason: options.reason,
      updated_at: options.now,
      version: hold.version + 1,
    })
    .where('id', '=', hold.id)
    .execute()
  await adjustPosition(
    tx,
    { placementId: hold.placement_id, recruiterId: hold.recruiter_id, currency: hold.currency },
    { held_free: hold.hold_amount },
    options.now,
  )
  const entry: PayoutAuditEntry = {
    entityType: 'escrow_hold',
    entityId: hold.id,
    action: 'escrow_hold.cancelled',
    changedByRole: options.role,
    oldValue: { status: 'active' },
    newValue: { status: 'cancelled', hold_amount: hold.hold_amount },
    reason: options.reason,
  }
  return entry
}

/** Active holds whose guarantee has ended (placements that fell off are left to their take-back). */
export async function findDueReleases(tx: AnyTx, today: string, limit = 500) {
  return view(tx)
    .selectFrom('billing.escrow_holds as h')
    .selectAll('h')
    .where('h.status', '=', 'active')
    .where('h.release_scheduled_date', '<=', today)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('billing.fall_offs as f')
            .select('f.placement_id')
            .whereRef('f.placement_id', '=', 'h.placement_id'),
        ),
      ),
    )
    .orderBy('h.release_scheduled_date')
    .orderBy('h.id')
    .limit(limit)
    .execute()
}

/**
 * Releases every hold whose guarantee ended (the 03:00 UTC job, the CLI, the admin route), in
 * batches; each batch is one transaction whose rows other runs skip (`SKIP LOCKED`).
 */
export async function processDueReleases(
  ctx: AppContext,
  options: { batch?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ released: number; amount: string; failed: number }> {
  const today = dayOf(ctx.clock.now())
  const total = await inTransaction(ctx.db, systemActor('billing.escrow'), async (tx) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from billing.escrow_holds h
          where h.status = 'active' and h.release_scheduled_date <= ${today}::date
            and not exists (select 1 from billing.fall_offs f where f.placement_id = h.placement_id)`.execute(
          view(tx),
        )
      ).rows[0]?.n ?? 0,
    ),
  )
  let released = 0
  let failed = 0
  let amount = 0n
  options.onProgress?.(0, total)
  for (;;) {
    const batch = await inTransaction(ctx.db, systemActor('billing.escrow'), async (tx) => {
      const due = await view(tx)
        .selectFrom('billing.escrow_holds as h')
        .select(['h.id', 'h.hold_amount'])
        .where('h.status', '=', 'active')
        .where('h.release_scheduled_date', '<=', today)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('billing.fall_offs as f')
                .select('f.placement_id')
                .whereRef('f.placement_id', '=', 'h.placement_id'),
            ),
          ),
        )
        .orderBy('h.release_scheduled_date')
        .orderBy('h.id')
        .limit(options.batch ?? 100)
        .forUpdate()
        .skipLocked()
        .execute()
      let n = 0
      let sum = 0n
      for (const h of due) {
        await releaseHold(ctx, tx, h.id, { by: 'system', role: 'system', now: ctx.clock.now() })
        n++
        sum += h.hold_amount
      }
      return { n, sum }
    }).catch((err) => {
      ctx.log.error({ err }, 'escrow release batch failed')
      failed++
      return { n: 0, sum: 0n }
    })
    released += batch.n
    amount += batch.sum
    options.onProgress?.(Math.min(released, total), total)
    if (batch.n === 0) break
  }
  return { released, amount: amount.toString(), failed }
}
