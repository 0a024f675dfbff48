import { defineErrors } from '../../kernel/errors.ts'

/** Error codes of marketplace health. */
export const HEALTH_ERRORS = defineErrors('health', {
  metrics_future_date: { status: 422, title: 'Metrics exist only for days that are over (today is not)' },
  metrics_bad_range: {
    status: 422,
    title: 'The range must run forward (from on or before to), at most 731 days',
  },
  metrics_disabled: { status: 404, title: 'The marketplace health dashboard is not enabled' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof HEALTH_ERRORS, true> {}
}
