import { sql } from 'kysely'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { signedFileUrl } from '../files/signed-url.ts'
import { refuse } from '../messages.ts'
import { leadCardOut } from './board.ts'

/** Leads with the names of their category, subcategory, locality and owning professional. */
export function leadRows(tx: OfairTx) {
  return tx
    .selectFrom('ofair.leads as l')
    .innerJoin('ofair.categories as c', 'c.id', 'l.category_id')
    .leftJoin('ofair.categories as sc', 'sc.id', 'l.subcategory_id')
    .innerJoin('ofair.localities as loc', 'loc.id', 'l.locality_id')
    .leftJoin('ofair.professionals as p', 'p.id', 'l.created_by_professional_id')
    .select([
      'l.id',
      'l.type',
      'l.title',
      'l.short_description',
      'l.category_id',
      'c.name_he as category_name',
      'l.subcategory_id',
      'sc.name_he as subcategory_name',
      'l.locality_id',
      'loc.name_he as locality_name',
      'loc.district_he',
      'l.budget_min_minor',
      'l.budget_max_minor',
      'l.referrer_share_bps',
      'l.proposals_count',
      'l.published_at',
      'l.priority',
      'l.created_by_professional_id as owner_professional_id',
      'p.display_name as owner_name',
      'l.status',
      'l.close_reason',
      'l.preferred_schedule',
      'l.platform_commission_bps',
      'l.final_amount_minor',
      'l.accepted_proposal_id',
      'l.created_by_user_id',
      'l.created_at',
      'l.updated_at',
      'l.version',
    ])
}

export type LeadRow = NonNullable<Awaited<ReturnType<ReturnType<typeof leadRows>['executeTakeFirst']>>>

/** A lead the caller may see (row-level security says the same), or 404. */
export async function getLeadRow(tx: OfairTx, _caller: OfairCaller, id: string): Promise<LeadRow> {
  const row = await leadRows(tx).where('l.id', '=', id).executeTakeFirst()
  if (!row) throw refuse('not_found', 'No such lead')
  return row
}

export const statusOf = (s: string) => s as 'active' | 'pending' | 'closed'
const money = (v: bigint | null) => (v === null ? null : { amount: v.toString(), currency: 'ILS' })

