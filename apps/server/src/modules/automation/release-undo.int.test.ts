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
import { reconcilePayouts } from '../billing/payouts/reconcile.ts'
import { demoPersonasSeed } from '../identity/seed.ts'
import { reconcileLedger } from '../ledger/index.ts'

/**
 * The payout template's action, undone: a rule releases a hold whose guarantee ended (through
 * billing's release: ledger posting, payout schedule), and the undo holds the money again — the
 * payout schedule cancelled while it waits, the release posting reversed, the same hold `active`
 * under a new ledger hold — so the books are exactly as before the release; once the payout run has
 * taken it, the undo is refused (409 automation_not_undoable) and nothing changes. The ledger, the
 * payout reconciliation and the payout audit chain hold.
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
  expect((await reconcilePayouts(app.ctx.db, { now: clock.now() })).checks.filter((c) => !c.ok)).toEqual([])
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

/** The recruiter's held and available accounts: net posted and pending, per kind. */
const books = (recruiterId: string) =>
  q(
    `select kind, sum(credits_posted - debits_posted)::text as posted, sum(debits_pending)::text as debits_pending,
       sum(credits_pending)::text as credits_pending
     from ledger.accounts where owner_id = $1 and kind in ('recruiter_held', 'recruiter_available')
     group by kind order by kind`,
    [recruiterId],
  )
const holdOf = async (id: string) =>
  (
    await q<{
      status: string
      released_at: Date | null
      released_by: string | null
      release_posting_id: string | null
      ledger_hold_id: string
      hold_amount: string
    }>(
      'select status, released_at, released_by, release_posting_id, ledger_hold_id, hold_amount::text from billing.escrow_holds where id = $1',
      [id],
    )
  )[0]!

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
  it('holds the money again: a hold with the same terms active, the release reversed, its payout cancelled; 20 concurrent undos act once', async () => {
    const [active] = await q<{ id: string; recruiter_id: string }>(
      "select id, recruiter_id from billing.escrow_holds where placement_id = $1 and status = 'active' limit 1",
      [ids.placements],
    )
    const before = await books(active!.recruiter_id)
    const original = await holdOf(active!.id)
    const { id, holdId } = await releaseThroughRule(ids.placements!)
    expect(holdId).toBe(active!.id)
    const released = await holdOf(holdId)
    expect(await books(active!.recruiter_id)).not.toEqual(before)
    const [scheduled] = await scheduleOf(holdId)
    expect(scheduled).toMatchObject({ status: 'pending', cancelled_at: null, payout_id: null })

    const undos = await Promise.all(Array.from({ length: 20 }, () => as('admin').post(`${EXECS}/${id}/undo`)))
    const ok = undos.filter((r) => r.status === 200)
    expect(ok, JSON.stringify(undos.map((r) => [r.status, r.body.code]))).toHaveLength(1)
    expect(undos.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(19).fill('automation_execution_already_decided'),
    )
    expect(ok[0]!.body.state).toBe('undone')
    expect(ok[0]!.body.result.undo).toMatchObject({
      released_hold_id: holdId,
      hold_status: 'active',
      held_again: original.hold_amount,
    })
    const newHold = ok[0]!.body.result.undo.hold_id as string

    // held again, as before the release: the released row stays as its history (an escrow hold
    // resolves once), a new hold with the same terms is active under a new ledger hold
    expect(await holdOf(holdId)).toEqual(released)
    const after = await holdOf(newHold)
    expect(after).toMatchObject({ status: 'active', released_at: null, hold_amount: original.hold_amount })
    const terms =
      'placement_id, recruiter_id, payment_id, hold_amount, currency, holdback_bps, hold_reason, release_scheduled_date'
    expect(await q(`select ${terms} from billing.escrow_holds where id = $1`, [newHold])).toEqual(
      await q(`select ${terms} from billing.escrow_holds where id = $1`, [holdId]),
    )
    const [lh] = await q('select status, amount::text from ledger.holds where id = $1', [
      after.ledger_hold_id,
    ])
    expect(lh).toEqual({ status: 'pending', amount: original.hold_amount })
    expect(
      await q(
        "select count(*)::int as n from billing.escrow_holds where placement_id = $1 and status = 'active'",
        [ids.placements],
      ),
    ).toEqual(
      await q(
        "select 1 + count(*)::int as n from billing.escrow_holds where placement_id = $1 and status = 'active' and id <> $2",
        [ids.placements, newHold],
      ),
    )
    // the release posting reversed once (a mirror posting, never an edit); the books as before
    expect(
      await q('select count(*)::int as n from ledger.postings where reverses = $1', [
        released.release_posting_id,
      ]),
    ).toEqual([{ n: 1 }])
    expect(await books(active!.recruiter_id)).toEqual(before)
    const [cancelled] = await scheduleOf(holdId)
    expect(cancelled!.cancelled_at).not.toBeNull()
    const audit = await q<{ action: string; reason: string }>(
      "select action, reason from billing.payout_audit_log where entity_id::text = any($1::text[]) and action in ('payout_schedule.cancelled', 'escrow_hold.release_undone', 'escrow_hold.created') order by seq",
      [
        [
          holdId,
          newHold,
          (
            await q<{ id: string }>('select id from billing.payout_schedules where escrow_hold_id = $1', [
              holdId,
            ])
          )[0]!.id,
        ],
      ],
    )
    expect(audit.map((a) => a.action)).toEqual([
      'escrow_hold.created',
      'payout_schedule.cancelled',
      'escrow_hold.release_undone',
      'escrow_hold.created',
    ])
    expect(audit.slice(1).every((a) => a.reason.includes('Undo of automation rule'))).toBe(true)
    // the recruiter, told the money was released, hears once that it is held again
    const told = await q<{ title: string; body: string }>(
      `select i.title, i.body from notifications.inbox i
        join network.recruiters r on r.user_id = i.user_id
       where r.id = $1 and i.type = 'escrow.release_undone'`,
      [active!.recruiter_id],
    )
    expect(told).toHaveLength(1)
    expect(told[0]!.title).toMatch(/is held again$/)
    expect(told[0]!.body).toMatch(/held until the guarantee ends on \d{4}-\d{2}-\d{2}/)
    const again = await as('admin').post(`${EXECS}/${id}/undo`)
    expect(again.status).toBe(409)
    await proof()

    // held again means releasable again
    const rerelease = await as('admin').post(`/api/escrow-holds/${newHold}/release`, {})
    expect(rerelease.status, JSON.stringify(rerelease.body)).toBeLessThan(300)
    expect((await holdOf(newHold)).status).toBe('released')
    expect(await scheduleOf(newHold)).toHaveLength(1)
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
