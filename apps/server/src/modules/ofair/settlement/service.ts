import { sql } from 'kysely'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import { lockKey } from '../../../kernel/db/concurrency.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { type PostingCommand, type PostingLine, post, reverse } from '../../ledger/index.ts'
import { actingRole, lockLead, type OfairCaller, requireProfessional } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { emit } from '../events.ts'
import { refuse } from '../messages.ts'
import { OFAIR_BOOK, OFAIR_CURRENCY, ofairAccount } from './book.ts'
import { type ChainLevel, CommissionError, computeCommission } from './commission.ts'
import { emitSettlement } from './events.ts'

/**
 * Completing, confirming and settling jobs. Every change of a job's payment happens under its
 * lead's lock (the same advisory lock as proposals and referrals), checks the state after taking
 * it, and writes its ledger posting (idempotent, keyed by the payment and the event), its audit
 * entry and its outbox event in the same transaction.
 */
export type PaymentRow = Awaited<ReturnType<typeof paymentRow>>

export async function settlementSettings(tx: OfairTx) {
  return tx.selectFrom('ofair.settlement_settings').selectAll().executeTakeFirstOrThrow()
}

async function paymentRow(tx: OfairTx, where: { id?: string; proposalId?: string; leadId?: string }) {
  let q = tx.selectFrom('ofair.lead_payments').selectAll()
  if (where.id) q = q.where('id', '=', where.id)
  if (where.proposalId) q = q.where('proposal_id', '=', where.proposalId)
  if (where.leadId) q = q.where('lead_id', '=', where.leadId)
  return q.executeTakeFirst()
}

export async function referrerFees(tx: OfairTx, paymentId: string) {
  return tx
    .selectFrom('ofair.lead_payment_referrer_fees')
    .selectAll()
    .where('lead_payment_id', '=', paymentId)
    .orderBy('level')
    .execute()
}

/**
 * The referral chain that brought the lead to the performer, from the uploader (level 1) down.
 * Read as the system: a performer's own policies hide the levels above them. A performer who
 * came from the board (no referral) leaves the uploader the lead's own share at level 1.
 */
export async function chainTo(
  tx: OfairTx,
  lead: {
    id: string
    type: string
    created_by_professional_id: string | null
    referrer_share_bps: number | null
  },
  performerId: string,
): Promise<ChainLevel[]> {
  if (lead.type !== 'professional_referral') return []
  const rows = await asSystem(
    tx,
    'ofair.settlement_chain',
    async () =>
      (
        await sql<{ id: string; level: number; referrer_professional_id: string; commission_bps: number }>`
          with recursive chain as (
            select r.id, r.parent_referral_id, r.level, r.referrer_professional_id, r.commission_bps
              from ofair.referrals r
             where r.lead_id = ${lead.id} and r.receiver_professional_id = ${performerId}
               and r.status in ('accepted', 'completed')
            union all
            select r.id, r.parent_referral_id, r.level, r.referrer_professional_id, r.commission_bps
              from ofair.referrals r join chain c on r.id = c.parent_referral_id)
          select id, level, referrer_professional_id, commission_bps from chain order by level`.execute(tx)
      ).rows,
  )
  if (rows.length === 0) {
    if (!lead.created_by_professional_id) return []
    return [
      {
        level: 1,
        referrerProfessionalId: lead.created_by_professional_id,
        referralId: null,
        shareBps: lead.referrer_share_bps ?? 0,
      },
    ]
  }
  return rows.map((r) => ({
    level: Number(r.level),
    referrerProfessionalId: r.referrer_professional_id,
    referralId: r.id,
    shareBps: r.commission_bps,
  }))
}

async function hasActiveSubscription(tx: OfairTx, professionalId: string, at: Date) {
  const row = await tx
    .selectFrom('ofair.subscriptions')
    .select('id')
    .where('professional_id', '=', professionalId)
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .executeTakeFirst()
  return !!row
}

function commissionRefusal(err: unknown): never {
  if (err instanceof CommissionError) {
    if (err.code === 'final_amount_below_minimum') {
      throw refuse('final_amount_below_minimum', `body.final_amount: ${err.message}`, {
        field: 'body.final_amount',
      })
    }
    if (err.code === 'performer_part_negative') throw refuse('performer_part_negative', err.message)
    throw refuse('unprocessable', err.message)
  }
  throw err
}

