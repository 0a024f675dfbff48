import { identityKeysOf } from '../candidates/identity-keys.ts'
import { canSee, pickTime, windowsOf } from './helpers.ts'
import { DAY_MS, HOUR_MS, type Rng } from './prng.ts'
import type { App, Candidate, CandidatePool, DemoContext, Representation, Role } from './types.ts'
import { DISPUTE_CLAIMS, DISPUTE_RESOLUTIONS } from './words.ts'

const DISPUTE_STATUS = ['recorded', 'disputed', 'disputed', 'upheld', 'upheld', 'recorded'] as const

/**
 * Ownership disputes: the second recruiter's submission of a duplicate record was blocked, because
 * the holder represents the candidate to that company. Some the claimant contested, and an admin
 * upheld some of those. Returns the ownership of the representations under dispute, by id.
 */
export function generateDisputes(
  ctx: DemoContext,
  roles: Role[],
  holderApps: App[],
  candidates: CandidatePool,
  reps: ReadonlyMap<string, Representation>,
): Map<string, string> {
  const rng = ctx.rng.disputes
  const repOwnership = new Map<string, string>()
  holderApps.slice(0, DISPUTE_STATUS.length).forEach((app, i) => {
    const holder = app.candidate
    const claimantRecord = candidates.duplicates[candidates.holders.indexOf(holder)]
    if (!claimantRecord) return
    const rep = reps.get(`${holder.id}:${app.role.company.id}`)!
    const status = DISPUTE_STATUS[i]!
    addDispute(ctx, rng, { app, holder, claimantRecord, rep, status }, roles)
    if (status === 'disputed') repOwnership.set(rep.id, 'disputed')
  })
  return repOwnership
}

function addDispute(
  ctx: DemoContext,
  rng: Rng,
  d: {
    app: App
    holder: Candidate
    claimantRecord: Candidate
    rep: Representation
    status: (typeof DISPUTE_STATUS)[number]
  },
  roles: Role[],
) {
  const { app, holder, claimantRecord, rep, status } = d
  const { anchor } = ctx
  // the claimant tried one of the company's open roles, the holder's own if the claimant could see it
  const companyRoles = roles.filter(
    (r) => r.company === app.role.company && r.status === 'open' && canSee(claimantRecord.recruiter, r),
  )
  const role = companyRoles.includes(app.role) ? app.role : (companyRoles[0] ?? app.role)
  const lo = Math.max(rep.start + DAY_MS, claimantRecord.consentAt! + HOUR_MS)
  const at = pickTime(rng, windowsOf(role, anchor), lo, ctx.daysAgo(1)) ?? Math.min(lo, anchor - HOUR_MS)
  const disputedAt =
    status === 'recorded' ? null : Math.min(anchor - 30 * 60_000, at + rng.int(2, 72) * HOUR_MS)
  const resolvedAt =
    status === 'upheld' ? Math.min(anchor - 60_000, disputedAt! + rng.int(20, 160) * HOUR_MS) : null
  ctx.plan.disputes.push({
    id: ctx.uuid(at),
    representation_id: rep.id,
    company_id: app.role.company.id,
    role_id: role.id,
    holder_recruiter_id: holder.recruiter.id,
    claimant_recruiter_id: claimantRecord.recruiter.id,
    claimant_candidate_id: claimantRecord.id,
    matched_on: matchedOn(holder, claimantRecord),
    status,
    claimant_reason: disputedAt === null ? null : rng.pick(DISPUTE_CLAIMS),
    resolution_reason: resolvedAt === null ? null : rng.pick(DISPUTE_RESOLUTIONS),
    resolved_by: resolvedAt === null ? null : ctx.input.personas.admin,
    created_at: new Date(at),
    disputed_at: disputedAt === null ? null : new Date(disputedAt),
    resolved_at: resolvedAt === null ? null : new Date(resolvedAt),
  })
}

/** The kinds of identity key (email, phone, …) the two records of one person share. */
function matchedOn(holder: Candidate, claimantRecord: Candidate) {
  const matched = new Set(
    identityKeysOf({ ...holder.contacts, country: holder.country }).map((k) => `${k.kind}:${k.value}`),
  )
  return identityKeysOf({ ...claimantRecord.contacts, country: claimantRecord.country })
    .filter((k) => matched.has(`${k.kind}:${k.value}`))
    .map((k) => k.kind)
}
