import { type Selectable, sql } from 'kysely'
import { fromKysely } from 'pg-boss'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import type { BillingSchema } from '../../../kernel/db/schema/billing.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { uuidv7 } from '../../../kernel/ids.ts'
import { post } from '../../ledger/index.ts'
import { account, SPLITS_BOOK } from '../book.ts'
import { type PayoutAuditEntry, writePayoutAudits } from '../payout-audit.ts'
import {
  manualBankAdapter,
  type PayoutAdapter,
  stripeClientOf,
  stripeConnectAdapter,
  type TransferOutcome,
} from './adapters.ts'
import { readinessOf } from './connect.ts'
import { money, type RecruiterNotice, tellPayoutAdmins, tellRecruiters } from './notices.ts'
import { dueQuery, type ScheduleRow } from './schedules.ts'
import {
  adjustPosition,
  dayOf,
  KEY_LIFETIME_MS,
  LEASE_MS,
  MAX_ATTEMPTS,
  payoutKey,
  RETRY_DELAYS_MS,
  transferGroupOf,
  view,
} from './shared.ts'

/**
 * The payout engine: due schedules become payouts, and payouts are sent exactly once.
 *
 * 1. **Claim** (one short transaction): due schedules and pending payouts are taken with
 *    `FOR UPDATE SKIP LOCKED` (concurrent runs take disjoint rows); each payout is *funded* — the
 *    ledger moves its money available → in flight (netting the recruiter's debt) — and marked
 *    `processing` with attempt n and a lease, all in the transaction that records the attempt.
 *    The batch works as a set: one posting funds the payouts of recruiters who owe nothing (one
 *    pair of lines per recruiter), one statement marks them all; a recruiter who owes money is
 *    netted payout by payout.
 * 2. **Send**, outside any transaction: one Stripe transfer per payout, with the payout's one
 *    idempotency key (`payout:<id>`) on every attempt, so a retry, a re-drive after a crash or a
 *    twin gets the same transfer.
 * 3. **Record** the outcome (one transaction per batch): success posts in flight → paid (one
 *    posting for the batch's transfers) and completes the payouts and their schedules; a temporary error puts them back with a delay (at
 *    most 3 attempts; before failing, Stripe is asked whether the transfer exists after all);
 *    a permanent error about the account parks the payout until `account.updated` says it can
 *    receive money; anything else Stripe refuses parks it for an admin.
 *
 * A payout left `processing` by a process that died is re-driven once its lease runs out.
 * Every state change writes the payout audit log in its transaction (last, after the row locks).
 */
export type PayoutRow = Selectable<BillingSchema['billing.payouts']>

export interface SendJob {
  payoutId: string
  attempt: number
  method: 'stripe_connect' | 'manual_bank'
  placementId: string
  recruiterId: string
  amount: bigint
  currency: string
  destination: string | null
  transferGroup: string
  sourcePaymentIntent: string | null
  firstAttemptAt: Date
  /** Temporary failures so far (the schedules' retry_count). */
  retries: number
}

export interface RunTotals {
  claimed: number
  completed: number
  retried: number
  parked: number
  failed: number
  redriven: number
  awaiting_manual: number
  amount_sent: bigint
}

const emptyTotals = (): RunTotals => ({
  claimed: 0,
  completed: 0,
  retried: 0,
  parked: 0,
  failed: 0,
  redriven: 0,
  awaiting_manual: 0,
  amount_sent: 0n,
})

const SPLIT_KIND = {
  payment_received: 'share',
  guarantee_complete: 'holdback',
  payout_returned: 'returned',
  reallocation: 'reallocation',
  manual: 'manual',
} as const

export function adapterFor(ctx: AppContext, method: 'stripe_connect' | 'manual_bank'): PayoutAdapter {
  if (method === 'manual_bank') return manualBankAdapter
  const client = stripeClientOf(ctx)
  if (!client) {
    // a Stripe payout made while Stripe was configured, now without it: wait for an admin
    return {
      method: 'stripe_connect',
      transfer: async () => ({ kind: 'permanent', message: 'Stripe is not configured here', code: null }),
      findTransfer: async () => ({ found: 'unknown', message: 'Stripe is not configured here' }),
    }
  }
  return stripeConnectAdapter(client)
}

// ---------------------------------------------------------------------------------------------
// Claiming and starting attempts
// ---------------------------------------------------------------------------------------------

interface Collected {
  audit: PayoutAuditEntry[]
  /** Recruiters who got a debt (recovery by transfer reversal is queued for them). */
  debts: string[]
  notices: RecruiterNotice[]
  adminNotices: { sourceName: string; title: string; body: string; link: string }[]
  bankPayouts: string[]
  totals: RunTotals
}

const collected = (): Collected => ({
  audit: [],
  debts: [],
  notices: [],
  adminNotices: [],
  bankPayouts: [],
  totals: emptyTotals(),
})

async function flush(ctx: AppContext, tx: AnyTx, c: Collected) {
  await tellRecruiters(ctx, tx, c.notices)
  for (const n of c.adminNotices) await tellPayoutAdmins(ctx, tx, n)
  if (c.bankPayouts.length) {
    await ctx.jobs.enqueue(BANK_PAYOUT_JOB, { payout_ids: c.bankPayouts }, { db: fromKysely(view(tx)) })
  }
  // last: the audit chain's lock is then held only until the commit
  await writePayoutAudits(tx, c.audit)
}

/**
 * Concurrent runs can deadlock: a claim's `FOR UPDATE SKIP LOCKED` keeps the lock on a schedule
 * another run took meanwhile (PostgreSQL locks the newest version before re-checking it), while
 * the other run's record waits for it and holds the recruiters' ledger accounts the claim needs.
 * Either transaction may simply run again: everything it does is inside it.
 */
const DEADLOCK_RETRIES = { retries: 3 }

export const BANK_PAYOUT_JOB = 'billing.send_bank_payouts'

