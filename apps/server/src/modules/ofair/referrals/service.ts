import { asSystem } from '../../../kernel/db/transaction.ts'
import { lockLead, type OfairCaller, requireProfessional } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { emit } from '../events.ts'
import { requireShare } from '../leads/service.ts'
import { refuse } from '../messages.ts'
import { toBps } from '../schemas.ts'
import type { TShareIn } from './schemas.ts'

const MAX_LEVEL = 4

/**
 * Offers a professional lead to one or more professionals. The uploader offers at level 1 with the
 * lead's share; a receiver who accepted may refer onward one level down with a share of their own,
 * the chain's total at most 90%, at most four levels. Never to oneself, nor to anyone already in the
 * chain. The lead's row is locked first, so concurrent offers and acceptances see one another. The
 * database's trigger checks the same chain rules again.
 */
export async function shareLead(
  tx: OfairTx,
  caller: OfairCaller,
  leadId: string,
  input: TShareIn,
  now: Date,
): Promise<string[]> {
  const me = await requireProfessional(tx, caller)
  await lockLead(tx, leadId)
  const lead = await tx.selectFrom('ofair.leads').selectAll().where('id', '=', leadId).executeTakeFirst()
  if (!lead) throw refuse('not_found', 'No such lead')
  if (lead.type !== 'professional_referral')
    throw refuse('lead_not_shareable', 'Consumer requests are not referred')
  if (lead.status !== 'active') throw refuse('lead_not_open', `The lead is ${lead.status}`)
  // the whole chain, as the system: the caller's own policies show only the offers they sent or
  // received, and the loop check needs every level above them
  const chain = await asSystem(tx, 'ofair.referral_chain', () =>
    tx
      .selectFrom('ofair.referrals')
      .select([
        'id',
        'parent_referral_id',
        'level',
        'referrer_professional_id',
        'receiver_professional_id',
        'status',
        'chain_total_bps',
      ])
      .where('lead_id', '=', leadId)
      .execute(),
  )
  let level: number
  let commission: number
  let parent: (typeof chain)[number] | undefined
  if (lead.created_by_professional_id === me) {
    level = 1
    commission = lead.referrer_share_bps ?? 0
  } else {
    parent = chain
      .filter((r) => r.receiver_professional_id === me && r.status === 'accepted')
      .sort((a, b) => b.level - a.level)[0]
    if (!parent)
      throw refuse('not_in_chain', 'Only the uploader or a receiver who accepted may refer this lead')
    level = parent.level + 1
    if (level > MAX_LEVEL) throw refuse('referral_chain_too_long', 'A referral chain has at most 4 levels')
    if (input.commission_percentage === undefined) {
      throw refuse('validation_failed', 'body.commission_percentage: required for an onward referral', {
        field: 'body.commission_percentage',
      })
    }
    commission = toBps(input.commission_percentage)
    requireShare(commission, 'body.commission_percentage')
    if (parent.chain_total_bps + commission > 9000) {
      throw refuse(
        'share_too_high',
        `body.commission_percentage: the chain would total ${(parent.chain_total_bps + commission) / 100}%`,
        {
          field: 'body.commission_percentage',
          meta: { chain_total_percentage: parent.chain_total_bps / 100, max_percentage: 90 },
        },
      )
    }
  }
  if (chain.some((r) => r.level === level && (r.status === 'accepted' || r.status === 'completed'))) {
    throw refuse('lead_already_claimed', `Level ${level} of this lead was already accepted`)
  }
  // who is already in this branch of the chain: the uploader and everyone above the sharer
  const inChain = new Set<string>([lead.created_by_professional_id ?? ''])
  for (let r = parent; r; r = chain.find((x) => x.id === r?.parent_referral_id)) {
    inChain.add(r.referrer_professional_id)
    inChain.add(r.receiver_professional_id)
  }
  const receivers = [...new Set(input.receiver_ids)]
  const known = new Set(
    (await tx.selectFrom('ofair.professionals').select('id').where('id', 'in', receivers).execute()).map(
      (r) => r.id,
    ),
  )
  for (const receiver of receivers) {
    if (receiver === me)
      throw refuse('self_referral', 'You cannot refer a lead to yourself', { field: 'body.receiver_ids' })
    if (!known.has(receiver))
      throw refuse('unprocessable', `body.receiver_ids: no professional ${receiver}`, {
        field: 'body.receiver_ids',
      })
    if (inChain.has(receiver))
      throw refuse('referral_loop', 'The receiver is already in this lead’s chain', {
        field: 'body.receiver_ids',
      })
    if (chain.some((r) => r.receiver_professional_id === receiver && r.status !== 'rejected')) {
      throw refuse('already_referred', 'This professional already has an offer of this lead', {
        field: 'body.receiver_ids',
      })
    }
  }
  const rows = await tx
    .insertInto('ofair.referrals')
    .values(
      receivers.map((receiver) => ({
        lead_id: leadId,
        parent_referral_id: parent?.id ?? null,
        referrer_professional_id: me,
        receiver_professional_id: receiver,
        level,
        commission_bps: commission,
        chain_total_bps: (parent?.chain_total_bps ?? 0) + commission,
        note: input.note ?? null,
        created_at: now,
      })),
    )
    .returning(['id', 'receiver_professional_id', 'chain_total_bps'])
    .execute()
  for (const r of rows) {
    await emit(tx, 'ofair_referral.offered', r.id, {
      referral_id: r.id,
      lead_id: leadId,
      level,
      referrer_professional_id: me,
      receiver_professional_id: r.receiver_professional_id,
      commission_bps: commission,
      chain_total_bps: r.chain_total_bps,
    })
  }
  return rows.map((r) => r.id)
}

