import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../packages/testing/src/api-client.ts'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import { addAcmeCompany } from '../../../../../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { verifyPayoutAuditChain } from '../billing/index.ts'
import { demoPersonasSeed } from '../identity/seed.ts'
import { reconcileLedger } from '../ledger/index.ts'

/**
 * The payout template's action, undone: a rule releases a hold whose guarantee ended (through
 * billing's release: ledger posting, payout schedule), and the undo cancels that payout schedule
 * while it waits; once the payout run has taken it, the undo is refused (409
 * automation_not_undoable) and nothing changes. The ledger and the payout audit chain hold.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])
const q = async <T = Record<string, unknown>>(text: string, args: unknown[] = []) =>
  (await database.current.pool.query(text, args)).rows as T[]

const PEOPLE = {
  dana: 'dana@acme.demo',
  rachel: 'rachel@recruiters.demo',
  tom: 'tom@talentbridge.demo',
  admin: 'admin@splits.demo',
}
async function signIn() {
  for (const [key, email] of Object.entries(PEOPLE)) s[key] = await sessionFor(app.ctx, { email })
}

async function hireAndPay(title: string) {
  const role = await as('dana').post('/api/roles', {
    company_id: ids.acme,
    title,
    description: 'Build things.',
    function: 'engineering',
    seniority: 'senior',
    work_mode: 'remote',
    salary: { min: '10000000', max: '20000000', currency: 'USD' },
    job_owner_recruiter_id: ids.tom,
    openings: 5,
  })
  await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })
  const cand = await as('rachel').post('/api/candidates', {
    full_name: `Candidate ${title}`,
    email: `${randomUUID()}@example.com`,
    consent: { method: 'email', text_version: 'rtr-2026-01' },
  })
  const application = await as('rachel').post('/api/applications', {
    role_id: role.body.id,
    candidate_id: cand.body.candidate.id,
  })
  for (const to of ['screening', 'interview', 'offer']) {
    await as('dana').post(`/api/applications/${application.body.id}/stage`, { to })
  }
  const hired = await as('dana').post(`/api/applications/${application.body.id}/hire`, {
    base_salary: { amount: '12000000', currency: 'USD' },
    start_date: '2026-06-01',
  })
  expect(hired.status, JSON.stringify(hired.body)).toBe(201)
  const placement = hired.body.placement_id as string
  const invoice = await eventually(
    'the invoice',
    async () => (await as('admin').get(`/api/invoices?placement_id=${placement}`)).body.data?.[0],
  )
  const paid = await as('admin').post(`/api/invoices/${invoice.id}/payments`, {
    amount: invoice.total.amount,
    currency: 'USD',
    received_on: '2026-05-04',
    reference: `WIRE ${title}`,
  })
  expect(paid.status, JSON.stringify(paid.body)).toBe(201)
  return placement
}

async function proof() {
  expect((await reconcileLedger(app.ctx.db)).checks.filter((c) => !c.ok)).toEqual([])
  expect(await verifyPayoutAuditChain(app.ctx.db)).toMatchObject({ ok: true })
}

const EXECS = '/api/admin/automation/executions'

async function releaseThroughRule(placement: string) {
  const [hold] = await q<{ id: string; status: string }>(
    "select id, status from billing.escrow_holds where placement_id = $1 and status = 'active' limit 1",
    [placement],
  )
  expect(hold).toBeTruthy()
  const rule = await as('admin').post('/api/admin/automation/rules', {
    name: `Release after the guarantee ${randomUUID().slice(0, 6)}`,
    trigger: { kind: 'schedule', key: 'guarantee_ended', schedule: 'daily' },
    conditions: { all: [{ field: 'hold_id', op: 'eq', value: hold!.id }] },
    action: { type: 'release_guarantee_hold', params: {} },
  })
  expect(rule.status, JSON.stringify(rule.body)).toBe(201)
  await as('admin').post(`/api/admin/automation/rules/${rule.body.id}/activate`)
  const run = await as('admin').post(`/api/admin/automation/rules/${rule.body.id}/run`)
  expect(run.body.outcomes).toEqual({ created: 1 })
  const page = await as('admin').get(`${EXECS}?rule_id=${rule.body.id}&state=pending`)
  const id = page.body.data[0].id as string
  expect((await as('admin').post(`${EXECS}/${id}/approve`)).body.state).toBe('approved')
  const done = await eventually('the release ran', async () => {
    const e = (await as('admin').get(`${EXECS}/${id}`)).body
    return e.state !== 'approved' && e
  })
  expect(done, JSON.stringify(done)).toMatchObject({ state: 'executed', undoable: true })
  const [released] = await q<{ status: string }>('select status from billing.escrow_holds where id = $1', [
    hold!.id,
  ])
  expect(released!.status).toBe('released')
  return { id, holdId: hold!.id }
}

const scheduleOf = (holdId: string) =>
  q<{ status: string; cancelled_at: Date | null; payout_id: string | null }>(
    "select status, cancelled_at, payout_id from billing.payout_schedules where escrow_hold_id = $1 and trigger_event = 'guarantee_complete'",
    [holdId],
  )

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx)
  await signIn()
  ids.tom = (await as('tom').get('/api/recruiters/me')).body.id
  ids.placements = await hireAndPay('Release Engineer')
  ids.second = await hireAndPay('Paid Engineer')
  // the guarantee is over (sessions signed in again: months pass)
  clock.set('2026-10-01T09:00:00Z')
  await signIn()
}, 90_000)
afterAll(async () => app?.stop())

describe('undoing a hold release', () => {
  it('cancels the payout the release scheduled while it waits; the money stays released, the books balance', async () => {
    const { id, holdId } = await releaseThroughRule(ids.placements!)
    const [before] = await scheduleOf(holdId)
    expect(before).toMatchObject({ status: 'pending', cancelled_at: null, payout_id: null })
    const undone = await as('admin').post(`${EXECS}/${id}/undo`)
    expect(undone.status, JSON.stringify(undone.body)).toBe(200)
    expect(undone.body.state).toBe('undone')
    const [after] = await scheduleOf(holdId)
    expect(after!.cancelled_at).not.toBeNull()
    const audit = await q(
      "select reason from billing.payout_audit_log where entity_type = 'payout_schedule' and action = 'payout_schedule.cancelled' order by created_at desc limit 1",
    )
    expect(String(audit[0]?.reason)).toContain('Undo of automation rule')
    const again = await as('admin').post(`${EXECS}/${id}/undo`)
    expect(again.status).toBe(409)
    await proof()
  })

  it('once the payout run has taken it, undo is 409 automation_not_undoable and nothing changes', async () => {
    const { id, holdId } = await releaseThroughRule(ids.second!)
    const run = await as('admin').post('/api/payout-schedules/process-due', {})
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    const [taken] = await scheduleOf(holdId)
    expect(taken!.payout_id).not.toBeNull()
    const undo = await as('admin').post(`${EXECS}/${id}/undo`)
    expect(undo.status, JSON.stringify(undo.body)).toBe(409)
    expect(undo.body.code).toBe('automation_not_undoable')
    expect((await as('admin').get(`${EXECS}/${id}`)).body.state).toBe('executed')
    const [still] = await scheduleOf(holdId)
    expect(still).toEqual(taken)
    await proof()
  })
})
