import { defineErrors } from '../../kernel/errors.ts'

/** Error codes of automation rules and their executions. */
export const AUTOMATION_ERRORS = defineErrors('automation', {
  automation_unknown_field: {
    status: 422,
    title: 'A condition names a field the trigger’s event does not carry',
  },
  automation_invalid_condition: {
    status: 422,
    title: 'A condition’s operator or value does not fit its field',
  },
  automation_unknown_trigger: { status: 422, title: 'No such trigger (event type or scheduled source)' },
  automation_action_not_permitted: {
    status: 422,
    title: 'This action cannot be taken on what the trigger is about',
  },
  automation_execution_already_decided: {
    status: 409,
    title: 'This execution was already approved, rejected, retried or undone',
  },
  automation_not_undoable: { status: 409, title: 'This execution cannot be undone' },
  automation_rule_unchanged: { status: 409, title: 'This rule is already active (or already inactive)' },
})

declare module '../../kernel/errors.ts' {
  interface ErrorCatalog extends Record<keyof typeof AUTOMATION_ERRORS, true> {}
}
