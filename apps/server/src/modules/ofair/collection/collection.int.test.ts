import { type IlPspTestServer, signBody, startIlPspTestServer } from '@app/il-psp-test-server'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  makeConsumerLead,
  makeProfessional,
  ofairAdmin,
  ofairPerson,
  propose,
  type TestProfessional,
} from '../../../../../../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { accountBalance, post, reconcileLedger } from '../../ledger/index.ts'
import { OFAIR_BOOK, ofairAccount } from '../settlement/index.ts'
import { collectionAccount } from './book.ts'
import { runCollection } from './collect.ts'
import { httpGateway } from './gateway.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let psp: IlPspTestServer
// real time plus an offset the tests move (the retry schedule is in days)
let offset = 0
const clock = { now: () => new Date(Date.now() + offset) }
const DAY = 86_400_000

beforeAll(async () => {
  psp = await startIlPspTestServer({ clock: () => clock.now().getTime() })
  app = await startTestApp(database.current.url, { clock })
  app.ctx.services.ofairGateway = httpGateway({
    url: psp.url,
    terminal: psp.terminal,
    apiName: psp.apiName,
    webhookSecret: psp.webhookSecret,
  })
  // the provider's webhooks come back to this app's random port
  ;(app.ctx.config.http as { publicUrl: string }).publicUrl = app.baseUrl
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  if (app) {
    const r = await reconcileLedger(app.ctx.db)
    expect(r.ok, JSON.stringify(r.checks)).toBe(true)
  }
  await app?.stop()
  await psp?.stop()
})

const db = () => database.current.db

/** Through the hosted page as a browser would: the form posted, the redirect to our return page. */
async function saveCard(pro: TestProfessional, card = '4580000000000000') {
  const setup = await api(w, pro.session).post('/api/ofair/payment-methods/setup')
  expect(setup.status).toBe(201)
  const page = await fetch(setup.body.url)
  expect(await page.text()).toContain('דף תשלום מאובטח')
  const submitted = await fetch(setup.body.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ card, exp: '11/29', cvv: '123' }).toString(),
    redirect: 'manual',
  })
  expect(submitted.status).toBe(303)
  const back = new URL(submitted.headers.get('location')!)
  expect(back.pathname).toBe('/ofair/payment-method')
  expect(back.searchParams.get('setup')).toBe(setup.body.session_id)
  return {
    setup: setup.body,
    returned: await api(w, pro.session).post(
      `/api/ofair/payment-methods/setup/${setup.body.session_id}/complete`,
    ),
  }
}

/** A professional's debt to the platform (a commission booked by hand). */
async function owe(pro: TestProfessional, amount: bigint, key = crypto.randomUUID()) {
  await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    post(tx, {
      book: OFAIR_BOOK,
      idempotencyKey: `test-commission:${key}`,
      kind: 'test.commission',
      reference: { type: 'test', id: key },
      description: 'test commission',
      effectiveAt: clock.now(),
      lines: [
        { account: ofairAccount.proBalance(pro.professionalId), direction: 'debit', amount, currency: 'ILS' },
        { account: ofairAccount.commissionRevenue(key), direction: 'credit', amount, currency: 'ILS' },
      ],
    }),
  )
}
/** Money the platform owes a professional (credited from the platform's bank, by hand). */
async function credit(pro: TestProfessional, amount: bigint, key = crypto.randomUUID()) {
  await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    post(tx, {
      book: OFAIR_BOOK,
      idempotencyKey: `test-credit:${key}`,
      kind: 'test.credit',
      reference: { type: 'test', id: key },
      description: 'test credit',
      effectiveAt: clock.now(),
      lines: [
        { account: collectionAccount.platformBank(), direction: 'debit', amount, currency: 'ILS' },
        {
          account: ofairAccount.proBalance(pro.professionalId),
          direction: 'credit',
          amount,
          currency: 'ILS',
        },
      ],
    }),
  )
}
const balanceOf = async (pro: TestProfessional) =>
  (
    await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
      accountBalance(tx, ofairAccount.proBalance(pro.professionalId)),
    )
  ).posted