/** The performer marks their accepted job done with its final amount. */
export async function completeJob(
  tx: OfairTx,
  caller: OfairCaller,
  proposalId: string,
  finalAmount: bigint,
  now: Date,
): Promise<string> {
  const me = await requireProfessional(tx, caller)
  const seen = await tx
    .selectFrom('ofair.proposals')
    .select(['lead_id', 'professional_id'])
    .where('id', '=', proposalId)
    .executeTakeFirst()
  if (!seen || seen.professional_id !== me) throw refuse('not_found', 'No such proposal of yours')
  await lockLead(tx, seen.lead_id)
  const proposal = await tx
    .selectFrom('ofair.proposals')
    .selectAll()
    .where('id', '=', proposalId)
    .executeTakeFirstOrThrow()
  const lead = await asSystem(tx, 'ofair.settlement_lead', () =>
    tx.selectFrom('ofair.leads').selectAll().where('id', '=', seen.lead_id).executeTakeFirstOrThrow(),
  )
  const existing = await paymentRow(tx, { proposalId })
  if (existing) {
    if (existing.status === 'awaiting_confirmation' && existing.final_amount_minor === finalAmount) {
      return existing.id
    }
    throw refuse('job_already_completed', `The job was marked done already (${existing.status})`)
  }
  if (
    proposal.status !== 'accepted' ||
    lead.status !== 'pending' ||
    lead.accepted_proposal_id !== proposalId
  ) {
    throw refuse('lead_not_open', 'Only an accepted job whose lead is in progress can be marked done')
  }
  const rowId = await insertPayment(tx, lead, proposalId, me, finalAmount, now)
  const row = { id: rowId }
  await appendAudit(tx, {
    action: 'ofair.job_completed',
    entityType: 'ofair_lead_payment',
    entityId: row.id,
    after: { lead_id: lead.id, proposal_id: proposalId, final_amount_minor: finalAmount },
    actorRole: actingRole(caller),
  })
  await emitSettlement(tx, 'ofair_job.completed', row.id, {
    lead_payment_id: row.id,
    lead_id: lead.id,
    performer_professional_id: me,
    final_amount: finalAmount.toString(),
  })
  return row.id
}

type LeadRow = {
  id: string
  type: string
  created_by_user_id: string
  created_by_professional_id: string | null
  referrer_share_bps: number | null
  platform_commission_bps: number
  minimum_job_amount_minor: bigint
}

