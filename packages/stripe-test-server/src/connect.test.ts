import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { failure, onboardedAccount, paidIntent, startHarness } from './test-support.ts'

async function newAccount(stripe: Stripe) {
  return stripe.accounts.create({
    type: 'express',
    country: 'US',
    email: 'rachel@recruiters.test',
    capabilities: { transfers: { requested: true } },
    metadata: { recruiter: 'r_1' },
  })
}

describe('Express accounts and onboarding', () => {
  test('a new account is restricted until onboarding is done through its account link', async () => {
    const h = await startHarness()
    const account = await newAccount(h.stripe)
    expect(account.id).toMatch(/^acct_/)
    expect(account).toMatchObject({
      type: 'express',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: 'inactive' },
      requirements: { disabled_reason: 'requirements.past_due' },
    })
    expect(account.requirements?.currently_due).toContain('external_account')

    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://app.example.test/connect/refresh',
      return_url: 'https://app.example.test/connect/return',
    })
    expect(link.object).toBe('account_link')
    expect(link.expires_at - link.created).toBe(300)
    expect(link.url.startsWith(`${h.server.url}/connect/onboarding/`)).toBe(true)

    const visit = await fetch(link.url, { redirect: 'manual' })
    expect(visit.status).toBe(303)
    expect(visit.headers.get('location')).toBe('https://app.example.test/connect/return')
    const done = await h.stripe.accounts.retrieve(account.id)
    expect(done).toMatchObject({
      payouts_enabled: true,
      details_submitted: true,
      capabilities: { transfers: 'active' },
      requirements: { currently_due: [], disabled_reason: null },
    })
    const [updated] = h.server.control.events({ type: 'account.updated' })
    expect(updated?.account).toBe(account.id)
    expect(updated?.data.previous_attributes).toMatchObject({ payouts_enabled: false })

    // Single use: a second visit shows the error page that points to refresh_url.
    const again = await fetch(link.url, { redirect: 'manual' })
    expect(again.status).toBe(410)
    expect(await again.text()).toContain('https://app.example.test/connect/refresh')
  })

  test('an account link expires after 300 seconds', async () => {
    const h = await startHarness()
    const account = await newAccount(h.stripe)
    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://app.example.test/r',
      return_url: 'https://app.example.test/ok',
    })
    h.server.control.advanceClock(300_000)
    expect((await fetch(link.url, { redirect: 'manual' })).status).toBe(410)
    expect((await h.stripe.accounts.retrieve(account.id)).payouts_enabled).toBe(false)
  })

  test('onboarding can end pending verification, and be undone later', async () => {
    const h = await startHarness()
    const account = await newAccount(h.stripe)
    h.server.control.setOnboarding(account.id, 'pending_verification')
    const pending = await h.stripe.accounts.retrieve(account.id)
    expect(pending).toMatchObject({
      details_submitted: true,
      capabilities: { transfers: 'pending' },
      requirements: { disabled_reason: 'requirements.pending_verification' },
    })
    h.server.control.completeOnboarding(account.id)
    h.server.control.undoOnboarding(account.id)
    const restricted = await h.stripe.accounts.retrieve(account.id)
    expect(restricted).toMatchObject({ payouts_enabled: false, capabilities: { transfers: 'inactive' } })
    expect(restricted.requirements?.past_due).toEqual(['individual.verification.document'])
    expect(h.server.control.events({ type: 'account.updated', account: account.id })).toHaveLength(3)
  })

  test('accounts list and update; a connected account reads itself with Stripe-Account', async () => {
    const h = await startHarness()
    const a = await newAccount(h.stripe)
    const b = await newAccount(h.stripe)
    expect((await h.stripe.accounts.list()).data.map((x) => x.id)).toEqual([b.id, a.id])
    const updated = await h.stripe.accounts.update(a.id, { metadata: { tier: 'gold' } })
    expect(updated.metadata).toEqual({ recruiter: 'r_1', tier: 'gold' })
    const self = await h.stripe.accounts.retrieveCurrent({}, { stripeAccount: a.id })
    expect(self.id).toBe(a.id)
    const unknown = await failure(h.stripe.balance.retrieve({}, { stripeAccount: 'acct_unknown' }))
    expect(unknown).toBeInstanceOf(Stripe.errors.StripePermissionError)
    const deleted = await h.stripe.accounts.del(b.id)
    expect(deleted).toMatchObject({ id: b.id, deleted: true })
    expect((await failure(h.stripe.accounts.retrieve(b.id))).statusCode).toBe(404)
  })
})

