import type { Sim } from '../engine/sim.ts'
import { type PageResult, page } from '../resources/account-links.ts'
import { completeAuthentication } from '../resources/payment-attempts.ts'

/**
 * `GET /3ds/<payment_intent>`: the page `next_action` points to. Visiting it passes 3-D Secure
 * (`?outcome=fail` fails it) and, like Stripe, sends the customer to return_url with
 * `payment_intent`, `payment_intent_client_secret` and `redirect_status` appended.
 */
export function visitThreeDSecure(sim: Sim, piId: string, outcome: string | null): PageResult {
  const owner = sim.ownerOf(piId)
  const pi = owner ? sim.get('payment_intent', piId, owner) : undefined
  if (pi?.status !== 'requires_action') {
    return {
      status: 410,
      html: page('Nothing to authenticate', '<p>This payment does not need authentication.</p>'),
    }
  }
  const returnUrl = pi.next_action?.redirect_to_url?.return_url ?? null
  const done = completeAuthentication(sim, piId, outcome === 'fail' ? 'fail' : 'succeed')
  const redirectStatus = done.status === 'succeeded' ? 'succeeded' : 'failed'
  if (!returnUrl) {
    return {
      status: 200,
      html: page(`Authentication ${redirectStatus}`, '<p>You can close this window.</p>'),
    }
  }
  const target = new URL(returnUrl)
  target.searchParams.set('payment_intent', done.id)
  target.searchParams.set('payment_intent_client_secret', done.client_secret)
  target.searchParams.set('redirect_status', redirectStatus)
  return { status: 303, location: target.toString(), html: page('Authentication finished', '') }
}
