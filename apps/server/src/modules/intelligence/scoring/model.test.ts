import { canonicalSkill, SKILLS } from '@app/skills'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCandidateProfile, toRoleProfile } from '../store.ts'
import { auc, fitLogistic, toPoints } from './logistic.ts'
import { combine, DEFAULT_WEIGHTS, FACTORS, scoreMatch, type Weights } from './model.ts'
import type { CandidateProfile, RoleProfile } from './profiles.ts'
import { scoreRecruiterFit } from './recruiter-fit.ts'

const skillIds = SKILLS.map((s) => s.id)
const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'lead', 'executive']
const FUNCTIONS = ['engineering', 'data', 'product', 'sales', 'design']
const COUNTRIES = ['IL', 'US', 'GB', 'DE']
const CURRENCIES = ['USD', 'ILS', 'EUR', 'GBP']

const arbSkills = fc.uniqueArray(fc.constantFrom(...skillIds), { maxLength: 8 })
const arbRole: fc.Arbitrary<RoleProfile> = fc
  .record({
    function: fc.constantFrom(...FUNCTIONS),
    seniority: fc.constantFrom(...SENIORITIES),
    country: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
    location: fc.option(fc.constantFrom('Tel Aviv', 'Haifa', 'London', 'New York'), { nil: null }),
    workMode: fc.constantFrom('onsite', 'hybrid', 'remote'),
    min: fc.integer({ min: 0, max: 30_000_000 }),
    span: fc.integer({ min: 0, max: 10_000_000 }),
    currency: fc.constantFrom(...CURRENCIES),
    skillIds: arbSkills,
  })
  .map((r) => ({
    roleId: '00000000-0000-7000-8000-000000000001',
    function: r.function,
    industry: null,
    seniority: r.seniority,
    country: r.country,
    location: r.location,
    workMode: r.workMode,
    salaryMin: BigInt(r.min),
    salaryMax: BigInt(r.min + r.span),
    salaryCurrency: r.currency,
    skillIds: r.skillIds,
  }))
const arbCand: fc.Arbitrary<CandidateProfile> = fc
  .record({
    function: fc.option(fc.constantFrom(...FUNCTIONS), { nil: null }),
    seniority: fc.option(fc.constantFrom(...SENIORITIES), { nil: null }),
    years: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    country: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
    location: fc.option(fc.constantFrom('Tel Aviv', 'Haifa', 'London', 'New York'), { nil: null }),
    min: fc.option(fc.integer({ min: 0, max: 40_000_000 }), { nil: null }),
    currency: fc.option(fc.constantFrom(...CURRENCIES), { nil: null }),
    skillIds: arbSkills,
  })
  .map((c) => ({
    candidateId: '00000000-0000-7000-8000-000000000002',
    title: null,
    function: c.function,
    seniority: c.seniority,
    yearsExperience: c.years,
    country: c.country,
    location: c.location,
    skillIds: c.skillIds,
    salaryMin: c.min === null ? null : BigInt(c.min),
    salaryMax: null,
    salaryCurrency: c.currency,
  }))
const arbPlaced = fc
  .array(
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.constantFrom(...skillIds), fc.integer({ min: 1, max: 9 })),
    {
      maxLength: 20,
    },
  )
  .map((rows) => {
    const out = new Map<string, Map<string, number>>()
    for (const [fn, s, n] of rows) {
      if (!out.has(fn)) out.set(fn, new Map())
      out.get(fn)!.set(s, n)
    }
    return out
  })
const arbWeights: fc.Arbitrary<Weights> = fc
  .tuple(...FACTORS.map(() => fc.integer({ min: 0, max: 60 })))
  .filter((ws) => ws.some((w) => w > 0))
  .map((ws) => Object.fromEntries(FACTORS.map((f, i) => [f, ws[i]!])) as Weights)

