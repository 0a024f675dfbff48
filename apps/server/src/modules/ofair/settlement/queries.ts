import { sql } from 'kysely'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { postingsAbout } from '../../ledger/index.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { shekels } from '../schemas.ts'
import { presentWithdrawal } from './wallet.ts'

type Where = { id: string } | { leadId: string }

/**
 * A job's payment as its parties see it: the performer, the lead's owner and admins see every
 * figure; a referrer in the chain sees the job and their own fee. Anyone else: 404.
 */
export async function paymentView(tx: OfairTx, caller: OfairCaller, where: Where) {
  let q = tx
    .selectFrom('ofair.lead_payments as p')
    .innerJoin('ofair.leads as l', 'l.id', 'p.lead_id')
    .selectAll('p')
    .select(['l.title as lead_title', 'l.type as lead_type', 'l.created_by_user_id as owner_user_id'])
  q = 'id' in where ? q.where('p.id', '=', where.id) : q.where('p.lead_id', '=', where.leadId)
  const p = await asSystem(tx, 'ofair.payment_view', () => q.executeTakeFirst())
  if (!p) throw refuse('not_found', 'No payment for this job yet')
  const fees = await tx
    .selectFrom('ofair.lead_payment_referrer_fees as f')
    .innerJoin('ofair.professionals as pr', 'pr.id', 'f.referrer_professional_id')
    .select([
      'f.level',
      'f.referrer_professional_id',
      'pr.display_name',
      'f.referral_id',
      'f.share_bps',
      'f.fee_minor',
    ])
    .where('f.lead_payment_id', '=', p.id)
    .orderBy('f.level')
    .execute()
  const performer = await tx
    .selectFrom('ofair.professionals')
    .select(['display_name'])
    .where('id', '=', p.performer_professional_id)
    .executeTakeFirstOrThrow()
  const full =
    caller.isAdmin ||
    p.owner_user_id === caller.userId ||
    caller.professionalId === p.performer_professional_id
  const ownFees = fees.filter((f) => f.referrer_professional_id === caller.professionalId)
  if (!full && ownFees.length === 0) throw refuse('not_found', 'No such payment')
  const shown = full ? fees : ownFees
  const dispute = await tx
    .selectFrom('ofair.disputes')
    .selectAll()
    .where('lead_payment_id', '=', p.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  const ledger = caller.isAdmin ? await postingsAbout(tx, { type: 'ofair_lead_payment', id: p.id }) : []
  return {
    id: p.id,
    lead_id: p.lead_id,
    lead_title: p.lead_title,
    lead_type: p.lead_type,
    proposal_id: p.proposal_id,
    performer: { id: p.performer_professional_id, display_name: performer.display_name },
    settlement_mode: p.settlement_mode,
    status: p.status,
    final_amount: shekels(p.final_amount_minor)!,
    platform_commission: full ? shekels(p.platform_commission_minor) : null,
    platform_commission_percentage: p.platform_commission_bps / 100,
    referrer_fee: shekels(full ? p.referrer_fee_minor : ownFees.reduce((s, f) => s + f.fee_minor, 0n))!,
    professional_net_amount: full ? shekels(p.professional_net_amount_minor) : null,
    referrer_fees: shown.map((f) => ({
      level: f.level,
      referrer: { id: f.referrer_professional_id, display_name: f.display_name },
      referral_id: f.referral_id,
      share_percentage: f.share_bps / 100,
      fee: shekels(f.fee_minor)!,
    })),
    subscriber_rate: p.subscriber_rate,
    rule_version: p.rule_version,
    completed_at: p.completed_at.toISOString(),
    confirmed_at: p.confirmed_at?.toISOString() ?? null,
    paid_at: p.paid_at?.toISOString() ?? null,
    hold_until: p.hold_until?.toISOString() ?? null,
    released_at: p.released_at?.toISOString() ?? null,
    psp_provider: p.psp_provider,
    dispute: dispute
      ? {
          id: dispute.id,
          status: dispute.status,
          opened_by_role: dispute.opened_by_role,
          reason: dispute.reason,
          response: dispute.response,
          responded_at: dispute.responded_at?.toISOString() ?? null,
          outcome: dispute.outcome,
          resolution_note: dispute.resolution_note,
        }
      : null,
    you: {
      is_owner: p.owner_user_id === caller.userId,
      is_performer: caller.professionalId === p.performer_professional_id,
      is_referrer: ownFees.length > 0,
    },
    ledger: ledger.map((posting) => ({
      id: posting.id,
      kind: posting.kind,
      description: posting.description,
      reverses: posting.reverses,
      reversed_by: posting.reversed_by,
      effective_at: posting.effective_at.toISOString(),
      entries: posting.entries.map((e) => ({
        account_kind: e.account_kind,
        owner_type: e.owner.type,
        owner_id: e.owner.id,
        direction: e.direction,
        amount: shekels(e.amount.amount)!,
      })),
    })),
    version: p.version,
  }
}

/** Admin: disputes (open first, oldest first). */
export async function disputeQueue(tx: OfairTx, status: 'open' | 'resolved' | undefined) {
  let q = tx
    .selectFrom('ofair.disputes as d')
    .innerJoin('ofair.lead_payments as p', 'p.id', 'd.lead_payment_id')
    .innerJoin('ofair.leads as l', 'l.id', 'p.lead_id')
    .select([
      'd.id',
      'd.lead_payment_id',
      'p.lead_id',
      'l.title as lead_title',
      'd.opened_by_role',
      'd.reason',
      'd.status',
      'd.outcome',
      'd.refund_amount_minor',
      'd.resolution_note',
      'd.created_at',
      'd.resolved_at',
      'p.final_amount_minor',
      'p.settlement_mode',
    ])
    .orderBy('d.created_at')
    .limit(200)
  if (status) q = q.where('d.status', '=', status)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    lead_payment_id: r.lead_payment_id,
    lead_id: r.lead_id,
    lead_title: r.lead_title,
    opened_by_role: r.opened_by_role,
    reason: r.reason,
    status: r.status,
    outcome: r.outcome,
    refund_amount: shekels(r.refund_amount_minor),
    resolution_note: r.resolution_note,
    final_amount: shekels(r.final_amount_minor)!,
    settlement_mode: r.settlement_mode,
    created_at: r.created_at.toISOString(),
    resolved_at: r.resolved_at?.toISOString() ?? null,
  }))
}

