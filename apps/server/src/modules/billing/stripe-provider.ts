import Stripe from 'stripe'
import { AppError } from '../../kernel/errors.ts'
import type { PaymentProvider } from './payments.ts'

/**
 * Stripe as billing's payment provider, through the official SDK: PaymentIntents confirmed at
 * once with the payment's own idempotency key, refunds likewise, and webhook events verified on
 * the raw body. Expected failures come back as values with `retryable` (a declined card is not
 * worth retrying; a 5xx, a 429, a lost connection or a key still in flight is).
 */
export interface StripeSettings {
  secretKey: string
  webhookSecret: string
  /** Another API base (the local Stripe test server in tests and demo mode), e.g. http://127.0.0.1:12111 */
  apiUrl?: string | undefined
}

export interface StripeProvider extends PaymentProvider {
  readonly client: Stripe
  /** The event, when the signature on the raw body verifies (within 5 minutes); else a 400. */
  verifyWebhook(rawBody: Buffer, signature: string | undefined): Stripe.Event
}

const BANK_DEBIT_TYPE: Record<string, 'sepa_debit' | 'us_bank_account'> = {
  EUR: 'sepa_debit',
  USD: 'us_bank_account',
}

export function stripeProvider(settings: StripeSettings): StripeProvider {
  const base = settings.apiUrl ? new URL(settings.apiUrl) : undefined
  const client = new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
          protocol: base.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  })

  const failure = (err: unknown) => {
    if (err instanceof Stripe.errors.StripeCardError) {
      return {
        retryable: false,
        message: err.message,
        declineCode: err.decline_code ?? err.code,
        providerId: (err.raw as { payment_intent?: { id?: string } }).payment_intent?.id ?? null,
      }
    }
    const retryable =
      err instanceof Stripe.errors.StripeConnectionError ||
      err instanceof Stripe.errors.StripeRateLimitError ||
      err instanceof Stripe.errors.StripeAPIError ||
      (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500)
    return {
      retryable,
      message: err instanceof Error ? err.message : String(err),
      declineCode: undefined,
      providerId: null,
    }
  }

  return {
    client,
    async createPayment(input) {
      if (input.amount > 99_999_999n) {
        return {
          ok: false as const,
          providerId: null,
          retryable: false,
          message: 'The amount is above what one card payment may take',
        }
      }
      const type = input.method === 'card' ? 'card' : BANK_DEBIT_TYPE[input.currency]
      if (!type) {
        return {
          ok: false as const,
          providerId: null,
          retryable: false,
          message: `Bank debits are not offered in ${input.currency}`,
        }
      }
      try {
        const intent = await client.paymentIntents.create(
          {
            amount: Number(input.amount),
            currency: input.currency.toLowerCase(),
            payment_method: input.paymentMethod,
            confirm: true,
            allowed_payment_method_types: [type],
            description: input.description,
            metadata: input.metadata,
          } as Stripe.PaymentIntentCreateParams,
          { idempotencyKey: input.idempotencyKey },
        )
        const status = String(intent.status)
        if (status === 'succeeded' || status === 'processing' || status === 'requires_action') {
          return { ok: true as const, providerId: intent.id, status }
        }
        return {
          ok: false as const,
          providerId: intent.id,
          retryable: false,
          message: intent.last_payment_error?.message ?? `The payment is ${status.replaceAll('_', ' ')}`,
        }
      } catch (err) {
        const f = failure(err)
        return {
          ok: false as const,
          providerId: f.providerId,
          retryable: f.retryable,
          message: f.message,
          declineCode: f.declineCode,
        }
      }
    },
    async refund(input) {
      try {
        const refund = await client.refunds.create(
          {
            payment_intent: input.providerPaymentId,
            amount: Number(input.amount),
            metadata: { reason: input.reason.slice(0, 400) },
          },
          { idempotencyKey: input.idempotencyKey },
        )
        return { ok: true, providerId: refund.id }
      } catch (err) {
        const f = failure(err)
        return { ok: false, retryable: f.retryable, message: f.message }
      }
    },
    verifyWebhook(rawBody, signature) {
      if (!signature) {
        throw new AppError('webhook_signature_invalid', 'The Stripe-Signature header is missing')
      }
      try {
        return client.webhooks.constructEvent(rawBody, signature, settings.webhookSecret, 300)
      } catch (err) {
        throw new AppError(
          'webhook_signature_invalid',
          `The Stripe-Signature does not verify for this body (or is older than 5 minutes): ${(err as Error).message}`,
        )
      }
    },
  }
}
