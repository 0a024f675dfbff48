import { defineErrors } from '../../kernel/errors.ts'

/** Error codes of resume parsing (besides the kernel's). */
export const RESUMES_ERRORS = defineErrors('resumes', {
  resume_not_found: { status: 404, title: 'No parsed resume with this document id is yours' },
  resume_corrections_recorded: { status: 409, title: 'The corrections for this resume are already recorded' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof RESUMES_ERRORS, true> {}
}
