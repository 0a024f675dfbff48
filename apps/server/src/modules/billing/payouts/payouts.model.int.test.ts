import { randomUUID } from 'node:crypto'
import { type StripeTestServer, startStripeTestServer } from '@app/stripe-test-server'
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../../packages/testing/src/api-client.ts'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import { addAcmeCompany } from '../../../../../../packages/testing/src/fixtures.ts'
import { payoutFigures } from '../../../../../../packages/testing/src/payouts.ts'
import { sessionFor, type TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { kindBalancesByOwner, reconcileLedger } from '../../ledger/index.ts'
import { SPLITS_BOOK } from '../book.ts'
import { verifyPayoutAuditChain } from '../payout-audit.ts'
import { reconcilePayouts } from './reconcile.ts'

/**
 * Model-based test (fast-check commands) across Money II on the real server, the real database
 * and the Stripe test server: hires, company payments (card and partial bank transfers), the
 * payout run (with passing Stripe failures injected), recruiters onboarding and losing their
 * account, guarantees ending (holds released), bank payouts failing after `paid`, fall-offs
 * (refunded: card through Stripe, bank transfers recorded by the admin). After every step:
 * - the ledger reconciles, the payout documents agree with it, the audit chain verifies;
 * - every recruiter's money is conserved: held + available + in flight + paid − owed back equals
 *   what the payment allocations say they collected (net of what was taken back);
 * - every payout that made a transfer made exactly one (Stripe's count per destination and group);
 * - the model's expectations: an unpaid placement has no holds or schedules; a fallen-off one whose
 *   refunds are done has nothing left held, scheduled or active for its recruiters.
 */
const database = useTestDatabase()
const WEBHOOK_SECRET = 'whsec_model_test'
const clock = new FixedClock('2026-03-02T09:00:00Z')
let stripe: StripeTestServer
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

const day = () => clock.now().toISOString().slice(0, 10)
const addDays = (d: string, n: number) => {
  const x = new Date(`${d}T00:00:00Z`)
  x.setUTCDate(x.getUTCDate() + n)
  return x.toISOString().slice(0, 10)
}

async function signIn() {
  for (const [key, email] of Object.entries({
    dana: 'dana@acme.demo',
    rachel: 'rachel@recruiters.demo',
    tom: 'tom@talentbridge.demo',
    admin: 'admin@splits.demo',
  })) {
    s[key] = await sessionFor(app.ctx, { email })
  }
}

/** Everything asynchronous settles: webhooks delivered, Stripe events and billing's jobs done. */
async function settle() {
  await stripe.control.waitForWebhooks()
  await eventually(
    'the queue to drain',
    async () => {
      const r = await database.current.pool.query(
        `select (select count(*) from billing.stripe_events where processed_at is null)
            + (select count(*) from platform.outbox where relayed_at is null)
            + (select count(*) from pgboss.job where state in ('created', 'retry', 'active')
                 and name in ('billing.on_placement', 'billing.send_refunds', 'billing.process_stripe_event',
                              'billing.process_recruiter_payouts', 'billing.send_bank_payouts')) as n`,
      )
      return Number(r.rows[0].n) === 0
    },
    30_000,
  )
  await stripe.control.waitForWebhooks()
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------
interface PlacementModel {
  id: string
  invoice: string
  total: bigint
  paid: bigint
  startDate: string
  guaranteeEnds: string
  fellOff: boolean
}

interface Model {
  placements: PlacementModel[]
  tomOnboarded: boolean
}

/** The real system is reached through the app and the database; commands keep no handle of their own. */
type Real = Record<string, never>

async function hire(): Promise<PlacementModel> {
  const startDate = addDays(day(), 7)
  const role = await as('dana').post('/api/roles', {
    company_id: ids.acme,
    title: `Model role ${randomUUID().slice(0, 6)}`,
    description: 'Build things.',
    function: 'engineering',
    seniority: 'senior',
    work_mode: 'remote',
    salary: { min: '10000000', max: '20000000', currency: 'USD' },
    job_owner_recruiter_id: ids.tom,
    openings: 1,
  })
  await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })
  const cand = await as('rachel').post('/api/candidates', {
    full_name: `Model Candidate ${randomUUID().slice(0, 6)}`,
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
    base_salary: { amount: '10000000', currency: 'USD' },
    start_date: startDate,
  })
  expect(hired.status, JSON.stringify(hired.body)).toBe(201)
  const placement = hired.body.placement_id as string
  const invoice = await eventually(
    'the invoice',
    async () => (await as('admin').get(`/api/invoices?placement_id=${placement}`)).body.data?.[0],
    30_000,
  )
  return {
    id: placement,
    invoice: invoice.id,
    total: BigInt(invoice.total.amount),
    paid: 0n,
    startDate,
    guaranteeEnds: addDays(startDate, 90),
    fellOff: false,
  }
}

