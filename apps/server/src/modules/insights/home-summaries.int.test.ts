import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  hire,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  ok,
  platformAdmin,
  submitCandidate,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import type { TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { platformTakingsFacts } from '../billing/index.ts'
import { marketplaceHomeFacts } from '../recruiting/index.ts'
import { homeWindow } from './period.ts'

/**
 * The admin home reads placements and takings from daily summaries (migration 0077:
 * `ats.placement_days`, `billing.takings_days`, kept by triggers) plus the partial days at a
 * period's ends from the rows, and counts active members by one probe per member. Here a world is
 * built through the real routes over a year (submissions, stage moves, hires in two
 * currencies minutes either side of midnight UTC, statements, an invoice paid, a fall-off), and
 * every figure is compared with the plain query over the raw rows, for fixed and random periods.
 */
const database = useTestDatabase()
const clock = new FixedClock('2025-11-08T10:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let admin: TestSession
let acme: TestCompany
let globex: TestCompany
let recruiters: TestRecruiter[] = []
const NOW = '2026-11-02T13:37:00Z'
const FALLS_OFF = '2026-02-01T00:00:00Z'

/** Submissions and hires: [when, recruiter, company, hire at (or null), currency]. */
const TIMELINE: [string, number, 'acme' | 'globex', string | null, 'USD' | 'EUR'][] = [
  ['2025-11-10T09:00:00Z', 0, 'acme', '2025-11-20T23:50:00Z', 'USD'],
  ['2025-11-11T12:00:00Z', 1, 'globex', '2025-11-21T00:10:00Z', 'EUR'],
  ['2025-11-30T23:59:00Z', 2, 'acme', null, 'USD'],
  ['2026-01-15T08:00:00Z', 0, 'globex', '2026-02-01T00:00:00Z', 'USD'],
  ['2026-03-10T10:00:00Z', 1, 'acme', '2026-03-31T23:59:59Z', 'USD'],
  ['2026-05-01T00:00:00Z', 2, 'globex', null, 'EUR'],
  ['2026-06-20T16:00:00Z', 0, 'acme', '2026-07-14T11:00:00Z', 'EUR'],
  ['2026-08-02T07:00:00Z', 1, 'acme', '2026-10-02T13:36:00Z', 'USD'],
  ['2026-10-01T22:00:00Z', 2, 'globex', '2026-11-02T13:30:00Z', 'USD'],
  ['2026-10-20T05:00:00Z', 0, 'globex', '2026-11-02T00:05:00Z', 'EUR'],
]

async function asAdmin<T>(fn: (tx: never) => Promise<T>): Promise<T> {
  return inTransaction(
    app.ctx.db,
    { kind: 'user', userId: admin.userId, roles: ['platform_admin' as never] },
    (tx) => fn(tx as never),
  )
}

/** The plain queries over the raw rows: what the home showed before the summaries. */
async function raw(from: Date, to: Date, bucket: 'week' | 'month') {
  return inTransaction(app.ctx.db, systemActor('raw'), async (tx) => {
    const active = (
      await sql<{ recruiters: number; companies: number }>`
        select count(distinct recruiter_id)::int as recruiters, count(distinct company_id)::int as companies
          from ats.applications where submitted_at >= ${from} and submitted_at < ${to}`.execute(tx)
    ).rows[0]!
    const placements = (
      await sql<{ bucket: string; count: number }>`
        select to_char(date_trunc(${bucket}, created_at at time zone 'UTC'), 'YYYY-MM-DD') as bucket, count(*)::int as count
          from ats.placements where created_at >= ${from} and created_at < ${to} group by 1 order by 1`.execute(
        tx,
      )
    ).rows
    const takings = (
      await sql<{ bucket: string; currency: string; gmv: string; fees: string }>`
        select to_char(date_trunc(${bucket}, s.created_at at time zone 'UTC'), 'YYYY-MM-DD') as bucket, s.currency,
               sum(s.fee)::text as gmv, sum(billing.platform_fee_of(s.statement))::text as fees
          from billing.fee_statements s
         where s.version = 1 and s.created_at >= ${from} and s.created_at < ${to}
           and s.placement_id not in (select placement_id from billing.fall_offs)
         group by 1, 2 order by 1, 2`.execute(tx)
    ).rows
    return { active, placements, takings }
  })
}

async function compare(from: Date, to: Date, prevFrom: Date, prevTo: Date, bucket: 'week' | 'month') {
  const win = { from, to, prevFrom, prevTo, bucket }
  const market = await asAdmin((tx) => marketplaceHomeFacts(tx, win))
  const takings = await asAdmin((tx) => platformTakingsFacts(tx, win))
  const now = await raw(from, to, bucket)
  const before = await raw(prevFrom, prevTo, bucket)
  const label = `${from.toISOString()}..${to.toISOString()}`
  expect(market.recruiters_current, label).toBe(now.active.recruiters)
  expect(market.companies_current, label).toBe(now.active.companies)
  expect(market.recruiters_previous, label).toBe(before.active.recruiters)
  expect(market.companies_previous, label).toBe(before.active.companies)
  const total = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0)
  expect(market.placements_current, label).toBe(total(now.placements))
  expect(market.placements_previous, label).toBe(total(before.placements))
  expect(
    [...market.placementSeries].sort((a, b) => a.bucket.localeCompare(b.bucket)),
    label,
  ).toEqual(now.placements)
  const series = takings.series
    .map((s) => ({ bucket: s.bucket, currency: s.currency, gmv: String(s.gmv), fees: String(s.fees) }))
    .sort((a, b) => a.bucket.localeCompare(b.bucket) || a.currency.localeCompare(b.currency))
  expect(series, label).toEqual(now.takings)
  const sum = (rows: { currency: string; gmv: string; fees: string }[], key: 'gmv' | 'fees', c: string) =>
    rows.filter((r) => r.currency === c).reduce((s, r) => s + BigInt(r[key]), 0n)
  for (const c of ['USD', 'EUR']) {
    const t = takings.totals.find((x) => x.currency === c)
    expect(t?.gmv ?? 0n, `${label} ${c}`).toBe(sum(now.takings, 'gmv', c))
    expect(t?.fees ?? 0n, `${label} ${c}`).toBe(sum(now.takings, 'fees', c))
    expect(t?.previousGmv ?? 0n, `${label} ${c}`).toBe(sum(before.takings, 'gmv', c))
    expect(t?.previousFees ?? 0n, `${label} ${c}`).toBe(sum(before.takings, 'fees', c))
  }
  return { market, takings, now }
}

beforeAll(async () => {
  app = await startTestApp(database.current.url, {
    clock,
    env: { SESSION_IDLE_HOURS: '2160', SESSION_ABSOLUTE_DAYS: '365' },
  })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  admin = await platformAdmin(w)
  acme = await makeCompany(w)
  globex = await makeCompany(w)
  recruiters = [
    await makeRecruiter(w, { name: 'Ruth Summary' }),
    await makeRecruiter(w, { name: 'Sam Summary' }),
    await makeRecruiter(w, { name: 'Tia Summary' }),
  ]
  const roleOf = new Map<string, string>()
  const roleFor = async (company: 'acme' | 'globex', currency: string) => {
    const key = `${company}-${currency}`
    if (!roleOf.has(key)) {
      const role = await makeRole(w, company === 'acme' ? acme : globex, {
        title: `Role ${key}`,
        openings: 20,
        salary: { min: '9000000', max: '12000000', currency },
      })
      roleOf.set(key, role.id)
    }
    return roleOf.get(key)!
  }
  // every step at its own moment, in time order: submissions, hires, and a fall-off
  type Step = { at: string; run: () => Promise<void> }
  const steps: Step[] = []
  const placements: string[] = []
  for (const [when, who, company, hiredAt, currency] of TIMELINE) {
    const team = (company === 'acme' ? acme : globex).admin
    let application: { id: string; stage: string } | undefined
    steps.push({
      at: when,
      run: async () => {
        const recruiter = recruiters[who]!
        const roleId = await roleFor(company, currency)
        application = await submitCandidate(w, recruiter, roleId, (await makeCandidate(w, recruiter)).id)
      },
    })
    if (hiredAt)
      steps.push({
        at: hiredAt,
        run: async () => {
          const salary = String(10_000_000 + placements.length * 123_457)
          const id = (
            await hire(w, team, application!, {
              amount: salary,
              currency,
              startDate: new Date(Date.parse(hiredAt) + 14 * 86_400_000).toISOString().slice(0, 10),
            })
          ).placement_id as string
          placements.push(id)
          if (hiredAt === FALLS_OFF) fallen = { id, team }
          // billing's consumer of the placement event writes the statement, at this moment
          await eventually(`the statement of ${id}`, async () => {
            const r = await api(w, admin).get(`/api/placements/${id}/statement`)
            return r.status === 200 ? r.body : undefined
          })
        },
      })
  }
  // the 2026-02-01 placement falls off inside its guarantee: its takings leave both figures
  let fallen: { id: string; team: TestSession } | undefined
  steps.push({
    at: '2026-03-01T12:00:00Z',
    run: async () => {
      ok(
        'fall off',
        await api(w, fallen!.team).post(`/api/placements/${fallen!.id}/fall-off`, {
          reason: 'Left in the first month',
          date: '2026-02-25',
        }),
      )
      await eventually('the fall-off booked by billing', async () => {
        const r = await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
          sql<{ n: number }>`select count(*)::int as n from billing.fall_offs`.execute(tx),
        )
        return r.rows[0]!.n === 1 ? true : undefined
      })
    },
  })
  steps.sort((a, b) => a.at.localeCompare(b.at))
  for (const step of steps) {
    clock.set(step.at)
    // everyone signs in once and stays active (sessions lapse after 90 idle days)
    for (const who of [admin, acme.admin, globex.admin, ...recruiters])
      ok('stay signed in', await api(w, who).get('/api/me/home'))
    await step.run()
  }
  clock.set(NOW)
}, 180_000)
afterAll(async () => app?.stop())

