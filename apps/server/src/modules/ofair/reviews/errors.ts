import { defineErrors } from '../../../kernel/errors.ts'

/**
 * Error codes of OFAIR reviews and projects (besides OFAIR's and the kernel's). People read each
 * as a Hebrew `user_message` (messages.ts).
 */
export const OFAIR_REVIEW_ERRORS = defineErrors('ofair', {
  job_not_confirmed: { status: 409, title: 'A job is rated only after its owner confirmed it' },
  already_reviewed: { status: 409, title: 'This job was already rated' },
  already_replied: { status: 409, title: 'The professional already replied to this review' },
  review_already_hidden: { status: 409, title: 'The review is already hidden' },
  review_not_hidden: { status: 409, title: 'The review is not hidden' },
  milestone_transition_not_allowed: {
    status: 409,
    title: 'A milestone moves one step forward: pending → in_progress → done',
  },
})

declare module '../../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof OFAIR_REVIEW_ERRORS, true> {}
}
