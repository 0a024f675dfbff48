import { randomUUID } from 'node:crypto'
import { type StripeTestServer, signatureHeader, startStripeTestServer } from '@app/stripe-test-server'
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
 * Money II end to end on the real server and the local Stripe test server (official SDK): Connect
 * onboarding, a card payment split into released money and a holdback, the payout run (Rachel
 * paid, Tom parked until his account can receive money, then resumed by `account.updated`),
 * bank payouts paid and a paid → failed flip returning the money, temporary errors retried with
 * one key, the holdback released at guarantee end and paid, the bad inputs of issue 9, and a
 * fall-off after payout becoming a debt netted against the next payout. The ledger, the payout
 * documents and the audit chain are proven after every step.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_payouts_test'
const clock = new FixedClock('2026-05-04T09:00:00Z')
let stripe: StripeTestServer
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

async function proof() {
  const ledger = await reconcileLedger(app.ctx.db)
  expect(ledger.checks.filter((c) => !c.ok)).toEqual([])
  const payouts = await reconcilePayouts(app.ctx.db, { now: clock.now() })
  expect(payouts.checks.filter((c) => !c.ok)).toEqual([])
  expect(await verifyPayoutAuditChain(app.ctx.db)).toMatchObject({ ok: true })
}

const balance = (
  kind: 'recruiterHeld' | 'recruiterAvailable' | 'recruiterInFlight' | 'recruiterPaid' | 'recruiterDebt',
  recruiterId: string,
) =>
  inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    accountBalance(tx, account[kind](recruiterId, 'USD')),
  )

async function hire(title: string, salary: string) {
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
  expect(hired.status).toBe(201)
  const placement = hired.body.placement_id as string
  const invoice = await eventually(
    'the invoice',
    async () => (await as('dana').get(`/api/invoices?placement_id=${placement}`)).body.data?.[0],
  )
  return { placement, invoice: invoice.id as string }
}

async function payByCard(invoice: string) {
  const r = await as('dana').post(`/api/invoices/${invoice}/pay`, {
    method: 'card',
    payment_method: 'pm_card_visa',
  })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  await eventually(
    'the paid invoice',
    async () => (await as('dana').get(`/api/invoices/${invoice}`)).body.status === 'paid',
  )
}

async function onboard(who: string) {
  const r = await as(who).post('/api/stripe/connect/onboard', {})
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  const visit = await fetch(r.body.url, { redirect: 'manual' })
  expect(visit.status).toBe(303)
  return r.body.account.account_id as string
}

async function settled() {
  // webhooks delivered, and the queue has processed every Stripe event
  await stripe.control.waitForWebhooks()
  await eventually('stripe events processed', async () => {
    const r = await database.current.pool.query(
      `select count(*)::int as n from billing.stripe_events where processed_at is null`,
    )
    return r.rows[0].n === 0
  })
}

const PEOPLE = {
  dana: 'dana@acme.demo',
  rachel: 'rachel@recruiters.demo',
  tom: 'tom@talentbridge.demo',
  admin: 'admin@splits.demo',
}
async function signIn() {
  for (const [key, email] of Object.entries(PEOPLE)) s[key] = await sessionFor(app.ctx, { email })
}
/** Moves the injected clock (sessions are signed in again: months pass). */
async function travel(to: string) {
  clock.set(to)
  await signIn()
}

const payoutsOf = async (recruiter: string, placement: string) =>
  (await as('admin').get(`/api/payouts?recruiter_id=${recruiter}&placement_id=${placement}`)).body
    .data as Record<string, any>[]

beforeAll(async () => {
  stripe = await startStripeTestServer({
    webhookRetry: { maxAttempts: 5, backoffMs: () => 50, timeoutMs: 5000 },
  })
  app = await startTestApp(database.current.url, {
    clock,
    env: {
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    },
  })
  stripe.control.setWebhookEndpoints([{ url: `${app.baseUrl}/api/webhooks/stripe`, secret: WEBHOOK_SECRET }])
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx, { paymentTerms: 'net_30' })
  await signIn()
  ids.tom = (await as('tom').get('/api/recruiters/me')).body.id
  ids.rachel = (await as('rachel').get('/api/recruiters/me')).body.id
}, 60_000)
afterAll(async () => {
  await app?.stop()
  await stripe?.stop()
})

