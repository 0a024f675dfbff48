import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { recordDecision } from '../intelligence/index.ts'
import { submissionsSince } from '../recruiting/index.ts'
import type { FraudTx } from './database.ts'
import type { Severity } from './detectors.ts'
import { enabled } from './flags.ts'

/** Under a high signal's hold a recruiter may still submit this many a day; critical: none. */
export const HIGH_HOLD_DAILY_LIMIT = 3

/** Puts a recruiter on hold (or keeps the stricter hold), in the signal's transaction. */
export async function placeHold(
  tx: FraudTx,
  h: { recruiterId: string; signalId: string; severity: Severity; reason: string; now: Date },
) {
  const limit = h.severity === 'critical' ? null : HIGH_HOLD_DAILY_LIMIT
  const existing = await tx
    .selectFrom('fraud.holds')
    .selectAll()
    .where('recruiter_id', '=', h.recruiterId)
    .forUpdate()
    .executeTakeFirst()
  if (existing?.status === 'active') {
    // already held: only ever tighten (a limit of none beats a daily limit)
    if (existing.daily_limit !== null && (limit === null || limit < existing.daily_limit)) {
      await tx
        .updateTable('fraud.holds')
        .set({ daily_limit: limit, signal_id: h.signalId, reason: h.reason })
        .where('recruiter_id', '=', h.recruiterId)
        .execute()
    }
    return
  }
  const values = {
    status: 'active',
    signal_id: h.signalId,
    daily_limit: limit,
    reason: h.reason,
    placed_at: h.now,
    lifted_at: null,
    lifted_by: null,
    lift_reason: null,
  }
  await tx
    .insertInto('fraud.holds')
    .values({ recruiter_id: h.recruiterId, ...values })
    .onConflict((oc) => oc.column('recruiter_id').doUpdateSet(values))
    .execute()
  await recordDecision(tx, {
    kind: 'flag',
    source: 'fraud',
    subjectType: 'recruiter',
    subjectId: h.recruiterId,
    factors: { hold: true, signal_id: h.signalId, daily_limit: limit },
    aiRecommendation: 'hold',
    reason: h.reason,
    actorRole: 'system',
    at: h.now,
  })
}

/** An admin lifts a hold, saying why (logged as an override of the machine's hold). */
export async function liftHold(tx: FraudTx, recruiterId: string, actorId: string, reason: string, now: Date) {
  const res = await tx
    .updateTable('fraud.holds')
    .set({ status: 'lifted', lifted_at: now, lifted_by: actorId, lift_reason: reason })
    .where('recruiter_id', '=', recruiterId)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst()
  if (!res) throw new AppError('fraud_hold_not_active', 'This recruiter is not on hold')
  await recordDecision(tx, {
    kind: 'override',
    source: 'fraud',
    subjectType: 'recruiter',
    subjectId: recruiterId,
    factors: { hold: false, signal_id: res.signal_id },
    aiRecommendation: 'hold',
    humanDecision: 'lifted',
    agrees: false,
    reason,
    actorRole: 'platform_admin',
    at: now,
  })
  return presentHold(res)
}

/** After a false positive: lift the hold unless another open high/critical signal remains. */
export async function releaseHoldIfClear(
  tx: FraudTx,
  recruiterId: string,
  actorId: string,
  reason: string,
  now: Date,
) {
  const open = await tx
    .selectFrom('fraud.fraud_signals')
    .select('id')
    .where('subject_recruiter_id', '=', recruiterId)
    .where('status', 'in', ['active', 'reviewed'])
    .where('severity', 'in', ['high', 'critical'])
    .limit(1)
    .execute()
  const hold = await tx
    .selectFrom('fraud.holds')
    .select('status')
    .where('recruiter_id', '=', recruiterId)
    .executeTakeFirst()
  if (open.length === 0 && hold?.status === 'active') await liftHold(tx, recruiterId, actorId, reason, now)
}

type HoldRow = Awaited<ReturnType<typeof holdRows>>[number]
const holdRows = (tx: FraudTx) => tx.selectFrom('fraud.holds').selectAll().execute()

export function presentHold(h: HoldRow) {
  return {
    recruiter_id: h.recruiter_id,
    status: h.status as 'active' | 'lifted',
    signal_id: h.signal_id,
    daily_limit: h.daily_limit,
    reason: h.reason,
    placed_at: h.placed_at.toISOString(),
    lifted_at: h.lifted_at?.toISOString() ?? null,
    lift_reason: h.lift_reason,
  }
}

export async function listHolds(tx: FraudTx, status: 'active' | 'lifted' | undefined) {
  let q = tx.selectFrom('fraud.holds').selectAll()
  if (status) q = q.where('status', '=', status)
  return (await q.orderBy('placed_at', 'desc').limit(500).execute()).map(presentHold)
}

/**
 * Recruiting's submission guard (provided in fraud's init): in the submission's own transaction,
 * a recruiter on a hold with no daily allowance — or past it — is refused with 403
 * recruiter_on_fraud_hold. The hold is read through a security-definer function: the recruiter
 * learns only about their own hold.
 */
export async function submissionHoldGuard(anyTx: AnyTx, input: { recruiterId: string; now: Date }) {
  const tx = anyTx as FraudTx
  const { rows } = await sqlHold(tx, input.recruiterId)
  const hold = rows[0]
  if (!hold) return
  if (!(await enabled(tx, 'fraud.throttling', input.recruiterId))) return
  const dayStart = new Date(input.now.getTime() - 86_400_000)
  const used = hold.daily_limit === null ? 0 : await submissionsSince(tx, input.recruiterId, dayStart)
  if (hold.daily_limit === null || used >= hold.daily_limit) {
    throw new AppError(
      'recruiter_on_fraud_hold',
      hold.daily_limit === null
        ? 'Your submissions are on hold while our team reviews activity on your account. Contact support.'
        : `Your submissions are limited to ${hold.daily_limit} a day while our team reviews activity on your account (${used} in the last 24 hours).`,
      { meta: { daily_limit: hold.daily_limit, used_last_24h: used } },
    )
  }
}

const sqlHold = (tx: FraudTx, recruiterId: string) =>
  sql<{ signal_id: string; daily_limit: number | null; reason: string }>`
    select signal_id, daily_limit, reason from fraud.hold_of(${recruiterId})`.execute(tx)
