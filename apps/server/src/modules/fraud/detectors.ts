/**
 * The detectors' arithmetic, pure and deterministic (property-tested in detectors.test.ts). Each
 * verdict says in words and numbers why it fired; the consumers feed them from fraud's own working
 * set and write what they return.
 */

export const DETECTOR_VERSION = 'fraud-detectors@1'

export type Severity = 'low' | 'medium' | 'high' | 'critical'

export interface Verdict {
  severity: Severity
  confidence: number
  explanation: string
  evidence: Record<string, unknown>
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** Median absolute deviation. */
export function mad(xs: readonly number[]): number {
  const m = median(xs)
  return median(xs.map((x) => Math.abs(x - m)))
}

/**
 * Robust z-score of x against a sample: (x − median) / (1.4826 · MAD), the MAD floored at `floor`
 * so that a perfectly regular history (MAD 0) does not make every small step infinite.
 */
export function robustZ(x: number, sample: readonly number[], floor = 1): number {
  const scale = Math.max(1.4826 * mad(sample), floor)
  return (x - median(sample)) / scale
}

const clampPct = (x: number) => Math.max(0, Math.min(100, Math.round(x)))
const round2 = (x: number) => Math.round(x * 100) / 100

// ---------------------------------------------------------------------------- velocity

export interface VelocityInput {
  lastHour: number
  lastDay: number
  /** The recruiter's own submissions per day over the previous 30 days (zeros included). */
  ownDaily: readonly number[]
  /** Every active recruiter's submissions in the last 24 hours (the network). */
  networkDaily: readonly number[]
}

export const VELOCITY = { minDay: 25, minHour: 12, z: 5 }

/**
 * A recruiter submitting far more than their own history and the network: the day's count is a
 * robust z ≥ 5 above their own daily median AND above the network's, and at least 25 a day (or 12
 * in one hour, against an hourly norm of a 24th of the day's).
 */
export function velocityVerdict(v: VelocityInput): Verdict | null {
  const zOwn = robustZ(v.lastDay, v.ownDaily, 2)
  const zNet = robustZ(v.lastDay, v.networkDaily, 2)
  const hourNorm = v.ownDaily.map((d) => d / 24)
  const zHour = robustZ(v.lastHour, hourNorm, 1)
  const dayHit = v.lastDay >= VELOCITY.minDay && zOwn >= VELOCITY.z && zNet >= VELOCITY.z
  const hourHit = v.lastHour >= VELOCITY.minHour && zHour >= VELOCITY.z && zNet >= VELOCITY.z / 2
  if (!dayHit && !hourHit) return null
  const z = Math.max(zOwn, zHour)
  const severity: Severity = z >= 15 && zNet >= 10 ? 'high' : 'medium'
  return {
    severity,
    confidence: clampPct(50 + Math.min(z, zNet) * 3),
    explanation: `${v.lastDay} submissions in 24 hours (${v.lastHour} in the last hour) against a usual ${median(v.ownDaily)} a day for this recruiter (robust z ${round2(zOwn)}) and a network median of ${median(v.networkDaily)} (robust z ${round2(zNet)}).`,
    evidence: {
      last_hour: v.lastHour,
      last_day: v.lastDay,
      own_daily_median: median(v.ownDaily),
      own_daily_mad: mad(v.ownDaily),
      network_daily_median: median(v.networkDaily),
      network_daily_mad: mad(v.networkDaily),
      z_own: round2(zOwn),
      z_hour: round2(zHour),
      z_network: round2(zNet),
    },
  }
}

// ---------------------------------------------------------------------------- automated behaviour

export const AUTOMATION = { minActions: 12, maxMeanSeconds: 90, maxCv: 0.1 }

/**
 * Inhuman timing: the last ≥ 12 actions came at near-constant short intervals — mean under 90 s
 * and a coefficient of variation (sd / mean) under 0.1. People pause, re-read, get coffee.
 */
export function automationVerdict(times: readonly Date[]): Verdict | null {
  if (times.length < AUTOMATION.minActions) return null
  const t = [...times].map((d) => d.getTime()).sort((a, b) => a - b)
  const gaps = t.slice(1).map((x, i) => (x - t[i]!) / 1000)
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length
  if (mean <= 0 || mean > AUTOMATION.maxMeanSeconds) return null
  const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length)
  const cv = sd / mean
  if (cv >= AUTOMATION.maxCv) return null
  return {
    severity: cv < 0.03 ? 'critical' : 'high',
    confidence: clampPct(100 - cv * 400),
    explanation: `${t.length} actions ${round2(mean)} s apart on average with a spread of only ${round2(sd)} s (coefficient of variation ${round2(cv)}, people are above ${AUTOMATION.maxCv}).`,
    evidence: { actions: t.length, mean_interval_s: round2(mean), sd_interval_s: round2(sd), cv: round2(cv) },
  }
}