/** Payouts for unclaimed schedules: one per schedule. Returns them locked (they are new). */
async function createPayoutsFor(
  ctx: AppContext,
  tx: AnyTx,
  schedules: readonly ScheduleRow[],
  now: Date,
  options: { createdBy: string | null; role: string; method: 'stripe_connect' | 'manual_bank' },
  c: Collected,
  grouped = false,
): Promise<PayoutRow[]> {
  if (schedules.length === 0) return []
  const groups = grouped ? [schedules] : schedules.map((s) => [s])
  const rows = await view(tx)
    .insertInto('billing.payouts')
    .values(
      groups.map((g) => {
        const gross = g.reduce((sum, s) => sum + s.amount, 0n)
        return {
          placement_id: g[0]!.placement_id,
          recruiter_id: g[0]!.recruiter_id,
          currency: g[0]!.currency,
          gross_amount: gross,
          amount: gross,
          method: options.method,
          status: 'pending',
          transfer_group: transferGroupOf(g[0]!.placement_id),
          created_by: options.createdBy,
          created_at: now,
          updated_at: now,
        }
      }),
    )
    .returningAll()
    .execute()
  const shares = await recruiterShareBps(
    tx,
    rows.map((r) => r.placement_id),
  )
  const splits = rows.flatMap((p, i) =>
    groups[i]!.map((s) => ({
      payout_id: p.id,
      collaborator_recruiter_id: s.recruiter_id,
      placement_id: s.placement_id,
      kind: SPLIT_KIND[s.trigger_event as keyof typeof SPLIT_KIND] ?? 'manual',
      payout_schedule_id: s.id,
      split_percentage_bps: shares.get(`${s.placement_id}:${s.recruiter_id}`) ?? null,
      split_amount: s.amount,
      created_at: now,
      updated_at: now,
    })),
  )
  await view(tx).insertInto('billing.payout_splits').values(splits).execute()
  // link each schedule to its payout (one statement)
  const pairs = rows.flatMap((p, i) => groups[i]!.map((s) => [s.id, p.id] as const))
  await sql`update billing.payout_schedules s set payout_id = v.payout_id::uuid, updated_at = ${now}
    from (values ${sql.join(pairs.map(([sid, pid]) => sql`(${sid}::uuid, ${pid}::uuid)`))}) as v(schedule_id, payout_id)
    where s.id = v.schedule_id`.execute(view(tx))
  for (const p of rows) {
    c.audit.push({
      entityType: 'payout',
      entityId: p.id,
      action: 'payout.created',
      changedByRole: options.role,
      newValue: {
        status: 'pending',
        placement_id: p.placement_id,
        recruiter_id: p.recruiter_id,
        gross_amount: p.gross_amount,
        method: p.method,
        schedules: groups[rows.indexOf(p)]!.map((s) => s.id),
      },
    })
  }
  void ctx
  return rows
}

/** Each recruiter's share of a placement's fee in basis points (from its current statement). */
async function recruiterShareBps(tx: AnyTx, placementIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  if (placementIds.length === 0) return out
  const rows = await sql<{ placement_id: string; fee: string | null; lines: unknown }>`
    select distinct on (placement_id) placement_id, statement->>'fee' as fee, statement->'lines' as lines
      from billing.fee_statements where placement_id in (${sql.join([...new Set(placementIds)])})
     order by placement_id, version desc`.execute(view(tx))
  for (const r of rows.rows) {
    const fee = BigInt(r.fee ?? '0')
    if (fee <= 0n) continue
    const sums = new Map<string, bigint>()
    for (const l of (r.lines as { party_type: string; party_id: string | null; amount: string }[]) ?? []) {
      if (l.party_type !== 'recruiter' || !l.party_id) continue
      sums.set(l.party_id, (sums.get(l.party_id) ?? 0n) + BigInt(l.amount))
    }
    for (const [rid, sum] of sums) out.set(`${r.placement_id}:${rid}`, Number((sum * 10_000n) / fee))
  }
  return out
}

/** The card payment whose charge funds a transfer of this placement's money (`source_transaction`). */
async function sourcePaymentsOf(tx: AnyTx, placementIds: readonly string[]) {
  const out = new Map<string, { paymentId: string; intent: string }>()
  if (placementIds.length === 0) return out
  const rows = await view(tx)
    .selectFrom('billing.invoice_lines as l')
    .innerJoin('billing.payments as p', 'p.invoice_id', 'l.invoice_id')
    .select(['l.placement_id', 'p.id', 'p.stripe_payment_intent_id', 'p.created_at'])
    .where('l.placement_id', 'in', [...new Set(placementIds)])
    .where('p.method', '=', 'card')
    .where('p.status', '=', 'succeeded')
    .where('p.stripe_payment_intent_id', 'is not', null)
    .orderBy('p.created_at', 'desc')
    .execute()
  for (const r of rows) {
    if (!out.has(r.placement_id))
      out.set(r.placement_id, { paymentId: r.id, intent: r.stripe_payment_intent_id! })
  }
  return out
}

/**
 * Starts an attempt of each pending payout (rows locked by the caller): checks the recruiter can
 * receive money (else parks it), funds it in the ledger if not yet funded (available → in flight,
 * netting debt), and marks it processing with a lease. Returns what to send.
 */
async function startAttempts(
  _ctx: AppContext,
  tx: AnyTx,
  payouts: readonly PayoutRow[],
  now: Date,
  role: string,
  leaseMs: number,
  c: Collected,
): Promise<SendJob[]> {
  const jobs: SendJob[] = []
  if (payouts.length === 0) return jobs
  const sorted = [...payouts].sort((a, b) =>
    a.recruiter_id === b.recruiter_id
      ? a.id.localeCompare(b.id)
      : a.recruiter_id.localeCompare(b.recruiter_id),
  )
  const recruiterIds = [...new Set(sorted.map((p) => p.recruiter_id))]
  const connects = new Map(
    (
      await view(tx)
        .selectFrom('billing.connect_accounts')
        .selectAll()
        .where('recruiter_id', 'in', recruiterIds)
        .execute()
    ).map((r) => [r.recruiter_id, r]),
  )
  const debts = await view(tx)
    .selectFrom('billing.payout_positions')
    .selectAll()
    .where('recruiter_id', 'in', recruiterIds)
    .where('debt', '>', 0n)
    .orderBy('recruiter_id')
    .orderBy('placement_id')
    .forUpdate()
    .execute()
  const sources = await sourcePaymentsOf(
    tx,
    sorted.filter((p) => p.method === 'stripe_connect').map((p) => p.placement_id),
  )
  const schedules = await view(tx)
    .selectFrom('billing.payout_schedules')
    .select(['id', 'payout_id', 'retry_count', 'status'])
    .where(
      'payout_id',
      'in',
      sorted.map((p) => p.id),
    )
    .execute()
  const retries = new Map<string, number>()
  for (const s of schedules) {
    if (s.payout_id) retries.set(s.payout_id, Math.max(retries.get(s.payout_id) ?? 0, s.retry_count))
  }
  const retriesOf = (payoutId: string) => retries.get(payoutId) ?? 0

  const owing = new Set(debts.map((d) => `${d.recruiter_id}:${d.currency}`))
  const ready: PayoutRow[] = []
  const fundTogether: PayoutRow[] = []
  for (const p of sorted) {
    if (p.status !== 'pending') continue
    // 1. can the recruiter receive money?
    if (p.method === 'stripe_connect') {
      const readiness = readinessOf(connects.get(p.recruiter_id))
      if (!readiness.can_receive_payouts) {
        await park(tx, p, { code: 'account', reason: readiness.message }, now, role, c)
        c.notices.push({
          kind: 'payout.account_action_needed',
          recruiterId: p.recruiter_id,
          sourceName: `recruiter:${p.recruiter_id}:payout-blocked:${readiness.code}:${dayOf(now)}`,
          title: 'We could not pay you yet',
          body: `${readiness.message} ${readiness.next_step.label}. Your payouts start by themselves once it is done.`,
          link: '/splits/earnings',
        })
        continue
      }
    }
    // 2. fund it once: available → in flight. A recruiter who owes money is netted payout by
    // payout (in order); everyone else's payouts of the batch share one posting.
    if (p.funding_posting_id) ready.push(p)
    else if (owing.has(`${p.recruiter_id}:${p.currency}`)) {
      const funded = await fund(tx, p, debts, now, c)
      if (funded.amount === 0n) await completeWithoutTransfer(tx, funded, now, role, c)
      else ready.push(funded)
    } else fundTogether.push(p)
  }
  // (the database refuses a payout processing before it is funded)
  ready.push(...(await fundAll(tx, fundTogether, now)))
  if (ready.length === 0) return jobs

  // 3. the attempts, set-based: payouts processing with a lease, their schedules and splits too
  const lease = new Date(now.getTime() + leaseMs)
  const attempts = ready.map((p) => {
    const source = sources.get(p.placement_id)
    const acct =
      p.method === 'stripe_connect' ? (connects.get(p.recruiter_id)?.stripe_account_id ?? null) : null
    return { p, attempt: p.attempts + 1, source, acct }
  })
  await sql`update billing.payouts p
       set status = 'processing', attempts = v.attempt, lease_until = ${lease},
           processing_started_at = coalesce(p.processing_started_at, ${now}),
           first_attempt_at = coalesce(p.first_attempt_at, ${now}),
           stripe_connect_account_id = v.acct,
           source_payment_id = coalesce(p.source_payment_id, v.source),
           updated_at = ${now}, version = p.version + 1
      from (values ${sql.join(
        attempts.map(
          (a) =>
            sql`(${a.p.id}::uuid, ${a.attempt}::int, ${a.acct}::text, ${a.source?.paymentId ?? null}::uuid)`,
        ),
      )}) as v(id, attempt, acct, source)
     where p.id = v.id`.execute(view(tx))
  await startSchedules(
    tx,
    ready.map((p) => p.id),
    now,
  )
  for (const { p, attempt, source, acct } of attempts) {
    c.audit.push({
      entityType: 'payout',
      entityId: p.id,
      action: 'payout.processing',
      changedByRole: role,
      oldValue: { status: 'pending' },
      newValue: {
        status: 'processing',
        attempt,
        amount: p.amount,
        debt_offset: p.debt_offset,
        destination: p.method === 'stripe_connect' ? acct : 'manual_bank',
      },
    })
    c.totals.claimed++
    jobs.push({
      payoutId: p.id,
      attempt,
      method: p.method as SendJob['method'],
      placementId: p.placement_id,
      recruiterId: p.recruiter_id,
      amount: p.amount,
      currency: p.currency,
      destination: acct,
      transferGroup: p.transfer_group,
      sourcePaymentIntent:
        p.source_payment_id && source?.paymentId === p.source_payment_id
          ? source.intent
          : p.source_payment_id
            ? null
            : (source?.intent ?? null),
      firstAttemptAt: p.first_attempt_at ?? now,
      retries: retriesOf(p.id),
    })
  }
  return jobs
}

