import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCompany,
  makeRecruiter,
  makeRole,
  ok,
  platformAdmin,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import type { TestPerson } from '../../../../../packages/testing/src/factories/splits-people.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { automationRouteMatrix } from './route-matrix.ts'

/**
 * An outsider's probe of /api/admin/automation/*: 20 identical requests at once act once (the
 * others a clear 409), NUL bytes and over-long strings are a 400 naming the field (nothing
 * created), and everyone but a platform admin is refused (403) on every route.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let admin: TestPerson
let company: TestCompany
let rachel: TestRecruiter
let role: { id: string }
const q = async <T = Record<string, unknown>>(text: string, args: unknown[] = []) =>
  (await database.current.pool.query(text, args)).rows as T[]

const RULES = '/api/admin/automation/rules'
const EXECS = '/api/admin/automation/executions'
const rule = (over: Record<string, unknown> = {}) => ({
  name: `Probe ${randomUUID().slice(0, 6)}`,
  trigger: { kind: 'event', key: 'application.stage_changed' },
  conditions: { all: [{ field: 'role_id', op: 'eq', value: role.id }] },
  action: { type: 'advance_application', params: { to_stage: 'interview' } },
  ...over,
})

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  admin = await platformAdmin(w)
  company = await makeCompany(w)
  rachel = await makeRecruiter(w)
  role = await makeRole(w, company)
}, 90_000)
afterAll(async () => app?.stop())

const times = <T>(n: number, f: () => Promise<T>) => Promise.all(Array.from({ length: n }, f))
const codes = (rs: { status: number; body: { code?: string } }[]) =>
  rs.map((r) => `${r.status}${r.body.code ? ` ${r.body.code}` : ''}`).sort()

/** An execution of a rule, inserted in the state wanted (the queue's own tests run real ones). */
async function execution(ruleId: string, state: string) {
  const [row] = await q<{ id: string }>(
    `insert into automation.automation_executions (rule_id, rule_version, trigger_id, trigger_type, subject_type, subject_id, state, error_code, error)
     values ($1, 1, $2, 'application.stage_changed', 'application', $3, $4, $5, $6) returning id`,
    [
      ruleId,
      randomUUID(),
      randomUUID(),
      state,
      state === 'failed' ? 'invalid_state_transition' : null,
      state === 'failed' ? 'refused' : null,
    ],
  )
  return row!.id
}

describe('20 identical requests at once', () => {
  it('activate, deactivate: one switches, the others 409 automation_rule_unchanged', async () => {
    const r = ok('create', await api(w, admin).post(RULES, rule()))
    const on = await times(20, () => api(w, admin).post(`${RULES}/${r.id}/activate`))
    expect(codes(on)).toEqual(['200', ...Array(19).fill('409 automation_rule_unchanged')])
    const [after] = await q<{ version: number; active: boolean }>(
      'select version, active from automation.automation_rules where id = $1',
      [r.id],
    )
    expect(after).toEqual({ version: r.version + 1, active: true })
    const off = await times(20, () => api(w, admin).post(`${RULES}/${r.id}/deactivate`))
    expect(codes(off)).toEqual(['200', ...Array(19).fill('409 automation_rule_unchanged')])
  })

  it('approve, reject, retry: one decides, the others 409 automation_execution_already_decided', async () => {
    const r = ok('create', await api(w, admin).post(RULES, rule()))
    for (const [verb, state, body] of [
      ['approve', 'pending', undefined],
      ['reject', 'pending', { reason: 'Not now' }],
      ['retry', 'failed', undefined],
    ] as const) {
      const id = await execution(r.id, state)
      const rs = await times(20, () => api(w, admin).post(`${EXECS}/${id}/${verb}`, body))
      expect(codes(rs), verb).toEqual(['200', ...Array(19).fill('409 automation_execution_already_decided')])
      const decisions = await q(
        "select count(*)::int as n from intelligence.decision_audit_log where source = 'automation' and subject_id = $1",
        [id],
      )
      expect(decisions[0]!.n, verb).toBe(1)
    }
  })
})

