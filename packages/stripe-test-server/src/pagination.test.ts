import { describe, expect, test } from 'vitest'
import { failure, startHarness } from './test-support.ts'

describe('list pagination', () => {
  test('limit, starting_after, ending_before and auto-pagination, newest first', async () => {
    const h = await startHarness()
    const ids: string[] = []
    for (let i = 0; i < 7; i++)
      ids.push((await h.stripe.customers.create({ email: `c${i}@example.test` })).id)
    const newestFirst = [...ids].reverse()

    const page1 = await h.stripe.customers.list({ limit: 3 })
    expect(page1).toMatchObject({ object: 'list', has_more: true, url: '/v1/customers' })
    expect(page1.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 3))
    const page2 = await h.stripe.customers.list({ limit: 3, starting_after: page1.data[2]?.id })
    expect(page2.data.map((c) => c.id)).toEqual(newestFirst.slice(3, 6))
    const page3 = await h.stripe.customers.list({ limit: 3, starting_after: page2.data[2]?.id })
    expect(page3).toMatchObject({ has_more: false })
    expect(page3.data.map((c) => c.id)).toEqual(newestFirst.slice(6))
    const back = await h.stripe.customers.list({ limit: 2, ending_before: page2.data[0]?.id })
    expect(back.data.map((c) => c.id)).toEqual(newestFirst.slice(1, 3))

    const all = await h.stripe.customers.list({ limit: 2 }).autoPagingToArray({ limit: 100 })
    expect(all.map((c) => c.id)).toEqual(newestFirst)
    expect(h.server.control.calls()['GET /v1/customers']).toBe(4 + 4)
  })

  test('limit is 1..100 and cursors must exist', async () => {
    const h = await startHarness()
    expect((await failure(h.stripe.customers.list({ limit: 101 }))).param).toBe('limit')
    expect((await failure(h.stripe.customers.list({ starting_after: 'cus_nope' }))).code).toBe(
      'resource_missing',
    )
  })

  test('list filters: created range and expand on data', async () => {
    const h = await startHarness()
    const first = await h.stripe.customers.create({ email: 'old@example.test' })
    h.server.control.advanceClock(3600_000)
    await h.stripe.customers.create({ email: 'new@example.test' })
    const recent = await h.stripe.customers.list({ created: { gt: first.created } })
    expect(recent.data.map((c) => c.email)).toEqual(['new@example.test'])
    const pi = await h.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      allowed_payment_method_types: ['card'],
      confirm: true,
    })
    const charges = await h.stripe.charges.list({
      payment_intent: pi.id,
      expand: ['data.balance_transaction'],
    })
    expect(charges.data[0]?.balance_transaction).toMatchObject({
      object: 'balance_transaction',
      amount: 1000,
    })
  })
})
