import { z } from 'zod'
import { ZMoneyOut } from '../schemas.ts'

export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM, for example 2026-11')
  .describe('A calendar month in Asia/Jerusalem, YYYY-MM')

export const ZDocumentType = z.enum(['tax_invoice', 'credit_note', 'settlement_statement'])

export const ZInvoiceDocument = z.object({
  id: z.string(),
  document_type: ZDocumentType.describe(
    'tax_invoice (חשבונית מס), credit_note (חשבונית מס זיכוי) or settlement_statement (דוח התחשבנות, not a tax invoice)',
  ),
  number: z.string().describe('The gap-free serial of its type, zero-padded'),
  serial: z.string(),
  professional_id: z.string(),
  customer_name: z.string(),
  month: z
    .string()
    .nullable()
    .describe('The month a monthly document covers (YYYY-MM); null for a credit note'),
  issue_date: z.string(),
  status: z.enum(['awaiting_allocation', 'issued', 'credited']),
  vat_rate_percentage: z.number().describe('The VAT rate stored on the document'),
  amount_before_vat: ZMoneyOut,
  vat: ZMoneyOut,
  total: ZMoneyOut.describe('Settlement statements: the month’s net (earned less owed), may be negative'),
  allocation_required: z.boolean(),
  allocation_number: z.string().nullable(),
  credited_document_id: z.string().nullable(),
  copies_count: z.number().int().describe('Renderings after the original (each one says העתק)'),
  original_produced: z.boolean(),
  html_url: z.string(),
  pdf_url: z.string(),
})

export const ZInvoiceRun = z.object({
  id: z.string(),
  month: z.string(),
  status: z.enum(['running', 'completed', 'failed']),
  triggered_by: z.string(),
  professionals_total: z.number().int(),
  professionals_done: z.number().int(),
  invoices_issued: z.number().int(),
  statements_issued: z.number().int(),
  awaiting_allocation: z.number().int(),
  error: z.string().nullable(),
  started_at: z.iso.datetime(),
  finished_at: z.iso.datetime().nullable(),
})

export const ZRunIn = z.strictObject({ month: ZMonth })

export const ZAllocationIn = z.strictObject({
  allocation_number: z
    .string()
    .regex(/^\d{9,20}$/, 'must be the Tax Authority’s allocation number (9 to 20 digits)'),
})

export const ZCreditNoteIn = z.strictObject({
  reason: z.string().trim().min(2).max(500),
  amount_before_vat: z
    .strictObject({
      amount: z
        .string()
        .regex(/^\d{1,12}$/, 'must be a whole number of agorot, as a string')
        .transform((s) => BigInt(s)),
      currency: z.literal('ILS'),
    })
    .optional()
    .describe('A part of the invoice, before VAT; everything left when omitted'),
})

export const ZDocumentsQuery = z.strictObject({
  month: ZMonth.optional(),
  type: ZDocumentType.optional(),
})

export const ZAdminDocumentsQuery = z.strictObject({
  month: ZMonth.optional(),
  type: ZDocumentType.optional(),
  status: z.enum(['awaiting_allocation', 'issued', 'credited']).optional(),
  professional_id: z.uuid().optional(),
})
