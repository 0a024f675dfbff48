import { defineErrors } from '../../kernel/errors.ts'

/** Conversations' error codes (besides the kernel's: not_found, validation_failed, rate_limited). */
export const CONVERSATION_ERRORS = defineErrors('conversations', {
  conversation_blocked: {
    status: 403,
    title: 'A participant blocked this conversation: nobody in it can write',
  },
  cannot_report_own_message: { status: 422, title: 'One cannot report one’s own message' },
  not_a_participant: { status: 403, title: 'Only the conversation’s participants may do this' },
  attachments_not_allowed: { status: 422, title: 'This conversation takes text only, no files' },
  attachment_not_yours: {
    status: 403,
    title: 'Only a file one uploaded oneself and has not sent yet can be attached',
  },
  attachment_not_ready: { status: 409, title: 'The file is still being checked: send it once it is ready' },
  attachment_failed: { status: 422, title: 'The file failed the Document Service’s checks' },
  attachment_too_large: { status: 413, title: 'The file is larger than an attachment may be (10 MB)' },
  attachment_type_not_allowed: {
    status: 415,
    title: 'Only PDF, Word (DOCX), PNG and JPEG files can be attached',
  },
  attachment_already_used: { status: 409, title: 'The file was sent or deleted meanwhile' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof CONVERSATION_ERRORS, true> {}
}
