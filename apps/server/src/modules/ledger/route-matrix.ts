import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call each of the ledger's routes: platform admins only (finance). */
export const ledgerRouteMatrix: Record<string, RouteCase> = {
  'GET /api/admin/ledger/reconciliation': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/admin/ledger/accounts': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/admin/ledger/accounts/:id': { access: 'roles', wrongRole: 'ofair-admin' },
  'GET /api/admin/ledger/accounts/:id/entries': { access: 'roles', wrongRole: 'hiring-manager' },
  'GET /api/admin/ledger/postings/:id': { access: 'roles', wrongRole: 'agency-recruiter' },
  'GET /api/admin/ledger/postings': { access: 'roles', wrongRole: 'company-admin' },
}