describe('Stripe Connect onboarding', () => {
  it('tells a recruiter without an account why they cannot be paid and what to do', async () => {
    const me = await as('tom').get('/api/stripe/connect/me')
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({
      account_id: null,
      payout_method: 'stripe_connect',
      readiness: {
        can_receive_payouts: false,
        code: 'no_account',
        next_step: { action: 'start_onboarding' },
      },
    })
  })

  it('creates the account once however many requests race, and gives a fresh single-use link each time', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => as('rachel').post('/api/stripe/connect/onboard', {})),
    )
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    const accounts = new Set(results.map((r) => r.body.account.account_id))
    expect(accounts.size).toBe(1)
    expect(new Set(results.map((r) => r.body.url)).size).toBe(5)
    // one account at Stripe (twins waited on the same idempotency key and got its answer)
    const accountObjects = [...stripe.state.objects.values()].filter((o) => o.object === 'account')
    expect(accountObjects).toHaveLength(1)
    ids.rachelAccount = [...accounts][0] as string
    // the link is single use: a used link is refused, a new call gives a new one
    const first = await fetch(results[0]!.body.url, { redirect: 'manual' })
    expect(first.status).toBe(303)
    const again = await fetch(results[0]!.body.url, { redirect: 'manual' })
    expect(again.status).toBe(410)
    await settled()
    const me = await as('rachel').get('/api/stripe/connect/me')
    expect(me.body).toMatchObject({
      account_id: ids.rachelAccount,
      payouts_enabled: true,
      transfers_capability: 'active',
      readiness: { can_receive_payouts: true, code: 'ready' },
    })
  })

  it('shows an account’s status to its recruiter and admins only', async () => {
    expect(
      (await as('rachel').get(`/api/stripe/connect/status/${ids.rachelAccount}`)).body.readiness.code,
    ).toBe('ready')
    expect(
      (await as('admin').get(`/api/stripe/connect/status/${ids.rachelAccount}?refresh=true`)).status,
    ).toBe(200)
    expect((await as('tom').get(`/api/stripe/connect/status/${ids.rachelAccount}`)).status).toBe(404)
    expect((await as('dana').get(`/api/stripe/connect/status/${ids.rachelAccount}`)).status).toBe(403)
  })
})

