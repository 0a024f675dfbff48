import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { ApiFailure } from '../protocol/errors.ts'
import { expandObject } from '../protocol/expand.ts'
import { canonicalParams, type FormHash, parseForm } from '../protocol/form.ts'
import { randomToken } from '../protocol/ids.ts'
import { refreshBalanceStatuses } from './balance.ts'
import type { Fault, FaultInjector } from './faults.ts'
import { beginIdempotent, finishIdempotent } from './idempotency.ts'
import { matchRoute, type RequestContext, type Route } from './route.ts'
import type { Sim } from './sim.ts'
import type { SavedResponse } from './state.ts'
import type { RequestRecord, RequestStats } from './stats.ts'
import { PLATFORM } from './types.ts'
import type { Logger, WebhookDispatcher } from './webhooks.ts'

/** Everything one running server holds; shared by the API pipeline and the control API. */
export interface Runtime {
  sim: Sim
  routes: readonly Route[]
  faults: FaultInjector
  webhooks: WebhookDispatcher
  stats: RequestStats
  log: Logger
}

// Date-based versions, optionally with a release name and beta flags ("2026-10-28.endive; x_beta=v1").
const API_VERSION = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?(\s*;.*)?$/

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name]
  if (Array.isArray(v)) return v[0] ?? null
  return v ?? null
}

function mask(key: string): string {
  return key.length <= 12
    ? `${key.slice(0, 3)}****`
    : `${key.slice(0, 8)}${'*'.repeat(Math.max(4, key.length - 12))}${key.slice(-4)}`
}

function authenticate(req: IncomingMessage, secretKey: string): string {
  const auth = header(req, 'authorization')
  let key: string | null = null
  if (auth?.startsWith('Bearer ')) key = auth.slice(7).trim()
  else if (auth?.startsWith('Basic '))
    key = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0] ?? null
  if (!key) {
    throw new ApiFailure(
      401,
      'invalid_request_error',
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      { saveIdempotent: false },
    )
  }
  if (key !== secretKey) {
    throw new ApiFailure(401, 'invalid_request_error', `Invalid API Key provided: ${mask(key)}`, {
      code: 'api_key_invalid',
      saveIdempotent: false,
    })
  }
  return key
}

function edgeFailure(fault: Fault): ApiFailure {
  const headers: Record<string, string> = {}
  if (fault.shouldRetry !== null) headers['stripe-should-retry'] = String(fault.shouldRetry)
  if (fault.kind === 'rate_limit') {
    return new ApiFailure(
      429,
      'invalid_request_error',
      'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      { code: 'rate_limit', headers, saveIdempotent: false },
    )
  }
  return new ApiFailure(
    500,
    'api_error',
    "Sorry, something went wrong. We've already been notified of the problem, but if you need any help, you can reach us at https://support.stripe.com/contact.",
    { headers, saveIdempotent: false },
  )
}

function failureResponse(err: ApiFailure, requestId: string): SavedResponse {
  return { status: err.status, body: JSON.stringify(err.toJSON(), null, 2), headers: err.headers, requestId }
}

function send(res: ServerResponse, response: SavedResponse, extra: Record<string, string>): void {
  res.writeHead(response.status, {
    'content-type': 'application/json',
    'cache-control': 'no-cache, no-store',
    ...response.headers,
    ...extra,
  })
  res.end(response.body)
}