describe('the match score', () => {
  it('is a whole number 0–100 whose factor points add up to it, each within its weight', () => {
    fc.assert(
      fc.property(arbRole, arbCand, arbPlaced, arbWeights, (role, cand, placed, weights) => {
        const s = scoreMatch(role, cand, placed, weights)
        expect(Number.isInteger(s.score)).toBe(true)
        expect(s.score).toBeGreaterThanOrEqual(0)
        expect(s.score).toBeLessThanOrEqual(100)
        expect(s.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(s.score)
        for (const r of s.reasons) {
          expect(r.points).toBeGreaterThanOrEqual(0)
          expect(r.points).toBeLessThanOrEqual(Math.ceil(r.weight))
          expect(r.value).toBeGreaterThanOrEqual(0)
          expect(r.value).toBeLessThanOrEqual(1)
          expect(r.explanation.length).toBeGreaterThan(5)
        }
        expect(s.reasons.map((r) => r.factor)).toEqual([...FACTORS])
        expect(s.confidence).toBeGreaterThanOrEqual(0)
        expect(s.confidence).toBeLessThanOrEqual(100)
      }),
      { numRuns: 400 },
    )
  })

  it('never goes down when the candidate gains one of the role’s skills', () => {
    fc.assert(
      fc.property(arbRole, arbCand, arbPlaced, arbWeights, fc.nat(), (role, cand, placed, weights, pick) => {
        const missing = role.skillIds.filter((s) => !cand.skillIds.includes(s))
        fc.pre(missing.length > 0)
        const gained = { ...cand, skillIds: [...cand.skillIds, missing[pick % missing.length]!] }
        const before = scoreMatch(role, cand, placed, weights)
        const after = scoreMatch(role, gained, placed, weights)
        const skillsBefore = before.reasons.find((r) => r.factor === 'skills')!
        const skillsAfter = after.reasons.find((r) => r.factor === 'skills')!
        expect(skillsAfter.value).toBeGreaterThanOrEqual(skillsBefore.known ? skillsBefore.value : 0)
        // history may move too (the candidate also gained a placed skill), never down
        if (cand.skillIds.length > 0) expect(after.score).toBeGreaterThanOrEqual(before.score)
      }),
      { numRuns: 400 },
    )
  })

  it('never compares pay across currencies, and says so', () => {
    fc.assert(
      fc.property(arbRole, arbCand, (role, cand) => {
        fc.pre(
          cand.salaryMin !== null &&
            cand.salaryCurrency !== null &&
            cand.salaryCurrency !== role.salaryCurrency,
        )
        const salary = scoreMatch(role, cand, new Map()).reasons.find((r) => r.factor === 'salary')!
        expect(salary.known).toBe(false)
        expect(salary.value).toBe(0.5)
        expect(salary.explanation).toContain('Not compared')
        expect(salary.explanation).toContain(cand.salaryCurrency!)
        expect(salary.explanation).toContain(role.salaryCurrency)
      }),
    )
  })

  it('explains a strong match in words and numbers', () => {
    const role: RoleProfile = {
      roleId: 'r',
      function: 'engineering',
      industry: 'fintech',
      seniority: 'senior',
      country: 'IL',
      location: 'Tel Aviv',
      workMode: 'hybrid',
      salaryMin: 40_000_000n,
      salaryMax: 50_000_000n,
      salaryCurrency: 'ILS',
      skillIds: ['React', 'TypeScript', 'GraphQL'].map((n) => canonicalSkill(n)!.id),
    }
    const cand: CandidateProfile = {
      candidateId: 'c',
      title: 'Senior Frontend Engineer',
      function: 'engineering',
      seniority: 'senior',
      yearsExperience: 7,
      country: 'IL',
      location: 'Tel Aviv',
      skillIds: ['React', 'TypeScript', 'Next.js'].map((n) => canonicalSkill(n)!.id),
      salaryMin: 45_000_000n,
      salaryMax: null,
      salaryCurrency: 'ILS',
    }
    const s = scoreMatch(role, cand, new Map())
    const skills = s.reasons.find((r) => r.factor === 'skills')!
    expect(skills.explanation).toMatch(/Has 2 of 3 skills/)
    expect(skills.explanation).toMatch(/missing: GraphQL/)
    expect(s.reasons.find((r) => r.factor === 'location')!.value).toBe(1)
    expect(s.reasons.find((r) => r.factor === 'salary')!.explanation).toMatch(/₪/)
    expect(s.score).toBeGreaterThanOrEqual(60)
    // history is unknown without placements: confidence says the model judged 92% of its weight
    expect(s.confidence).toBe(100 - DEFAULT_WEIGHTS.history)
  })

  it('divides points by largest remainder so they always sum to the rounded total', () => {
    const s = combine(
      FACTORS.map((factor) => ({ factor, value: 1 / 3, known: true, explanation: 'a third' })),
      { skills: 1, function: 1, seniority: 1, location: 1, salary: 1, history: 1 },
    )
    expect(s.score).toBe(33)
    expect(s.reasons.reduce((a, r) => a + r.points, 0)).toBe(33)
  })
})

describe('profiles', () => {
  const PROTECTED = new Set(
    'name gender sex age birth birthday dob photo picture avatar nationality citizenship religion ethnicity race marital'.split(
      ' ',
    ),
  )
  const words = (key: string) => key.split(/(?=[A-Z])|_/).map((w) => w.toLowerCase())

  it('carry no protected attribute (name, gender, age, photo, nationality)', () => {
    const cand = toCandidateProfile({
      id: 'c',
      recruiterId: 'r',
      recruiterUserId: 'u',
      title: 'Data Scientist',
      country: 'IL',
      location: 'Haifa',
      skills: ['Python', 'pandas', 'Haskell'],
      yearsExperience: 4,
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: null,
    })
    const role = toRoleProfile({
      id: 'r',
      companyId: 'c',
      companyOrgId: 'o',
      title: 'Data Scientist',
      description: 'Python, SQL and machine learning',
      function: 'data',
      industry: null,
      seniority: 'mid',
      country: 'IL',
      location: 'Haifa',
      workMode: 'onsite',
      salaryMin: 1n,
      salaryMax: 2n,
      salaryCurrency: 'ILS',
      status: 'open',
      visibility: 'all',
      assignedRecruiterIds: [],
    })
    for (const key of [...Object.keys(cand), ...Object.keys(role)])
      for (const w of words(key)) expect(PROTECTED.has(w), `${key} is a protected attribute`).toBe(false)
    expect(cand.function).toBe('data')
    expect(cand.seniority).toBe('mid')
    expect(cand.skillIds).toEqual(['python', 'pandas', 'raw:haskell'])
    expect(role.skillIds).toContain('python')
  })
})

describe('recruiter fit', () => {
  it('is explained the same way: points sum to the score', () => {
    fc.assert(
      fc.property(
        fc.record({
          functions: fc.subarray(FUNCTIONS),
          industries: fc.subarray(['fintech', 'saas']),
          seniorities: fc.subarray(SENIORITIES),
          locations: fc.subarray(['Tel Aviv', 'London']),
          placementsInFunction: fc.nat(10),
          placementsInIndustry: fc.nat(10),
          placementsTotal: fc.nat(30),
          medianDaysToPlacement: fc.option(fc.nat(300), { nil: null }),
          activeApplications: fc.nat(80),
        }),
        (r) => {
          const s = scoreRecruiterFit(r, {
            function: 'engineering',
            industry: 'fintech',
            seniority: 'senior',
            location: 'Tel Aviv',
            country: 'IL',
          })
          expect(s.reasons.reduce((a, x) => a + x.points, 0)).toBe(s.score)
          expect(s.score).toBeGreaterThanOrEqual(0)
          expect(s.score).toBeLessThanOrEqual(100)
        },
      ),
    )
  })
})

describe('learning', () => {
  it('recovers which factor predicts the outcome and ranks held-out outcomes better than chance', () => {
    const rng = fc.sample(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
      {
        numRuns: 400,
        seed: 42,
      },
    )
    const examples = rng.map(([a, b]) => ({ x: [a, b], y: (a > 0.5 ? 1 : 0) as 0 | 1 }))
    const fit = fitLogistic(examples.slice(0, 300))
    expect(fit.weights[0]!).toBeGreaterThan(Math.abs(fit.weights[1]!))
    const held = examples
      .slice(300)
      .map((e) => ({ score: fit.weights[0]! * e.x[0]! + fit.weights[1]! * e.x[1]!, y: e.y }))
    expect(auc(held)!).toBeGreaterThan(0.9)
  })

  it('turns weights into whole points summing to 100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (ws) => {
          const p = toPoints(ws)
          if (ws.every((w) => w <= 0)) expect(p).toBeNull()
          else {
            expect(p!.reduce((a, b) => a + b, 0)).toBe(100)
            expect(p!.every((x) => x >= 0)).toBe(true)
          }
        },
      ),
    )
  })

  it('computes AUC with ties counted half', () => {
    expect(
      auc([
        { score: 1, y: 1 },
        { score: 0, y: 0 },
      ]),
    ).toBe(1)
    expect(
      auc([
        { score: 1, y: 1 },
        { score: 1, y: 0 },
      ]),
    ).toBe(0.5)
    expect(auc([{ score: 1, y: 1 }])).toBeNull()
  })
})
