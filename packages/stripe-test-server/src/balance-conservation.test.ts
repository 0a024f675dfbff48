import fc from 'fast-check'
import type Stripe from 'stripe'
import { expect, test } from 'vitest'
import { startHarness } from './test-support.ts'

type Op =
  | {
      kind: 'charge'
      amount: number
      card: 'pm_card_visa' | 'pm_card_bypassPending' | 'pm_card_chargeDeclined'
    }
  | { kind: 'refund'; pick: number; part: number }
  | { kind: 'transfer'; pick: number; amount: number; fromCharge: boolean }
  | { kind: 'reverse'; pick: number; part: number }
  | { kind: 'payout'; pick: number; part: number; fail: boolean }
  | { kind: 'wait'; hours: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('charge' as const),
    amount: fc.integer({ min: 50, max: 500_000 }),
    card: fc.constantFrom(
      'pm_card_visa' as const,
      'pm_card_bypassPending' as const,
      'pm_card_chargeDeclined' as const,
    ),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    part: fc.double({ min: 0.01, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    pick: fc.nat(),
    amount: fc.integer({ min: 1, max: 300_000 }),
    fromCharge: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('reverse' as const),
    pick: fc.nat(),
    part: fc.double({ min: 0.01, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('payout' as const),
    pick: fc.nat(),
    part: fc.double({ min: 0.01, max: 1, noNaN: true }),
    fail: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 72 }) }),
)

const FEE_BPS = 290
const FEE_FIXED = 30
const fee = (amount: number) => Math.round((amount * FEE_BPS) / 10_000) + FEE_FIXED

const total = (b: Stripe.Balance) =>
  [...b.available, ...b.pending].filter((x) => x.currency === 'usd').reduce((s, x) => s + x.amount, 0)

/**
 * Whatever happens, money is conserved: the platform holds charges − fees − refunds − transfers
 * + reversals, and each connected account holds its transfers − reversals − payouts + failed
 * payouts. Expectations come from the amounts the API accepted, not from the server's ledger.
 */
test('balances are conserved across random payments, refunds, transfers, reversals and payouts', async () => {
  const h = await startHarness({
    fees: { percentBps: FEE_BPS, fixed: FEE_FIXED },
    settlementDelayMs: 48 * 3600_000,
    payouts: { mode: 'manual' },
    tickMs: 0,
  })
  await fc.assert(
    fc.asyncProperty(fc.array(op, { maxLength: 20 }), async (ops) => {
      h.server.control.reset()
      const accounts: string[] = []
      for (let i = 0; i < 2; i++) {
        const a = await h.stripe.accounts.create({
          type: 'express',
          capabilities: { transfers: { requested: true } },
        })
        h.server.control.completeOnboarding(a.id)
        accounts.push(a.id)
      }
      const charges: Array<{ id: string; left: number }> = []
      const transfers: Array<{ id: string; left: number; destination: string }> = []
      let platform = 0
      const connected = new Map<string, number>(accounts.map((a) => [a, 0]))
      const add = (acct: string, n: number) => connected.set(acct, (connected.get(acct) ?? 0) + n)

      for (const o of ops) {
        try {
          if (o.kind === 'charge') {
            const pi = await h.stripe.paymentIntents.create({
              amount: o.amount,
              currency: 'usd',
              payment_method: o.card,
              allowed_payment_method_types: ['card'],
              confirm: true,
            })
            charges.push({ id: pi.latest_charge as string, left: o.amount })
            platform += o.amount - fee(o.amount)
          } else if (o.kind === 'refund' && charges.length) {
            const c = charges[o.pick % charges.length] as { id: string; left: number }
            const amount = Math.max(1, Math.floor(c.left * o.part))
            await h.stripe.refunds.create({ charge: c.id, amount })
            c.left -= amount
            platform -= amount
          } else if (o.kind === 'transfer') {
            const destination = accounts[o.pick % accounts.length] as string
            const source = o.fromCharge && charges.length ? charges[o.pick % charges.length] : undefined
            await h.stripe.transfers.create({
              amount: o.amount,
              currency: 'usd',
              destination,
              ...(source ? { source_transaction: source.id } : {}),
            })
            platform -= o.amount
            add(destination, o.amount)
          } else if (o.kind === 'reverse' && transfers.length) {
            const t = transfers[o.pick % transfers.length] as {
              id: string
              left: number
              destination: string
            }
            const amount = Math.max(1, Math.floor(t.left * o.part))
            await h.stripe.transfers.createReversal(t.id, { amount })
            t.left -= amount
            platform += amount
            add(t.destination, -amount)
          } else if (o.kind === 'payout') {
            const acct = accounts[o.pick % accounts.length] as string
            const available =
              (await h.stripe.balance.retrieve({}, { stripeAccount: acct })).available[0]?.amount ?? 0
            const amount = Math.max(1, Math.floor(available * o.part))
            const payout = await h.stripe.payouts.create({ amount, currency: 'usd' }, { stripeAccount: acct })
            add(acct, -amount)
            if (o.fail) {
              h.server.control.payoutFailed(payout.id)
              add(acct, amount)
            } else {
              h.server.control.payoutPaid(payout.id)
            }
          } else if (o.kind === 'wait') {
            h.server.control.advanceClock(o.hours * 3600_000)
          }
        } catch (err) {
          // Refusals (declines, insufficient funds, over-refunds, …) must leave balances untouched.
          if (!(err as { type?: string }).type?.startsWith('Stripe')) throw err
        }
        // Track transfers from the server only after the fact, so refused ones never count.
        const listed = await h.stripe.transfers.list({ limit: 100 })
        for (const t of listed.data) {
          if (!transfers.some((x) => x.id === t.id))
            transfers.push({ id: t.id, left: t.amount, destination: t.destination as string })
        }
        expect(total(await h.stripe.balance.retrieve())).toBe(platform)
        for (const acct of accounts) {
          expect(total(await h.stripe.balance.retrieve({}, { stripeAccount: acct }))).toBe(
            connected.get(acct),
          )
        }
      }
      // Available never goes below zero on connected accounts: they only pay out what they hold.
      for (const acct of accounts) {
        const b = await h.stripe.balance.retrieve({}, { stripeAccount: acct })
        expect(b.available[0]?.amount ?? 0).toBeGreaterThanOrEqual(0)
      }
    }),
    { numRuns: 25 },
  )
}, 120_000)
