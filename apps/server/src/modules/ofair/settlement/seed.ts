import { sql } from 'kysely'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { postMany } from '../../ledger/index.ts'
import type { OfairDatabase, OfairTx } from '../database.ts'
import { type ChainLevel, computeCommission } from './commission.ts'
import { b2bPostingCommand } from './service.ts'

/**
 * Demo data of OFAIR II: every job the OFAIR demo marketplace completed (about 45 leads, the
 * electrician persona's referred jobs among them) becomes a confirmed B2B job payment with its
 * commission, its chain's referral fees and its ledger posting, dated when the lead closed — so
 * the wallets and the admin finance page (months, balances, entries) are not empty. Multi-row
 * inserts and one posting per job in one transaction, as the system. Running it again changes
 * nothing (jobs that have a payment are skipped; postings are idempotent).
 */
export const demoSettlementSeed: SeedStep = {
  name: 'ofair.demo_settlement',
  version: 1,
  description: 'OFAIR demo job payments (commissions, referral fees, ledger postings)',
  after: ['ofair.demo'],
  async run(ctx) {
    const started = performance.now()
    return inTransaction<Record<string, unknown>, OfairDatabase>(ctx.db, systemActor('seed'), async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended('seed:ofair.demo_settlement', 0))`.execute(tx)
      const jobs = await completedJobsWithoutPayment(tx)
      if (!jobs.length) return { skipped: 'nothing to settle' }
      const settings = await tx.selectFrom('ofair.settlement_settings').selectAll().executeTakeFirstOrThrow()
      const planned = jobs.flatMap((j) => {
        const chain: ChainLevel[] = j.chain.length
          ? j.chain.map((c, i) => ({
              level: i + 1,
              referrerProfessionalId: c.referrer,
              referralId: c.id,
              shareBps: c.bps,
            }))
          : j.type === 'professional_referral' && j.owner_pro
            ? [
                {
                  level: 1,
                  referrerProfessionalId: j.owner_pro,
                  referralId: null,
                  shareBps: j.share_bps ?? 0,
                },
              ]
            : []
        try {
          const c = computeCommission({
            leadType: j.type as 'consumer' | 'professional_referral',
            finalAmount: BigInt(j.final_amount),
            leadCommissionBps: j.commission_bps,
            minimumJobAmount: 0n,
            chain,
            subscriberCommissionBps: j.subscriber
              ? j.type === 'consumer'
                ? settings.subscriber_consumer_commission_bps
                : settings.subscriber_professional_commission_bps
              : null,
            ruleVersion: settings.rule_version,
          })
          return [{ j, c }]
        } catch {
          return []
        }
      })
      const rows = await tx
        .insertInto('ofair.lead_payments')
        .values(
          planned.map(({ j, c }) => ({
            lead_id: j.lead_id,
            proposal_id: j.proposal_id,
            performer_professional_id: j.performer,
            payer_user_id: j.owner_user,
            settlement_mode: 'b2b',
            final_amount_minor: c.finalAmount,
            platform_commission_minor: c.platformCommission,
            referrer_fee_minor: c.referrerFee,
            professional_net_amount_minor: c.performerNet,
            platform_commission_bps: c.platformCommissionBps,
            referrer_share_bps: c.referrerShareBps,
            subscriber_rate: c.subscriberRate,
            rule_version: c.ruleVersion,
            status: 'confirmed',
            completed_at: new Date(j.closed_at.getTime() - 3_600_000),
            confirmed_at: j.closed_at,
            confirmed_by_user_id: j.owner_user,
            created_at: j.closed_at,
            updated_at: j.closed_at,
          })),
        )
        .returning(['id', 'lead_id'])
        .execute()
      const idOf = new Map(rows.map((r) => [r.lead_id, r.id]))
      const fees = planned.flatMap(({ j, c }) =>
        c.referrerFees.map((f) => ({
          lead_payment_id: idOf.get(j.lead_id)!,
          referrer_professional_id: f.referrerProfessionalId,
          referral_id: f.referralId,
          level: f.level,
          share_bps: f.shareBps,
          fee_minor: f.fee,
        })),
      )
      if (fees.length) await tx.insertInto('ofair.lead_payment_referrer_fees').values(fees).execute()
      const stored = await tx
        .selectFrom('ofair.lead_payments')
        .selectAll()
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
      const feesOf = new Map<string, { referrer_professional_id: string; fee_minor: bigint }[]>()
      for (const f of fees) {
        const list = feesOf.get(f.lead_payment_id) ?? []
        list.push({ referrer_professional_id: f.referrer_professional_id, fee_minor: f.fee_minor })
        feesOf.set(f.lead_payment_id, list)
      }
      const commands = stored.flatMap((p) => {
        const command = b2bPostingCommand(p, feesOf.get(p.id) ?? [], p.confirmed_at!)
        return command ? [{ id: p.id, command }] : []
      })
      const results = await postMany(
        tx,
        commands.map((c) => c.command),
      )
      const postings = commands.map((c, i) => ({ id: c.id, posting: results[i]!.postingId }))
      if (postings.length) {
        await sql`update ofair.lead_payments p set settlement_posting_id = u.posting
          from (select * from jsonb_to_recordset(${JSON.stringify(postings)}::jsonb) as x(id uuid, posting uuid)) u
          where p.id = u.id`.execute(tx)
      }
      await appendAudit(tx, {
        action: 'seed.ofair_demo_settlement_loaded',
        entityType: 'seed',
        entityId: 'ofair.demo_settlement',
        after: { payments: rows.length, referrer_fees: fees.length },
        actorRole: 'system',
      })
      return {
        payments: rows.length,
        referrer_fees: fees.length,
        ms: Math.round(performance.now() - started),
      }
    })
  },
}

async function completedJobsWithoutPayment(tx: OfairTx) {
  return (
    await sql<{
      lead_id: string
      proposal_id: string
      type: string
      performer: string
      owner_user: string
      owner_pro: string | null
      share_bps: number | null
      commission_bps: number
      final_amount: string
      closed_at: Date
      subscriber: boolean
      chain: { id: string; referrer: string; bps: number }[]
    }>`
      select l.id as lead_id, l.accepted_proposal_id as proposal_id, l.type, pr.professional_id as performer,
             l.created_by_user_id as owner_user, l.created_by_professional_id as owner_pro,
             l.referrer_share_bps as share_bps, l.platform_commission_bps as commission_bps,
             l.final_amount_minor::text as final_amount, l.closed_at,
             exists (select 1 from ofair.subscriptions s where s.professional_id = pr.professional_id
                      and s.starts_at <= l.closed_at and s.ends_at > l.closed_at) as subscriber,
             coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'referrer', r.referrer_professional_id,
                                                           'bps', r.commission_bps) order by r.level)
                         from ofair.referrals r where r.lead_id = l.id and r.status = 'completed'), '[]'::jsonb) as chain
        from ofair.leads l
        join ofair.proposals pr on pr.id = l.accepted_proposal_id
       where l.status = 'closed' and l.close_reason = 'completed'
         and not exists (select 1 from ofair.lead_payments p where p.lead_id = l.id)
       order by l.closed_at, l.id`.execute(tx)
  ).rows
}
