import { addDuplicateRecords, DUPLICATE_PAIRS } from './add-duplicate-records.ts'
import { DEMO_SIZE } from './demo-size.ts'
import { apportion } from './helpers.ts'
import { makeCandidate } from './make-candidate.ts'
import { emptyContactRegistry } from './make-contacts.ts'
import { HOUR_MS, type Rng } from './prng.ts'
import type { Candidate, CandidatePool, DemoContext, RecruiterPool } from './types.ts'

/**
 * Every recruiter's candidates (Rachel's include Noa, the candidate persona), then a few people a
 * second recruiter recorded again.
 */
export function generateCandidates(ctx: DemoContext, recruiters: RecruiterPool): CandidatePool {
  const rng = ctx.rng.candidates
  const counts = candidatesPerRecruiter(ctx, rng, recruiters)
  const registry = emptyContactRegistry()
  const all: Candidate[] = []
  // Noa, the candidate persona, is one of Rachel's, under the address she signs in with
  const noa = makeCandidate(ctx, rng, registry, recruiters.rachel, {
    person: { first: 'Noa', last: 'Levi', name: 'Noa Levi' },
    fn: 'design',
    seniority: 'senior',
    country: 'IL',
    createdAt: ctx.daysAgo(150) + 10 * HOUR_MS,
    consent: true,
  })
  all.push(noa)
  noa.row.current_title = 'Senior Product Designer'
  noa.row.location = 'Tel Aviv, Israel'
  noa.contacts.email = 'noa@candidate.demo'
  recruiters.all.forEach((r, i) => {
    for (let k = r === recruiters.rachel ? 1 : 0; k < counts[i]!; k++)
      all.push(makeCandidate(ctx, rng, registry, r, {}))
  })
  const { holders, duplicates } = addDuplicateRecords(ctx, rng, registry, all, noa, recruiters)
  return { all, noa, holders, duplicates }
}

/**
 * How many candidates each recruiter holds, in the order of `recruiters.all`: the personas a
 * fixed share, the others by their plan, whether active, and chance.
 */
function candidatesPerRecruiter(ctx: DemoContext, rng: Rng, recruiters: RecruiterPool): number[] {
  const { size } = ctx
  const base = size.candidates - DUPLICATE_PAIRS
  const weights = recruiters.all
    .slice(2)
    .map(
      (r) =>
        Math.exp(rng.gauss() * 0.6) *
        (r.tier === 'partner' ? 1.4 : r.tier === 'pro' ? 1 : 0.7) *
        (r.active ? 1 : 0.5),
    )
  const rachelCount = Math.round(40 * (size.candidates / DEMO_SIZE.candidates)) || 10
  const tomCount = Math.round(32 * (size.candidates / DEMO_SIZE.candidates)) || 8
  return [rachelCount, tomCount, ...apportion(base - rachelCount - tomCount, weights)]
}
