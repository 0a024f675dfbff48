import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { SeedStep } from '../../kernel/module.ts'
import { reconcileLedger } from '../ledger/index.ts'
import { allPlacements, type PlacementFacts, placementFacts } from '../recruiting/index.ts'
import type { BillingTx } from './database.ts'
import { completeRefund, handleFallOff } from './fall-off.ts'
import { addDays, invoicePlacement } from './invoices.ts'
import { applyPayment } from './payments.ts'
import { type StoredStatement, statementFor } from './statements.ts'

/** How many connections make the demo's fee statements side by side (each placement's is its own). */
const STATEMENT_LANES = 3

type MadeStatement = { facts: PlacementFacts; stored: StoredStatement } | null

/**
 * Each placement's fee statement as of its hire, in a few lanes side by side: the reads behind a
 * statement (the placement, the company's contract and settings, the recruiter's plan then) are
 * most of the demo's billing queries and touch no shared lock. A company's placements stay in one
 * lane, oldest first, and each statement commits on its own: a custom contract's volume tier counts
 * the company's earlier statements, and the invoicing below (another connection) must see the
 * statement it invoices. Returns one promise per placement, settled when its statement is committed,
 * so invoicing starts with the first statement instead of after the last. A statement is made once
 * (`statementFor` is idempotent), so a rerun after a later failure finds them made.
 */
function statementsInParallel(
  ctx: AppContext,
  placements: readonly { id: string; company_id: string }[],
): { made: Map<string, Promise<MadeStatement>>; finished: Promise<unknown> } {
  const settle = new Map<string, { resolve: (m: MadeStatement) => void; reject: (e: unknown) => void }>()
  const made = new Map<string, Promise<MadeStatement>>()
  for (const p of placements) {
    made.set(p.id, new Promise((resolve, reject) => settle.set(p.id, { resolve, reject })))
  }
  const companies = [...new Set(placements.map((p) => p.company_id))]
  const laneOf = new Map(companies.map((c, i) => [c, i % STATEMENT_LANES]))
  const lanes = Array.from({ length: STATEMENT_LANES }, (_, lane) => {
    const mine = placements.filter((p) => laneOf.get(p.company_id) === lane)
    return (async () => {
      for (const [i, p] of mine.entries()) {
        try {
          const result = await inTransaction(ctx.db, systemActor('billing.seed'), async (tx) => {
            // demo data: a crash before the flush loses nothing a rerun would not remake
            await sql`set local synchronous_commit = off`.execute(tx)
            const facts = await placementFacts(tx, p.id)
            if (!facts) return null
            const { stored } = await statementFor(tx, facts, facts.createdAt)
            return { facts, stored }
          })
          settle.get(p.id)!.resolve(result)
        } catch (err) {
          // this placement and the rest of its lane fail; invoicing stops at the first of them
          for (const q of mine.slice(i)) settle.get(q.id)!.reject(err)
          return
        }
      }
    })()
  })
  // nobody may be waiting yet when a lane fails: keep that from counting as unhandled
  for (const m of made.values()) m.catch(() => {})
  return { made, finished: Promise.all(lanes) }
}

/**
 * Billing's demo data, from the marketplace's seeded placements: each gets its fee statement and
 * invoice as of its hire; invoices are then in every state — paid by bank transfer or card, partly
 * paid, open, overdue — and the placements that fell off had their money taken back (refunded or
 * credited). Deterministic (driven by each placement's id), quiet (no notices or emails), and the
 * ledger must reconcile at the end.
 */
const view = (tx: unknown) => tx as BillingTx
const pick = (id: string) => createHash('sha1').update(id).digest().readUInt16BE(0) / 65_536
const day = (d: Date) => d.toISOString().slice(0, 10)

