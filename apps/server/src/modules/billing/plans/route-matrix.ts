import type { RouteCase } from '../../../security/route-cases.ts'

/**
 * Who may call each plans route. A subscription has no id in its address: it is always the
 * caller's own (`/api/subscriptions`), so there is no other recruiter's document to reach.
 */
export const plansRouteMatrix: Record<string, RouteCase> = {
  'GET /api/admin/plans': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/plans/invoices/:invoiceId/refunds': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/plans': { access: 'public', why: 'the price list' },
  'GET /api/subscriptions': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/subscriptions/card': { access: 'roles', wrongRole: 'hiring-manager' },
  'POST /api/subscriptions': { access: 'roles', wrongRole: 'company-admin' },
  'PATCH /api/subscriptions': { access: 'roles', wrongRole: 'candidate' },
  'DELETE /api/subscriptions': { access: 'roles', wrongRole: 'company-admin' },
  'DELETE /api/subscriptions/scheduled-change': { access: 'roles', wrongRole: 'company-admin' },
}
