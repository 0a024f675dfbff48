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
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../identity/seed.ts'
import { accountBalance, reconcileLedger } from '../ledger/index.ts'
import { account } from './book.ts'
import { verifyPayoutAuditChain } from './payout-audit.ts'

/**
 * Money I end to end on the real server: a hire makes a statement and an invoice; an admin records
 * bank transfers (partial, over, wrong currency, replayed); the invoice is paid and the shares land
 * in revenue and the recruiters' held balances; a fall-off takes it all back by reversals; the
 * ledger reconciles and the payout audit chain verifies after every step.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

async function hire(title: string, candidate: string, salary: string) {
  const role = await as('dana').post('/api/roles', {
    company_id: ids.acme,
    title,
    description: 'Build things.',
    function: 'engineering',
    seniority: 'senior',
    work_mode: 'remote',
    salary: { min: '10000000', max: '20000000', currency: 'USD' },
    job_owner_recruiter_id: ids.tomRecruiter,
    openings: 5,
  })
  await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })
  const cand = await as('rachel').post('/api/candidates', {
    full_name: candidate,
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
  return hired.body.placement_id as string
}

const invoiceOf = (placementId: string) =>
  eventually(`the invoice of ${placementId}`, async () => {
    const r = await as('admin').get(`/api/invoices?placement_id=${placementId}`)
    return r.body.data?.[0]
  })

async function proof() {
  const r = await reconcileLedger(app.ctx.db)
  expect(r.checks.filter((c) => !c.ok)).toEqual([])
  const chain = await verifyPayoutAuditChain(app.ctx.db)
  expect(chain).toMatchObject({ ok: true })
}

const held = (recruiterId: string) =>
  inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    accountBalance(tx, account.recruiterHeld(recruiterId, 'USD')),
  )

const available = (recruiterId: string) =>
  inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    accountBalance(tx, account.recruiterAvailable(recruiterId, 'USD')),
  )

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx, { paymentTerms: 'net_30' })
  for (const [key, email] of Object.entries({
    dana: 'dana@acme.demo',
    eli: 'eli@acme.demo',
    rachel: 'rachel@recruiters.demo',
    tom: 'tom@talentbridge.demo',
    admin: 'admin@splits.demo',
  })) {
    s[key] = await sessionFor(app.ctx, { email })
  }
  ids.tomRecruiter = (await as('tom').get('/api/recruiters/me')).body.id
  ids.rachelRecruiter = (await as('rachel').get('/api/recruiters/me')).body.id
})
afterAll(async () => app?.stop())

describe('money I: statement, invoice, payments, fall-off', () => {
  it('makes a statement every party can read and an invoice due by the company’s terms from the start date', async () => {
    ids.placement = await hire('Platform Engineer', 'Ada Lovelace', '15000000')
    const invoice = await invoiceOf(ids.placement)
    ids.invoice = invoice.id
    // $150,000 × 20% = $30,000; due 30 days after the 1 June start
    expect(invoice).toMatchObject({
      number: expect.stringMatching(/^SN-2026-\d{6}$/),
      status: 'open',
      due_on: '2026-07-01',
      total: { amount: '3000000', currency: 'USD' },
      outstanding: { amount: '3000000', currency: 'USD' },
    })
    const statement = await as('rachel').get(`/api/placements/${ids.placement}/statement`)
    expect(statement.status).toBe(200)
    expect(statement.body.fee).toEqual({ amount: '3000000', currency: 'USD' })
    const sum = statement.body.lines.reduce((t: bigint, l: { amount: string }) => t + BigInt(l.amount), 0n)
    expect(sum).toBe(3_000_000n)
    expect(
      statement.body.lines.map((l: { party_type: string; fee_role: string | null }) => [
        l.party_type,
        l.fee_role,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['recruiter', 'candidate_recruiter'],
        ['recruiter', 'job_owner'],
        ['platform', null],
      ]),
    )
    for (const who of ['tom', 'dana', 'eli', 'admin']) {
      expect((await as(who).get(`/api/placements/${ids.placement}/statement`)).status, who).toBe(200)
    }
    // the same statement through the placement's billing (which says null before it is made)
    const billing = await as('rachel').get(`/api/placements/${ids.placement}/billing`)
    expect(billing.status).toBe(200)
    expect(billing.body).toEqual({ placement_id: ids.placement, statement: statement.body })
    // the company sees its invoice; recruiters and strangers do not
    expect((await as('dana').get(`/api/invoices/${ids.invoice}`)).status).toBe(200)
    expect((await as('rachel').get(`/api/invoices/${ids.invoice}`)).status).toBe(403)
    expect((await as('eli').get(`/api/invoices/${ids.invoice}`)).status).toBe(403)
    await proof()
  })

  it('renders the invoice as an HTML document and a PDF for the company, and to nobody else', async () => {
    const html = await fetch(`${app.baseUrl}/api/invoices/${ids.invoice}/document`, {
      headers: s.dana!.headers,
    })
    expect(html.headers.get('content-type')).toContain('text/html')
    const text = await html.text()
    expect(text).toContain('Acme Robotics')
    expect(text).toContain('$30,000.00')
    const pdf = await fetch(`${app.baseUrl}/api/invoices/${ids.invoice}.pdf`, { headers: s.dana!.headers })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    const stranger = await fetch(`${app.baseUrl}/api/invoices/${ids.invoice}.pdf`, {
      headers: s.rachel!.headers,
    })
    expect(stranger.status).toBe(403)
  }, 60_000)

  it('refuses bad payments with a 4xx naming the problem, changing nothing', async () => {
    const pay = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      fetch(`${app.baseUrl}/api/invoices/${ids.invoice}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...s.admin!.headers, ...headers },
        body: JSON.stringify({ currency: 'USD', received_on: '2026-06-10', reference: 'WIRE-1', ...body }),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as Record<string, any>,
        headers: r.headers,
      }))
    const cases: [Record<string, unknown>, number, string][] = [
      [{ amount: '0' }, 400, 'validation_failed'],
      [{ amount: '-5' }, 400, 'validation_failed'],
      [{ amount: '12.50' }, 400, 'validation_failed'],
      [{ amount: 100 }, 400, 'validation_failed'],
      [{ amount: '100', currency: 'EUR' }, 422, 'currency_mismatch'],
      [{ amount: '3000001' }, 422, 'overpayment'],
    ]
    for (const [body, status, code] of cases) {
      const r = await pay(body)
      expect({ body, status: r.status, code: r.body.code }).toEqual({ body, status, code })
    }
    expect((await as('dana').post(`/api/invoices/${ids.invoice}/payments`, { amount: '100' })).status).toBe(
      403,
    )
    // a replayed key returns the first answer; the same key for another request is refused
    const key = randomUUID()
    const first = await pay({ amount: '1000000' }, { 'idempotency-key': key })
    expect(first.status).toBe(201)
    const again = await pay({ amount: '1000000' }, { 'idempotency-key': key })
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body.payment_id).toBe(first.body.payment_id)
    expect((await pay({ amount: '999' }, { 'idempotency-key': key })).body.code).toBe(
      'idempotency_key_reused',
    )
    const invoice = await as('admin').get(`/api/invoices/${ids.invoice}`)
    expect(invoice.body).toMatchObject({
      status: 'partially_paid',
      amount_paid: { amount: '1000000' },
      outstanding: { amount: '2000000' },
    })
    expect(invoice.body.payments).toHaveLength(1)
    await proof()
  })

  it('takes exactly one of ten concurrent payments of the rest, and shares the money as the statement says', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        as('admin').post(`/api/invoices/${ids.invoice}/payments`, {
          amount: '2000000',
          currency: 'USD',
          received_on: '2026-06-20',
          reference: `WIRE-${i}`,
        }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    // the others waited for the invoice's lock and found it paid (or, racing, more than it owes)
    expect(
      results.filter(
        (r) =>
          (r.status === 409 && r.body.code === 'invoice_not_payable') ||
          (r.status === 422 && r.body.code === 'overpayment'),
      ),
    ).toHaveLength(9)
    const invoice = await as('admin').get(`/api/invoices/${ids.invoice}`)
    expect(invoice.body).toMatchObject({ status: 'paid', outstanding: { amount: '0' } })
    const statement = (await as('admin').get(`/api/placements/${ids.placement}/statement`)).body
    for (const line of statement.lines.filter((l: { party_type: string }) => l.party_type === 'recruiter')) {
      const lines = statement.lines.filter((l: { party_id: string }) => l.party_id === line.party_id)
      const due = lines.reduce((t: bigint, l: { amount: string }) => t + BigInt(l.amount), 0n)
      // Money II: the share is released to the recruiter's available balance but for the holdback
      // (20% by default), which stays held until the guarantee ends
      const h = await held(line.party_id)
      const a = await available(line.party_id)
      expect(h.posted + a.posted).toBe(due)
      expect(h.pendingOut).toBe(h.posted)
      expect(h.posted).toBe((due * 2000n) / 10_000n)
    }
    expect(statement.collected.reduce((t: bigint, c: { amount: string }) => t + BigInt(c.amount), 0n)).toBe(
      3_000_000n,
    )
    await proof()
  })

  it('takes the money back when the hire falls off: the invoice is voided, the transfer refunded by the admin, the held shares released', async () => {
    const fell = await as('dana').post(`/api/placements/${ids.placement}/fall-off`, {
      reason: 'Left for a competitor',
      date: '2026-07-01',
    })
    expect(fell.status).toBe(200)
    const invoice = await eventually('the voided invoice', async () => {
      const r = await as('admin').get(`/api/invoices/${ids.invoice}`)
      return r.body.status === 'void' && r.body.refunds.length === 2 ? r.body : undefined
    })
    expect(invoice.refunds.every((r: { status: string }) => r.status === 'pending')).toBe(true)
    // bank transfers go back by bank: the admin records each
    for (const refund of invoice.refunds) {
      const done = await as('admin').post(`/api/refunds/${refund.id}/complete`, {})
      expect(done.status, JSON.stringify(done.body)).toBe(200)
    }
    const after = await as('admin').get(`/api/invoices/${ids.invoice}`)
    expect(after.body).toMatchObject({ status: 'void', amount_refunded: { amount: '3000000' } })
    expect((await held(ids.rachelRecruiter!)).posted).toBe(0n)
    expect((await held(ids.tomRecruiter!)).posted).toBe(0n)
    expect((await available(ids.rachelRecruiter!)).posted).toBe(0n)
    expect((await available(ids.tomRecruiter!)).posted).toBe(0n)
    const statement = (await as('admin').get(`/api/placements/${ids.placement}/statement`)).body
    expect(statement.collected.every((c: { amount: string }) => c.amount === '0')).toBe(true)
    await proof()
  })

  it('keeps the paid fee as the company’s credit when its contract says so', async () => {
    const contract = await as('admin').post('/api/contracts', {
      company_id: ids.acme,
      fee_percentage_bps: 1800,
      contract_start_date: '2026-01-01',
      contract_end_date: '2026-12-31',
      fall_off_policy: 'credit',
    })
    expect(contract.status).toBe(201)
    expect(
      (
        await as('admin').post('/api/contracts', {
          company_id: ids.acme,
          fee_percentage_bps: 1500,
          contract_start_date: '2026-06-01',
        })
      ).body.code,
    ).toBe('contract_overlap')
    const approved = await as('admin').post(`/api/contracts/${contract.body.id}/approve`, { version: 1 })
    expect(approved.body.status).toBe('approved')
    expect(
      (await as('admin').post(`/api/contracts/${contract.body.id}/approve`, { version: 1 })).status,
    ).toBe(409)

    const placement = await hire('Data Engineer', 'Grace Hopper', '10000000')
    const invoice = await invoiceOf(placement)
    // the contract's 18% instead of the role's 20%
    expect(invoice.total).toEqual({ amount: '1800000', currency: 'USD' })
    await as('admin').post(`/api/invoices/${invoice.id}/payments`, {
      amount: '1800000',
      currency: 'USD',
      received_on: '2026-06-05',
      reference: 'WIRE-GH',
    })
    await as('dana').post(`/api/placements/${placement}/fall-off`, {
      reason: 'Did not pass probation',
      date: '2026-06-20',
    })
    const credited = await eventually('the credit note', async () => {
      const r = await as('admin').get(`/api/invoices/${invoice.id}`)
      return r.body.credit_notes.length ? r.body : undefined
    })
    expect(credited.credit_notes[0].amount).toEqual({ amount: '1800000', currency: 'USD' })
    const credit = await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
      accountBalance(tx, account.companyCredit(ids.acme!, 'USD')),
    )
    expect(credit.posted).toBe(1_800_000n)
    await proof()
  })
})
