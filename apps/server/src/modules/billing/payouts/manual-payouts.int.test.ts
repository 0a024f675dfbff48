import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../../packages/testing/src/api-client.ts'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import { addAcmeCompany } from '../../../../../../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { accountBalance, reconcileLedger } from '../../ledger/index.ts'
import { account } from '../book.ts'
import { verifyPayoutAuditChain } from '../payout-audit.ts'
import { reconcilePayouts } from './reconcile.ts'

/**
 * Without a Stripe key, payouts go through the manual bank-transfer adapter: a run puts due payouts
 * in the CSV batch (money in flight), an admin pays each from the platform's bank and marks it paid
 * (in flight → paid) or failed (back to available, the schedule waiting for a trigger). Connect
 * onboarding says there is nothing to set up. Also: an admin's own payout of a recruiter's
 * schedules, schedule edits with versions, and the company's holdback setting.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

async function proof() {
  expect((await reconcileLedger(app.ctx.db)).checks.filter((c) => !c.ok)).toEqual([])
  expect((await reconcilePayouts(app.ctx.db, { now: clock.now() })).checks.filter((c) => !c.ok)).toEqual([])
  expect(await verifyPayoutAuditChain(app.ctx.db)).toMatchObject({ ok: true })
}

const available = (recruiterId: string) =>
  inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    accountBalance(tx, account.recruiterAvailable(recruiterId, 'USD')),
  )

async function hireAndPay(title: string, salary: string) {
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
    base_salary: { amount: salary, currency: 'USD' },
    start_date: '2026-06-01',
  })
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
  expect(paid.status).toBe(201)
  return placement
}

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx)
  for (const [key, email] of Object.entries({
    dana: 'dana@acme.demo',
    rachel: 'rachel@recruiters.demo',
    tom: 'tom@talentbridge.demo',
    admin: 'admin@splits.demo',
  })) {
    s[key] = await sessionFor(app.ctx, { email })
  }
  ids.tom = (await as('tom').get('/api/recruiters/me')).body.id
  ids.rachel = (await as('rachel').get('/api/recruiters/me')).body.id
}, 60_000)
afterAll(async () => app?.stop())

describe('payouts without Stripe: the manual bank-transfer batch', () => {
  it('tells recruiters there is nothing to set up, and refuses Connect onboarding with a clear 503', async () => {
    const me = await as('rachel').get('/api/stripe/connect/me')
    expect(me.body).toMatchObject({ payout_method: 'manual_bank', readiness: { can_receive_payouts: true } })
    const onboard = await as('rachel').post('/api/stripe/connect/onboard', {})
    expect(onboard).toMatchObject({ status: 503, body: { code: 'connect_unavailable' } })
  })

  it('uses the company’s holdback when one is set', async () => {
    const set = await as('admin').put(`/api/companies/${ids.acme}/payout-terms`, { holdback_bps: 1000 })
    expect(set.body).toMatchObject({ holdback_bps: 1000, default_bps: 2000 })
    ids.placement = await hireAndPay('Batch Engineer', '12000000')
    const holds = (await as('admin').get(`/api/placements/${ids.placement}/escrow-holds`)).body.data
    expect(holds.every((h: { holdback_bps: number }) => h.holdback_bps === 1000)).toBe(true)
    await as('admin').put(`/api/companies/${ids.acme}/payout-terms`, { holdback_bps: null })
    await proof()
  })

  it('puts due payouts in the CSV batch; the admin marks one paid and one failed', async () => {
    const run = await as('admin').post('/api/payout-schedules/process-due', {})
    expect(run.body).toMatchObject({ awaiting_manual: 2, completed: 0 })
    const csv = await fetch(`${app.baseUrl}/api/payouts/batch.csv`, { headers: s.admin!.headers })
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = (await csv.text()).trim().split('\r\n')
    expect(lines[0]).toBe(
      'payout_id,recruiter_id,payee_name,payee_email,amount,currency,amount_minor_units,placement_id,reference,created_at',
    )
    expect(lines).toHaveLength(3)
    const rachelLine = lines.find((l) => l.includes(ids.rachel!))!
    const rachelPayout = rachelLine.split(',')[0]!
    const tomPayout = lines.find((l) => l.includes(ids.tom!))!.split(',')[0]!
    expect(rachelLine).toContain('rachel@recruiters.demo')
    // not yet in a batch, already marked, or a Stripe payout: refused
    const paid = await as('admin').post(`/api/payouts/${rachelPayout}/mark-paid`, { reference: 'BANK-0001' })
    expect(paid.body).toMatchObject({ status: 'completed', manual_reference: 'BANK-0001' })
    expect(
      (await as('admin').post(`/api/payouts/${rachelPayout}/mark-paid`, { reference: 'BANK-0001' })).body
        .code,
    ).toBe('invalid_state_transition')
    expect((await as('admin').post(`/api/payouts/${rachelPayout}/process`, {})).body.code).toBe(
      'invalid_state_transition',
    )
    const before = (await available(ids.tom!)).posted
    const failed = await as('admin').post(`/api/payouts/${tomPayout}/mark-failed`, {
      reason: 'Account number rejected',
    })
    expect(failed.body).toMatchObject({ status: 'failed' })
    expect((await available(ids.tom!)).posted).toBe(before + BigInt(failed.body.amount.amount))
    const tomSchedule = (
      await as('admin').get(`/api/payout-schedules?recruiter_id=${ids.tom}&placement_id=${ids.placement}`)
    ).body.data[0]
    expect(tomSchedule).toMatchObject({ status: 'failed', cancelled: false })
    const notices = (await as('tom').get('/api/notifications')).body.data
    expect(notices.some((n: { type: string }) => n.type === 'payout.returned')).toBe(true)
    const empty = await fetch(`${app.baseUrl}/api/payouts/batch.csv`, { headers: s.admin!.headers })
    expect((await empty.text()).trim().split('\r\n')).toHaveLength(1)
    await proof()
  })

  it('lets an admin pay a recruiter’s failed schedules again as one payout', async () => {
    const created = await as('admin').post('/api/payouts', {
      placement_id: ids.placement,
      recruiter_id: ids.tom,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ status: 'pending', method: 'manual_bank' })
    expect(created.body.splits).toHaveLength(1)
    const again = await as('admin').post('/api/payouts', {
      placement_id: ids.placement,
      recruiter_id: ids.tom,
    })
    expect(again).toMatchObject({ status: 422, body: { code: 'nothing_to_pay' } })
    const processed = await as('admin').post(`/api/payouts/${created.body.id}/process`, {})
    expect(processed.body.payout).toMatchObject({ status: 'processing' })
    const paid = await as('admin').post(`/api/payouts/${created.body.id}/mark-paid`, {
      reference: 'BANK-0002',
    })
    expect(paid.body.status).toBe('completed')
    await proof()
  })

  it('moves and cancels schedules with versions, and schedules the freed money again', async () => {
    const placement = await hireAndPay('Schedule Engineer', '10000000')
    const [schedule] = (
      await as('admin').get(`/api/payout-schedules?placement_id=${placement}&recruiter_id=${ids.rachel}`)
    ).body.data
    const moved = await as('admin').patch(`/api/payout-schedules/${schedule.id}`, {
      version: schedule.version,
      scheduled_date: '2026-05-20',
    })
    expect(moved.body).toMatchObject({ scheduled_date: '2026-05-20', version: schedule.version + 1 })
    const stale = await as('admin').patch(`/api/payout-schedules/${schedule.id}`, {
      version: schedule.version,
      scheduled_date: '2026-05-21',
    })
    expect(stale).toMatchObject({ status: 409, body: { code: 'version_conflict' } })
    const cancelled = await as('admin').patch(`/api/payout-schedules/${schedule.id}`, {
      version: moved.body.version,
      cancel: { reason: 'Paid outside the platform by mistake; to be redone' },
    })
    expect(cancelled.body).toMatchObject({ status: 'failed', cancelled: true })
    expect((await as('admin').post(`/api/payout-schedules/${schedule.id}/trigger`, {})).status).toBe(409)
    await proof()
    const again = await as('admin').post('/api/payout-schedules', {
      placement_id: placement,
      recruiter_id: ids.rachel,
      scheduled_date: '2026-05-04',
    })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    expect(again.body).toMatchObject({ amount: schedule.amount, trigger_event: 'manual', status: 'pending' })
    expect(
      (
        await as('admin').post('/api/payout-schedules', {
          placement_id: placement,
          recruiter_id: ids.rachel,
          scheduled_date: '2026-05-04',
        })
      ).body.code,
    ).toBe('nothing_to_pay')
    await proof()
  })
})
