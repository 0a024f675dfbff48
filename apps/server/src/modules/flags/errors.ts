import { defineErrors } from '../../kernel/errors.ts'

/** Error codes of feature flags. */
export const FLAG_ERRORS = defineErrors('flags', {
  flag_key_taken: { status: 409, title: 'A flag with this key already exists' },
  flag_version_stale: {
    status: 409,
    title: 'Someone else changed this flag first; reload it and apply your change again',
  },
  flag_unknown_targeting_key: {
    status: 422,
    title: 'A targeting rule names an attribute flags cannot target',
  },
  flag_invalid_rule: { status: 422, title: 'A targeting rule lists no values to match' },
  flag_invalid_percentage: { status: 422, title: 'A percentage must be between 0 and 100' },
  flag_invalid_variants: {
    status: 422,
    title: 'The variants do not fit the flag (unknown variant, or a boolean flag with other variants)',
  },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof FLAG_ERRORS, true> {}
}
