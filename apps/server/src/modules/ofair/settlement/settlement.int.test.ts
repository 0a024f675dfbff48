import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  makeProfessional,
  makeProLead,
  ofairAdmin,
  ofairPerson,
  propose,
  type TestProfessional,
} from '../../../../../../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { reconcileLedger } from '../../ledger/index.ts'
import type { OfairTx } from '../database.ts'
import { releaseHeldPayments } from './jobs.ts'
import { markCapturedPaymentPaid } from './service.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  // the ledger proves itself after the file: balanced postings, counters equal entries, audit chain
  if (app) {
    const r = await reconcileLedger(app.ctx.db)
    expect(r.checks.filter((c) => !c.ok)).toEqual([])
  }
  await app?.stop()
})

const ils = (amount: string) => ({ amount, currency: 'ILS' })

/** A referral lead of `owner` with `share`%, taken by `performer` from the board and accepted. */
async function acceptedJob(owner: TestProfessional, performer: TestProfessional, share = 20) {
  const lead = await makeProLead(w, owner, { referrer_share_percentage: share })
  const proposal = await propose(w, performer, lead.id, '100000')
  const accepted = await api(w, owner.session).post(`/api/ofair/proposals/${proposal.id}/accept`, {
    consent: true,
  })
  expect(accepted.status).toBe(200)
  return { leadId: lead.id as string, proposalId: proposal.id as string }
}

const complete = (pro: TestProfessional, proposalId: string, amount: string) =>
  api(w, pro.session).post(`/api/ofair/proposals/${proposalId}/complete`, { final_amount: ils(amount) })

async function setMode(mode: 'b2b' | 'captured') {
  const admin = await ofairAdmin(w)
  const r = await api(w, admin.session).put('/api/ofair/admin/settlement-settings', { settlement_mode: mode })
  expect(r.status).toBe(200)
}

