import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  advance,
  api,
  hire,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  ok,
  platformAdmin,
  submitCandidate,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import { makePerson } from '../../../../../packages/testing/src/factories/splits-people.ts'
import type { TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'

/**
 * GET /api/me/home against a small world built on a timeline with known counts. "Now" is
 * 2026-05-04 09:00 UTC, so the 30-day period is [04-04 09:00, 05-04 09:00) and the one before it
 * [03-05 09:00, 04-04 09:00).
 *
 *   02-10  Acme opens Role A (3 openings); Rachel submits Ada to A
 *   03-10  Tom submits Ben to Acme's Role B (opened 03-01), never reviewed
 *   03-20  Acme hires Ada (previous period)                         — invoice paid in full on 03-25
 *   04-01  Rachel submits Cleo to B, never reviewed (quiet 33 days at 05-04)
 *   04-10  Rachel submits Dev to B;  04-20 hired (B opened 03-01: 50 days to fill)
 *   04-12  Rachel submits Eve to A;  04-22 hired (A opened 02-10: 71 days to fill)
 *   04-15  Tom submits Finn to Globex's Role C
 *   04-25  Rachel submits Gus to B, 04-28 moved to interview
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-02-10T10:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let acme: TestCompany
let globex: TestCompany
let rachel: TestRecruiter
let tom: TestRecruiter
let admin: TestSession
let manager: TestSession
const placements: Record<string, string> = {}
const roles: Record<string, string> = {}
const apps: Record<string, string> = {}
const SALARY = '15000000' // 150,000.00 USD; the role's 20% makes a 30,000.00 fee
const FEE = 3_000_000n

const at = (iso: string) => clock.set(`${iso}T10:00:00Z`)
const home = (who: TestSession | undefined, query = '') => api(w, who).get(`/api/me/home${query}`)

async function statementLines(placementId: string) {
  const s = await eventually(`the statement of ${placementId}`, async () => {
    const r = await api(w, admin).get(`/api/placements/${placementId}/statement`)
    return r.status === 200 ? r.body : undefined
  })
  return s.lines as { party_type: string; party_id: string | null; amount: string }[]
}
const sumLines = (
  lines: { party_type: string; party_id: string | null; amount: string }[],
  pick: (l: { party_type: string; party_id: string | null }) => boolean,
) => lines.filter(pick).reduce((s, l) => s + BigInt(l.amount), 0n)

async function invoiceOf(placementId: string) {
  return eventually(`the invoice of ${placementId}`, async () => {
    const r = await api(w, admin).get(`/api/invoices?placement_id=${placementId}`)
    return r.body.data?.[0]
  })
}

beforeAll(async () => {
  // the timeline spans three months of the test clock: sessions made at its start must last
  app = await startTestApp(database.current.url, {
    clock,
    env: { SESSION_IDLE_HOURS: '2160', SESSION_ABSOLUTE_DAYS: '365' },
  })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  admin = await platformAdmin(w)
  acme = await makeCompany(w)
  globex = await makeCompany(w)
  manager = await makeTeamMember(w, acme, 'hiring_manager')
  rachel = await makeRecruiter(w, { name: 'Rachel Home' })
  tom = await makeRecruiter(w, { name: 'Tom Home' })
  ok(
    'specialise',
    await api(w, rachel).patch('/api/recruiters/me', {
      specializations: { function: ['engineering'], industry: ['ai'] },
    }),
  )

  at('2026-02-10')
  roles.a = (await makeRole(w, acme, { title: 'Role A', openings: 3 })).id
  const ada = await submitCandidate(
    w,
    rachel,
    roles.a!,
    (await makeCandidate(w, rachel, { full_name: 'Ada' })).id,
  )
  at('2026-03-01')
  roles.b = (await makeRole(w, acme, { title: 'Role B', openings: 3 })).id
  roles.c = (await makeRole(w, globex, { title: 'Role C', function: 'sales', industry: 'fintech' })).id
  roles.draft = (await makeRole(w, acme, { title: 'Role D' }, { status: 'draft' })).id
  at('2026-03-10')
  apps.ben = (
    await submitCandidate(w, tom, roles.b!, (await makeCandidate(w, tom, { full_name: 'Ben' })).id)
  ).id
  at('2026-03-20')
  placements.ada = (await hire(w, acme.admin, ada, { amount: SALARY })).placement_id
  const adaInvoice = await invoiceOf(placements.ada!)
  at('2026-03-25')
  ok(
    'pay',
    await api(w, admin).post(`/api/invoices/${adaInvoice.id}/payments`, {
      amount: adaInvoice.total.amount,
      currency: 'USD',
      received_on: '2026-03-25',
      reference: 'WIRE-ADA',
    }),
  )
  at('2026-04-01')
  apps.cleo = (
    await submitCandidate(w, rachel, roles.b!, (await makeCandidate(w, rachel, { full_name: 'Cleo' })).id)
  ).id
  at('2026-04-10')
  const dev = await submitCandidate(
    w,
    rachel,
    roles.b!,
    (await makeCandidate(w, rachel, { full_name: 'Dev' })).id,
  )
  at('2026-04-12')
  const eve = await submitCandidate(
    w,
    rachel,
    roles.a!,
    (await makeCandidate(w, rachel, { full_name: 'Eve' })).id,
  )
  at('2026-04-15')
  await submitCandidate(w, tom, roles.c!, (await makeCandidate(w, tom, { full_name: 'Finn' })).id)
  at('2026-04-20')
  placements.dev = (await hire(w, acme.admin, dev, { amount: SALARY })).placement_id
  await invoiceOf(placements.dev!)
  at('2026-04-22')
  placements.eve = (await hire(w, acme.admin, eve, { amount: SALARY })).placement_id
  await invoiceOf(placements.eve!)
  at('2026-04-25')
  const gus = await submitCandidate(
    w,
    rachel,
    roles.b!,
    (await makeCandidate(w, rachel, { full_name: 'Gus' })).id,
  )
  at('2026-04-28')
  await advance(w, acme.admin, gus, 'interview')
  clock.set('2026-05-04T09:00:00Z')
}, 120_000)
afterAll(async () => app?.stop())

describe('a recruiter’s home', () => {
  it('counts their pipeline, placements, quiet candidates and matching roles', async () => {
    const r = await home(rachel)
    expect(r.status).toBe(200)
    expect(r.body.company).toBeNull()
    expect(r.body.admin).toBeNull()
    const me = r.body.recruiter
    expect(me.pipeline).toEqual([
      { stage: 'submitted', count: 1 },
      { stage: 'screening', count: 0 },
      { stage: 'interview', count: 1 },
      { stage: 'offer', count: 0 },
    ])
    expect({ current: me.placements.current, previous: me.placements.previous }).toEqual({
      current: 2,
      previous: 1,
    })
    // weekly buckets from the Monday of 04-04's week: both hires in the week of Monday 04-20
    expect(r.body.period.buckets[0]).toBe('2026-03-30')
    expect(me.placements.series.find((s: { bucket: string }) => s.bucket === '2026-04-20').count).toBe(2)
    expect(me.placements.series.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(2)
    expect(me.stale).toMatchObject({ after_days: 14, count: 1 })
    expect(me.stale.items).toEqual([
      expect.objectContaining({
        application_id: apps.cleo,
        candidate_name: 'Cleo',
        role_title: 'Role B',
        stage: 'submitted',
        days_quiet: 32,
      }),
    ])
    // open engineering/ai roles shared with all, that Rachel has not submitted to: none at Acme
    // (A and B have her candidates), Globex's C is sales/fintech
    expect(me.matching_roles).toEqual({ specialised: true, roles: [] })
  })

  it('shows money pending (not collected), held and available (collected), paid', async () => {
    const share = async (p: string) =>
      sumLines(await statementLines(p), (l) => l.party_id === rachel.recruiterId)
    const pending = (await share(placements.dev!)) + (await share(placements.eve!))
    const collected = await share(placements.ada!)
    const me = (await home(rachel)).body.recruiter
    expect(me.earnings).toHaveLength(1)
    const usd = me.earnings[0]
    expect(usd.currency).toBe('USD')
    expect(BigInt(usd.pending.amount)).toBe(pending)
    expect(BigInt(usd.held.amount) + BigInt(usd.available.amount)).toBe(collected)
    expect(BigInt(usd.held.amount)).toBeGreaterThan(0n)
    expect(usd.paid).toEqual({ amount: '0', currency: 'USD' })
  })

  it('lists a newly opened matching role with its fee at the top of the band', async () => {
    const role = await makeRole(w, globex, {
      title: 'Role E',
      salary: { min: '10000000', max: '20000000', currency: 'USD' },
    })
    const me = (await home(rachel)).body.recruiter
    expect(me.matching_roles.roles).toEqual([
      expect.objectContaining({
        id: role.id,
        title: 'Role E',
        company_name: globex.name,
        fee_rate_bps: 2000,
        fee_up_to: { amount: '4000000', currency: 'USD' },
      }),
    ])
    // Tom has no specialisations: nothing matched, and he is told why
    expect((await home(tom)).body.recruiter.matching_roles).toEqual({ specialised: false, roles: [] })
    await api(w, globex.admin).post(`/api/roles/${role.id}/status`, { status: 'closed' })
  })

  it('shows another recruiter only their own numbers', async () => {
    const me = (await home(tom)).body.recruiter
    expect(me.pipeline.find((p: { stage: string }) => p.stage === 'submitted').count).toBe(2)
    expect(me.placements).toMatchObject({ current: 0, previous: 0 })
    expect(me.earnings).toEqual([])
    expect(me.stale.items.map((s: { candidate_name: string }) => s.candidate_name)).toEqual(['Ben', 'Finn'])
  })
})

describe('a hiring team’s home', () => {
  it('counts open roles, submissions awaiting review (oldest first), hires and time to fill', async () => {
    for (const who of [acme.admin, manager]) {
      const r = await home(who)
      expect(r.status).toBe(200)
      expect(r.body.recruiter).toBeNull()
      const c = r.body.company
      expect(c.roles).toEqual({ open: 2, draft: 1, paused: 0, filled: 0 })
      expect(c.awaiting_review.count).toBe(2)
      expect(c.awaiting_review.items.map((a: { application_id: string }) => a.application_id)).toEqual([
        apps.ben,
        apps.cleo,
      ])
      expect(c.awaiting_review.items[0]).toMatchObject({
        candidate_name: 'Ben',
        role_title: 'Role B',
        recruiter_name: 'Tom Home',
        days_waiting: 54,
      })
      expect(c.submissions).toEqual({ current: 3, previous: 2 })
      expect(c.hires).toEqual({ current: 2, previous: 1 })
      // Dev: B opened 03-01, hired 04-20 = 50 days; Eve: A opened 02-10, hired 04-22 = 71 days
      expect(c.time_to_fill.hires).toBe(2)
      expect(c.time_to_fill.median_days).toBe(60.5)
      expect(c.time_to_fill.by_role).toEqual([
        { role_id: roles.a, role_title: 'Role A', hires: 1, median_days: 71 },
        { role_id: roles.b, role_title: 'Role B', hires: 1, median_days: 50 },
      ])
      expect(c.pipeline_by_role).toEqual([
        { role_id: roles.b, role_title: 'Role B', submitted: 2, screening: 0, interview: 1, offer: 0 },
      ])
    }
  })

  it('shows spend: invoices issued in the period, and what is still owed', async () => {
    const c = (await home(acme.admin)).body.company
    expect(c.spend.totals).toEqual([
      {
        currency: 'USD',
        current: { amount: String(2n * FEE), currency: 'USD' },
        previous: { amount: String(FEE), currency: 'USD' },
        invoices: 2,
      },
    ])
    expect(c.spend.owed).toEqual([{ amount: { amount: String(2n * FEE), currency: 'USD' }, invoices: 2 }])
    expect(c.spend.series).toEqual([
      { bucket: '2026-04-20', amount: { amount: String(2n * FEE), currency: 'USD' } },
    ])
  })

  it('shows another company only its own numbers', async () => {
    const c = (await home(globex.admin)).body.company
    expect(c.roles.open).toBe(1)
    expect(c.awaiting_review.items.map((a: { candidate_name: string }) => a.candidate_name)).toEqual(['Finn'])
    expect(c.hires).toEqual({ current: 0, previous: 0 })
    expect(c.spend.totals).toEqual([])
  })
})

describe('a platform admin’s home', () => {
  it('shows GMV, fees and take rate against the period before, active members, disputes, failed jobs', async () => {
    const fees = async (p: string) => sumLines(await statementLines(p), (l) => l.party_type === 'platform')
    const current = (await fees(placements.dev!)) + (await fees(placements.eve!))
    const previous = await fees(placements.ada!)
    const r = await home(admin)
    expect(r.status).toBe(200)
    const a = r.body.admin
    expect(a.money).toEqual([
      {
        currency: 'USD',
        gmv: { amount: String(2n * FEE), currency: 'USD' },
        previous_gmv: { amount: String(FEE), currency: 'USD' },
        fees: { amount: String(current), currency: 'USD' },
        previous_fees: { amount: String(previous), currency: 'USD' },
        take_rate_bps: Number((current * 10_000n * 2n + 2n * FEE) / (2n * 2n * FEE)),
        previous_take_rate_bps: Number((previous * 10_000n * 2n + FEE) / (2n * FEE)),
      },
    ])
    expect(current).toBeGreaterThan(0n)
    expect(a.money_series).toEqual([
      {
        bucket: '2026-04-20',
        gmv: { amount: String(2n * FEE), currency: 'USD' },
        fees: { amount: String(current), currency: 'USD' },
      },
    ])
    // Rachel and Tom submitted in both periods; Acme and Globex received in this one, Acme alone before
    expect(a.active_recruiters).toEqual({ current: 2, previous: 2 })
    expect(a.active_companies).toEqual({ current: 2, previous: 1 })
    expect(a.placements).toMatchObject({ current: 2, previous: 1 })
    expect(a.disputes).toEqual({ open: 0, opened: { current: 0, previous: 0 } })
    expect(a.failed_jobs).toEqual({ waiting: 0, by_queue: [], died: { current: 0, previous: 0 } })
  })
})

describe('periods', () => {
  it('counts whole days of a custom range, its last day included, against the same length before', async () => {
    const day = (await home(rachel, '?from=2026-04-20&to=2026-04-20')).body
    expect(day.period).toMatchObject({
      key: 'custom',
      from: '2026-04-20T00:00:00.000Z',
      to: '2026-04-21T00:00:00.000Z',
      previous_from: '2026-04-19T00:00:00.000Z',
      previous_to: '2026-04-20T00:00:00.000Z',
      bucket: 'week',
    })
    expect(day.recruiter.placements).toMatchObject({ current: 1, previous: 0 })
    const two = (await home(rachel, '?from=2026-04-21&to=2026-04-22')).body.recruiter.placements
    expect(two).toMatchObject({ current: 1, previous: 1 })
  })

  it('12 months, the year to date and 90 days in months or weeks', async () => {
    const year = (await home(admin, '?period=12m')).body
    expect(year.period).toMatchObject({ key: '12m', bucket: 'month', from: '2025-05-04T09:00:00.000Z' })
    expect(year.period.buckets).toHaveLength(13)
    expect(year.admin.placements).toMatchObject({ current: 3, previous: 0 })
    expect(
      year.admin.placements.series.find((b: { bucket: string }) => b.bucket === '2026-04-01').count,
    ).toBe(2)
    const ytd = (await home(acme.admin, '?period=ytd')).body
    expect(ytd.period).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      previous_from: '2025-01-01T00:00:00.000Z',
    })
    expect(ytd.company.hires).toEqual({ current: 3, previous: 0 })
    expect(ytd.company.time_to_fill.median_days).toBe(50) // 38, 50, 71
    const q = (await home(rachel, '?period=90d')).body
    expect(q.period.bucket).toBe('week')
    expect(q.recruiter.placements).toMatchObject({ current: 3, previous: 0 })
  })

  it('refuses a bad period, naming the field, and changes nothing', async () => {
    const cases: [string, string][] = [
      ['?period=7d', 'querystring.period'],
      ['?from=2026-04-01', 'querystring.to'],
      ['?to=2026-04-01', 'querystring.from'],
      ['?from=2026-04-10&to=2026-04-01', 'querystring.to'],
      ['?from=2020-01-01&to=2026-04-01', 'querystring.to'],
      ['?period=30d&from=2026-04-01&to=2026-04-02', 'querystring.period'],
      ['?from=2026-02-31&to=2026-03-02', 'querystring.from'],
      ['?days=30', 'querystring'],
      // the last day the calendar has (its day after is not a date): 400, not 500
      ['?from=9999-12-31&to=9999-12-31', 'querystring.from'],
      ['?from=9999-01-01&to=9999-12-31', 'querystring.from'],
      // a period that has not begun has nothing to show
      ['?from=2099-01-01&to=2099-01-31', 'querystring.from'],
      ['?from=0001-01-01&to=0001-01-31', 'querystring.from'],
    ]
    for (const [query, field] of cases) {
      const r = await home(rachel, query)
      expect(r.status, query).toBe(400)
      expect(r.body.code, query).toBe('validation_failed')
      expect(JSON.stringify(r.body.errors ?? []), query).toContain(field)
    }
  })
})

describe('access', () => {
  it('asks who you are (401) and refuses candidates and OFAIR members (403)', async () => {
    expect((await home(undefined)).status).toBe(401)
    const candidate = await makePerson(w.ctx, { roles: ['candidate'] })
    expect((await home(candidate)).status).toBe(403)
  })

  it('answers the same for twenty homes asked at once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => home(acme.admin)))
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]))
    expect(new Set(answers.map((a) => JSON.stringify(a.body.company)))).toHaveProperty('size', 1)
  })
})
