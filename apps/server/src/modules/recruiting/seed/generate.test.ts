import { describe, expect, it } from 'vitest'
import {
  ROLE_TRANSITIONS,
  type RoleStatus,
  STAGE_TRANSITIONS,
  type Stage,
} from '../reference/vocabularies.ts'
import { DEMO_SIZE, type DemoInput, generateDemoMarketplace } from './generate.ts'
import { DAY_MS } from './prng.ts'

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`
const input: DemoInput = {
  now: new Date('2026-06-01T08:30:00Z'),
  secret: 'test-secret',
  personas: { admin: id(1), dana: id(2), eli: id(3), rachel: id(4), tom: id(5) },
  orgs: { splits: id(11), acme: id(12), talentbridge: id(13) },
}
const plan = generateDemoMarketplace(input)
const A = plan.anchor.getTime()
const ms = (d: Date | string | null | undefined) => new Date(d as Date).getTime()

describe('demo marketplace generator', () => {
  it('makes the same rows on every run, and the same again later the same day', () => {
    const again = generateDemoMarketplace({ ...input, now: new Date('2026-06-01T23:59:00Z') })
    expect(JSON.stringify(again, (_, v) => (typeof v === 'bigint' ? v.toString() : v))).toBe(
      JSON.stringify(plan, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
    )
    expect(plan.anchor.toISOString()).toBe('2026-06-01T00:00:00.000Z')
  })

  it('has the demo’s sizes', () => {
    expect(plan.companies).toHaveLength(20)
    expect(plan.roles).toHaveLength(DEMO_SIZE.roles)
    expect(plan.recruiters.length + plan.recruiterUpdates.length).toBe(DEMO_SIZE.recruiters)
    expect(plan.candidates).toHaveLength(DEMO_SIZE.candidates)
    expect(plan.applications).toHaveLength(DEMO_SIZE.applications)
    expect(plan.placements).toHaveLength(DEMO_SIZE.placements)
    expect(plan.disputes.length).toBeGreaterThanOrEqual(4)
  })

  it('dates everything within the last twelve months, none after the anchor', () => {
    const dates = [
      ...plan.roles.flatMap((r) => [r.created_at, r.opened_at, r.closed_at, r.updated_at]),
      ...plan.candidates.flatMap((c) => [c.created_at, c.consent_given_at]),
      ...plan.stageHistory.map((h) => h.changed_at),
      ...plan.placements.flatMap((p) => [p.created_at, p.updated_at]),
      ...plan.disputes.flatMap((d) => [d.created_at, d.disputed_at, d.resolved_at]),
    ].filter(Boolean)
    for (const d of dates) {
      expect(ms(d)).toBeLessThanOrEqual(A)
      expect(ms(d)).toBeGreaterThan(A - 366 * DAY_MS)
    }
  })

  it('walks each role through allowed statuses and takes submissions only while open', () => {
    const roleById = new Map(plan.roles.map((r) => [r.id, r]))
    const history = new Map<string, typeof plan.roleHistory>()
    for (const h of plan.roleHistory) history.set(h.role_id, [...(history.get(h.role_id) ?? []), h])
    const windows = new Map<string, [number, number][]>()
    for (const role of plan.roles) {
      const steps = history.get(role.id!)!.filter((h) => h.change === 'status_changed')
      let status: RoleStatus = 'draft'
      let openedAt: number | null = null
      const w: [number, number][] = []
      for (const h of steps) {
        const before = JSON.parse(h.before as string).status as RoleStatus
        const after = JSON.parse(h.after as string).status as RoleStatus
        expect(before).toBe(status)
        expect(ROLE_TRANSITIONS[before]).toContain(after)
        if (after === 'open') openedAt = ms(h.changed_at)
        else if (openedAt !== null) {
          w.push([openedAt, ms(h.changed_at)])
          openedAt = null
        }
        status = after
      }
      if (openedAt !== null) w.push([openedAt, A])
      expect(status).toBe(role.status)
      expect(role.version).toBe(1 + steps.length)
      expect(role.salary_min! <= role.salary_max!).toBe(true)
      windows.set(role.id!, w)
    }
    const seen = new Set<string>()
    for (const a of plan.applications) {
      const role = roleById.get(a.role_id)!
      expect(a.company_id).toBe(role.company_id)
      const at = ms(a.submitted_at)
      expect(windows.get(a.role_id)!.some(([from, to]) => at >= from && at <= to)).toBe(true)
      const key = `${a.role_id}:${a.candidate_id}`
      expect(seen.has(key)).toBe(false)
      seen.add(key)
    }
  })

  it('gives each application a stage history of allowed steps in time order', () => {
    const history = new Map<string, typeof plan.stageHistory>()
    for (const h of plan.stageHistory)
      history.set(h.application_id, [...(history.get(h.application_id) ?? []), h])
    for (const a of plan.applications) {
      const steps = history.get(a.id!)!
      expect(steps[0]).toMatchObject({ from_stage: null, to_stage: 'submitted' })
      expect(ms(steps[0]!.changed_at)).toBe(ms(a.submitted_at))
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]!.from_stage).toBe(steps[i - 1]!.to_stage)
        expect(STAGE_TRANSITIONS[steps[i]!.from_stage as Stage]).toContain(steps[i]!.to_stage)
        expect(ms(steps[i]!.changed_at)).toBeGreaterThan(ms(steps[i - 1]!.changed_at))
      }
      expect(steps.at(-1)!.to_stage).toBe(a.stage)
      expect(ms(steps.at(-1)!.changed_at)).toBe(ms(a.stage_changed_at))
      if (a.stage === 'rejected') expect(a.closed_reason).toBeTruthy()
    }
  })

  it('submits only consenting candidates, represented 12 months from their first submission', () => {
    const candidate = new Map(plan.candidates.map((c) => [c.id, c]))
    const reps = new Map(plan.representations.map((r) => [r.id, r]))
    const active = new Set<string>()
    for (const r of plan.representations) {
      const key = `${r.candidate_id}:${r.company_id}`
      if (r.status === 'active') {
        expect(active.has(key)).toBe(false)
        active.add(key)
      }
    }
    for (const a of plan.applications) {
      const c = candidate.get(a.candidate_id)!
      expect(c.recruiter_id).toBe(a.recruiter_id)
      expect(c.consent_given_at).toBeTruthy()
      expect(ms(c.consent_given_at)).toBeLessThanOrEqual(ms(a.submitted_at))
      const rep = reps.get(a.representation_id)!
      expect(rep).toMatchObject({
        candidate_id: a.candidate_id,
        company_id: a.company_id,
        recruiter_id: a.recruiter_id,
      })
      expect(ms(rep.starts_at)).toBeLessThanOrEqual(ms(a.submitted_at))
      const expires = new Date(ms(rep.starts_at))
      expires.setUTCMonth(expires.getUTCMonth() + 12)
      expect(ms(rep.expires_at)).toBe(expires.getTime())
    }
  })

  it('makes placements on the role’s terms, with splits of exactly 100%', () => {
    const roles = new Map(plan.roles.map((r) => [r.id, r]))
    const apps = new Map(plan.applications.map((a) => [a.id, a]))
    const total = new Map<string, number>()
    for (const s of plan.placementSplits)
      total.set(s.placement_id, (total.get(s.placement_id) ?? 0) + s.share_bps)
    for (const p of plan.placements) {
      const role = roles.get(p.role_id)!
      expect(apps.get(p.application_id)!.stage).toBe('hired')
      expect(total.get(p.id!)).toBe(10_000)
      expect(p).toMatchObject({
        currency: role.salary_currency,
        fee_rate_bps: role.fee_rate_bps,
        guarantee_days: role.guarantee_days,
        fee_rule_version: 'splits-fee-2026.1',
      })
      const start = ms(`${p.start_date}T00:00:00Z`)
      expect(p.guarantee_ends_on).toBe(
        new Date(start + role.guarantee_days! * DAY_MS).toISOString().slice(0, 10),
      )
      expect(start).toBeLessThanOrEqual(A)
      expect(start).toBeGreaterThanOrEqual(A - 245 * DAY_MS)
      expect(Number(p.base_salary)).toBeGreaterThanOrEqual(Number(role.salary_min) * 0.95)
      expect(Number(p.base_salary)).toBeLessThanOrEqual(Number(role.salary_max) * 1.05)
      if (p.status === 'fell_off') {
        expect(p.fell_off_on! >= p.start_date && p.fell_off_on! <= p.guarantee_ends_on).toBe(true)
        expect(p.fall_off_reason).toBeTruthy()
      }
    }
  })

  it('uses e-mail addresses the database accepts, unique per person', () => {
    const emails = plan.people.map((p) => p.email)
    expect(new Set(emails).size).toBe(emails.length)
    for (const e of [...emails, ...plan.candidateContacts.map((c) => c.email!)]) {
      expect(e).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/)
      expect(e).toBe(e.toLowerCase())
    }
    expect(plan.candidateContacts.find((c) => c.email === 'noa@candidate.demo')).toBeDefined()
  })

  it('uses what exists already: Acme’s company record, the personas’ recruiter profiles', () => {
    const acme = { id: id(99), payment_terms: 'net_90' }
    const other = generateDemoMarketplace({
      ...input,
      existingAcme: acme,
      existingRecruiters: new Map([
        [input.personas.rachel, id(41)],
        [input.personas.tom, id(42)],
      ]),
    })
    expect(other.companies).toHaveLength(19)
    expect(other.companies.some((c) => c.organization_id === input.orgs.acme)).toBe(false)
    expect(other.roles.filter((r) => r.company_id === acme.id).length).toBeGreaterThan(10)
    for (const p of other.placements.filter((p) => p.company_id === acme.id))
      expect(p.payment_terms).toBe('net_90')
    expect(other.recruiters).toHaveLength(DEMO_SIZE.recruiters - 2)
    expect(other.recruiterUpdates.map((u) => u.id).sort()).toEqual([id(41), id(42)])
    expect(other.candidates.filter((c) => c.recruiter_id === id(41)).length).toBeGreaterThanOrEqual(36)
  })
})
