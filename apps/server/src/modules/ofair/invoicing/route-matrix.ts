import type { MatrixContext, RouteCase } from '../../../security/route-cases.ts'
import { ofairFixture } from '../route-matrix.ts'

/** Who may call the invoicing routes (merged into OFAIR's matrix). */
export const invoiceRouteMatrix: Record<string, RouteCase> = {
  'GET /api/ofair/invoices/:professional_id': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    // another professional's documents: 403
    crossTenant: {
      intruder: 'ofair-plumber',
      params: async (m: MatrixContext) => ({ professional_id: (await ofairFixture(m)).electrician }),
      expect: 403,
    },
  },
  'GET /api/ofair/invoices/documents/:id.html': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/invoices/documents/:id.pdf': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/admin/invoice-runs': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/invoice-runs': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/admin/invoices': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/invoices/:id/allocation-number': { access: 'roles', wrongRole: 'ofair-plumber' },
  'POST /api/ofair/admin/invoices/:id/credit-note': { access: 'roles', wrongRole: 'ofair-electrician' },
}
