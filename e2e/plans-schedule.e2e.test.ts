import { describe, expect, it } from 'vitest'
import { useStripeBrowserWorld } from '../packages/testing/src/stripe-browser-world.ts'

/**
 * A downgrade at the end of the paid period through the screens, and the admin plans screen,
 * against the local Stripe test server: Tom (Partner, monthly) chooses Pro, confirms, and sees
 * "Scheduled: Pro (monthly) from …" with his Partner plan kept; he calls it off and schedules it
 * again. Rachel's Pro trial ends on a failing card (dunning). The admin's /admin/plans shows the
 * subscribers per tier, MRR, the chart, the failed payment and Tom's scheduled change.
 */
const world = useStripeBrowserWorld('plans-schedule')
const { as, pageOf, snap, unexpected } = world

describe('a downgrade waits for the end of the paid period; the admin sees the plans', () => {
  it('1. Tom (Partner) schedules Pro from the period end, calls it off, schedules it again', async () => {
    await as('tom').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })
    expect((await as('tom').post('/api/subscriptions', { tier: 'partner', interval: 'month' })).status).toBe(
      201,
    )
    const { page, problems } = await pageOf('tom')
    await page.goto('/splits/plans')
    await expect.poll(() => page.getByTestId('current-plan').textContent()).toBe('Partner')
    await page.getByTestId('plan-pro').getByRole('button', { name: 'Downgrade to Pro' }).click()
    await expect.poll(() => page.getByText('Change to Pro on').isVisible()).toBe(true)
    await world.shot(page, 'confirm')
    await page.getByRole('button', { name: 'Schedule the change' }).click()
    const banner = page.getByTestId('scheduled-change')
    await expect.poll(() => banner.isVisible()).toBe(true)
    await expect.poll(() => banner.textContent()).toMatch(/Scheduled: Pro \(monthly\) from/)
    // the plan held now is still Partner; the Pro card says when it starts
    expect(await page.getByTestId('current-plan').textContent()).toBe('Partner')
    await expect
      .poll(() => page.getByTestId('plan-pro').getByRole('button').textContent())
      .toMatch(/^Scheduled from/)
    await snap(page, 'scheduled')
    await banner.getByRole('button', { name: 'Keep Partner' }).click()
    await expect.poll(() => banner.isVisible()).toBe(false)
    await page.getByTestId('plan-pro').getByRole('button', { name: 'Downgrade to Pro' }).click()
    await page.getByRole('button', { name: 'Schedule the change' }).click()
    await expect.poll(() => banner.isVisible()).toBe(true)
    const mine = (await as('tom').get('/api/subscriptions')).body
    expect(mine.subscription.scheduled_change).toMatchObject({ tier: 'pro', interval: 'month' })
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })

  it('2. Rachel’s Pro trial ends on a failing card: she is in dunning', async () => {
    await as('rachel').post('/api/subscriptions/card', { payment_method: 'pm_card_visa' })
    expect((await as('rachel').post('/api/subscriptions', { tier: 'pro' })).status).toBe(201)
    await as('rachel').post('/api/subscriptions/card', { payment_method: 'pm_card_chargeCustomerFail' })
    world.stripe.control.advanceClock(15 * 86_400_000)
    await world.stripe.control.waitForWebhooks()
    await world.signIn()
    await expect
      .poll(async () => (await as('rachel').get('/api/subscriptions')).body.subscription?.status, {
        timeout: 30_000,
      })
      .toBe('past_due')
  })

  it('3. the admin’s plans screen: KPIs, tiers, chart, failed payment, scheduled change', async () => {
    const { page, problems } = await pageOf('admin')
    await page.goto('/admin/plans')
    await expect
      .poll(() => page.getByRole('heading', { name: 'Recruiter plans' }).first().isVisible())
      .toBe(true)
    // Tom's Partner ($249.00) and Rachel's Pro in dunning ($99.00) are paying subscriptions
    await expect.poll(() => page.getByTestId('plans-kpi-mrr').textContent()).toContain('$348.00')
    await expect.poll(() => page.getByTestId('plans-kpi-subscribers').textContent()).toContain('2')
    await expect.poll(() => page.getByTestId('plans-past-due').textContent()).toContain('Rachel')
    await expect.poll(() => page.getByTestId('plans-scheduled').textContent()).toContain('Partner → Pro')
    await expect.poll(() => page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(2)
    // the menu has it under Finance
    await expect.poll(() => page.getByRole('link', { name: 'Recruiter plans' }).isVisible()).toBe(true)
    await snap(page, 'admin')
    await page.setViewportSize({ width: 1280, height: 1600 })
    await page.getByTestId('plans-past-due').scrollIntoViewIfNeeded()
    await world.shot(page, 'admin-lists')
    expect(unexpected(problems)).toEqual([])
    await page.context().close()
  })
})
