import type { Stage } from '../reference/vocabularies.ts'
import { type ApplicationBook, addApplication } from './add-application.ts'
import { addForcedApplication } from './add-forced-application.ts'
import { CandidatePicker } from './candidate-picker.ts'
import { canSee, pickTime, windowsOf } from './helpers.ts'
import { DAY_MS } from './prng.ts'
import type {
  App,
  Candidate,
  CandidatePool,
  DemoContext,
  Hire,
  Recruiter,
  RecruiterPool,
  Role,
} from './types.ts'

/**
 * The applications: first one for every hire, then the personas' scripted pipelines and the
 * duplicate records' holders' applications, then the rest of the marketplace up to the demo's size.
 * `holderApps` are the holders' applications, which the ownership disputes are about.
 */
export function generateApplications(
  ctx: DemoContext,
  roles: Role[],
  hires: Hire[],
  recruiters: RecruiterPool,
  candidates: CandidatePool,
): { apps: App[]; holderApps: App[] } {
  const rng = ctx.rng.applications
  const book: ApplicationBook = { ctx, rng, picker: new CandidatePicker(rng, candidates.all), apps: [] }
  applyForHires(book, hires, recruiters)
  fillPersonaPipelines(book, roles, recruiters, candidates.noa)
  const holderApps = applyForHolders(book, roles, candidates.holders)
  fillMarketplace(book, roles)
  return { apps: book.apps, holderApps }
}

/** Each hire's application, submitted 3 to 11 weeks before; a few are Rachel's and Tom's. */
function applyForHires(book: ApplicationBook, hires: Hire[], { rachel, tom }: RecruiterPool) {
  const { ctx, rng, picker } = book
  const forcedHires = new Map<Hire, Recruiter>()
  for (const [who, n] of [
    [rachel, 3],
    [tom, 2],
  ] as const) {
    const fits = hires.filter(
      (h) => !forcedHires.has(h) && canSee(who, h.role) && who.functions.includes(h.role.fn),
    )
    for (const h of rng.sample(fits, n)) forcedHires.set(h, who)
  }
  for (const h of hires) {
    const lo = Math.max(h.role.openedAt!, h.at - 80 * DAY_MS)
    const hi = h.at - 21 * DAY_MS
    const t0 = pickTime(rng, windowsOf(h.role, ctx.anchor), lo, hi) ?? lo
    const c =
      picker.pick(h.role, t0, forcedHires.get(h)) ?? picker.pick(h.role, t0) ?? picker.scan(h.role, t0)
    if (!c) throw new Error(`demo data: nobody could be hired for ${h.role.title}`)
    h.recruiter = c.recruiter
    addApplication(book, h.role, c, t0, 'hired', { hire: h })
  }
}

/** Rachel's and Tom's pipelines have something at every stage; Noa has three applications. */
function fillPersonaPipelines(
  book: ApplicationBook,
  roles: Role[],
  recruiters: RecruiterPool,
  noa: Candidate,
) {
  const { rachel, tom } = recruiters
  const forced: [Recruiter, Stage, number][] = [
    [rachel, 'submitted', 3],
    [rachel, 'screening', 3],
    [rachel, 'interview', 3],
    [rachel, 'offer', 2],
    [rachel, 'rejected', 3],
    [rachel, 'withdrawn', 2],
    [tom, 'submitted', 2],
    [tom, 'screening', 2],
    [tom, 'interview', 2],
    [tom, 'offer', 1],
    [tom, 'rejected', 2],
    [tom, 'withdrawn', 1],
  ]
  for (const [r, stage, n] of forced) for (let i = 0; i < n; i++) addForcedApplication(book, roles, r, stage)
  const acme = (role: Role) => role.company.spec.slug === 'acme-robotics'
  addForcedApplication(book, roles, rachel, 'interview', noa, (role) => role.fn === 'design' && acme(role))
  addForcedApplication(book, roles, rachel, 'submitted', noa, (role) => role.fn === 'design' && !acme(role))
  addForcedApplication(
    book,
    roles,
    rachel,
    'rejected',
    noa,
    (role) => role.fn === 'design' || role.fn === 'product',
  )
}

/** The holders of duplicate records are represented somewhere: the disputes' subject. */
function applyForHolders(book: ApplicationBook, roles: Role[], holders: Candidate[]): App[] {
  const holderApps: App[] = []
  holders.forEach((holder) => {
    const app = addForcedApplication(
      book,
      roles,
      holder.recruiter,
      book.rng.pick(['submitted', 'screening', 'interview'] as const),
      holder,
      (role) => role.fn === holder.fn,
    )
    if (app) holderApps.push(app)
  })
  return holderApps
}

/** The rest: roles drawn by their appeal and how long they took submissions; later stages for older ones. */
function fillMarketplace(book: ApplicationBook, roles: Role[]) {
  const { ctx, rng, picker } = book
  const { anchor, size } = ctx
  const roleWeights = roles
    .filter((r) => r.openedAt !== null)
    .map((r) => {
      const length = windowsOf(r, anchor).reduce((s, [a, b]) => s + (b - a), 0) / DAY_MS
      const closed = r.status === 'filled' || r.status === 'closed'
      return [r, r.weight * Math.max(1, length) ** 0.55 * (closed ? 0.6 : 1)] as const
    })
  for (let guard = 0; book.apps.length < size.applications && guard < size.applications * 20; guard++) {
    const role = rng.weighted(roleWeights)
    const t0 = pickTime(
      rng,
      windowsOf(role, anchor),
      ctx.daysAgo(335),
      anchor - 10 * 60_000,
      role.status === 'open' ? 0.55 : 1,
    )
    if (t0 === null) continue
    const c = picker.pick(role, t0)
    if (!c) continue
    const closedRole = role.status === 'filled' || role.status === 'closed'
    const final: Stage = closedRole
      ? rng.oneOf({ rejected: 85, withdrawn: 15 })
      : stageByAge(book, (anchor - t0) / DAY_MS)
    addApplication(book, role, c, t0, final)
  }
}

/** Where an application to an open role has got to, `ageDays` after its submission. */
function stageByAge({ rng }: ApplicationBook, ageDays: number): Stage {
  if (ageDays < 4) return rng.oneOf({ submitted: 75, screening: 17, rejected: 6, withdrawn: 2 })
  if (ageDays < 14)
    return rng.oneOf({ submitted: 38, screening: 36, interview: 14, rejected: 10, withdrawn: 2 })
  if (ageDays < 45)
    return rng.oneOf({ submitted: 16, screening: 30, interview: 31, offer: 5, rejected: 14, withdrawn: 4 })
  return rng.oneOf({ submitted: 9, screening: 20, interview: 30, offer: 6, rejected: 27, withdrawn: 8 })
}
