import { defineErrors } from '../../kernel/errors.ts'

/** Error codes of sign-in (besides the kernel's). */
export const IDENTITY_ERRORS = defineErrors('identity', {
  code_invalid: { status: 422, title: 'The code is not valid' },
  code_expired: { status: 422, title: 'The code has expired' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof IDENTITY_ERRORS, true> {}
}
