import {
  type CrossTenantCase,
  type MatrixContext,
  other,
  type RouteCase,
} from '../../security/route-cases.ts'
import { interviewRouteMatrix } from './interviews/route-matrix.ts'

/** A saved search of the demo recruiter (made once), which the agency recruiter must not reach. */
const savedSearchIds = new WeakMap<object, Promise<string>>()
const someonesSearch = (body?: unknown): CrossTenantCase => ({
  intruder: 'agency-recruiter',
  expect: 404,
  params: async (m: MatrixContext) => {
    const made =
      savedSearchIds.get(m.ctx) ??
      (async () => {
        const res = await fetch(`${m.ctx.config.http.publicUrl}/api/saved-searches`, {
          method: 'POST',
          headers: { ...(await m.headers('recruiter')), 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Matrix ${crypto.randomUUID()}` }),
        })
        return ((await res.json()) as { id: string }).id
      })()
    savedSearchIds.set(m.ctx, made)
    return { id: await made }
  },
  ...(body !== undefined ? { body } : {}),
})

/** Who may call each of this module's routes, and how the security test proves it (see security/route-matrix.ts). */
export const recruitingRouteMatrix: Record<string, RouteCase> = {
  // recruiting: reference data
  'GET /api/recruiting/reference': { access: 'authenticated' },
  // recruiting: companies
  'GET /api/companies': { access: 'roles', wrongRole: 'candidate' },
  'POST /api/companies': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/companies/:id': { access: 'roles', wrongRole: 'ofair-consumer' },
  'PATCH /api/companies/:id': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme }), 403, { payment_terms: 'net_90' }),
  },
  'GET /api/companies/:id/team': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme }), 403),
  },
  'POST /api/companies/:id/team': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme }), 403, {
      email: 'spy@globex.demo',
      display_name: 'Spy',
      role: 'company_admin',
    }),
  },
  'DELETE /api/companies/:id/team/invitations/:invitationId': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: other('other-company-admin', (f) => ({ id: f.acme, invitationId: f.invitation }), 403),
  },
  // recruiting: recruiters
  'GET /api/recruiters': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/recruiters/me': { access: 'roles', wrongRole: 'company-admin' },
  'PATCH /api/recruiters/me': { access: 'roles', wrongRole: 'platform-admin' },
  'GET /api/recruiters/:id': { access: 'roles', wrongRole: 'ofair-electrician' },
  // recruiting: saved searches (a recruiter's own; another recruiter's answers 404)
  'GET /api/saved-searches': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/saved-searches': { access: 'roles', wrongRole: 'platform-admin' },
  'GET /api/saved-searches/:id': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: someonesSearch(),
  },
  'PATCH /api/saved-searches/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: someonesSearch({ name: 'Hijacked' }),
  },
  'DELETE /api/saved-searches/:id': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: someonesSearch(),
  },
  // recruiting: public profiles (any member; no private data, tested in discovery/)
  'GET /api/company-profiles/:slug': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/recruiter-profiles/:id': { access: 'roles', wrongRole: 'ofair-consumer' },
  // recruiting: roles
  'GET /api/roles': { access: 'roles', wrongRole: 'candidate' },
  'POST /api/roles': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/roles/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('agency-recruiter', (f) => ({ id: f.draftRole })),
  },
  'PATCH /api/roles/:id': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole }), 404, { title: 'Hijacked' }),
  },
  'POST /api/roles/:id/status': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole }), 404, { status: 'closed' }),
  },
  'GET /api/roles/:id/history': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole })),
  },
  'GET /api/roles/:id/assignments': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole })),
  },
  'PUT /api/roles/:id/assignments': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole }), 404, { recruiter_ids: [] }),
  },
  // recruiting: candidates (personal data)
  'GET /api/candidates': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/candidates': { access: 'roles', wrongRole: 'hiring-manager' },
  'POST /api/candidates/duplicate-check': { access: 'roles', wrongRole: 'platform-admin' },
  'GET /api/candidates/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('agency-recruiter', (f) => ({ id: f.candidate })),
  },
  'PATCH /api/candidates/:id': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: other('agency-recruiter', (f) => ({ id: f.candidate }), 404, { notes: 'mine now' }),
  },
  // recruiting: applications
  'POST /api/applications': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/applications': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/applications/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application })),
  },
  'POST /api/applications/:id/stage': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application }), 404, {
      to: 'rejected',
      reason: 'not ours',
    }),
  },
  'GET /api/me/applications': {
    access: 'roles',
    wrongRole: 'recruiter',
    // another candidate's list of her own applications is empty: Noa's are not hers
    crossTenant: other('other-candidate', () => ({}), 'empty-list'),
  },
  'POST /api/applications/:id/hire': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application }), 404, {
      base_salary: { amount: '1000000', currency: 'USD' },
      start_date: '2026-06-01',
    }),
  },
  // recruiting: notes, feedback and scorecards
  'GET /api/applications/:id/notes': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application })),
  },
  'POST /api/applications/:id/notes': {
    access: 'roles',
    wrongRole: 'platform-admin',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application }), 404, {
      kind: 'internal_note',
      body: 'not ours',
    }),
  },
  'GET /api/roles/:id/scorecard': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('agency-recruiter', (f) => ({ id: f.draftRole })),
  },
  'PUT /api/roles/:id/scorecard': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: other('other-company-admin', (f) => ({ id: f.openRole }), 404, {
      criteria: [{ name: 'Hijacked' }],
    }),
  },
  // recruiting: placements
  'GET /api/placements': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/placements/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.placement })),
  },
  'PUT /api/placements/:id/splits': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: other('third-recruiter', (f) => ({ id: f.placement }), 404, {
      splits: [
        {
          fee_role: 'candidate_recruiter',
          recruiter_id: '00000000-0000-7000-8000-000000000000',
          share_bps: 10000,
        },
      ],
    }),
  },
  'POST /api/placements/:id/splits/agree': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: other('third-recruiter', (f) => ({ id: f.placement })),
  },
  'POST /api/placements/:id/fall-off': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: other('other-company-admin', (f) => ({ id: f.placement }), 404, {
      reason: 'not ours',
      date: '2026-06-10',
    }),
  },
  // recruiting: ownership records and disputes
  'GET /api/ownership/disputes': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/ownership/disputes/:id': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: other('third-recruiter', (f) => ({ id: f.dispute })),
  },
  'POST /api/ownership/disputes/:id/dispute': {
    access: 'roles',
    wrongRole: 'platform-admin',
    crossTenant: other('third-recruiter', (f) => ({ id: f.dispute }), 404, {
      reason: 'I want this candidate too',
    }),
  },
  'POST /api/ownership/disputes/:id/resolve': { access: 'roles', wrongRole: 'recruiter' },
  // recruiting: conversations (conversations/routes.ts)
  'GET /api/applications/:id/messages': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application })),
  },
  'POST /api/applications/:id/messages': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.application }), 404, { text: 'hello' }),
  },
  'GET /api/roles/:id/questions': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('other-company-admin', (f) => ({ id: f.draftRole })),
  },
  'POST /api/roles/:id/questions': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: other('third-recruiter', (f) => ({ id: f.draftRole }), 404, { text: 'a question' }),
  },
  'GET /api/splits/conversations': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/admin/conversation-reports': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/admin/conversation-reports/:id/close': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/conversations/:id': { access: 'roles', wrongRole: 'hiring-manager' },
  'GET /api/admin/conversations/:id/attachments/:attachmentId': { access: 'roles', wrongRole: 'recruiter' },
  ...interviewRouteMatrix,
}
