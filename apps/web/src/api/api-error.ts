import type { ParseKeys, TFunction } from 'i18next'
import en from '../i18n/en.json'

export interface FieldError {
  field: string
  message: string
}

/** RFC 9457 problem document as the server sends it (see GET /api/errors for the codes). */
export interface Problem {
  type?: string
  title?: string
  status?: number
  code?: string
  detail?: string
  instance?: string
  request_id?: string
  errors?: FieldError[]
  user_message?: string
  /** Extension members, e.g. retry_after_seconds on rate_limited. */
  [extension: string]: unknown
}

/** Every failed API call rejects with this, so screens handle one error shape. */
export class ApiError extends Error {
  readonly status: number
  /** Stable machine-readable code from the server, or network_error / http_<status> when there was none. */
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly requestId: string | undefined
  readonly fieldErrors: FieldError[]
  /** Text written for end users; prefer it over detail, which is written for developers. */
  readonly userMessage: string | undefined
  /** The whole problem document, including extension members such as retry_after_seconds. */
  readonly problem: Readonly<Problem>

  constructor(status: number, problem: Problem, requestId?: string) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = problem.code ?? `http_${status}`
    this.title = problem.title ?? ''
    this.detail = problem.detail ?? ''
    this.requestId = problem.request_id ?? requestId
    this.fieldErrors = problem.errors ?? []
    this.userMessage = problem.user_message
    this.problem = problem
  }

  /** A numeric extension member of the problem (retry_after_seconds, attempts_remaining…). */
  numberField(name: string): number | undefined {
    const value = this.problem[name]
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const requestId = response.headers.get('x-request-id') ?? undefined
    let problem: Problem = { title: response.statusText }
    if (/json/.test(response.headers.get('content-type') ?? '')) {
      try {
        problem = (await response.json()) as Problem
      } catch {
        // A broken body still yields an error with the status and request id.
      }
    }
    return new ApiError(response.status, problem, requestId)
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, { code: 'network_error', detail: String(cause) })
    error.cause = cause
    return error
  }

  get isUnauthenticated(): boolean {
    return this.status === 401
  }

  get isForbidden(): boolean {
    return this.status === 403
  }

  /** Nothing there: a 404, or an address whose id is not even well formed (400 on a path parameter). */
  get isNotFound(): boolean {
    if (this.status === 404) return true
    return (
      this.status === 400 &&
      this.code === 'validation_failed' &&
      this.fieldErrors.length > 0 &&
      this.fieldErrors.every((f) => f.field.startsWith('params.'))
    )
  }

  /** Trying again can help only when the network or the server failed, never when the request was refused. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500
  }
}

/** 401 (no session) or 403 (missing role): show a sign-in prompt rather than an error. */
export function isAuthError(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.isUnauthenticated || err.isForbidden)
}

/** A 404, or an id in the address that is not one: show a not-found page. */
export function isNotFound(err: unknown): err is ApiError {
  return err instanceof ApiError && err.isNotFound
}

/** Codes whose `detail` is a sentence about the person's own request (shown when it reads as one). */
const DOMAIN_CODES = new Set([
  'conflict',
  'invalid_state_transition',
  'unprocessable',
  'duplicate_candidate',
  'code_invalid',
  'code_expired',
])

/** A developer's detail ("body.splits: …", "platform_admin") is not a sentence for people. */
function readsAsSentence(detail: string): boolean {
  return detail.length > 0 && !/^[\w.[\]]+:\s/.test(detail) && !/\b[a-z]+_[a-z_]+\b/.test(detail)
}

/** Codes with a sentence of their own in common.errors.codes (both language files have them). */
const WORDED_CODES = new Set(Object.keys(en.common.errors.codes))

/**
 * The sentence to show a person for any thrown value: the server's user_message when it wrote one;
 * a domain refusal's detail when it reads as a sentence; otherwise a sentence per error code, or
 * per HTTP status class. Never a developer's detail such as "params.id: Invalid UUID".
 */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('common.errors.unexpected')
  if (err.userMessage) return err.userMessage
  if (err.isNotFound) return t('common.errors.codes.not_found')
  if (DOMAIN_CODES.has(err.code) && readsAsSentence(err.detail)) return err.detail
  if (WORDED_CODES.has(err.code)) return t(`common.errors.codes.${err.code}` as ParseKeys)
  if (err.status >= 500) return t('common.errors.server')
  if (err.status >= 400) return t('common.errors.refused')
  return t('common.errors.unexpected')
}
