import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call automation's routes: platform admins only (automation.int.test.ts covers the rest). */
export const automationRouteMatrix: Record<string, RouteCase> = {
  'GET /api/admin/automation/rules': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/automation/rules': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/admin/automation/rules/dry-run': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/automation/rules/:id': { access: 'roles', wrongRole: 'hiring-manager' },
  'PATCH /api/admin/automation/rules/:id': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/automation/rules/:id/activate': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/admin/automation/rules/:id/deactivate': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/automation/rules/:id/dry-run': { access: 'roles', wrongRole: 'candidate' },
  'POST /api/admin/automation/rules/:id/run': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/automation/executions': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/automation/executions/:id': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/automation/executions/:id/approve': { access: 'roles', wrongRole: 'hiring-manager' },
  'POST /api/admin/automation/executions/:id/reject': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/automation/executions/:id/retry': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/admin/automation/executions/:id/undo': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/automation/metrics': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/admin/automation/templates': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/automation/breaker': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/admin/automation/breaker/reset': { access: 'roles', wrongRole: 'company-admin' },
}
