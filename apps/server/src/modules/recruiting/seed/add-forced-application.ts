import type { Stage } from '../reference/vocabularies.ts'
import { type ApplicationBook, addApplication } from './add-application.ts'
import { canSee, pickTime, windowsOf } from './helpers.ts'
import type { App, Candidate, Recruiter, Role } from './types.ts'

/** How many days ago an application that ended up at a stage was submitted, as [least, most]. */
const AGE_FOR: Record<string, readonly [number, number]> = {
  submitted: [0.1, 6],
  screening: [3, 20],
  interview: [7, 40],
  offer: [14, 60],
  rejected: [5, 120],
  withdrawn: [5, 120],
}

/**
 * An application by `r` that ends at `final`, to an open role `r` can see (one that `prefer`s, or
 * in `r`'s functions, if possible), of `candidate` or of someone of `r`'s. Null if none fits.
 */
export function addForcedApplication(
  book: ApplicationBook,
  roles: Role[],
  r: Recruiter,
  final: Stage,
  candidate?: Candidate,
  prefer?: (role: Role) => boolean,
): App | null {
  const { ctx, rng, picker } = book
  const [a0, a1] = AGE_FOR[final]!
  const pool = roles.filter((role) => role.status === 'open' && canSee(r, role))
  const ordered = [
    ...rng.shuffle(pool.filter((role) => (prefer ? prefer(role) : r.functions.includes(role.fn)))),
    ...rng.shuffle(pool),
  ]
  for (const role of ordered) {
    const t0 = pickTime(rng, windowsOf(role, ctx.anchor), ctx.daysAgo(a1), ctx.daysAgo(a0))
    if (t0 === null) continue
    const c = candidate ?? picker.pick(role, t0, r)
    // scripted applications may go past the usual limit of four per candidate
    if (!c || !picker.eligible(c, role, t0, 6)) continue
    return addApplication(book, role, c, t0, final)
  }
  return null
}