/** Handles one `/v1/…` request end to end. */
export async function handleApi(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
) {
  const { sim } = rt
  const method = (req.method ?? 'GET').toUpperCase()
  const path = url.pathname
  const requestId = `req_${randomToken(14)}`
  const idempotencyKey = header(req, 'idempotency-key')
  const connected = header(req, 'stripe-account')
  const version = header(req, 'stripe-version') ?? sim.config.apiVersion
  const extra: Record<string, string> = { 'request-id': requestId, 'stripe-version': version }
  if (idempotencyKey) extra['idempotency-key'] = idempotencyKey
  if (connected) extra['stripe-account'] = connected
  const record: RequestRecord = {
    at: new Date(sim.nowMs()).toISOString(),
    method,
    path,
    route: null,
    account: connected,
    idempotencyKey,
    status: null,
    replayed: false,
    fault: null,
    params: {},
  }
  const finish = (response: SavedResponse | null, more: Record<string, string> = {}) => {
    record.status = response?.status ?? null
    rt.stats.record(record)
    if (response) send(res, response, { ...extra, ...more })
    else res.socket?.destroy()
  }

  try {
    const secretKey = authenticate(req, sim.config.secretKey)
    if (!API_VERSION.test(version)) {
      throw ApiFailure.invalidRequest(`Invalid Stripe API version: ${version}`, {
        code: 'api_version_invalid',
      })
    }
    if (connected && !sim.get('account', connected, PLATFORM)) {
      throw new ApiFailure(
        403,
        'invalid_request_error',
        `The provided key '${mask(secretKey)}' does not have access to account '${connected}' (or that account does not exist). Application access may have been revoked.`,
        { code: 'account_invalid', saveIdempotent: false },
      )
    }
    const match = matchRoute(rt.routes, method, path)
    if (!match) {
      throw new ApiFailure(
        404,
        'invalid_request_error',
        `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        { saveIdempotent: false },
      )
    }
    record.route = `${method} ${match.route.template}`
    const raw: FormHash = method === 'POST' ? parseForm(body) : parseForm(url.search.slice(1))
    record.params = raw

    const edge = rt.faults.take(method, path, 'edge')
    if (edge) {
      record.fault = edge.kind
      if (edge.kind === 'network') return finish(null)
      return finish(failureResponse(edgeFailure(edge), requestId))
    }

    let scope: string | null = null
    if (method === 'POST' && idempotencyKey) {
      const decision = beginIdempotent(sim, {
        secretKey,
        account: connected,
        key: idempotencyKey,
        method,
        path,
        fingerprint: canonicalParams(raw),
      })
      if (decision.kind === 'replay') {
        record.replayed = true
        return finish(decision.response, {
          'idempotent-replayed': 'true',
          'original-request': decision.response.requestId,
        })
      }
      scope = decision.scope
    }

    let response: SavedResponse
    let save = true
    try {
      const slow = rt.faults.take(method, path, 'execute')
      if (slow) {
        record.fault = slow.kind
        await sleep(slow.delayMs)
      }
      sim.runDueJobs()
      refreshBalanceStatuses(sim)
      const ctx: RequestContext = {
        sim,
        owner: connected ?? PLATFORM,
        connectedAccount: connected,
        origin: { requestId, idempotencyKey },
        raw,
        path: match.path,
      }
      const result = match.route.handle(ctx)
      const expand = Array.isArray(raw.expand)
        ? (raw.expand.filter((x) => typeof x === 'string') as string[])
        : []
      const expanded = expandObject(result, expand, (id) => sim.find(id))
      response = { status: 200, body: JSON.stringify(expanded, null, 2), headers: {}, requestId }
    } catch (err) {
      const failure = err instanceof ApiFailure ? err : internalError(rt, err, method, path)
      response = failureResponse(failure, requestId)
      save = failure.saveIdempotent
    } finally {
      sim.changed()
    }
    if (scope) finishIdempotent(sim, scope, save ? response : null)

    const after = rt.faults.take(method, path, 'after')
    if (after) {
      record.fault = after.kind
      if (after.kind === 'network') return finish(null)
      if (after.kind === 'delay') await sleep(after.delayMs)
      if (after.kind === 'api_error') return finish(failureResponse(edgeFailure(after), requestId))
    }
    return finish(response)
  } catch (err) {
    const failure = err instanceof ApiFailure ? err : internalError(rt, err, method, path)
    return finish(failureResponse(failure, requestId))
  }
}

/** A bug in this server: logged, and answered like Stripe's own 500s (and saved under the key). */
function internalError(rt: Runtime, err: unknown, method: string, path: string): ApiFailure {
  rt.log('unexpected error while handling a request', { method, path, error: (err as Error).stack })
  return new ApiFailure(
    500,
    'api_error',
    `Internal error in the Stripe test server: ${(err as Error).message}`,
  )
}
