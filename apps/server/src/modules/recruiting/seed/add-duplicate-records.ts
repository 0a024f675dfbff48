import { makeCandidate } from './make-candidate.ts'
import type { ContactRegistry } from './make-contacts.ts'
import { DAY_MS, type Rng } from './prng.ts'
import type { Candidate, DemoContext, RecruiterPool } from './types.ts'

/** How many people a second recruiter records again (the ownership disputes' material). */
export const DUPLICATE_PAIRS = 8

/**
 * The same people recorded by a second recruiter: e-mail written differently, or the same phone.
 * Appends the second records to `candidates`; `duplicates[i]` is the second record of `holders[i]`.
 */
export function addDuplicateRecords(
  ctx: DemoContext,
  rng: Rng,
  registry: ContactRegistry,
  candidates: Candidate[],
  noa: Candidate,
  recruiters: RecruiterPool,
): { holders: Candidate[]; duplicates: Candidate[] } {
  const holders = pickHolders(ctx, rng, candidates, noa, recruiters)
  const duplicates = holders.map((holder, i) => {
    const { rachel } = recruiters
    const claimant =
      i === 0 ? rachel : rng.pick(recruiters.active.filter((r) => r !== holder.recruiter && r !== rachel))
    const createdAt = Math.min(ctx.daysAgo(8), holder.createdAt + rng.int(20, 90) * DAY_MS)
    const d = makeCandidate(ctx, rng, registry, claimant, {
      person: holder.person,
      fn: holder.fn,
      seniority: holder.seniority,
      country: holder.country,
      createdAt,
      consent: true,
    })
    candidates.push(d)
    d.duplicateOf = holder
    retypeContacts(ctx, d, holder, i)
    return d
  })
  return { holders, duplicates }
}

/** Consenting candidates of active recruiters, recorded long enough ago; one of them Rachel's. */
function pickHolders(
  ctx: DemoContext,
  rng: Rng,
  candidates: Candidate[],
  noa: Candidate,
  { rachel }: RecruiterPool,
): Candidate[] {
  const holders = rng
    .shuffle(candidates.filter((c) => c.consentAt !== null && c.createdAt < ctx.daysAgo(120) && c !== noa))
    .filter((c) => c.recruiter.active)
  const rachelHolder = holders.find((c) => c.recruiter === rachel)
  const picked = [
    ...(rachelHolder ? [rachelHolder] : []),
    ...holders.filter((c) => c.recruiter !== rachel).slice(0, DUPLICATE_PAIRS),
  ].slice(0, DUPLICATE_PAIRS)
  // order: [0] Rachel is the claimant, [4] Rachel is the holder (see the disputes)
  if (rachelHolder) {
    picked.splice(picked.indexOf(rachelHolder), 1)
    picked.splice(4, 0, rachelHolder)
  }
  return picked
}

/**
 * The second record's contacts as the second recruiter typed them: 0 the same e-mail with a
 * sub-address; 1 another e-mail but the same phone; 2 e-mail, phone and LinkedIn profile all the same.
 */
function retypeContacts(ctx: DemoContext, d: Candidate, holder: Candidate, i: number) {
  const [local, domain] = holder.contacts.email!.split('@') as [string, string]
  const phone = holder.contacts.phone ?? null
  const variant = i % 3 === 1 && !phone ? 0 : i % 3
  d.contacts.email = variant === 1 ? `${local}.cv@${domain}` : `${local}+jobs@${domain}`
  d.contacts.phone = variant === 0 ? null : phone
  d.contacts.linkedin_url = variant === 2 ? holder.contacts.linkedin_url : null
  d.contacts.github_url = null
  ctx.usedEmails.add(d.contacts.email)
}
