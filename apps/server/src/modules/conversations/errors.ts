import { defineErrors } from '../../kernel/errors.ts'

/** Conversations' error codes (besides the kernel's: not_found, validation_failed, rate_limited). */
export const CONVERSATION_ERRORS = defineErrors('conversations', {
  conversation_blocked: {
    status: 403,
    title: 'A participant blocked this conversation: nobody in it can write',
  },
  cannot_report_own_message: { status: 422, title: 'One cannot report one’s own message' },
  not_a_participant: { status: 403, title: 'Only the conversation’s participants may do this' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof CONVERSATION_ERRORS, true> {}
}