// ---------------------------------------------------------------------------- duplicates

export interface DuplicateInput {
  recruiterId: string
  companyId: string
  roleId: string
  others: readonly {
    candidate_id: string
    recruiter_id: string
    matched_on: readonly string[]
    applications: readonly { application_id: string; role_id: string; company_id: string }[]
  }[]
}

const STRONG = new Set(['email', 'phone', 'linkedin', 'github'])

/**
 * The same person under a different candidate record was already submitted to the same company:
 * by the same recruiter (a second record to get round "already submitted") → high; by another
 * recruiter (the representation check was dodged with altered contacts) → medium, high when the
 * role is the same too.
 */
export function duplicateVerdict(d: DuplicateInput): (Verdict & { otherIds: string[] }) | null {
  const hits = d.others.flatMap((o) =>
    o.applications
      .filter((a) => a.company_id === d.companyId)
      .map((a) => ({
        ...a,
        candidate_id: o.candidate_id,
        recruiter_id: o.recruiter_id,
        matched_on: o.matched_on,
      })),
  )
  if (hits.length === 0) return null
  const sameRecruiter = hits.some((h) => h.recruiter_id === d.recruiterId)
  const sameRole = hits.some((h) => h.role_id === d.roleId)
  const strong = hits.some((h) => h.matched_on.some((m) => STRONG.has(m)))
  const severity: Severity = sameRecruiter || sameRole ? 'high' : 'medium'
  return {
    severity,
    confidence: strong ? 95 : 70,
    explanation: `The same person (matched on ${[...new Set(hits.flatMap((h) => h.matched_on))].join(', ')}) was already submitted to this company ${hits.length} time(s) under ${new Set(hits.map((h) => h.candidate_id)).size} other candidate record(s)${sameRecruiter ? ', by this same recruiter' : ' by another recruiter'}${sameRole ? ', to the same role' : ''}.`,
    evidence: { earlier_submissions: hits, same_recruiter: sameRecruiter, same_role: sameRole },
    otherIds: [...new Set(hits.map((h) => h.application_id))],
  }
}

// ---------------------------------------------------------------------------- circular sharing

export interface Edge {
  from: string
  to: string
}

/**
 * A shortest cycle through `start` in the directed graph of who passed a person to whom (A → B:
 * B submitted someone A had submitted first), breadth-first, at most `maxLength` hops. Returns the
 * ring as [start, …, start] or null.
 */
export function cycleThrough(start: string, edges: readonly Edge[], maxLength = 6): string[] | null {
  const out = new Map<string, string[]>()
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to])
  const prev = new Map<string, string>()
  let frontier = [start]
  for (let depth = 0; depth < maxLength && frontier.length; depth++) {
    const next: string[] = []
    for (const node of frontier) {
      for (const to of out.get(node) ?? []) {
        if (to === start) {
          if (depth === 0) continue // a self-loop is not a ring
          const path = [node]
          while (path[0] !== start) path.unshift(prev.get(path[0]!)!)
          return [...path, start]
        }
        if (!prev.has(to)) {
          prev.set(to, node)
          next.push(to)
        }
      }
    }
    frontier = next
  }
  return null
}