class Hire implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.placements.filter((p) => !p.fellOff).length < 3
  async run(m: Model) {
    m.placements.push(await hire())
    await invariants(m)
  }
  toString = () => 'Hire'
}

class Pay implements fc.AsyncCommand<Model, Real> {
  readonly which: number
  readonly by: 'card' | 'half_by_bank'
  constructor(which: number, by: 'card' | 'half_by_bank') {
    this.which = which
    this.by = by
  }
  check = (m: Readonly<Model>) => m.placements.some((p) => !p.fellOff && p.paid < p.total)
  async run(m: Model) {
    const open = m.placements.filter((p) => !p.fellOff && p.paid < p.total)
    const p = open[this.which % open.length]!
    if (this.by === 'card') {
      const r = await as('dana').post(`/api/invoices/${p.invoice}/pay`, {
        method: 'card',
        payment_method: 'pm_card_visa',
      })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      p.paid = p.total
    } else {
      const amount = p.paid === 0n ? p.total / 2n : p.total - p.paid
      const r = await as('admin').post(`/api/invoices/${p.invoice}/payments`, {
        amount: amount.toString(),
        currency: 'USD',
        received_on: day(),
        reference: `WIRE ${randomUUID().slice(0, 8)}`,
      })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      p.paid += amount
    }
    await settle()
    await invariants(m)
  }
  toString = () => `Pay(${this.which}, ${this.by})`
}

class RunPayouts implements fc.AsyncCommand<Model, Real> {
  readonly fault: 'none' | 'api_error' | 'network_after' | 'rate_limit'
  constructor(fault: 'none' | 'api_error' | 'network_after' | 'rate_limit') {
    this.fault = fault
  }
  check = () => true
  async run(m: Model) {
    if (this.fault === 'api_error')
      stripe.control.injectFault({ kind: 'api_error', path: '/v1/transfers', method: 'POST', times: 2 })
    if (this.fault === 'network_after')
      stripe.control.injectFault({
        kind: 'network',
        path: '/v1/transfers',
        method: 'POST',
        when: 'after',
        times: 3,
      })
    if (this.fault === 'rate_limit')
      stripe.control.injectFault({ kind: 'rate_limit', path: '/v1/transfers', method: 'POST', times: 2 })
    const r = await as('admin').post('/api/payout-schedules/process-due', {})
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    stripe.control.clearFaults()
    // retries come due after their delay
    clock.advance(301_000)
    await as('admin').post('/api/payout-schedules/process-due', {})
    await settle()
    await invariants(m)
  }
  toString = () => `RunPayouts(${this.fault})`
}

class OnboardTom implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => !m.tomOnboarded
  async run(m: Model) {
    const r = await as('tom').post('/api/stripe/connect/onboard', {})
    expect(r.status).toBe(201)
    expect((await fetch(r.body.url, { redirect: 'manual' })).status).toBe(303)
    m.tomOnboarded = true
    await settle()
    await invariants(m)
  }
  toString = () => 'OnboardTom'
}

class TomLosesAccount implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.tomOnboarded
  async run(m: Model) {
    const me = (await as('tom').get('/api/stripe/connect/me')).body
    stripe.control.setOnboarding(me.account_id, 'restricted')
    m.tomOnboarded = false
    await settle()
    await invariants(m)
  }
  toString = () => 'TomLosesAccount'
}

class TomFixesAccount implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => !m.tomOnboarded
  async run(m: Model) {
    const me = (await as('tom').get('/api/stripe/connect/me')).body
    if (!me.account_id) return
    stripe.control.setOnboarding(me.account_id, 'complete')
    m.tomOnboarded = true
    await settle()
    await invariants(m)
  }
  toString = () => 'TomFixesAccount'
}