describe('OFAIR settlement (B2B, the default)', () => {
  it('the seed’s example end to end: share 20%, ₪1,000 → platform ₪50, referrer ₪200, performer ₪750, one posting', async () => {
    const [owner, performer, stranger] = await Promise.all([
      makeProfessional(w),
      makeProfessional(w),
      makeProfessional(w),
    ])
    const { leadId, proposalId } = await acceptedJob(owner!, performer!)

    const done = await complete(performer!, proposalId, '100000')
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({
      status: 'awaiting_confirmation',
      final_amount: ils('100000'),
      platform_commission: ils('5000'),
      referrer_fee: ils('20000'),
      professional_net_amount: ils('75000'),
      platform_commission_percentage: 5,
      rule_version: 'ofair-commission-2026-12',
      settlement_mode: 'b2b',
    })
    expect(done.body.referrer_fees).toEqual([
      expect.objectContaining({ level: 1, share_percentage: 20, fee: ils('20000'), referral_id: null }),
    ])

    // confirming someone else's job: a stranger sees nothing, the performer is refused
    expect((await api(w, stranger!.session).post(`/api/ofair/proposals/${proposalId}/confirm`)).status).toBe(
      404,
    )
    const byPerformer = await api(w, performer!.session).post(`/api/ofair/proposals/${proposalId}/confirm`)
    expect(byPerformer.status).toBe(403)
    expect(byPerformer.body.user_message).toMatch(/[א-ת]/)

    const confirmed = await api(w, owner!.session).post(`/api/ofair/proposals/${proposalId}/confirm`)
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({ status: 'confirmed', final_amount: ils('100000') })
    const second = await api(w, owner!.session).post(`/api/ofair/proposals/${proposalId}/confirm`)
    expect(second.status).toBe(409)
    expect(second.body.code).toBe('already_confirmed')

    // the payment, from its id and from the lead, for each party; not for a stranger
    const paymentId = confirmed.body.id
    for (const who of [owner!, performer!]) {
      const r = await api(w, who.session).get(`/api/ofair/payments/${paymentId}`)
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({
        final_amount: ils('100000'),
        platform_commission: ils('5000'),
        referrer_fee: ils('20000'),
        professional_net_amount: ils('75000'),
        status: 'confirmed',
      })
    }
    expect((await api(w, owner!.session).get(`/api/ofair/leads/${leadId}/payment`)).body.id).toBe(paymentId)
    expect((await api(w, stranger!.session).get(`/api/ofair/payments/${paymentId}`)).status).toBe(404)

    // the lead closed as completed with its final amount
    const lead = await api(w, owner!.session).get(`/api/ofair/leads/${leadId}`)
    expect(lead.body).toMatchObject({ status: 'closed', close_reason: 'completed' })

    // the admin sees one balanced posting: performer −250, platform +50, referrer +200
    const admin = await ofairAdmin(w)
    const asAdmin = await api(w, admin.session).get(`/api/ofair/payments/${paymentId}`)
    expect(asAdmin.body.ledger).toHaveLength(1)
    const entries = asAdmin.body.ledger[0].entries.map(
      (e: {
        account_kind: string
        owner_id: string | null
        direction: string
        amount: { amount: string }
      }) => [e.account_kind, e.owner_id, e.direction, e.amount.amount],
    )
    expect(entries).toEqual(
      expect.arrayContaining([
        ['pro_balance', performer!.professionalId, 'debit', '25000'],
        ['commission_revenue', null, 'credit', '5000'],
        ['pro_balance', owner!.professionalId, 'credit', '20000'],
      ]),
    )
    expect(entries).toHaveLength(3)

    // balances net debts against credits, with every entry and its job
    const perf = await api(w, performer!.session).get(`/api/ofair/balances/${performer!.professionalId}`)
    expect(perf.body).toMatchObject({ balance: ils('-25000'), owed: ils('25000'), available: ils('0') })
    expect(perf.body.entries).toEqual([
      expect.objectContaining({
        amount: ils('-25000'),
        lead_id: leadId,
        role: 'performer',
        lead_payment_id: paymentId,
      }),
    ])
    const ref = await api(w, owner!.session).get(`/api/ofair/balances/${owner!.professionalId}`)
    expect(ref.body).toMatchObject({ balance: ils('20000'), available: ils('20000'), owed: ils('0') })
    expect(ref.body.entries[0]).toMatchObject({ amount: ils('20000'), role: 'referrer', lead_id: leadId })
    // someone else's balance: 404; the admin sees it
    expect((await api(w, stranger!.session).get(`/api/ofair/balances/${owner!.professionalId}`)).status).toBe(
      404,
    )
    expect((await api(w, admin.session).get(`/api/ofair/balances/${owner!.professionalId}`)).status).toBe(200)

    // row-level security says the same underneath: the parties see the payment, a stranger nothing
    const seen = (userId: string) =>
      inTransaction(app.ctx.db, { kind: 'user' as const, userId, roles: ['professional'] }, async (tx) => ({
        payments: (await sql`select id from ofair.lead_payments where id = ${paymentId}`.execute(tx)).rows
          .length,
        fees: (
          await sql`select id from ofair.lead_payment_referrer_fees where lead_payment_id = ${paymentId}`.execute(
            tx,
          )
        ).rows.length,
      }))
    expect(await seen(stranger!.id)).toEqual({ payments: 0, fees: 0 })
    expect(await seen(performer!.id)).toEqual({ payments: 1, fees: 1 })
    expect(await seen(owner!.id)).toEqual({ payments: 1, fees: 1 })

    // the admin finance report lists the job
    const report = await api(w, admin.session).get('/api/ofair/admin/finance/commissions')
    expect(report.body.jobs.find((j: { id: string }) => j.id === paymentId)).toMatchObject({
      platform_commission: ils('5000'),
    })
    expect(report.body.months.length).toBeGreaterThan(0)

    // withdrawing more than available: refused, nothing changed
    const tooMuch = await api(w, owner!.session).post(
      `/api/ofair/wallets/${owner!.professionalId}/withdraw`,
      {
        amount: ils('20001'),
      },
    )
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.code).toBe('insufficient_balance')
    expect(tooMuch.body.user_message).toMatch(/[א-ת]/)
    const negative = await api(w, performer!.session).post(
      `/api/ofair/wallets/${performer!.professionalId}/withdraw`,
      { amount: ils('1') },
    )
    expect(negative.body.code).toBe('insufficient_balance')
    expect(
      (await api(w, owner!.session).get(`/api/ofair/balances/${owner!.professionalId}`)).body.withdrawals,
    ).toEqual([])
  })

  it('refuses a final amount below the minimum and shares that leave the performer less than nothing, changing nothing', async () => {
    const [owner, performer] = await Promise.all([makeProfessional(w), makeProfessional(w)])
    const { leadId, proposalId } = await acceptedJob(owner!, performer!)
    const low = await complete(performer!, proposalId, '9999')
    expect(low.status).toBe(422)
    expect(low.body.code).toBe('final_amount_below_minimum')
    expect(low.body.user_message).toMatch(/[א-ת]/)
    expect((await api(w, owner!.session).get(`/api/ofair/leads/${leadId}/payment`)).status).toBe(404)

    // a 90% share with a commission raised to 20% (terms fixed on the lead) is more than the job
    const greedy = await acceptedJob(owner!, performer!, 90)
    await database.current.db
      .updateTable('ofair.leads' as never)
      .set({ platform_commission_bps: 2000 } as never)
      .where('id' as never, '=', greedy.leadId as never)
      .execute()
    const negative = await complete(performer!, greedy.proposalId, '100000')
    expect(negative.status).toBe(422)
    expect(negative.body.code).toBe('performer_part_negative')
    expect((await api(w, owner!.session).get(`/api/ofair/leads/${greedy.leadId}/payment`)).status).toBe(404)

    // someone else's proposal cannot be marked done
    expect((await complete(owner!, proposalId, '100000')).status).toBe(404)
  })

  it('20 identical confirmations book one posting; 20 completions make one payment', async () => {
    const [owner, performer] = await Promise.all([makeProfessional(w), makeProfessional(w)])
    const { proposalId } = await acceptedJob(owner!, performer!)
    const completes = await Promise.all(
      Array.from({ length: 20 }, () => complete(performer!, proposalId, '50000')),
    )
    expect(completes.every((r) => r.status === 200)).toBe(true)
    expect(new Set(completes.map((r) => r.body.id)).size).toBe(1)
    const confirms = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, owner!.session).post(`/api/ofair/proposals/${proposalId}/confirm`),
      ),
    )
    expect(confirms.filter((r) => r.status === 200)).toHaveLength(1)
    expect(confirms.filter((r) => r.status === 409)).toHaveLength(19)
    const admin = await ofairAdmin(w)
    const p = await api(w, admin.session).get(`/api/ofair/payments/${completes[0]!.body.id}`)
    expect(p.body.ledger).toHaveLength(1)
    const bal = await api(w, performer!.session).get(`/api/ofair/balances/${performer!.professionalId}`)
    expect(bal.body.balance).toEqual(ils('-12500'))
  })

  it('a consumer lead: the platform takes 10%; a subscriber the reduced rate', async () => {
    const consumer = await ofairPerson(w, 'consumer')
    const performer = await makeProfessional(w, { profession_category_id: 'plumbing' })
    const lead = await api(w, consumer.session).post('/api/ofair/leads', {
      type: 'consumer',
      title: 'תיקון ברז במטבח',
      short_description: 'הברז מטפטף',
      category_id: 'plumbing',
      locality_id: 362,
      street: 'הרצל 1',
      client_name: 'לקוחה',
    })
    expect(lead.status).toBe(201)
    const proposal = await propose(w, performer, lead.body.id, '40000')
    await api(w, consumer.session).post(`/api/ofair/proposals/${proposal.id}/accept`, { consent: true })
    const done = await complete(performer, proposal.id, '40000')
    expect(done.body).toMatchObject({
      platform_commission: ils('4000'),
      professional_net_amount: ils('36000'),
    })
    expect((await api(w, consumer.session).post(`/api/ofair/proposals/${proposal.id}/confirm`)).status).toBe(
      200,
    )

    // the same job by a subscriber: 8%
    const sub = await makeProfessional(w, { profession_category_id: 'plumbing' })
    await database.current.db
      .insertInto('ofair.subscriptions' as never)
      .values({
        professional_id: sub.professionalId,
        monthly_price_minor: 10_000,
        starts_at: new Date(Date.now() - 86_400_000),
        ends_at: new Date(Date.now() + 30 * 86_400_000),
      } as never)
      .execute()
    const lead2 = await api(w, consumer.session).post('/api/ofair/leads', {
      type: 'consumer',
      title: 'החלפת אסלה',
      short_description: 'אסלה סדוקה',
      category_id: 'plumbing',
      locality_id: 362,
      street: 'הרצל 1',
      client_name: 'לקוחה',
    })
    const p2 = await propose(w, sub, lead2.body.id, '40000')
    await api(w, consumer.session).post(`/api/ofair/proposals/${p2.id}/accept`, { consent: true })
    const done2 = await complete(sub, p2.id, '40000')
    expect(done2.body).toMatchObject({
      platform_commission: ils('3200'),
      platform_commission_percentage: 8,
      subscriber_rate: true,
    })
  })

  it('the owner closing the job themself (OFAIR I’s route) confirms and books its payment too', async () => {
    const [owner, performer] = await Promise.all([makeProfessional(w), makeProfessional(w)])
    const { leadId } = await acceptedJob(owner!, performer!)
    const closed = await api(w, owner!.session).post(`/api/ofair/leads/${leadId}/complete`, {
      final_amount: ils('100000'),
    })
    expect(closed.status).toBe(200)
    const admin = await ofairAdmin(w)
    const p = await api(w, admin.session).get(`/api/ofair/leads/${leadId}/payment`)
    expect(p.body).toMatchObject({
      status: 'confirmed',
      platform_commission: ils('5000'),
      referrer_fee: ils('20000'),
      professional_net_amount: ils('75000'),
    })
    expect(p.body.ledger).toHaveLength(1)
  })

  it('a dispute before confirmation freezes the job; the admin resolves it with a partial refund', async () => {
    const [owner, performer] = await Promise.all([makeProfessional(w), makeProfessional(w)])
    const { proposalId } = await acceptedJob(owner!, performer!)
    await complete(performer!, proposalId, '100000')
    const d = await api(w, owner!.session).post(`/api/ofair/proposals/${proposalId}/dispute`, {
      reason: 'העבודה לא הסתיימה כמו שסוכם',
    })
    expect(d.status).toBe(200)
    expect(d.body).toMatchObject({ status: 'disputed', dispute: { status: 'open', opened_by_role: 'owner' } })
    const frozen = await api(w, owner!.session).post(`/api/ofair/proposals/${proposalId}/confirm`)
    expect(frozen.body.code).toBe('payment_disputed')

    // the performer gives their side, once; the opener does not answer their own dispute
    const url = `/api/ofair/proposals/${proposalId}/dispute/response`
    const own = await api(w, owner!.session).post(url, { response: 'אני פתחתי' })
    expect([own.status, own.body.code]).toEqual([422, 'dispute_own'])
    expect(own.body.user_message).toMatch(/הצד השני/)
    const empty = await api(w, performer!.session).post(url, { response: '   ' })
    expect(empty.status).toBe(400)
    const outsider = await makeProfessional(w)
    expect((await api(w, outsider.session).post(url, { response: 'לא שלי' })).status).toBe(404)
    // twenty answers at once (a double tap, retries): exactly one is kept
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, performer!.session).post(url, { response: `סיימתי את כל מה שסוכם בכתב (${i})` }),
      ),
    )
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(
      Array(19).fill('dispute_already_answered'),
    )
    const answered = answers.find((a) => a.status === 200)!
    expect(answered.body.dispute.response).toMatch(/^סיימתי את כל מה שסוכם בכתב/)
    expect(answered.body.dispute.responded_at).toBeTruthy()

    const admin = await ofairAdmin(w)
    const queue = await api(w, admin.session).get('/api/ofair/admin/disputes?status=open')
    const dispute = queue.body.data.find((x: { lead_payment_id: string }) => x.lead_payment_id === d.body.id)
    expect(dispute).toBeTruthy()
    // the admin reads both sides
    const detail = await api(w, admin.session).get(`/api/ofair/admin/disputes/${dispute.id}`)
    expect(
      detail.body.statements.map((x: { side: string; text: string | null }) => [x.side, x.text]),
    ).toEqual([
      ['owner', 'העבודה לא הסתיימה כמו שסוכם'],
      ['performer', answered.body.dispute.response],
    ])
    const resolved = await api(w, admin.session).post(`/api/ofair/admin/resolve-dispute/${dispute.id}`, {
      outcome: 'partial',
      amount: ils('20000'),
      note: 'הוסכם על הנחה של 200 ש"ח',
    })
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({
      status: 'confirmed',
      final_amount: ils('80000'),
      platform_commission: ils('4000'),
      referrer_fee: ils('16000'),
      professional_net_amount: ils('60000'),
    })
    expect(resolved.body.ledger).toHaveLength(1)
    const again = await api(w, admin.session).post(`/api/ofair/admin/resolve-dispute/${dispute.id}`, {
      outcome: 'refund',
      note: 'שוב',
    })
    expect(again.body.code).toBe('dispute_not_open')
    // every step in the audit log and the outbox, in its transaction
    const audit = await database.current.pool.query(
      `select action from platform.audit_log where entity_id in ($1, $2) order by seq`,
      [dispute.id, d.body.id],
    )
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'ofair.job_completed',
      'ofair.dispute_opened',
      'ofair.dispute_answered',
      'ofair.dispute_resolved',
    ])
    const events = await database.current.pool.query(
      `select event_type from platform.outbox where aggregate_id in ($1, $2) order by seq`,
      [dispute.id, d.body.id],
    )
    expect(events.rows.map((r: { event_type: string }) => r.event_type)).toEqual([
      'ofair_job.completed',
      'ofair_dispute.opened',
      'ofair_dispute.resolved',
    ])
  })
})

