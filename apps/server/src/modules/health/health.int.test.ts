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
import { runDaily } from './alerts.ts'
import { computeDay } from './compute.ts'
import { demoHealthSeed } from './seed.ts'

/**
 * A small marketplace on a known timeline ("now" moves with the test clock):
 *   03-01  Acme opens Role A and Role B (Role B never gets a submission)
 *   03-02  Rachel submits Ada and Ben to A
 *   03-04  Acme moves Ada to screening (first response: 48 h), rejects Ben
 *   03-06  Ada hired (placement)
 *   03-10  Rachel submits Cleo to A (left in submitted: a stalled application later)
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-03-01T10:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let acme: TestCompany
let rachel: TestRecruiter
let admin: TestSession
let roleB: { id: string }
const at = (iso: string) => clock.set(`${iso}T10:00:00Z`)
const q = async (text: string, params: unknown[] = []) =>
  (await database.current.pool.query(text, params)).rows

beforeAll(async () => {
  app = await startTestApp(database.current.url, {
    clock,
    env: { SESSION_IDLE_HOURS: '2160', SESSION_ABSOLUTE_DAYS: '365' },
  })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  admin = await platformAdmin(w)
  acme = await makeCompany(w)
  rachel = await makeRecruiter(w, { name: 'Rachel Health' })
  at('2026-03-01')
  const a = await makeRole(w, acme, { title: 'Role A', openings: 3 })
  roleB = await makeRole(w, acme, { title: 'Role B', country: 'IL', location: 'Tel Aviv' })
  at('2026-03-02')
  const ada = await submitCandidate(
    w,
    rachel,
    a.id,
    (await makeCandidate(w, rachel, { full_name: 'Ada' })).id,
  )
  const ben = await submitCandidate(
    w,
    rachel,
    a.id,
    (await makeCandidate(w, rachel, { full_name: 'Ben' })).id,
  )
  at('2026-03-04')
  await advance(w, acme.admin, ada, 'screening')
  ok(
    'reject',
    await api(w, acme.admin).post(`/api/applications/${ben.id}/stage`, {
      to: 'rejected',
      reason: 'not a fit',
    }),
  )
  at('2026-03-06')
  await hire(w, acme.admin, { ...ada, stage: 'screening' })
  at('2026-03-10')
  await submitCandidate(w, rachel, a.id, (await makeCandidate(w, rachel, { full_name: 'Cleo' })).id)
  at('2026-04-01')
}, 120_000)
afterAll(async () => app?.stop())

const rowsOf = (day: string) =>
  Promise.all([
    q('select * from health.marketplace_metrics_daily where day = $1', [day]),
    q('select * from health.marketplace_money_daily where day = $1 order by currency', [day]),
    q('select * from health.marketplace_liquidity_daily where day = $1 order by function, location', [day]),
  ])

describe('daily metrics', () => {
  it('computes a day as of that day, and a recompute writes identical rows', async () => {
    await computeDay(app.ctx, '2026-03-04')
    const first = await rowsOf('2026-03-04')
    expect(first[0]![0]).toMatchObject({
      open_roles: 2,
      active_companies: 1,
      active_recruiters: 1,
      applications: 0,
      closed_applications: 1,
      hire_rate_bps: 0,
      median_first_response_hours: '48.00',
    })
    // Role B open 3 days, no submission: not yet "7 days without"
    expect(first[2].map((c) => [c.function, c.location, c.open_roles, c.submissions])).toEqual([
      ['engineering', 'IL', 1, 0],
      ['engineering', 'US', 1, 2],
    ])
    await computeDay(app.ctx, '2026-03-04')
    expect(await rowsOf('2026-03-04')).toEqual(first)
    await computeDay(app.ctx, '2026-03-06')
    const [[day6], money] = await rowsOf('2026-03-06')
    expect(day6).toMatchObject({ placements: 1, closed_applications: 1, hire_rate_bps: 10000 })
    expect(Number(day6.median_days_to_hire)).toBeCloseTo(4, 1)
    // fees are booked on the day their statement is written (here: when the consumer ran)
    expect(money).toEqual([])
    await computeDay(app.ctx, '2026-03-09')
    const [[day9], , cells9] = await rowsOf('2026-03-09')
    expect(day9.roles_without_submission).toBe(1)
    expect(cells9.find((c) => c.location === 'IL')).toMatchObject({
      roles_without_submission: 1,
      active_recruiters: 0,
    })
  })

  it('a paused role is not open while its pause lasts (from the role history)', async () => {
    at('2026-03-20')
    ok('pause', await api(w, acme.admin).post(`/api/roles/${roleB.id}/status`, { status: 'paused' }))
    at('2026-03-22')
    ok('resume', await api(w, acme.admin).post(`/api/roles/${roleB.id}/status`, { status: 'open' }))
    at('2026-04-01')
    const openOn = async (day: string) => {
      await computeDay(app.ctx, day)
      const [[metrics], , cells] = await rowsOf(day)
      return [metrics.open_roles, cells.find((c) => c.location === 'IL')?.open_roles ?? 0]
    }
    expect(await openOn('2026-03-19')).toEqual([2, 1])
    expect(await openOn('2026-03-20')).toEqual([1, 0])
    expect(await openOn('2026-03-21')).toEqual([1, 0])
    expect(await openOn('2026-03-22')).toEqual([2, 1])
  })

  it('serves the period with the previous one, and refuses days not over or ranges backwards', async () => {
    const r = await api(w, admin).get('/api/admin/metrics/daily?from=2026-03-04&to=2026-03-09')
    expect(r.status).toBe(200)
    expect(r.body.rows.map((x: { day: string }) => x.day)).toEqual(['2026-03-04', '2026-03-06', '2026-03-09'])
    expect(r.body.previous_from).toBe('2026-02-26')
    expect(r.body.current.placements).toBe(1)
    const future = await api(w, admin).get('/api/admin/metrics/daily?from=2026-03-30&to=2026-04-01')
    expect([future.status, future.body.code]).toEqual([422, 'metrics_future_date'])
    const back = await api(w, admin).get('/api/admin/metrics/daily?from=2026-03-09&to=2026-03-04')
    expect([back.status, back.body.code]).toEqual([422, 'metrics_bad_range'])
    expect((await api(w, rachel).get('/api/admin/metrics/daily?from=2026-03-04&to=2026-03-09')).status).toBe(
      403,
    )
    const liq = await api(w, admin).get('/api/admin/metrics/liquidity?date=2026-03-09&location=IL')
    expect(liq.body.cells).toEqual([expect.objectContaining({ function: 'engineering', no_recruiter: true })])
  })
})

describe('back-fill', () => {
  it('20 identical requests make one run, which completes with its progress', async () => {
    const before = await q('select count(*)::int as n from health.backfill_runs')
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, admin).post('/api/admin/metrics/backfill', { from: '2026-03-01', to: '2026-03-15' }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202))
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    const after = await q('select count(*)::int as n from health.backfill_runs')
    expect(after[0]!.n - before[0]!.n).toBe(1)
    const done = await eventually('the back-fill completes', async () => {
      const r = await api(w, admin).get(`/api/admin/metrics/backfill/${answers[0]!.body.id}`)
      return r.body.status === 'completed' ? r.body : undefined
    })
    expect(done).toMatchObject({ total: 15, done: 15 })
    expect(
      (
        await q(
          `select count(*)::int as n from health.marketplace_metrics_daily where day between '2026-03-01' and '2026-03-15'`,
        )
      )[0]!.n,
    ).toBe(15)
    const bad = await api(w, admin).post('/api/admin/metrics/backfill', {
      from: '2026-03-15',
      to: '2026-03-01',
    })
    expect([bad.status, bad.body.code]).toEqual([422, 'metrics_bad_range'])
    const future = await api(w, admin).post('/api/admin/metrics/backfill', {
      from: '2026-03-15',
      to: '2026-05-01',
    })
    expect([future.status, future.body.code]).toEqual([422, 'metrics_future_date'])
  })
})

describe('deal risk and alerts', () => {
  it('explains the risk of the stalled application, factor by factor', async () => {
    const r = await api(w, admin).get('/api/admin/metrics/deal-risk')
    expect(r.status).toBe(200)
    const cleo = r.body.data.find((d: { candidate_name: string }) => d.candidate_name === 'Cleo')
    expect(cleo.kind).toBe('application')
    expect(cleo.factors.map((f: { factor: string }) => f.factor)).toEqual(
      expect.arrayContaining(['stalled_stage', 'no_company_response']),
    )
    expect(cleo.score).toBe(cleo.factors.reduce((s: number, f: { points: number }) => s + f.points, 0))
    const mine = await api(w, rachel).get('/api/me/deal-risk')
    expect(mine.body.data.map((d: { id: string }) => d.id)).toContain(cleo.id)
  })

  it('raises an anomaly once and tells the admins', async () => {
    // 28 quiet days then a day with many submissions
    for (let d = 1; d <= 28; d++) {
      const day = `2026-01-${String(d + 1).padStart(2, '0')}`
      await q(
        `insert into health.marketplace_metrics_daily (day, active_recruiters, active_companies, open_roles, applications, placements, fraud_signals_opened, disputes_opened)
         values ($1, 3, 2, 10, $2, 1, 0, 0) on conflict (day) do nothing`,
        [day, 10 + (d % 3)],
      )
    }
    await q(
      `insert into health.marketplace_metrics_daily (day, active_recruiters, active_companies, open_roles, applications, placements, fraud_signals_opened, disputes_opened)
       values ('2026-01-30', 3, 2, 10, 60, 1, 0, 0)`,
    )
    const { ctx } = app
    const { inTransaction, systemActor } = await import('../../kernel/db/transaction.ts')
    const { evaluateAlerts } = await import('./alerts.ts')
    const raised = await inTransaction(ctx.db, systemActor('test'), (tx) =>
      evaluateAlerts(ctx, tx as never, '2026-01-30'),
    )
    expect(raised.map((a) => a.metric)).toContain('applications')
    const again = await inTransaction(ctx.db, systemActor('test'), (tx) =>
      evaluateAlerts(ctx, tx as never, '2026-01-30'),
    )
    expect(again).toEqual([])
    const list = await api(w, admin).get('/api/admin/metrics/alerts')
    expect(list.body.data[0]).toMatchObject({ rule: 'anomaly', metric: 'applications', day: '2026-01-30' })
    const inbox = await q(
      `select count(*)::int as n from notifications.inbox where type = 'health.alert_raised'`,
    )
    expect(inbox[0]!.n).toBeGreaterThan(0)
  })

  it('the daily job computes yesterday', async () => {
    expect(await runDaily(app.ctx)).toMatchObject({ day: '2026-03-31' })
    expect((await q(`select 1 from health.marketplace_metrics_daily where day = '2026-03-31'`)).length).toBe(
      1,
    )
  })

  it('the demo history seed computes 90 days quickly', async () => {
    const t = performance.now()
    const r = await demoHealthSeed.run(app.ctx, () => {})
    const ms = performance.now() - t
    console.info(`health.demo_history: ${Math.round(ms)} ms`, r)
    expect(r).toMatchObject({ days: 90 })
  })
})
