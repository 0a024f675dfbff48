import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  makeProfessional,
  makeProLead,
  ofairAdmin,
  propose,
  type TestProfessional,
} from '../../../../../../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { accountBalance, post, reconcileLedger } from '../../ledger/index.ts'
import { OFAIR_BOOK, ofairAccount } from '../settlement/index.ts'
import { invoiceCommands } from './jobs.ts'
import { jerusalemDate } from './rules.ts'
import { runMonthlyInvoices } from './service.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  if (app) {
    const r = await reconcileLedger(app.ctx.db)
    expect(r.checks.filter((c) => !c.ok)).toEqual([])
    await app.stop()
  }
})

const db = () => database.current.db

/**
 * A confirmed job as helper A's settlement records it (lead_payments and the referral-chain fee):
 * a professional lead of `referrer`, proposed on by `performer`, closed at `final` agorot.
 */
async function confirmedJob(
  performer: TestProfessional,
  referrer: TestProfessional,
  o: { final: bigint; confirmedAt: string; commissionBps?: number; shareBps?: number; status?: string },
) {
  const lead = await makeProLead(w, referrer, { referrer_share_percentage: (o.shareBps ?? 2000) / 100 })
  const proposal = await propose(w, performer, lead.id)
  const commissionBps = o.commissionBps ?? 500
  const shareBps = o.shareBps ?? 2000
  const commission = (o.final * BigInt(commissionBps)) / 10000n
  const fee = (o.final * BigInt(shareBps)) / 10000n
  const lp = await sql<{ id: string }>`insert into ofair.lead_payments
      (lead_id, proposal_id, performer_professional_id, settlement_mode, final_amount_minor, platform_commission_minor,
       referrer_fee_minor, professional_net_amount_minor, platform_commission_bps, referrer_share_bps, rule_version,
       status, completed_at, confirmed_at)
    values (${lead.id}, ${proposal.id}, ${performer.professionalId}, 'b2b', ${o.final}, ${commission}, ${fee},
       ${o.final - commission - fee}, ${commissionBps}, ${shareBps}, 'test', ${o.status ?? 'confirmed'},
       ${o.confirmedAt}::timestamptz, ${o.confirmedAt}::timestamptz)
    returning id`.execute(db())
  const id = lp.rows[0]!.id
  // booked as helper A's confirmation books it: commission and the referral fee, from the performer
  await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    post(tx, {
      book: OFAIR_BOOK,
      idempotencyKey: `test:lead_payment:${id}`,
      kind: 'test.lead_payment_confirmed',
      reference: { type: 'ofair_lead_payment', id },
      description: 'test job',
      effectiveAt: new Date(o.confirmedAt),
      lines: [
        {
          account: ofairAccount.proBalance(performer.professionalId),
          direction: 'debit' as const,
          amount: commission + fee,
          currency: 'ILS',
        },
        {
          account: ofairAccount.commissionRevenue(id),
          direction: 'credit' as const,
          amount: commission,
          currency: 'ILS',
        },
        ...(fee > 0n
          ? [
              {
                account: ofairAccount.proBalance(referrer.professionalId),
                direction: 'credit' as const,
                amount: fee,
                currency: 'ILS',
              },
            ]
          : []),
      ].filter((l) => l.amount > 0n),
    }),
  )
  if (fee > 0n) {
    await sql`insert into ofair.lead_payment_referrer_fees (lead_payment_id, referrer_professional_id, level, share_bps, fee_minor)
      values (${lp.rows[0]!.id}, ${referrer.professionalId}, 1, ${shareBps}, ${fee})`.execute(db())
  }
  return lp.rows[0]!.id
}

const docs = async (month: string) =>
  (
    await sql<{
      id: string
      document_type: string
      serial: string
      professional_id: string
      amount_before_vat_minor: string
      vat_minor: string
      total_minor: string
      vat_rate_bps: number
      status: string
      allocation_required: boolean
    }>`select id, document_type, serial::text, professional_id, amount_before_vat_minor::text, vat_minor::text,
              total_minor::text, vat_rate_bps, status, allocation_required
         from ofair.invoice_documents where month = ${`${month}-01`}::date order by document_type, serial`.execute(
      db(),
    )
  ).rows