describe('captured payments', () => {
  it('paid → pending for the hold period → available; withdrawals never overdraw; approve and reject', async () => {
    await setMode('captured')
    try {
      const [owner, performer] = await Promise.all([makeProfessional(w), makeProfessional(w)])
      const { proposalId } = await acceptedJob(owner!, performer!)
      await complete(performer!, proposalId, '100000')
      const confirmed = await api(w, owner!.session).post(`/api/ofair/proposals/${proposalId}/confirm`)
      expect(confirmed.body).toMatchObject({ status: 'confirmed', settlement_mode: 'captured', ledger: [] })
      const paymentId = confirmed.body.id as string
      const paidAt = new Date()
      const pay = () =>
        inTransaction(app.ctx.db, systemActor('test.psp'), (tx) =>
          markCapturedPaymentPaid(tx as unknown as OfairTx, paymentId, {
            pspProvider: 'test-psp',
            pspReference: `ref-${paymentId}`,
            paidAt,
          }),
        )
      const first = await pay()
      const replay = await pay()
      expect(replay).toEqual({ postingId: first.postingId, replayed: true })

      const perf = await api(w, performer!.session).get(`/api/ofair/balances/${performer!.professionalId}`)
      expect(perf.body).toMatchObject({ pending: ils('75000'), available: ils('0'), balance: ils('0') })
      const ref = await api(w, owner!.session).get(`/api/ofair/balances/${owner!.professionalId}`)
      expect(ref.body).toMatchObject({ pending: ils('20000') })
      // not yet: inside the hold period
      expect(await releaseHeldPayments(app.ctx, new Date(paidAt.getTime() + 6 * 86_400_000))).toBe(0)
      expect(await releaseHeldPayments(app.ctx, new Date(paidAt.getTime() + 7 * 86_400_000 + 1000))).toBe(1)
      const after = await api(w, performer!.session).get(`/api/ofair/balances/${performer!.professionalId}`)
      expect(after.body).toMatchObject({ pending: ils('0'), available: ils('75000'), balance: ils('75000') })

      // 20 concurrent withdrawals of ₪100 from ₪750: seven succeed, none overdraws
      const tries = await Promise.all(
        Array.from({ length: 20 }, () =>
          api(w, performer!.session).post(`/api/ofair/wallets/${performer!.professionalId}/withdraw`, {
            amount: ils('10000'),
          }),
        ),
      )
      expect(tries.filter((r) => r.status === 201)).toHaveLength(7)
      expect(tries.filter((r) => r.status === 422).every((r) => r.body.code === 'insufficient_balance')).toBe(
        true,
      )
      const held = await api(w, performer!.session).get(`/api/ofair/balances/${performer!.professionalId}`)
      expect(held.body).toMatchObject({ available: ils('5000'), withdrawals_pending: ils('70000') })

      const admin = await ofairAdmin(w)
      const [a, b] = tries.filter((r) => r.status === 201).map((r) => r.body.id as string)
      const approved = await api(w, admin.session).post(`/api/ofair/admin/withdrawals/${a}/approve`, {})
      expect(approved.body.status).toBe('approved')
      expect(
        (await api(w, admin.session).post(`/api/ofair/admin/withdrawals/${a}/reject`, {})).body.code,
      ).toBe('withdrawal_not_pending')
      expect(
        (await api(w, admin.session).post(`/api/ofair/admin/withdrawals/${b}/reject`, {})).body.status,
      ).toBe('rejected')
      const end = await api(w, performer!.session).get(`/api/ofair/balances/${performer!.professionalId}`)
      expect(end.body).toMatchObject({ balance: ils('65000'), available: ils('15000') })
    } finally {
      await setMode('b2b')
    }
  })

  it('a dispute inside the hold period freezes the funds; a refund reverses the payment', async () => {
    await setMode('captured')
    try {
      const [owner, performer] = await Promise.all([makeProfessional(w), makeProfessional(w)])
      const { proposalId } = await acceptedJob(owner!, performer!)
      await complete(performer!, proposalId, '100000')
      const confirmed = await api(w, owner!.session).post(`/api/ofair/proposals/${proposalId}/confirm`)
      const paymentId = confirmed.body.id as string
      const paidAt = new Date()
      await inTransaction(app.ctx.db, systemActor('test.psp'), (tx) =>
        markCapturedPaymentPaid(tx as unknown as OfairTx, paymentId, {
          pspProvider: 'test-psp',
          pspReference: `ref-${paymentId}`,
          paidAt,
        }),
      )
      const d = await api(w, performer!.session).post(`/api/ofair/proposals/${proposalId}/dispute`, {
        reason: 'הלקוח טוען שלא שילם',
      })
      expect(d.body.status).toBe('disputed')
      // the hold ends but the funds stay frozen; an admin's early release is refused
      expect(await releaseHeldPayments(app.ctx, new Date(paidAt.getTime() + 8 * 86_400_000))).toBe(0)
      const admin = await ofairAdmin(w)
      expect(
        (await api(w, admin.session).post(`/api/ofair/admin/payments/${paymentId}/release`)).body.code,
      ).toBe('payment_disputed')
      const dispute = (
        await api(w, admin.session).get('/api/ofair/admin/disputes?status=open')
      ).body.data.find((x: { lead_payment_id: string }) => x.lead_payment_id === paymentId)
      const refunded = await api(w, admin.session).post(`/api/ofair/admin/resolve-dispute/${dispute.id}`, {
        outcome: 'refund',
        note: 'הכסף הוחזר ללקוח',
      })
      expect(refunded.body.status).toBe('refunded')
      expect(refunded.body.ledger).toHaveLength(2)
      expect(refunded.body.ledger[1].reverses).toBe(refunded.body.ledger[0].id)
      const bal = await api(w, performer!.session).get(`/api/ofair/balances/${performer!.professionalId}`)
      expect(bal.body).toMatchObject({ pending: ils('0'), balance: ils('0') })
    } finally {
      await setMode('b2b')
    }
  })
})
