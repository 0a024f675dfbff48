import { identityKeysOf, keyHash } from '../candidates/identity-keys.ts'
import type { Candidate, DemoContext } from './types.ts'

/**
 * The candidates' rows, contacts and identity keys (keyed digests of their contacts, which is how
 * the marketplace spots one person recorded twice). Sorts `candidates` by creation time.
 */
export function addCandidateRows(ctx: DemoContext, candidates: Candidate[]) {
  candidates.sort((a, b) => a.createdAt - b.createdAt)
  for (const c of candidates) {
    ctx.plan.candidates.push(c.row)
    ctx.plan.candidateContacts.push(c.contacts)
    for (const k of identityKeysOf({ ...c.contacts, country: c.country })) {
      ctx.plan.identityKeys.push({
        candidate_id: c.id,
        recruiter_id: c.recruiter.id,
        kind: k.kind,
        key_hash: keyHash(ctx.input.secret, k),
      })
    }
  }
}
