import { defineErrors } from '../../kernel/errors.ts'

/** Error codes of the Splits Network marketplace (besides the kernel's). */
export const RECRUITING_ERRORS = defineErrors('recruiting', {
  duplicate_candidate: { status: 409, title: 'This candidate is already represented' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof RECRUITING_ERRORS, true> {}
}