class GuaranteesEnd implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.placements.some((p) => !p.fellOff && p.guaranteeEnds >= day())
  async run(m: Model) {
    const last = m.placements
      .filter((p) => !p.fellOff)
      .map((p) => p.guaranteeEnds)
      .sort()
      .at(-1)!
    clock.set(`${addDays(last, 1)}T03:00:00Z`)
    await signIn()
    const r = await as('admin').post('/api/escrow-holds/process-due', {})
    expect(r.status).toBe(200)
    const active = (await as('admin').get(`/api/escrow-holds?status=active&due_by=${day()}`)).body.data
    expect(active).toEqual([])
    await settle()
    await invariants(m)
  }
  toString = () => 'GuaranteesEnd'
}

class BankReturnsAPayout implements fc.AsyncCommand<Model, Real> {
  readonly which: number
  constructor(which: number) {
    this.which = which
  }
  check = () => true
  async run(m: Model) {
    const paid = (await as('admin').get('/api/payouts?status=completed&limit=100')).body.data.filter(
      (p: { stripe_payout_id: string | null; bank_payout_status: string | null }) =>
        p.stripe_payout_id && p.bank_payout_status === 'paid',
    )
    if (paid.length === 0) return
    const p = paid[this.which % paid.length]
    stripe.control.payoutFailed(p.stripe_payout_id, 'no_account')
    await settle()
    await eventually(
      'the payout returned',
      async () => (await as('admin').get(`/api/payouts/${p.id}`)).body.status === 'failed',
      30_000,
    )
    await invariants(m)
  }
  toString = () => `BankReturnsAPayout(${this.which})`
}

class FallOff implements fc.AsyncCommand<Model, Real> {
  readonly which: number
  constructor(which: number) {
    this.which = which
  }
  check = (m: Readonly<Model>) => m.placements.some((p) => !p.fellOff && p.guaranteeEnds >= day())
  async run(m: Model) {
    const running = m.placements.filter((p) => !p.fellOff && p.guaranteeEnds >= day())
    const p = running[this.which % running.length]!
    const date = day() < p.startDate ? p.startDate : day()
    const r = await as('dana').post(`/api/placements/${p.id}/fall-off`, { reason: 'Model: left', date })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    p.fellOff = true
    await settle()
    // bank transfers are refunded by the admin
    const invoice = (await as('admin').get(`/api/invoices/${p.invoice}`)).body
    for (const refund of invoice.refunds.filter((x: { status: string }) => x.status === 'pending')) {
      const done = await as('admin').post(`/api/refunds/${refund.id}/complete`, {})
      expect(done.status, JSON.stringify(done.body)).toBe(200)
    }
    await settle()
    await invariants(m)
  }
  toString = () => `FallOff(${this.which})`
}

