import { defineErrors } from '../../../kernel/errors.ts'

/** Error codes of Splits Network's conversations (besides the kernel's and conversations'). */
export const SPLITS_CHAT_ERRORS = defineErrors('recruiting', {
  recruiter_not_on_role: {
    status: 422,
    title: 'This recruiter is not working the role (no application, assignment or job ownership)',
  },
})

declare module '../../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof SPLITS_CHAT_ERRORS, true> {}
}
