import { sql } from 'kysely'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import { updatedOrConflict } from '../../../kernel/db/concurrency.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { lockLead, type OfairCaller, requireProfessional } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { reviewerDisplay } from './display.ts'
import { emitReviewEvent } from './events.ts'
import type { TReviewIn } from './schemas.ts'

/** The job statuses after the owner's confirmation (captured mode goes on to paid and released). */
export const CONFIRMED_STATUSES = ['confirmed', 'paid', 'released'] as const

/**
 * The job behind a proposal, as the caller may see it: 404 for someone who is not one of its
 * sides (row-level security hides it), 403 for the performer or an admin asking for the owner's
 * right.
 */
async function ownersJob(tx: OfairTx, caller: OfairCaller, proposalId: string) {
  const job = await tx
    .selectFrom('ofair.proposals as p')
    .innerJoin('ofair.leads as l', 'l.id', 'p.lead_id')
    .innerJoin('ofair.localities as loc', 'loc.id', 'l.locality_id')
    .select([
      'p.id',
      'p.lead_id',
      'p.professional_id',
      'l.created_by_user_id',
      'l.accepted_proposal_id',
      'loc.name_he as city',
    ])
    .where('p.id', '=', proposalId)
    .executeTakeFirst()
  if (!job) throw refuse('not_found', 'No such job')
  if (job.created_by_user_id !== caller.userId) {
    if (caller.isAdmin || (caller.professionalId && caller.professionalId === job.professional_id)) {
      throw refuse('forbidden', 'Only the lead’s owner rates the job')
    }
    throw refuse('not_found', 'No such job')
  }
  return job
}

/**
 * Changes a professional's rating aggregate by one review: +1 when a review starts counting (new,
 * or unhidden), −1 when it stops (hidden). Incremental under the professional's row lock, so
 * concurrent reviews of different jobs all count; the CHECKs of 0067 keep the sum, the count and
 * the distribution consistent. The reviewer may not update professionals (row-level security):
 * the service has authorised the change, so it runs as the system.
 */
async function countReview(tx: OfairTx, professionalId: string, rating: number, delta: 1 | -1) {
  await asSystem(tx, 'ofair.reviews', async () => {
    const r = await sql`
      update ofair.professionals
         set rating_sum = rating_sum + ${delta * rating}::int,
             review_count = review_count + ${delta}::int,
             rating_counts[${rating}::int] = rating_counts[${rating}::int] + ${delta}::int
       where id = ${professionalId}::uuid`.execute(tx)
    if (Number(r.numAffectedRows ?? 0) !== 1) throw new Error(`no professional ${professionalId}`)
  })
}

/**
 * The lead's owner rates the performer of a confirmed job, once. Serialised on the lead's lock
 * (like every change of a lead); a second review — concurrent or later — is a 409
 * `already_reviewed`, and the unique key on the job holds it in SQL too.
 */
