import { defaultSplits, type SplitShare } from '../placements/splits.ts'
import { FEE_RULE_VERSION } from '../reference/vocabularies.ts'
import { roundTo } from './helpers.ts'
import { DAY_MS, HOUR_MS, isoDate, type Rng, startOfDay } from './prng.ts'
import type { App, DemoContext, Recruiter, Role } from './types.ts'
import { FALL_OFF_REASONS } from './words.ts'

/** Which placements are out of the ordinary. */
interface Fates {
  /** The candidate left within the guarantee (only placements that started a while ago). */
  fellOff: Set<App>
  /** A sourcer shares the fee. */
  threeWay: Set<App>
  /** A split partner has not agreed yet. */
  pending: Set<App>
}

/** A placement for every hire, on the role's terms, with its split agreement. */
export function generatePlacements(ctx: DemoContext, apps: readonly App[], activeRecruiters: Recruiter[]) {
  const rng = ctx.rng.placements
  const hiredApps = apps.filter((a) => a.hire)
  const fates = placementFates(ctx, rng, hiredApps)
  for (const app of hiredApps) addPlacement(ctx, rng, app, fates, activeRecruiters)
}

function placementFates(ctx: DemoContext, rng: Rng, hiredApps: App[]): Fates {
  const started = hiredApps.filter((a) => a.hire!.at + 14 * DAY_MS < ctx.daysAgo(20))
  const fellOff = new Set(rng.sample(started, Math.max(1, Math.round(hiredApps.length * 0.05))))
  const threeWay = new Set(rng.sample(hiredApps, Math.max(1, Math.round(hiredApps.length * 0.08))))
  const multi = hiredApps.filter(
    (a) => threeWay.has(a) || (a.role.jobOwner && a.role.jobOwner !== a.candidate.recruiter),
  )
  const pending = new Set(
    rng.sample(multi, Math.max(Math.min(3, multi.length), Math.round(multi.length * 0.2))),
  )
  return { fellOff, threeWay, pending }
}

function addPlacement(ctx: DemoContext, rng: Rng, app: App, fates: Fates, activeRecruiters: Recruiter[]) {
  const { anchor } = ctx
  const hire = app.hire!
  const role = app.role
  const hiredAt = hire.at
  const startMs = startOfDay(Math.min(anchor, hiredAt + rng.int(14, 42) * DAY_MS))
  const step = role.currency === 'ILS' ? 5000 : 1000
  const salary = roundTo(rng.float(role.minMajor, role.maxMajor) * rng.float(0.98, 1.04), step)
  const id = ctx.uuid(hiredAt)
  const splits = splitsFor(rng, app, fates.threeWay.has(app), activeRecruiters)
  const isPending = splits.length > 1 && fates.pending.has(app)
  let updated = addSplitRows(ctx, rng, id, hiredAt, splits, isPending)
  let fell: { on: string; reason: string } | null = null
  if (fates.fellOff.has(app)) {
    const maxDays = Math.min(role.guaranteeDays - 1, Math.floor((anchor - startMs) / DAY_MS) - 1)
    const on = startMs + rng.int(Math.min(7, maxDays), maxDays) * DAY_MS
    fell = { on: isoDate(on), reason: rng.pick(FALL_OFF_REASONS) }
    updated = Math.max(updated, on + 10 * HOUR_MS)
  }
  ctx.plan.placements.push({
    id,
    application_id: app.id,
    role_id: role.id,
    company_id: role.company.id,
    candidate_id: app.candidate.id,
    base_salary: BigInt(salary) * 100n,
    currency: role.currency,
    start_date: isoDate(startMs),
    guarantee_days: role.guaranteeDays,
    guarantee_ends_on: isoDate(startMs + role.guaranteeDays * DAY_MS),
    fee_rate_bps: role.feeBps,
    fee_rule_version: FEE_RULE_VERSION,
    payment_terms: role.company.paymentTerms,
    status: fell ? 'fell_off' : 'active',
    split_status: isPending ? 'pending' : 'agreed',
    fell_off_on: fell?.on ?? null,
    fall_off_reason: fell?.reason ?? null,
    created_by: hire.by.userId,
    created_at: new Date(hiredAt),
    updated_at: new Date(Math.min(anchor, updated)),
  })
}

/** The default split, or (for a three-way placement) one with a sourcer taking a share. */
function splitsFor(rng: Rng, app: App, threeWay: boolean, activeRecruiters: Recruiter[]): SplitShare[] {
  const role: Role = app.role
  const recruiter = app.candidate.recruiter
  const splits = defaultSplits(recruiter.id, role.jobOwner?.id ?? null)
  if (!threeWay) return splits
  const sourcer = rng.pick(activeRecruiters.filter((r) => r !== recruiter && r !== role.jobOwner))
  return splits.length === 2
    ? [
        { fee_role: 'candidate_recruiter', recruiter_id: recruiter.id, share_bps: 4000 },
        { fee_role: 'job_owner', recruiter_id: role.jobOwner!.id, share_bps: 4000 },
        { fee_role: 'candidate_sourcer', recruiter_id: sourcer.id, share_bps: 2000 },
      ]
    : [
        { fee_role: 'candidate_recruiter', recruiter_id: recruiter.id, share_bps: 7000 },
        { fee_role: 'candidate_sourcer', recruiter_id: sourcer.id, share_bps: 3000 },
      ]
}

/**
 * The split rows: the candidate's recruiter agrees at the hire, the others within a few days, or
 * not yet if `isPending`. Returns when the agreement last changed.
 */
function addSplitRows(
  ctx: DemoContext,
  rng: Rng,
  placementId: string,
  hiredAt: number,
  splits: SplitShare[],
  isPending: boolean,
): number {
  const lone = splits.length === 1
  let updated = hiredAt
  splits.forEach((s, i) => {
    const agreedAt = lone
      ? hiredAt
      : isPending && i > 0
        ? null
        : Math.min(ctx.anchor - 60_000, hiredAt + (i === 0 ? 0 : rng.int(2, 120) * HOUR_MS))
    if (agreedAt !== null) updated = Math.max(updated, agreedAt)
    ctx.plan.placementSplits.push({
      id: ctx.uuid(hiredAt),
      placement_id: placementId,
      fee_role: s.fee_role,
      recruiter_id: s.recruiter_id,
      share_bps: s.share_bps,
      agreed_at: agreedAt === null ? null : new Date(agreedAt),
    })
  })
  return updated
}
