import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import type { CliCommand } from '../../../kernel/module.ts'
import { accountBalance, kindBalancesByOwner, post } from '../../ledger/index.ts'
import { notify } from '../../notifications/index.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { OFAIR_BOOK, OFAIR_CURRENCY, ofairAccount } from '../settlement/index.ts'
import { OFAIR_TEMPLATES } from '../templates.ts'
import { noticeSource } from './notices.ts'
import { gatewayOf } from './payment-methods.ts'

/**
 * Collection (B2B mode): a professional whose pro_balance is negative owes the platform. A case is
 * opened per professional; its attempts charge the saved token for what is owed at that moment,
 * each under its own idempotency key (`ofair-collect:<case>:<attempt>`), so a crash or a retried
 * run after a provider outage asks the provider the same question again and is charged once.
 * Success books debit psp_clearing / credit pro_balance. A declined charge is retried after
 * 1, 3 and 7 days, the professional told each time; after the last failure the case becomes an
 * admin alert (`GET /api/ofair/admin/collection-alerts`).
 */
export const RETRY_AFTER_DAYS = [1, 3, 7] as const
export const MAX_ATTEMPTS = RETRY_AFTER_DAYS.length + 1
const DAY = 86_400_000
const OUTAGE_RETRY_MS = 3_600_000

const asOfair = (tx: unknown) => tx as OfairTx

async function owed(tx: OfairTx, professionalId: string): Promise<bigint> {
  const balance = await accountBalance(tx, ofairAccount.proBalance(professionalId))
  return balance.posted < 0n ? -balance.posted : 0n
}

async function userOf(tx: OfairTx, professionalId: string) {
  return (
    await tx
      .selectFrom('ofair.professionals')
      .select('user_id')
      .where('id', '=', professionalId)
      .executeTakeFirst()
  )?.user_id
}

/** Opens a case for every professional who owes and has none open; returns how many opened. */
export async function openCollectionCases(ctx: AppContext, tx: OfairTx): Promise<number> {
  const balances = await kindBalancesByOwner(tx, {
    book: OFAIR_BOOK,
    ownerType: 'professional',
    kind: 'pro_balance',
    currency: OFAIR_CURRENCY,
  })
  const debtors = [...balances].filter(([, b]) => b.posted < 0n).map(([key]) => key.split(':')[0]!)
  if (debtors.length === 0) return 0
  const now = ctx.clock.now()
  const opened = await sql<{ id: string }>`
    insert into ofair.collection_cases (professional_id, next_attempt_at, opened_at)
    select p, ${now}::timestamptz, ${now}::timestamptz from unnest(${debtors}::uuid[]) as p
    on conflict (professional_id) where status in ('open', 'alerted') do nothing
    returning id`.execute(tx)
  return opened.rows.length
}

export type AttemptOutcome = 'collected' | 'retry' | 'alerted' | 'nothing_owed' | 'outage' | 'skipped'

