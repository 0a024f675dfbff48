import type { MatrixContext, PersonaKey, RouteCase } from '../../../security/route-cases.ts'
import { type OfairFixture, ofairFixture } from '../route-matrix.ts'

const on = (
  intruder: PersonaKey,
  pick: (f: OfairFixture) => Record<string, string>,
  expect: 403 | 404,
  body?: unknown,
) => ({
  intruder,
  params: async (m: MatrixContext) => pick(await ofairFixture(m)),
  expect,
  ...(body !== undefined ? { body } : {}),
})

/**
 * Who may call OFAIR's review and project routes. Jobs, reviews and projects of other people are
 * proven in reviews/reviews.int.test.ts and projects/projects.int.test.ts (a rated job needs a
 * confirmed settlement, which the shared fixture does not make); here an outsider asks about the
 * fixture's consumer request, whose proposal is the plumber's.
 */
export const reviewRouteMatrix: Record<string, RouteCase> = {
  'GET /api/ofair/professionals/:id/reviews': {
    access: 'public',
    why: 'A professional’s public rating and visible reviews; reviewers by first name and city or anonymous.',
  },
  'GET /api/ofair/proposals/:id/review': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.proposal }), 404),
  },
  'POST /api/ofair/proposals/:id/review': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.proposal }), 404, { rating: 5 }),
  },
  'POST /api/ofair/reviews/:id/reply': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/admin/reviews': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/reviews/:id/hide': { access: 'roles', wrongRole: 'ofair-plumber' },
  'POST /api/ofair/admin/reviews/:id/unhide': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/admin/review-settings': { access: 'roles', wrongRole: 'ofair-electrician' },
  'PUT /api/ofair/admin/review-settings': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/leads/:id/project': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.consumerLead }), 404),
  },
  'GET /api/ofair/projects/:id': { access: 'roles', wrongRole: 'agency-recruiter' },
  'POST /api/ofair/projects/:id/milestones': { access: 'roles', wrongRole: 'candidate' },
  'PUT /api/ofair/projects/:id/milestones/:milestone_id': { access: 'roles', wrongRole: 'hiring-manager' },
  'POST /api/ofair/projects/:id/updates': { access: 'roles', wrongRole: 'company-admin' },
}
