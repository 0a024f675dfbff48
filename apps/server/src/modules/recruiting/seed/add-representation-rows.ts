import { RTR_MONTHS } from '../reference/vocabularies.ts'
import { addMonths } from './helpers.ts'
import type { DemoContext, Representation } from './types.ts'

/**
 * The representations' rows, for `RTR_MONTHS` from their start: verified when the candidate had
 * consented by then, unless under dispute (`ownership`, by representation id).
 */
export function addRepresentationRows(
  ctx: DemoContext,
  reps: ReadonlyMap<string, Representation>,
  ownership: ReadonlyMap<string, string>,
) {
  for (const rep of [...reps.values()].sort((a, b) => a.start - b.start)) {
    const expires = addMonths(rep.start, RTR_MONTHS)
    ctx.plan.representations.push({
      id: rep.id,
      candidate_id: rep.candidate.id,
      recruiter_id: rep.candidate.recruiter.id,
      company_id: rep.company.id,
      starts_at: new Date(rep.start),
      expires_at: new Date(expires),
      status: expires > ctx.anchor ? 'active' : 'expired',
      ownership:
        ownership.get(rep.id) ??
        (rep.candidate.consentAt !== null && rep.candidate.consentAt <= rep.start ? 'verified' : 'pending'),
      created_at: new Date(rep.start),
    })
  }
}
