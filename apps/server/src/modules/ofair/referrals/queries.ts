import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'

function referralRows(tx: OfairTx) {
  return tx
    .selectFrom('ofair.referrals as r')
    .innerJoin('ofair.leads as l', 'l.id', 'r.lead_id')
    .innerJoin('ofair.categories as c', 'c.id', 'l.category_id')
    .innerJoin('ofair.localities as loc', 'loc.id', 'l.locality_id')
    .innerJoin('ofair.professionals as a', 'a.id', 'r.referrer_professional_id')
    .innerJoin('ofair.professionals as b', 'b.id', 'r.receiver_professional_id')
    .select([
      'r.id',
      'r.lead_id',
      'l.title',
      'l.status as lead_status',
      'l.category_id',
      'c.name_he as category_name',
      'l.locality_id',
      'loc.name_he as locality_name',
      'r.level',
      'r.referrer_professional_id',
      'a.display_name as referrer_name',
      'r.receiver_professional_id',
      'b.display_name as receiver_name',
      'r.commission_bps',
      'r.chain_total_bps',
      'r.status',
      'r.closed_reason',
      'r.note',
      'r.created_at',
      'r.accepted_at',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof referralRows>['execute']>>[number]

export function referralOut(r: Row, me: string | null) {
  return {
    id: r.id,
    lead: {
      id: r.lead_id,
      title: r.title,
      status: r.lead_status as 'active' | 'pending' | 'closed',
      category: { id: r.category_id, name: r.category_name },
      locality: { id: r.locality_id, name: r.locality_name },
    },
    level: r.level,
    referrer: { id: r.referrer_professional_id, display_name: r.referrer_name },
    receiver: { id: r.receiver_professional_id, display_name: r.receiver_name },
    commission_percentage: r.commission_bps / 100,
    chain_total_percentage: r.chain_total_bps / 100,
    status: r.status as 'pending' | 'accepted' | 'rejected' | 'completed',
    closed_reason: r.closed_reason as 'declined' | 'claimed_by_other' | 'lead_closed' | null,
    note: r.note,
    created_at: r.created_at,
    accepted_at: r.accepted_at,
    direction: (r.receiver_professional_id === me ? 'received' : 'sent') as 'received' | 'sent',
  }
}

/** The caller's referrals: offers they received (their inbox) or sent, newest first. */
export async function myReferrals(
  tx: OfairTx,
  caller: OfairCaller,
  f: {
    direction: 'received' | 'sent'
    status?: string | undefined
    limit: number
    starting_after?: string | undefined
  },
) {
  const me = caller.professionalId ?? '00000000-0000-0000-0000-000000000000'
  let q = referralRows(tx)
    .select(exactTime('r.created_at'))
    .where(f.direction === 'received' ? 'r.receiver_professional_id' : 'r.referrer_professional_id', '=', me)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1)
  if (f.status) q = q.where('r.status', '=', f.status)
  if (f.starting_after) q = q.where(olderThanCursor(f.starting_after, 'r.created_at', 'r.id'))
  const page = timeIdPage(await q.execute(), f.limit)
  return { ...page, data: page.data.map((r) => referralOut(r, caller.professionalId)) }
}

export async function getReferral(tx: OfairTx, caller: OfairCaller, id: string) {
  const row = await referralRows(tx).where('r.id', '=', id).executeTakeFirst()
  return row ? referralOut(row, caller.professionalId) : undefined
}
