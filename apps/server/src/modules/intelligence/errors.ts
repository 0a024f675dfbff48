import { defineErrors } from '../../kernel/errors.ts'

/** Error codes of matching and the decision log. */
export const INTELLIGENCE_ERRORS = defineErrors('intelligence', {
  match_already_decided: { status: 409, title: 'This suggestion was already accepted or rejected' },
  match_not_suggested: {
    status: 409,
    title: 'This suggestion is no longer open (the role closed or it fell below the threshold)',
  },
  not_enough_outcomes: { status: 409, title: 'Too few decided suggestions to fit and evaluate a new model' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof INTELLIGENCE_ERRORS, true> {}
}