/** Every serial of every type is 1..n with no gap and no repeat. */
async function expectGapFree() {
  const rows = (
    await sql<{ document_type: string; n: number; max: string; distinct_n: number }>`
      select document_type, count(*)::int as n, max(serial)::text as max, count(distinct serial)::int as distinct_n
        from ofair.invoice_documents group by document_type`.execute(db())
  ).rows
  for (const r of rows) {
    expect(r.n, r.document_type).toBe(Number(r.max))
    expect(r.distinct_n, r.document_type).toBe(r.n)
  }
  const counters = (
    await sql<{
      document_type: string
      last_serial: string
    }>`select document_type, last_serial::text from ofair.document_counters`.execute(db())
  ).rows
  for (const c of counters) {
    expect(Number(c.last_serial), c.document_type).toBe(
      rows.find((r) => r.document_type === c.document_type)?.n ?? 0,
    )
  }
}

const balance = (professionalId: string) =>
  inTransaction(app.ctx.db, systemActor('test'), (tx) =>
    accountBalance(tx, ofairAccount.proBalance(professionalId)),
  )

describe('the monthly run', () => {
  it('issues one tax invoice per performer and one statement per professional with fees; twice issues nothing new, no gap', async () => {
    const [a, b, c] = await Promise.all([
      makeProfessional(w),
      makeProfessional(w, { business_type: 'osek_patur' }),
      makeProfessional(w),
    ])
    // B performs two jobs referred by A (20%), one in October (Jerusalem) and one in September
    await confirmedJob(b!, a!, { final: 100_000n, confirmedAt: '2026-10-10T10:00:00Z' })
    await confirmedJob(b!, a!, { final: 50_000n, confirmedAt: '2026-10-31T22:30:00Z' }) // 1 Nov 00:30 in Jerusalem
    await confirmedJob(a!, c!, { final: 200_000n, confirmedAt: '2026-10-01T00:30:00+03:00' })
    await confirmedJob(c!, a!, { final: 80_000n, confirmedAt: '2026-10-15T09:00:00Z', status: 'refunded' })

    const first = await runMonthlyInvoices(app.ctx, '2026-10', { trigger: 'test' })
    expect(first).toMatchObject({
      already_closed: false,
      professionals: 3,
      invoices_issued: 2,
      statements_issued: 3,
    })
    const issued = await docs('2026-10')
    const invoiceOf = (p: TestProfessional) =>
      issued.find((d) => d.document_type === 'tax_invoice' && d.professional_id === p.professionalId)
    // B: 5% of ₪1,000 = ₪50 + 18% VAT = ₪9 (the job confirmed on 1 Nov in Jerusalem is November's)
    expect(invoiceOf(b!)).toMatchObject({
      amount_before_vat_minor: '5000',
      vat_minor: '900',
      total_minor: '5900',
      vat_rate_bps: 1800,
      status: 'issued',
    })
    // A: 5% of ₪2,000 confirmed 1 Oct 00:30 in Jerusalem (30 Sep in UTC): October
    expect(invoiceOf(a!)).toMatchObject({ amount_before_vat_minor: '10000', vat_minor: '1800' })
    // C earned a fee, performed nothing confirmed (the refunded job is not invoiced): a statement only
    expect(invoiceOf(c!)).toBeUndefined()
    const statementOf = (p: TestProfessional) =>
      issued.find((d) => d.document_type === 'settlement_statement' && d.professional_id === p.professionalId)
    expect(statementOf(a!)).toMatchObject({ total_minor: String(20_000n - 40_000n) }) // earned ₪200, owed ₪400
    expect(statementOf(b!)).toMatchObject({ total_minor: '-20000', vat_rate_bps: 0 }) // exempt dealer
    expect(statementOf(c!)).toMatchObject({ total_minor: '40000' })

    // the VAT is posted: debit the professional, credit VAT output (besides the jobs' own postings:
    // B owes ₪50 + ₪25 commission and ₪200 + ₪100 in fees, and ₪9 VAT on October's invoice)
    expect((await balance(b!.professionalId)).posted).toBe(-(5000n + 2500n + 20000n + 10000n + 900n))

    const again = await runMonthlyInvoices(app.ctx, '2026-10', { trigger: 'test' })
    expect(again).toMatchObject({ already_closed: true, invoices_issued: 2, statements_issued: 3 })
    expect(await docs('2026-10')).toEqual(issued)
    await expectGapFree()

    // the notice reached the performer, with a link to the invoices page
    const notices = await sql<{ n: number }>`select count(*)::int as n from notifications.inbox
      where user_id = ${b!.id} and type = 'ofair_invoice.issued' and link like '%/ofair/invoices%'`.execute(
      db(),
    )
    expect(notices.rows[0]!.n).toBe(2)
    // and, professionals signing in by phone, as a text message with the link (once per document)
    const texts = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
      where name = 'notifications.send_sms' and data->>'user_id' = ${b!.id}
        and data->>'text' like '%/ofair/invoices%'`.execute(db())
    expect(texts.rows[0]!.n).toBe(2)
  })

  it('applies the VAT rate in force in the month (17% in 2024) and keeps it on the invoice', async () => {
    const [a, b] = await Promise.all([makeProfessional(w), makeProfessional(w)])
    await confirmedJob(b!, a!, { final: 100_000n, confirmedAt: '2024-12-20T10:00:00Z', shareBps: 0 })
    await runMonthlyInvoices(app.ctx, '2024-12', { trigger: 'test' })
    expect((await docs('2024-12')).find((d) => d.professional_id === b!.professionalId)).toMatchObject({
      vat_rate_bps: 1700,
      vat_minor: '850',
    })
  })

  it('two runs at once (and 20 admin requests at once) issue one set', async () => {
    const pros = await Promise.all(Array.from({ length: 5 }, () => makeProfessional(w)))
    for (let i = 0; i < pros.length; i++) {
      await confirmedJob(pros[i]!, pros[(i + 1) % pros.length]!, {
        final: BigInt(10_000 * (i + 1)),
        confirmedAt: '2026-08-12T10:00:00Z',
      })
      await confirmedJob(pros[i]!, pros[(i + 2) % pros.length]!, {
        final: 30_000n,
        confirmedAt: '2026-07-12T10:00:00Z',
      })
    }
    const results = await Promise.allSettled([
      runMonthlyInvoices(app.ctx, '2026-08', { trigger: 'test' }),
      runMonthlyInvoices(app.ctx, '2026-08', { trigger: 'test' }),
      runMonthlyInvoices(app.ctx, '2026-08', { trigger: 'test' }),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled'])
    const august = await docs('2026-08')
    expect(august.filter((d) => d.document_type === 'tax_invoice')).toHaveLength(5)
    expect(august.filter((d) => d.document_type === 'settlement_statement')).toHaveLength(5)

    const admin = await ofairAdmin(w)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, admin.session).post('/api/ofair/admin/invoice-runs', { month: '2026-07' }),
      ),
    )
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 202)).toHaveLength(1)
    expect(statuses.filter((s) => s !== 202).every((s) => s === 409)).toBe(true)
    const accepted = answers.find((r) => r.status === 202)!
    expect(accepted.body).toMatchObject({ month: '2026-07', status: 'running' })
    // the job finishes the run; the month is then closed
    await expect
      .poll(
        async () =>
          (await api(w, admin.session).get('/api/ofair/admin/invoice-runs')).body.data.find(
            (r: { month: string }) => r.month === '2026-07',
          )?.status,
        { timeout: 20_000 },
      )
      .toBe('completed')
    expect((await docs('2026-07')).filter((d) => d.document_type === 'tax_invoice')).toHaveLength(5)
    const closed = await api(w, admin.session).post('/api/ofair/admin/invoice-runs', { month: '2026-07' })
    expect(closed.status).toBe(409)
    expect(closed.body).toMatchObject({ code: 'month_already_closed' })
    expect(closed.body.user_message).toMatch(/נסגר/)
    await expectGapFree()
  })
})

describe('bad input', () => {
  it('refuses a malformed month, a month not yet ended and a closed month, changing nothing', async () => {
    const admin = await ofairAdmin(w)
    const before = await sql<{ n: number }>`select count(*)::int as n from ofair.invoice_runs`.execute(db())
    for (const month of ['2026-13', '11-2026', '2026-1', 'november', '']) {
      const r = await api(w, admin.session).post('/api/ofair/admin/invoice-runs', { month })
      expect(r.status, month).toBe(400)
      expect(r.body.code).toBe('validation_failed')
      expect(r.body.user_message).toMatch(/חודש/)
    }
    expect((await api(w, admin.session).post('/api/ofair/admin/invoice-runs', {})).status).toBe(400)
    const current = await api(w, admin.session).post('/api/ofair/admin/invoice-runs', {
      month: jerusalemDate(new Date()).slice(0, 7),
    })
    expect(current.status).toBe(422)
    expect(current.body.code).toBe('month_not_ended')
    const after = await sql<{ n: number }>`select count(*)::int as n from ofair.invoice_runs`.execute(db())
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n)
    await expect(runMonthlyInvoices(app.ctx, '2026-99', { trigger: 'test' })).rejects.toMatchObject({
      code: 'validation_failed',
    })
  })
})

describe('issued documents', () => {
  let a: TestProfessional
  let b: TestProfessional
  let invoiceId: string
  beforeAll(async () => {
    ;[a, b] = (await Promise.all([makeProfessional(w), makeProfessional(w)])) as [
      TestProfessional,
      TestProfessional,
    ]
    await confirmedJob(b, a, { final: 120_000n, confirmedAt: '2026-06-05T10:00:00Z' })
    await confirmedJob(b, a, { final: 80_000n, confirmedAt: '2026-06-25T10:00:00Z' })
    await runMonthlyInvoices(app.ctx, '2026-06', { trigger: 'test' })
    invoiceId = (await docs('2026-06')).find((d) => d.document_type === 'tax_invoice')!.id
  })

  it('cannot be changed or deleted (trigger), except its copy counter', async () => {
    await expect(
      sql`update ofair.invoice_documents set amount_before_vat_minor = 1, total_minor = 1 + vat_minor where id = ${invoiceId}`.execute(
        db(),
      ),
    ).rejects.toThrow(/cannot be changed/)
    await expect(
      sql`update ofair.invoice_documents set lines = '[]'::jsonb where id = ${invoiceId}`.execute(db()),
    ).rejects.toThrow(/cannot be changed/)
    await expect(
      sql`delete from ofair.invoice_documents where id = ${invoiceId}`.execute(db()),
    ).rejects.toThrow(/never deleted/)
    await expect(
      sql`update ofair.invoice_documents set status = 'awaiting_allocation' where id = ${invoiceId}`.execute(
        db(),
      ),
    ).rejects.toThrow()
    await expect(sql`truncate ofair.invoice_documents cascade`.execute(db())).rejects.toThrow()
  })

  it('is read by its professional and admins only; original first, then counted copies', async () => {
    const list = await api(w, b.session).get(`/api/ofair/invoices/${b.professionalId}`)
    expect(list.status).toBe(200)
    expect(list.body.data.map((d: { document_type: string }) => d.document_type).sort()).toEqual([
      'settlement_statement',
      'tax_invoice',
    ])
    const invoice = list.body.data.find((d: { id: string }) => d.id === invoiceId)
    expect(invoice).toMatchObject({
      amount_before_vat: { amount: '10000', currency: 'ILS' },
      vat: { amount: '1800', currency: 'ILS' },
      total: { amount: '11800', currency: 'ILS' },
      vat_rate_percentage: 18,
      original_produced: false,
      copies_count: 0,
    })
    // another professional: 403 on the list, 404 on the document
    const intruder = await api(w, a.session).get(`/api/ofair/invoices/${b.professionalId}`)
    expect(intruder.status).toBe(403)
    expect(intruder.body.user_message).toBeTruthy()
    const html = (who: TestProfessional | { session: { headers: Record<string, string> } }) =>
      fetch(`${w.baseUrl}/api/ofair/invoices/documents/${invoiceId}.html`, { headers: who.session.headers })
    expect((await html(a)).status).toBe(404)
    // an admin checking it first gets a copy: the original is the professional's
    const adminLook = await (await html(await ofairAdmin(w))).text()
    expect(adminLook).toContain('העתק')
    expect(adminLook).not.toContain('class="mark original"')

    const original = await html(b)
    expect(original.status).toBe(200)
    const text = await original.text()
    expect(text).toContain('dir="rtl" lang="he"')
    expect(text).toContain('חשבונית מס')
    expect(text).toContain('מקור')
    expect(text).not.toContain('העתק')
    expect(text).toContain('מסמך ממוחשב')
    expect(text).toMatch(/מע״מ <bdi dir="ltr">18%<\/bdi>/)
    const copy = await (await html(b)).text()
    expect(copy).toContain('העתק')
    expect(copy).not.toContain('>מקור<')
    const admin = await ofairAdmin(w)
    const pdf = await fetch(`${w.baseUrl}/api/ofair/invoices/documents/${invoiceId}.pdf`, {
      headers: admin.session.headers,
    })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    const after = (await api(w, b.session).get(`/api/ofair/invoices/${b.professionalId}`)).body.data.find(
      (d: { id: string }) => d.id === invoiceId,
    )
    expect(after).toMatchObject({ original_produced: true, copies_count: 3 })
  })

  it('is corrected by credit notes (own series): part, then the rest; never more than the invoice', async () => {
    const admin = await ofairAdmin(w)
    const before = (await balance(b.professionalId)).posted
    const part = await api(w, admin.session).post(`/api/ofair/admin/invoices/${invoiceId}/credit-note`, {
      reason: 'עבודה אחת בוטלה',
      amount_before_vat: { amount: '6000', currency: 'ILS' },
    })
    expect(part.status, JSON.stringify(part.body)).toBe(201)
    expect(part.body).toMatchObject({
      document_type: 'credit_note',
      credited_document_id: invoiceId,
      amount_before_vat: { amount: '6000' },
      vat: { amount: '1080' },
      status: 'issued',
    })
    const tooMuch = await api(w, admin.session).post(`/api/ofair/admin/invoices/${invoiceId}/credit-note`, {
      reason: 'יותר מדי',
      amount_before_vat: { amount: '4001', currency: 'ILS' },
    })
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.code).toBe('credit_exceeds_invoice')
    const rest = await api(w, admin.session).post(`/api/ofair/admin/invoices/${invoiceId}/credit-note`, {
      reason: 'ביטול יתרת החשבונית',
    })
    expect(rest.status).toBe(201)
    expect(rest.body).toMatchObject({ amount_before_vat: { amount: '4000' }, vat: { amount: '720' } })
    expect(Number(rest.body.serial)).toBe(Number(part.body.serial) + 1)
    // the professional is credited the whole invoice (commission and VAT)
    expect((await balance(b.professionalId)).posted - before).toBe(11800n)
    const again = await api(w, admin.session).post(`/api/ofair/admin/invoices/${invoiceId}/credit-note`, {
      reason: 'שוב',
    })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('not_creditable')
    const html = await (
      await fetch(`${w.baseUrl}/api/ofair/invoices/documents/${rest.body.id}.html`, {
        headers: b.session.headers,
      })
    ).text()
    expect(html).toContain('חשבונית מס זיכוי')
    expect(html).toContain('מזכה את חשבונית מס מספר')
    // a statement cannot be credited
    const statement = (await docs('2026-06')).find((d) => d.document_type === 'settlement_statement')!
    expect(
      (
        await api(w, admin.session).post(`/api/ofair/admin/invoices/${statement.id}/credit-note`, {
          reason: 'x y',
        })
      ).status,
    ).toBe(409)
    await expectGapFree()
  })
})

describe('allocation numbers', () => {
  it('an invoice above ₪5,000 before VAT waits for its number; an exempt dealer needs none', async () => {
    const [a, big, patur] = await Promise.all([
      makeProfessional(w),
      makeProfessional(w, { business_type: 'company', business_number: '516000015' }),
      makeProfessional(w, { business_type: 'osek_patur' }),
    ])
    // 10% of ₪60,000 = ₪6,000 before VAT (> ₪5,000 since 2026-06-01)
    await confirmedJob(big!, a!, {
      final: 6_000_000n,
      confirmedAt: '2026-05-10T10:00:00Z',
      commissionBps: 1000,
      shareBps: 0,
    })
    await confirmedJob(patur!, a!, {
      final: 6_000_000n,
      confirmedAt: '2026-05-11T10:00:00Z',
      commissionBps: 1000,
      shareBps: 0,
    })
    const r = await runMonthlyInvoices(app.ctx, '2026-05', { trigger: 'test' })
    expect(r.awaiting_allocation).toBe(1)
    const may = await docs('2026-05')
    const waiting = may.find((d) => d.professional_id === big!.professionalId)!
    expect(waiting).toMatchObject({
      status: 'awaiting_allocation',
      allocation_required: true,
      amount_before_vat_minor: '600000',
    })
    expect(may.find((d) => d.professional_id === patur!.professionalId)).toMatchObject({
      status: 'issued',
      allocation_required: false,
    })
    // the professional cannot get it yet; the admin sees a draft
    const early = await fetch(`${w.baseUrl}/api/ofair/invoices/documents/${waiting.id}.html`, {
      headers: big!.session.headers,
    })
    expect(early.status).toBe(409)
    const admin = await ofairAdmin(w)
    const draft = await (
      await fetch(`${w.baseUrl}/api/ofair/invoices/documents/${waiting.id}.html`, {
        headers: admin.session.headers,
      })
    ).text()
    expect(draft).toContain('טיוטה')
    const bad = await api(w, admin.session).post(
      `/api/ofair/admin/invoices/${waiting.id}/allocation-number`,
      {
        allocation_number: '12ab',
      },
    )
    expect(bad.status).toBe(400)
    const entered = await api(w, admin.session).post(
      `/api/ofair/admin/invoices/${waiting.id}/allocation-number`,
      {
        allocation_number: '202612345678',
      },
    )
    expect(entered.status).toBe(200)
    expect(entered.body).toMatchObject({ status: 'issued', allocation_number: '202612345678' })
    const twice = await api(w, admin.session).post(
      `/api/ofair/admin/invoices/${waiting.id}/allocation-number`,
      {
        allocation_number: '202612345679',
      },
    )
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('allocation_already_entered')
    const html = await (
      await fetch(`${w.baseUrl}/api/ofair/invoices/documents/${waiting.id}.html`, {
        headers: big!.session.headers,
      })
    ).text()
    expect(html).toContain('מקור')
    expect(html).toContain('612345678') // the nine right-most digits
    await expect(
      sql`update ofair.invoice_documents set allocation_number = '999999999' where id = ${waiting.id}`.execute(
        db(),
      ),
    ).rejects.toThrow(/entered once/)
  })
})

describe('20 identical requests at once', () => {
  it('credit note, allocation number and renderings: one effect each', async () => {
    const [a, b, c] = (await Promise.all([
      makeProfessional(w),
      makeProfessional(w),
      makeProfessional(w, { business_type: 'company', business_number: '516000031' }),
    ])) as [TestProfessional, TestProfessional, TestProfessional]
    await confirmedJob(b, a, { final: 90_000n, confirmedAt: '2026-04-10T10:00:00Z' })
    await confirmedJob(c, a, {
      final: 7_000_000n,
      confirmedAt: '2026-04-11T10:00:00Z',
      commissionBps: 1000,
      shareBps: 0,
    })
    await runMonthlyInvoices(app.ctx, '2026-04', { trigger: 'test' })
    const april = await docs('2026-04')
    const invoiceOf = (p: TestProfessional) =>
      april.find((d) => d.document_type === 'tax_invoice' && d.professional_id === p.professionalId)!
    const admin = await ofairAdmin(w)

    // renderings: one original, nineteen copies
    const views = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${w.baseUrl}/api/ofair/invoices/documents/${invoiceOf(b).id}.html`, {
          headers: b.session.headers,
        }).then(async (r) => ({ status: r.status, text: await r.text() })),
      ),
    )
    expect(views.every((v) => v.status === 200)).toBe(true)
    expect(views.filter((v) => v.text.includes('class="mark original"'))).toHaveLength(1)
    const listed = (await api(w, b.session).get(`/api/ofair/invoices/${b.professionalId}`)).body.data.find(
      (d: { id: string }) => d.id === invoiceOf(b).id,
    )
    expect(listed).toMatchObject({ original_produced: true, copies_count: 19 })

    // the same credit note under one Idempotency-Key: one note, nineteen replays
    const key = crypto.randomUUID()
    const credit = () =>
      fetch(`${w.baseUrl}/api/ofair/admin/invoices/${invoiceOf(b).id}/credit-note`, {
        method: 'POST',
        headers: { ...admin.session.headers, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ reason: 'ביטול העבודה' }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: string } }))
    const credits = await Promise.all(Array.from({ length: 20 }, credit))
    expect(credits.every((r) => r.status === 201)).toBe(true)
    expect(new Set(credits.map((r) => r.body.id)).size).toBe(1)
    const notes = await sql<{ n: number }>`select count(*)::int as n from ofair.invoice_documents
      where credited_document_id = ${invoiceOf(b).id}`.execute(db())
    expect(notes.rows[0]!.n).toBe(1)

    // the allocation number: one 200, nineteen 409
    const entries = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, admin.session).post(`/api/ofair/admin/invoices/${invoiceOf(c).id}/allocation-number`, {
          allocation_number: '202604000001',
        }),
      ),
    )
    expect(entries.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(409)])
    // and twenty full credits of it at once, each with its own key: one note, the others 409
    const fulls = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, admin.session).post(`/api/ofair/admin/invoices/${invoiceOf(c).id}/credit-note`, {
          reason: 'טעות בסכום',
        }),
      ),
    )
    expect(fulls.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)])
    await expectGapFree()
  })
})

describe('the CLI command', () => {
  it('runs a month now with a progress bar, and again issues nothing', async () => {
    const [a, b] = await Promise.all([makeProfessional(w), makeProfessional(w)])
    await confirmedJob(b!, a!, { final: 40_000n, confirmedAt: '2026-02-14T10:00:00Z' })
    const lines: string[] = []
    const progress: [string, number, number][] = []
    const tools = {
      out: (line = '') => lines.push(line),
      progress: () => (step: string, done: number, total: number) => progress.push([step, done, total]),
      done: () => {},
    }
    const command = invoiceCommands.find((c) => c.name === 'ofair:invoices')!
    expect(await command.run(app.ctx, tools, ['2026-02'])).toBe(0)
    expect(progress.at(-1)).toEqual(['professionals', 2, 2])
    expect(lines.join('\n')).toMatch(/2026-02: 2 professionals, 1 tax invoices/)
    expect(await command.run(app.ctx, tools, ['2026-02'])).toBe(0)
    expect(lines.at(-1)).toMatch(/already closed: nothing new issued/)
    await expect(command.run(app.ctx, tools, ['02-2026'])).rejects.toMatchObject({
      code: 'validation_failed',
    })
  })
})
