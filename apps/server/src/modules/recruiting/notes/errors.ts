import { defineErrors } from '../../../kernel/errors.ts'

/** Error codes of notes, feedback and stage moves back. */
export const NOTE_ERRORS = defineErrors('recruiting', {
  reason_required: { status: 400, title: 'A reason is required for this change' },
  request_mismatch: {
    status: 400,
    title: 'The information request named is not an open request of this application',
  },
  request_already_answered: { status: 409, title: 'This information request is already answered' },
})

declare module '../../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof NOTE_ERRORS, true> {}
}