/** One attempt on one case, in its own transaction (the case row locked). */
export async function attemptCase(ctx: AppContext, tx: OfairTx, caseId: string): Promise<AttemptOutcome> {
  const now = ctx.clock.now()
  const c = await tx
    .selectFrom('ofair.collection_cases')
    .selectAll()
    .where('id', '=', caseId)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()
  if (c?.status !== 'open' || (c.next_attempt_at && c.next_attempt_at > now)) return 'skipped'
  const amount = await owed(tx, c.professional_id)
  if (amount === 0n) {
    await tx
      .updateTable('ofair.collection_cases')
      .set({ status: 'resolved', closed_at: now, next_attempt_at: null })
      .where('id', '=', c.id)
      .execute()
    return 'nothing_owed'
  }
  const attemptNo = c.attempts + 1
  const key = `ofair-collect:${c.id}:${attemptNo}`
  const method = await tx
    .selectFrom('ofair.payment_methods')
    .select(['id', 'token', 'provider'])
    .where('professional_id', '=', c.professional_id)
    .where('status', '=', 'active')
    .where('autopay', '=', true)
    .executeTakeFirst()
  const userId = await userOf(tx, c.professional_id)
  let failure: string
  if (!method) {
    failure = 'no_method: no saved card with autopay on'
    await tx
      .insertInto('ofair.collection_attempts')
      .values({
        case_id: c.id,
        professional_id: c.professional_id,
        attempt_no: attemptNo,
        idempotency_key: key,
        amount_minor: amount,
        status: 'no_method',
        error: failure,
        created_at: now,
      })
      .execute()
  } else {
    const gateway = gatewayOf(ctx)
    const result = await gateway.chargeToken({
      amountMinor: amount,
      token: method.token,
      idempotencyKey: key,
    })
    if (result.status === 'failed') {
      // the provider is down: the same attempt (same key) runs again later; not the card's fault
      await tx
        .updateTable('ofair.collection_cases')
        .set({ last_error: result.message, next_attempt_at: new Date(now.getTime() + OUTAGE_RETRY_MS) })
        .where('id', '=', c.id)
        .execute()
      return 'outage'
    }
    await tx
      .insertInto('ofair.collection_attempts')
      .values({
        case_id: c.id,
        professional_id: c.professional_id,
        payment_method_id: method.id,
        attempt_no: attemptNo,
        idempotency_key: key,
        amount_minor: amount,
        status: result.status === 'succeeded' ? 'succeeded' : 'declined',
        psp_reference: result.status === 'succeeded' ? result.transactionId : null,
        error: result.status === 'declined' ? `${result.code} ${result.message}` : null,
        created_at: now,
      })
      .execute()
    if (result.status === 'succeeded') {
      await post(tx, {
        book: OFAIR_BOOK,
        idempotencyKey: `${key}:succeeded`,
        kind: 'ofair.collection',
        reference: { type: 'ofair.collection_case', id: c.id },
        description: `Collected by card from the professional (attempt ${attemptNo})`,
        effectiveAt: now,
        lines: [
          {
            account: ofairAccount.pspClearing(gateway.provider, c.id),
            direction: 'debit',
            amount,
            currency: OFAIR_CURRENCY,
          },
          {
            account: ofairAccount.proBalance(c.professional_id),
            direction: 'credit',
            amount,
            currency: OFAIR_CURRENCY,
          },
        ],
        metadata: { psp_reference: result.transactionId },
      })
      await tx
        .updateTable('ofair.collection_cases')
        .set({
          status: 'collected',
          attempts: attemptNo,
          closed_at: now,
          next_attempt_at: null,
          last_error: null,
        })
        .where('id', '=', c.id)
        .execute()
      if (userId) {
        await notify(ctx, tx, [
          {
            kind: 'ofair_collection.succeeded',
            userId,
            ...OFAIR_TEMPLATES.paymentSucceeded({ amount }),
            link: '/ofair/payment-method',
            sourceId: noticeSource(key),
          },
        ])
      }
      return 'collected'
    }
    failure = `${result.code} ${result.message}`
  }
  const last = attemptNo >= MAX_ATTEMPTS
  const next = last ? null : new Date(now.getTime() + RETRY_AFTER_DAYS[attemptNo - 1]! * DAY)
  await tx
    .updateTable('ofair.collection_cases')
    .set({
      attempts: attemptNo,
      last_error: failure,
      next_attempt_at: next,
      ...(last ? { status: 'alerted' as const, alerted_at: now } : {}),
    })
    .where('id', '=', c.id)
    .execute()
  if (userId) {
    await notify(ctx, tx, [
      {
        kind: 'ofair_collection.failed',
        userId,
        ...OFAIR_TEMPLATES.paymentFailed({
          amount,
          retryInDays: last ? null : RETRY_AFTER_DAYS[attemptNo - 1]!,
        }),
        link: '/ofair/payment-method',
        sourceId: noticeSource(key),
      },
    ])
  }
  return last ? 'alerted' : 'retry'
}

export interface CollectionRun {
  opened: number
  due: number
  outcomes: Record<AttemptOutcome, number>
}

