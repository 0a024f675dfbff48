import { appendAudit } from '../../kernel/audit/audit.ts'
import type { Tx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { decodeCursor, pageOf } from '../../kernel/http/pagination.ts'
import { isPlatformAdmin, lockKey, recruiterIdOf } from './access.ts'
import { findKeyMatches } from './candidates.ts'
import { emit } from './events.ts'
import { type IdentityKeyKind, identityKeysOf } from './identity-keys.ts'
import { RTR_MONTHS } from './reference.ts'

export type Representation =
  | { kind: 'granted'; representationId: string }
  | {
      kind: 'blocked'
      disputeId: string
      companyName: string
      expiresAt: Date
      matchedOn: IdentityKeyKind[]
    }

const addMonths = (d: Date, months: number) => {
  const r = new Date(d)
  r.setUTCMonth(r.getUTCMonth() + months)
  return r
}

/**
 * The right to represent this person to this company: kept if the recruiter already holds it,
 * granted (12 months) if nobody does, refused — and the attempt recorded — if another recruiter
 * holds it for the same person (matched on email, phone or profile URL, across everyone's records).
 */
export async function acquireRepresentation(
  tx: Tx,
  input: {
    candidateId: string
    recruiterId: string
    companyId: string
    roleId: string
    secret: string
    now: Date
  },
): Promise<Representation> {
  const { candidateId, recruiterId, companyId, now } = input
  const candidate = await tx
    .selectFrom('ats.candidates as c')
    .innerJoin('ats.candidate_contacts as cc', 'cc.candidate_id', 'c.id')
    .select(['c.country', 'c.consent_given_at', 'cc.email', 'cc.phone', 'cc.linkedin_url', 'cc.github_url'])
    .where('c.id', '=', candidateId)
    .executeTakeFirstOrThrow()
  const matches = await findKeyMatches(tx, input.secret, identityKeysOf(candidate), candidateId)
  const samePerson = [candidateId, ...new Set(matches.map((m) => m.candidate_id))]
  // one person, one company at a time: concurrent submissions of the same person serialise here
  await lockKey(tx, `rtr:${companyId}:${[...samePerson].sort()[0]}`)
  await tx
    .updateTable('ats.representations')
    .set({ status: 'expired' })
    .where('candidate_id', 'in', samePerson)
    .where('company_id', '=', companyId)
    .where('status', '=', 'active')
    .where('expires_at', '<=', now)
    .execute()
  const active = await tx
    .selectFrom('ats.representations as r')
    .innerJoin('ats.companies as c', 'c.id', 'r.company_id')
    .select(['r.id', 'r.recruiter_id', 'r.candidate_id', 'r.expires_at', 'c.name as company_name'])
    .where('r.candidate_id', 'in', samePerson)
    .where('r.company_id', '=', companyId)
    .where('r.status', '=', 'active')
    .executeTakeFirst()
  if (active && active.recruiter_id === recruiterId) return { kind: 'granted', representationId: active.id }
  if (active && active.recruiter_id !== recruiterId) {
    const matchedOn = [
      ...new Set(matches.filter((m) => m.candidate_id === active.candidate_id).map((m) => m.kind)),
    ]
    const dispute = await tx
      .insertInto('ats.ownership_disputes')
      .values({
        representation_id: active.id,
        company_id: companyId,
        role_id: input.roleId,
        holder_recruiter_id: active.recruiter_id,
        claimant_recruiter_id: recruiterId,
        claimant_candidate_id: candidateId,
        matched_on: matchedOn,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await emit(tx, 'ownership.duplicate_blocked', dispute.id, {
      dispute_id: dispute.id,
      company_id: companyId,
      role_id: input.roleId,
      holder_recruiter_id: active.recruiter_id,
      claimant_recruiter_id: recruiterId,
      matched_on: matchedOn,
    })
    return {
      kind: 'blocked',
      disputeId: dispute.id,
      companyName: active.company_name,
      expiresAt: active.expires_at,
      matchedOn,
    }
  }
  const created = await tx
    .insertInto('ats.representations')
    .values({
      candidate_id: candidateId,
      recruiter_id: recruiterId,
      company_id: companyId,
      starts_at: now,
      expires_at: addMonths(now, RTR_MONTHS),
      // verified when the person's consent is on record; pending until then
      ownership: candidate.consent_given_at ? 'verified' : 'pending',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { kind: 'granted', representationId: created.id }
}

const disputeSelect = (tx: Tx) =>
  tx
    .selectFrom('ats.ownership_disputes as d')
    .innerJoin('ats.companies as c', 'c.id', 'd.company_id')
    .innerJoin('ats.representations as r', 'r.id', 'd.representation_id')
    .innerJoin('network.recruiters as hr', 'hr.id', 'd.holder_recruiter_id')
    .innerJoin('identity.users as hu', 'hu.id', 'hr.user_id')
    .innerJoin('network.recruiters as cr', 'cr.id', 'd.claimant_recruiter_id')
    .innerJoin('identity.users as cu', 'cu.id', 'cr.user_id')
    .leftJoin('ats.roles as ro', 'ro.id', 'd.role_id')
    .select([
      'd.id',
      'd.status',
      'd.company_id',
      'c.name as company_name',
      'd.role_id',
      'ro.title as role_title',
      'd.representation_id',
      'r.ownership as representation_ownership',
      'r.status as representation_status',
      'r.starts_at as represented_since',
      'r.expires_at as represented_until',
      'd.holder_recruiter_id',
      'hu.display_name as holder_name',
      'd.claimant_recruiter_id',
      'cu.display_name as claimant_name',
      'd.matched_on',
      'd.claimant_reason',
      'd.resolution_reason',
      'd.created_at',
      'd.disputed_at',
      'd.resolved_at',
    ])

export async function listDisputes(
  tx: Tx,
  p: Principal,
  f: { status?: string | undefined; limit: number; startingAfter?: string | undefined },
) {
  let q = disputeSelect(tx)
    .orderBy('d.id', 'desc')
    .limit(f.limit + 1)
  if (!isPlatformAdmin(p)) {
    const me = await recruiterIdOf(tx, p)
    if (!me) return pageOf([], f.limit, () => [])
    q = q.where((eb) => eb.or([eb('d.holder_recruiter_id', '=', me), eb('d.claimant_recruiter_id', '=', me)]))
  }
  if (f.status) q = q.where('d.status', '=', f.status)
  if (f.startingAfter) q = q.where('d.id', '<', String(decodeCursor(f.startingAfter, ['string'])[0]))
  return pageOf(await q.execute(), f.limit, (r) => [r.id])
}

export async function getDispute(tx: Tx, p: Principal, id: string) {
  const d = await disputeSelect(tx).where('d.id', '=', id).executeTakeFirst()
  const me = isPlatformAdmin(p) ? null : await recruiterIdOf(tx, p)
  if (!d || (!isPlatformAdmin(p) && d.holder_recruiter_id !== me && d.claimant_recruiter_id !== me)) {
    throw new AppError('not_found', 'No such ownership record')
  }
  return d
}

/** The blocked recruiter contests the other's right to represent; an admin will decide. */
export async function openDispute(tx: Tx, p: Principal, id: string, reason: string, now: Date) {
  const d = await getDispute(tx, p, id)
  if (d.claimant_recruiter_id !== (await recruiterIdOf(tx, p))) {
    throw new AppError('forbidden', 'Only the recruiter whose submission was blocked can dispute it')
  }
  if (d.status !== 'recorded')
    throw new AppError('invalid_state_transition', `This record is already ${d.status}`)
  await tx
    .updateTable('ats.ownership_disputes')
    .set({ status: 'disputed', claimant_reason: reason, disputed_at: now })
    .where('id', '=', id)
    .execute()
  await tx
    .updateTable('ats.representations')
    .set({ ownership: 'disputed' })
    .where('id', '=', d.representation_id)
    .execute()
  await appendAudit(tx, {
    action: 'ownership.disputed',
    entityType: 'ownership_dispute',
    entityId: id,
    before: { status: 'recorded' },
    after: { status: 'disputed', reason },
    actorRole: 'recruiter',
  })
  await emit(tx, 'ownership.dispute_opened', id, {
    dispute_id: id,
    company_id: d.company_id,
    holder_recruiter_id: d.holder_recruiter_id,
    claimant_recruiter_id: d.claimant_recruiter_id,
  })
}

/**
 * A platform admin decides, with a reason. Upheld: the holder keeps the right (now verified).
 * Overturned: the holder's right is revoked and the claimant gets it for 12 months.
 */
export async function resolveDispute(
  tx: Tx,
  p: Principal,
  id: string,
  outcome: 'upheld' | 'overturned',
  reason: string,
  now: Date,
) {
  const d = await getDispute(tx, p, id)
  if (d.status !== 'recorded' && d.status !== 'disputed') {
    throw new AppError('invalid_state_transition', `This record was already resolved (${d.status})`)
  }
  await tx
    .updateTable('ats.ownership_disputes')
    .set({ status: outcome, resolution_reason: reason, resolved_by: p.userId, resolved_at: now })
    .where('id', '=', id)
    .execute()
  if (outcome === 'upheld') {
    await tx
      .updateTable('ats.representations')
      .set({ ownership: 'verified' })
      .where('id', '=', d.representation_id)
      .execute()
  } else {
    await tx
      .updateTable('ats.representations')
      .set({ status: 'revoked', revoked_reason: `ownership dispute overturned: ${reason}` })
      .where('id', '=', d.representation_id)
      .execute()
    const claimant = await tx
      .selectFrom('ats.ownership_disputes')
      .select('claimant_candidate_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('ats.representations')
      .values({
        candidate_id: claimant.claimant_candidate_id,
        recruiter_id: d.claimant_recruiter_id,
        company_id: d.company_id,
        starts_at: now,
        expires_at: addMonths(now, RTR_MONTHS),
        ownership: 'verified',
        created_at: now,
      })
      .execute()
  }
  await appendAudit(tx, {
    action: 'ownership.dispute_resolved',
    entityType: 'ownership_dispute',
    entityId: id,
    before: { status: d.status, holder_recruiter_id: d.holder_recruiter_id },
    after: { status: outcome, reason, claimant_recruiter_id: d.claimant_recruiter_id },
    actorRole: 'platform_admin',
  })
  await emit(tx, 'ownership.dispute_resolved', id, {
    dispute_id: id,
    outcome,
    company_id: d.company_id,
    holder_recruiter_id: d.holder_recruiter_id,
    claimant_recruiter_id: d.claimant_recruiter_id,
  })
}
