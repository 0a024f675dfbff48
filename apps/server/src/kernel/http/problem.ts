import type { FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, type ErrorCode, errorDefinition, type FieldError } from '../errors.ts'

/** RFC 9457 problem document, with our stable `code` and the request id. */
export interface Problem {
  type: string
  title: string
  status: number
  code: ErrorCode
  detail: string
  instance: string
  request_id: string
  errors?: FieldError[]
  [extension: string]: unknown
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

export function problemOf(
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  extra: {
    errors?: FieldError[] | undefined
    meta?: Record<string, unknown> | undefined
    userMessage?: string | undefined
  } = {},
): Problem {
  const { status, title } = errorDefinition(code)
  const path = request.url.split('?')[0] ?? request.url
  return {
    ...(extra.meta ?? {}),
    type: `/api/errors#${code}`,
    title,
    status,
    code,
    detail,
    // never echo an unbounded address back (a 414 is about exactly that)
    instance: shortAddress(path),
    request_id: request.id,
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.userMessage ? { user_message: extra.userMessage } : {}),
  }
}

/** Longest path segment the router matches (Fastify's maxParamLength). */
export const MAX_PATH_SEGMENT = 200

const shortAddress = (path: string) =>
  path.length > MAX_PATH_SEGMENT ? `${path.slice(0, MAX_PATH_SEGMENT)}…` : path

/**
 * The answer for an address no route takes. A segment longer than any route accepts is a 414
 * (the router gives up on it before our catch-all routes see it as "not found").
 */
export function addressNotFound(request: FastifyRequest): Problem {
  const path = request.url.split('?')[0] ?? request.url
  if (path.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT)) {
    return problemOf(request, 'uri_too_long', `A path segment is longer than ${MAX_PATH_SEGMENT} characters`)
  }
  return problemOf(request, 'route_not_found', `No endpoint ${request.method} ${shortAddress(path)}`)
}

export function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  headers: Record<string, string> = {},
): FastifyReply {
  // an error answer is never worth caching, and may describe someone's data
  reply.header('cache-control', 'no-store')
  for (const [name, value] of Object.entries(headers)) reply.header(name, value)
  if (problem.code === 'rate_limited' && !headers['retry-after']) {
    const seconds = Number(problem.retry_after_seconds)
    reply.header('retry-after', String(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60))
  }
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem)
}

/**
 * PostgreSQL errors a request can legitimately cause: a race for a unique value, a reference to
 * something that is not there, a row-level security refusal. A broken CHECK rule, a state
 * transition a trigger refuses, or a value of the wrong format, range or length reaching the
 * database is not the caller's fault: the schemas and services should have answered first. Those
 * stay 500s (logged with the request id), so the gap is seen and closed rather than disguised as a 400.
 */
const PG_CODE_MAP: Record<string, { code: ErrorCode; detail: string }> = {
  '23505': { code: 'conflict', detail: 'A record with the same unique value already exists' },
  '23503': { code: 'unprocessable', detail: 'A referenced record does not exist' },
  '42501': { code: 'forbidden', detail: 'Not allowed' },
}

/**
 * Turns any thrown value into a problem; `unexpected` says whether to log it as an error, and
 * `headers` are response headers the error carries (`retry-after`).
 */
export function toProblem(
  request: FastifyRequest,
  err: unknown,
): { problem: Problem; unexpected: boolean; headers?: Record<string, string> } {
  if (err instanceof AppError) {
    return {
      problem: problemOf(request, err.code, err.message, {
        errors: err.errors,
        meta: err.meta,
        userMessage: err.userMessage,
      }),
      unexpected: false,
      ...(err.headers ? { headers: err.headers } : {}),
    }
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body'
    const errors = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.')
      const keys = (v.params as { keys?: string[] }).keys
      const field = keys?.length
        ? `${where}${path ? `.${path}` : ''}.${keys[0]}`
        : `${where}${path ? `.${path}` : ''}`
      return { field, message: v.message ?? 'is invalid' }
    })
    const first = errors[0]!
    return {
      problem: problemOf(request, 'validation_failed', `${first.field}: ${first.message}`, { errors }),
      unexpected: false,
    }
  }
  const e = err as { code?: string; statusCode?: number; message?: string }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        problem: problemOf(request, 'malformed_json', e.message ?? 'Body is not valid JSON'),
        unexpected: false,
      }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        problem: problemOf(request, 'payload_too_large', 'The request body is larger than allowed'),
        unexpected: false,
      }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return {
        problem: problemOf(
          request,
          'unsupported_media_type',
          `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted; send application/json`,
        ),
        unexpected: false,
      }
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        problem: problemOf(request, 'uri_too_long', 'A path segment of the address is longer than allowed'),
        unexpected: false,
      }
    case 'FST_ERR_BAD_URL':
      return {
        problem: problemOf(
          request,
          'validation_failed',
          'The address contains an invalid character sequence',
        ),
        unexpected: false,
      }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        problem: problemOf(request, 'malformed_json', 'Content-Length does not match the body'),
        unexpected: false,
      }
  }
  if (err instanceof SyntaxError && e.statusCode === 400) {
    return { problem: problemOf(request, 'malformed_json', err.message), unexpected: false }
  }
  const pg = e.code ? PG_CODE_MAP[e.code] : undefined
  if (pg) return { problem: problemOf(request, pg.code, pg.detail), unexpected: pg.code === 'forbidden' }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code: ErrorCode =
      e.statusCode === 404
        ? 'not_found'
        : e.statusCode === 413
          ? 'payload_too_large'
          : e.statusCode === 415
            ? 'unsupported_media_type'
            : e.statusCode === 429
              ? 'rate_limited'
              : 'validation_failed'
    return { problem: problemOf(request, code, e.message ?? 'Bad request'), unexpected: false }
  }
  return {
    problem: problemOf(
      request,
      'internal_error',
      `An unexpected error occurred. It has been logged; quote request id ${request.id} when reporting it.`,
    ),
    unexpected: true,
  }
}