/** One lead as its page shows it to this caller. */
export async function leadDetail(tx: OfairTx, caller: OfairCaller, id: string, secret: string, now: Date) {
  const l = await getLeadRow(tx, caller, id)
  const me = caller.professionalId
  const isOwner = l.created_by_user_id === caller.userId
  const [subtype, revealed, chain, mine, winner, attachments, distance] = await Promise.all([
    // the subtype rows are readable by the owner, the winner and admins only (row-level security);
    // their non-personal columns are read here, the client's details only through GET …/client
    l.type === 'consumer'
      ? tx
          .selectFrom('ofair.consumer_leads')
          .select(['full_description', sql<string>`''`.as('client_notes')])
          .where('lead_id', '=', id)
          .executeTakeFirst()
      : tx
          .selectFrom('ofair.professional_leads')
          .select([sql<string>`''`.as('full_description'), 'client_notes'])
          .where('lead_id', '=', id)
          .executeTakeFirst(),
    sql<{ yes: boolean }>`select ofair.is_revealed_to_me(${id}::uuid) as yes`.execute(tx),
    tx
      .selectFrom('ofair.referrals as r')
      .innerJoin('ofair.professionals as a', 'a.id', 'r.referrer_professional_id')
      .innerJoin('ofair.professionals as b', 'b.id', 'r.receiver_professional_id')
      .select([
        'r.id',
        'r.level',
        'r.referrer_professional_id',
        'a.display_name as referrer_name',
        'r.receiver_professional_id',
        'b.display_name as receiver_name',
        'r.commission_bps',
        'r.chain_total_bps',
        'r.status',
        'r.created_at',
      ])
      .where('r.lead_id', '=', id)
      .orderBy('r.level')
      .orderBy('r.created_at')
      .execute(),
    me
      ? tx
          .selectFrom('ofair.proposals')
          .select(['id', 'status'])
          .where('lead_id', '=', id)
          .where('professional_id', '=', me)
          .orderBy('created_at', 'desc')
          .executeTakeFirst()
      : undefined,
    l.accepted_proposal_id
      ? tx
          .selectFrom('ofair.proposals as pr')
          .innerJoin('ofair.professionals as p', 'p.id', 'pr.professional_id')
          .select(['p.id', 'p.display_name'])
          .where('pr.id', '=', l.accepted_proposal_id)
          .executeTakeFirst()
      : undefined,
    asSystem(tx, 'ofair.lead_attachments', () =>
      tx
        .selectFrom('ofair.lead_attachments as a')
        .innerJoin('ofair.files as f', 'f.id', 'a.file_id')
        .select(['f.id', 'f.original_name', 'f.mime'])
        .where('a.lead_id', '=', id)
        .orderBy('a.position')
        .execute(),
    ),
    me
      ? sql<{ meters: number }>`select earth_distance(ll_to_earth(x.lat, x.lng),
            ll_to_earth(b.lat, b.lng)) as meters
          from ofair.localities x, ofair.professionals p join ofair.localities b on b.id = p.base_locality_id
         where x.id = ${l.locality_id} and p.id = ${me}`.execute(tx)
      : undefined,
  ])
  const revealedToMe = revealed.rows[0]?.yes === true
  const canSeeClient = isOwner || revealedToMe || caller.isAdmin
  const myReferral = me
    ? chain.filter((r) => r.receiver_professional_id === me).sort((a, b) => b.level - a.level)[0]
    : undefined
  const acceptedLevels = new Set(
    chain.filter((r) => r.status === 'accepted' || r.status === 'completed').map((r) => r.level),
  )
  const shareLevel = isOwner && me ? 1 : myReferral?.status === 'accepted' ? myReferral.level + 1 : undefined
  const canShare =
    l.status === 'active' &&
    l.type === 'professional_referral' &&
    shareLevel !== undefined &&
    shareLevel <= 4 &&
    !acceptedLevels.has(shareLevel)
  const canPropose =
    l.status === 'active' && !!me && !isOwner && (!mine || !['pending', 'accepted'].includes(mine.status))
  return {
    ...leadCardOut(l, distance?.rows[0]?.meters ?? null),
    status: statusOf(l.status),
    close_reason: l.close_reason as 'completed' | 'cancelled' | 'removed' | null,
    preferred_schedule: l.preferred_schedule,
    full_description: subtype ? subtype.full_description || null : null,
    client_notes: subtype ? subtype.client_notes || null : null,
    platform_commission_percentage: l.platform_commission_bps / 100,
    final_amount: money(l.final_amount_minor),
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.original_name,
      mime: a.mime,
      url: signedFileUrl(secret, a.id, now),
    })),
    is_owner: isOwner,
    accepted_proposal_id: isOwner || revealedToMe || caller.isAdmin ? l.accepted_proposal_id : null,
    winner: winner && (isOwner || revealedToMe || caller.isAdmin) ? winner : null,
    my_proposal: mine ?? null,
    my_referral: myReferral
      ? {
          id: myReferral.id,
          status: myReferral.status,
          level: myReferral.level,
          chain_total_percentage: myReferral.chain_total_bps / 100,
        }
      : null,
    chain: chain.map((r) => ({
      id: r.id,
      level: r.level,
      referrer: { id: r.referrer_professional_id, display_name: r.referrer_name },
      receiver: { id: r.receiver_professional_id, display_name: r.receiver_name },
      commission_percentage: r.commission_bps / 100,
      chain_total_percentage: r.chain_total_bps / 100,
      status: r.status as 'pending' | 'accepted' | 'rejected' | 'completed',
      created_at: r.created_at,
    })),
    can_propose: canPropose,
    can_share: canShare,
    can_see_client: canSeeClient,
    created_at: l.created_at,
    updated_at: l.updated_at,
    version: l.version,
  }
}

/** The caller's own leads (requests or uploads), newest first. */
export async function myLeads(
  tx: OfairTx,
  caller: OfairCaller,
  f: { status?: string | undefined; limit: number; starting_after?: string | undefined },
) {
  let q = leadRows(tx)
    .select(exactTime('l.created_at'))
    .where('l.created_by_user_id', '=', caller.userId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(f.limit + 1)
  if (f.status) q = q.where('l.status', '=', f.status)
  if (f.starting_after) q = q.where(olderThanCursor(f.starting_after, 'l.created_at', 'l.id'))
  const page = timeIdPage(await q.execute(), f.limit)
  return { ...page, data: page.data.map(summaryOut) }
}

export function summaryOut(l: Omit<LeadRow, 'cursor_at'>) {
  return {
    ...leadCardOut(l, null),
    status: statusOf(l.status),
    close_reason: l.close_reason as 'completed' | 'cancelled' | 'removed' | null,
    created_at: l.created_at,
  }
}
