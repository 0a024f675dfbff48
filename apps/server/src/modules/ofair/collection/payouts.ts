import { sql } from 'kysely'
import type { AppContext } from '../../../kernel/context.ts'
import { lockKey } from '../../../kernel/db/concurrency.ts'
import { kindBalancesByOwner, post } from '../../ledger/index.ts'
import { notify } from '../../notifications/index.ts'
import { type OfairCaller, requireProfessional } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { OFAIR_BOOK, OFAIR_CURRENCY, ofairAccount } from '../settlement/index.ts'
import { collectionAccount } from './book.ts'
import { noticeSource } from './notices.ts'

/**
 * Payouts of positive balances. A professional chooses a bank transfer or a credit to the next
 * invoice; bank details are the minimum (bank, branch, account), shown masked everywhere but the
 * admin's CSV of a batch. An admin builds a batch of every transfer due (one open batch at a
 * time: concurrent requests get the same one); batching moves each amount from pro_balance to
 * payout_clearing; marked paid it leaves for the bank, marked failed it returns.
 */
export const maskAccount = (account: string) => `••••${account.slice(-4)}`
const money = (n: bigint | string | number) => ({ amount: String(n), currency: 'ILS' })

/**
 * How a professional wants a positive balance paid (for the monthly invoices: 'invoice_credit'
 * means the amount is credited on the next invoice and left out of bank-transfer batches).
 */
export async function payoutMethodOf(
  tx: OfairTx,
  professionalId: string,
): Promise<'bank_transfer' | 'invoice_credit'> {
  const row = await tx
    .selectFrom('ofair.payout_preferences')
    .select('method')
    .where('professional_id', '=', professionalId)
    .executeTakeFirst()
  return (row?.method as 'bank_transfer' | 'invoice_credit' | undefined) ?? 'bank_transfer'
}

export async function myPayoutPreference(tx: OfairTx, caller: OfairCaller) {
  const professionalId = await requireProfessional(tx, caller)
  return preferenceOf(tx, professionalId)
}

async function preferenceOf(tx: OfairTx, professionalId: string) {
  const row = await tx
    .selectFrom('ofair.payout_preferences')
    .selectAll()
    .where('professional_id', '=', professionalId)
    .executeTakeFirst()
  return {
    method: row?.method ?? ('bank_transfer' as const),
    bank:
      row?.bank_code && row.branch_code && row.account_number
        ? {
            bank_code: row.bank_code,
            branch_code: row.branch_code,
            account_masked: maskAccount(row.account_number),
          }
        : null,
    version: row?.version ?? 0,
  }
}

export async function setPayoutPreference(
  ctx: AppContext,
  tx: OfairTx,
  caller: OfairCaller,
  body: {
    method: 'bank_transfer' | 'invoice_credit'
    bank?: { bank_code: string; branch_code: string; account_number: string } | null | undefined
  },
) {
  const professionalId = await requireProfessional(tx, caller)
  const current = await tx
    .selectFrom('ofair.payout_preferences')
    .selectAll()
    .where('professional_id', '=', professionalId)
    .forUpdate()
    .executeTakeFirst()
  // bank details sent replace the stored ones; left out, the stored ones stay
  const bank =
    body.bank === undefined
      ? current?.bank_code
        ? {
            bank_code: current.bank_code,
            branch_code: current.branch_code!,
            account_number: current.account_number!,
          }
        : null
      : body.bank
  if (body.method === 'bank_transfer' && !bank) {
    throw refuse('bank_details_required', 'A bank transfer needs bank, branch and account', { field: 'bank' })
  }
  const values = {
    method: body.method,
    bank_code: bank?.bank_code ?? null,
    branch_code: bank?.branch_code ?? null,
    account_number: bank?.account_number ?? null,
    updated_at: ctx.clock.now(),
  }
  await tx
    .insertInto('ofair.payout_preferences')
    .values({ professional_id: professionalId, ...values })
    .onConflict((oc) =>
      oc
        .column('professional_id')
        .doUpdateSet({ ...values, version: sql`ofair.payout_preferences.version + 1` }),
    )
    .execute()
  return preferenceOf(tx, professionalId)
}

const payoutOut = (p: {
  id: string
  batch_id: string
  amount_minor: string | bigint
  bank_code: string
  branch_code: string
  account_number: string
  status: string
  failure_reason: string | null
  created_at: Date
  decided_at: Date | null
}) => ({
  id: p.id,
  batch_id: p.batch_id,
  amount: money(p.amount_minor),
  bank: { bank_code: p.bank_code, branch_code: p.branch_code, account_masked: maskAccount(p.account_number) },
  status: p.status as 'pending' | 'paid' | 'failed',
  failure_reason: p.failure_reason,
  created_at: p.created_at,
  decided_at: p.decided_at,
})

