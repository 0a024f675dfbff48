import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call fraud's routes: platform admins only. */
export const fraudRouteMatrix: Record<string, RouteCase> = {
  'GET /api/admin/fraud/signals': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/fraud/signals/:id': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/admin/fraud/signals/:id/review': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/fraud/signals/:id/resolve': { access: 'roles', wrongRole: 'hiring-manager' },
  'POST /api/admin/fraud/signals/:id/dismiss': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/fraud/holds': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/fraud/holds/:recruiterId/lift': { access: 'roles', wrongRole: 'recruiter' },
}
