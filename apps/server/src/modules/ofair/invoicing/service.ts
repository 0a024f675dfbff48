import { allocateProportionally } from '@app/money'
import { sql } from 'kysely'
import { fromKysely } from 'pg-boss'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import type { AppContext } from '../../../kernel/context.ts'
import { lockKey } from '../../../kernel/db/concurrency.ts'
import { asSystem, inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { post } from '../../ledger/index.ts'
import { notify } from '../../notifications/index.ts'
import { actingRole, type OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { validBusinessNumber } from '../professionals/business-number.ts'
import { OFAIR_BOOK, OFAIR_CURRENCY, ofairAccount } from '../settlement/index.ts'
import { OFAIR_TEMPLATES } from '../templates.ts'
import type { DocumentLine, Party, RenderableDocument } from './document.ts'
import { allocationThresholds, type DocumentType, nextSerial, vatRates } from './numbering.ts'
import {
  allocationRequired,
  type BusinessType,
  documentNumber,
  inForce,
  jerusalemDate,
  monthEnd,
  monthHasEnded,
  monthStart,
  vatOn,
} from './rules.ts'

/**
 * OFAIR's monthly documents (issue 11 item 4). Per professional with activity in a month: the
 * platform's tax invoice for the commission on their confirmed jobs (VAT on top, posted to the
 * ledger in the same transaction), and a settlement statement of referral fees owed and earned.
 * Each professional's documents are issued in a transaction of their own under a lock on
 * (professional, month), and a unique key on (professional, month, type) makes a second or a
 * concurrent run issue nothing new. Numbers come from locked counter rows (gap-free).
 */

/**
 * One numbered document row: its serial taken from the type's counter in this transaction, the
 * total as before-VAT plus VAT, and the parties and lines stored as issued (JSON) so that the
 * document never changes when a name or address does later.
 */
async function issueDocument(
  tx: OfairTx,
  d: {
    type: DocumentType
    professionalId: string
    issueDate: string
    issuedAt: Date
    vat: { rateBps: number; effectiveFrom: string }
    beforeVat: bigint
    vatMinor: bigint
    issuer: unknown
    customer: unknown
    lines: readonly unknown[]
    status: 'issued' | 'awaiting_allocation'
    month?: string
    runId?: string
    creditedDocumentId?: string
    reason?: string
    summary?: unknown
    allocation?: { required: boolean; thresholdMinor: bigint | null }
  },
): Promise<{ id: string; serial: bigint }> {
  const serial = await nextSerial(tx, d.type)
  const row = await tx
    .insertInto('ofair.invoice_documents')
    .values({
      document_type: d.type,
      serial,
      professional_id: d.professionalId,
      issue_date: d.issueDate,
      issued_at: d.issuedAt,
      vat_rate_bps: d.vat.rateBps,
      vat_rate_effective_from: d.vat.effectiveFrom,
      amount_before_vat_minor: d.beforeVat,
      vat_minor: d.vatMinor,
      total_minor: d.beforeVat + d.vatMinor,
      issuer: JSON.stringify(d.issuer),
      customer: JSON.stringify(d.customer),
      lines: JSON.stringify(d.lines),
      status: d.status,
      ...(d.month !== undefined ? { month: d.month } : {}),
      ...(d.runId !== undefined ? { run_id: d.runId } : {}),
      ...(d.creditedDocumentId !== undefined ? { credited_document_id: d.creditedDocumentId } : {}),
      ...(d.reason !== undefined ? { reason: d.reason } : {}),
      ...(d.summary !== undefined ? { summary: JSON.stringify(d.summary) } : {}),
      ...(d.allocation
        ? {
            allocation_required: d.allocation.required,
            allocation_threshold_minor: d.allocation.thresholdMinor,
          }
        : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, serial }
}

export const RUN_JOB = 'ofair.run_monthly_invoices'
/** A run whose worker has not reported for this long may be taken over (the worker stopped). */
const STALE_RUN_MS = 5 * 60_000

const INVOICEABLE = sql`lp.status not in ('refunded', 'cancelled') and lp.confirmed_at is not null`
const inMonth = (
  start: string,
) => sql`lp.confirmed_at >= (${start}::date)::timestamp at time zone 'Asia/Jerusalem'
  and lp.confirmed_at < ((${start}::date + interval '1 month'))::timestamp at time zone 'Asia/Jerusalem'`

export interface RunOptions {
  trigger: 'cron' | 'cli' | 'admin' | 'test'
  userId?: string | null
  onProgress?: (done: number, total: number) => void
}

export interface RunResult {
  run_id: string
  month: string
  /** the month was already closed: nothing was issued */
  already_closed: boolean
  professionals: number
  invoices_issued: number
  statements_issued: number
  awaiting_allocation: number
  skipped: { professional_id: string; reason: string }[]
}

const system = (name: string) => systemActor(`ofair.invoicing.${name}`)

function parseMonth(month: string): string {
  const start = monthStart(month)
  if (!start) {
    throw refuse('validation_failed', 'month: must be YYYY-MM, for example 2026-11', { field: 'month' })
  }
  return start
}

/** Claims the month's run row: a new one, or one that failed or whose worker stopped. */
async function claimRun(
  tx: OfairTx,
  month: string,
  start: string,
  now: Date,
  o: RunOptions,
): Promise<{ id: string; status: 'claimed' | 'closed' | 'in_progress' }> {
  const inserted = await tx
    .insertInto('ofair.invoice_runs')
    .values({ month: start, triggered_by: o.trigger, started_by_user_id: o.userId ?? null })
    .onConflict((oc) => oc.column('month').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return { id: inserted.id, status: 'claimed' }
  const run = await tx
    .selectFrom('ofair.invoice_runs')
    .select(['id', 'status', 'heartbeat_at'])
    .where('month', '=', start)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (run.status === 'completed') return { id: run.id, status: 'closed' }
  if (run.status === 'running' && now.getTime() - run.heartbeat_at.getTime() < STALE_RUN_MS) {
    return { id: run.id, status: 'in_progress' }
  }
  await tx
    .updateTable('ofair.invoice_runs')
    .set({ status: 'running', heartbeat_at: now, error: null, updated_at: now, version: sql`version + 1` })
    .where('id', '=', run.id)
    .execute()
  void month
  return { id: run.id, status: 'claimed' }
}

/** The professionals with invoiceable activity in the month: performers and referrers. */
async function activeProfessionals(tx: OfairTx, start: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select lp.performer_professional_id as id from ofair.lead_payments lp where ${INVOICEABLE} and ${inMonth(start)}
    union
    select f.referrer_professional_id from ofair.lead_payment_referrer_fees f
      join ofair.lead_payments lp on lp.id = f.lead_payment_id
     where ${INVOICEABLE} and ${inMonth(start)} and f.fee_minor > 0
    order by 1`.execute(tx)
  return rows.rows.map((r) => r.id)
}

interface Professional {
  id: string
  user_id: string
  name: string
  business_number: string
  business_type: BusinessType
  address: string
}

async function professionalSnapshot(tx: OfairTx, id: string): Promise<Professional> {
  const p = await tx
    .selectFrom('ofair.professionals as p')
    .innerJoin('ofair.localities as l', 'l.id', 'p.base_locality_id')
    .select([
      'p.id',
      'p.user_id',
      'p.display_name',
      'p.company_name',
      'p.business_number',
      'p.business_type',
      'l.name_he',
    ])
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow()
  return {
    id: p.id,
    user_id: p.user_id,
    name: p.company_name ?? p.display_name,
    business_number: p.business_number,
    business_type: p.business_type as BusinessType,
    address: p.name_he,
  }
}

function issuerOf(ctx: AppContext): Party {
  const i = ctx.config.ofairIssuer
  return { name: i.name, business_number: i.businessNumber, address: i.address }
}

const customerOf = (p: Professional): Party => ({
  name: p.name,
  business_number: p.business_number,
  business_type: p.business_type,
  address: p.address,
})

interface Issued {
  invoiceId?: string
  statementId?: string
  awaiting?: boolean
  skipped?: string
}

/** One professional's documents for the month, in the caller's (system) transaction. */
async function issueMonthlyFor(
  ctx: AppContext,
  tx: OfairTx,
  runId: string,
  start: string,
  professionalId: string,
  now: Date,
): Promise<Issued> {
  await lockKey(tx, `ofair.invoice:${professionalId}:${start}`)
  const existing = await tx
    .selectFrom('ofair.invoice_documents')
    .select('document_type')
    .where('professional_id', '=', professionalId)
    .where('month', '=', start)
    .execute()
  const has = (t: DocumentType) => existing.some((e) => e.document_type === t)
  const pro = await professionalSnapshot(tx, professionalId)
  if (!validBusinessNumber(pro.business_number, pro.business_type)) {
    return { skipped: 'the business number’s check digit is not valid' }
  }
  const issueDate = jerusalemDate(now)
  const month = start.slice(0, 7)
  const taxPoint = monthEnd(month)
  const rate = inForce(await vatRates(tx), taxPoint)
  if (!rate) throw new Error(`no VAT rate in force on ${taxPoint}`)
  const out: Issued = {}

  if (!has('tax_invoice')) {
    const payments = await sql<{
      id: string
      commission: bigint
      final: bigint
      title: string
      confirmed_on: string
    }>`select lp.id, lp.platform_commission_minor as commission, lp.final_amount_minor as final, l.title,
              to_char(lp.confirmed_at at time zone 'Asia/Jerusalem', 'YYYY-MM-DD') as confirmed_on
         from ofair.lead_payments lp join ofair.leads l on l.id = lp.lead_id
        where lp.performer_professional_id = ${professionalId} and ${INVOICEABLE} and ${inMonth(start)}
          and lp.platform_commission_minor > 0
        order by lp.confirmed_at, lp.id`.execute(tx)
    if (payments.rows.length) {
      const before = payments.rows.reduce((s, p) => s + BigInt(p.commission), 0n)
      const vat = vatOn(before, rate.rate_bps)
      const alloc = allocationRequired(
        await allocationThresholds(tx),
        issueDate,
        before,
        vat,
        pro.business_type,
      )
      const lines: DocumentLine[] = payments.rows.map((p) => ({
        description: `עמלת פלטפורמה על עבודה "${p.title}" (אושרה ${p.confirmed_on}, סכום העבודה ${(Number(p.final) / 100).toFixed(2)} ₪)`,
        quantity: 1,
        unit_price_minor: String(p.commission),
        amount_minor: String(p.commission),
        kind: 'commission',
        job: { title: p.title, confirmed_on: p.confirmed_on, amount_minor: String(p.final) },
        lead_payment_id: p.id,
      }))
      const doc = await issueDocument(tx, {
        type: 'tax_invoice',
        professionalId,
        month: start,
        runId,
        issueDate,
        issuedAt: now,
        vat: { rateBps: rate.rate_bps, effectiveFrom: rate.effective_from },
        beforeVat: before,
        vatMinor: vat,
        issuer: issuerOf(ctx),
        customer: customerOf(pro),
        lines,
        allocation: alloc,
        status: alloc.required ? 'awaiting_allocation' : 'issued',
      })
      const serial = doc.serial
      if (vat > 0n) {
        await post(tx, {
          book: OFAIR_BOOK,
          idempotencyKey: `ofair_invoice:${doc.id}:vat`,
          kind: 'ofair_invoice.vat',
          reference: { type: 'ofair_invoice', id: doc.id },
          description: `חשבונית מס ${documentNumber(serial)}: מע״מ ${rate.rate_bps / 100}% על העמלה`,
          effectiveAt: now,
          lines: [
            {
              account: ofairAccount.proBalance(professionalId),
              direction: 'debit',
              amount: vat,
              currency: OFAIR_CURRENCY,
            },
            { account: ofairAccount.vatOutput(), direction: 'credit', amount: vat, currency: OFAIR_CURRENCY },
          ],
        })
      }
      await appendAudit(tx, {
        action: 'ofair.invoice_issued',
        entityType: 'ofair_invoice',
        entityId: doc.id,
        after: { serial, month, before, vat, rate_bps: rate.rate_bps, allocation_required: alloc.required },
        actorRole: 'system',
      })
      if (!alloc.required) await tellIssued(ctx, tx, pro.user_id, doc.id, 'tax_invoice', serial, before + vat)
      out.invoiceId = doc.id
      out.awaiting = alloc.required
    }
  }

  if (!has('settlement_statement')) {
    const fees = await sql<{
      fee: bigint
      referrer_id: string
      performer_id: string
      referrer_name: string
      performer_name: string
      title: string
      confirmed_on: string
      level: number
    }>`select f.fee_minor as fee, f.referrer_professional_id as referrer_id, lp.performer_professional_id as performer_id,
              coalesce(rp.company_name, rp.display_name) as referrer_name, coalesce(pp.company_name, pp.display_name) as performer_name,
              l.title, f.level, to_char(lp.confirmed_at at time zone 'Asia/Jerusalem', 'YYYY-MM-DD') as confirmed_on
         from ofair.lead_payment_referrer_fees f
         join ofair.lead_payments lp on lp.id = f.lead_payment_id
         join ofair.leads l on l.id = lp.lead_id
         join ofair.professionals rp on rp.id = f.referrer_professional_id
         join ofair.professionals pp on pp.id = lp.performer_professional_id
        where ${INVOICEABLE} and ${inMonth(start)} and f.fee_minor > 0
          and ${professionalId} in (f.referrer_professional_id, lp.performer_professional_id)
        order by lp.confirmed_at, lp.id, f.level`.execute(tx)
    if (fees.rows.length) {
      const lines: DocumentLine[] = []
      let owed = 0n
      let earned = 0n
      for (const f of fees.rows) {
        const fee = BigInt(f.fee)
        if (f.performer_id === professionalId) {
          owed += fee
          lines.push({
            description: `"${f.title}" (${f.confirmed_on}, רמה ${f.level})`,
            quantity: 1,
            unit_price_minor: String(fee),
            amount_minor: String(fee),
            kind: 'fee_owed',
            job: { title: f.title, confirmed_on: f.confirmed_on, level: f.level },
            counterparty: f.referrer_name,
          })
        }
        if (f.referrer_id === professionalId) {
          earned += fee
          lines.push({
            description: `"${f.title}" (${f.confirmed_on}, רמה ${f.level})`,
            quantity: 1,
            unit_price_minor: String(fee),
            amount_minor: String(fee),
            kind: 'fee_earned',
            job: { title: f.title, confirmed_on: f.confirmed_on, level: f.level },
            counterparty: f.performer_name,
          })
        }
      }
      // an exempt dealer charges no VAT on what they earn
      const statementRate = pro.business_type === 'osek_patur' ? 0 : rate.rate_bps
      const net = earned - owed
      const doc = await issueDocument(tx, {
        type: 'settlement_statement',
        professionalId,
        month: start,
        runId,
        issueDate,
        issuedAt: now,
        vat: { rateBps: statementRate, effectiveFrom: rate.effective_from },
        beforeVat: net,
        vatMinor: 0n,
        issuer: issuerOf(ctx),
        customer: customerOf(pro),
        lines,
        summary: {
          owed_minor: String(owed),
          earned_minor: String(earned),
          net_minor: String(net),
          vat_on_earned_minor: String(vatOn(earned, statementRate)),
        },
        status: 'issued',
      })
      const serial = doc.serial
      await appendAudit(tx, {
        action: 'ofair.settlement_statement_issued',
        entityType: 'ofair_invoice',
        entityId: doc.id,
        after: { serial, month, owed, earned, net },
        actorRole: 'system',
      })
      await tellIssued(ctx, tx, pro.user_id, doc.id, 'settlement_statement', serial, net)
      out.statementId = doc.id
    }
  }
  return out
}

const NOTICE_TITLE: Record<DocumentType, string> = {
  tax_invoice: 'חשבונית מס חדשה מ-OFAIR',
  credit_note: 'חשבונית זיכוי מ-OFAIR',
  settlement_statement: 'דוח ההתחשבנות החודשי שלכם',
}

async function tellIssued(
  ctx: AppContext,
  tx: OfairTx,
  userId: string,
  documentId: string,
  type: DocumentType,
  serial: bigint,
  totalMinor: bigint,
): Promise<void> {
  await notify(ctx, tx, [
    {
      kind: 'ofair_invoice.issued',
      userId,
      ...OFAIR_TEMPLATES.invoiceIssued({
        documentTitle: NOTICE_TITLE[type],
        number: documentNumber(serial),
        total: totalMinor,
      }),
      link: `/ofair/invoices?document=${documentId}`,
      sourceId: documentId,
    },
  ])
}

/**
 * The monthly run (cron, CLI, the admin's request through the job): every professional with
 * activity in the month gets their documents; a closed month issues nothing. Safe to run twice and
 * concurrently.
 */
export async function runMonthlyInvoices(ctx: AppContext, month: string, o: RunOptions): Promise<RunResult> {
  const start = parseMonth(month)
  const now = () => ctx.clock.now()
  if (!monthHasEnded(month, now())) throw refuse('month_not_ended', `${month} has not ended yet`)
  const claim = await inTransaction(ctx.db, system('claim'), (tx: OfairTx) =>
    claimRun(tx, month, start, now(), o),
  )
  const empty = {
    professionals: 0,
    invoices_issued: 0,
    statements_issued: 0,
    awaiting_allocation: 0,
    skipped: [],
  }
  if (claim.status === 'closed') {
    const totals = await inTransaction(ctx.db, system('read'), (tx: OfairTx) => runTotals(tx, claim.id))
    return { run_id: claim.id, month, already_closed: true, ...empty, ...totals }
  }
  const skipped: RunResult['skipped'] = []
  try {
    const pros = await inTransaction(ctx.db, system('list'), (tx: OfairTx) => activeProfessionals(tx, start))
    await inTransaction(ctx.db, system('progress'), (tx: OfairTx) =>
      tx
        .updateTable('ofair.invoice_runs')
        .set({ professionals_total: pros.length, heartbeat_at: now(), updated_at: now() })
        .where('id', '=', claim.id)
        .execute(),
    )
    o.onProgress?.(0, pros.length)
    for (const [i, pro] of pros.entries()) {
      const r = await inTransaction(ctx.db, system('issue'), (tx: OfairTx) =>
        issueMonthlyFor(ctx, tx, claim.id, start, pro, now()),
      )
      if (r.skipped) skipped.push({ professional_id: pro, reason: r.skipped })
      if ((i + 1) % 10 === 0 || i + 1 === pros.length) {
        await inTransaction(ctx.db, system('progress'), (tx: OfairTx) =>
          tx
            .updateTable('ofair.invoice_runs')
            .set({
              professionals_done: sql`greatest(professionals_done, ${i + 1})`,
              heartbeat_at: now(),
              updated_at: now(),
            })
            .where('id', '=', claim.id)
            .execute(),
        )
      }
      o.onProgress?.(i + 1, pros.length)
    }
    const totals = await inTransaction(ctx.db, system('close'), async (tx: OfairTx) => {
      const t = await runTotals(tx, claim.id)
      await tx
        .updateTable('ofair.invoice_runs')
        .set({
          status: 'completed',
          professionals_done: pros.length,
          invoices_issued: t.invoices_issued,
          statements_issued: t.statements_issued,
          awaiting_allocation: t.awaiting_allocation,
          error: skipped.length
            ? `skipped: ${skipped.map((s) => `${s.professional_id} (${s.reason})`).join('; ')}`.slice(0, 2000)
            : null,
          finished_at: now(),
          heartbeat_at: now(),
          updated_at: now(),
          version: sql`version + 1`,
        })
        .where('id', '=', claim.id)
        .execute()
      await appendAudit(tx, {
        action: 'ofair.invoice_run_completed',
        entityType: 'ofair_invoice_run',
        entityId: claim.id,
        after: { month, ...t, skipped: skipped.length },
        actorRole: 'system',
      })
      return t
    })
    return { run_id: claim.id, month, already_closed: false, professionals: pros.length, skipped, ...totals }
  } catch (err) {
    await inTransaction(ctx.db, system('fail'), (tx: OfairTx) =>
      tx
        .updateTable('ofair.invoice_runs')
        .set({ status: 'failed', error: String((err as Error).message).slice(0, 2000), updated_at: now() })
        .where('id', '=', claim.id)
        .where('status', '=', 'running')
        .execute(),
    ).catch(() => {})
    throw err
  }
}

async function runTotals(tx: OfairTx, runId: string) {
  const r = await sql<{ invoices: number; statements: number; awaiting: number }>`
    select count(*) filter (where document_type = 'tax_invoice')::int as invoices,
           count(*) filter (where document_type = 'settlement_statement')::int as statements,
           count(*) filter (where status = 'awaiting_allocation')::int as awaiting
      from ofair.invoice_documents where run_id = ${runId}`.execute(tx)
  const row = r.rows[0]!
  return {
    invoices_issued: row.invoices,
    statements_issued: row.statements,
    awaiting_allocation: row.awaiting,
  }
}

/**
 * The admin asks for a month's run: refused for a month that has not ended (422) or is closed
 * (409 `month_already_closed`) or already running (409 `invoice_run_in_progress`); otherwise the
 * run row is claimed and the job enqueued in the same transaction.
 */
export async function requestRun(ctx: AppContext, tx: OfairTx, caller: OfairCaller, month: string) {
  const start = parseMonth(month)
  const now = ctx.clock.now()
  if (!monthHasEnded(month, now)) {
    throw refuse('month_not_ended', `${month} has not ended yet (Asia/Jerusalem)`, { field: 'month' })
  }
  const claim = await asSystem(tx, 'ofair.invoicing.request', () =>
    claimRun(tx, month, start, now, { trigger: 'admin', userId: caller.userId }),
  )
  if (claim.status === 'closed')
    throw refuse('month_already_closed', `${month} was already invoiced and closed`)
  if (claim.status === 'in_progress')
    throw refuse('invoice_run_in_progress', `${month} is being invoiced now`)
  await ctx.jobs.enqueue(RUN_JOB, { month }, { db: fromKysely(tx as never) })
  await appendAudit(tx, {
    action: 'ofair.invoice_run_requested',
    entityType: 'ofair_invoice_run',
    entityId: claim.id,
    after: { month },
    actorRole: actingRole(caller),
  })
  return runById(tx, claim.id)
}

export async function runById(tx: OfairTx, id: string) {
  const r = await tx.selectFrom('ofair.invoice_runs').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) throw refuse('not_found', 'No such invoice run')
  return runOut(r)
}

type RunRow = Awaited<ReturnType<typeof runRows>>[number]
const runRows = (tx: OfairTx) =>
  tx.selectFrom('ofair.invoice_runs').selectAll().orderBy('month', 'desc').limit(60).execute()

const runOut = (r: RunRow) => ({
  id: r.id,
  month: String(r.month).slice(0, 7),
  status: r.status as 'running' | 'completed' | 'failed',
  triggered_by: r.triggered_by,
  professionals_total: r.professionals_total,
  professionals_done: r.professionals_done,
  invoices_issued: r.invoices_issued,
  statements_issued: r.statements_issued,
  awaiting_allocation: r.awaiting_allocation,
  error: r.error,
  started_at: r.started_at,
  finished_at: r.finished_at,
})

export async function listRuns(tx: OfairTx) {
  return { data: (await runRows(tx)).map(runOut) }
}

// ---------------------------------------------------------------------------------------------
// Reading documents
// ---------------------------------------------------------------------------------------------

type DocRow = Awaited<ReturnType<typeof docQuery>>[number]
const docQuery = (tx: OfairTx) =>
  tx
    .selectFrom('ofair.invoice_documents as d')
    .leftJoin('ofair.invoice_documents as c', 'c.id', 'd.credited_document_id')
    .selectAll('d')
    .select(['c.serial as credited_serial', 'c.issue_date as credited_issue_date'])
    .execute()

const money = (m: bigint | string) => ({ amount: String(m), currency: 'ILS' })

function docOut(d: DocRow) {
  const customer = d.customer as Party
  return {
    id: d.id,
    document_type: d.document_type as DocumentType,
    number: documentNumber(d.serial),
    serial: String(d.serial),
    professional_id: d.professional_id,
    customer_name: customer.name,
    month: d.month ? String(d.month).slice(0, 7) : null,
    issue_date: String(d.issue_date),
    status: d.status as 'awaiting_allocation' | 'issued' | 'credited',
    vat_rate_percentage: d.vat_rate_bps / 100,
    amount_before_vat: money(d.amount_before_vat_minor),
    vat: money(d.vat_minor),
    total: money(d.total_minor),
    allocation_required: d.allocation_required,
    allocation_number: d.allocation_number,
    credited_document_id: d.credited_document_id,
    copies_count: d.copies_count,
    original_produced: d.original_rendered_at !== null,
    html_url: `/api/ofair/invoices/documents/${d.id}.html`,
    pdf_url: `/api/ofair/invoices/documents/${d.id}.pdf`,
  }
}

/** A professional's documents, newest first: the professional themself or an admin. */
export async function listForProfessional(
  tx: OfairTx,
  caller: OfairCaller,
  professionalId: string,
  f: { month?: string | undefined; type?: DocumentType | undefined },
) {
  if (!caller.isAdmin && caller.professionalId !== professionalId) {
    throw refuse('forbidden', 'Only the professional themself or an admin may read these documents')
  }
  const exists = await tx
    .selectFrom('ofair.professionals')
    .select('id')
    .where('id', '=', professionalId)
    .executeTakeFirst()
  if (!exists) throw refuse('not_found', 'No such professional')
  return listDocuments(tx, { professionalId, ...f })
}

export async function listDocuments(
  tx: OfairTx,
  f: {
    professionalId?: string | undefined
    month?: string | undefined
    type?: DocumentType | undefined
    status?: string | undefined
  },
) {
  let q = tx
    .selectFrom('ofair.invoice_documents as d')
    .leftJoin('ofair.invoice_documents as c', 'c.id', 'd.credited_document_id')
    .selectAll('d')
    .select(['c.serial as credited_serial', 'c.issue_date as credited_issue_date'])
    .orderBy('d.issued_at', 'desc')
    .orderBy('d.document_type')
    .orderBy('d.serial', 'desc')
    .limit(500)
  if (f.professionalId) q = q.where('d.professional_id', '=', f.professionalId)
  if (f.month) q = q.where('d.month', '=', parseMonth(f.month))
  if (f.type) q = q.where('d.document_type', '=', f.type)
  if (f.status) q = q.where('d.status', '=', f.status)
  return { data: (await q.execute()).map(docOut) }
}

function renderable(d: DocRow): RenderableDocument {
  return {
    document_type: d.document_type as DocumentType,
    serial: String(d.serial),
    issue_date: String(d.issue_date),
    month: d.month ? String(d.month) : null,
    vat_rate_bps: d.vat_rate_bps,
    vat_rate_effective_from: String(d.vat_rate_effective_from),
    amount_before_vat_minor: String(d.amount_before_vat_minor),
    vat_minor: String(d.vat_minor),
    total_minor: String(d.total_minor),
    issuer: d.issuer as Party,
    customer: d.customer as Party,
    lines: d.lines as DocumentLine[],
    summary: (d.summary as RenderableDocument['summary']) ?? null,
    allocation_required: d.allocation_required,
    allocation_number: d.allocation_number,
    credited: d.credited_serial
      ? { serial: String(d.credited_serial), issue_date: String(d.credited_issue_date) }
      : null,
    reason: d.reason,
  }
}

/**
 * Produces a rendering of a document for the caller (row-level security decides who sees it; not
 * visible is a 404): the first the professional it is issued to receives is the original ("מקור"),
 * every other one a counted copy ("העתק"), an admin's included. A document awaiting its allocation number renders as a draft (admins
 * only, not counted). Returns the data and the variant; the PDF bytes are cached per variant.
 */
export async function produceRendering(
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  now: Date,
): Promise<{ doc: RenderableDocument; variant: 'original' | 'copy' | 'draft'; id: string; number: string }> {
  const visible = await tx
    .selectFrom('ofair.invoice_documents')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!visible) throw refuse('not_found', 'No such document')
  return asSystem(tx, 'ofair.invoicing.render', async () => {
    const row = await tx
      .selectFrom('ofair.invoice_documents as d')
      .leftJoin('ofair.invoice_documents as c', 'c.id', 'd.credited_document_id')
      .selectAll('d')
      .select(['c.serial as credited_serial', 'c.issue_date as credited_issue_date'])
      .where('d.id', '=', id)
      .forUpdate('d')
      .executeTakeFirstOrThrow()
    const number = documentNumber(row.serial)
    if (row.status === 'awaiting_allocation') {
      if (!caller.isAdmin) {
        throw refuse(
          'invoice_awaiting_allocation',
          'The invoice waits for its Tax Authority allocation number',
        )
      }
      return { doc: renderable(row), variant: 'draft' as const, id, number }
    }
    // the original goes to the customer: only the professional the document is issued to receives
    // it; OFAIR's own look (an admin checking it) is a copy, and the professional still gets the original
    const original = row.original_rendered_at === null && caller.professionalId === row.professional_id
    await tx
      .updateTable('ofair.invoice_documents')
      .set(
        original
          ? { original_rendered_at: now, updated_at: now }
          : { copies_count: sql`copies_count + 1`, updated_at: now },
      )
      .where('id', '=', id)
      .execute()
    return { doc: renderable(row), variant: original ? ('original' as const) : ('copy' as const), id, number }
  })
}

export async function cachedPdf(
  tx: OfairTx,
  id: string,
  variant: 'original' | 'copy',
): Promise<Buffer | undefined> {
  const r = await asSystem(tx, 'ofair.invoicing.render', () =>
    tx
      .selectFrom('ofair.invoice_renderings')
      .select('pdf')
      .where('document_id', '=', id)
      .where('variant', '=', variant)
      .executeTakeFirst(),
  )
  return r?.pdf
}

export async function storePdf(
  tx: OfairTx,
  id: string,
  variant: 'original' | 'copy',
  pdf: Buffer,
): Promise<void> {
  await asSystem(tx, 'ofair.invoicing.render', () =>
    tx
      .insertInto('ofair.invoice_renderings')
      .values({ document_id: id, variant, pdf })
      .onConflict((oc) => oc.columns(['document_id', 'variant']).doNothing())
      .execute(),
  )
}

// ---------------------------------------------------------------------------------------------
// Admin: allocation numbers and credit notes
// ---------------------------------------------------------------------------------------------

async function lockedDocument(tx: OfairTx, id: string) {
  const row = await tx
    .selectFrom('ofair.invoice_documents')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw refuse('not_found', 'No such document')
  return row
}

/** An admin enters the Tax Authority's allocation number (once); the invoice is then issued. */
export async function enterAllocationNumber(
  ctx: AppContext,
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  allocationNumber: string,
) {
  const now = ctx.clock.now()
  const d = await lockedDocument(tx, id)
  if (d.document_type === 'settlement_statement' || !d.allocation_required) {
    throw refuse('allocation_not_required', 'This document takes no allocation number')
  }
  if (d.status !== 'awaiting_allocation') {
    throw refuse('allocation_already_entered', 'The allocation number was already entered')
  }
  await tx
    .updateTable('ofair.invoice_documents')
    .set({
      allocation_number: allocationNumber,
      allocation_entered_at: now,
      allocation_entered_by: caller.userId,
      status: 'issued',
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute()
  await appendAudit(tx, {
    action: 'ofair.invoice_allocation_entered',
    entityType: 'ofair_invoice',
    entityId: id,
    before: { status: d.status },
    after: { status: 'issued', allocation_number: allocationNumber },
    actorRole: actingRole(caller),
  })
  const user = await tx
    .selectFrom('ofair.professionals')
    .select('user_id')
    .where('id', '=', d.professional_id)
    .executeTakeFirstOrThrow()
  await tellIssued(
    ctx,
    tx,
    user.user_id,
    id,
    d.document_type as DocumentType,
    BigInt(d.serial),
    BigInt(d.total_minor),
  )
  return documentById(tx, id)
}

export async function documentById(tx: OfairTx, id: string) {
  const row = await tx
    .selectFrom('ofair.invoice_documents as d')
    .leftJoin('ofair.invoice_documents as c', 'c.id', 'd.credited_document_id')
    .selectAll('d')
    .select(['c.serial as credited_serial', 'c.issue_date as credited_issue_date'])
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!row) throw refuse('not_found', 'No such document')
  return docOut(row)
}

/**
 * A credit note (its own serial series) against an issued tax invoice: all of what is left or a
 * part of it (before VAT), VAT at the invoice's stored rate. It credits the professional's balance
 * and takes back the commission (from the revenue shards of the jobs it was booked on) and the
 * VAT, one posting per job. Fully credited, the invoice's status becomes `credited`.
 */
export async function issueCreditNote(
  ctx: AppContext,
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  body: { reason: string; amount_before_vat?: bigint | undefined },
) {
  const now = ctx.clock.now()
  const inv = await lockedDocument(tx, id)
  if (inv.document_type !== 'tax_invoice')
    throw refuse('not_creditable', 'Only a tax invoice can be credited')
  if (inv.status !== 'issued') {
    throw refuse('not_creditable', `The invoice is ${inv.status}; only an issued invoice can be credited`)
  }
  const credited = await sql<{ before: string | null; vat: string | null }>`select
      sum(amount_before_vat_minor)::text as before, sum(vat_minor)::text as vat
    from ofair.invoice_documents where credited_document_id = ${id}`.execute(tx)
  const left = BigInt(inv.amount_before_vat_minor) - BigInt(credited.rows[0]?.before ?? '0')
  const amount = body.amount_before_vat ?? left
  if (amount <= 0n || amount > left) {
    throw refuse('credit_exceeds_invoice', `At most ${left} agorot before VAT are left to credit`, {
      field: 'amount_before_vat',
      meta: { left: String(left) },
    })
  }
  // the invoice's VAT on what is left, so that crediting everything returns exactly its VAT
  const vatLeft = BigInt(inv.vat_minor) - BigInt(credited.rows[0]?.vat ?? '0')
  const vat =
    amount === left ? vatLeft : [vatOn(amount, inv.vat_rate_bps), vatLeft].reduce((a, b) => (a < b ? a : b))
  const lines = inv.lines as DocumentLine[]
  const doc = await issueDocument(tx, {
    type: 'credit_note',
    professionalId: inv.professional_id,
    creditedDocumentId: id,
    issueDate: jerusalemDate(now),
    issuedAt: now,
    vat: { rateBps: inv.vat_rate_bps, effectiveFrom: inv.vat_rate_effective_from },
    beforeVat: amount,
    vatMinor: vat,
    issuer: inv.issuer,
    customer: inv.customer,
    lines: [
      {
        description: `זיכוי לחשבונית מס ${documentNumber(inv.serial)}: ${body.reason}`,
        quantity: 1,
        unit_price_minor: String(amount),
        amount_minor: String(amount),
        kind: 'credit',
      },
    ],
    reason: body.reason,
    status: 'issued',
  })
  const serial = doc.serial
  // the commission comes back from the revenue shards it was booked on (per job, in proportion)
  const parts = allocateProportionally(
    amount,
    lines.map((l) => BigInt(l.amount_minor)),
  )
  // one posting per job (an account appears once in a posting; two jobs may share a revenue shard)
  const jobParts = lines.map((l, i) => ({ l, part: parts[i]! })).filter(({ part }) => part > 0n)
  for (const [i, { l, part }] of jobParts.entries()) {
    const withVat = i === jobParts.length - 1 && vat > 0n
    await post(tx, {
      book: OFAIR_BOOK,
      idempotencyKey: `ofair_credit_note:${doc.id}:${i}`,
      kind: 'ofair_invoice.credited',
      reference: { type: 'ofair_invoice', id: doc.id },
      description: `חשבונית זיכוי ${documentNumber(serial)} לחשבונית ${documentNumber(inv.serial)}`,
      effectiveAt: now,
      lines: [
        {
          account: ofairAccount.proBalance(inv.professional_id),
          direction: 'credit',
          amount: part + (withVat ? vat : 0n),
          currency: OFAIR_CURRENCY,
        },
        {
          account: ofairAccount.commissionRevenue(l.lead_payment_id ?? id),
          direction: 'debit',
          amount: part,
          currency: OFAIR_CURRENCY,
        },
        ...(withVat
          ? [
              {
                account: ofairAccount.vatOutput(),
                direction: 'debit' as const,
                amount: vat,
                currency: OFAIR_CURRENCY,
              },
            ]
          : []),
      ],
    })
  }
  if (amount === left) {
    await tx
      .updateTable('ofair.invoice_documents')
      .set({ status: 'credited', updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .execute()
  }
  await appendAudit(tx, {
    action: 'ofair.credit_note_issued',
    entityType: 'ofair_invoice',
    entityId: doc.id,
    after: { serial, credits: id, amount, vat, reason: body.reason },
    actorRole: actingRole(caller),
  })
  const user = await tx
    .selectFrom('ofair.professionals')
    .select('user_id')
    .where('id', '=', inv.professional_id)
    .executeTakeFirstOrThrow()
  await tellIssued(ctx, tx, user.user_id, doc.id, 'credit_note', serial, amount + vat)
  return documentById(tx, doc.id)
}

export type { DocumentType }
export { STALE_RUN_MS }

void docQuery
