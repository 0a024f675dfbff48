import type { RouteCase } from '../../../security/route-cases.ts'
import { ofairFixture } from '../route-matrix.ts'

/** Who may call the payment-provider side of OFAIR (payment methods, payouts, collection). */
export const collectionRouteMatrix: Record<string, RouteCase> = {
  'POST /api/ofair/payments/webhook': {
    access: 'public',
    why: 'The payment provider, proven by the HMAC signature on the raw body.',
  },
  'POST /api/ofair/payment-methods/setup': { access: 'roles', wrongRole: 'ofair-consumer' },
  'POST /api/ofair/payment-methods/setup/:id/complete': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/payment-methods': { access: 'roles', wrongRole: 'ofair-consumer' },
  'PUT /api/ofair/payment-methods/:id/autopay': { access: 'roles', wrongRole: 'ofair-consumer' },
  'DELETE /api/ofair/payment-methods/:id': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/payouts/preference': { access: 'roles', wrongRole: 'ofair-consumer' },
  'PUT /api/ofair/payouts/preference': { access: 'roles', wrongRole: 'agency-recruiter' },
  'GET /api/ofair/payouts/:pro_id': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: {
      intruder: 'ofair-plumber',
      params: async (m) => ({ pro_id: (await ofairFixture(m)).electrician }),
      expect: 404,
    },
  },
  'POST /api/ofair/payments/initiate': { access: 'roles', wrongRole: 'agency-recruiter' },
  'GET /api/ofair/admin/collection-alerts': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/collection-alerts/:id/resolve': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/admin/payout-batches': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/payout-batches': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/admin/payout-batches/:id/csv': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/payouts/:id/decide': { access: 'roles', wrongRole: 'ofair-consumer' },
}