export const billingDemoSeed: SeedStep = {
  name: 'billing.demo',
  version: 1,
  // the marketplace's placements and the plan each recruiter held (not every recruiting seed)
  after: ['recruiting.demo_marketplace', 'billing.plans_history_demo'],
  description: 'billing demo data (statements, invoices, payments, refunds)',
  async run(ctx: AppContext, progress) {
    const today = day(ctx.clock.now())
    const counts = { statements: 0, invoices: 0, payments: 0, partial: 0, fall_offs: 0 }
    const placements = await inTransaction(ctx.db, systemActor('billing.seed'), (tx) => allPlacements(tx))
    const ids = placements.map((p) => p.id)
    const { made: statements, finished } = statementsInParallel(ctx, placements)
    const inTx = <T>(fn: (tx: BillingTx) => Promise<T>) =>
      inTransaction(
        ctx.db,
        systemActor('billing.seed'),
        async (tx) => {
          // demo data: a crash before the flush loses nothing a rerun would not remake
          await sql`set local synchronous_commit = off`.execute(tx)
          return fn(view(tx))
        },
        // the two lanes below lock ledger accounts and the audit chain in different orders at times
        { retries: 3 },
      )
    // Two lanes, one transaction per placement each. Invoicing issues the invoices one after
    // another in placement order (gap-free numbers in the order of their issue dates); payments and
    // fall-offs follow each invoice as soon as it is committed, on a second connection.
    type Invoiced = { facts: PlacementFacts; invoiceId: string } | null
    const settleInvoiced = new Map<string, (i: Invoiced) => void>()
    const invoiced = new Map<string, Promise<Invoiced>>(
      ids.map((id) => [id, new Promise<Invoiced>((resolve) => settleInvoiced.set(id, resolve))]),
    )
    const invoicing = (async () => {
      try {
        for (const id of ids) {
          const made = await statements.get(id)
          if (!made) {
            settleInvoiced.get(id)!(null)
            continue
          }
          counts.statements++
          const { facts, stored } = made
          // an invoice as it was issued then (a fallen-off placement was invoiced before it fell off)
          const active = { ...facts, status: 'active' as const }
          const { invoiceId } = await inTx((tx) =>
            invoicePlacement(ctx, tx, active, stored, facts.createdAt, { force: true, quiet: true }),
          )
          if (invoiceId) counts.invoices++
          settleInvoiced.get(id)!(invoiceId ? { facts, invoiceId } : null)
        }
      } finally {
        // a failed lane leaves nobody waiting: the payments stop at the first missing invoice
        for (const settle of settleInvoiced.values()) settle(null)
      }
    })()
    const payAndFallOff = (facts: PlacementFacts, invoiceId: string) =>
      inTx(async (tx) => {
        const invoice = await tx
          .selectFrom('billing.invoices')
          .selectAll()
          .where('id', '=', invoiceId)
          .executeTakeFirstOrThrow()
        const r = pick(facts.id)
        const paidOn = addDays(invoice.due_on!, -Math.round(r * 20))
        const settled = paidOn <= today && (facts.status === 'fell_off' || r < 0.72)
        const partly = !settled && paidOn <= today && r < 0.86
        if (settled || partly) {
          const amount = settled ? invoice.total : invoice.total / 2n
          const method = r < 0.35 ? 'card' : 'bank_transfer'
          const at = new Date(`${paidOn}T10:00:00Z`)
          const payment = await tx
            .insertInto('billing.payments')
            .values({
              invoice_id: invoice.id,
              company_id: invoice.company_id,
              method,
              amount,
              currency: invoice.currency,
              status: 'succeeded',
              stripe_payment_intent_id:
                method === 'card' ? `pi_demo_${facts.id.replaceAll('-', '').slice(0, 20)}` : null,
              reference: method === 'bank_transfer' ? `WIRE ${invoice.number}` : null,
              received_on: paidOn,
              created_at: at,
              updated_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          await applyPayment(ctx, tx, payment.id, at, 'platform_admin', { quiet: true })
        }
        if (facts.status === 'fell_off') {
          await handleFallOff(ctx, tx, facts)
          // bank transfers went back by bank: recorded as sent; card refunds too (the demo's Stripe
          // never saw these seeded charges)
          const pending = await tx
            .selectFrom('billing.refunds')
            .select('id')
            .where('placement_id', '=', facts.id)
            .where('status', '=', 'pending')
            .execute()
          for (const p of pending) await completeRefund(ctx, tx, p.id, { role: 'platform_admin' })
        }
        // counted by the caller once the transaction commits (a retried one must not count twice)
        return { paid: settled || partly, partly, fellOff: facts.status === 'fell_off' }
      })
    const paying = (async () => {
      let done = 0
      for (const id of ids) {
        const ready = await invoiced.get(id)
        if (ready) {
          const r = await payAndFallOff(ready.facts, ready.invoiceId)
          if (r.paid) counts.payments++
          if (r.partly) counts.partial++
          if (r.fellOff) counts.fall_offs++
        }
        progress(++done, ids.length)
      }
    })()
    // no lane outlives the step, whichever way one ends
    await Promise.allSettled([invoicing, paying, finished])
    await invoicing
    await paying
    await finished
    const proof = await reconcileLedger(ctx.db)
    if (!proof.ok)
      throw new Error(`the billing demo data does not reconcile: ${JSON.stringify(proof.checks)}`)
    return counts
  },
}
