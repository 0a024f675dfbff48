import { z } from 'zod'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { ofairRoute as route, who } from '../route.ts'
import { printPdf, renderDocumentHtml } from './document.ts'
import {
  ZAdminDocumentsQuery,
  ZAllocationIn,
  ZCreditNoteIn,
  ZDocumentsQuery,
  ZInvoiceDocument,
  ZInvoiceRun,
  ZRunIn,
} from './schemas.ts'
import {
  cachedPdf,
  enterAllocationNumber,
  issueCreditNote,
  listDocuments,
  listForProfessional,
  listRuns,
  produceRendering,
  requestRun,
  storePdf,
} from './service.ts'

const tags = ['ofair-invoices']
const adminTags = ['ofair-admin']
const listOfDocuments = z.object({ data: z.array(ZInvoiceDocument) })

/** OFAIR's monthly documents: the professional's list and renderings, and the admins' runs. */
export const invoiceRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/invoices/:professional_id',
    operationId: 'listOfairInvoices',
    summary: 'A professional’s tax invoices, credit notes and settlement statements, newest first',
    description: 'The professional themself or an OFAIR admin; anyone else gets 403.',
    tags,
    access: who.professionalOrAdmin,
    params: z.strictObject({ professional_id: z.uuid() }),
    query: ZDocumentsQuery,
    response: listOfDocuments,
    handler: async ({ tx, caller, params, query }) =>
      listForProfessional(tx, caller, params.professional_id, query),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/invoices/documents/:id.html',
    operationId: 'getOfairInvoiceHtml',
    summary:
      'A document as Hebrew HTML: the first rendering is the original (מקור), later ones copies (העתק)',
    tags,
    access: who.professionalOrAdmin,
    params: ZIdParams,
    errors: [409],
    response: z.string().describe('text/html'),
    handler: async ({ tx, caller, params, ctx, reply }) => {
      const r = await produceRendering(tx, caller, params.id, ctx.clock.now())
      return reply.type('text/html; charset=utf-8').send(renderDocumentHtml(r.doc, r.variant))
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/invoices/documents/:id.pdf',
    operationId: 'getOfairInvoicePdf',
    summary:
      'A document as an A4 PDF printed by Chromium; each download after the original is a counted copy',
    tags,
    access: who.professionalOrAdmin,
    params: ZIdParams,
    errors: [409, 503],
    response: z.string().describe('application/pdf'),
    handler: async ({ tx, caller, params, ctx, reply }) => {
      const r = await produceRendering(tx, caller, params.id, ctx.clock.now())
      let pdf: Buffer | undefined
      if (r.variant === 'draft') pdf = await printPdf(renderDocumentHtml(r.doc, 'draft'))
      else {
        pdf = await cachedPdf(tx, r.id, r.variant)
        if (!pdf) {
          pdf = await printPdf(renderDocumentHtml(r.doc, r.variant))
          await storePdf(tx, r.id, r.variant, pdf)
        }
      }
      const kind = r.doc.document_type === 'settlement_statement' ? 'statement' : 'invoice'
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="ofair-${kind}-${r.number}.pdf"`)
        .send(pdf)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/invoice-runs',
    operationId: 'listOfairInvoiceRuns',
    summary: 'Admin: the monthly invoice runs, newest month first, with their progress',
    tags: adminTags,
    access: who.admin,
    response: z.object({ data: z.array(ZInvoiceRun) }),
    handler: async ({ tx }) => listRuns(tx),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/invoice-runs',
    operationId: 'startOfairInvoiceRun',
    summary: 'Admin: issue a month’s invoices and statements now (runs in the background)',
    description:
      'Only a month that has ended (422 `month_not_ended`); a closed month is a 409 `month_already_closed`, one being invoiced a 409 `invoice_run_in_progress`.',
    tags: adminTags,
    access: who.admin,
    body: ZRunIn,
    status: 202,
    errors: [409, 422],
    response: ZInvoiceRun,
    handler: async ({ tx, caller, body, ctx }) => requestRun(ctx, tx, caller, body.month),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/invoices',
    operationId: 'listOfairInvoicesForAdmin',
    summary: 'Admin: documents by month, type, status and professional',
    tags: adminTags,
    access: who.admin,
    query: ZAdminDocumentsQuery,
    response: listOfDocuments,
    handler: async ({ tx, query }) =>
      listDocuments(tx, {
        month: query.month,
        type: query.type,
        status: query.status,
        professionalId: query.professional_id,
      }),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/invoices/:id/allocation-number',
    operationId: 'enterOfairInvoiceAllocationNumber',
    summary:
      'Admin: enter the Tax Authority allocation number of an invoice that needs one (then it is issued)',
    tags: adminTags,
    access: who.admin,
    params: ZIdParams,
    body: ZAllocationIn,
    errors: [409, 422],
    response: ZInvoiceDocument,
    handler: async ({ tx, caller, params, body, ctx }) =>
      enterAllocationNumber(ctx, tx, caller, params.id, body.allocation_number),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/invoices/:id/credit-note',
    operationId: 'issueOfairCreditNote',
    summary: 'Admin: a credit note (its own serial series) against an issued tax invoice, all or part of it',
    tags: adminTags,
    access: who.admin,
    idempotent: true,
    params: ZIdParams,
    body: ZCreditNoteIn,
    status: 201,
    errors: [409, 422],
    response: ZInvoiceDocument,
    handler: async ({ tx, caller, params, body, ctx }) =>
      issueCreditNote(ctx, tx, caller, params.id, {
        reason: body.reason,
        amount_before_vat: body.amount_before_vat?.amount,
      }),
  }),
]
