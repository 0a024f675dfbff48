import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call health's routes: platform admins, and each deal's own people for their deal risk. */
export const healthRouteMatrix: Record<string, RouteCase> = {
  'GET /api/admin/metrics/daily': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/metrics/liquidity': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/admin/metrics/backfill': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/metrics/backfill/:id': { access: 'roles', wrongRole: 'hiring-manager' },
  'GET /api/admin/metrics/deal-risk': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/metrics/alerts': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/me/deal-risk': {
    access: 'roles',
    wrongRole: 'candidate',
    // another company's admin sees their own deals only: none of Acme's (its placement is in guarantee)
    crossTenant: { intruder: 'other-company-admin', params: async () => ({}), expect: 'empty-list' },
  },
}
