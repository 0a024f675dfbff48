import { allocateProportionally } from '@app/money'
import { fromKysely } from 'pg-boss'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { defineConsumer } from '../../kernel/outbox/events.ts'
import { type PostingLine, post } from '../ledger/index.ts'
import { placementFacts } from '../recruiting/index.ts'
import { type Allocation, lineShares, recordAllocations } from './allocations.ts'
import { account, SPLITS_BOOK } from './book.ts'
import type { BillingDatabase, BillingTx } from './database.ts'
import { handleFallOff } from './fall-off.ts'
import { invoicePlacement } from './invoices.ts'
import { writePayoutAudit } from './payout-audit.ts'
import { flush, collected as newCollected } from './payouts/engine.ts'
import { insertSchedules, type NewSchedule } from './payouts/schedules.ts'
import { afterTakeBacks, takeBackFromRecruiter } from './payouts/take-back.ts'
import { type StoredStatement, statementFor } from './statements.ts'

/**
 * Billing follows the marketplace: a placement gets its fee statement and invoice, a new split
 * agreement a new statement (and the money already collected moves to match), a fall-off its
 * reversals. Exactly once per event (the kernel records each handled event).
 */
export const SEND_REFUNDS_JOB = 'billing.send_refunds'

export const placementBillingConsumer = defineConsumer<
  'placement.created' | 'placement.splits_agreed' | 'placement.fell_off',
  BillingDatabase
>({
  name: 'billing.on_placement',
  description: 'Fee statements, invoices and fall-off money for placements',
  events: ['placement.created', 'placement.splits_agreed', 'placement.fell_off'],
  handle: async (tx, event, ctx, log) => {
    const facts = await placementFacts(tx, event.data.placement_id)
    if (!facts) return { skipped: 'placement not found' }
    const now = ctx.clock.now()
    switch (event.event) {
      case 'placement.created': {
        const { stored } = await statementFor(tx, facts, now)
        const invoiced = await invoicePlacement(ctx, tx, facts, stored, now)
        return { statement: stored.version, ...invoiced }
      }
      case 'placement.splits_agreed': {
        const { stored, created } = await statementFor(tx, facts, now)
        if (!created) return { statement: stored.version, unchanged: true }
        const moved = await reallocateCollected(ctx, tx, stored, now)
        return { statement: stored.version, reallocated: moved }
      }
      case 'placement.fell_off': {
        const summary = await handleFallOff(ctx, tx, facts)
        // refunds go through the provider after this commits, from their own job
        await ctx.jobs.enqueue(
          SEND_REFUNDS_JOB,
          { placement_id: facts.id },
          { db: fromKysely(tx as BillingTx) },
        )
        log.info({ placement: facts.id, summary }, 'fall-off handled')
        return summary
      }
    }
  },
})

/**
 * When the split changes after money was collected, the collected money follows the new
 * statement: each party's target is its proportion of what was collected, and one balanced posting
 * moves the differences: a recruiter whose share grew gets the difference in their available
 * balance (with a payout schedule); one whose share shrank gives it back from wherever their money
 * of the placement is (payouts/take-back.ts); the platform's revenue takes a rounding unit.
 */
async function reallocateCollected(
  ctx: AppContext,
  tx: AnyTx,
  stored: StoredStatement,
  now: Date,
): Promise<string> {
  const line = await (tx as BillingTx)
    .selectFrom('billing.invoice_lines')
    .select(['id', 'invoice_id'])
    .where('placement_id', '=', stored.placementId)
    .executeTakeFirst()
  if (!line) return '0'
  const shares = (await lineShares(tx, line.invoice_id)).find((s) => s.lineId === line.id)!
  const collected = shares.parties.reduce((s, p) => s + p.collected, 0n)
  if (collected === 0n) return '0'
  const targets = allocateProportionally(
    collected,
    shares.parties.map((p) => p.due),
  )
  const diffs: Allocation[] = shares.parties
    .map((p, i) => ({
      lineId: line.id,
      placementId: stored.placementId,
      party: { type: p.type, id: p.id },
      amount: targets[i]! - p.collected,
    }))
    .filter((d) => d.amount !== 0n)
  if (diffs.length === 0) return '0'
  const currency = stored.statement.currency
  const c = newCollected()
  const lines: PostingLine[] = []
  const gains: NewSchedule[] = []
  for (const d of diffs) {
    if (d.party.type === 'platform') {
      lines.push({
        account: account.revenue(currency, line.invoice_id),
        direction: d.amount > 0n ? 'credit' : 'debit',
        amount: d.amount > 0n ? d.amount : -d.amount,
        currency,
      })
    } else if (d.amount > 0n) {
      // a recruiter's larger share: available to them now, with a schedule for the next run
      lines.push({
        account: account.recruiterAvailable(d.party.id!, currency),
        direction: 'credit',
        amount: d.amount,
        currency,
      })
      gains.push({
        placementId: stored.placementId,
        recruiterId: d.party.id!,
        amount: d.amount,
        currency,
        scheduledDate: now.toISOString().slice(0, 10),
        guaranteeCompletionDate: null,
        triggerEvent: 'reallocation',
        escrowHoldId: null,
        createdBy: null,
      })
    } else {
      // a smaller share: taken back from wherever the recruiter's money of this placement is
      const r = await takeBackFromRecruiter(
        ctx,
        tx,
        {
          placementId: stored.placementId,
          recruiterId: d.party.id!,
          currency,
          amount: -d.amount,
          reason: `Split changed (statement v${stored.version})`,
        },
        now,
        c,
      )
      lines.push(...r.lines)
    }
  }
  const posting = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `statement:${stored.id}:reallocation`,
    kind: 'statement.reallocated',
    reference: { type: 'placement', id: stored.placementId },
    description: `Split changed (statement v${stored.version}): collected money follows the new shares`,
    effectiveAt: now,
    lines,
  })
  c.audit.push(...(await insertSchedules(tx, gains, now, 'system')))
  await afterTakeBacks(ctx, tx, c)
  await flush(ctx, tx, c)
  await recordAllocations(tx, 'reallocation', diffs, {
    paymentId: null,
    postingId: posting.postingId,
    sign: 1n,
    now,
  })
  await writePayoutAudit(tx, {
    entityType: 'placement',
    entityId: stored.placementId,
    action: 'statement.reallocated',
    changedByRole: 'system',
    newValue: {
      statement_version: stored.version,
      moves: diffs.map((d) => ({ party: d.party, amount: d.amount })),
    },
  })
  return diffs.reduce((s, d) => s + (d.amount > 0n ? d.amount : 0n), 0n).toString()
}

export type { AppContext }