/** A payout's pending schedules and its splits follow it into processing. */
async function startSchedules(tx: AnyTx, payoutIds: readonly string[], now: Date) {
  if (payoutIds.length === 0) return
  await view(tx)
    .updateTable('billing.payout_schedules')
    .set((eb) => ({
      status: 'processing',
      triggered_at: eb.fn.coalesce('triggered_at', eb.val(now)),
      next_attempt_at: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('payout_id', 'in', payoutIds)
    .where('status', '=', 'pending')
    .execute()
  await view(tx)
    .updateTable('billing.payout_splits')
    .set({ status: 'processing', updated_at: now })
    .where('payout_id', 'in', payoutIds)
    .execute()
}

/**
 * Sums per recruiter and currency, in a fixed order: a batch's ledger lines (an account may appear
 * once in a posting).
 */
function perRecruiter(payouts: readonly PayoutRow[], amountOf: (p: PayoutRow) => bigint) {
  const sums = new Map<string, { recruiterId: string; currency: string; amount: bigint }>()
  for (const p of payouts) {
    const key = `${p.recruiter_id}:${p.currency}`
    const entry = sums.get(key) ?? { recruiterId: p.recruiter_id, currency: p.currency, amount: 0n }
    entry.amount += amountOf(p)
    sums.set(key, entry)
  }
  return [...sums.values()]
    .filter((e) => e.amount > 0n)
    .sort((a, b) => (a.recruiterId + a.currency).localeCompare(b.recruiterId + b.currency))
}

/**
 * Funds payouts of recruiters who owe nothing: their whole gross goes available → in flight, one
 * posting for the lot (a batch of a payout run is one movement in the books; each payout row
 * names the posting that funded it).
 */
async function fundAll(tx: AnyTx, payouts: readonly PayoutRow[], now: Date): Promise<PayoutRow[]> {
  if (payouts.length === 0) return []
  const batchId = uuidv7(now.getTime())
  const sums = perRecruiter(payouts, (p) => p.gross_amount)
  const { postingId } = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `payout-batch:${batchId}:funded`,
    kind: 'payout.started',
    reference: { type: 'payout_batch', id: batchId },
    description: `Payouts: ${payouts.length} on their way to ${sums.length} recruiter account(s)`,
    effectiveAt: now,
    metadata: { payout_ids: payouts.map((p) => p.id) },
    lines: sums.flatMap((e) => [
      {
        account: account.recruiterAvailable(e.recruiterId, e.currency),
        direction: 'debit' as const,
        amount: e.amount,
        currency: e.currency,
      },
      {
        account: account.recruiterInFlight(e.recruiterId, e.currency),
        direction: 'credit' as const,
        amount: e.amount,
        currency: e.currency,
      },
    ]),
  })
  return view(tx)
    .updateTable('billing.payouts')
    .set((eb) => ({
      amount: eb.ref('gross_amount'),
      debt_offset: 0n,
      funding_posting_id: postingId,
      updated_at: now,
    }))
    .where(
      'id',
      'in',
      payouts.map((p) => p.id),
    )
    .returningAll()
    .execute()
}

/** Funds a payout: available → in flight, and what the recruiter owes is netted first. */
async function fund(
  tx: AnyTx,
  p: PayoutRow,
  debts: { placement_id: string; recruiter_id: string; currency: string; debt: bigint }[],
  now: Date,
  c: Collected,
): Promise<PayoutRow> {
  let offset = 0n
  const takes: { placementId: string; amount: bigint }[] = []
  for (const d of debts) {
    if (d.recruiter_id !== p.recruiter_id || d.currency !== p.currency || d.debt <= 0n) continue
    const take = d.debt < p.gross_amount - offset ? d.debt : p.gross_amount - offset
    if (take <= 0n) break
    d.debt -= take
    offset += take
    takes.push({ placementId: d.placement_id, amount: take })
  }
  const net = p.gross_amount - offset
  const { postingId } = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `${payoutKey(p.id)}:funded`,
    kind: 'payout.started',
    reference: { type: 'payout', id: p.id },
    description:
      offset > 0n
        ? `Payout: ${money(net, p.currency)} on its way, ${money(offset, p.currency)} netted against what the recruiter owes`
        : 'Payout: money on its way to the recruiter',
    effectiveAt: now,
    metadata: { placement_id: p.placement_id, recruiter_id: p.recruiter_id },
    lines: [
      {
        account: account.recruiterAvailable(p.recruiter_id, p.currency),
        direction: 'debit',
        amount: p.gross_amount,
        currency: p.currency,
      },
      ...(net > 0n
        ? [
            {
              account: account.recruiterInFlight(p.recruiter_id, p.currency),
              direction: 'credit' as const,
              amount: net,
              currency: p.currency,
            },
          ]
        : []),
      ...(offset > 0n
        ? [
            {
              account: account.recruiterDebt(p.recruiter_id, p.currency),
              direction: 'credit' as const,
              amount: offset,
              currency: p.currency,
            },
          ]
        : []),
    ],
  })
  for (const t of takes) {
    await adjustPosition(
      tx,
      { placementId: t.placementId, recruiterId: p.recruiter_id, currency: p.currency },
      { debt: -t.amount, debt_netted: t.amount },
      now,
    )
  }
  if (takes.length) {
    await view(tx)
      .insertInto('billing.payout_splits')
      .values(
        takes.map((t) => ({
          payout_id: p.id,
          collaborator_recruiter_id: p.recruiter_id,
          placement_id: t.placementId,
          kind: 'debt_offset',
          split_amount: -t.amount,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute()
    c.audit.push({
      entityType: 'payout',
      entityId: p.id,
      action: 'payout.debt_netted',
      changedByRole: 'system',
      newValue: { debt_offset: offset, amount: net, from: takes },
    })
  }
  const row = await view(tx)
    .updateTable('billing.payouts')
    .set({ amount: net, debt_offset: offset, funding_posting_id: postingId, updated_at: now })
    .where('id', '=', p.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return row
}

async function completeWithoutTransfer(tx: AnyTx, p: PayoutRow, now: Date, role: string, c: Collected) {
  // everything was netted against debt: nothing leaves; the payout is done
  await view(tx)
    .updateTable('billing.payouts')
    .set({ status: 'processing', attempts: p.attempts + 1, processing_started_at: now, updated_at: now })
    .where('id', '=', p.id)
    .execute()
  await view(tx)
    .updateTable('billing.payouts')
    .set({
      status: 'completed',
      completed_at: now,
      settlement_posting_id: p.funding_posting_id,
      lease_until: null,
      updated_at: now,
      version: p.version + 2,
    })
    .where('id', '=', p.id)
    .execute()
  // its schedules follow the same steps (the database refuses pending → processed)
  await startSchedules(tx, [p.id], now)
  await finishSchedules(tx, [{ payoutId: p.id, transferId: null }], now, c, role)
  c.audit.push({
    entityType: 'payout',
    entityId: p.id,
    action: 'payout.completed',
    changedByRole: role,
    oldValue: { status: 'pending' },
    newValue: { status: 'completed', amount: 0n, debt_offset: p.debt_offset, netted_entirely: true },
  })
  c.totals.completed++
}

async function finishSchedules(
  tx: AnyTx,
  payouts: readonly { payoutId: string; transferId: string | null }[],
  now: Date,
  c: Collected,
  role: string,
) {
  if (payouts.length === 0) return
  const ids = payouts.map((p) => p.payoutId)
  const done = await view(tx)
    .updateTable('billing.payout_schedules')
    .set((eb) => ({
      status: 'processed',
      processed_at: now,
      failure_reason: null,
      next_attempt_at: null,
      triggered_at: eb.fn.coalesce('triggered_at', eb.val(now)),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('payout_id', 'in', ids)
    .where('status', 'in', ['processing', 'pending'])
    .returning(['id', 'escrow_hold_id', 'payout_id'])
    .execute()
  await sql`update billing.payout_splits s
       set status = 'completed', stripe_transfer_id = v.transfer_id, completed_at = ${now}, updated_at = ${now}
      from (values ${sql.join(payouts.map((p) => sql`(${p.payoutId}::uuid, ${p.transferId}::text)`))}) as v(payout_id, transfer_id)
     where s.payout_id = v.payout_id`.execute(view(tx))
  const holds = done.flatMap((s) => (s.escrow_hold_id ? [[s.escrow_hold_id, s.payout_id!] as const] : []))
  if (holds.length) {
    await sql`update billing.escrow_holds h set payout_id = v.payout_id, updated_at = ${now}
        from (values ${sql.join(holds.map(([h, pid]) => sql`(${h}::uuid, ${pid}::uuid)`))}) as v(id, payout_id)
       where h.id = v.id`.execute(view(tx))
  }
  for (const s of done) {
    c.audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.processed',
      changedByRole: role,
      oldValue: { status: 'processing' },
      newValue: { status: 'processed', payout_id: s.payout_id },
    })
  }
}

/** Parks a pending payout (its money stays where it is) and fails its schedules with the reason. */
async function park(
  tx: AnyTx,
  p: Pick<PayoutRow, 'id' | 'status' | 'version'>,
  why: { code: 'account' | 'attention'; reason: string },
  now: Date,
  role: string,
  c: Collected,
) {
  await view(tx)
    .updateTable('billing.payouts')
    .set({
      status: 'pending',
      parked_code: why.code,
      parked_reason: why.reason,
      parked_at: now,
      lease_until: null,
      failure_reason: why.reason,
      updated_at: now,
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .execute()
  const failed = await view(tx)
    .updateTable('billing.payout_schedules')
    .set((eb) => ({
      status: 'failed',
      failure_reason: `Waiting: ${why.reason}`,
      next_attempt_at: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('payout_id', '=', p.id)
    .where('status', 'in', ['pending', 'processing'])
    .returning('id')
    .execute()
  await view(tx)
    .updateTable('billing.payout_splits')
    .set({ status: 'pending', updated_at: now })
    .where('payout_id', '=', p.id)
    .execute()
  c.audit.push({
    entityType: 'payout',
    entityId: p.id,
    action: 'payout.parked',
    changedByRole: role,
    oldValue: { status: p.status },
    newValue: { status: 'pending', parked: why.code },
    reason: why.reason,
  })
  for (const s of failed) {
    c.audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.failed',
      changedByRole: role,
      newValue: { status: 'failed', parked: why.code },
      reason: why.reason,
    })
  }
  c.totals.parked++
}

export interface ClaimFilter {
  payoutId?: string
  recruiterId?: string
  /** Claim these payouts even if their schedules are not due (an admin said now). */
  force?: boolean
  /** Only payouts a stopped worker left processing (the re-drive sweep). */
  stuckOnly?: boolean
}

/**
 * One claim transaction: payouts whose lease ran out (re-driven, same key), pending payouts with a
 * due schedule, and due schedules without a payout (a payout each), up to `limit`.
 */
export async function claim(
  ctx: AppContext,
  options: {
    limit: number
    leaseMs?: number
    role?: string
    filter?: ClaimFilter
    createdBy?: string | null
  },
): Promise<{ jobs: SendJob[]; totals: RunTotals }> {
  const leaseMs = options.leaseMs ?? LEASE_MS
  const role = options.role ?? 'system'
  const f = options.filter ?? {}
  return inTransaction(
    ctx.db,
    systemActor('billing.payouts'),
    async (tx) => {
      const now = ctx.clock.now()
      const c = collected()
      const jobs: SendJob[] = []
      // a) payouts left processing by a worker that stopped (lease ran out): send again, same key
      let stuckQ = view(tx)
        .selectFrom('billing.payouts')
        .selectAll()
        .where('status', '=', 'processing')
        .where('lease_until', '<', now)
        .orderBy('lease_until')
        .limit(options.limit)
        .forUpdate()
        .skipLocked()
      if (f.payoutId) stuckQ = stuckQ.where('id', '=', f.payoutId)
      if (f.recruiterId) stuckQ = stuckQ.where('recruiter_id', '=', f.recruiterId)
      const stuck = await stuckQ.execute()
      const stuckSources = await sourcePaymentsOf(
        tx,
        stuck.map((p) => p.placement_id),
      )
      const stuckRetries = stuck.length
        ? await view(tx)
            .selectFrom('billing.payout_schedules')
            .select(['payout_id', (eb) => eb.fn.max<number>('retry_count').as('r')])
            .where(
              'payout_id',
              'in',
              stuck.map((p) => p.id),
            )
            .groupBy('payout_id')
            .execute()
        : []
      for (const p of stuck) {
        const attempt = p.attempts + 1
        await view(tx)
          .updateTable('billing.payouts')
          .set({ attempts: attempt, lease_until: new Date(now.getTime() + leaseMs), updated_at: now })
          .where('id', '=', p.id)
          .execute()
        c.audit.push({
          entityType: 'payout',
          entityId: p.id,
          action: 'payout.redriven',
          changedByRole: role,
          newValue: { status: 'processing', attempt, lease_expired_at: p.lease_until },
        })
        const source = stuckSources.get(p.placement_id)
        jobs.push({
          payoutId: p.id,
          attempt,
          method: p.method as SendJob['method'],
          placementId: p.placement_id,
          recruiterId: p.recruiter_id,
          amount: p.amount,
          currency: p.currency,
          destination: p.stripe_connect_account_id,
          transferGroup: p.transfer_group,
          sourcePaymentIntent:
            p.source_payment_id && source?.paymentId === p.source_payment_id ? source.intent : null,
          firstAttemptAt: p.first_attempt_at ?? now,
          retries: Number(stuckRetries.find((r) => r.payout_id === p.id)?.r ?? 0),
        })
        c.totals.redriven++
      }
      let room = f.stuckOnly ? 0 : options.limit - stuck.length
      // b) pending payouts (made by an admin, or waiting after a temporary error) with a due schedule
      const pendingPayouts: PayoutRow[] = []
      if (room > 0) {
        let q = view(tx)
          .selectFrom('billing.payouts as p')
          .selectAll('p')
          .where('p.status', '=', 'pending')
          .where('p.parked_code', 'is', null)
          .orderBy('p.created_at')
          .limit(room)
          .forUpdate()
          .skipLocked()
        if (f.payoutId) q = q.where('p.id', '=', f.payoutId)
        if (f.recruiterId) q = q.where('p.recruiter_id', '=', f.recruiterId)
        if (!f.force) {
          q = q.where(({ exists }) =>
            exists(dueQuery(tx, now).clearOrderBy().select('s.id').where(sql<boolean>`s.payout_id = p.id`)),
          )
        }
        pendingPayouts.push(...(await q.execute()))
        room -= pendingPayouts.length
      }
      // c) due schedules that no payout has yet: one payout each
      const fresh: PayoutRow[] = []
      if (room > 0 && !f.payoutId) {
        let q = dueQuery(tx, now)
          .selectAll('s')
          .where('s.payout_id', 'is', null)
          .limit(room)
          .forUpdate()
          .skipLocked()
        if (f.recruiterId) q = q.where('s.recruiter_id', '=', f.recruiterId)
        const due = await q.execute()
        fresh.push(
          ...(await createPayoutsFor(
            ctx,
            tx,
            due,
            now,
            { createdBy: options.createdBy ?? null, role, method: methodOf(ctx) },
            c,
          )),
        )
      }
      jobs.push(...(await startAttempts(ctx, tx, [...pendingPayouts, ...fresh], now, role, leaseMs, c)))
      await flush(ctx, tx, c)
      return { jobs, totals: c.totals }
    },
    DEADLOCK_RETRIES,
  )
}

export const methodOf = (ctx: AppContext) =>
  (stripeClientOf(ctx) ? 'stripe_connect' : 'manual_bank') as 'stripe_connect' | 'manual_bank'

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

export interface SendResult {
  job: SendJob
  outcome: TransferOutcome
}

/** Sends one payout (outside any transaction). Never throws: every failure is an outcome. */
export async function send(ctx: AppContext, job: SendJob): Promise<SendResult> {
  const adapter = adapterFor(ctx, job.method)
  const request = {
    payoutId: job.payoutId,
    idempotencyKey: payoutKey(job.payoutId),
    amount: job.amount,
    currency: job.currency,
    destination: job.destination,
    transferGroup: job.transferGroup,
    sourcePaymentIntent: job.sourcePaymentIntent,
    metadata: { placement_id: job.placementId, recruiter_id: job.recruiterId },
  }
  try {
    // Stripe forgets keys after 24 hours: a payout first tried that long ago is looked up first
    if (
      job.method === 'stripe_connect' &&
      ctx.clock.now().getTime() - job.firstAttemptAt.getTime() > KEY_LIFETIME_MS
    ) {
      const found = await adapter.findTransfer(request)
      if (found.found === true) return { job, outcome: { kind: 'sent', transferId: found.transferId } }
      if (found.found === 'unknown')
        return { job, outcome: { kind: 'temporary', message: found.message, code: null } }
    }
    let outcome = await adapter.transfer(request)
    // the last attempt failed for a passing reason: did the transfer happen after all?
    if (outcome.kind === 'temporary' && job.retries + 1 >= MAX_ATTEMPTS) {
      const found = await adapter.findTransfer(request)
      if (found.found === true) outcome = { kind: 'sent', transferId: found.transferId }
      else if (found.found === 'unknown') outcome = { ...outcome, code: 'lookup_failed' }
    }
    return { job, outcome }
  } catch (err) {
    return {
      job,
      outcome: { kind: 'temporary', message: err instanceof Error ? err.message : String(err), code: null },
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Recording outcomes
// ---------------------------------------------------------------------------------------------

/** Records outcomes, one transaction for the lot (sorted by recruiter: ledger rows locked in one order). */
export async function record(
  ctx: AppContext,
  results: readonly SendResult[],
  role = 'system',
): Promise<RunTotals> {
  if (results.length === 0) return emptyTotals()
  return inTransaction(
    ctx.db,
    systemActor('billing.payouts'),
    async (tx) => {
      const now = ctx.clock.now()
      const c = collected()
      const sorted = [...results].sort((a, b) =>
        a.job.recruiterId === b.job.recruiterId
          ? a.job.payoutId.localeCompare(b.job.payoutId)
          : a.job.recruiterId.localeCompare(b.job.recruiterId),
      )
      const rows = new Map(
        (
          await view(tx)
            .selectFrom('billing.payouts')
            .selectAll()
            .where(
              'id',
              'in',
              sorted.map((r) => r.job.payoutId),
            )
            .orderBy('recruiter_id')
            .orderBy('id')
            .forUpdate()
            .execute()
        ).map((p) => [p.id, p]),
      )
      // the common case — a transfer went out for a payout still processing — is settled as a set
      const sent: { p: PayoutRow; transferId: string }[] = []
      for (const r of sorted) {
        const p = rows.get(r.job.payoutId)!
        if (r.outcome.kind === 'sent' && p.status === 'processing')
          sent.push({ p, transferId: r.outcome.transferId })
        else await applyOutcome(ctx, tx, p, r, now, role, c)
      }
      await settleAll(tx, sent, now, role, c)
      await flush(ctx, tx, c)
      return c.totals
    },
    DEADLOCK_RETRIES,
  )
}

async function applyOutcome(
  ctx: AppContext,
  tx: AnyTx,
  p: PayoutRow,
  { job, outcome }: SendResult,
  now: Date,
  role: string,
  c: Collected,
) {
  switch (outcome.kind) {
    case 'sent': {
      if (p.status === 'completed') return
      if (p.status === 'failed') {
        // cannot happen: a payout fails only after Stripe said no transfer exists. Loudly.
        ctx.log.error({ payout: p.id, transfer: outcome.transferId }, 'A TRANSFER EXISTS FOR A FAILED PAYOUT')
        c.adminNotices.push({
          sourceName: `payout:${p.id}:transfer-after-failure`,
          title: `Payout ${p.id}: Stripe made a transfer after the payout failed`,
          body: `Transfer ${outcome.transferId} exists although the payout was failed and its money returned. Reverse the transfer or re-book it.`,
          link: `/admin/payouts/${p.id}`,
        })
        return
      }
      await settle(ctx, tx, p, outcome.transferId, now, role, c)
      return
    }
    case 'awaiting_manual': {
      if (p.status !== 'processing' || p.attempts !== job.attempt) return
      await view(tx)
        .updateTable('billing.payouts')
        .set({ lease_until: null, updated_at: now })
        .where('id', '=', p.id)
        .execute()
      c.audit.push({
        entityType: 'payout',
        entityId: p.id,
        action: 'payout.awaiting_bank_transfer',
        changedByRole: role,
        newValue: { status: 'processing', method: 'manual_bank', amount: p.amount },
      })
      c.totals.awaiting_manual++
      return
    }
    case 'temporary': {
      if (p.status !== 'processing' || p.attempts !== job.attempt) return
      const retry = job.retries + 1
      if (retry >= MAX_ATTEMPTS) {
        if (outcome.code === 'lookup_failed') {
          // we could not learn whether the transfer exists: never fail blind; try again later
          await retryLater(tx, p, retry - 1, outcome.message, now, role, c)
          return
        }
        await view(tx)
          .updateTable('billing.payout_schedules')
          .set({ retry_count: MAX_ATTEMPTS, last_retry_at: now })
          .where('payout_id', '=', p.id)
          .where('status', '=', 'processing')
          .execute()
        await failPayout(ctx, tx, p, `${MAX_ATTEMPTS} attempts failed: ${outcome.message}`, now, role, c)
        c.adminNotices.push({
          sourceName: `payout:${p.id}:failed`,
          title: `A payout of ${money(p.amount, p.currency)} failed after ${MAX_ATTEMPTS} attempts`,
          body: `${outcome.message}. The money is back in the recruiter’s available balance; trigger the schedule to try again.`,
          link: `/admin/payouts/${p.id}`,
        })
        return
      }
      await retryLater(tx, p, retry, outcome.message, now, role, c)
      return
    }
    case 'account':
    case 'permanent': {
      if (p.status !== 'processing' || p.attempts !== job.attempt) return
      const code = outcome.kind === 'account' ? 'account' : 'attention'
      await park(tx, p, { code, reason: outcome.message }, now, role, c)
      if (code === 'account') {
        c.notices.push({
          kind: 'payout.account_action_needed',
          recruiterId: p.recruiter_id,
          sourceName: `payout:${p.id}:parked`,
          title: 'We could not pay you yet',
          body: `Stripe could not send ${money(p.amount, p.currency)} to your account: ${outcome.message}. Check your payout account; the payout resumes by itself once it can receive money.`,
          link: '/splits/earnings',
        })
      } else {
        c.adminNotices.push({
          sourceName: `payout:${p.id}:attention`,
          title: `A payout of ${money(p.amount, p.currency)} needs attention`,
          body: `Stripe refused it: ${outcome.message}`,
          link: `/admin/payouts/${p.id}`,
        })
      }
      return
    }
  }
}

async function retryLater(
  tx: AnyTx,
  p: PayoutRow,
  retry: number,
  message: string,
  now: Date,
  role: string,
  c: Collected,
) {
  const delay = RETRY_DELAYS_MS[Math.min(retry - 1, RETRY_DELAYS_MS.length - 1)] ?? 60_000
  const next = new Date(now.getTime() + delay)
  await view(tx)
    .updateTable('billing.payouts')
    .set({
      status: 'pending',
      lease_until: null,
      failure_reason: message,
      updated_at: now,
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .execute()
  const rows = await view(tx)
    .updateTable('billing.payout_schedules')
    .set((eb) => ({
      status: 'pending',
      retry_count: Math.max(0, Math.min(retry, MAX_ATTEMPTS)),
      last_retry_at: now,
      next_attempt_at: next,
      failure_reason: message,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('payout_id', '=', p.id)
    .where('status', '=', 'processing')
    .returning('id')
    .execute()
  await view(tx)
    .updateTable('billing.payout_splits')
    .set({ status: 'pending', updated_at: now })
    .where('payout_id', '=', p.id)
    .execute()
  c.audit.push({
    entityType: 'payout',
    entityId: p.id,
    action: 'payout.retry_scheduled',
    changedByRole: role,
    oldValue: { status: 'processing' },
    newValue: { status: 'pending', retry_count: retry, next_attempt_at: next },
    reason: message,
  })
  for (const s of rows) {
    c.audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: 'payout_schedule.retry_scheduled',
      changedByRole: role,
      oldValue: { status: 'processing' },
      newValue: { status: 'pending', retry_count: retry, next_attempt_at: next },
      reason: message,
    })
  }
  c.totals.retried++
}

/** A transfer went out (or the admin paid the bank transfer): in flight → paid, once. */
export async function settle(
  ctx: AppContext,
  tx: AnyTx,
  p: PayoutRow,
  transferId: string | null,
  now: Date,
  role: string,
  c: Collected,
  manualReference?: string,
) {
  const { postingId } = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `${payoutKey(p.id)}:settled`,
    kind: 'payout.sent',
    reference: { type: 'payout', id: p.id },
    description:
      p.method === 'stripe_connect'
        ? `Payout sent by Stripe transfer ${transferId}`
        : `Payout sent by bank transfer${manualReference ? ` (${manualReference})` : ''}`,
    effectiveAt: now,
    metadata: { placement_id: p.placement_id, recruiter_id: p.recruiter_id, transfer_id: transferId },
    lines: [
      {
        account: account.recruiterInFlight(p.recruiter_id, p.currency),
        direction: 'debit',
        amount: p.amount,
        currency: p.currency,
      },
      {
        account: account.recruiterPaid(p.recruiter_id, p.currency),
        direction: 'credit',
        amount: p.amount,
        currency: p.currency,
      },
    ],
  })
  if (p.status === 'pending') {
    // a success that overtook a recorded temporary error (or a park): processing first
    await view(tx)
      .updateTable('billing.payouts')
      .set({ status: 'processing', parked_code: null, parked_reason: null, parked_at: null })
      .where('id', '=', p.id)
      .execute()
  }
  await view(tx)
    .updateTable('billing.payouts')
    .set({
      status: 'completed',
      stripe_transfer_id: transferId,
      manual_reference: manualReference ?? null,
      completed_at: now,
      settlement_posting_id: postingId,
      lease_until: null,
      failure_reason: null,
      updated_at: now,
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .execute()
  await finishSchedules(tx, [{ payoutId: p.id, transferId }], now, c, role)
  c.audit.push({
    entityType: 'payout',
    entityId: p.id,
    action: 'payout.completed',
    changedByRole: role,
    oldValue: { status: p.status },
    newValue: {
      status: 'completed',
      amount: p.amount,
      transfer_id: transferId,
      manual_reference: manualReference ?? null,
    },
  })
  c.notices.push(sentNotice(p))
  if (p.method === 'stripe_connect' && transferId) c.bankPayouts.push(p.id)
  c.totals.completed++
  c.totals.amount_sent += p.amount
  void ctx
}

/** Transfers that went out for payouts still processing: in flight → paid, one posting for the lot. */
async function settleAll(
  tx: AnyTx,
  sent: readonly { p: PayoutRow; transferId: string }[],
  now: Date,
  role: string,
  c: Collected,
) {
  if (sent.length === 0) return
  const batchId = uuidv7(now.getTime())
  const payouts = sent.map((s) => s.p)
  const { postingId } = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `payout-batch:${batchId}:settled`,
    kind: 'payout.sent',
    reference: { type: 'payout_batch', id: batchId },
    description: `Payouts: ${sent.length} sent by Stripe transfer`,
    effectiveAt: now,
    metadata: { transfers: Object.fromEntries(sent.map((s) => [s.p.id, s.transferId])) },
    lines: perRecruiter(payouts, (p) => p.amount).flatMap((e) => [
      {
        account: account.recruiterInFlight(e.recruiterId, e.currency),
        direction: 'debit' as const,
        amount: e.amount,
        currency: e.currency,
      },
      {
        account: account.recruiterPaid(e.recruiterId, e.currency),
        direction: 'credit' as const,
        amount: e.amount,
        currency: e.currency,
      },
    ]),
  })
  await sql`update billing.payouts p
       set status = 'completed', stripe_transfer_id = v.transfer_id, manual_reference = null,
           completed_at = ${now}, settlement_posting_id = ${postingId}, lease_until = null,
           failure_reason = null, updated_at = ${now}, version = p.version + 1
      from (values ${sql.join(sent.map((s) => sql`(${s.p.id}::uuid, ${s.transferId}::text)`))}) as v(id, transfer_id)
     where p.id = v.id`.execute(view(tx))
  await finishSchedules(
    tx,
    sent.map((s) => ({ payoutId: s.p.id, transferId: s.transferId })),
    now,
    c,
    role,
  )
  for (const { p, transferId } of sent) {
    c.audit.push({
      entityType: 'payout',
      entityId: p.id,
      action: 'payout.completed',
      changedByRole: role,
      oldValue: { status: p.status },
      newValue: { status: 'completed', amount: p.amount, transfer_id: transferId, manual_reference: null },
    })
    if (p.method === 'stripe_connect') c.bankPayouts.push(p.id)
    c.totals.completed++
    c.totals.amount_sent += p.amount
  }
  // one notice per recruiter and currency for the batch, not one per payout
  for (const e of perRecruiter(payouts, (p) => p.amount)) {
    const count = payouts.filter((p) => p.recruiter_id === e.recruiterId && p.currency === e.currency).length
    c.notices.push({
      kind: 'payout.sent',
      recruiterId: e.recruiterId,
      sourceName: `payout-batch:${batchId}:${e.recruiterId}:${e.currency}:sent`,
      title: `${money(e.amount, e.currency)} is on its way to you`,
      body:
        count === 1
          ? 'We sent it to your Stripe account; Stripe pays it out to your bank account.'
          : `${count} payouts went to your Stripe account; Stripe pays them out to your bank account.`,
      link: '/splits/earnings',
    })
  }
}

const sentNotice = (p: PayoutRow): RecruiterNotice => ({
  kind: 'payout.sent',
  recruiterId: p.recruiter_id,
  sourceName: `payout:${p.id}:sent`,
  title: `${money(p.amount, p.currency)} is on its way to you`,
  body:
    p.method === 'stripe_connect'
      ? 'We sent it to your Stripe account; Stripe pays it out to your bank account.'
      : 'We sent it by bank transfer.',
  link: '/splits/earnings',
})

/**
 * A payout that will not go out (retries exhausted, an admin marked the bank transfer failed, a
 * take-back cancelled it): its money returns to the recruiter's available balance (debt it netted
 * is owed again) and its schedules fail, still claiming the money (an admin can trigger them).
 */
export async function failPayout(
  _ctx: AppContext,
  tx: AnyTx,
  p: PayoutRow,
  reason: string,
  now: Date,
  role: string,
  c: Collected,
  options: { cancelSchedules?: string } = {},
) {
  let returnPosting: string | null = null
  if (p.funding_posting_id) returnPosting = await returnFunding(tx, p, now, reason)
  await view(tx)
    .updateTable('billing.payouts')
    .set({
      status: 'failed',
      failed_at: now,
      failure_reason: reason,
      return_posting_id: returnPosting,
      lease_until: null,
      parked_code: null,
      parked_reason: null,
      parked_at: null,
      updated_at: now,
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .execute()
  const schedules = await view(tx)
    .updateTable('billing.payout_schedules')
    .set((eb) => ({
      status: 'failed',
      failure_reason: reason,
      next_attempt_at: null,
      ...(options.cancelSchedules ? { cancelled_at: now, cancellation_reason: options.cancelSchedules } : {}),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('payout_id', '=', p.id)
    .where('status', 'in', ['pending', 'processing', 'failed'])
    .where('cancelled_at', 'is', null)
    .returning(['id'])
    .execute()
  await view(tx)
    .updateTable('billing.payout_splits')
    .set({ status: 'failed', updated_at: now })
    .where('payout_id', '=', p.id)
    .execute()
  c.audit.push({
    entityType: 'payout',
    entityId: p.id,
    action: 'payout.failed',
    changedByRole: role,
    oldValue: { status: p.status },
    newValue: { status: 'failed', returned: p.funding_posting_id ? p.gross_amount : 0n },
    reason,
  })
  for (const s of schedules) {
    c.audit.push({
      entityType: 'payout_schedule',
      entityId: s.id,
      action: options.cancelSchedules ? 'payout_schedule.cancelled' : 'payout_schedule.failed',
      changedByRole: role,
      newValue: { status: 'failed', cancelled: Boolean(options.cancelSchedules) },
      reason,
    })
  }
  c.totals.failed++
}

/** In flight → available (and the debt it netted is owed again). */
async function returnFunding(tx: AnyTx, p: PayoutRow, now: Date, reason: string): Promise<string> {
  const { postingId } = await post(tx, {
    book: SPLITS_BOOK,
    idempotencyKey: `${payoutKey(p.id)}:returned`,
    kind: 'payout.returned',
    reference: { type: 'payout', id: p.id },
    description: `Payout did not go out: ${reason}`.slice(0, 500),
    effectiveAt: now,
    metadata: { placement_id: p.placement_id, recruiter_id: p.recruiter_id },
    lines: [
      ...(p.amount > 0n
        ? [
            {
              account: account.recruiterInFlight(p.recruiter_id, p.currency),
              direction: 'debit' as const,
              amount: p.amount,
              currency: p.currency,
            },
          ]
        : []),
      ...(p.debt_offset > 0n
        ? [
            {
              account: account.recruiterDebt(p.recruiter_id, p.currency),
              direction: 'debit' as const,
              amount: p.debt_offset,
              currency: p.currency,
            },
          ]
        : []),
      {
        account: account.recruiterAvailable(p.recruiter_id, p.currency),
        direction: 'credit',
        amount: p.gross_amount,
        currency: p.currency,
      },
    ],
  })
  if (p.debt_offset > 0n) {
    const offsets = await view(tx)
      .selectFrom('billing.payout_splits')
      .select(['placement_id', 'split_amount'])
      .where('payout_id', '=', p.id)
      .where('kind', '=', 'debt_offset')
      .execute()
    for (const o of offsets) {
      await adjustPosition(
        tx,
        { placementId: o.placement_id, recruiterId: p.recruiter_id, currency: p.currency },
        { debt: -o.split_amount, debt_netted: o.split_amount },
        now,
      )
    }
  }
  return postingId
}

// ---------------------------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------------------------

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (;;) {
        const i = next++
        if (i >= items.length) return
        out[i] = await fn(items[i]!)
      }
    }),
  )
  return out
}

const add = (a: RunTotals, b: RunTotals): RunTotals => ({
  claimed: a.claimed + b.claimed,
  completed: a.completed + b.completed,
  retried: a.retried + b.retried,
  parked: a.parked + b.parked,
  failed: a.failed + b.failed,
  redriven: a.redriven + b.redriven,
  awaiting_manual: a.awaiting_manual + b.awaiting_manual,
  amount_sent: a.amount_sent + b.amount_sent,
})

export interface RunOptions {
  /** Payouts claimed per transaction. */
  batch?: number
  /** Transfers in flight at once. */
  concurrency?: number
  leaseMs?: number
  filter?: ClaimFilter
  role?: string
  createdBy?: string | null
  onProgress?: (done: number, total: number) => void
  /** Stop after this many batches (tests). */
  maxBatches?: number
}

/** How many schedules are due now (for progress bars). */
export async function countDue(ctx: AppContext): Promise<number> {
  return inTransaction(ctx.db, systemActor('billing.payouts'), async (tx) => {
    const row = await dueQuery(tx, ctx.clock.now())
      .clearOrderBy()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return Number(row?.n ?? 0)
  })
}

/**
 * Pays every due schedule (the 02:00 UTC job, the CLI, `POST /api/payout-schedules/process-due`):
 * claim a batch, send its transfers (a few at a time), record the outcomes; until nothing is due.
 * Several processes may run it at once: each claims other rows.
 */
export async function processDueSchedules(ctx: AppContext, options: RunOptions = {}): Promise<RunTotals> {
  const batch = options.batch ?? 100
  const concurrency = options.concurrency ?? 8
  let totals = emptyTotals()
  const total = options.onProgress ? await countDue(ctx) : 0
  let done = 0
  options.onProgress?.(0, total)
  for (let round = 0; options.maxBatches === undefined || round < options.maxBatches; round++) {
    const claimed = await claim(ctx, {
      limit: batch,
      leaseMs: options.leaseMs ?? LEASE_MS,
      role: options.role ?? 'system',
      ...(options.filter ? { filter: options.filter } : {}),
      createdBy: options.createdBy ?? null,
    })
    totals = add(totals, claimed.totals)
    if (claimed.jobs.length === 0) {
      // parked or netted-away payouts count as progress; stop once a claim finds nothing
      if (claimed.totals.parked + claimed.totals.completed === 0) break
      done += claimed.totals.parked + claimed.totals.completed
      options.onProgress?.(Math.min(done, total), Math.max(total, done))
      continue
    }
    const results = await mapLimit(claimed.jobs, concurrency, (job) => send(ctx, job))
    const recorded = await record(ctx, results, options.role ?? 'system')
    totals = add(totals, { ...recorded, claimed: 0, redriven: 0 })
    done += claimed.jobs.length + claimed.totals.parked
    options.onProgress?.(Math.min(done, total), Math.max(total, done))
    if (options.filter?.payoutId) break
  }
  return totals
}

export const totalsToWire = (t: RunTotals) => ({ ...t, amount_sent: t.amount_sent.toString() })

/** Guard for routes acting on one payout: it must exist (and be visible). */
export async function payoutRow(tx: AnyTx, id: string, lock = false) {
  let q = view(tx).selectFrom('billing.payouts').selectAll().where('id', '=', id)
  if (lock) q = q.forUpdate()
  const p = await q.executeTakeFirst()
  if (!p) throw new AppError('not_found', 'No such payout')
  return p
}

/** An admin's payout: the given schedules of one recruiter and placement, together. */
export async function createPayoutsForAdmin(
  ctx: AppContext,
  tx: AnyTx,
  schedules: readonly ScheduleRow[],
  now: Date,
  createdBy: string | null,
  c: Collected,
): Promise<PayoutRow> {
  const rows = await createPayoutsFor(
    ctx,
    tx,
    schedules,
    now,
    { createdBy, role: 'platform_admin', method: methodOf(ctx) },
    c,
    true,
  )
  return rows[0]!
}

/** A payout for one pending schedule without one (an admin triggered it). */
export async function createPayoutForSchedule(ctx: AppContext, scheduleId: string): Promise<string> {
  return inTransaction(ctx.db, systemActor('billing.payouts'), async (tx) => {
    const s = (await view(tx)
      .selectFrom('billing.payout_schedules')
      .selectAll()
      .where('id', '=', scheduleId)
      .forUpdate()
      .executeTakeFirstOrThrow()) as ScheduleRow
    if (s.payout_id) return s.payout_id
    if (s.status !== 'pending') throw new AppError('invalid_state_transition', `This schedule is ${s.status}`)
    const c = collected()
    const [p] = await createPayoutsFor(
      ctx,
      tx,
      [s],
      ctx.clock.now(),
      { createdBy: null, role: 'platform_admin', method: methodOf(ctx) },
      c,
    )
    await flush(ctx, tx, c)
    return p!.id
  })
}

export { type Collected, collected, flush, park }
