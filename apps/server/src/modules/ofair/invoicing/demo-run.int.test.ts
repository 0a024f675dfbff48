import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { kindTotal, reconcileLedger } from '../../ledger/index.ts'
import { demoOfairSeed } from '../seed/demo-ofair.ts'
import { OFAIR_BOOK } from '../settlement/index.ts'
import { demoSettlementSeed } from '../settlement/seed.ts'
import { runMonthlyInvoices } from './service.ts'

/**
 * The proof over the demo data: every month that has confirmed jobs is invoiced twice in a
 * row and twice at once; nothing is issued twice and every document type's numbers run 1..n.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
const clock = new FixedClock('2026-06-01T08:30:00Z')

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoOfairSeed.run(app.ctx, () => {})
  await demoSettlementSeed.run(app.ctx, () => {})
}, 120_000)
afterAll(async () => {
  if (app) {
    const r = await reconcileLedger(app.ctx.db)
    expect(r.checks.filter((c) => !c.ok)).toEqual([])
    await app.stop()
  }
})

const db = () => database.current.db

describe('month-end runs over the demo data', () => {
  it('twice in a row and twice at once: no duplicate, no gap', async () => {
    const months = (
      await sql<{
        month: string
      }>`select distinct to_char(confirmed_at at time zone 'Asia/Jerusalem', 'YYYY-MM') as month
        from ofair.lead_payments where confirmed_at is not null order by 1`.execute(db())
    ).rows
      .map((r) => r.month)
      .filter((m) => m < '2026-06')
    expect(months.length).toBeGreaterThan(1)
    const [concurrent, ...sequential] = months
    const together = await Promise.all([
      runMonthlyInvoices(app.ctx, concurrent!, { trigger: 'test' }),
      runMonthlyInvoices(app.ctx, concurrent!, { trigger: 'test' }),
    ])
    expect(together[0]!.run_id).toBe(together[1]!.run_id)
    for (const month of sequential) {
      const first = await runMonthlyInvoices(app.ctx, month, { trigger: 'test' })
      expect(first.already_closed).toBe(false)
      expect(first.skipped).toEqual([])
      const second = await runMonthlyInvoices(app.ctx, month, { trigger: 'test' })
      expect(second).toMatchObject({
        already_closed: true,
        invoices_issued: first.invoices_issued,
        statements_issued: first.statements_issued,
      })
    }
    // one tax invoice per performer and month with commission, one statement per professional with fees
    const dupes = await sql<{ n: number }>`select count(*)::int as n from (
        select professional_id, month, document_type from ofair.invoice_documents where month is not null
        group by 1, 2, 3 having count(*) > 1) d`.execute(db())
    expect(dupes.rows[0]!.n).toBe(0)
    const expected = await sql<{ n: number }>`select count(*)::int as n from (
        select distinct performer_professional_id, date_trunc('month', confirmed_at at time zone 'Asia/Jerusalem')
          from ofair.lead_payments
         where confirmed_at is not null and status not in ('refunded', 'cancelled') and platform_commission_minor > 0
           and confirmed_at < '2026-06-01T00:00:00+03:00') x`.execute(db())
    const invoices = await sql<{ n: number }>`select count(*)::int as n from ofair.invoice_documents
      where document_type = 'tax_invoice'`.execute(db())
    expect(invoices.rows[0]!.n).toBe(expected.rows[0]!.n)
    const series = (
      await sql<{
        document_type: string
        n: number
        max: string
      }>`select document_type, count(*)::int as n, max(serial)::text as max
        from ofair.invoice_documents group by 1`.execute(db())
    ).rows
    expect(series.length).toBe(2)
    for (const s of series) expect(Number(s.max), s.document_type).toBe(s.n)
    // every issued tax invoice's VAT reached the ledger
    const docs = await sql<{ vat: string }>`select coalesce(sum(vat_minor), 0)::text as vat
      from ofair.invoice_documents where document_type = 'tax_invoice'`.execute(db())
    const ledger = await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
      kindTotal(tx, { book: OFAIR_BOOK, kind: 'vat_output', currency: 'ILS' }),
    )
    expect(ledger.posted).toBe(BigInt(docs.rows[0]!.vat))
  }, 120_000)
})