export function ringVerdict(ring: readonly string[], edgeCount: number): Verdict {
  const members = ring.length - 1
  return {
    severity: members >= 3 ? 'high' : 'medium',
    confidence: clampPct(55 + members * 10 + Math.min(edgeCount, 10) * 2),
    explanation: `${members} recruiters pass candidates round in a ring (${ring.map((r) => r.slice(-8)).join(' → ')}): each submitted people the previous one had submitted first.`,
    evidence: { ring, members, edges_in_neighbourhood: edgeCount },
  }
}

// ---------------------------------------------------------------------------- profile manipulation

export const IDENTITY_FIELDS = ['email', 'phone', 'full_name', 'linkedin_url', 'github_url']
export const MANIPULATION_WINDOW_HOURS = 48

/** Identity fields edited within 48 hours of being refused as a duplicate. */
export function manipulationVerdict(
  changed: readonly string[],
  blockedAt: Date | null,
  now: Date,
): Verdict | null {
  const fields = changed.filter((c) => IDENTITY_FIELDS.includes(c))
  if (!blockedAt || fields.length === 0) return null
  const hours = (now.getTime() - blockedAt.getTime()) / 3_600_000
  if (hours < 0 || hours > MANIPULATION_WINDOW_HOURS) return null
  return {
    severity: fields.length >= 2 || hours < 1 ? 'high' : 'medium',
    confidence: clampPct(90 - hours + fields.length * 5),
    explanation: `${fields.join(', ')} changed ${round2(hours)} hours after this recruiter was refused a submission as a duplicate: edits that would make the record stop matching its duplicate.`,
    evidence: { fields, hours_after_block: round2(hours), blocked_at: blockedAt.toISOString() },
  }
}

// ---------------------------------------------------------------------------- fees and splits

export const FEE = { z: 4, minDiffBps: 500 }

/** A placement's fee rate far from the company's own placements and the network's. */
export function feeVerdict(
  feeBps: number,
  companyFees: readonly number[],
  networkFees: readonly number[],
): Verdict | null {
  const norm = companyFees.length >= 3 ? companyFees : networkFees
  if (norm.length < 3) return null
  const z = robustZ(feeBps, norm, 100)
  const diff = feeBps - median(norm)
  if (Math.abs(z) < FEE.z || Math.abs(diff) < FEE.minDiffBps) return null
  return {
    severity: Math.abs(z) >= 8 ? 'high' : 'medium',
    confidence: clampPct(50 + Math.abs(z) * 5),
    explanation: `A fee of ${feeBps / 100}% against a ${companyFees.length >= 3 ? 'company' : 'network'} norm of ${median(norm) / 100}% (robust z ${round2(z)}, ${norm.length} placements).`,
    evidence: {
      fee_rate_bps: feeBps,
      norm: companyFees.length >= 3 ? 'company' : 'network',
      norm_median_bps: median(norm),
      norm_mad_bps: mad(norm),
      norm_size: norm.length,
      z: round2(z),
    },
  }
}

export interface Split {
  fee_role: string
  recruiter_id: string
  share_bps: number
}

/**
 * Shares that do not add up to 100%, one recruiter listed twice, or a share under 1% (a name put on
 * a placement for a cut of nothing, or to route money).
 */
export function splitVerdict(splits: readonly Split[]): Verdict | null {
  const total = splits.reduce((a, s) => a + s.share_bps, 0)
  const ids = splits.map((s) => s.recruiter_id)
  const repeated = ids.filter((r, i) => ids.indexOf(r) !== i)
  const tiny = splits.filter((s) => s.share_bps < 100)
  const problems: string[] = []
  if (splits.length && total !== 10_000) problems.push(`the shares add up to ${total / 100}%, not 100%`)
  if (repeated.length) problems.push(`${repeated.length} recruiter(s) listed twice`)
  if (tiny.length) problems.push(`${tiny.length} share(s) under 1%`)
  if (problems.length === 0) return null
  return {
    severity: total !== 10_000 && splits.length ? 'critical' : repeated.length ? 'high' : 'low',
    confidence: total !== 10_000 ? 99 : 80,
    explanation: `Unusual split: ${problems.join('; ')}.`,
    evidence: { splits, total_bps: total, repeated_recruiters: repeated, tiny_shares: tiny.length },
  }
}
