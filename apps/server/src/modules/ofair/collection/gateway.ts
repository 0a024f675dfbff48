import { createHmac, timingSafeEqual } from 'node:crypto'
import { AppError } from '../../../kernel/errors.ts'

/**
 * OFAIR's payment-provider adapter, modelled on Israeli gateways (Cardcom v11 LowProfile pages and
 * token transactions, PayPlus-style signed callbacks): a hosted page returns a token, the server
 * charges the token, recurring autopay, signed webhooks. One HTTP implementation talks to the
 * provider (in tests and demo mode the local `@app/il-psp-test-server`) with `fetch`.
 *
 * Expected failures come back as values (a declined card, a provider outage with `retryable`);
 * a webhook that does not verify throws a 400 with a stable code.
 */
export interface HostedPageRequest {
  /** 'token': save a card only (no charge); 'charge_and_token': charge now and keep the token. */
  mode: 'token' | 'charge_and_token' | 'charge'
  amountMinor?: bigint
  /** Comes back on the result and the webhook (our session id). */
  reference: string
  successUrl: string
  failureUrl: string
  webhookUrl: string
}
export interface CardToken {
  token: string
  brand: string
  last4: string
  expMonth: number
  expYear: number
}
export interface HostedPageResult {
  sessionId: string
  status: 'pending' | 'completed' | 'failed'
  reference: string
  card: CardToken | null
  transactionId: string | null
}
export type ChargeResult =
  | { status: 'succeeded'; transactionId: string }
  | { status: 'declined'; code: string; message: string }
  | { status: 'failed'; retryable: true; message: string }

export interface GatewayEvent {
  id: string
  type: string
  timestamp: Date
  sessionId: string | null
  reference: string | null
  result: HostedPageResult | null
  payload: Record<string, unknown>
}

export interface PaymentGateway {
  readonly provider: string
  createHostedPage(request: HostedPageRequest): Promise<{ sessionId: string; url: string }>
  getHostedPageResult(sessionId: string): Promise<HostedPageResult>
  chargeToken(request: { amountMinor: bigint; token: string; idempotencyKey: string }): Promise<ChargeResult>
  createRecurring(request: {
    token: string
    amountMinor: bigint
    intervalDays: number
    reference: string
  }): Promise<{ recurringId: string }>
  cancelRecurring(recurringId: string): Promise<void>
  /** The event, when the signature on the raw body verifies and it is at most 5 minutes old. */
  verifyWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
  ): GatewayEvent
}

export interface HttpGatewaySettings {
  url: string
  terminal: number
  apiName: string
  webhookSecret: string
  provider?: string
  /** Per request (default 10 s). */
  timeoutMs?: number
}

export const WEBHOOK_TOLERANCE_MS = 5 * 60 * 1000

/** The signature the provider sends in `X-Signature`: base64(HMAC-SHA256(secret, raw body)). */
export function webhookSignature(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64')
}

/**
 * Verification on its own (unit-tested): signature on the exact bytes, compared in constant time;
 * then the timestamp inside the signed body, refused when older than 5 minutes (or more than
 * 5 minutes in the future).
 */
export function verifySignedBody(
  secret: string,
  rawBody: Buffer,
  signature: string | undefined,
  now: Date,
): Record<string, unknown> {
  const expected = Buffer.from(webhookSignature(secret, rawBody))
  const given = Buffer.from(signature ?? '')
  if (!signature || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('webhook_signature_invalid', 'X-Signature does not match the body')
  }
  let body: Record<string, unknown>
  try {
    body = JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>
  } catch {
    throw new AppError('webhook_signature_invalid', 'The signed body is not JSON')
  }
  const at = Date.parse(String(body.Timestamp ?? ''))
  if (!Number.isFinite(at)) throw new AppError('webhook_signature_invalid', 'The body has no Timestamp')
  if (Math.abs(now.getTime() - at) > WEBHOOK_TOLERANCE_MS) {
    throw new AppError('webhook_timestamp_too_old', `The event is from ${new Date(at).toISOString()}`)
  }
  if (typeof body.EventId !== 'string' || !body.EventId) {
    throw new AppError('webhook_signature_invalid', 'The body has no EventId')
  }
  return body
}

function resultFrom(body: Record<string, unknown>): HostedPageResult {
  const token = body.TokenInfo as Record<string, unknown> | null | undefined
  const tx = body.TranzactionInfo as Record<string, unknown> | null | undefined
  return {
    sessionId: String(body.LowProfileId ?? ''),
    status: (body.Status as HostedPageResult['status']) ?? 'pending',
    reference: String(body.ReturnValue ?? ''),
    card: token
      ? {
          token: String(token.Token),
          brand: String(token.Brand),
          last4: String(token.CardLast4),
          expMonth: Number(token.CardMonth),
          expYear: Number(token.CardYear),
        }
      : null,
    transactionId: tx ? String(tx.TranzactionId) : null,
  }
}