describe('the admin home’s summaries', () => {
  it('stays exact when one recruiter submits ten candidates at once, across midnight', async () => {
    const recruiter = recruiters[1]!
    const role = await makeRole(w, acme, { title: 'Role rush', openings: 20 })
    const candidates = []
    for (let i = 0; i < 10; i++) candidates.push(await makeCandidate(w, recruiter))
    clock.set('2026-11-02T23:59:59.999Z')
    const answers = await Promise.all(
      candidates.map((c) =>
        api(w, recruiter).post('/api/applications', { role_id: role.id, candidate_id: c.id }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201))
    clock.set('2026-11-03T00:00:00.001Z')
    const more = await Promise.all(
      [0, 1, 2].map(async () =>
        api(w, recruiter).post('/api/applications', {
          role_id: role.id,
          candidate_id: (await makeCandidate(w, recruiter)).id,
        }),
      ),
    )
    expect(more.map((a) => a.status)).toEqual([201, 201, 201])
    clock.set('2026-11-03T08:00:00Z')
    const w0 = homeWindow(clock.now(), { period: '30d' })
    const { market } = await compare(w0.from, w0.to, w0.prevFrom, w0.prevTo, w0.bucket)
    expect(market.recruiters_current).toBe(2) // Ruth (10-20) and Sam; Tia's 10-01 is before the period
    const { market: day } = await compare(
      new Date('2026-11-03T00:00:00Z'),
      new Date('2026-11-04T00:00:00Z'),
      new Date('2026-11-02T00:00:00Z'),
      new Date('2026-11-03T00:00:00Z'),
      'week',
    )
    expect(day.recruiters_current).toBe(1)
    clock.set(NOW)
  })

  it('hold exactly what the raw rows say, day by day', async () => {
    const rows = await inTransaction(app.ctx.db, systemActor('test'), async (tx) => ({
      days: (
        await sql<{ day: string; placements: number }>`
          select day::text, placements from ats.placement_days where placements > 0 order by day`.execute(tx)
      ).rows,
      rawDays: (
        await sql<{ day: string; placements: number }>`
          select (created_at at time zone 'UTC')::date::text as day, count(*)::int as placements
            from ats.placements group by 1 order by 1`.execute(tx)
      ).rows,
      takings: (
        await sql`select day::text, currency, placements, gmv::text, platform_fees::text from billing.takings_days
                   where placements > 0 order by day, currency`.execute(tx)
      ).rows,
      rawTakings: (
        await sql`select (s.created_at at time zone 'UTC')::date::text as day, s.currency, count(*)::int as placements,
                         sum(s.fee)::text as gmv, sum(billing.platform_fee_of(s.statement))::text as platform_fees
                    from billing.fee_statements s
                   where s.version = 1 and s.placement_id not in (select placement_id from billing.fall_offs)
                   group by 1, 2 order by 1, 2`.execute(tx)
      ).rows,
      // the owner's alone (read through ats.active_members_on): the test reads it as the owner
      activity: (
        await sql`select member_kind, member_id, day::text, prev_day::text from ats.activity_days
                   order by member_kind, member_id, day`.execute(app.ctx.db)
      ).rows,
      rawActivity: (
        await sql`select kind as member_kind, member_id, day::text, (lag(day) over (partition by kind, member_id order by day))::text as prev_day
                    from (select 'recruiter' as kind, recruiter_id as member_id, (submitted_at at time zone 'UTC')::date as day from ats.applications
                          union select 'company', company_id, (submitted_at at time zone 'UTC')::date from ats.applications) x
                   order by 1, 2, 3`.execute(tx)
      ).rows,
      leftovers: (
        await sql<{ n: number }>`select count(*)::int as n from billing.takings_days
                                  where placements = 0 and (gmv <> 0 or platform_fees <> 0)`.execute(tx)
      ).rows[0]!.n,
    }))
    expect(rows.days).toEqual(rows.rawDays)
    // eight placements on seven days (twenty minutes apart across a midnight count on their own days)
    expect(rows.rawDays).toHaveLength(7)
    expect(rows.rawDays.reduce((sum, d) => sum + d.placements, 0)).toBe(8)
    expect(rows.takings).toEqual(rows.rawTakings)
    expect(rows.rawTakings).toHaveLength(7) // the fallen-off placement's day is empty
    expect(rows.leftovers).toBe(0)
    expect(rows.activity).toEqual(rows.rawActivity)
    expect(rows.rawActivity.length).toBeGreaterThan(TIMELINE.length)
  })

  it('give each period of the home the figures of the raw rows', async () => {
    const now = clock.now()
    for (const period of ['30d', '90d', '12m', 'ytd'] as const) {
      const w0 = homeWindow(now, { period })
      await compare(w0.from, w0.to, w0.prevFrom, w0.prevTo, w0.bucket)
    }
    // a custom range of whole days, and one day around the midnight hires
    for (const [from, to] of [
      ['2025-11-08', '2026-10-31'],
      ['2025-11-20', '2025-11-20'],
      ['2025-11-21', '2025-11-21'],
    ] as const) {
      const w1 = homeWindow(now, { from, to })
      await compare(w1.from, w1.to, w1.prevFrom, w1.prevTo, w1.bucket)
    }
    // 30 days ending now: the hires of today's partial day (00:05, 13:30) come from the rows
    const m = homeWindow(now, { period: '30d' })
    const month = await compare(m.from, m.to, m.prevFrom, m.prevTo, m.bucket)
    expect(month.market.placements_current).toBe(2)
    expect(month.market.placements_previous).toBe(1) // 2026-10-02 13:36
  })

  it('agree with the raw rows for any period (random bounds, to the minute)', async () => {
    const start = Date.parse('2025-08-01T00:00:00Z')
    const end = Date.parse('2026-11-10T00:00:00Z')
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: start, max: end }),
        fc.integer({ min: 1, max: 420 * 86_400_000 }),
        fc.constantFrom('week' as const, 'month' as const),
        fc.boolean(),
        async (a, length, bucket, minutes) => {
          const round = (t: number) => (minutes ? Math.floor(t / 60_000) * 60_000 : t)
          const from = new Date(round(a))
          const to = new Date(round(a + length) + (minutes ? 60_000 : 0))
          const span = to.getTime() - from.getTime()
          await compare(from, to, new Date(from.getTime() - span), from, bucket)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('keep who was active when from everyone but platform admins and the system', async () => {
    const stab = sql<{ n: number }>`
      select count(*)::int as n from ats.active_members_on('recruiter', '2000-01-01', '2100-01-01')`
    const asUser = (userId: string, role: string) =>
      inTransaction(app.ctx.db, { kind: 'user', userId, roles: [role as never] }, (tx) => stab.execute(tx))
    expect((await asUser(admin.userId, 'platform_admin')).rows[0]!.n).toBe(3)
    expect((await asUser(recruiters[0]!.userId, 'recruiter')).rows[0]!.n).toBe(0)
    expect((await asUser(acme.admin.userId, 'company_admin')).rows[0]!.n).toBe(0)
    await expect(
      inTransaction(app.ctx.db, systemActor('test'), (tx) =>
        sql`select count(*) from ats.activity_days`.execute(tx),
      ),
    ).rejects.toThrow(/permission denied/)
  })

  it('shows the admin the same figures through GET /api/me/home', async () => {
    const r = await api(w, admin).get('/api/me/home?period=12m')
    expect(r.status).toBe(200)
    const w12 = homeWindow(clock.now(), { period: '12m' })
    const rows = await raw(w12.from, w12.to, 'month')
    expect(r.body.admin.placements.current).toBe(rows.placements.reduce((s, p) => s + p.count, 0))
    expect(r.body.admin.active_recruiters.current).toBe(rows.active.recruiters)
    const usd = r.body.admin.money.find((m: { currency: string }) => m.currency === 'USD')
    expect(BigInt(usd.gmv.amount)).toBe(
      rows.takings.filter((t) => t.currency === 'USD').reduce((s, t) => s + BigInt(t.gmv), 0n),
    )
  })
})
