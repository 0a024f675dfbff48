import { defineErrors } from '../../../kernel/errors.ts'

/** Error codes of saved searches. */
export const SAVED_SEARCH_ERRORS = defineErrors('recruiting', {
  unknown_filter: { status: 400, title: 'A saved search names a filter the marketplace does not have' },
  saved_search_limit: { status: 409, title: 'You have as many saved searches as a recruiter may keep' },
  saved_search_name_taken: { status: 409, title: 'You already have a saved search with this name' },
})

declare module '../../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof SAVED_SEARCH_ERRORS, true> {}
}