async function lockOffer(tx: OfairTx, caller: OfairCaller, id: string) {
  const me = await requireProfessional(tx, caller)
  const found = await tx
    .selectFrom('ofair.referrals')
    .select(['lead_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!found) throw refuse('not_found', 'No such referral')
  // the lead's lock first (every change of its chain takes it), then the offer as it is now
  await lockLead(tx, found.lead_id)
  const lead = await tx
    .selectFrom('ofair.leads')
    .select(['status'])
    .where('id', '=', found.lead_id)
    .executeTakeFirstOrThrow()
  const r = await tx.selectFrom('ofair.referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  if (r.receiver_professional_id !== me) throw refuse('forbidden', 'Only the receiver answers an offer')
  if (r.status !== 'pending') throw refuse('referral_not_pending', `The referral is ${r.status}`)
  return { r, lead }
}

/** The receiver claims the lead: their offer is accepted and the other open offers of its level close. */
export async function acceptReferral(tx: OfairTx, caller: OfairCaller, id: string, now: Date): Promise<void> {
  const { r, lead } = await lockOffer(tx, caller, id)
  if (lead.status !== 'active') throw refuse('lead_not_open', `The lead is ${lead.status}`)
  const claimed = await tx
    .selectFrom('ofair.referrals')
    .select('id')
    .where('lead_id', '=', r.lead_id)
    .where('level', '=', r.level)
    .where('status', 'in', ['accepted', 'completed'])
    .executeTakeFirst()
  if (claimed) throw refuse('lead_already_claimed', 'Someone else accepted this lead first')
  await tx
    .updateTable('ofair.referrals')
    .set({ status: 'accepted', accepted_at: now, version: r.version + 1 })
    .where('id', '=', id)
    .execute()
  // the other open offers of the level are other people's rows: closed as the system
  await asSystem(tx, 'ofair.referral_claimed', () =>
    tx
      .updateTable('ofair.referrals')
      .set({ status: 'rejected', closed_reason: 'claimed_by_other', rejected_at: now })
      .where('lead_id', '=', r.lead_id)
      .where('level', '=', r.level)
      .where('status', '=', 'pending')
      .execute(),
  )
  await emit(tx, 'ofair_referral.accepted', id, {
    referral_id: id,
    lead_id: r.lead_id,
    referrer_professional_id: r.referrer_professional_id,
    receiver_professional_id: r.receiver_professional_id,
  })
}

export async function rejectReferral(tx: OfairTx, caller: OfairCaller, id: string, now: Date): Promise<void> {
  const { r } = await lockOffer(tx, caller, id)
  await tx
    .updateTable('ofair.referrals')
    .set({ status: 'rejected', closed_reason: 'declined', rejected_at: now, version: r.version + 1 })
    .where('id', '=', id)
    .execute()
  await emit(tx, 'ofair_referral.rejected', id, {
    referral_id: id,
    lead_id: r.lead_id,
    referrer_professional_id: r.referrer_professional_id,
    receiver_professional_id: r.receiver_professional_id,
  })
}