/** Admin: withdrawals (requested first). */
export async function withdrawalQueue(
  tx: OfairTx,
  status: 'requested' | 'approved' | 'rejected' | undefined,
) {
  let q = tx
    .selectFrom('ofair.withdrawals as w')
    .innerJoin('ofair.professionals as pr', 'pr.id', 'w.professional_id')
    .selectAll('w')
    .select('pr.display_name')
    .orderBy('w.created_at')
    .limit(200)
  if (status) q = q.where('w.status', '=', status)
  const rows = await q.execute()
  return rows.map((r) => ({ ...presentWithdrawal(r), display_name: r.display_name }))
}

/**
 * Admin: the platform's commissions by month (Asia/Jerusalem, by confirmation) and the jobs
 * behind them (status not refunded or cancelled), newest first.
 */
export async function commissionsReport(tx: OfairTx) {
  const months = await sql<{
    month: string
    jobs: number
    final_amount: string
    commission: string
    referrer_fees: string
  }>`
    select to_char(p.confirmed_at at time zone 'Asia/Jerusalem', 'YYYY-MM') as month,
           count(*)::int as jobs,
           sum(p.final_amount_minor)::text as final_amount,
           sum(p.platform_commission_minor)::text as commission,
           sum(p.referrer_fee_minor)::text as referrer_fees
      from ofair.lead_payments p
     where p.confirmed_at is not null and p.status not in ('refunded', 'cancelled')
     group by 1 order by 1`.execute(tx)
  const jobs = await tx
    .selectFrom('ofair.lead_payments as p')
    .innerJoin('ofair.leads as l', 'l.id', 'p.lead_id')
    .innerJoin('ofair.professionals as pr', 'pr.id', 'p.performer_professional_id')
    .select([
      'p.id',
      'p.lead_id',
      'l.title as lead_title',
      'l.type as lead_type',
      'pr.display_name as performer',
      'p.performer_professional_id',
      'p.settlement_mode',
      'p.status',
      'p.final_amount_minor',
      'p.platform_commission_minor',
      'p.platform_commission_bps',
      'p.referrer_fee_minor',
      'p.professional_net_amount_minor',
      'p.rule_version',
      'p.completed_at',
      'p.confirmed_at',
    ])
    .orderBy('p.completed_at', 'desc')
    .limit(500)
    .execute()
  return {
    months: months.rows.map((m) => ({
      month: m.month,
      jobs: m.jobs,
      final_amount: shekels(BigInt(m.final_amount))!,
      platform_commission: shekels(BigInt(m.commission))!,
      referrer_fees: shekels(BigInt(m.referrer_fees))!,
    })),
    jobs: jobs.map((j) => ({
      id: j.id,
      lead_id: j.lead_id,
      lead_title: j.lead_title,
      lead_type: j.lead_type,
      performer: { id: j.performer_professional_id, display_name: j.performer },
      settlement_mode: j.settlement_mode,
      status: j.status,
      final_amount: shekels(j.final_amount_minor)!,
      platform_commission: shekels(j.platform_commission_minor)!,
      platform_commission_percentage: j.platform_commission_bps / 100,
      referrer_fee: shekels(j.referrer_fee_minor)!,
      professional_net_amount: shekels(j.professional_net_amount_minor)!,
      rule_version: j.rule_version,
      completed_at: j.completed_at.toISOString(),
      confirmed_at: j.confirmed_at?.toISOString() ?? null,
    })),
  }
}
