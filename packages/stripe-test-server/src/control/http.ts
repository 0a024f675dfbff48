import type { ServerResponse } from 'node:http'
import type { FaultSpec } from '../engine/faults.ts'
import type { Delivery } from '../engine/state.ts'
import type { WebhookEndpoint } from '../engine/webhooks.ts'
import { ApiFailure } from '../protocol/errors.ts'
import type { OnboardingStage } from '../resources/accounts.ts'
import type { Control } from './control.ts'

type Json = Record<string, unknown>
type Handler = (args: { body: Json; query: URLSearchParams; id: string }) => unknown

function num(body: Json, key: string): number {
  const v = body[key]
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${key} must be a number`)
  return v
}

function str(body: Json, key: string): string {
  const v = body[key]
  if (typeof v !== 'string' || v === '') throw new Error(`${key} must be a non-empty string`)
  return v
}

const optional = (q: URLSearchParams, key: string) => q.get(key) ?? undefined

/** The control API over HTTP (JSON in and out), for tests and tools in another process. */
export function controlHttpRoutes(control: Control): Array<[string, RegExp, Handler]> {
  return [
    ['GET', /^\/_test\/health$/, () => ({ ok: true })],
    ['POST', /^\/_test\/reset$/, () => control.reset()],
    ['GET', /^\/_test\/clock$/, () => ({ now: control.now(), iso: new Date(control.now()).toISOString() })],
    [
      'POST',
      /^\/_test\/clock\/advance$/,
      ({ body }) => {
        const ms = body.seconds !== undefined ? num(body, 'seconds') * 1000 : num(body, 'ms')
        control.advanceClock(ms)
        return { now: control.now(), iso: new Date(control.now()).toISOString() }
      },
    ],
    ['POST', /^\/_test\/jobs\/run$/, () => ({ ran: control.runDueJobs() })],
    ['POST', /^\/_test\/faults$/, ({ body }) => control.injectFault(body as unknown as FaultSpec)],
    ['GET', /^\/_test\/faults$/, () => control.faults()],
    ['DELETE', /^\/_test\/faults$/, () => control.clearFaults()],
    [
      'POST',
      /^\/_test\/balance\/settle$/,
      ({ body }) => ({
        settled: control.settleBalances(typeof body.account === 'string' ? body.account : undefined),
      }),
    ],
    [
      'POST',
      /^\/_test\/balance\/add-funds$/,
      ({ body }) => control.addPlatformFunds(num(body, 'amount'), str(body, 'currency')),
    ],
    [
      'POST',
      /^\/_test\/accounts\/([^/]+)\/onboarding$/,
      ({ body, id }) => control.setOnboarding(id, (body.stage ?? 'complete') as OnboardingStage),
    ],
    [
      'POST',
      /^\/_test\/payment_intents\/([^/]+)\/authenticate$/,
      ({ body, id }) => control.authenticatePaymentIntent(id, body.outcome === 'fail' ? 'fail' : 'succeed'),
    ],
    ['POST', /^\/_test\/async-payments\/process$/, () => ({ processed: control.processAsyncPayments() })],
    [
      'POST',
      /^\/_test\/payouts\/([^/]+)$/,
      ({ body, id }) => {
        const status = str(body, 'status')
        if (status === 'in_transit') return control.payoutInTransit(id)
        if (status === 'paid') return control.payoutPaid(id)
        if (status === 'failed') {
          return control.payoutFailed(
            id,
            typeof body.failure_code === 'string' ? body.failure_code : undefined,
          )
        }
        throw new Error('status must be in_transit, paid or failed')
      },
    ],
    ['GET', /^\/_test\/calls$/, () => control.calls()],
    ['GET', /^\/_test\/requests$/, () => control.requests()],
    [
      'GET',
      /^\/_test\/transfers\/count$/,
      ({ query }) => ({
        count: control.countTransfers({
          destination: optional(query, 'destination'),
          transferGroup: optional(query, 'transfer_group'),
        }),
      }),
    ],
    ['GET', /^\/_test\/transfers\/by-destination-and-group$/, () => control.transfersByDestinationAndGroup()],
    [
      'GET',
      /^\/_test\/events$/,
      ({ query }) => control.events({ type: optional(query, 'type'), account: optional(query, 'account') }),
    ],
    [
      'GET',
      /^\/_test\/webhooks\/deliveries$/,
      ({ query }) =>
        control.webhookDeliveries({
          eventType: optional(query, 'event_type'),
          status: optional(query, 'status') as Delivery['status'] | undefined,
        }),
    ],
    ['GET', /^\/_test\/webhooks\/endpoints$/, () => control.webhookEndpoints()],
    [
      'PUT',
      /^\/_test\/webhooks\/endpoints$/,
      ({ body }) => {
        const list = body.endpoints
        if (!Array.isArray(list)) throw new Error('endpoints must be an array')
        control.setWebhookEndpoints(list as WebhookEndpoint[])
        return control.webhookEndpoints()
      },
    ],
    [
      'POST',
      /^\/_test\/webhooks\/wait$/,
      async () => {
        await control.waitForWebhooks()
        return { idle: true }
      },
    ],
  ]
}

export async function handleControl(
  routes: Array<[string, RegExp, Handler]>,
  method: string,
  url: URL,
  body: string,
  res: ServerResponse,
): Promise<void> {
  const reply = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(value ?? { ok: true }, null, 2))
  }
  for (const [m, pattern, handler] of routes) {
    const match = pattern.exec(url.pathname)
    if (!match || m !== method) continue
    try {
      const parsed: unknown = body ? JSON.parse(body) : {}
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('body must be a JSON object')
      const result = await handler({
        body: parsed as Json,
        query: url.searchParams,
        id: decodeURIComponent(match[1] ?? ''),
      })
      return reply(200, result)
    } catch (err) {
      if (err instanceof ApiFailure) return reply(err.status, err.toJSON())
      return reply(400, { error: { type: 'invalid_request_error', message: (err as Error).message } })
    }
  }
  return reply(404, {
    error: { type: 'invalid_request_error', message: `No control endpoint ${method} ${url.pathname}` },
  })
}
