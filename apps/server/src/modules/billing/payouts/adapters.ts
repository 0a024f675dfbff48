import Stripe from 'stripe'
import type { AppContext } from '../../../kernel/context.ts'

/**
 * How money leaves the platform for a recruiter. Two adapters:
 * - **Stripe Connect** (with a Stripe key, and in demo mode): one transfer per payout to the
 *   recruiter's Express account, with one idempotency key per payout reused on every attempt,
 *   `transfer_group` = the placement and `source_transaction` = the card charge when known; then a
 *   bank payout on the connected account (see `sendBankPayout`).
 * - **Manual bank transfer** (the default without a key): the payout waits in a CSV batch that an
 *   admin pays from the platform's bank and marks paid or failed.
 *
 * Outcomes are values. Stripe's errors are sorted once, here: temporary ones (no answer, 5xx, 429,
 * the same key still running) are retried, at most three attempts in all; permanent ones about the
 * destination account park the payout until `account.updated` says it can receive money; other
 * permanent ones need an admin.
 */
export type TransferOutcome =
  | { kind: 'sent'; transferId: string }
  | { kind: 'awaiting_manual' }
  | { kind: 'temporary'; message: string; code: string | null }
  | { kind: 'account'; message: string; code: string | null }
  | { kind: 'permanent'; message: string; code: string | null }

export interface TransferRequest {
  payoutId: string
  idempotencyKey: string
  amount: bigint
  currency: string
  destination: string | null
  transferGroup: string
  /** The company's card payment (its PaymentIntent id) whose charge funds the transfer, if known. */
  sourcePaymentIntent: string | null
  metadata: Record<string, string>
}

export interface PayoutAdapter {
  method: 'stripe_connect' | 'manual_bank'
  transfer(request: TransferRequest): Promise<TransferOutcome>
  /** A transfer this payout already made (looked up by its group and `metadata.payout_id`). */
  findTransfer(
    request: Pick<TransferRequest, 'payoutId' | 'transferGroup' | 'destination'>,
  ): Promise<{ found: true; transferId: string } | { found: false } | { found: 'unknown'; message: string }>
}

/** Stripe errors about the destination account: waiting for the recruiter (onboarding, verification). */
const ACCOUNT_CODES = new Set([
  'insufficient_capabilities_for_transfer',
  'account_invalid',
  'account_closed',
  'transfers_not_allowed',
  'payouts_not_allowed',
])

export function classifyStripeError(
  err: unknown,
): Exclude<TransferOutcome, { kind: 'sent' | 'awaiting_manual' }> {
  const message = err instanceof Error ? err.message : String(err)
  if (!(err instanceof Stripe.errors.StripeError)) return { kind: 'temporary', message, code: null }
  const code = err.code ?? null
  if (
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeRateLimitError ||
    err instanceof Stripe.errors.StripeAPIError ||
    code === 'idempotency_key_in_use' ||
    code === 'lock_timeout' ||
    code === 'rate_limit' ||
    (err.statusCode ?? 0) >= 500 ||
    err.statusCode === 429 ||
    err.statusCode === 409
  ) {
    return { kind: 'temporary', message, code }
  }
  // the platform's own balance will have the money once charges settle: worth another attempt
  if (code === 'balance_insufficient') return { kind: 'temporary', message, code }
  if (code && ACCOUNT_CODES.has(code)) return { kind: 'account', message, code }
  if (err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'destination') {
    return { kind: 'account', message, code }
  }
  return { kind: 'permanent', message, code }
}

export function stripeClientOf(ctx: AppContext): Stripe | undefined {
  return ctx.services.stripe?.client
}

/** Resolves a PaymentIntent's latest charge once per process (it never changes once succeeded). */
const chargeOfIntent = new Map<string, string | null>()

export function stripeConnectAdapter(client: Stripe): PayoutAdapter {
  const sourceChargeOf = async (intentId: string): Promise<string | null> => {
    if (chargeOfIntent.has(intentId)) return chargeOfIntent.get(intentId) ?? null
    try {
      const intent = await client.paymentIntents.retrieve(intentId)
      const charge =
        typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? null)
      chargeOfIntent.set(intentId, charge)
      return charge
    } catch (err) {
      // an intent Stripe does not know (demo data) funds nothing: transfer from the balance instead
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404) {
        chargeOfIntent.set(intentId, null)
        return null
      }
      throw err
    }
  }
  return {
    method: 'stripe_connect',
    async transfer(r) {
      if (!r.destination) {
        return { kind: 'account', message: 'The recruiter has no Stripe account yet', code: 'no_account' }
      }
      try {
        const source = r.sourcePaymentIntent ? await sourceChargeOf(r.sourcePaymentIntent) : null
        const transfer = await client.transfers.create(
          {
            amount: Number(r.amount),
            currency: r.currency.toLowerCase(),
            destination: r.destination,
            transfer_group: r.transferGroup,
            ...(source ? { source_transaction: source } : {}),
            description: `Payout ${r.payoutId}`,
            metadata: { ...r.metadata, payout_id: r.payoutId },
          },
          { idempotencyKey: r.idempotencyKey },
        )
        return { kind: 'sent', transferId: transfer.id }
      } catch (err) {
        return classifyStripeError(err)
      }
    },
    async findTransfer(r) {
      try {
        for await (const t of client.transfers.list({
          transfer_group: r.transferGroup,
          ...(r.destination ? { destination: r.destination } : {}),
          limit: 100,
        })) {
          if (t.metadata?.payout_id === r.payoutId) return { found: true as const, transferId: t.id }
        }
        return { found: false as const }
      } catch (err) {
        return { found: 'unknown' as const, message: err instanceof Error ? err.message : String(err) }
      }
    },
  }
}

/** The manual bank-transfer adapter: nothing leaves here; the payout joins the admin's CSV batch. */
export const manualBankAdapter: PayoutAdapter = {
  method: 'manual_bank',
  async transfer() {
    return { kind: 'awaiting_manual' }
  },
  async findTransfer() {
    return { found: false }
  },
}

/** The adapter of this process: Stripe Connect when Stripe is configured (or in demo mode), else manual. */
export function payoutAdapterOf(ctx: AppContext): PayoutAdapter {
  const client = stripeClientOf(ctx)
  return client ? stripeConnectAdapter(client) : manualBankAdapter
}

export function payoutMethodOf(ctx: AppContext): 'stripe_connect' | 'manual_bank' {
  return stripeClientOf(ctx) ? 'stripe_connect' : 'manual_bank'
}