/** A professional's payouts (their own, or any for an admin), with their preference. */
export async function payoutHistory(tx: OfairTx, caller: OfairCaller, professionalId: string) {
  if (!caller.isAdmin) {
    const mine = await requireProfessional(tx, caller)
    if (mine !== professionalId) throw refuse('not_found', 'No such professional of yours')
  }
  const rows = await tx
    .selectFrom('ofair.payouts')
    .selectAll()
    .where('professional_id', '=', professionalId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute()
  return { preference: await preferenceOf(tx, professionalId), data: rows.map(payoutOut) }
}

async function batchOut(tx: OfairTx, batchId: string) {
  const batch = await tx
    .selectFrom('ofair.payout_batches')
    .selectAll()
    .where('id', '=', batchId)
    .executeTakeFirstOrThrow()
  const items = await tx
    .selectFrom('ofair.payouts as o')
    .innerJoin('ofair.professionals as p', 'p.id', 'o.professional_id')
    .selectAll('o')
    .select('p.display_name')
    .where('o.batch_id', '=', batchId)
    .orderBy('p.display_name')
    .execute()
  return {
    id: batch.id,
    status: batch.status,
    item_count: batch.item_count,
    total: money(batch.total_minor),
    created_at: batch.created_at,
    closed_at: batch.closed_at,
    items: items.map((i) => ({
      ...payoutOut(i),
      professional: { id: i.professional_id, display_name: i.display_name },
    })),
  }
}

export async function listBatches(tx: OfairTx) {
  const rows = await tx
    .selectFrom('ofair.payout_batches')
    .select('id')
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute()
  const data = []
  for (const r of rows) data.push(await batchOut(tx, r.id))
  return { data }
}

/**
 * Builds the bank-transfer batch of every payout due: professionals with a positive balance who
 * chose a transfer and gave bank details, without a payout in the works. The open batch, if
 * there is one, is answered instead (under one lock, so concurrent requests make one batch).
 */
export async function createPayoutBatch(ctx: AppContext, tx: OfairTx, caller: OfairCaller) {
  await lockKey(tx, 'ofair.payout_batch')
  const open = await tx
    .selectFrom('ofair.payout_batches')
    .select('id')
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (open) return { created: false, batch: await batchOut(tx, open.id) }
  const balances = await kindBalancesByOwner(tx, {
    book: OFAIR_BOOK,
    ownerType: 'professional',
    kind: 'pro_balance',
    currency: OFAIR_CURRENCY,
  })
  // keyed "<owner id>:<currency>"
  const available = new Map([...balances].map(([key, b]) => [key.split(':')[0]!, b.available]))
  const positive = [...available].filter(([, amount]) => amount > 0n)
  const prefs =
    positive.length === 0
      ? []
      : await tx
          .selectFrom('ofair.payout_preferences')
          .selectAll()
          .where(
            'professional_id',
            'in',
            positive.map(([id]) => id),
          )
          .where('method', '=', 'bank_transfer')
          .where('account_number', 'is not', null)
          .execute()
  if (prefs.length === 0) throw refuse('unprocessable', 'No bank transfers are due')
  const now = ctx.clock.now()
  const due = prefs.map((p) => ({ pref: p, amount: available.get(p.professional_id)! }))
  const total = due.reduce((s, d) => s + d.amount, 0n)
  const batch = await tx
    .insertInto('ofair.payout_batches')
    .values({ created_by: caller.userId, item_count: due.length, total_minor: total, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const d of due) {
    const id = crypto.randomUUID()
    const posting = await post(tx, {
      book: OFAIR_BOOK,
      idempotencyKey: `ofair-payout:${id}:batched`,
      kind: 'ofair.payout_batched',
      reference: { type: 'ofair.payout', id },
      description: 'Payout to the professional’s bank account, in a transfer batch',
      effectiveAt: now,
      lines: [
        {
          account: ofairAccount.proBalance(d.pref.professional_id),
          direction: 'debit',
          amount: d.amount,
          currency: OFAIR_CURRENCY,
        },
        {
          account: ofairAccount.payoutClearing(),
          direction: 'credit',
          amount: d.amount,
          currency: OFAIR_CURRENCY,
        },
      ],
    })
    await tx
      .insertInto('ofair.payouts')
      .values({
        id,
        batch_id: batch.id,
        professional_id: d.pref.professional_id,
        amount_minor: d.amount,
        bank_code: d.pref.bank_code!,
        branch_code: d.pref.branch_code!,
        account_number: d.pref.account_number!,
        batched_posting_id: posting.postingId,
        created_at: now,
      })
      .execute()
  }
  return { created: true, batch: await batchOut(tx, batch.id) }
}

/** The bank file: one line per transfer, full bank details (admins only). */
export async function batchCsv(tx: OfairTx, batchId: string): Promise<string> {
  const items = await tx
    .selectFrom('ofair.payouts as o')
    .innerJoin('ofair.professionals as p', 'p.id', 'o.professional_id')
    .select([
      'o.id',
      'p.display_name',
      'o.bank_code',
      'o.branch_code',
      'o.account_number',
      'o.amount_minor',
      'o.status',
    ])
    .where('o.batch_id', '=', batchId)
    .orderBy('p.display_name')
    .execute()
  if (items.length === 0) throw refuse('not_found', 'No such batch')
  const cell = (s: string) =>
    /[",\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s
  const lines = ['payout_id,beneficiary,bank,branch,account,amount_ils,status']
  for (const i of items) {
    const minor = BigInt(i.amount_minor)
    const ils = `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`
    lines.push(
      [i.id, cell(i.display_name), i.bank_code, i.branch_code, i.account_number, ils, i.status].join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export async function decidePayout(
  ctx: AppContext,
  tx: OfairTx,
  caller: OfairCaller,
  payoutId: string,
  decision: { status: 'paid' | 'failed'; reason?: string | undefined },
) {
  const p = await tx
    .selectFrom('ofair.payouts')
    .selectAll()
    .where('id', '=', payoutId)
    .forUpdate()
    .executeTakeFirst()
  if (!p) throw refuse('not_found', 'No such payout')
  if (p.status !== 'pending') throw refuse('payout_not_pending', `The payout is already ${p.status}`)
  const now = ctx.clock.now()
  const amount = BigInt(p.amount_minor)
  const posting = await post(tx, {
    book: OFAIR_BOOK,
    idempotencyKey: `ofair-payout:${p.id}:${decision.status}`,
    kind: decision.status === 'paid' ? 'ofair.payout_paid' : 'ofair.payout_failed',
    reference: { type: 'ofair.payout', id: p.id },
    description:
      decision.status === 'paid'
        ? 'Payout transferred to the professional’s bank account'
        : 'Payout failed at the bank: the amount returns to the professional’s balance',
    effectiveAt: now,
    lines: [
      { account: ofairAccount.payoutClearing(), direction: 'debit', amount, currency: OFAIR_CURRENCY },
      {
        account:
          decision.status === 'paid'
            ? collectionAccount.platformBank()
            : ofairAccount.proBalance(p.professional_id),
        direction: 'credit',
        amount,
        currency: OFAIR_CURRENCY,
      },
    ],
  })
  await tx
    .updateTable('ofair.payouts')
    .set({
      status: decision.status,
      failure_reason: decision.status === 'failed' ? (decision.reason ?? 'נדחה בבנק') : null,
      decided_posting_id: posting.postingId,
      decided_by: caller.userId,
      decided_at: now,
    })
    .where('id', '=', p.id)
    .execute()
  const left = await tx
    .selectFrom('ofair.payouts')
    .select('id')
    .where('batch_id', '=', p.batch_id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (!left) {
    await tx
      .updateTable('ofair.payout_batches')
      .set({ status: 'closed', closed_at: now })
      .where('id', '=', p.batch_id)
      .execute()
  }
  const user = await tx
    .selectFrom('ofair.professionals')
    .select('user_id')
    .where('id', '=', p.professional_id)
    .executeTakeFirst()
  if (user) {
    await notify(ctx, tx, [
      {
        kind: 'ofair_payout.decided',
        userId: user.user_id,
        title: decision.status === 'paid' ? 'העברנו לכם תשלום לחשבון הבנק' : 'העברה בנקאית אליכם נכשלה',
        body:
          decision.status === 'paid'
            ? `₪${(Number(amount) / 100).toFixed(2)} בדרך לחשבון ${maskAccount(p.account_number)}.`
            : `ההעברה לחשבון ${maskAccount(p.account_number)} נכשלה והסכום חזר ליתרה שלכם. בדקו את פרטי הבנק.`,
        link: '/ofair/payment-method',
        sourceId: noticeSource(`ofair-payout:${p.id}:${decision.status}`),
      },
    ])
  }
  return batchOut(tx, p.batch_id)
}
