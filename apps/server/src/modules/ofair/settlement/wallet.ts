import { appendAudit } from '../../../kernel/audit/audit.ts'
import {
  accountBalance,
  createHold,
  kindBalancesByOwner,
  ownerEntries,
  resolveHold,
} from '../../ledger/index.ts'
import { actingRole, type OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { shekels } from '../schemas.ts'
import { OFAIR_BOOK, OFAIR_CURRENCY, ofairAccount } from './book.ts'
import { emitSettlement } from './events.ts'
import { lockWallet } from './service.ts'

/**
 * A professional's money with the platform, from the ledger: `balance` nets everything they owe
 * (commissions, referral fees they pay) against everything owed to them (fees they earn, released
 * captured payments); `pending` is captured money inside the hold period; `available` is the
 * positive balance less withdrawals awaiting approval.
 */
export interface ProfessionalBalance {
  professionalId: string
  currency: string
  balance: bigint
  available: bigint
  pending: bigint
  owed: bigint
  withdrawalsPending: bigint
}

export async function professionalBalance(tx: OfairTx, professionalId: string): Promise<ProfessionalBalance> {
  const [bal, pend] = await Promise.all([
    accountBalance(tx, ofairAccount.proBalance(professionalId)),
    accountBalance(tx, ofairAccount.proPending(professionalId)),
  ])
  const available = bal.available > 0n ? bal.available : 0n
  return {
    professionalId,
    currency: OFAIR_CURRENCY,
    balance: bal.posted,
    available,
    pending: pend.posted,
    owed: bal.posted < 0n ? -bal.posted : 0n,
    withdrawalsPending: bal.pendingOut,
  }
}

async function canSee(tx: OfairTx, caller: OfairCaller, professionalId: string) {
  if (caller.isAdmin) return
  if (caller.professionalId === professionalId) return
  const row = await tx
    .selectFrom('ofair.professionals')
    .select('user_id')
    .where('id', '=', professionalId)
    .executeTakeFirst()
  if (row && row.user_id === caller.userId) return
  throw refuse('not_found', 'No such wallet')
}

/** The balance with every underlying ledger entry, each with its job (lead payment) and lead. */
export async function balanceReport(tx: OfairTx, caller: OfairCaller, professionalId: string) {
  await canSee(tx, caller, professionalId)
  const b = await professionalBalance(tx, professionalId)
  const entries = await ownerEntries(tx, {
    book: OFAIR_BOOK,
    ownerType: 'professional',
    ownerId: professionalId,
  })
  const paymentIds = [
    ...new Set(entries.filter((e) => e.reference.type === 'ofair_lead_payment').map((e) => e.reference.id)),
  ]
  const jobs = paymentIds.length
    ? await tx
        .selectFrom('ofair.lead_payments as p')
        .innerJoin('ofair.leads as l', 'l.id', 'p.lead_id')
        .select([
          'p.id',
          'p.lead_id',
          'l.title',
          'p.performer_professional_id',
          'p.final_amount_minor',
          'p.status',
        ])
        .where('p.id', 'in', paymentIds)
        .execute()
    : []
  const byId = new Map(jobs.map((j) => [j.id, j]))
  const withdrawals = await tx
    .selectFrom('ofair.withdrawals')
    .selectAll()
    .where('professional_id', '=', professionalId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute()
  return {
    professional_id: professionalId,
    balance: shekels(b.balance)!,
    available: shekels(b.available)!,
    pending: shekels(b.pending)!,
    owed: shekels(b.owed)!,
    withdrawals_pending: shekels(b.withdrawalsPending)!,
    entries: entries.map((e) => {
      const job = e.reference.type === 'ofair_lead_payment' ? byId.get(e.reference.id) : undefined
      return {
        id: e.id,
        posting_id: e.posting_id,
        account: e.account_kind,
        direction: e.direction,
        // signed on the professional's side: a credit is money to them
        amount: shekels(e.direction === 'credit' ? e.amount : -e.amount)!,
        balance_after: shekels(e.balance_after)!,
        kind: e.kind,
        description: e.description,
        effective_at: e.effective_at.toISOString(),
        role: job ? (job.performer_professional_id === professionalId ? 'performer' : 'referrer') : null,
        lead_payment_id: job?.id ?? null,
        lead_id: job?.lead_id ?? null,
        lead_title: job?.title ?? null,
        withdrawal_id: e.reference.type === 'ofair_withdrawal' ? e.reference.id : null,
      }
    }),
    withdrawals: withdrawals.map(presentWithdrawal),
  }
}

export function presentWithdrawal(w: {
  id: string
  professional_id: string
  amount_minor: bigint
  status: string
  note: string | null
  created_at: Date
  decided_at: Date | null
}) {
  return {
    id: w.id,
    professional_id: w.professional_id,
    amount: shekels(w.amount_minor)!,
    status: w.status,
    note: w.note,
    created_at: w.created_at.toISOString(),
    decided_at: w.decided_at?.toISOString() ?? null,
  }
}

/**
 * A professional asks to withdraw from their available balance. Under the wallet's lock the
 * amount is checked against what is available (the balance less withdrawals awaiting approval) and
 * reserved by a ledger hold, so concurrent requests never overdraw.
 */
export async function requestWithdrawal(
  tx: OfairTx,
  caller: OfairCaller,
  professionalId: string,
  amount: bigint,
  now: Date,
) {
  if (caller.professionalId !== professionalId) {
    if (caller.isAdmin) throw refuse('forbidden', 'Only the professional asks for their own withdrawal')
    throw refuse('not_found', 'No such wallet')
  }
  if (amount <= 0n) {
    throw refuse('validation_failed', 'body.amount: must be more than zero', { field: 'body.amount' })
  }
  await lockWallet(tx, professionalId)
  const b = await professionalBalance(tx, professionalId)
  if (amount > b.available) {
    throw refuse('insufficient_balance', `Available ${b.available} agorot, asked ${amount}`, {
      meta: { available: shekels(b.available) },
    })
  }
  const w = await tx
    .insertInto('ofair.withdrawals')
    .values({
      professional_id: professionalId,
      amount_minor: amount,
      requested_by_user_id: caller.userId,
      created_at: now,
      updated_at: now,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
  const hold = await createHold(tx, {
    book: OFAIR_BOOK,
    idempotencyKey: `ofair:withdrawal:${w.id}:hold`,
    from: ofairAccount.proBalance(professionalId),
    to: ofairAccount.payoutClearing(),
    amount,
    currency: OFAIR_CURRENCY,
    reference: { type: 'ofair_withdrawal', id: w.id },
    description: `Withdrawal ${w.id} awaiting approval`,
  })
  await tx.updateTable('ofair.withdrawals').set({ hold_id: hold.holdId }).where('id', '=', w.id).execute()
  await appendAudit(tx, {
    action: 'ofair.withdrawal_requested',
    entityType: 'ofair_withdrawal',
    entityId: w.id,
    after: { professional_id: professionalId, amount_minor: amount },
    actorRole: actingRole(caller),
  })
  await emitSettlement(tx, 'ofair_withdrawal.requested', w.id, {
    withdrawal_id: w.id,
    professional_id: professionalId,
    amount: amount.toString(),
  })
  return w.id
}

/** An admin approves (the hold posts pro_balance → payout_clearing) or rejects (the hold is voided). */
export async function decideWithdrawal(
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  decision: 'approved' | 'rejected',
  note: string | undefined,
  now: Date,
) {
  const w = await tx
    .selectFrom('ofair.withdrawals')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!w) throw refuse('not_found', 'No such withdrawal')
  if (w.status !== 'requested') throw refuse('withdrawal_not_pending', `The withdrawal is ${w.status}`)
  let postingId: string | null = null
  if (w.hold_id) {
    const r = await resolveHold(
      tx,
      w.hold_id,
      decision === 'approved'
        ? {
            action: 'post',
            amount: w.amount_minor,
            idempotencyKey: `ofair:withdrawal:${w.id}:approved`,
            description: `Withdrawal ${w.id} approved: to the professional's bank`,
          }
        : { action: 'void' },
      now,
    )
    postingId = r.postingId
  }
  await tx
    .updateTable('ofair.withdrawals')
    .set({
      status: decision,
      decided_by_user_id: caller.userId,
      decided_at: now,
      note: note ?? null,
      posting_id: postingId,
      updated_at: now,
      version: w.version + 1,
    })
    .where('id', '=', id)
    .execute()
  await appendAudit(tx, {
    action: `ofair.withdrawal_${decision}`,
    entityType: 'ofair_withdrawal',
    entityId: id,
    before: { status: w.status },
    after: { status: decision, note: note ?? null, posting_id: postingId },
    actorRole: actingRole(caller),
  })
  await emitSettlement(tx, 'ofair_withdrawal.decided', id, {
    withdrawal_id: id,
    professional_id: w.professional_id,
    amount: w.amount_minor.toString(),
    decision,
  })
}

/** Every professional's balance (admin finance). */
export async function allBalances(tx: OfairTx) {
  const [bal, pend] = await Promise.all([
    kindBalancesByOwner(tx, {
      book: OFAIR_BOOK,
      ownerType: 'professional',
      kind: 'pro_balance',
      currency: 'ILS',
    }),
    kindBalancesByOwner(tx, {
      book: OFAIR_BOOK,
      ownerType: 'professional',
      kind: 'pro_pending',
      currency: 'ILS',
    }),
  ])
  const ids = [...new Set([...bal.keys(), ...pend.keys()].map((k) => k.split(':')[0]!))]
  const names = ids.length
    ? await tx
        .selectFrom('ofair.professionals')
        .select(['id', 'display_name'])
        .where('id', 'in', ids)
        .execute()
    : []
  const nameOf = new Map(names.map((n) => [n.id, n.display_name]))
  return ids
    .map((id) => {
      const b = bal.get(`${id}:ILS`)
      const p = pend.get(`${id}:ILS`)
      const posted = b?.posted ?? 0n
      return {
        professional_id: id,
        display_name: nameOf.get(id) ?? '',
        balance: shekels(posted)!,
        available: shekels(b && b.available > 0n ? b.available : 0n)!,
        pending: shekels(p?.posted ?? 0n)!,
        owed: shekels(posted < 0n ? -posted : 0n)!,
      }
    })
    .sort((a, b) => a.display_name.localeCompare(b.display_name, 'he'))
}
