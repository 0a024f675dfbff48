import { describe, expect, it } from 'vitest'
import { useStripeBrowserWorld } from '../packages/testing/src/stripe-browser-world.ts'

/**
 * The admin plans screen with a promo code and a refund, against the local Stripe test server:
 * Tom subscribes to Partner (monthly) with 20% off for good; the admin sees MRR $199.20 (list
 * $249.00), opens Tom's paid invoice, refunds $50.00 with a reason (reviewed, then confirmed), and
 * sees it in the refunds list, the invoice's refunded column and the chart.
 */
const world = useStripeBrowserWorld('plans-refunds')
const { as, pageOf, snap, unexpected } = world

describe('refunding a plan invoice from the admin plans screen', () => {
  it('shows discounted MRR, refunds part of an invoice through a confirm dialog, and lists the refund', async () => {
    const coupon = await fetch(`${world.stripe.url}/v1/coupons`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${world.stripe.secretKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'percent_off=20&duration=forever',
    }).then((r) => r.json() as Promise<{ id: string }>)
    await fetch(`${world.stripe.url}/v1/promotion_codes`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${world.stripe.secretKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `promotion[type]=coupon&promotion[coupon]=${coupon.id}&code=LOYAL20`,
    })
    expect((await as('tom').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })).status).toBe(
      200,
    )
    const sub = await as('tom').post('/api/subscriptions', {
      tier: 'partner',
      interval: 'month',
      promo_code: 'LOYAL20',
    })
    expect(sub.status).toBe(201)

    const { page, problems } = await pageOf('admin')
    await page.setViewportSize({ width: 1280, height: 1000 })
    await page.goto('/admin/plans')
    await expect.poll(() => page.getByTestId('plans-kpi-mrr').textContent()).toContain('$199.20')
    await expect
      .poll(() => page.getByTestId('plans-kpi-mrr').textContent())
      .toContain('$249.00 at list price')
    await expect.poll(() => page.getByTestId('plans-paid-invoices').textContent()).toContain('$199.20')
    await page
      .getByRole('button', { name: /^Refund invoice/ })
      .first()
      .click()
    const dialog = page.getByRole('dialog', { name: 'Refund a plan invoice' })
    await dialog.getByLabel('Amount').fill('50')
    await dialog.getByLabel(/Reason/).fill('Charged twice during the outage')
    await dialog.getByRole('button', { name: 'Review refund' }).click()
    await expect.poll(() => dialog.getByTestId('plan-refund-confirm-text').textContent()).toContain('$50.00')
    await world.shot(page, 'confirm')
    await dialog.getByRole('button', { name: 'Refund $50.00' }).click()
    await expect
      .poll(() => page.getByTestId('plans-refunds').textContent())
      .toContain('Charged twice during the outage')
    await expect.poll(() => page.getByTestId('plans-refunds').textContent()).toContain('Refunded')
    await expect.poll(() => page.getByTestId('plans-paid-invoices').textContent()).toContain('$50.00')
    await expect
      .poll(async () => (await as('admin').get('/api/admin/plans')).body.refunds[0]?.booked)
      .toBe(true)
    await snap(page, 'admin')
    await page.getByTestId('plans-refunds').scrollIntoViewIfNeeded()
    await world.shot(page, 'list')
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })
})
