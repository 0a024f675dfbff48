import type { FieldError } from '../api/api-error'

/**
 * Maps the server's field errors ("body.salary.max") onto form fields. `fields` names the server
 * paths (without "body.") for each form field; a path not listed maps to the form field of the
 * same name when that exists in `known`. Errors that fit no field are returned in `rest`.
 */
export function mapFieldErrors(
  errors: readonly FieldError[],
  known: readonly string[],
  fields: Record<string, string> = {},
): { byField: Record<string, string>; rest: FieldError[] } {
  const byField: Record<string, string> = {}
  const rest: FieldError[] = []
  for (const error of errors) {
    const path = error.field.replace(/^body\./, '')
    const target = fields[path] ?? (known.includes(path) ? path : undefined)
    if (target && !byField[target]) byField[target] = sentence(error.message)
    else if (!target) rest.push(error)
  }
  return { byField, rest }
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
