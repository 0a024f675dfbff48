import { sql } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { decodeCursor, encodeCursor } from '../../kernel/http/pagination.ts'
import { UUID_PATTERN } from '../../kernel/ids.ts'
import { recordDecision } from '../intelligence/index.ts'
import type { FraudTx } from './database.ts'
import type { Severity, Verdict } from './detectors.ts'
import { enabled } from './flags.ts'
import { placeHold, releaseHoldIfClear } from './holds.ts'
import { alertAdmins } from './notices.ts'

export type SignalType =
  | 'duplicate_submission'
  | 'velocity'
  | 'circular_sharing'
  | 'automated_behaviour'
  | 'profile_manipulation'
  | 'fee_anomaly'
  | 'split_anomaly'

export type SignalStatus = 'active' | 'reviewed' | 'resolved' | 'false_positive'

export interface Entities {
  recruiter_ids?: string[]
  candidate_ids?: string[]
  application_ids?: string[]
  company_ids?: string[]
  placement_ids?: string[]
}

export interface NewSignal extends Verdict {
  type: SignalType
  subjectRecruiterId: string | null
  entities: Entities
  dedupeKey: string
  detectorVersion: string
}

const SERIOUS: readonly Severity[] = ['high', 'critical']

/**
 * Writes a signal once per dedupe key (concurrent detector runs insert one, the others do
 * nothing), logs it to the decision audit log, and for a high or critical one puts the recruiter
 * on hold and alerts the platform’s admins. `now` is the system clock (detected_at, the log);
 * the detectors judge on the events' own times. Returns the new id, or null when it existed.
 */
export async function raiseSignal(
  ctx: AppContext,
  anyTx: AnyTx,
  s: NewSignal,
  now: Date,
): Promise<string | null> {
  const tx = anyTx as FraudTx
  const row = await tx
    .insertInto('fraud.fraud_signals')
    .values({
      type: s.type,
      severity: s.severity,
      confidence: s.confidence,
      subject_recruiter_id: s.subjectRecruiterId,
      entities: JSON.stringify(s.entities),
      evidence: JSON.stringify(s.evidence),
      explanation: s.explanation.slice(0, 2000),
      detector_version: s.detectorVersion,
      dedupe_key: s.dedupeKey,
      detected_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!row) return null
  await tx
    .insertInto('fraud.signal_history')
    .values({
      signal_id: row.id,
      from_status: null,
      to_status: 'active',
      notes: s.explanation.slice(0, 2000),
      at: now,
    })
    .execute()
  await recordDecision(tx, {
    kind: 'flag',
    source: 'fraud',
    subjectType: s.subjectRecruiterId ? 'recruiter' : 'fraud_signal',
    subjectId: s.subjectRecruiterId ?? row.id,
    confidence: s.confidence,
    factors: { signal_id: row.id, type: s.type, severity: s.severity, evidence: s.evidence },
    aiRecommendation: 'flag',
    reason: s.explanation.slice(0, 2000),
    actorRole: 'system',
    at: now,
  })
  if (SERIOUS.includes(s.severity)) {
    if (s.subjectRecruiterId && (await enabled(tx, 'fraud.throttling', s.subjectRecruiterId))) {
      await placeHold(tx, {
        recruiterId: s.subjectRecruiterId,
        signalId: row.id,
        severity: s.severity,
        reason: `${s.type.replaceAll('_', ' ')}: ${s.explanation}`.slice(0, 2000),
        now,
      })
    }
    await alertAdmins(ctx, tx, { id: row.id, type: s.type, severity: s.severity, explanation: s.explanation })
  }
  return row.id
}

const NEXT: Record<
  'review' | 'resolve' | 'dismiss',
  { from: SignalStatus[]; to: SignalStatus; decision: string }
> = {
  review: { from: ['active'], to: 'reviewed', decision: 'reviewed' },
  resolve: { from: ['active', 'reviewed'], to: 'resolved', decision: 'confirmed' },
  dismiss: { from: ['active', 'reviewed'], to: 'false_positive', decision: 'dismissed' },
}

/**
 * A person moves a signal on: review (active → reviewed), resolve or dismiss (active|reviewed →
 * resolved | false_positive), notes required. The row is locked: of two concurrent resolves one
 * wins, the other answers 409. Dismissing the last open serious signal of a recruiter lifts their
 * hold (logged).
 */
export async function transitionSignal(
  tx: FraudTx,
  actor: { userId: string },
  id: string,
  action: keyof typeof NEXT,
  notes: string,
  now: Date,
) {
  const sig = await tx
    .selectFrom('fraud.fraud_signals')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!sig) throw new AppError('not_found', 'No such fraud signal')
  const step = NEXT[action]
  if (!step.from.includes(sig.status as SignalStatus)) {
    throw new AppError(
      'fraud_signal_transition_invalid',
      `The signal is ${sig.status}: it cannot be ${step.to.replace('_', ' ')} now`,
      {
        meta: { status: sig.status, allowed_from: step.from },
      },
    )
  }
  const closing = step.to === 'resolved' || step.to === 'false_positive'
  await tx
    .updateTable('fraud.fraud_signals')
    .set({
      status: step.to,
      ...(closing ? { resolution_notes: notes } : {}),
      updated_at: now,
      version: sig.version + 1,
    })
    .where('id', '=', id)
    .execute()
  await tx
    .insertInto('fraud.signal_history')
    .values({
      signal_id: id,
      from_status: sig.status,
      to_status: step.to,
      notes,
      actor_id: actor.userId,
      at: now,
    })
    .execute()
  await recordDecision(tx, {
    kind: 'decision',
    source: 'fraud',
    subjectType: sig.subject_recruiter_id ? 'recruiter' : 'fraud_signal',
    subjectId: sig.subject_recruiter_id ?? id,
    confidence: sig.confidence,
    factors: { signal_id: id, type: sig.type, severity: sig.severity, from: sig.status, to: step.to },
    aiRecommendation: 'flag',
    humanDecision: step.decision,
    agrees: step.to === 'false_positive' ? false : step.to === 'resolved' ? true : null,
    reason: notes,
    actorRole: 'platform_admin',
    at: now,
  })
  if (step.to === 'false_positive' && sig.subject_recruiter_id) {
    await releaseHoldIfClear(
      tx,
      sig.subject_recruiter_id,
      actor.userId,
      `Signal ${id} dismissed as a false positive: ${notes}`,
      now,
    )
  }
  return getSignal(tx, id)
}

