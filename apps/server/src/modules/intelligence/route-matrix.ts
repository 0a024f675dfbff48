import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call matching's routes (a suggestion of another recruiter's candidate answers 404: matches.int.test.ts). */
export const intelligenceRouteMatrix: Record<string, RouteCase> = {
  'GET /api/matches': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/matches/:id': { access: 'roles', wrongRole: 'ofair-consumer' },
  'POST /api/matches/:id/accept': { access: 'roles', wrongRole: 'candidate' },
  'POST /api/matches/:id/reject': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/matches/recruiter-fit': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/decisions': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/matching/models': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/matching/models/refit': { access: 'roles', wrongRole: 'hiring-manager' },
  'GET /api/admin/matching/fairness': { access: 'roles', wrongRole: 'recruiter' },
}