export async function createReview(
  tx: OfairTx,
  caller: OfairCaller,
  proposalId: string,
  input: TReviewIn,
  now: Date,
): Promise<string> {
  if (!caller.userId) throw refuse('unauthenticated', 'Sign in first')
  const job = await ownersJob(tx, caller, proposalId)
  await lockLead(tx, job.lead_id)
  const payment = await tx
    .selectFrom('ofair.lead_payments')
    .select(['id', 'status', 'performer_professional_id'])
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst()
  if (!payment || !(CONFIRMED_STATUSES as readonly string[]).includes(payment.status)) {
    throw refuse(
      'job_not_confirmed',
      `The job is ${payment?.status ?? 'not marked done'}; rate it after confirming`,
    )
  }
  const existing = await tx
    .selectFrom('ofair.professional_reviews')
    .select('id')
    .where('lead_payment_id', '=', payment.id)
    .executeTakeFirst()
  if (existing)
    throw refuse('already_reviewed', 'This job was already rated', { meta: { review_id: existing.id } })
  const me = await tx
    .selectFrom('identity.user_directory')
    .select('display_name')
    .where('id', '=', caller.userId)
    .executeTakeFirst()
  const row = await tx
    .insertInto('ofair.professional_reviews')
    .values({
      professional_id: payment.performer_professional_id,
      lead_payment_id: payment.id,
      lead_id: job.lead_id,
      reviewer_user_id: caller.userId,
      rating: input.rating,
      body: input.body.trim(),
      reviewer_display: reviewerDisplay(me?.display_name, job.city),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await countReview(tx, payment.performer_professional_id, input.rating, 1)
  await emitReviewEvent(tx, 'ofair_review.created', row.id, {
    review_id: row.id,
    lead_id: job.lead_id,
    professional_id: payment.performer_professional_id,
    rating: input.rating,
  })
  return row.id
}

/** The reviewed professional answers a review, once (409 `already_replied` after). */
export async function replyToReview(
  tx: OfairTx,
  caller: OfairCaller,
  reviewId: string,
  body: string,
  now: Date,
): Promise<void> {
  const me = await requireProfessional(tx, caller)
  const review = await tx
    .selectFrom('ofair.professional_reviews')
    .select(['id', 'professional_id', 'reply_body'])
    .where('id', '=', reviewId)
    .executeTakeFirst()
  if (!review) throw refuse('not_found', 'No such review')
  if (review.professional_id !== me) throw refuse('forbidden', 'Only the reviewed professional replies')
  const updated = await tx
    .updateTable('ofair.professional_reviews')
    .set({ reply_body: body.trim(), replied_at: now, updated_at: now, version: sql`version + 1` })
    .where('id', '=', reviewId)
    .where('reply_body', 'is', null)
    .returning('id')
    .executeTakeFirst()
  if (!updated) throw refuse('already_replied', 'You already replied to this review')
  await emitReviewEvent(tx, 'ofair_review.replied', reviewId, { review_id: reviewId, professional_id: me })
}

/**
 * An admin hides an abusive review (it leaves the professional's rating) or shows it again, with
 * a reason kept in the audit log. The guarded UPDATE decides: of concurrent hides one wins, the
 * others are a 409 `review_already_hidden`.
 */
export async function moderateReview(
  tx: OfairTx,
  caller: OfairCaller,
  reviewId: string,
  action: 'hide' | 'unhide',
  reason: string,
  now: Date,
): Promise<void> {
  const hide = action === 'hide'
  let q = tx
    .updateTable('ofair.professional_reviews')
    .set(
      hide
        ? { hidden_at: now, hidden_by: caller.userId, hidden_reason: reason.trim(), updated_at: now }
        : { hidden_at: null, hidden_by: null, hidden_reason: null, updated_at: now },
    )
    .set({ version: sql`version + 1` })
    .where('id', '=', reviewId)
  q = hide ? q.where('hidden_at', 'is', null) : q.where('hidden_at', 'is not', null)
  const row = await q.returning(['professional_id', 'rating']).executeTakeFirst()
  if (!row) {
    const exists = await tx
      .selectFrom('ofair.professional_reviews')
      .select('id')
      .where('id', '=', reviewId)
      .executeTakeFirst()
    if (!exists) throw refuse('not_found', 'No such review')
    throw hide
      ? refuse('review_already_hidden', 'The review is already hidden')
      : refuse('review_not_hidden', 'The review is not hidden')
  }
  await countReview(tx, row.professional_id, row.rating, hide ? -1 : 1)
  await appendAudit(tx, {
    action: hide ? 'ofair.review_hidden' : 'ofair.review_unhidden',
    entityType: 'ofair_review',
    entityId: reviewId,
    before: { hidden: !hide },
    after: { hidden: hide, reason: reason.trim() },
    actorRole: 'ofair_admin',
  })
  await emitReviewEvent(tx, hide ? 'ofair_review.hidden' : 'ofair_review.unhidden', reviewId, {
    review_id: reviewId,
    professional_id: row.professional_id,
    reason: reason.trim(),
  })
}

export async function updateReviewSettings(
  tx: OfairTx,
  caller: OfairCaller,
  input: { display_mode: 'first_name_city' | 'anonymous'; version: number },
  now: Date,
) {
  const before = await tx.selectFrom('ofair.review_settings').selectAll().executeTakeFirstOrThrow()
  const row = updatedOrConflict(
    await tx
      .updateTable('ofair.review_settings')
      .set({
        display_mode: input.display_mode,
        updated_at: now,
        updated_by: caller.userId,
        version: input.version + 1,
      })
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst(),
    'The review settings',
    input.version,
  )
  await appendAudit(tx, {
    action: 'ofair.review_settings_updated',
    entityType: 'ofair_review_settings',
    entityId: null,
    before: { display_mode: before.display_mode },
    after: { display_mode: row.display_mode },
    actorRole: 'ofair_admin',
  })
  return row
}
