import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Control, createControl } from './control/control.ts'
import { controlHttpRoutes, handleControl } from './control/http.ts'
import { visitThreeDSecure } from './control/three-d-secure.ts'
import { FaultInjector } from './engine/faults.ts'
import { debouncedSaver, loadState } from './engine/persistence.ts'
import { handleApi, type Runtime } from './engine/pipeline.ts'
import { type ClockFn, type PayoutTiming, Sim, type SimConfig } from './engine/sim.ts'
import { createState, type State } from './engine/state.ts'
import { RequestStats } from './engine/stats.ts'
import {
  type Logger,
  WebhookDispatcher,
  type WebhookEndpoint,
  type WebhookRetryPolicy,
} from './engine/webhooks.ts'
import { visitOnboardingLink } from './resources/account-links.ts'
import { apiRoutes, registerJobs } from './resources/index.ts'

/** The API version stripe-node 23 pins; answers and events carry it unless a request asks for another. */
export const DEFAULT_API_VERSION = '2026-10-28.endive'
export const DEFAULT_SECRET_KEY = 'sk_test_stripe_test_server_0000000000000000'

export interface StripeTestServerOptions {
  /** TCP port (default 0: any free port). */
  port?: number
  /** Interface to listen on (default 127.0.0.1). */
  host?: string
  /** The only secret key accepted (default DEFAULT_SECRET_KEY). Must start with `sk_test_`. */
  secretKey?: string
  apiVersion?: string
  webhookEndpoints?: WebhookEndpoint[]
  webhookRetry?: Partial<WebhookRetryPolicy>
  /** Base clock in ms since the epoch (default Date.now); `control.advanceClock` adds to it. */
  clock?: ClockFn
  /** true: log to stderr; a function: your logger; default silent. */
  log?: boolean | Logger
  /** JSON file to load state from at start and save it to after changes (demo mode). */
  stateFile?: string
  /** Charge funds stay pending this long before they are available (default 0). */
  settlementDelayMs?: number
  /** Bank debits stay `processing` this long before succeeding or failing (default 0: next tick). */
  asyncPaymentDelayMs?: number
  payouts?: Partial<PayoutTiming>
  /** Stripe's fee on charges (default none): basis points plus a fixed amount in minor units. */
  fees?: { percentBps?: number; fixed?: number }
  /** How often scheduled work is checked against the clock, in real ms (default 50; 0 = never). */
  tickMs?: number
}

export interface StripeTestServer {
  url: string
  port: number
  secretKey: string
  /** The live in-memory state (replaced by `control.reset()`; read it through this property). */
  readonly state: State
  control: Control
  stop(): Promise<void>
}

const BODY_LIMIT = 1024 * 1024

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > BODY_LIMIT) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function stderrLogger(message: string, details?: Record<string, unknown>): void {
  console.error(`[stripe-test-server] ${message}${details ? ` ${JSON.stringify(details)}` : ''}`)
}

function defaultBackoff(attempt: number): number {
  // 0.5 s, 1 s, 2 s, … capped at 1 min: quick enough for a demo, still a backoff.
  return Math.min(60_000, 500 * 2 ** (attempt - 1))
}

export async function startStripeTestServer(
  options: StripeTestServerOptions = {},
): Promise<StripeTestServer> {
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY
  if (!secretKey.startsWith('sk_test_')) throw new Error('secretKey must be a test-mode key (sk_test_…)')
  const log: Logger =
    options.log === true ? stderrLogger : typeof options.log === 'function' ? options.log : () => {}
  const config: SimConfig = {
    secretKey,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    settlementDelayMs: options.settlementDelayMs ?? 0,
    asyncPaymentDelayMs: options.asyncPaymentDelayMs ?? 0,
    payouts: { mode: 'auto', inTransitAfterMs: 0, paidAfterMs: 0, ...options.payouts },
    fees: { percentBps: 0, fixed: 0, ...options.fees },
  }
  const initial = (options.stateFile ? loadState(options.stateFile) : null) ?? createState()
  const sim = new Sim(initial, config, options.clock ?? Date.now)
  registerJobs(sim)
  const retry: WebhookRetryPolicy = {
    maxAttempts: 6,
    backoffMs: defaultBackoff,
    timeoutMs: 10_000,
    ...options.webhookRetry,
  }
  const webhooks = new WebhookDispatcher(sim, [...(options.webhookEndpoints ?? [])], retry, log)
  sim.setEventSink(webhooks)
  const rt: Runtime = {
    sim,
    routes: apiRoutes,
    faults: new FaultInjector(),
    webhooks,
    stats: new RequestStats(),
    log,
  }
  const control = createControl(rt)
  const controlRoutes = controlHttpRoutes(control)
  const saver = options.stateFile ? debouncedSaver(options.stateFile, () => sim.state) : null
  if (saver) sim.onChange(() => saver.schedule())

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = (req.method ?? 'GET').toUpperCase()
    let body: string
    try {
      body = await readBody(req)
    } catch {
      res.writeHead(413, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ error: { type: 'invalid_request_error', message: 'Request body too large.' } }),
      )
      return
    }
    if (url.pathname.startsWith('/v1/')) return handleApi(rt, req, res, url, body)
    if (url.pathname.startsWith('/_test/')) return handleControl(controlRoutes, method, url, body, res)
    const onboarding = /^\/connect\/onboarding\/([^/]+)$/.exec(url.pathname)
    const threeDs = /^\/3ds\/([^/]+)$/.exec(url.pathname)
    if (method === 'GET' && (onboarding || threeDs)) {
      const outcome = url.searchParams.get('outcome')
      const result = onboarding
        ? visitOnboardingLink(sim, onboarding[1] as string, outcome)
        : visitThreeDSecure(sim, (threeDs as RegExpExecArray)[1] as string, outcome)
      res.writeHead(result.status, {
        'content-type': 'text/html; charset=utf-8',
        ...(result.location ? { location: result.location } : {}),
      })
      res.end(result.html)
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${url.pathname}).`,
        },
      }),
    )
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      log('request failed', { error: (err as Error).stack })
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const host = options.host ?? '127.0.0.1'
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  sim.baseUrl = url
  webhooks.resumePending()

  const tickMs = options.tickMs ?? 50
  const ticker = tickMs > 0 ? setInterval(() => sim.runDueJobs(), tickMs) : null
  ticker?.unref()

  return {
    url,
    port,
    secretKey,
    get state() {
      return sim.state
    },
    control,
    async stop() {
      if (ticker) clearInterval(ticker)
      webhooks.stop()
      saver?.flush(true)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