class GatewayUnavailable extends Error {}

export function httpGateway(settings: HttpGatewaySettings): PaymentGateway {
  const provider = settings.provider ?? 'il-psp'
  const call = async (path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    let res: Response
    try {
      res = await fetch(`${settings.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ TerminalNumber: settings.terminal, ApiName: settings.apiName, ...body }),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
      })
    } catch (e) {
      throw new GatewayUnavailable(`payment provider unreachable: ${(e as Error).message}`)
    }
    if (res.status >= 500) throw new GatewayUnavailable(`payment provider answered ${res.status}`)
    const out = (await res.json()) as Record<string, unknown>
    return out
  }
  const ok = (out: Record<string, unknown>, what: string) => {
    if (out.ResponseCode !== 0) {
      throw new Error(
        `payment provider refused ${what}: ${String(out.ResponseCode)} ${String(out.Description)}`,
      )
    }
    return out
  }
  const unavailable = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (e) {
      if (e instanceof GatewayUnavailable) throw new AppError('psp_unavailable', e.message)
      throw e
    }
  }
  return {
    provider,
    createHostedPage: (r) =>
      unavailable(async () => {
        const out = ok(
          await call('/api/v11/LowProfile/Create', {
            Operation:
              r.mode === 'token'
                ? 'CreateTokenOnly'
                : r.mode === 'charge'
                  ? 'ChargeOnly'
                  : 'ChargeAndCreateToken',
            ...(r.amountMinor !== undefined ? { AmountMinor: Number(r.amountMinor) } : {}),
            ISOCoinId: 1,
            Language: 'he',
            ReturnValue: r.reference,
            SuccessRedirectUrl: r.successUrl,
            FailedRedirectUrl: r.failureUrl,
            WebHookUrl: r.webhookUrl,
          }),
          'the hosted page',
        )
        return { sessionId: String(out.LowProfileId), url: String(out.Url) }
      }),
    getHostedPageResult: (sessionId) =>
      unavailable(async () =>
        resultFrom(
          ok(await call('/api/v11/LowProfile/GetLpResult', { LowProfileId: sessionId }), 'the result'),
        ),
      ),
    async chargeToken({ amountMinor, token, idempotencyKey }) {
      try {
        const out = await call('/api/v11/Transactions/Transaction', {
          AmountMinor: Number(amountMinor),
          Token: token,
          ExternalUniqTranId: idempotencyKey,
          ISOCoinId: 1,
        })
        if (out.ResponseCode === 0) return { status: 'succeeded', transactionId: String(out.TranzactionId) }
        return {
          status: 'declined',
          code: String(out.ResponseCode),
          message: String(out.Description ?? 'declined'),
        }
      } catch (e) {
        if (e instanceof GatewayUnavailable) return { status: 'failed', retryable: true, message: e.message }
        throw e
      }
    },
    createRecurring: (r) =>
      unavailable(async () => {
        const out = ok(
          await call('/api/v11/RecurringPayments/Add', {
            Token: r.token,
            AmountMinor: Number(r.amountMinor),
            IntervalDays: r.intervalDays,
            ReturnValue: r.reference,
          }),
          'the recurring payment',
        )
        return { recurringId: String(out.RecurringId) }
      }),
    cancelRecurring: (id) =>
      unavailable(async () => {
        ok(await call('/api/v11/RecurringPayments/Delete', { RecurringId: id }), 'the cancellation')
      }),
    verifyWebhook(rawBody, headers, now) {
      const header = headers['x-signature']
      const body = verifySignedBody(
        settings.webhookSecret,
        rawBody,
        Array.isArray(header) ? header[0] : header,
        now,
      )
      const isPage = body.Type === 'LowProfile'
      return {
        id: String(body.EventId),
        type: String(body.Type ?? 'unknown'),
        timestamp: new Date(String(body.Timestamp)),
        sessionId: isPage ? String(body.LowProfileId ?? '') : null,
        reference: typeof body.ReturnValue === 'string' ? body.ReturnValue : null,
        result: isPage ? resultFrom(body) : null,
        payload: body,
      }
    },
  }
}

declare module '../../../kernel/context.ts' {
  interface AppServices {
    /** OFAIR's payment provider (the local test server in demo mode and tests). */
    ofairGateway?: PaymentGateway
  }
}
