/**
 * The kinds of note on an application, who writes each and who reads it. One table, mirrored by
 * the CHECKs of `ats.application_notes` and its row-level security (migration 0071).
 */
export const NOTE_KINDS = [
  'information_request',
  'information_response',
  'pitch',
  'interview_feedback',
  'decision_note',
  'internal_note',
] as const
export type NoteKind = (typeof NOTE_KINDS)[number]

export const SIDES = ['recruiter', 'company'] as const
export type Side = (typeof SIDES)[number]
export const NOTE_VISIBILITIES = ['both', 'recruiter', 'company'] as const
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number]

/** Paraform's four-step overall recommendation. */
export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const
export type Recommendation = (typeof RECOMMENDATIONS)[number]

export const RATING_MIN = 1
export const RATING_MAX = 4
export const NOTE_MAX_LENGTH = 10_000

interface KindRule {
  /** Which side may write it. */
  authors: readonly Side[]
  /** Who reads it: `share` is the author's choice where the kind offers one. */
  visibility: (author: Side, share: boolean | undefined) => NoteVisibility
  /** The kind offers the author a choice to share with the other side, and its default. */
  shareDefault?: boolean
}

export const NOTE_RULES: Record<NoteKind, KindRule> = {
  information_request: { authors: SIDES, visibility: () => 'both' },
  information_response: { authors: SIDES, visibility: () => 'both' },
  pitch: { authors: ['recruiter'], visibility: () => 'both' },
  interview_feedback: {
    authors: ['company'],
    visibility: (_a, share) => (share ? 'both' : 'company'),
    shareDefault: false,
  },
  decision_note: {
    authors: ['company'],
    visibility: (_a, share) => ((share ?? true) ? 'both' : 'company'),
    shareDefault: true,
  },
  internal_note: { authors: SIDES, visibility: (author) => author },
}

/** Whether a side may read a note of this visibility. */
export const sideSees = (side: Side, visibility: NoteVisibility): boolean =>
  visibility === 'both' || visibility === side