const noticesOf = async (userId: string, type: string) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from notifications.inbox
      where user_id = ${userId} and type = ${type}`.execute(db())
  ).rows[0]!.n

describe('payment methods through the hosted page', () => {
  it('saves a token with brand, last 4 and expiry — never the card number — once, by return page and webhook', async () => {
    const pro = await makeProfessional(w)
    const { returned } = await saveCard(pro)
    expect(returned.status).toBe(200)
    expect(returned.body.data).toEqual([
      expect.objectContaining({ brand: 'visa', last4: '0000', exp_month: 11, exp_year: 2029, autopay: true }),
    ])
    // the webhook arrives too (signed); it finds the card saved already
    await expect.poll(() => psp.deliveries.at(-1)?.status, { timeout: 5000 }).toBe(200)
    const rows = await sql<{ n: number }>`select count(*)::int as n from ofair.payment_methods
      where professional_id = ${pro.professionalId}`.execute(db())
    expect(rows.rows[0]!.n).toBe(1)
    const anywhere = await sql<{ n: number }>`select count(*)::int as n from ofair.payment_methods m
      full join ofair.psp_webhook_events e on false
      where m::text like '%4580000000000000%' or e::text like '%4580000000000000%'`.execute(db())
    expect(anywhere.rows[0]!.n).toBe(0)
    const mine = await api(w, pro.session).get('/api/ofair/payment-methods')
    expect(mine.body.data).toHaveLength(1)
    // autopay off and on; another professional cannot touch it
    const id = mine.body.data[0].id
    expect(
      (await api(w, pro.session).put(`/api/ofair/payment-methods/${id}/autopay`, { autopay: false })).body
        .autopay,
    ).toBe(false)
    const other = await makeProfessional(w)
    expect(
      (await api(w, other.session).put(`/api/ofair/payment-methods/${id}/autopay`, { autopay: true })).status,
    ).toBe(404)
    expect((await api(w, other.session).delete(`/api/ofair/payment-methods/${id}`)).status).toBe(404)
    // a second card replaces the first
    await saveCard(pro, '5326140280779844')
    const after = await api(w, pro.session).get('/api/ofair/payment-methods')
    expect(after.body.data).toEqual([expect.objectContaining({ brand: 'mastercard', last4: '9844' })])
    expect(
      (await api(w, pro.session).delete(`/api/ofair/payment-methods/${after.body.data[0].id}`)).status,
    ).toBe(204)
    expect((await api(w, pro.session).get('/api/ofair/payment-methods')).body.data).toEqual([])
  })

  it('a card refused on the hosted page saves nothing', async () => {
    const pro = await makeProfessional(w)
    const { returned } = await saveCard(pro, '4000000000000002').catch(async () => ({ returned: null }))
    expect(returned?.body?.data ?? []).toEqual([])
    expect((await api(w, pro.session).get('/api/ofair/payment-methods')).body.data).toEqual([])
  })
})

describe('the adapter against the test server', () => {
  it('creates and cancels a recurring charge on a saved token; an outage is a 503 psp_unavailable', async () => {
    const pro = await makeProfessional(w)
    await saveCard(pro)
    const token = (
      await sql<{ token: string }>`select token from ofair.payment_methods
        where professional_id = ${pro.professionalId} and status = 'active'`.execute(db())
    ).rows[0]!.token
    const gateway = app.ctx.services.ofairGateway!
    const { recurringId } = await gateway.createRecurring({
      token,
      amountMinor: 10_000n,
      intervalDays: 30,
      reference: pro.professionalId,
    })
    expect(psp.state.recurring[recurringId]).toMatchObject({ active: true, amountMinor: 10_000 })
    await gateway.cancelRecurring(recurringId)
    expect(psp.state.recurring[recurringId]!.active).toBe(false)
    // a charge with a known idempotency key answers the first result and charges nothing
    const before = psp.chargeCount()
    const first = await gateway.chargeToken({ amountMinor: 500n, token, idempotencyKey: `k-${token}` })
    const again = await gateway.chargeToken({ amountMinor: 500n, token, idempotencyKey: `k-${token}` })
    expect(again).toEqual(first)
    expect(psp.chargeCount()).toBe(before + 1)
    psp.failNext(1)
    const setup = await api(w, pro.session).post('/api/ofair/payment-methods/setup')
    expect(setup.status).toBe(503)
    expect(setup.body.code).toBe('psp_unavailable')
  })
})

describe('the signed webhook', () => {
  const send = (body: string, signature: string) =>
    fetch(`${app.baseUrl}/api/ofair/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signature },
      body,
    })
  const count = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from ofair.psp_webhook_events`.execute(db())).rows[0]!
      .n

  it('refuses a bad signature, an old timestamp and a replayed event id with stable codes, changing nothing', async () => {
    const before = await count()
    const body = JSON.stringify({
      EventId: `evt_${crypto.randomUUID()}`,
      Timestamp: clock.now().toISOString(),
      Type: 'Ping',
    })
    const bad = await send(body, signBody('wrong-secret', body))
    expect(bad.status).toBe(400)
    const badBody = (await bad.json()) as Record<string, string>
    expect(badBody.code).toBe('webhook_signature_invalid')
    expect(badBody.user_message).toMatch(/[א-ת]/)
    const old = JSON.stringify({
      EventId: `evt_${crypto.randomUUID()}`,
      Timestamp: new Date(clock.now().getTime() - 6 * 60_000).toISOString(),
      Type: 'Ping',
    })
    const oldRes = await send(old, signBody(psp.webhookSecret, old))
    expect(oldRes.status).toBe(400)
    expect(((await oldRes.json()) as { code: string }).code).toBe('webhook_timestamp_too_old')
    expect(await count()).toBe(before)
    // accepted once; the same delivery again is a replay
    const first = await send(body, signBody(psp.webhookSecret, body))
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ received: true, outcome: 'ignored' })
    const again = await send(body, signBody(psp.webhookSecret, body))
    expect(again.status).toBe(400)
    expect(((await again.json()) as { code: string }).code).toBe('webhook_replayed')
    expect(await count()).toBe(before + 1)
    // 20 concurrent copies of a new event: one accepted
    const fresh = JSON.stringify({
      EventId: `evt_${crypto.randomUUID()}`,
      Timestamp: clock.now().toISOString(),
      Type: 'Ping',
    })
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => send(fresh, signBody(psp.webhookSecret, fresh)).then((r) => r.status)),
    )
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 400)).toHaveLength(19)
  })
})

describe('collection of what professionals owe', () => {
  it('charges the saved card for the debt once (three runs at once), books it, and a later run charges nothing', async () => {
    const pro = await makeProfessional(w)
    await saveCard(pro)
    await owe(pro, 12_345n)
    const charges = psp.chargeCount()
    // the daily job and an operator's CLI run at the same moment: one charge
    const runs = await Promise.all([runCollection(app.ctx), runCollection(app.ctx), runCollection(app.ctx)])
    expect(runs.reduce((n, r) => n + r.outcomes.collected, 0)).toBe(1)
    expect(psp.chargeCount()).toBe(charges + 1)
    expect(psp.state.transactions.at(-1)).toMatchObject({ amountMinor: 12_345, status: 'approved' })
    expect(await balanceOf(pro)).toBe(0n)
    await runCollection(app.ctx)
    expect(psp.chargeCount()).toBe(charges + 1)
    expect(await noticesOf(pro.id, 'ofair_collection.succeeded')).toBe(1)
  })

  it('a declined card is retried after 1, 3 and 7 days, the professional told each time, then an admin alert', async () => {
    const pro = await makeProfessional(w)
    await saveCard(pro, '4000000000000341')
    await owe(pro, 50_000n)
    const caseOf = async () =>
      (
        await sql<{ status: string; attempts: number }>`select status, attempts from ofair.collection_cases
          where professional_id = ${pro.professionalId}`.execute(db())
      ).rows[0]
    await runCollection(app.ctx)
    expect(await caseOf()).toEqual({ status: 'open', attempts: 1 })
    // not due yet: nothing happens
    await runCollection(app.ctx)
    expect((await caseOf())!.attempts).toBe(1)
    // an outage on the due day: no attempt counted, same idempotency key next time
    offset += 1 * DAY + 60_000
    psp.failNext(1)
    const outage = await runCollection(app.ctx)
    expect(outage.outcomes.outage).toBeGreaterThanOrEqual(1)
    expect((await caseOf())!.attempts).toBe(1)
    offset += 3_600_000 + 60_000
    await runCollection(app.ctx)
    expect(await caseOf()).toEqual({ status: 'open', attempts: 2 })
    offset += 3 * DAY + 60_000
    await runCollection(app.ctx)
    expect(await caseOf()).toEqual({ status: 'open', attempts: 3 })
    offset += 7 * DAY + 60_000
    await runCollection(app.ctx)
    expect(await caseOf()).toEqual({ status: 'alerted', attempts: 4 })
    expect(await noticesOf(pro.id, 'ofair_collection.failed')).toBe(4)
    expect(await balanceOf(pro)).toBe(-50_000n)
    const keys = await sql<{
      idempotency_key: string
    }>`select idempotency_key from ofair.collection_attempts a
      join ofair.collection_cases c on c.id = a.case_id where c.professional_id = ${pro.professionalId} order by attempt_no`.execute(
      db(),
    )
    expect(new Set(keys.rows.map((r) => r.idempotency_key)).size).toBe(4)

    // no more charges after the alert
    offset += 30 * DAY
    const n = psp.state.transactions.length
    await runCollection(app.ctx)
    expect(psp.state.transactions.length).toBe(n)
    // back to today: the sessions signed in today are valid again
    offset = 0
    const admin = await ofairAdmin(w)
    const alerts = await api(w, admin.session).get('/api/ofair/admin/collection-alerts')
    expect(alerts.status).toBe(200)
    const alert = alerts.body.data.find(
      (a: { professional: { id: string } }) => a.professional.id === pro.professionalId,
    )
    expect(alert).toMatchObject({ attempts: 4, owed: { amount: '50000', currency: 'ILS' } })
    expect((await api(w, pro.session).get('/api/ofair/admin/collection-alerts')).status).toBe(403)
  })
})

describe('payouts of positive balances', () => {
  it('one batch from 20 concurrent requests; CSV with bank details; paid leaves, failed returns', async () => {
    const admin = await ofairAdmin(w)
    const [a, b, c] = await Promise.all([makeProfessional(w), makeProfessional(w), makeProfessional(w)])
    await credit(a!, 30_000n)
    await credit(b!, 7_500n)
    await credit(c!, 9_900n)
    // bank transfer needs bank details
    const missing = await api(w, a!.session).put('/api/ofair/payouts/preference', { method: 'bank_transfer' })
    expect(missing.status).toBe(422)
    expect(missing.body.code).toBe('bank_details_required')
    const pref = await api(w, a!.session).put('/api/ofair/payouts/preference', {
      method: 'bank_transfer',
      bank: { bank_code: '12', branch_code: '345', account_number: '1234567' },
    })
    expect(pref.body).toMatchObject({ method: 'bank_transfer', bank: { account_masked: '••••4567' } })
    expect(JSON.stringify(pref.body)).not.toContain('1234567')
    await api(w, b!.session).put('/api/ofair/payouts/preference', {
      method: 'bank_transfer',
      bank: { bank_code: '10', branch_code: '800', account_number: '99887766' },
    })
    // C prefers a credit to the next invoice: not in the batch
    await api(w, c!.session).put('/api/ofair/payouts/preference', { method: 'invoice_credit' })

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api(w, admin.session).post('/api/ofair/admin/payout-batches')),
    )
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(new Set(answers.map((r) => r.body.batch.id)).size).toBe(1)
    expect(answers.filter((r) => r.body.created)).toHaveLength(1)
    const batch = answers[0]!.body.batch
    const ids = batch.items.map((i: { professional: { id: string } }) => i.professional.id)
    expect(ids).toContain(a!.professionalId)
    expect(ids).toContain(b!.professionalId)
    expect(ids).not.toContain(c!.professionalId)
    expect(JSON.stringify(batch)).not.toContain('1234567')
    expect(await balanceOf(a!)).toBe(0n)

    const csv = await fetch(`${app.baseUrl}/api/ofair/admin/payout-batches/${batch.id}/csv`, {
      headers: admin.session.headers,
    })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const text = await csv.text()
    expect(text).toContain(',12,345,1234567,300.00,pending')
    expect(text).toContain(',10,800,99887766,75.00,pending')

    const itemOf = (p: TestProfessional) =>
      batch.items.find((i: { professional: { id: string } }) => i.professional.id === p.professionalId)
    const paid = await api(w, admin.session).post(`/api/ofair/admin/payouts/${itemOf(a!).id}/decide`, {
      status: 'paid',
    })
    expect(paid.status).toBe(200)
    const failed = await api(w, admin.session).post(`/api/ofair/admin/payouts/${itemOf(b!).id}/decide`, {
      status: 'failed',
      reason: 'חשבון סגור',
    })
    expect(failed.body.status).toBe('closed')
    expect(await balanceOf(a!)).toBe(0n)
    expect(await balanceOf(b!)).toBe(7_500n)
    const twice = await api(w, admin.session).post(`/api/ofair/admin/payouts/${itemOf(a!).id}/decide`, {
      status: 'failed',
    })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('payout_not_pending')

    const history = await api(w, a!.session).get(`/api/ofair/payouts/${a!.professionalId}`)
    expect(history.body.data).toEqual([
      expect.objectContaining({ status: 'paid', amount: { amount: '30000', currency: 'ILS' } }),
    ])
    expect((await api(w, b!.session).get(`/api/ofair/payouts/${a!.professionalId}`)).status).toBe(404)
    expect(
      (await api(w, admin.session).get(`/api/ofair/payouts/${b!.professionalId}`)).body.data[0],
    ).toMatchObject({
      status: 'failed',
      failure_reason: 'חשבון סגור',
    })
    // the next batch takes B's returned money again (the first is closed)
    const next = await api(w, admin.session).post('/api/ofair/admin/payout-batches')
    expect(next.body.created).toBe(true)
    expect(next.body.batch.items.map((i: { professional: { id: string } }) => i.professional.id)).toContain(
      b!.professionalId,
    )
  })
})

describe('captured-payment mode', () => {
  it('20 concurrent initiates of one confirmed job make one payment page', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const pro = await makeProfessional(w)
    const lead = await makeConsumerLead(w, consumer)
    const proposal = await propose(w, pro, lead.id, '100000')
    await sql`insert into ofair.lead_payments (lead_id, proposal_id, performer_professional_id, payer_user_id,
        settlement_mode, final_amount_minor, platform_commission_minor, referrer_fee_minor,
        professional_net_amount_minor, platform_commission_bps, rule_version, status, completed_at, confirmed_at)
      values (${lead.id}, ${proposal.id}, ${pro.professionalId}, ${consumer.id}, 'captured', 100000, 10000, 0,
        90000, 1000, 'test', 'confirmed', now(), now())`.execute(db())
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, consumer.session).post('/api/ofair/payments/initiate', { proposal_id: proposal.id }),
      ),
    )
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(new Set(answers.map((r) => r.body.session_id)).size).toBe(1)
    expect(answers.filter((r) => r.body.created)).toHaveLength(1)
    // the client pays on the hosted page; the signed webhook marks the job paid (once)
    const url = answers[0]!.body.url
    const paid = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ card: '4580000000000000', exp: '11/29' }).toString(),
      redirect: 'manual',
    })
    expect(paid.status).toBe(303)
    expect(paid.headers.get('location')).toContain(`/ofair/leads/${lead.id}?paid=`)
    const statusOf = async () =>
      (
        await sql<{
          status: string
          psp_reference: string | null
        }>`select status, psp_reference from ofair.lead_payments
        where proposal_id = ${proposal.id}`.execute(db())
      ).rows[0]
    await expect.poll(async () => (await statusOf())?.status, { timeout: 5000 }).toBe('paid')
    expect((await statusOf())!.psp_reference).toBe(psp.state.transactions.at(-1)!.id)
    // the webhook's delivery sent again is a replay: refused, nothing changes
    const delivery = psp.deliveries.at(-1)!
    const replay = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': signBody(psp.webhookSecret, delivery.body),
      },
      body: delivery.body,
    })
    expect(replay.status).toBe(400)
    expect((await statusOf())!.status).toBe('paid')
    // a paid job offers no new page
    const after = await api(w, consumer.session).post('/api/ofair/payments/initiate', {
      proposal_id: proposal.id,
    })
    expect(after.status).toBe(409)
    expect(after.body.code).toBe('payment_not_payable')
    // someone else's job: not found
    const stranger = await ofairPerson(w, 'consumer')
    expect(
      (await api(w, stranger.session).post('/api/ofair/payments/initiate', { proposal_id: proposal.id }))
        .status,
    ).toBe(404)
  })
})
