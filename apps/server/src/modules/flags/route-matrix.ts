import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call the flag routes (admin-only management; evaluated flags for anyone). */
export const flagsRouteMatrix: Record<string, RouteCase> = {
  'GET /api/admin/flags': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/flags': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/flags/:key': { access: 'roles', wrongRole: 'hiring-manager' },
  'PATCH /api/admin/flags/:key': { access: 'roles', wrongRole: 'recruiter' },
  'DELETE /api/admin/flags/:key': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/admin/flags/:key/history': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/flags': {
    access: 'public',
    why: 'The web app reads its client-visible flags before sign-in too; only flags marked client-visible are listed, evaluated for the caller.',
  },
}