/** Computes a completed job's parts and stores its payment and referral fees (awaiting confirmation). */
async function insertPayment(
  tx: OfairTx,
  lead: LeadRow,
  proposalId: string,
  me: string,
  finalAmount: bigint,
  now: Date,
): Promise<string> {
  const settings = await settlementSettings(tx)
  const subscriber = await hasActiveSubscription(tx, me, now)
  const chain = await chainTo(tx, lead, me)
  let c: ReturnType<typeof computeCommission>
  try {
    c = computeCommission({
      leadType: lead.type as 'consumer' | 'professional_referral',
      finalAmount,
      leadCommissionBps: lead.platform_commission_bps,
      minimumJobAmount: lead.minimum_job_amount_minor,
      chain,
      subscriberCommissionBps: subscriber
        ? lead.type === 'consumer'
          ? settings.subscriber_consumer_commission_bps
          : settings.subscriber_professional_commission_bps
        : null,
      ruleVersion: settings.rule_version,
    })
  } catch (err) {
    commissionRefusal(err)
  }
  const row = await tx
    .insertInto('ofair.lead_payments')
    .values({
      lead_id: lead.id,
      proposal_id: proposalId,
      performer_professional_id: me,
      payer_user_id: lead.created_by_user_id,
      settlement_mode: settings.settlement_mode,
      final_amount_minor: c.finalAmount,
      platform_commission_minor: c.platformCommission,
      referrer_fee_minor: c.referrerFee,
      professional_net_amount_minor: c.performerNet,
      platform_commission_bps: c.platformCommissionBps,
      referrer_share_bps: c.referrerShareBps,
      subscriber_rate: c.subscriberRate,
      rule_version: c.ruleVersion,
      completed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (c.referrerFees.length) {
    await tx
      .insertInto('ofair.lead_payment_referrer_fees')
      .values(
        c.referrerFees.map((f) => ({
          lead_payment_id: row.id,
          referrer_professional_id: f.referrerProfessionalId,
          referral_id: f.referralId,
          level: f.level,
          share_bps: f.shareBps,
          fee_minor: f.fee,
        })),
      )
      .execute()
  }
  return row.id
}

/**
 * The owner closed the job themself (`POST /api/ofair/leads/{id}/complete`, OFAIR I's route): the
 * job's payment is made and confirmed at once and, in B2B mode, booked — so every completed lead
 * has its payment and its posting, whichever way it was closed. Runs in the owner's transaction
 * after the lead closed; does nothing when the job already has a payment.
 */
export async function settleOwnerCompletion(tx: OfairTx, caller: OfairCaller, leadId: string, now: Date) {
  const lead = await asSystem(tx, 'ofair.settlement_lead', () =>
    tx.selectFrom('ofair.leads').selectAll().where('id', '=', leadId).executeTakeFirstOrThrow(),
  )
  if (!lead.accepted_proposal_id || lead.final_amount_minor === null) return null
  if (await paymentRow(tx, { proposalId: lead.accepted_proposal_id })) return null
  const performer = await asSystem(tx, 'ofair.settlement_lead', () =>
    tx
      .selectFrom('ofair.proposals')
      .select('professional_id')
      .where('id', '=', lead.accepted_proposal_id!)
      .executeTakeFirstOrThrow(),
  )
  // written as the system: the owner makes the performer's payment row here
  const id = await asSystem(tx, 'ofair.settlement_owner_completion', () =>
    insertPayment(
      tx,
      lead,
      lead.accepted_proposal_id!,
      performer.professional_id,
      lead.final_amount_minor!,
      now,
    ),
  )
  const p = (await paymentRow(tx, { id }))!
  const postingId = p.settlement_mode === 'b2b' ? await settleB2b(tx, p, now) : null
  await tx
    .updateTable('ofair.lead_payments')
    .set({
      status: 'confirmed',
      confirmed_at: now,
      confirmed_by_user_id: caller.userId,
      settlement_posting_id: postingId,
    })
    .where('id', '=', id)
    .execute()
  await appendAudit(tx, {
    action: 'ofair.job_confirmed',
    entityType: 'ofair_lead_payment',
    entityId: id,
    after: {
      ...presentAmounts(p),
      status: 'confirmed',
      settlement_posting_id: postingId,
      by: 'owner_completion',
    },
    actorRole: actingRole(caller),
  })
  await emitSettlement(tx, 'ofair_job.confirmed', id, {
    lead_payment_id: id,
    lead_id: p.lead_id,
    performer_professional_id: p.performer_professional_id,
    settlement_mode: p.settlement_mode as 'b2b' | 'captured',
    final_amount: p.final_amount_minor.toString(),
    platform_commission: p.platform_commission_minor.toString(),
    referrer_fee: p.referrer_fee_minor.toString(),
    professional_net_amount: p.professional_net_amount_minor.toString(),
  })
  return id
}

/** The B2B settlement: what the performer owes the platform and the referrers, one posting. */
export function b2bLines(
  p: NonNullable<PaymentRow>,
  fees: { referrer_professional_id: string; fee_minor: bigint }[],
) {
  const lines: PostingLine[] = []
  const owed = p.platform_commission_minor + p.referrer_fee_minor
  if (owed > 0n) {
    lines.push({
      account: ofairAccount.proBalance(p.performer_professional_id),
      direction: 'debit',
      amount: owed,
      currency: OFAIR_CURRENCY,
    })
  }
  if (p.platform_commission_minor > 0n) {
    lines.push({
      account: ofairAccount.commissionRevenue(p.id),
      direction: 'credit',
      amount: p.platform_commission_minor,
      currency: OFAIR_CURRENCY,
    })
  }
  for (const f of fees) {
    if (f.fee_minor > 0n) {
      lines.push({
        account: ofairAccount.proBalance(f.referrer_professional_id),
        direction: 'credit',
        amount: f.fee_minor,
        currency: OFAIR_CURRENCY,
      })
    }
  }
  return lines
}

/** Captured mode: the customer's money at the provider splits into revenue and pending parts. */
function paidLines(
  p: NonNullable<PaymentRow>,
  fees: { referrer_professional_id: string; fee_minor: bigint }[],
  provider: string,
) {
  const lines: PostingLine[] = [
    {
      account: ofairAccount.pspClearing(provider, p.id),
      direction: 'debit',
      amount: p.final_amount_minor,
      currency: OFAIR_CURRENCY,
    },
  ]
  if (p.platform_commission_minor > 0n) {
    lines.push({
      account: ofairAccount.commissionRevenue(p.id),
      direction: 'credit',
      amount: p.platform_commission_minor,
      currency: OFAIR_CURRENCY,
    })
  }
  const parts = new Map<string, bigint>()
  parts.set(p.performer_professional_id, p.professional_net_amount_minor)
  for (const f of fees)
    parts.set(f.referrer_professional_id, (parts.get(f.referrer_professional_id) ?? 0n) + f.fee_minor)
  for (const [pro, amount] of parts) {
    if (amount > 0n) {
      lines.push({
        account: ofairAccount.proPending(pro),
        direction: 'credit',
        amount,
        currency: OFAIR_CURRENCY,
      })
    }
  }
  return { lines, parts }
}

/** The B2B posting of a job: one balanced posting, keyed by the job (null when nothing is owed). */
export function b2bPostingCommand(
  p: NonNullable<PaymentRow>,
  fees: { referrer_professional_id: string; fee_minor: bigint }[],
  at: Date,
): PostingCommand | null {
  const lines = b2bLines(p, fees)
  if (lines.length < 2) return null
  return {
    book: OFAIR_BOOK,
    idempotencyKey: `ofair:lead_payment:${p.id}:settled`,
    kind: 'ofair.job_settled',
    reference: { type: 'ofair_lead_payment', id: p.id },
    description: `Commission ${p.platform_commission_bps / 100}% and referral fees of job ${p.lead_id}`,
    effectiveAt: at,
    lines,
    metadata: { lead_id: p.lead_id, rule_version: p.rule_version },
  }
}

async function settleB2b(tx: OfairTx, p: NonNullable<PaymentRow>, now: Date) {
  const command = b2bPostingCommand(p, await referrerFees(tx, p.id), now)
  if (!command) return null
  return (await post(tx, command)).postingId
}

/** The lead closes as completed with the final amount; the performer's chain completes. */
async function closeLeadCompleted(tx: OfairTx, p: NonNullable<PaymentRow>, now: Date) {
  await asSystem(tx, 'ofair.settlement_close', async () => {
    const lead = await tx
      .selectFrom('ofair.leads')
      .selectAll()
      .where('id', '=', p.lead_id)
      .executeTakeFirstOrThrow()
    if (lead.status === 'closed') return
    await sql`
      with recursive chain as (
        select r.id, r.parent_referral_id from ofair.referrals r
         where r.lead_id = ${p.lead_id} and r.receiver_professional_id = ${p.performer_professional_id}
           and r.status = 'accepted'
        union all
        select r.id, r.parent_referral_id from ofair.referrals r join chain c on r.id = c.parent_referral_id)
      update ofair.referrals set status = 'completed', completed_at = ${now}, version = version + 1
       where id in (select id from chain) and status = 'accepted'`.execute(tx)
    await tx
      .updateTable('ofair.referrals')
      .set({ status: 'rejected', closed_reason: 'lead_closed', rejected_at: now })
      .where('lead_id', '=', p.lead_id)
      .where('status', '=', 'pending')
      .execute()
    await tx
      .updateTable('ofair.leads')
      .set({
        status: 'closed',
        close_reason: 'completed',
        final_amount_minor: p.final_amount_minor,
        closed_at: now,
        updated_at: now,
        version: lead.version + 1,
      })
      .where('id', '=', p.lead_id)
      .execute()
  })
  await emit(tx, 'ofair_lead.closed', p.lead_id, {
    lead_id: p.lead_id,
    reason: 'completed',
    final_amount: p.final_amount_minor.toString(),
    performer_professional_id: p.performer_professional_id,
  })
}

/** Finds the payment of a job under its lead's lock, after checking the caller's part in it. */
async function lockedPayment(tx: OfairTx, where: { proposalId?: string; id?: string }) {
  const first = await paymentRow(tx, where)
  if (!first) return null
  await lockLead(tx, first.lead_id)
  return (await paymentRow(tx, { id: first.id }))!
}

async function leadOwnerOf(tx: OfairTx, leadId: string) {
  return asSystem(tx, 'ofair.settlement_owner', async () => {
    const l = await tx
      .selectFrom('ofair.leads')
      .select(['created_by_user_id', 'title'])
      .where('id', '=', leadId)
      .executeTakeFirstOrThrow()
    return l
  })
}

function presentAmounts(p: NonNullable<PaymentRow>) {
  return {
    final_amount_minor: p.final_amount_minor,
    platform_commission_minor: p.platform_commission_minor,
    referrer_fee_minor: p.referrer_fee_minor,
    professional_net_amount_minor: p.professional_net_amount_minor,
    status: p.status,
  }
}

/**
 * The lead's owner confirms the job. B2B (default): the commission and the referral fees are
 * booked as one balanced posting and the lead closes as completed. Captured: the lead closes and
 * the payment waits for the customer's money (markCapturedPaymentPaid).
 */
export async function confirmJob(tx: OfairTx, caller: OfairCaller, proposalId: string, now: Date) {
  const p = await lockedPayment(tx, { proposalId })
  if (!p) throw refuse('not_found', 'The job was not marked done yet, or it is not yours')
  const lead = await leadOwnerOf(tx, p.lead_id)
  if (lead.created_by_user_id !== caller.userId) {
    if (caller.professionalId === p.performer_professional_id || caller.isAdmin) {
      throw refuse('forbidden', 'Only the lead’s owner confirms the job')
    }
    throw refuse('not_found', 'No such job')
  }
  if (p.status === 'disputed') throw refuse('payment_disputed', 'The job is under dispute')
  if (p.status !== 'awaiting_confirmation') throw refuse('already_confirmed', `The job is ${p.status}`)
  const postingId = p.settlement_mode === 'b2b' ? await settleB2b(tx, p, now) : null
  await tx
    .updateTable('ofair.lead_payments')
    .set({
      status: 'confirmed',
      confirmed_at: now,
      confirmed_by_user_id: caller.userId,
      settlement_posting_id: postingId,
      updated_at: now,
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .where('status', '=', 'awaiting_confirmation')
    .executeTakeFirstOrThrow()
  await closeLeadCompleted(tx, p, now)
  await appendAudit(tx, {
    action: 'ofair.job_confirmed',
    entityType: 'ofair_lead_payment',
    entityId: p.id,
    before: { status: p.status },
    after: { ...presentAmounts(p), status: 'confirmed', settlement_posting_id: postingId },
    actorRole: actingRole(caller),
  })
  await emitSettlement(tx, 'ofair_job.confirmed', p.id, {
    lead_payment_id: p.id,
    lead_id: p.lead_id,
    performer_professional_id: p.performer_professional_id,
    settlement_mode: p.settlement_mode as 'b2b' | 'captured',
    final_amount: p.final_amount_minor.toString(),
    platform_commission: p.platform_commission_minor.toString(),
    referrer_fee: p.referrer_fee_minor.toString(),
    professional_net_amount: p.professional_net_amount_minor.toString(),
  })
  return p.id
}

/**
 * Captured mode: the payment provider reports the customer's payment (helper C's webhook calls
 * this). The final amount lands in psp_clearing, the commission in revenue, the performer's net
 * and each referrer's fee in their pending balances until the hold period ends. Idempotent: the
 * same payment reported again changes nothing.
 */
export async function markCapturedPaymentPaid(
  tx: OfairTx,
  leadPaymentId: string,
  paid: { pspProvider: string; pspReference: string; paidAt: Date },
): Promise<{ postingId: string; replayed: boolean }> {
  const p = await lockedPayment(tx, { id: leadPaymentId })
  if (!p) throw refuse('not_found', 'No such job payment')
  if (p.paid_at && p.settlement_posting_id) {
    if (p.psp_provider === paid.pspProvider && p.psp_reference === paid.pspReference) {
      return { postingId: p.settlement_posting_id, replayed: true }
    }
    throw refuse('payment_not_payable', 'The job was paid already under another reference')
  }
  if (p.settlement_mode !== 'captured') throw refuse('payment_not_payable', 'The job settles B2B')
  if (!['awaiting_confirmation', 'confirmed', 'disputed'].includes(p.status)) {
    throw refuse('payment_not_payable', `The job is ${p.status}`)
  }
  const fees = await referrerFees(tx, p.id)
  const { lines } = paidLines(p, fees, paid.pspProvider)
  const r = await post(tx, {
    book: OFAIR_BOOK,
    idempotencyKey: `ofair:lead_payment:${p.id}:paid`,
    kind: 'ofair.job_paid',
    reference: { type: 'ofair_lead_payment', id: p.id },
    description: `Customer payment of job ${p.lead_id} (${paid.pspProvider})`,
    effectiveAt: paid.paidAt,
    lines,
    metadata: { psp_provider: paid.pspProvider, psp_reference: paid.pspReference },
  })
  const settings = await settlementSettings(tx)
  const holdUntil = new Date(paid.paidAt.getTime() + settings.hold_days * 86_400_000)
  const nextStatus = p.status === 'disputed' ? 'disputed' : 'paid'
  await tx
    .updateTable('ofair.lead_payments')
    .set({
      status: nextStatus,
      paid_at: paid.paidAt,
      hold_until: holdUntil,
      psp_provider: paid.pspProvider,
      psp_reference: paid.pspReference,
      settlement_posting_id: r.postingId,
      confirmed_at: p.confirmed_at ?? paid.paidAt,
      updated_at: paid.paidAt,
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .execute()
  if (p.status === 'disputed') {
    await tx
      .updateTable('ofair.disputes')
      .set({ payment_status_before: 'paid' })
      .where('lead_payment_id', '=', p.id)
      .where('status', '=', 'open')
      .execute()
  } else if (p.status === 'awaiting_confirmation') {
    await closeLeadCompleted(tx, p, paid.paidAt)
  }
  await appendAudit(tx, {
    action: 'ofair.job_paid',
    entityType: 'ofair_lead_payment',
    entityId: p.id,
    before: { status: p.status },
    after: { status: nextStatus, psp_provider: paid.pspProvider, posting_id: r.postingId },
    actorUserId: null,
    actorRole: 'system',
  })
  await emitSettlement(tx, 'ofair_job.paid', p.id, {
    lead_payment_id: p.id,
    lead_id: p.lead_id,
    performer_professional_id: p.performer_professional_id,
    psp_provider: paid.pspProvider,
    hold_until: holdUntil.toISOString(),
  })
  return { postingId: r.postingId, replayed: r.replayed }
}

/** Captured mode: a paid job's pending parts become available (hold over, or an admin's early release). */
async function releaseParts(tx: OfairTx, p: NonNullable<PaymentRow>, now: Date, suffix = '') {
  const fees = await referrerFees(tx, p.id)
  const parts = new Map<string, bigint>()
  parts.set(p.performer_professional_id, p.professional_net_amount_minor)
  for (const f of fees)
    parts.set(f.referrer_professional_id, (parts.get(f.referrer_professional_id) ?? 0n) + f.fee_minor)
  const lines: PostingLine[] = []
  for (const [pro, amount] of parts) {
    if (amount <= 0n) continue
    lines.push({
      account: ofairAccount.proPending(pro),
      direction: 'debit',
      amount,
      currency: OFAIR_CURRENCY,
    })
    lines.push({
      account: ofairAccount.proBalance(pro),
      direction: 'credit',
      amount,
      currency: OFAIR_CURRENCY,
    })
  }
  if (lines.length < 2) return
  await post(tx, {
    book: OFAIR_BOOK,
    idempotencyKey: `ofair:lead_payment:${p.id}:released${suffix}`,
    kind: 'ofair.job_released',
    reference: { type: 'ofair_lead_payment', id: p.id },
    description: `Hold period over for job ${p.lead_id}: parts available`,
    effectiveAt: now,
    lines,
  })
}

export async function releasePayment(
  tx: OfairTx,
  caller: OfairCaller | null,
  leadPaymentId: string,
  now: Date,
  early: boolean,
) {
  const p = await lockedPayment(tx, { id: leadPaymentId })
  if (!p) throw refuse('not_found', 'No such job payment')
  if (p.status !== 'paid') {
    throw refuse(p.status === 'disputed' ? 'payment_disputed' : 'not_releasable', `The job is ${p.status}`)
  }
  if (!early && p.hold_until && p.hold_until > now)
    throw refuse('not_releasable', 'The hold period is not over')
  await releaseParts(tx, p, now)
  await tx
    .updateTable('ofair.lead_payments')
    .set({ status: 'released', released_at: now, updated_at: now, version: p.version + 1 })
    .where('id', '=', p.id)
    .execute()
  await appendAudit(tx, {
    action: early ? 'ofair.job_released_early' : 'ofair.job_released',
    entityType: 'ofair_lead_payment',
    entityId: p.id,
    before: { status: 'paid', hold_until: p.hold_until },
    after: { status: 'released' },
    ...(caller ? { actorRole: actingRole(caller) } : { actorUserId: null, actorRole: 'system' }),
  })
  await emitSettlement(tx, 'ofair_job.released', p.id, {
    lead_payment_id: p.id,
    lead_id: p.lead_id,
    performer_professional_id: p.performer_professional_id,
  })
}

/** The paid jobs whose hold period is over (the release job and CLI command work through them). */
export async function duePayments(tx: OfairTx, now: Date, limit = 500) {
  return tx
    .selectFrom('ofair.lead_payments')
    .select('id')
    .where('status', '=', 'paid')
    .where('hold_until', '<=', now)
    .orderBy('hold_until')
    .limit(limit)
    .execute()
}

/** The caller's side of a job: the lead's owner, its performer, or no party (404 — not theirs). */
async function partyRoleOf(
  tx: OfairTx,
  caller: OfairCaller,
  p: { lead_id: string; performer_professional_id: string },
): Promise<'owner' | 'performer'> {
  const lead = await leadOwnerOf(tx, p.lead_id)
  if (lead.created_by_user_id === caller.userId) return 'owner'
  if (caller.professionalId === p.performer_professional_id) return 'performer'
  throw refuse('not_found', 'No such job')
}

/** Either party opens a dispute: before settlement (B2B) or inside the hold period (captured). */
export async function openDispute(
  tx: OfairTx,
  caller: OfairCaller,
  proposalId: string,
  reason: string,
  now: Date,
): Promise<string> {
  const p = await lockedPayment(tx, { proposalId })
  if (!p) throw refuse('not_found', 'The job was not marked done yet, or it is not yours')
  const role = await partyRoleOf(tx, caller, p)
  if (p.status === 'disputed') throw refuse('payment_disputed', 'A dispute is open already')
  const open =
    p.settlement_mode === 'b2b'
      ? p.status === 'awaiting_confirmation'
      : p.status === 'awaiting_confirmation' ||
        p.status === 'confirmed' ||
        (p.status === 'paid' && (!p.hold_until || p.hold_until > now))
  if (!open) throw refuse('dispute_not_allowed', `The job is ${p.status}; a dispute can no longer open`)
  const d = await tx
    .insertInto('ofair.disputes')
    .values({
      lead_payment_id: p.id,
      opened_by_user_id: caller.userId,
      opened_by_role: role,
      payment_status_before: p.status,
      reason,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .updateTable('ofair.lead_payments')
    .set({ status: 'disputed', updated_at: now, version: p.version + 1 })
    .where('id', '=', p.id)
    .execute()
  await appendAudit(tx, {
    action: 'ofair.dispute_opened',
    entityType: 'ofair_dispute',
    entityId: d.id,
    before: { payment_status: p.status },
    after: { lead_payment_id: p.id, opened_by_role: role, reason },
    actorRole: actingRole(caller),
  })
  await emitSettlement(tx, 'ofair_dispute.opened', d.id, {
    dispute_id: d.id,
    lead_payment_id: p.id,
    lead_id: p.lead_id,
    performer_professional_id: p.performer_professional_id,
    opened_by_role: role,
  })
  return d.id
}

/**
 * The side that did not open a dispute gives its statement, once, while the dispute is open: the
 * admin resolving it reads both. Locked with the payment, so two answers at once keep one.
 */
export async function answerDispute(
  tx: OfairTx,
  caller: OfairCaller,
  proposalId: string,
  response: string,
  now: Date,
): Promise<void> {
  const p = await lockedPayment(tx, { proposalId })
  if (!p) throw refuse('not_found', 'No such job')
  const role = await partyRoleOf(tx, caller, p)
  const d = await tx
    .selectFrom('ofair.disputes')
    .select(['id', 'status', 'opened_by_role', 'response', 'version'])
    .where('lead_payment_id', '=', p.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  if (d?.status !== 'open') throw refuse('dispute_not_open', 'There is no open dispute on this job')
  if (d.opened_by_role === role)
    throw refuse('dispute_own', 'You opened this dispute; the other side answers it')
  if (d.response !== null) throw refuse('dispute_already_answered', 'This dispute was already answered')
  await tx
    .updateTable('ofair.disputes')
    .set({ response, responded_by_user_id: caller.userId, responded_at: now, version: d.version + 1 })
    .where('id', '=', d.id)
    .execute()
  await appendAudit(tx, {
    action: 'ofair.dispute_answered',
    entityType: 'ofair_dispute',
    entityId: d.id,
    before: { response: null },
    after: { responded_by_role: role, response },
    actorRole: actingRole(caller),
  })
}

/** The parts of a job recomputed on a smaller final amount at its stored rates (a partial refund). */
async function recompute(tx: OfairTx, p: NonNullable<PaymentRow>, newFinal: bigint, now: Date) {
  const fees = await referrerFees(tx, p.id)
  let c: ReturnType<typeof computeCommission>
  try {
    c = computeCommission({
      leadType: fees.length ? 'professional_referral' : 'consumer',
      finalAmount: newFinal,
      leadCommissionBps: p.platform_commission_bps,
      minimumJobAmount: 0n,
      chain: fees.map((f) => ({
        level: f.level,
        referrerProfessionalId: f.referrer_professional_id,
        referralId: f.referral_id,
        shareBps: f.share_bps,
      })),
      subscriberCommissionBps: null,
      ruleVersion: p.rule_version,
    })
  } catch (err) {
    commissionRefusal(err)
  }
  await tx
    .updateTable('ofair.lead_payments')
    .set({
      final_amount_minor: c.finalAmount,
      platform_commission_minor: c.platformCommission,
      referrer_fee_minor: c.referrerFee,
      professional_net_amount_minor: c.performerNet,
      updated_at: now,
    })
    .where('id', '=', p.id)
    .execute()
  for (const f of c.referrerFees) {
    await tx
      .updateTable('ofair.lead_payment_referrer_fees')
      .set({ fee_minor: f.fee })
      .where('lead_payment_id', '=', p.id)
      .where('level', '=', f.level)
      .execute()
  }
  return (await paymentRow(tx, { id: p.id }))!
}

/**
 * An admin resolves a dispute with a note: release (the job stands), partial (the amount refunded
 * to the customer; the parts are recomputed on the rest at the stored rates) or refund. What was
 * booked is never edited: a paid job's posting is reversed and, for a partial refund, booked again
 * on the smaller amount.
 */
export async function resolveDispute(
  tx: OfairTx,
  caller: OfairCaller,
  disputeId: string,
  input: { outcome: 'release' | 'partial' | 'refund'; amount?: bigint | undefined; note: string },
  now: Date,
) {
  const seen = await tx
    .selectFrom('ofair.disputes')
    .select('lead_payment_id')
    .where('id', '=', disputeId)
    .executeTakeFirst()
  if (!seen) throw refuse('not_found', 'No such dispute')
  let p = (await lockedPayment(tx, { id: seen.lead_payment_id }))!
  const d = await tx
    .selectFrom('ofair.disputes')
    .selectAll()
    .where('id', '=', disputeId)
    .executeTakeFirstOrThrow()
  if (d.status !== 'open') throw refuse('dispute_not_open', 'The dispute was already resolved')
  if (input.outcome === 'partial') {
    if (input.amount === undefined || input.amount <= 0n || input.amount >= p.final_amount_minor) {
      throw refuse(
        'validation_failed',
        'body.amount: a partial refund is more than zero and less than the final amount',
        {
          field: 'body.amount',
        },
      )
    }
  }
  const paid = !!p.paid_at && !!p.settlement_posting_id
  let status: string
  if (input.outcome === 'refund') {
    if (paid)
      await reverse(tx, p.settlement_posting_id!, {
        idempotencyKey: `ofair:dispute:${d.id}:reversed`,
        reason: `Dispute ${d.id}: refund`,
        effectiveAt: now,
      })
    status = 'refunded'
  } else {
    if (input.outcome === 'partial') {
      if (paid)
        await reverse(tx, p.settlement_posting_id!, {
          idempotencyKey: `ofair:dispute:${d.id}:reversed`,
          reason: `Dispute ${d.id}: partial refund`,
          effectiveAt: now,
        })
      p = await recompute(tx, p, p.final_amount_minor - input.amount!, now)
    }
    if (paid) {
      let postingId = p.settlement_posting_id
      if (input.outcome === 'partial') {
        const fees = await referrerFees(tx, p.id)
        const { lines } = paidLines(p, fees, p.psp_provider ?? 'psp')
        postingId = (
          await post(tx, {
            book: OFAIR_BOOK,
            idempotencyKey: `ofair:lead_payment:${p.id}:paid:dispute:${d.id}`,
            kind: 'ofair.job_paid',
            reference: { type: 'ofair_lead_payment', id: p.id },
            description: `Job ${p.lead_id} after a partial refund (dispute ${d.id})`,
            effectiveAt: now,
            lines,
          })
        ).postingId
      }
      await releaseParts(tx, p, now, input.outcome === 'partial' ? `:dispute:${d.id}` : '')
      await tx
        .updateTable('ofair.lead_payments')
        .set({ settlement_posting_id: postingId, released_at: now })
        .where('id', '=', p.id)
        .execute()
      status = 'released'
    } else if (p.settlement_mode === 'b2b') {
      const postingId = await settleB2b(tx, p, now)
      await tx
        .updateTable('ofair.lead_payments')
        .set({ settlement_posting_id: postingId })
        .where('id', '=', p.id)
        .execute()
      status = 'confirmed'
    } else {
      status = 'confirmed'
    }
  }
  await tx
    .updateTable('ofair.lead_payments')
    .set({
      status,
      ...(status === 'confirmed' && !p.confirmed_at
        ? { confirmed_at: now, confirmed_by_user_id: caller.userId }
        : {}),
      updated_at: now,
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .execute()
  if (status === 'refunded') {
    await asSystem(tx, 'ofair.settlement_refund', async () => {
      const lead = await tx
        .selectFrom('ofair.leads')
        .select(['status', 'version'])
        .where('id', '=', p.lead_id)
        .executeTakeFirstOrThrow()
      if (lead.status !== 'closed') {
        await tx
          .updateTable('ofair.leads')
          .set({
            status: 'closed',
            close_reason: 'cancelled',
            closed_at: now,
            updated_at: now,
            version: lead.version + 1,
          })
          .where('id', '=', p.lead_id)
          .execute()
      }
    })
  } else {
    const fresh = (await paymentRow(tx, { id: p.id }))!
    await closeLeadCompleted(tx, fresh, now)
  }
  await tx
    .updateTable('ofair.disputes')
    .set({
      status: 'resolved',
      outcome: input.outcome,
      refund_amount_minor: input.outcome === 'partial' ? input.amount! : null,
      resolution_note: input.note,
      resolved_by_user_id: caller.userId,
      resolved_at: now,
      version: d.version + 1,
    })
    .where('id', '=', d.id)
    .execute()
  await appendAudit(tx, {
    action: 'ofair.dispute_resolved',
    entityType: 'ofair_dispute',
    entityId: d.id,
    before: { payment_status: 'disputed', final_amount_minor: d.payment_status_before },
    after: {
      outcome: input.outcome,
      refund_amount_minor: input.amount ?? null,
      note: input.note,
      payment_status: status,
    },
    actorRole: actingRole(caller),
  })
  await emitSettlement(tx, 'ofair_dispute.resolved', d.id, {
    dispute_id: d.id,
    lead_payment_id: p.id,
    lead_id: p.lead_id,
    performer_professional_id: p.performer_professional_id,
    outcome: input.outcome,
    refund_amount: input.outcome === 'partial' ? input.amount!.toString() : null,
  })
}

export function lockWallet(tx: OfairTx, professionalId: string) {
  return lockKey(tx, `ofair.wallet:${professionalId}`)
}
