import { type LoadedApplication, loadApplication } from '../applications/queries.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import {
  NOTE_KINDS,
  NOTE_RULES,
  type NoteKind,
  type NoteVisibility,
  type Recommendation,
  type Side,
} from './kinds.ts'
import { currentScorecard } from './scorecard.ts'
import { summarizeFeedback } from './summary.ts'

/** The sides of the application the caller is on: its submitting recruiter, its company's team. */
export function sidesOf(caller: SplitsCaller, app: LoadedApplication): Side[] {
  const sides: Side[] = []
  if (caller.recruiterId !== null && caller.recruiterId === app.recruiter_id) sides.push('recruiter')
  if (caller.teamCompanyIds.includes(app.company_id)) sides.push('company')
  return sides
}

/** The visibilities a caller reads: a platform admin all, a side its own and shared notes. */
export function visibleTo(caller: SplitsCaller, sides: readonly Side[]): NoteVisibility[] {
  if (caller.isPlatformAdmin) return ['both', 'recruiter', 'company']
  return sides.length ? ['both', ...sides] : []
}

export const writableKinds = (sides: readonly Side[]): NoteKind[] =>
  NOTE_KINDS.filter((k) => NOTE_RULES[k].authors.some((s) => sides.includes(s)))

/** Notes of one application the caller may read (rows: row-level security applies the same rule). */
export async function noteRows(
  tx: RecruitingTx,
  applicationId: string,
  visibilities: readonly NoteVisibility[],
  onlyId?: string,
) {
  if (visibilities.length === 0) return []
  let q = tx
    .selectFrom('ats.application_notes as n')
    .leftJoin('identity.user_directory as u', 'u.id', 'n.author_user_id')
    .select([
      'n.id',
      'n.application_id',
      'n.kind',
      'n.visibility',
      'n.author_user_id',
      'u.display_name as author_name',
      'n.author_side',
      'n.body',
      'n.created_at',
      'n.request_note_id',
      'n.interview_id',
      'n.recommendation',
    ])
    .where('n.application_id', '=', applicationId)
    .where('n.visibility', 'in', [...visibilities])
    .orderBy('n.created_at')
    .orderBy('n.id')
  if (onlyId) q = q.where('n.id', '=', onlyId)
  const notes = await q.execute()
  const feedbackIds = notes.filter((n) => n.kind === 'interview_feedback').map((n) => n.id)
  const ratings = feedbackIds.length
    ? await tx
        .selectFrom('ats.application_note_ratings')
        .select(['note_id', 'criterion_key', 'criterion_name', 'weight', 'rating'])
        .where('note_id', 'in', feedbackIds)
        .execute()
    : []
  // a request's answer (both are visible to both sides)
  const answers = new Map(
    notes.filter((n) => n.request_note_id !== null).map((n) => [n.request_note_id as string, n.id]),
  )
  if (onlyId && notes[0]?.kind === 'information_request') {
    const answer = await tx
      .selectFrom('ats.application_notes')
      .select('id')
      .where('request_note_id', '=', onlyId)
      .executeTakeFirst()
    if (answer) answers.set(onlyId, answer.id)
  }
  return notes.map((n) => ({
    ...n,
    kind: n.kind as NoteKind,
    visibility: n.visibility as NoteVisibility,
    author_side: n.author_side as Side,
    recommendation: n.recommendation as Recommendation | null,
    answered_by_note_id: n.kind === 'information_request' ? (answers.get(n.id) ?? null) : null,
    ratings: ratings.filter((r) => r.note_id === n.id).map(({ note_id: _n, ...r }) => r),
  }))
}
export type NoteRow = Awaited<ReturnType<typeof noteRows>>[number]

/** GET /api/applications/{id}/notes: what the caller may read, the feedback summed up, what they may write. */
export async function listNotes(tx: RecruitingTx, caller: SplitsCaller, applicationId: string) {
  const app = await loadApplication(tx, applicationId)
  const sides = sidesOf(caller, app)
  const notes = await noteRows(tx, app.id, visibleTo(caller, sides))
  const scorecard = await currentScorecard(tx, app.role_id)
  const feedback = notes.filter((n) => n.kind === 'interview_feedback')
  return {
    data: notes,
    summary: summarizeFeedback(
      feedback.map((f) => ({ recommendation: f.recommendation as Recommendation, ratings: f.ratings })),
      scorecard.criteria,
    ),
    open_requests: notes.filter((n) => n.kind === 'information_request' && !n.answered_by_note_id).length,
    viewer: { sides, can_write: writableKinds(sides) },
  }
}
