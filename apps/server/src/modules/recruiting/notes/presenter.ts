import type { NoteRow } from './queries.ts'

/** A note as the API shows it. */
export function noteOut(n: NoteRow) {
  return {
    id: n.id,
    application_id: n.application_id,
    kind: n.kind,
    visibility: n.visibility,
    author: { id: n.author_user_id, name: n.author_name, side: n.author_side },
    body: n.body,
    created_at: n.created_at,
    request_note_id: n.request_note_id,
    answered_by_note_id: n.answered_by_note_id,
    interview_id: n.interview_id,
    recommendation: n.recommendation,
    ratings: n.ratings,
  }
}