/** The daily run (cron and CLI): open cases for new debts, then attempt every due case. */
export async function runCollection(
  ctx: AppContext,
  progress?: (step: string, done: number, total: number) => void,
): Promise<CollectionRun> {
  const actor = systemActor('ofair.collection')
  const opened = await inTransaction(ctx.db, actor, (tx) => openCollectionCases(ctx, asOfair(tx)))
  const due = await inTransaction(ctx.db, actor, (tx) =>
    asOfair(tx)
      .selectFrom('ofair.collection_cases')
      .select('id')
      .where('status', '=', 'open')
      .where('next_attempt_at', '<=', ctx.clock.now())
      .orderBy('next_attempt_at')
      .execute(),
  )
  const outcomes: Record<AttemptOutcome, number> = {
    collected: 0,
    retry: 0,
    alerted: 0,
    nothing_owed: 0,
    outage: 0,
    skipped: 0,
  }
  let done = 0
  for (const { id } of due) {
    const outcome = await inTransaction(ctx.db, actor, (tx) => attemptCase(ctx, asOfair(tx), id))
    outcomes[outcome]++
    progress?.('collecting', ++done, due.length)
  }
  return { opened, due: due.length, outcomes }
}

export const collectionJob = defineJob({
  name: 'ofair.collection',
  description: 'Charge the saved cards of professionals who owe the platform; retries and admin alerts',
  payload: z.object({}),
  retry: { limit: 2, delaySeconds: 600, backoff: true },
  timeoutSeconds: 3600,
  concurrency: 1,
  schedule: { cron: '0 9 * * *', tz: 'Asia/Jerusalem', payload: {} },
  handler: async (_payload, ctx: AppContext, run) => {
    const result = await runCollection(ctx)
    run.log.info({ collection: result }, 'ofair collection run')
    return result
  },
})

/** `npm run cli -- ofair:collect`: the same run as the daily job, with progress. */
export const collectCommand: CliCommand = {
  name: 'ofair:collect',
  description: 'Charge the saved cards of professionals who owe the platform (retries, alerts)',
  run: async (ctx, tools) => {
    const result = await runCollection(ctx, tools.progress('collecting'))
    tools.done()
    tools.out(`opened ${result.opened} case(s); ${result.due} due: ${JSON.stringify(result.outcomes)}`)
    return 0
  },
}

/** Cases that failed every attempt: the admin's queue. */
export async function collectionAlerts(tx: OfairTx) {
  const rows = await tx
    .selectFrom('ofair.collection_cases as c')
    .innerJoin('ofair.professionals as p', 'p.id', 'c.professional_id')
    .select([
      'c.id',
      'c.professional_id',
      'p.display_name',
      'c.attempts',
      'c.last_error',
      'c.opened_at',
      'c.alerted_at',
    ])
    .where('c.status', '=', 'alerted')
    .orderBy('c.alerted_at', 'desc')
    .limit(200)
    .execute()
  const out = []
  for (const r of rows) {
    out.push({
      id: r.id,
      professional: { id: r.professional_id, display_name: r.display_name },
      owed: { amount: (await owed(tx, r.professional_id)).toString(), currency: 'ILS' },
      attempts: r.attempts,
      last_error: r.last_error,
      opened_at: r.opened_at,
      alerted_at: r.alerted_at!,
    })
  }
  return { data: out }
}

/** The admin closes an alert (settled outside the platform, or written off), with the time. */
export async function resolveCollectionAlert(ctx: AppContext, tx: OfairTx, id: string) {
  const row = await tx
    .updateTable('ofair.collection_cases')
    .set({ status: 'resolved', closed_at: ctx.clock.now(), alerted_at: null })
    .where('id', '=', id)
    .where('status', '=', 'alerted')
    .returning('id')
    .executeTakeFirst()
  if (!row) throw refuse('not_found', 'No open collection alert with this id')
}

/** A professional's collection attempts, newest first. */
export async function collectionHistory(tx: OfairTx, professionalId: string) {
  const rows = await tx
    .selectFrom('ofair.collection_attempts')
    .select(['id', 'attempt_no', 'amount_minor', 'status', 'error', 'created_at'])
    .where('professional_id', '=', professionalId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    attempt_no: r.attempt_no,
    amount: { amount: String(r.amount_minor), currency: 'ILS' },
    status: r.status,
    error: r.error,
    created_at: r.created_at,
  }))
}