describe('transfers and reversals', () => {
  test('a transfer to an account without an active transfers capability is refused', async () => {
    const h = await startHarness()
    await paidIntent(h, 50_000)
    const account = await newAccount(h.stripe)
    const err = await failure(
      h.stripe.transfers.create({ amount: 1000, currency: 'usd', destination: account.id }),
    )
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(err).toMatchObject({ code: 'insufficient_capabilities_for_transfer', param: 'destination' })
    expect(h.server.control.countTransfers()).toBe(0)
  })

  test('a transfer needs available platform funds unless it names its source_transaction', async () => {
    const h = await startHarness({ settlementDelayMs: 2 * 24 * 3600_000 })
    const account = await onboardedAccount(h)
    const pi = await paidIntent(h, 80_000)
    const err = await failure(
      h.stripe.transfers.create({ amount: 1000, currency: 'usd', destination: account.id }),
    )
    expect(err).toMatchObject({ statusCode: 400, code: 'balance_insufficient' })

    const transfer = await h.stripe.transfers.create({
      amount: 60_000,
      currency: 'usd',
      destination: account.id,
      source_transaction: pi.latest_charge as string,
      transfer_group: 'placement_1',
    })
    expect(transfer.id).toMatch(/^tr_/)
    const connected = await h.stripe.balance.retrieve({}, { stripeAccount: account.id })
    expect(connected.pending).toEqual([{ amount: 60_000, currency: 'usd', source_types: { card: 60_000 } }])
    expect(connected.available[0]?.amount).toBe(0)

    const tooMuch = await failure(
      h.stripe.transfers.create({
        amount: 20_001,
        currency: 'usd',
        destination: account.id,
        source_transaction: pi.latest_charge as string,
      }),
    )
    expect(tooMuch.code).toBe('balance_insufficient')

    h.server.control.advanceClock(2 * 24 * 3600_000)
    const settled = await h.stripe.balance.retrieve({}, { stripeAccount: account.id })
    expect(settled.available[0]?.amount).toBe(60_000)
    const platform = await h.stripe.balance.retrieve()
    expect(platform.available[0]?.amount).toBe(20_000)
  })

  test('transfers list by destination and transfer_group; partial and full reversals', async () => {
    const h = await startHarness()
    const a = await onboardedAccount(h)
    const b = await onboardedAccount(h)
    await paidIntent(h, 100_000)
    const ta = await h.stripe.transfers.create({
      amount: 30_000,
      currency: 'usd',
      destination: a.id,
      transfer_group: 'p1',
    })
    await h.stripe.transfers.create({
      amount: 20_000,
      currency: 'usd',
      destination: b.id,
      transfer_group: 'p1',
    })
    await h.stripe.transfers.create({
      amount: 10_000,
      currency: 'usd',
      destination: a.id,
      transfer_group: 'p2',
    })
    expect((await h.stripe.transfers.list({ transfer_group: 'p1' })).data).toHaveLength(2)
    expect((await h.stripe.transfers.list({ destination: a.id })).data).toHaveLength(2)
    expect(h.server.control.transfersByDestinationAndGroup()).toEqual({
      [`${a.id}|p1`]: 1,
      [`${b.id}|p1`]: 1,
      [`${a.id}|p2`]: 1,
    })

    const partial = await h.stripe.transfers.createReversal(ta.id, { amount: 10_000 })
    expect(partial.id).toMatch(/^trr_/)
    expect(await h.stripe.transfers.retrieve(ta.id)).toMatchObject({
      amount_reversed: 10_000,
      reversed: false,
    })
    const over = await failure(h.stripe.transfers.createReversal(ta.id, { amount: 20_001 }))
    expect(over.code).toBe('amount_too_large')
    await h.stripe.transfers.createReversal(ta.id)
    expect(await h.stripe.transfers.retrieve(ta.id)).toMatchObject({
      amount_reversed: 30_000,
      reversed: true,
    })
    const again = await failure(h.stripe.transfers.createReversal(ta.id, { amount: 1 }))
    expect(again.code).toBe('transfer_already_reversed')
    expect((await h.stripe.transfers.listReversals(ta.id)).data.map((r) => r.amount)).toEqual([
      20_000, 10_000,
    ])

    expect((await h.stripe.balance.retrieve({}, { stripeAccount: a.id })).available[0]?.amount).toBe(10_000)
    expect((await h.stripe.balance.retrieve()).available[0]?.amount).toBe(
      100_000 - 30_000 - 20_000 - 10_000 + 30_000,
    )
    expect(h.server.control.events({ type: 'transfer.reversed' })).toHaveLength(2)
  })

  test('a reversal is refused when the connected account has already paid the money out', async () => {
    const h = await startHarness({ payouts: { mode: 'manual' } })
    const account = await onboardedAccount(h)
    await paidIntent(h, 50_000)
    const transfer = await h.stripe.transfers.create({
      amount: 25_000,
      currency: 'usd',
      destination: account.id,
    })
    await h.stripe.payouts.create({ amount: 20_000, currency: 'usd' }, { stripeAccount: account.id })
    const err = await failure(h.stripe.transfers.createReversal(transfer.id, { amount: 10_000 }))
    expect(err.code).toBe('balance_insufficient')
    const ok = await h.stripe.transfers.createReversal(transfer.id, { amount: 5_000 })
    expect(ok.amount).toBe(5_000)
  })
})

