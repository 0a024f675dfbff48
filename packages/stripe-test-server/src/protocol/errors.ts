/** The four error `type`s the v1 API documents (a 429 is `invalid_request_error` with code `rate_limit`). */
export type ErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error'

export interface ErrorBody {
  type: ErrorType
  message: string
  code?: string
  decline_code?: string
  param?: string
  doc_url?: string
  [extra: string]: unknown
}

interface FailureOptions {
  code?: string
  param?: string
  declineCode?: string
  extra?: Record<string, unknown>
  headers?: Record<string, string>
  /**
   * Stripe saves an idempotent result only once the endpoint started executing: parameter
   * validation errors are not saved, so a corrected retry with the same key runs.
   */
  saveIdempotent?: boolean
}

/** An error answer in Stripe's envelope; thrown by handlers, turned into a response by the pipeline. */
export class ApiFailure extends Error {
  readonly status: number
  readonly body: ErrorBody
  readonly headers: Record<string, string>
  readonly saveIdempotent: boolean

  constructor(status: number, type: ErrorType, message: string, options: FailureOptions = {}) {
    super(message)
    this.status = status
    const body: ErrorBody = { type, message }
    if (options.code) {
      body.code = options.code
      body.doc_url = `https://docs.stripe.com/error-codes/${options.code.replace(/_/g, '-')}`
    }
    if (options.declineCode) body.decline_code = options.declineCode
    if (options.param) body.param = options.param
    Object.assign(body, options.extra)
    this.body = body
    this.headers = options.headers ?? {}
    this.saveIdempotent = options.saveIdempotent ?? true
  }

  /** A parameter problem found before anything ran (not saved under an idempotency key). */
  static invalidRequest(message: string, options: Omit<FailureOptions, 'saveIdempotent'> = {}): ApiFailure {
    return new ApiFailure(400, 'invalid_request_error', message, { ...options, saveIdempotent: false })
  }

  /** A business rule refused the request after it started executing (saved under the key). */
  static refused(message: string, options: Omit<FailureOptions, 'saveIdempotent'> = {}): ApiFailure {
    return new ApiFailure(400, 'invalid_request_error', message, options)
  }

  /** An object named by a request parameter does not exist: 400 with code resource_missing. */
  static missingParamObject(kind: string, id: string, param: string): ApiFailure {
    return new ApiFailure(400, 'invalid_request_error', `No such ${kind}: '${id}'`, {
      code: 'resource_missing',
      param,
      saveIdempotent: false,
    })
  }

  /** An object named in the URL does not exist (or belongs to another account): 404. */
  static notFound(kind: string, id: string, param = 'id'): ApiFailure {
    return new ApiFailure(404, 'invalid_request_error', `No such ${kind}: '${id}'`, {
      code: 'resource_missing',
      param,
      saveIdempotent: false,
    })
  }

  toJSON(): { error: ErrorBody } {
    return { error: this.body }
  }
}