describe('bad input: 400 naming the field, nothing changed', () => {
  it('NUL bytes and over-long strings in rule names, conditions and reasons', async () => {
    const before = await q('select count(*)::int as n from automation.automation_rules')
    const cases: [string, Record<string, unknown>, string][] = [
      ['NUL in a name', rule({ name: 'Bad\u0000name' }), 'body.name'],
      ['over-long name', rule({ name: 'x'.repeat(201) }), 'body.name'],
      ['over-long description', rule({ description: 'x'.repeat(2001) }), 'body.description'],
      [
        'NUL in a condition',
        rule({ conditions: { all: [{ field: 'role_id', op: 'eq', value: 'a\u0000b' }] } }),
        'body.conditions.all.0.value',
      ],
      [
        'over-long condition value',
        rule({ conditions: { all: [{ field: 'role_title', op: 'contains', value: 'x'.repeat(501) }] } }),
        'body.conditions',
      ],
      [
        'over-long condition field',
        rule({ conditions: { all: [{ field: 'f'.repeat(201), op: 'exists' }] } }),
        'body.conditions',
      ],
    ]
    for (const [what, body, field] of cases) {
      const res = await api(w, admin).post(RULES, body)
      expect(res.status, what).toBe(400)
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field)
      expect(
        fields.some((f) => f.startsWith(field)),
        `${what}: ${JSON.stringify(res.body)}`,
      ).toBe(true)
    }
    expect(await q('select count(*)::int as n from automation.automation_rules')).toEqual(before)

    const r = ok('create', await api(w, admin).post(RULES, rule()))
    const patch = await api(w, admin).patch(`${RULES}/${r.id}`, { version: r.version, name: 'a\u0000' })
    expect(patch.status).toBe(400)
    expect(patch.body.errors[0].field).toBe('body.name')
    const id = await execution(r.id, 'pending')
    for (const [verb, reason] of [
      ['reject', 'no\u0000'],
      ['reject', 'x'.repeat(1001)],
      ['approve', 'ok\u0000'],
      ['approve', 'x'.repeat(1001)],
    ] as const) {
      const res = await api(w, admin).post(`${EXECS}/${id}/${verb}`, { reason })
      expect(res.status, verb).toBe(400)
      expect(res.body.errors[0].field, verb).toBe('body.reason')
    }
    const reset = await api(w, admin).post('/api/admin/automation/breaker/reset', { reason: 'r\u0000' })
    expect(reset.status).toBe(400)
    expect(reset.body.errors[0].field).toBe('body.reason')
    const [e] = await q('select state, version from automation.automation_executions where id = $1', [id])
    expect(e).toEqual({ state: 'pending', version: 1 })
    const [still] = await q('select name, version from automation.automation_rules where id = $1', [r.id])
    expect(still).toEqual({ name: r.name, version: r.version })
  })
})

describe('only platform admins', () => {
  it('a recruiter and a company admin get 403 on every automation route', async () => {
    const r = ok('create', await api(w, admin).post(RULES, rule()))
    const id = await execution(r.id, 'pending')
    const routes = Object.keys(automationRouteMatrix)
    expect(routes.length).toBeGreaterThanOrEqual(19)
    for (const who of [rachel, company.admin]) {
      for (const key of routes) {
        const [method, path] = key.split(' ') as [string, string]
        const url = path.replace(':id', path.includes('/executions/') ? id : r.id)
        const client = api(w, who)
        const res =
          method === 'GET'
            ? await client.get(url)
            : method === 'PATCH'
              ? await client.patch(url, { version: r.version, name: 'Taken over' })
              : await client.post(url, { reason: 'Taken over' })
        expect(res.status, `${key} as ${who === rachel ? 'recruiter' : 'company admin'}`).toBe(403)
      }
    }
    await eventually('nothing changed', async () => {
      const [e] = await q('select state from automation.automation_executions where id = $1', [id])
      const [x] = await q('select name, active from automation.automation_rules where id = $1', [r.id])
      return e!.state === 'pending' && x!.name === r.name && x!.active === false
    })
  })
})