describe('payouts on connected accounts', () => {
  async function funded(h: Awaited<ReturnType<typeof startHarness>>, amount: number) {
    const account = await onboardedAccount(h)
    await paidIntent(h, amount)
    await h.stripe.transfers.create({ amount, currency: 'usd', destination: account.id })
    return account
  }

  test('pending → in_transit → paid, with events that carry the account', async () => {
    const h = await startHarness({
      payouts: { mode: 'auto', inTransitAfterMs: 3600_000, paidAfterMs: 2 * 24 * 3600_000 },
    })
    const account = await funded(h, 40_000)
    const payout = await h.stripe.payouts.create(
      { amount: 40_000, currency: 'usd' },
      { stripeAccount: account.id },
    )
    expect(payout).toMatchObject({
      status: 'pending',
      amount: 40_000,
      destination: expect.stringMatching(/^ba_/),
    })
    expect((await h.stripe.balance.retrieve({}, { stripeAccount: account.id })).available[0]?.amount).toBe(0)
    h.server.control.advanceClock(3600_000)
    expect((await h.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: account.id })).status).toBe(
      'in_transit',
    )
    h.server.control.advanceClock(2 * 24 * 3600_000)
    expect((await h.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: account.id })).status).toBe(
      'paid',
    )
    const paid = h.server.control.events({ type: 'payout.paid' })
    expect(paid).toHaveLength(1)
    expect(paid[0]?.account).toBe(account.id)
    // The platform cannot see the connected account's payout without Stripe-Account.
    expect((await failure(h.stripe.payouts.retrieve(payout.id))).statusCode).toBe(404)
  })

  test('a failed payout returns the money; a paid payout can still fail later', async () => {
    const h = await startHarness({ payouts: { mode: 'manual' } })
    const account = await funded(h, 30_000)
    const opts = { stripeAccount: account.id }
    const first = await h.stripe.payouts.create({ amount: 10_000, currency: 'usd' }, opts)
    const failed = h.server.control.payoutFailed(first.id, 'account_closed')
    expect(failed).toMatchObject({ status: 'failed', failure_code: 'account_closed' })
    expect(failed.failure_balance_transaction).toMatch(/^txn_/)
    expect((await h.stripe.balance.retrieve({}, opts)).available[0]?.amount).toBe(30_000)

    const second = await h.stripe.payouts.create({ amount: 30_000, currency: 'usd' }, opts)
    h.server.control.payoutPaid(second.id)
    expect((await h.stripe.balance.retrieve({}, opts)).available[0]?.amount).toBe(0)
    h.server.control.payoutFailed(second.id, 'no_account')
    const flipped = await h.stripe.payouts.retrieve(second.id, {}, opts)
    expect(flipped).toMatchObject({ status: 'failed', failure_code: 'no_account' })
    expect((await h.stripe.balance.retrieve({}, opts)).available[0]?.amount).toBe(30_000)
    const types = h.server.control.events({ account: account.id }).map((e) => e.type)
    expect(types.filter((t) => t === 'payout.failed')).toHaveLength(2)
    expect(types).toContain('payout.paid')
  })

  test('payouts need payouts enabled and enough available balance', async () => {
    const h = await startHarness()
    const fresh = await newAccount(h.stripe)
    const notAllowed = await failure(
      h.stripe.payouts.create({ amount: 1000, currency: 'usd' }, { stripeAccount: fresh.id }),
    )
    expect(notAllowed.code).toBe('payouts_not_allowed')
    const account = await funded(h, 5_000)
    const tooMuch = await failure(
      h.stripe.payouts.create({ amount: 5_001, currency: 'usd' }, { stripeAccount: account.id }),
    )
    expect(tooMuch.code).toBe('balance_insufficient')
  })

  test('a pending payout can be canceled; the money returns', async () => {
    const h = await startHarness({ payouts: { mode: 'manual' } })
    const account = await funded(h, 8_000)
    const opts = { stripeAccount: account.id }
    const payout = await h.stripe.payouts.create({ amount: 8_000, currency: 'usd' }, opts)
    const canceled = await h.stripe.payouts.cancel(payout.id, {}, opts)
    expect(canceled.status).toBe('canceled')
    expect((await h.stripe.balance.retrieve({}, opts)).available[0]?.amount).toBe(8_000)
    expect((await failure(h.stripe.payouts.cancel(payout.id, {}, opts))).code).toBe('payout_unexpected_state')
    expect((await h.stripe.payouts.list({ status: 'canceled' }, opts)).data.map((p) => p.id)).toEqual([
      payout.id,
    ])
  })
})