// ---------------------------------------------------------------------------------------------
// Invariants after every step
// ---------------------------------------------------------------------------------------------
async function invariants(m: Model) {
  const ledger = await reconcileLedger(app.ctx.db)
  expect(ledger.checks.filter((c) => !c.ok)).toEqual([])
  const payouts = await reconcilePayouts(app.ctx.db, { now: clock.now() })
  expect(payouts.checks.filter((c) => !c.ok)).toEqual([])
  expect(await verifyPayoutAuditChain(app.ctx.db)).toMatchObject({ ok: true })
  // exactly one transfer per payout that made one
  const figures = await payoutFigures(app.ctx)
  const counts = stripe.control.transfersByDestinationAndGroup()
  expect(counts).toEqual(figures.transferredByDestinationAndGroup)
  expect(figures.payouts.processing ?? 0).toBe(0)
  // each recruiter's money is conserved
  await inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
    const kinds = [
      'recruiter_held',
      'recruiter_available',
      'recruiter_in_flight',
      'recruiter_paid',
      'recruiter_debt',
    ]
    const [held, available, inFlight, paid, debt] = await Promise.all(
      kinds.map((kind) =>
        kindBalancesByOwner(tx, { book: SPLITS_BOOK, ownerType: 'recruiter', kind, currency: 'USD' }),
      ),
    )
    const collected = await sql<{ party_id: string; sum: string }>`
      select party_id, sum(amount)::text as sum from billing.payment_allocations
       where party_type = 'recruiter' group by 1`.execute(tx)
    for (const c of collected.rows) {
      const k = `${c.party_id}:USD`
      const seen =
        (held!.get(k)?.posted ?? 0n) +
        (available!.get(k)?.posted ?? 0n) +
        (inFlight!.get(k)?.posted ?? 0n) +
        (paid!.get(k)?.posted ?? 0n) -
        (debt!.get(k)?.posted ?? 0n)
      expect(seen, `recruiter ${c.party_id}`).toBe(BigInt(c.sum))
    }
    // the model's expectations per placement
    for (const p of m.placements) {
      const holds = await sql<{ status: string; n: number }>`
        select status, count(*)::int as n from billing.escrow_holds where placement_id = ${p.id} group by 1`.execute(
        tx,
      )
      const open = await sql<{ n: number }>`
        select count(*)::int as n from billing.payout_schedules
         where placement_id = ${p.id} and cancelled_at is null and status in ('pending', 'failed')`.execute(
        tx,
      )
      if (p.paid === 0n) {
        expect(holds.rows, `unpaid ${p.id} has no holds`).toEqual([])
        expect(open.rows[0]!.n).toBe(0)
      }
      if (p.fellOff) {
        expect(
          holds.rows.filter((h) => h.status === 'active'),
          `fallen-off ${p.id} holds nothing`,
        ).toEqual([])
        const refundsLeft = await sql<{ n: number }>`
          select count(*)::int as n from billing.refunds where placement_id = ${p.id} and status = 'pending'`.execute(
          tx,
        )
        if (refundsLeft.rows[0]!.n === 0) {
          expect(open.rows[0]!.n, `fallen-off ${p.id} schedules nothing`).toBe(0)
          const positions = await sql<{ held_free: string; unscheduled: string }>`
            select held_free::text, unscheduled::text from billing.payout_positions where placement_id = ${p.id}`.execute(
            tx,
          )
          for (const pos of positions.rows) expect([pos.held_free, pos.unscheduled]).toEqual(['0', '0'])
        }
      }
    }
  })
}

beforeAll(async () => {
  stripe = await startStripeTestServer({
    webhookRetry: { maxAttempts: 8, backoffMs: () => 50, timeoutMs: 5000 },
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
  // the platform keeps its Stripe balance topped up for money that arrived by bank transfer
  stripe.control.addPlatformFunds(100_000_000, 'usd')
  // Rachel has an active account from the start; Tom onboards (or not) during the runs
  const r = await as('rachel').post('/api/stripe/connect/onboard', {})
  await fetch(r.body.url, { redirect: 'manual' })
  await settle()
}, 60_000)
afterAll(async () => {
  await app?.stop()
  await stripe?.stop()
})

describe('Money II, model-based', () => {
  it('keeps every invariant across random sequences of payments, runs, failures, releases and fall-offs', async () => {
    const commands = [
      fc.constant(new Hire()),
      fc
        .tuple(fc.nat(5), fc.constantFrom('card' as const, 'half_by_bank' as const))
        .map(([w, by]) => new Pay(w, by)),
      fc
        .constantFrom('none' as const, 'api_error' as const, 'network_after' as const, 'rate_limit' as const)
        .map((f) => new RunPayouts(f)),
      fc.constant(new OnboardTom()),
      fc.constant(new TomLosesAccount()),
      fc.constant(new TomFixesAccount()),
      fc.constant(new GuaranteesEnd()),
      fc.nat(5).map((w) => new BankReturnsAPayout(w)),
      fc.nat(5).map((w) => new FallOff(w)),
    ]
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        const model: Model = { placements: [], tomOnboarded: false }
        const me = (await as('tom').get('/api/stripe/connect/me')).body
        model.tomOnboarded = me.readiness.can_receive_payouts
        // each run starts with one hire so that most commands have something to act on
        await new Hire().run(model)
        await fc.asyncModelRun(() => ({ model, real: {} }), cmds)
        if (process.env.MODEL_VERBOSE) process.stderr.write(`ran: ${cmds.toString()}\n`)
      }),
      {
        numRuns: Number(process.env.MODEL_RUNS ?? 5),
        endOnFailure: true,
        ...(process.env.MODEL_SEED
          ? { seed: Number(process.env.MODEL_SEED), path: process.env.MODEL_PATH }
          : {}),
      },
    )
  }, 600_000)
})
