import { type MatrixContext, other, type RouteCase } from '../../security/route-cases.ts'
import { payoutsRouteMatrix } from './payouts/route-matrix.ts'
import { plansRouteMatrix } from './plans/route-matrix.ts'

/** The fixture placement's invoice (billing makes it from the placement event, shortly after the hire). */
async function fixtureInvoice(m: MatrixContext): Promise<Record<string, string>> {
  const { placement } = await m.fixture()
  const headers = await m.headers('platform-admin')
  for (let i = 0; i < 400; i++) {
    const res = await fetch(`${m.ctx.config.http.publicUrl}/api/invoices?placement_id=${placement}`, {
      headers,
    })
    const body = (await res.json()) as { data?: { id: string }[] }
    if (body.data?.[0]) return { id: body.data[0].id }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the fixture placement was never invoiced')
}

/** Who may call each of billing's routes, and how the security test proves it. */
export const billingRouteMatrix: Record<string, RouteCase> = {
  'GET /api/placements/:id/statement': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('third-recruiter', (f) => ({ id: f.placement })),
  },
  'GET /api/placements/:id/billing': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('third-recruiter', (f) => ({ id: f.placement })),
  },
  'GET /api/invoices': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/invoices/:id': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: { intruder: 'other-company-admin', params: fixtureInvoice, expect: 404 },
  },
  'GET /api/invoices/:id/document': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: { intruder: 'other-company-admin', params: fixtureInvoice, expect: 404 },
  },
  'GET /api/invoices/:id.pdf': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    crossTenant: { intruder: 'other-company-admin', params: fixtureInvoice, expect: 404 },
  },
  'POST /api/invoices/:id/payments': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/invoices/:id/pay': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: {
      intruder: 'other-company-admin',
      params: fixtureInvoice,
      body: { method: 'card', payment_method: 'pm_card_visa' },
      // no provider in the matrix's app: refused before the invoice is even looked at would be a 503,
      // so the intruder must learn nothing either way
      expect: 404,
    },
  },
  'POST /api/refunds/:id/complete': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/contracts': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/contracts': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/contracts/:id': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/contracts/:id/approve': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/contracts/:id/reject': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/finance/summary': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/payout-audit': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/payout-audit/verification': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/companies/:id/billing-settings': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme })),
  },
  'PUT /api/companies/:id/billing-settings': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme }), 404, {
      invoice_grouping: 'monthly',
      issue_on: 'hire',
      fall_off_policy: 'credit',
      version: 0,
    }),
  },
  'GET /api/roles/:id/premium': { access: 'roles', wrongRole: 'candidate' },
  'PUT /api/roles/:id/premium': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole }), 404, { premium: null }),
  },
  'POST /api/webhooks/stripe': { access: 'public', why: 'Stripe, proven by the signature' },
  ...payoutsRouteMatrix,
  ...plansRouteMatrix,
}
