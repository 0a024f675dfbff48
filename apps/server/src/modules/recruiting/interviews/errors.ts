import { defineErrors } from '../../../kernel/errors.ts'

/** Error codes of interviews (part of the marketplace's vocabulary). */
export const INTERVIEW_ERRORS = defineErrors('recruiting', {
  interview_in_past: { status: 422, title: 'An interview time must be in the future' },
  interview_too_far_ahead: {
    status: 422,
    title: 'An interview time may be at most a year ahead',
  },
  interview_overlap: {
    status: 409,
    title: 'The candidate already has an interview at that time',
  },
  invalid_time_zone: { status: 400, title: 'Not an IANA time zone' },
  interview_not_ended: { status: 409, title: 'The interview has not ended yet' },
})

declare module '../../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof INTERVIEW_ERRORS, true> {}
}
