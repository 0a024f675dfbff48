import { lockKey } from '../../../kernel/db/concurrency.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { findKeyMatches } from '../candidates/duplicates.ts'
import { type IdentityKeyKind, identityKeysOf } from '../candidates/identity-keys.ts'
import type { RecruitingTx } from '../database.ts'
import { emit } from '../events.ts'
import { RTR_MONTHS } from '../reference/vocabularies.ts'

export type Representation =
  | { kind: 'granted'; representationId: string }
  | { kind: 'blocked'; disputeId: string; companyName: string; expiresAt: Date; matchedOn: IdentityKeyKind[] }

export const addMonths = (d: Date, months: number) => {
  const r = new Date(d)
  r.setUTCMonth(r.getUTCMonth() + months)
  return r
}

/**
 * The right to represent this person to this company: kept if the recruiter already holds it,
 * granted (12 months) if nobody does, refused — and the attempt recorded — if another recruiter
 * holds it for the same person (matched on email, phone or profile URL, across everyone's records).
 *
 * The arbitration reads and expires other recruiters' representations, which row-level security
 * does not show the caller: it runs as the system, serialised per person and company.
 */
export async function acquireRepresentation(
  tx: RecruitingTx,
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
  const outcome = await asSystem(tx, 'recruiting.right_to_represent', async (): Promise<Representation> => {
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
    if (active) {
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
  })
  if (outcome.kind === 'blocked') {
    const holder = await tx
      .selectFrom('ats.ownership_disputes')
      .select('holder_recruiter_id')
      .where('id', '=', outcome.disputeId)
      .executeTakeFirstOrThrow()
    await emit(tx, 'ownership.duplicate_blocked', outcome.disputeId, {
      dispute_id: outcome.disputeId,
      company_id: companyId,
      role_id: input.roleId,
      holder_recruiter_id: holder.holder_recruiter_id,
      claimant_recruiter_id: recruiterId,
      matched_on: outcome.matchedOn,
    })
  }
  return outcome
}
