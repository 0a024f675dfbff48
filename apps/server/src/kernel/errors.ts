/**
 * The one error vocabulary of the platform. Every failure a client can see has a stable `code`;
 * the HTTP layer renders it as RFC 9457 problem+json. The kernel defines the codes any module may
 * use (bad input, access, state, limits); a module adds its own with `defineErrors` and a
 * declaration-merged `ErrorCatalog` entry, so `AppError` stays type-checked and the kernel holds
 * no marketplace's vocabulary. `GET /api/errors` lists every registered code.
 */
export type ErrorStatus =
  | 400
  | 401
  | 403
  | 404
  | 405
  | 406
  | 409
  | 410
  | 413
  | 414
  | 415
  | 422
  | 429
  | 500
  | 503

export interface ErrorDefinition {
  status: ErrorStatus
  /** Short human title: the `title` member of the problem document. */
  title: string
}

export const KERNEL_ERRORS = {
  // 400: the request itself is wrong
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  validation_failed: { status: 400, title: 'The request has invalid fields' },
  invalid_cursor: { status: 400, title: 'The pagination cursor is not valid' },
  // 401/403/404: who is calling and what they may see
  unauthenticated: { status: 401, title: 'Sign-in required' },
  session_expired: { status: 401, title: 'The session has expired' },
  forbidden: { status: 403, title: 'Not allowed' },
  csrf_failed: { status: 403, title: 'Missing or wrong CSRF token' },
  account_suspended: { status: 403, title: 'The account is suspended' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such endpoint' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  not_acceptable: { status: 406, title: 'Not acceptable' },
  // 409/410/413/414/415/422/429: the request is well formed but cannot be applied
  conflict: { status: 409, title: 'Conflict with the current state' },
  version_conflict: { status: 409, title: 'Someone else changed this first; reload and try again' },
  idempotency_key_reused: { status: 409, title: 'Idempotency key reused with a different request' },
  idempotency_in_progress: { status: 409, title: 'A request with this idempotency key is still in progress' },
  invalid_state_transition: { status: 409, title: 'That change of state is not allowed' },
  gone: { status: 410, title: 'No longer available' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  uri_too_long: { status: 414, title: 'The request address is too long' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  unprocessable: { status: 422, title: 'The request cannot be processed' },
  rate_limited: { status: 429, title: 'Too many requests' },
  // 5xx: our side
  internal_error: { status: 500, title: 'Internal error' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, ErrorDefinition>

/**
 * Every error code. Modules extend it:
 * `declare module '…/kernel/errors.ts' { interface ErrorCatalog extends Record<keyof typeof MY_ERRORS, true> {} }`
 */
export interface ErrorCatalog extends Record<keyof typeof KERNEL_ERRORS, true> {}
export type ErrorCode = keyof ErrorCatalog & string

interface Registered extends ErrorDefinition {
  code: string
  module: string
}
const registry = new Map<string, Registered>()

/**
 * Registers a module's error codes (at import time, next to the module's services). A code may be
 * defined once; a second definition is a programming error caught at start-up.
 */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(module: string, defs: T): T {
  for (const [code, def] of Object.entries(defs)) {
    if (!/^[a-z][a-z0-9_]*$/.test(code)) throw new Error(`error code ${code} must be snake_case`)
    const existing = registry.get(code)
    if (existing && existing.module !== module) {
      throw new Error(`error code ${code} is defined by both ${existing.module} and ${module}`)
    }
    if (def.status < 400 || def.status > 599) throw new Error(`error code ${code} needs a 4xx/5xx status`)
    registry.set(code, { code, module, ...def })
  }
  return defs
}
defineErrors('kernel', KERNEL_ERRORS)

/** The status and title of a code; an unregistered code (a module not loaded) is an internal error. */
export function errorDefinition(code: ErrorCode): ErrorDefinition {
  return registry.get(code) ?? KERNEL_ERRORS.internal_error
}

/** Every registered code, for `GET /api/errors` and the API reference. */
export function errorCatalog(): readonly Registered[] {
  return [...registry.values()].sort((a, b) => a.status - b.status || a.code.localeCompare(b.code))
}

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
  /** Response headers that belong with this error (e.g. `retry-after` on a 429). */
  readonly headers: Record<string, string> | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      errors?: FieldError[]
      meta?: Record<string, unknown>
      userMessage?: string
      headers?: Record<string, string>
      cause?: unknown
    } = {},
  ) {
    super(message, { cause: options.cause })
    this.code = code
    this.errors = options.errors
    this.meta = options.meta
    this.userMessage = options.userMessage
    this.headers = options.headers
  }

  get status(): number {
    return errorDefinition(this.code).status
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`)
export const forbidden = (why: string) => new AppError('forbidden', why)
export const conflict = (why: string, meta?: Record<string, unknown>) =>
  new AppError('conflict', why, meta ? { meta } : {})
export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, { errors: [{ field, message }] })

/** A 429 that tells the client when to come back, in the body and in `Retry-After`. */
export function rateLimited(
  message: string,
  retryAfterSeconds: number,
  options: { userMessage?: string; meta?: Record<string, unknown> } = {},
): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
  return new AppError('rate_limited', message, {
    meta: { ...options.meta, retry_after_seconds: seconds },
    headers: { 'retry-after': String(seconds) },
    ...(options.userMessage ? { userMessage: options.userMessage } : {}),
  })
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`)
}
