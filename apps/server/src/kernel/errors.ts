/**
 * The one error vocabulary of the platform. Every failure a client can see has a stable `code`
 * from this list; the HTTP layer renders it as RFC 9457 problem+json.
 */
export const ERROR_STATUS = {
  // 400: the request itself is wrong
  malformed_json: 400,
  validation_failed: 400,
  invalid_cursor: 400,
  // 401/403/404: who is calling and what they may see
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  account_suspended: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  // 409/410/413/415/422/429: the request is well formed but cannot be applied
  conflict: 409,
  idempotency_key_reused: 409,
  idempotency_in_progress: 409,
  invalid_state_transition: 409,
  duplicate_candidate: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  code_invalid: 422,
  code_expired: 422,
  rate_limited: 429,
  // 5xx: our side
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>

export type ErrorCode = keyof typeof ERROR_STATUS

/** Short human titles, one per code (the `title` member of the problem document). */
export const ERROR_TITLE = {
  malformed_json: 'The request body is not valid JSON',
  validation_failed: 'The request has invalid fields',
  invalid_cursor: 'The pagination cursor is not valid',
  unauthenticated: 'Sign-in required',
  session_expired: 'The session has expired',
  forbidden: 'Not allowed',
  csrf_failed: 'Missing or wrong CSRF token',
  account_suspended: 'The account is suspended',
  not_found: 'Not found',
  route_not_found: 'No such endpoint',
  method_not_allowed: 'Method not allowed',
  not_acceptable: 'Not acceptable',
  conflict: 'Conflict with the current state',
  idempotency_key_reused: 'Idempotency key reused with a different request',
  idempotency_in_progress: 'A request with this idempotency key is still in progress',
  invalid_state_transition: 'That change of state is not allowed',
  duplicate_candidate: 'This candidate is already represented',
  gone: 'No longer available',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  unprocessable: 'The request cannot be processed',
  code_invalid: 'The code is not valid',
  code_expired: 'The code has expired',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  service_unavailable: 'Service unavailable',
} as const satisfies Record<ErrorCode, string>

export interface FieldError {
  /** JSON pointer-ish dotted path of the failing field, prefixed by where it was: `body.salary_min`. */
  field: string
  message: string
}

/**
 * An expected failure. Services throw it; the HTTP layer maps it. `message` is for developers
 * (goes into `detail`); `userMessage` is optional text safe to show to an end user.
 */
export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly errors: FieldError[] | undefined
  readonly meta: Record<string, unknown> | undefined
  readonly userMessage: string | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      errors?: FieldError[]
      meta?: Record<string, unknown>
      userMessage?: string
      cause?: unknown
    } = {},
  ) {
    super(message, { cause: options.cause })
    this.code = code
    this.errors = options.errors
    this.meta = options.meta
    this.userMessage = options.userMessage
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`)
export const forbidden = (why: string) => new AppError('forbidden', why)
export const conflict = (why: string, meta?: Record<string, unknown>) =>
  new AppError('conflict', why, meta ? { meta } : {})
export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, { errors: [{ field, message }] })

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`)
}
