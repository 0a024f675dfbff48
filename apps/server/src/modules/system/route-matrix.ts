import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call each of this module's routes, and how the security test proves it (see security/route-matrix.ts). */
export const systemRouteMatrix: Record<string, RouteCase> = {
  // system
  'GET /health': { access: 'public', why: 'liveness probe' },
  'GET /ready': { access: 'public', why: 'readiness probe' },
  'GET /metrics': { access: 'public', why: 'Prometheus scrape (optional bearer token)' },
  'GET /openapi.json': { access: 'public', why: 'API description' },
  'GET /api/errors': { access: 'public', why: 'error catalogue' },
  'GET /docs': { access: 'public', why: 'API reference UI' },
  'GET /docs/json': { access: 'public', why: 'API reference UI' },
  'GET /docs/yaml': { access: 'public', why: 'API reference UI' },
  'GET /docs/static/*': { access: 'public', why: 'API reference UI' },
  'GET /docs/static/index.html': { access: 'public', why: 'API reference UI' },
  'GET /docs/static/swagger-initializer.js': { access: 'public', why: 'API reference UI' },
  'GET /*': { access: 'public', why: 'the web app' },
  'GET /api/_test/slow': { access: 'public', why: 'test hook, TEST_HOOKS only' },
  'GET /api/_test/boom': { access: 'public', why: 'test hook, TEST_HOOKS only' },
  'POST /api/_test/echo': { access: 'public', why: 'test hook, TEST_HOOKS only' },
  'GET /api/admin/jobs': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/jobs/dead': { access: 'roles', wrongRole: 'ofair-admin' },
  'POST /api/admin/jobs/dead/:queue/:id/retry': { access: 'roles', wrongRole: 'recruiter' },
}