describe('a company pays: released money, holdback, payouts', () => {
  it('splits each recruiter’s share into money available now and a holdback held until the guarantee ends', async () => {
    const { placement, invoice } = await hire('Payout Engineer', '12000000')
    ids.placement = placement
    ids.invoice = invoice
    await payByCard(invoice)
    const holds = (await as('admin').get(`/api/placements/${placement}/escrow-holds`)).body.data
    expect(holds).toHaveLength(2)
    for (const h of holds) {
      expect(h).toMatchObject({ status: 'active', holdback_bps: 2000, release_scheduled_date: '2026-08-30' })
      const held = await balance('recruiterHeld', h.recruiter_id)
      expect(held.posted).toBe(BigInt(h.hold_amount.amount))
      expect(held.available).toBe(0n)
      const available = await balance('recruiterAvailable', h.recruiter_id)
      expect(available.posted).toBe(BigInt(h.hold_amount.amount) * 4n)
    }
    const total = (await as('rachel').get(`/api/placements/${placement}/escrow-holds/total`)).body
    expect(total.totals[0]).toMatchObject({ active_holds: 1, next_release_date: '2026-08-30' })
    const schedules = (await as('admin').get(`/api/payout-schedules?placement_id=${placement}`)).body.data
    expect(schedules).toHaveLength(2)
    expect(
      schedules.every(
        (x: { status: string; trigger_event: string }) =>
          x.status === 'pending' && x.trigger_event === 'payment_received',
      ),
    ).toBe(true)
    await proof()
  })

  it('pays Rachel by one transfer (placement group, source charge) and parks Tom’s payout with the reason', async () => {
    const run = await as('admin').post('/api/payout-schedules/process-due', {})
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    expect(run.body).toMatchObject({ completed: 1, parked: 1 })
    const [rachel] = await payoutsOf(ids.rachel!, ids.placement!)
    expect(rachel).toMatchObject({
      status: 'completed',
      transfer_group: `placement_${ids.placement}`,
      attempts: 1,
    })
    const transfer = stripe.state.objects.get(rachel!.stripe_transfer_id) as Record<string, any>
    expect(transfer).toMatchObject({
      destination: ids.rachelAccount,
      transfer_group: `placement_${ids.placement}`,
    })
    expect(transfer.source_transaction).toMatch(/^ch_/)
    expect(transfer.metadata.payout_id).toBe(rachel!.id)
    const [tom] = await payoutsOf(ids.tom!, ids.placement!)
    expect(tom).toMatchObject({ status: 'pending', parked: { code: 'account' } })
    const tomSchedule = (await as('admin').get(`/api/payout-schedules?recruiter_id=${ids.tom}`)).body.data[0]
    expect(tomSchedule).toMatchObject({ status: 'failed', cancelled: false })
    expect(tomSchedule.failure_reason).toMatch(/not set up payouts/)
    const earnings = (await as('tom').get('/api/me/earnings')).body
    expect(earnings.payout_account.readiness.code).toBe('no_account')
    expect(earnings.blocked_payouts).toHaveLength(1)
    const notices = (await as('tom').get('/api/notifications')).body.data
    expect(notices.some((n: { type: string }) => n.type === 'payout.account_action_needed')).toBe(true)
    await proof()
  })

  it('resumes Tom’s parked payout by itself when account.updated says his account can receive money', async () => {
    ids.tomAccount = await onboard('tom')
    await settled()
    const tom = await eventually('Tom paid', async () => {
      const [p] = await payoutsOf(ids.tom!, ids.placement!)
      return p?.status === 'completed' ? p : undefined
    })
    expect(tom.parked).toBeNull()
    expect(stripe.control.transfersByDestinationAndGroup()).toEqual({
      [`${ids.rachelAccount}|placement_${ids.placement}`]: 1,
      [`${ids.tomAccount}|placement_${ids.placement}`]: 1,
    })
    await proof()
  })

  it('pays each transfer out to the bank, and a paid → failed flip brings the money back, once', async () => {
    await eventually('bank payouts paid', async () => {
      await settled()
      const ps = [
        ...(await payoutsOf(ids.rachel!, ids.placement!)),
        ...(await payoutsOf(ids.tom!, ids.placement!)),
      ]
      return ps.every((p) => p.bank_payout_status === 'paid') ? ps : undefined
    })
    const [rachel] = await payoutsOf(ids.rachel!, ids.placement!)
    const paidBefore = (await balance('recruiterPaid', ids.rachel!)).posted
    stripe.control.payoutFailed(rachel!.stripe_payout_id, 'account_closed')
    await settled()
    const failed = await eventually('the returned payout', async () => {
      const p = (await as('admin').get(`/api/payouts/${rachel!.id}`)).body
      return p.status === 'failed' ? p : undefined
    })
    expect(failed).toMatchObject({ bank_payout_status: 'failed', bank_failure_code: 'account_closed' })
    const transfer = stripe.state.objects.get(rachel!.stripe_transfer_id) as Record<string, any>
    expect(transfer.amount_reversed).toBe(transfer.amount)
    expect((await balance('recruiterPaid', ids.rachel!)).posted).toBe(
      paidBefore - BigInt(rachel!.amount.amount),
    )
    expect((await balance('recruiterAvailable', ids.rachel!)).posted).toBe(BigInt(rachel!.amount.amount))
    const waiting = (await as('admin').get(`/api/payout-schedules?recruiter_id=${ids.rachel}&status=failed`))
      .body.data
    expect(waiting[0]).toMatchObject({ trigger_event: 'payout_returned', cancelled: false })
    const notices = (await as('rachel').get('/api/notifications')).body.data
    expect(notices.some((n: { type: string }) => n.type === 'payout.returned')).toBe(true)
    // the same event again (a redelivery) changes nothing
    const event = stripe.control.events({ type: 'payout.failed' })[0]!
    const body = JSON.stringify(event)
    const again = await fetch(`${app.baseUrl}/api/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signatureHeader(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000)),
      },
      body,
    })
    expect(await again.json()).toEqual({ received: true, duplicate: true })
    // payout.updated (failed) and payout.failed may both ask: the same key, one reversal at Stripe
    const reversals = stripe.control
      .requests()
      .filter((r) => r.route === 'POST /v1/transfers/:id/reversals' && r.status === 200 && !r.replayed)
    expect(reversals).toHaveLength(1)
    await proof()
  })

  it('pays the returned money again once the recruiter fixes their account (account.updated)', async () => {
    stripe.control.setOnboarding(ids.rachelAccount!, 'restricted')
    await settled()
    expect((await as('rachel').get('/api/stripe/connect/me')).body.readiness.can_receive_payouts).toBe(false)
    stripe.control.setOnboarding(ids.rachelAccount!, 'complete')
    await settled()
    await eventually('the returned money paid again', async () => {
      const ps = await payoutsOf(ids.rachel!, ids.placement!)
      return ps.some((p) => p.status === 'completed') ? ps : undefined
    })
    expect((await balance('recruiterAvailable', ids.rachel!)).posted).toBe(0n)
    await proof()
  })
})

describe('temporary errors and crashes: one key per payout', () => {
  it('retries a 500 later with the same key, and a lost answer replays the same transfer', async () => {
    const { placement, invoice } = await hire('Retry Engineer', '10000000')
    ids.retryPlacement = placement
    await payByCard(invoice)
    stripe.control.injectFault({ kind: 'api_error', path: '/v1/transfers', method: 'POST', times: 10 })
    const first = await as('admin').post('/api/payout-schedules/process-due', {})
    expect(first.body).toMatchObject({ retried: 2, completed: 0 })
    const schedules = (await as('admin').get(`/api/payout-schedules?placement_id=${placement}`)).body.data
    expect(
      schedules.every(
        (x: { status: string; retry_count: number; next_attempt_at: string }) =>
          x.status === 'pending' && x.retry_count === 1 && x.next_attempt_at,
      ),
    ).toBe(true)
    stripe.control.clearFaults()
    // the answer is lost after each transfer was made: the retry (same key) gets the same transfer
    stripe.control.injectFault({
      kind: 'network',
      path: '/v1/transfers',
      method: 'POST',
      when: 'after',
      times: 2,
    })
    clock.advance(61_000)
    const second = await as('admin').post('/api/payout-schedules/process-due', {})
    stripe.control.clearFaults()
    if (second.body.completed < 2) {
      clock.advance(301_000)
      await as('admin').post('/api/payout-schedules/process-due', {})
    }
    const done = await payoutsOf(ids.rachel!, placement)
    expect(done[0]).toMatchObject({ status: 'completed' })
    const replays = stripe.control.requests().filter((r) => r.route === 'POST /v1/transfers' && r.replayed)
    expect(replays.length).toBeGreaterThan(0)
    const counts = stripe.control.transfersByDestinationAndGroup()
    expect(counts[`${ids.rachelAccount}|placement_${placement}`]).toBe(1)
    expect(counts[`${ids.tomAccount}|placement_${placement}`]).toBe(1)
    const keys = new Set(
      stripe.control
        .requests()
        .filter((r) => r.route === 'POST /v1/transfers')
        .map((r) => r.idempotencyKey),
    )
    expect([...keys].every((k) => k?.startsWith('payout:'))).toBe(true)
    await proof()
  })

  it('fails a payout after 3 temporary errors (having asked Stripe), returns the money, and a trigger pays it', async () => {
    const { placement, invoice } = await hire('Flaky Engineer', '10000000')
    await payByCard(invoice)
    stripe.control.injectFault({ kind: 'rate_limit', path: '/v1/transfers', method: 'POST', times: 1000 })
    for (let i = 0; i < 3; i++) {
      await as('admin').post('/api/payout-schedules/process-due', {})
      clock.advance(301_000)
    }
    await signIn()
    stripe.control.clearFaults()
    const payouts = await payoutsOf(ids.rachel!, placement)
    expect(payouts[0]).toMatchObject({ status: 'failed', attempts: 3 })
    expect(payouts[0]!.failure_reason).toMatch(/3 attempts failed/)
    const schedule = (
      await as('admin').get(`/api/payout-schedules?placement_id=${placement}&recruiter_id=${ids.rachel}`)
    ).body.data[0]
    expect(schedule).toMatchObject({ status: 'failed', retry_count: 3 })
    expect((await balance('recruiterInFlight', ids.rachel!)).posted).toBe(0n)
    await proof()
    const trigger = await as('admin').post(`/api/payout-schedules/${schedule.id}/trigger`, {})
    expect(trigger.status, JSON.stringify(trigger.body)).toBe(200)
    expect(trigger.body).toMatchObject({ run: { completed: 1 }, schedule: { status: 'processed' } })
    expect(
      stripe.control.transfersByDestinationAndGroup()[`${ids.rachelAccount}|placement_${placement}`],
    ).toBe(1)
    await proof()
  })

  it('re-drives a payout a crashed worker left processing: same key, same transfer', async () => {
    const { placement, invoice } = await hire('Crash Engineer', '10000000')
    await payByCard(invoice)
    const { claim, send } = await import('./engine.ts')
    // a worker claims and sends, then dies before recording anything
    const claimed = await claim(app.ctx, { limit: 10, leaseMs: 1000 })
    expect(claimed.jobs.length).toBe(2)
    await send(app.ctx, claimed.jobs[0]!)
    clock.advance(2000)
    const run = await as('admin').post('/api/payout-schedules/process-due', {})
    expect(run.body).toMatchObject({ redriven: 2, completed: 2 })
    const counts = stripe.control.transfersByDestinationAndGroup()
    expect(counts[`${ids.rachelAccount}|placement_${placement}`]).toBe(1)
    expect(counts[`${ids.tomAccount}|placement_${placement}`]).toBe(1)
    await proof()
  })
})

describe('escrow holds: release at guarantee end, cancel, once each', () => {
  it('releases due holds at the guarantee end and pays them on the next run', async () => {
    await travel('2026-08-30T03:00:00Z')
    const due = (await as('admin').get(`/api/escrow-holds?due_by=2026-08-30&placement_id=${ids.placement}`))
      .body.data
    expect(due).toHaveLength(2)
    const released = await as('admin').post('/api/escrow-holds/process-due', {})
    expect(released.status).toBe(200)
    expect(released.body.released).toBeGreaterThanOrEqual(2)
    const holds = (await as('admin').get(`/api/placements/${ids.placement}/escrow-holds`)).body.data
    expect(holds.every((h: { status: string }) => h.status === 'released')).toBe(true)
    await proof()
    const run = await as('admin').post('/api/payout-schedules/process-due', {})
    expect(run.body.completed).toBeGreaterThanOrEqual(2)
    const paidHolds = (await as('admin').get(`/api/placements/${ids.placement}/escrow-holds`)).body.data
    expect(paidHolds.every((h: { payout_id: string | null }) => h.payout_id !== null)).toBe(true)
    const statement = (await as('rachel').get(`/api/placements/${ids.placement}/payouts`)).body
    expect(statement.recruiters).toHaveLength(1)
    const line = statement.recruiters[0]
    expect(line).toMatchObject({ held: { amount: '0' }, in_flight: { amount: '0' }, debt: { amount: '0' } })
    expect(BigInt(line.paid.amount)).toBe(BigInt(line.collected.amount))
    await proof()
  })

  it('refuses releasing a cancelled hold and cancelling a released one (409), changing nothing', async () => {
    await travel('2026-06-05T09:00:00Z')
    const { placement, invoice } = await hire('Hold Engineer', '10000000')
    await payByCard(invoice)
    const [a, b] = (await as('admin').get(`/api/placements/${placement}/escrow-holds`)).body.data
    const cancel = await as('admin').post(`/api/escrow-holds/${a.id}/cancel`, {
      reason: 'Dispute with the company',
    })
    expect(cancel.body).toMatchObject({
      status: 'cancelled',
      cancellation_reason: 'Dispute with the company',
    })
    const releaseCancelled = await as('admin').post(`/api/escrow-holds/${a.id}/release`, {})
    expect(releaseCancelled).toMatchObject({ status: 409, body: { code: 'invalid_state_transition' } })
    const release = await as('admin').post(`/api/escrow-holds/${b.id}/release`, {})
    expect(release.body.status).toBe('released')
    const cancelReleased = await as('admin').post(`/api/escrow-holds/${b.id}/cancel`, { reason: 'too late' })
    expect(cancelReleased).toMatchObject({ status: 409, body: { code: 'invalid_state_transition' } })
    expect((await as('admin').post(`/api/escrow-holds/${b.id}/release`, {})).status).toBe(409)
    expect((await as('admin').get(`/api/escrow-holds/${b.id}`)).body.status).toBe('released')
    expect((await as('rachel').get(`/api/escrow-holds/${a.id}`)).status).toBe(
      a.recruiter_id === ids.rachel ? 200 : 404,
    )
    await proof()
  })
})

describe('bad input: a clear 4xx with a stable code, nothing changed', () => {
  it('refuses processing a completed payout', async () => {
    const [rachel] = (await payoutsOf(ids.rachel!, ids.placement!)).filter((p) => p.status === 'completed')
    const r = await as('admin').post(`/api/payouts/${rachel!.id}/process`, {})
    expect(r).toMatchObject({ status: 409, body: { code: 'invalid_state_transition' } })
    expect((await as('admin').get(`/api/payouts/${rachel!.id}`)).body.status).toBe('completed')
  })

  it('refuses a schedule (or a payout) for a placement without a paid invoice', async () => {
    const { placement } = await hire('Unpaid Engineer', '10000000')
    const before = await database.current.pool.query(
      'select count(*)::int as n from billing.payout_schedules',
    )
    const r = await as('admin').post('/api/payout-schedules', {
      placement_id: placement,
      recruiter_id: ids.rachel,
      scheduled_date: '2026-09-01',
    })
    expect(r).toMatchObject({ status: 422, body: { code: 'placement_not_paid' } })
    const p = await as('admin').post('/api/payouts', { placement_id: placement, recruiter_id: ids.rachel })
    expect(p).toMatchObject({ status: 422, body: { code: 'placement_not_paid' } })
    const after = await database.current.pool.query('select count(*)::int as n from billing.payout_schedules')
    expect(after.rows[0].n).toBe(before.rows[0].n)
  })

  it('refuses a webhook with a bad signature, an old timestamp or a replayed delivery (400), storing nothing', async () => {
    const body = JSON.stringify({
      id: 'evt_payout_forged',
      type: 'payout.failed',
      account: ids.rachelAccount,
      data: { object: { id: 'po_x' } },
    })
    const send = (signature: string, payload = body) =>
      fetch(`${app.baseUrl}/api/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body: payload,
      }).then(async (r) => ({ status: r.status, code: ((await r.json()) as { code?: string }).code }))
    const now = Math.floor(Date.now() / 1000)
    expect(await send(signatureHeader(body, 'whsec_wrong', now))).toEqual({
      status: 400,
      code: 'webhook_signature_invalid',
    })
    expect(await send(signatureHeader(body, WEBHOOK_SECRET, now - 3600))).toEqual({
      status: 400,
      code: 'webhook_signature_invalid',
    })
    const stored = await database.current.pool.query(
      `select 1 from billing.stripe_events where id = 'evt_payout_forged'`,
    )
    expect(stored.rowCount).toBe(0)
    // a genuine event, then the very same signed delivery replayed
    const real = JSON.stringify({ id: 'evt_replay_me', type: 'balance.available', data: { object: {} } })
    const header = signatureHeader(real, WEBHOOK_SECRET, now)
    expect(await send(header, real)).toEqual({ status: 200, code: undefined })
    expect(await send(header, real)).toEqual({ status: 400, code: 'webhook_replayed' })
    const rows = await database.current.pool.query(
      `select count(*)::int as n from billing.stripe_events where id = 'evt_replay_me'`,
    )
    expect(rows.rows[0].n).toBe(1)
  })

  it('validates the money-moving bodies and ids', async () => {
    expect(
      (await as('admin').post('/api/payouts', { placement_id: 'nope', recruiter_id: ids.rachel })).status,
    ).toBe(400)
    expect((await as('admin').post(`/api/escrow-holds/${randomUUID()}/cancel`, {})).body.code).toBe(
      'validation_failed',
    )
    expect((await as('admin').post(`/api/escrow-holds/${randomUUID()}/release`, {})).status).toBe(404)
    expect((await as('admin').post(`/api/payouts/${randomUUID()}/process`, {})).status).toBe(404)
    expect((await as('admin').post(`/api/payout-schedules/${randomUUID()}/trigger`, {})).status).toBe(404)
    expect((await as('rachel').post('/api/payout-schedules/process-due', {})).status).toBe(403)
  })
})

