import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { reviewDisplayMode, shownReviewer } from './display.ts'
import { CONFIRMED_STATUSES } from './service.ts'

/** Reads of OFAIR reviews: the public page, one job's review, the admins' list. */

type ReviewRow = {
  id: string
  rating: number
  body: string
  reviewer_display: string
  created_at: Date
  reply_body: string | null
  replied_at: Date | null
}

function present(r: ReviewRow, mode: 'first_name_city' | 'anonymous') {
  return {
    id: r.id,
    rating: r.rating,
    body: r.body,
    reviewer: shownReviewer(r.reviewer_display, mode),
    created_at: r.created_at,
    reply: r.reply_body !== null && r.replied_at ? { body: r.reply_body, created_at: r.replied_at } : null,
  }
}

export function ratingSummary(p: { rating_sum: number; review_count: number; rating_counts: number[] }) {
  return {
    average: p.review_count === 0 ? null : Math.round((p.rating_sum / p.review_count) * 10) / 10,
    count: p.review_count,
    distribution: [0, 1, 2, 3, 4].map((i) => p.rating_counts[i] ?? 0),
  }
}

const reviewColumns = [
  'r.id',
  'r.rating',
  'r.body',
  'r.reviewer_display',
  'r.created_at',
  'r.reply_body',
  'r.replied_at',
] as const

/** A professional's rating summary and visible reviews with replies, newest first (public). */
export async function professionalReviews(
  tx: OfairTx,
  professionalId: string,
  query: { limit: number; starting_after?: string | undefined },
) {
  const pro = await tx
    .selectFrom('ofair.professionals')
    .select(['id', 'rating_sum', 'review_count', 'rating_counts', 'status'])
    .where('id', '=', professionalId)
    .executeTakeFirst()
  if (pro?.status !== 'verified') throw refuse('not_found', 'No such professional')
  let q = tx
    .selectFrom('ofair.professional_reviews as r')
    .select([...reviewColumns, exactTime('r.created_at')])
    .where('r.professional_id', '=', professionalId)
    .where('r.hidden_at', 'is', null)
  if (query.starting_after) q = q.where(olderThanCursor(query.starting_after, 'r.created_at', 'r.id'))
  const [rows, mode] = await Promise.all([
    q
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
    reviewDisplayMode(tx),
  ])
  const page = timeIdPage(rows, query.limit)
  return {
    professional_id: pro.id,
    summary: ratingSummary(pro),
    reviews: { ...page, data: page.data.map((r) => present(r, mode)) },
  }
}

/**
 * A job's review for its two sides (and admins): whether the caller may rate it now, may reply,
 * and the review itself (hidden ones too, marked). Someone else gets a 404.
 */
export async function jobReview(tx: OfairTx, caller: OfairCaller, proposalId: string) {
  const job = await tx
    .selectFrom('ofair.proposals as p')
    .innerJoin('ofair.leads as l', 'l.id', 'p.lead_id')
    .select(['p.id', 'p.professional_id', 'l.created_by_user_id'])
    .where('p.id', '=', proposalId)
    .executeTakeFirst()
  const isOwner = !!job && job.created_by_user_id === caller.userId
  const isPerformer = !!job && !!caller.professionalId && job.professional_id === caller.professionalId
  if (!job || !(isOwner || isPerformer || caller.isAdmin)) throw refuse('not_found', 'No such job')
  const [payment, review, mode] = await Promise.all([
    tx
      .selectFrom('ofair.lead_payments')
      .select(['id', 'status'])
      .where('proposal_id', '=', proposalId)
      .executeTakeFirst(),
    tx
      .selectFrom('ofair.professional_reviews as r')
      .innerJoin('ofair.lead_payments as lp', 'lp.id', 'r.lead_payment_id')
      .select([...reviewColumns, 'r.hidden_at'])
      .where('lp.proposal_id', '=', proposalId)
      .executeTakeFirst(),
    reviewDisplayMode(tx),
  ])
  const confirmed = !!payment && (CONFIRMED_STATUSES as readonly string[]).includes(payment.status)
  return {
    proposal_id: proposalId,
    can_review: isOwner && confirmed && !review,
    can_reply: isPerformer && !!review && review.reply_body === null,
    review: review ? { ...present(review, mode), hidden: review.hidden_at !== null } : null,
  }
}

/** Every review for admins, newest first, with the reviewer's stored display and moderation. */
export async function adminReviews(
  tx: OfairTx,
  query: {
    limit: number
    starting_after?: string | undefined
    status: 'all' | 'visible' | 'hidden'
    professional_id?: string | undefined
  },
) {
  let q = adminRows(tx).select(exactTime('r.created_at'))
  if (query.status === 'visible') q = q.where('r.hidden_at', 'is', null)
  if (query.status === 'hidden') q = q.where('r.hidden_at', 'is not', null)
  if (query.professional_id) q = q.where('r.professional_id', '=', query.professional_id)
  if (query.starting_after) q = q.where(olderThanCursor(query.starting_after, 'r.created_at', 'r.id'))
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const page = timeIdPage(rows, query.limit)
  return {
    ...page,
    data: page.data.map(presentAdmin),
  }
}

export async function adminReview(tx: OfairTx, id: string) {
  const r = await adminRows(tx).where('r.id', '=', id).executeTakeFirst()
  if (!r) throw refuse('not_found', 'No such review')
  return presentAdmin(r)
}

function adminRows(tx: OfairTx) {
  return tx
    .selectFrom('ofair.professional_reviews as r')
    .innerJoin('ofair.professionals as p', 'p.id', 'r.professional_id')
    .select([
      ...reviewColumns,
      'r.professional_id',
      'p.display_name as professional_name',
      'r.lead_id',
      'r.reviewer_user_id',
      'r.hidden_at',
      'r.hidden_reason',
      'r.version',
    ])
}

function presentAdmin(
  r: ReviewRow & {
    professional_id: string
    professional_name: string
    lead_id: string
    reviewer_user_id: string
    hidden_at: Date | null
    hidden_reason: string | null
    version: number
  },
) {
  return {
    ...present(r, 'first_name_city'),
    professional: { id: r.professional_id, display_name: r.professional_name },
    lead_id: r.lead_id,
    reviewer_user_id: r.reviewer_user_id,
    reviewer_display: r.reviewer_display,
    hidden: r.hidden_at !== null,
    hidden_at: r.hidden_at,
    hidden_reason: r.hidden_reason,
    version: r.version,
  }
}
