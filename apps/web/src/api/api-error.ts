import type { TFunction } from 'i18next'

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
}

/** 401 (no session) or 403 (missing role): show a sign-in prompt rather than an error. */
export function isAuthError(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.isUnauthenticated || err.isForbidden)
}

/** The sentence to show a user for any thrown value. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('common.errors.unexpected')
  if (err.userMessage) return err.userMessage
  if (err.code === 'network_error') return t('common.errors.network')
  return err.detail || err.title || t('common.errors.unexpected')
}