describe('fall-off after payout', () => {
  it('takes the shares back from wherever they are: holds voided, the paid part a debt netted against the next payout', async () => {
    await travel('2026-06-10T09:00:00Z')
    const { placement, invoice } = await hire('Falloff Engineer', '10000000')
    await payByCard(invoice)
    await as('admin').post('/api/payout-schedules/process-due', {})
    const paid = (await payoutsOf(ids.rachel!, placement))[0]!
    expect(paid.status).toBe('completed')
    const fell = await as('dana').post(`/api/placements/${placement}/fall-off`, {
      reason: 'Left after a week',
      date: '2026-06-20',
    })
    expect(fell.status).toBe(200)
    await eventually('the refund', async () => {
      const r = (await as('admin').get(`/api/invoices/${invoice}`)).body
      return r.refunds?.[0]?.status === 'succeeded' ? r : undefined
    })
    const holds = (await as('admin').get(`/api/placements/${placement}/escrow-holds`)).body.data
    expect(holds.every((h: { status: string }) => h.status === 'cancelled')).toBe(true)
    const debt = (await balance('recruiterDebt', ids.rachel!)).posted
    expect(debt).toBe(BigInt(paid.amount.amount))
    const statement = (await as('rachel').get(`/api/placements/${placement}/payouts`)).body.recruiters[0]
    expect(statement).toMatchObject({ debt: { amount: String(debt) }, held: { amount: '0' } })
    const earnings = (await as('rachel').get('/api/me/earnings')).body
    expect(earnings.balances[0].debt.amount).toBe(String(debt))
    await proof()

    // the next payout nets the debt first
    const next = await hire('Netting Engineer', '20000000')
    await payByCard(next.invoice)
    await as('admin').post('/api/payout-schedules/process-due', {})
    const netted = (await payoutsOf(ids.rachel!, next.placement))[0]!
    expect(netted).toMatchObject({ status: 'completed', debt_offset: { amount: String(debt) } })
    expect(BigInt(netted.amount.amount)).toBe(BigInt(netted.gross_amount.amount) - debt)
    const detail = (await as('admin').get(`/api/payouts/${netted.id}`)).body
    expect(
      detail.splits.some(
        (x: { kind: string; amount: { amount: string } }) =>
          x.kind === 'debt_offset' && x.amount.amount === String(-debt),
      ),
    ).toBe(true)
    expect((await balance('recruiterDebt', ids.rachel!)).posted).toBe(0n)
    const transfer = stripe.state.objects.get(netted.stripe_transfer_id) as Record<string, any>
    expect(BigInt(transfer.amount)).toBe(BigInt(netted.amount.amount))
    await proof()
  })
})

describe('reads for the screens', () => {
  it('gives the recruiter their earnings and the admin the reconciliation', async () => {
    const earnings = await as('rachel').get('/api/me/earnings')
    expect(earnings.status).toBe(200)
    expect(earnings.body.balances[0]).toMatchObject({ currency: 'USD' })
    expect(earnings.body.by_month.length).toBeGreaterThan(0)
    const summary = await as('admin').get('/api/admin/payouts/summary')
    expect(summary.status).toBe(200)
    expect(summary.body.reconciliation.ok).toBe(true)
    expect(BigInt(summary.body.totals.paid.amount)).toBeGreaterThan(0n)
    const audit = await as('admin').get(
      `/api/payouts/${(await payoutsOf(ids.rachel!, ids.placement!))[0]!.id}/audit-log`,
    )
    expect(audit.body.data.map((r: { action: string }) => r.action)).toContain('payout.created')
    expect((await as('rachel').get('/api/admin/payouts/summary')).status).toBe(403)
    const mine = (await as('tom').get('/api/payouts')).body.data
    expect(mine.every((p: { recruiter_id: string }) => p.recruiter_id === ids.tom)).toBe(true)
  })
})