export async function getSignal(tx: FraudTx, id: string) {
  const sig = await tx.selectFrom('fraud.fraud_signals').selectAll().where('id', '=', id).executeTakeFirst()
  if (!sig) throw new AppError('not_found', 'No such fraud signal')
  const history = await tx
    .selectFrom('fraud.signal_history')
    .selectAll()
    .where('signal_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return { ...present(sig), history: history.map((h) => ({ ...h, at: h.at.toISOString() })) }
}

type SignalRow = Awaited<ReturnType<typeof listRows>>[number]
const listRows = (tx: FraudTx) => tx.selectFrom('fraud.fraud_signals').selectAll().execute()

export function present(s: SignalRow) {
  return {
    id: s.id,
    type: s.type as SignalType,
    severity: s.severity as Severity,
    confidence: s.confidence,
    subject_recruiter_id: s.subject_recruiter_id,
    entities: s.entities as Entities,
    evidence: s.evidence as Record<string, unknown>,
    explanation: s.explanation,
    detector_version: s.detector_version,
    status: s.status as SignalStatus,
    resolution_notes: s.resolution_notes,
    detected_at: s.detected_at.toISOString(),
    updated_at: s.updated_at.toISOString(),
  }
}

export interface SignalFilters {
  status?: SignalStatus | undefined
  severity?: Severity | undefined
  type?: SignalType | undefined
  recruiter_id?: string | undefined
  starting_after?: string | undefined
  limit: number
}

/** Most severe first, then newest; keyset-paged on (severity, detected_at, id). */
export async function listSignals(tx: FraudTx, f: SignalFilters) {
  let q = tx.selectFrom('fraud.fraud_signals').selectAll()
  if (f.status) q = q.where('status', '=', f.status)
  if (f.severity) q = q.where('severity', '=', f.severity)
  if (f.type) q = q.where('type', '=', f.type)
  if (f.recruiter_id) q = q.where('subject_recruiter_id', '=', f.recruiter_id)
  if (f.starting_after) {
    const [rank, at, id] = decodeCursor(f.starting_after, ['number', 'string', 'string']) as [
      number,
      string,
      string,
    ]
    // only what a page gives: a severity rank 1-4, an instant of years 0001-9999 (what PostgreSQL
    // and Date both read), a uuid — a forged value is a 400, not an error of the query
    if (
      !Number.isInteger(rank) ||
      rank < 1 ||
      rank > 4 ||
      !UUID_PATTERN.test(id) ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) ||
      Number.isNaN(Date.parse(at))
    )
      throw new AppError('invalid_cursor', 'starting_after is not a cursor returned by this endpoint', {
        errors: [{ field: 'querystring.starting_after', message: 'is not a valid cursor' }],
      })
    q = q.where(
      sql<boolean>`(severity_rank, detected_at, id) < (${rank}, ${new Date(at)}::timestamptz, ${id}::uuid)`,
    )
  }
  const rows = await q
    .orderBy('severity_rank', 'desc')
    .orderBy('detected_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute()
  const page = rows.slice(0, f.limit)
  const last = page.at(-1)
  const counts = await tx
    .selectFrom('fraud.fraud_signals')
    .select(['status', 'severity', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['status', 'severity'])
    .execute()
  return {
    data: page.map(present),
    has_more: rows.length > f.limit,
    next_cursor:
      rows.length > f.limit && last
        ? encodeCursor([last.severity_rank ?? 0, last.detected_at.toISOString(), last.id])
        : null,
    counts: counts.map((c) => ({
      status: c.status as SignalStatus,
      severity: c.severity as Severity,
      count: Number(c.n),
    })),
  }
}

/** Signals detected on a UTC day (marketplace health's daily `fraud_signals_opened`), as the system. */
export async function signalsOpenedOn(anyTx: AnyTx, day: string): Promise<number> {
  const tx = anyTx as FraudTx
  const row = await tx
    .selectFrom('fraud.fraud_signals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('detected_at', '>=', new Date(`${day}T00:00:00Z`))
    .where('detected_at', '<', new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
