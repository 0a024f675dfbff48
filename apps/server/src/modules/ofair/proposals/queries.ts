import { asSystem } from '../../../kernel/db/transaction.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { signedFileUrl } from '../files/signed-url.ts'
import { ratingOf } from '../professionals/queries.ts'

function proposalRows(tx: OfairTx) {
  return tx
    .selectFrom('ofair.proposals as pr')
    .innerJoin('ofair.professionals as p', 'p.id', 'pr.professional_id')
    .select([
      'pr.id',
      'pr.lead_id',
      'pr.professional_id',
      'p.display_name',
      'p.rating_sum',
      'p.review_count',
      'p.status as professional_status',
      'pr.price_minor',
      'pr.description',
      'pr.scheduled_date',
      'pr.status',
      'pr.rejected_reason',
      'pr.created_at',
      'pr.updated_at',
      'pr.version',
    ])
}
type ProposalRow = Awaited<ReturnType<ReturnType<typeof proposalRows>['execute']>>[number]

async function mediaOf(tx: OfairTx, ids: string[], secret: string, now: Date) {
  if (ids.length === 0) return new Map<string, { id: string; name: string; mime: string; url: string }[]>()
  const rows = await asSystem(tx, 'ofair.proposal_media', () =>
    tx
      .selectFrom('ofair.proposal_media as m')
      .innerJoin('ofair.files as f', 'f.id', 'm.file_id')
      .select(['m.proposal_id', 'f.id', 'f.original_name', 'f.mime'])
      .where('m.proposal_id', 'in', ids)
      .orderBy('m.position')
      .execute(),
  )
  const out = new Map<string, { id: string; name: string; mime: string; url: string }[]>()
  for (const r of rows) {
    out.set(r.proposal_id, [
      ...(out.get(r.proposal_id) ?? []),
      { id: r.id, name: r.original_name, mime: r.mime, url: signedFileUrl(secret, r.id, now) },
    ])
  }
  return out
}

function proposalOut(
  r: ProposalRow,
  caller: OfairCaller,
  media: Map<string, { id: string; name: string; mime: string; url: string }[]>,
) {
  return {
    id: r.id,
    lead_id: r.lead_id,
    professional: {
      id: r.professional_id,
      display_name: r.display_name,
      rating: ratingOf(r),
      review_count: r.review_count,
      verified: r.professional_status === 'verified',
    },
    price: { amount: r.price_minor.toString(), currency: 'ILS' },
    description: r.description,
    scheduled_date: r.scheduled_date,
    status: r.status as 'pending' | 'accepted' | 'rejected' | 'cancelled',
    rejected_reason: r.rejected_reason as 'another_accepted' | 'lead_closed' | null,
    media: media.get(r.id) ?? [],
    created_at: r.created_at,
    updated_at: r.updated_at,
    version: r.version,
    is_mine: r.professional_id === caller.professionalId,
  }
}

/**
 * A lead's proposals: its owner (and admins) see all of them, a professional only their own; row-
 * level security says the same.
 */
export async function leadProposals(
  tx: OfairTx,
  caller: OfairCaller,
  leadId: string,
  secret: string,
  now: Date,
) {
  let q = proposalRows(tx).where('pr.lead_id', '=', leadId).orderBy('pr.created_at').orderBy('pr.id')
  const owner = await tx
    .selectFrom('ofair.leads')
    .select('created_by_user_id')
    .where('id', '=', leadId)
    .executeTakeFirst()
  if (!caller.isAdmin && owner?.created_by_user_id !== caller.userId) {
    q = q.where('pr.professional_id', '=', caller.professionalId ?? '00000000-0000-0000-0000-000000000000')
  }
  const rows = await q.execute()
  const media = await mediaOf(
    tx,
    rows.map((r) => r.id),
    secret,
    now,
  )
  return rows.map((r) => proposalOut(r, caller, media))
}

export async function getProposal(tx: OfairTx, caller: OfairCaller, id: string, secret: string, now: Date) {
  const row = await proposalRows(tx).where('pr.id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return proposalOut(row, caller, await mediaOf(tx, [id], secret, now))
}

/** The caller's proposals with their leads, newest first. */
export async function myProposals(
  tx: OfairTx,
  caller: OfairCaller,
  f: { status?: string | undefined; limit: number; starting_after?: string | undefined },
  secret: string,
  now: Date,
) {
  let q = proposalRows(tx)
    .innerJoin('ofair.leads as l', 'l.id', 'pr.lead_id')
    .innerJoin('ofair.categories as c', 'c.id', 'l.category_id')
    .innerJoin('ofair.localities as loc', 'loc.id', 'l.locality_id')
    .select([
      'l.title as lead_title',
      'l.status as lead_status',
      'l.category_id',
      'c.name_he as category_name',
      'l.locality_id',
      'loc.name_he as locality_name',
      exactTime('pr.created_at'),
    ])
    .where('pr.professional_id', '=', caller.professionalId ?? '00000000-0000-0000-0000-000000000000')
    .orderBy('pr.created_at', 'desc')
    .orderBy('pr.id', 'desc')
    .limit(f.limit + 1)
  if (f.status) q = q.where('pr.status', '=', f.status)
  if (f.starting_after) q = q.where(olderThanCursor(f.starting_after, 'pr.created_at', 'pr.id'))
  const page = timeIdPage(await q.execute(), f.limit)
  const media = await mediaOf(
    tx,
    page.data.map((r) => r.id),
    secret,
    now,
  )
  return {
    ...page,
    data: page.data.map((r) => ({
      ...proposalOut(r, caller, media),
      lead: {
        id: r.lead_id,
        title: r.lead_title,
        status: r.lead_status as 'active' | 'pending' | 'closed',
        category: { id: r.category_id, name: r.category_name },
        locality: { id: r.locality_id, name: r.locality_name },
      },
    })),
  }
}
