import { lockKey } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import { writeEvents } from '../../../kernel/outbox/events.ts'
import { loadApplication } from '../applications/queries.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { NOTE_RULES, type Side } from './kinds.ts'
import { noteRows, sidesOf, visibleTo } from './queries.ts'
import type { TNoteIn } from './schemas.ts'
import { currentScorecard } from './scorecard.ts'

const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, { errors: [{ field, message }] })

/** The fields only some kinds take: sent with another kind, a 400 naming the field. */
function checkFields(input: TNoteIn): void {
  const k = input.kind
  if (k === 'information_response' && !input.request_note_id)
    throw fieldError('body.request_note_id', 'is required for an information_response')
  if (k !== 'information_response' && input.request_note_id !== undefined)
    throw fieldError('body.request_note_id', 'is only for an information_response')
  if (NOTE_RULES[k].shareDefault === undefined && input.share !== undefined)
    throw fieldError('body.share', 'is only for interview_feedback and decision_note')
  if (k === 'interview_feedback' && !input.recommendation)
    throw fieldError('body.recommendation', 'is required for interview_feedback')
  for (const f of ['recommendation', 'ratings', 'interview_id'] as const) {
    if (k !== 'interview_feedback' && input[f] !== undefined)
      throw fieldError(`body.${f}`, 'is only for interview_feedback')
  }
}

/**
 * Adds a typed note to an application, as the caller's side. Append-only: a correction is a new
 * note. An information response is serialised per request (a lock on it, then the check), so of
 * concurrent answers exactly one is written; a unique index says the same in SQL.
 */
export async function addNote(
  tx: RecruitingTx,
  caller: SplitsCaller,
  applicationId: string,
  input: TNoteIn,
  now: Date,
) {
  const app = await loadApplication(tx, applicationId)
  const sides = sidesOf(caller, app)
  const rule = NOTE_RULES[input.kind]
  const side: Side | undefined = rule.authors.find((s) => sides.includes(s))
  if (!side) {
    throw new AppError(
      'forbidden',
      sides.length === 0
        ? 'Only the submitting recruiter and the company’s hiring team write notes on an application'
        : `A ${input.kind.replace('_', ' ')} is written by the ${rule.authors.join(' or ')} side`,
    )
  }
  checkFields(input)

  if (input.request_note_id) {
    const requestId = input.request_note_id
    await lockKey(tx, `application-note-response:${requestId}`)
    const request = await tx
      .selectFrom('ats.application_notes')
      .select(['id', 'author_side'])
      .where('id', '=', requestId)
      .where('application_id', '=', app.id)
      .where('kind', '=', 'information_request')
      .executeTakeFirst()
    if (!request) {
      throw new AppError(
        'request_mismatch',
        'body.request_note_id: no information request of this application',
        {
          errors: [
            { field: 'body.request_note_id', message: 'is not an information request of this application' },
          ],
        },
      )
    }
    if (request.author_side === side) {
      throw new AppError('forbidden', 'An information request is answered by the other side')
    }
    const answered = await tx
      .selectFrom('ats.application_notes')
      .select('id')
      .where('request_note_id', '=', requestId)
      .executeTakeFirst()
    if (answered) {
      throw new AppError('request_already_answered', 'This information request is already answered', {
        meta: { response_note_id: answered.id },
      })
    }
  }

  let ratings: { criterion_key: string; criterion_name: string; weight: number; rating: number }[] = []
  let scorecardVersion: number | null = null
  if (input.kind === 'interview_feedback') {
    const scorecard = await currentScorecard(tx, app.role_id)
    scorecardVersion = scorecard.version
    const byKey = new Map(scorecard.criteria.map((c) => [c.key, c]))
    const seen = new Set<string>()
    ratings = (input.ratings ?? []).map((r, i) => {
      const criterion = byKey.get(r.criterion_key)
      if (!criterion)
        throw fieldError(`body.ratings[${i}].criterion_key`, 'is not a criterion of the role’s scorecard')
      if (seen.has(r.criterion_key)) throw fieldError(`body.ratings[${i}].criterion_key`, 'is rated twice')
      seen.add(r.criterion_key)
      return {
        criterion_key: r.criterion_key,
        criterion_name: criterion.name,
        weight: criterion.weight,
        rating: r.rating,
      }
    })
  }

  if (input.interview_id) {
    // the interview must be one of this application's (a composite foreign key says so in SQL too)
    const interview = await tx
      .selectFrom('ats.interviews')
      .select('id')
      .where('id', '=', input.interview_id)
      .where('application_id', '=', app.id)
      .executeTakeFirst()
    if (!interview) throw fieldError('body.interview_id', 'is not an interview of this application')
  }

  const visibility = rule.visibility(side, input.share)
  const note = await tx
    .insertInto('ats.application_notes')
    .values({
      application_id: app.id,
      kind: input.kind,
      author_user_id: caller.userId,
      author_side: side,
      visibility,
      body: input.body,
      request_note_id: input.request_note_id ?? null,
      interview_id: input.interview_id ?? null,
      recommendation: input.recommendation ?? null,
      scorecard_version: scorecardVersion,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (ratings.length) {
    await tx
      .insertInto('ats.application_note_ratings')
      .values(ratings.map((r) => ({ note_id: note.id, ...r })))
      .execute()
  }
  await writeEvents(tx, [
    {
      type: 'application.note_added',
      aggregateId: app.id,
      data: {
        note_id: note.id,
        application_id: app.id,
        kind: input.kind,
        visibility,
        author_user_id: caller.userId,
        author_side: side,
        request_note_id: input.request_note_id ?? null,
        role_title: app.role_title,
        company_id: app.company_id,
        candidate_id: app.candidate_id,
        recruiter_id: app.recruiter_id,
      },
    },
  ])
  const [row] = await noteRows(tx, app.id, visibleTo(caller, sides), note.id)
  return row!
}
