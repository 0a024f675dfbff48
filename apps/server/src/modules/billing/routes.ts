import { z } from 'zod'
import { AppError } from '../../kernel/errors.ts'
import { type Access, access, actorOf } from '../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase, ZMoney } from '../../kernel/http/schemas.ts'
import { billingRoute as route } from './caller.ts'
import { createContract, decideContract, getContract, listContracts } from './contracts.ts'
import type { BillingTx } from './database.ts'
import { completeRefund } from './fall-off.ts'
import {
  financeSummary,
  getBillingSettings,
  getRolePremium,
  payoutAuditTrail,
  setBillingSettings,
  setRolePremium,
} from './finance.ts'
import { renderInvoiceHtml, renderInvoicePdf } from './invoice-document.ts'
import { payByProvider, recordBankTransfer } from './payments.ts'
import { verifyPayoutAuditChain } from './payout-audit.ts'
import {
  assertFinanceAccess,
  getInvoice,
  listInvoices,
  placementStatement,
  placementStatementIfMade,
} from './queries.ts'

const today = (now: Date) => now.toISOString().slice(0, 10)
const ZAmount = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a whole number of minor units (cents), as a string')
  .transform((s) => BigInt(s))
  .describe('Minor units (cents) as a string')
const ZDate = z.iso.date()
const ZInvoiceStatus = z.enum(['draft', 'open', 'partially_paid', 'paid', 'void', 'overdue'])

const admin: Access = access.roles(['platform_admin'], 'Platform admins (finance).')
const finance: Access = access.roles(
  ['company_admin', 'platform_admin'],
  'A company’s admins for their company’s invoices; platform admins for all.',
)
const parties: Access = access.roles(
  ['recruiter', 'company_admin', 'hiring_manager', 'platform_admin'],
  'Every party on the placement: its company’s hiring team, the recruiters on its split, platform admins. Others get 404.',
)

const ZStatementLine = z.object({
  party_type: z.enum(['platform', 'recruiter']),
  party_id: z.string().nullable(),
  fee_role: z.string().nullable(),
  basis: z
    .string()
    .describe('What share_bps is a share of: standard_fee, recruiter_pool, premium or recruiter_bonus'),
  share_bps: z.number().int(),
  amount: z.string().describe('Minor units'),
  recruiter_user_id: z.string().nullable(),
})
const ZStatement = z.object({
  placement_id: z.string(),
  version: z.number().int().describe('A new version only when the split agreement changes'),
  rule_version: z.string(),
  config_version: z.string(),
  fee: ZMoney,
  inputs: z.record(z.string(), z.unknown()).describe('Every input, as the fee was computed'),
  figures: z.record(z.string(), z.unknown()).describe('Every intermediate figure'),
  lines: z.array(ZStatementLine).describe('Always sum to the fee'),
  collected: z
    .array(
      z.object({
        party_type: z.enum(['platform', 'recruiter']),
        party_id: z.string().nullable(),
        amount: z.string(),
      }),
    )
    .describe('What each party has collected of the fee so far'),
})
const ZInvoiceSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  company: z.object({ id: z.string(), name: z.string() }),
  grouping: z.enum(['per_placement', 'monthly']),
  status: ZInvoiceStatus.describe('`overdue` is derived: open or partly paid past the due date'),
  issued_on: ZDate.nullable(),
  due_on: ZDate.nullable(),
  total: ZMoney,
  amount_paid: ZMoney,
  amount_credited: ZMoney,
  amount_refunded: ZMoney,
  outstanding: ZMoney,
  lines: z.number().int(),
  created_at: z.iso.datetime(),
})
const ZInvoice = ZInvoiceSummary.omit({ lines: true }).extend({
  period: z.object({ start: ZDate, end: ZDate.nullable() }).nullable(),
  payment_terms: z.enum(['net_30', 'net_60', 'net_90']),
  void_reason: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      placement_id: z.string(),
      description: z.string(),
      amount: ZMoney,
      fee_statement_id: z.string(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      method: z.enum(['card', 'bank_debit', 'bank_transfer', 'credit']),
      amount: ZMoney,
      status: z.enum(['pending', 'processing', 'succeeded', 'failed', 'canceled']),
      reference: z.string().nullable(),
      received_on: ZDate.nullable(),
      failure_reason: z.string().nullable(),
      amount_refunded: ZMoney,
      created_at: z.iso.datetime(),
    }),
  ),
  refunds: z.array(
    z.object({
      id: z.string(),
      payment_id: z.string(),
      amount: ZMoney,
      status: z.enum(['pending', 'succeeded', 'failed']),
      reason: z.string(),
      method: z.string(),
      created_at: z.iso.datetime(),
    }),
  ),
  credit_notes: z.array(
    z.object({
      id: z.string(),
      placement_id: z.string(),
      amount: ZMoney,
      reason: z.string(),
      created_at: z.iso.datetime(),
    }),
  ),
})
const ZContract = z.object({
  id: z.string(),
  company: z.object({ id: z.string(), name: z.string() }),
  fee_percentage_bps: z.number().int().nullable(),
  flat_fee: ZMoney.nullable(),
  min_placements_per_year: z.number().int().nullable(),
  discount_percentage_bps: z.number().int().nullable(),
  contract_start_date: ZDate,
  contract_end_date: ZDate.nullable(),
  terms_document_url: z.string().nullable(),
  issue_on: z.enum(['hire', 'guarantee_end']).nullable(),
  fall_off_policy: z.enum(['refund', 'credit']).nullable(),
  status: z.enum(['pending_approval', 'approved', 'rejected', 'ended']),
  approved_by_admin_id: z.string().nullable(),
  approved_at: z.iso.datetime().nullable(),
  decision_reason: z.string().nullable(),
  created_by: z.string(),
  created_at: z.iso.datetime(),
  version: z.number().int(),
})

export const billingRoutes = [
  route.define({
    method: 'GET',
    url: '/api/placements/:id/statement',
    operationId: 'getPlacementStatement',
    summary: 'The fee statement of a placement: the fee, every input and figure, and who gets what',
    access: parties,
    params: ZIdParams,
    response: ZStatement,
    handler: ({ tx, caller, params }) => placementStatement(tx, caller, params.id),
  }),

  route.define({
    method: 'GET',
    url: '/api/placements/:id/billing',
    operationId: 'getPlacementBilling',
    summary: 'A placement’s fee statement, or null while it is still being made (just after the hire)',
    description:
      'For screens that open a placement at once: the statement is computed from the placement event a moment after the hire, and `GET …/statement` answers 404 until then. Here that moment is `statement: null`; anyone not on the placement still gets a 404.',
    access: parties,
    params: ZIdParams,
    response: z.object({
      placement_id: z.string(),
      statement: ZStatement.nullable().describe('null until billing has made the statement'),
    }),
    handler: async ({ tx, caller, params }) => ({
      placement_id: params.id,
      statement: await placementStatementIfMade(tx, caller, params.id),
    }),
  }),

  route.define({
    method: 'GET',
    url: '/api/invoices',
    operationId: 'listInvoices',
    summary: 'Invoices, newest first (a company’s admins see their company’s)',
    access: finance,
    query: z.strictObject({
      company_id: z.uuid().optional(),
      placement_id: z.uuid().optional(),
      status: ZInvoiceStatus.optional(),
      ...ZListQueryBase,
    }),
    response: listOf(ZInvoiceSummary),
    handler: ({ tx, caller, query, ctx }) =>
      listInvoices(
        tx,
        caller,
        {
          companyId: query.company_id,
          placementId: query.placement_id,
          status: query.status,
          limit: query.limit,
          startingAfter: query.starting_after,
        },
        today(ctx.clock.now()),
      ),
  }),

  route.define({
    method: 'GET',
    url: '/api/invoices/:id',
    operationId: 'getInvoice',
    summary: 'One invoice with its lines, payments, refunds and credit notes',
    access: finance,
    params: ZIdParams,
    response: ZInvoice,
    handler: ({ tx, caller, params, ctx }) => getInvoice(tx, caller, params.id, today(ctx.clock.now())),
  }),

  route.define({
    method: 'GET',
    url: '/api/invoices/:id/document',
    operationId: 'getInvoiceDocument',
    summary: 'The invoice as an HTML document (what the PDF prints)',
    access: finance,
    params: ZIdParams,
    response: z.string().describe('text/html'),
    handler: async ({ tx, caller, params, ctx, reply }) => {
      const invoice = await getInvoice(tx, caller, params.id, today(ctx.clock.now()))
      return reply.type('text/html; charset=utf-8').send(renderInvoiceHtml(invoice))
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/invoices/:id.pdf',
    operationId: 'getInvoicePdf',
    summary: 'The invoice as a PDF (A4, printed by Chromium)',
    access: finance,
    params: ZIdParams,
    errors: [503],
    response: z.string().describe('application/pdf'),
    handler: async ({ tx, caller, params, ctx, reply }) => {
      const invoice = await getInvoice(tx, caller, params.id, today(ctx.clock.now()))
      const pdf = await renderInvoicePdf(invoice)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="invoice-${invoice.number ?? invoice.id}.pdf"`)
        .send(pdf)
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/invoices/:id/payments',
    operationId: 'recordInvoicePayment',
    summary: 'Record a bank transfer the company made (applied at once)',
    access: admin,
    idempotent: true,
    params: ZIdParams,
    body: z.strictObject({
      amount: ZAmount,
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
      received_on: ZDate,
      reference: z.string().trim().min(1).max(200).describe('The bank’s reference of the transfer'),
    }),
    status: 201,
    errors: [409, 422],
    response: z.object({ payment_id: z.string(), invoice: ZInvoice }),
    handler: async ({ tx, caller, params, body, ctx }) => {
      const paymentId = await recordBankTransfer(ctx, tx, {
        invoiceId: params.id,
        amount: body.amount,
        currency: body.currency,
        receivedOn: body.received_on,
        reference: body.reference,
        recordedBy: caller.userId,
      })
      return {
        payment_id: paymentId,
        invoice: await getInvoice(tx, caller, params.id, today(ctx.clock.now())),
      }
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/invoices/:id/pay',
    operationId: 'payInvoice',
    summary: 'Pay an invoice (in full unless an amount is given) by card or bank debit',
    description:
      'Charges the payment method through the payment provider. A card payment usually succeeds at once; a bank debit is `processing` until the provider confirms it (the invoice updates then).',
    access: finance,
    idempotent: true,
    transaction: false,
    params: ZIdParams,
    body: z.strictObject({
      method: z.enum(['card', 'bank_debit']),
      payment_method: z
        .string()
        .min(3)
        .max(100)
        .describe('The provider’s payment method id, e.g. pm_card_visa'),
      amount: ZAmount.optional(),
    }),
    status: 201,
    errors: [409, 422, 503],
    response: z.object({
      payment_id: z.string(),
      status: z.enum(['succeeded', 'processing', 'requires_action']),
    }),
    handler: async ({ caller, params, body, ctx, request }) => {
      const r = await payByProvider(ctx, actorOf(caller.principal!), {
        invoiceId: params.id,
        amount: body.amount,
        method: body.method,
        paymentMethod: body.payment_method,
        requestId: request.id,
        authorize: async (_tx, companyId) => assertFinanceAccess(caller, companyId),
      })
      return { payment_id: r.paymentId, status: r.status }
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/refunds/:id/complete',
    operationId: 'completeRefund',
    summary: 'Record that a refund was sent back by bank transfer (books it)',
    access: admin,
    idempotent: true,
    params: ZIdParams,
    errors: [409],
    response: z.object({ refund_id: z.string(), status: z.literal('succeeded') }),
    handler: async ({ tx, params, ctx }) => {
      const refund = await (tx as BillingTx)
        .selectFrom('billing.refunds')
        .select(['status'])
        .where('id', '=', params.id)
        .executeTakeFirst()
      if (!refund) throw new AppError('not_found', 'No such refund')
      if (refund.status === 'failed') throw new AppError('invalid_state_transition', 'This refund failed')
      await completeRefund(ctx, tx, params.id, { role: 'platform_admin' })
      return { refund_id: params.id, status: 'succeeded' as const }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/contracts',
    operationId: 'listContracts',
    summary: 'Custom contracts of companies',
    access: admin,
    query: z.strictObject({
      company_id: z.uuid().optional(),
      status: z.enum(['pending_approval', 'approved', 'rejected', 'ended']).optional(),
      ...ZListQueryBase,
    }),
    response: listOf(ZContract),
    handler: ({ tx, query }) =>
      listContracts(tx, {
        companyId: query.company_id,
        status: query.status,
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),

  route.define({
    method: 'POST',
    url: '/api/contracts',
    operationId: 'createContract',
    summary: 'Propose a custom contract for a company (applies once approved)',
    access: admin,
    idempotent: true,
    body: z
      .strictObject({
        company_id: z.uuid(),
        fee_percentage_bps: z.number().int().min(1).max(10_000).nullable().optional(),
        flat_fee: z
          .strictObject({ amount: ZAmount, currency: z.string().regex(/^[A-Z]{3}$/) })
          .nullable()
          .optional(),
        min_placements_per_year: z.number().int().min(1).max(10_000).nullable().optional(),
        discount_percentage_bps: z.number().int().min(1).max(10_000).nullable().optional(),
        contract_start_date: ZDate,
        contract_end_date: ZDate.nullable().optional(),
        terms_document_url: z.url().max(500).nullable().optional(),
        issue_on: z.enum(['hire', 'guarantee_end']).nullable().optional(),
        fall_off_policy: z.enum(['refund', 'credit']).nullable().optional(),
      })
      .refine((b) => (b.fee_percentage_bps != null) !== (b.flat_fee != null), {
        message: 'give either fee_percentage_bps or flat_fee, not both and not neither',
        path: ['fee_percentage_bps'],
      }),
    status: 201,
    errors: [409, 422],
    response: ZContract,
    handler: async ({ tx, caller, body, ctx }) =>
      getContract(tx, await createContract(tx, body, caller.userId, ctx.clock.now())),
  }),

  route.define({
    method: 'GET',
    url: '/api/contracts/:id',
    operationId: 'getContract',
    summary: 'One custom contract',
    access: admin,
    params: ZIdParams,
    response: ZContract,
    handler: ({ tx, params }) => getContract(tx, params.id),
  }),

  ...(['approve', 'reject'] as const).map((verb) =>
    route.define({
      method: 'POST',
      url: `/api/contracts/:id/${verb}`,
      operationId: verb === 'approve' ? 'approveContract' : 'rejectContract',
      summary:
        verb === 'approve'
          ? 'Approve a pending contract: it prices placements from its start date'
          : 'Reject a pending contract',
      access: admin,
      params: ZIdParams,
      body: z.strictObject({
        version: z.number().int().min(1).describe('The version you saw (a concurrent decision is a 409)'),
        reason: z.string().trim().min(1).max(1000).optional(),
      }),
      errors: [409],
      response: ZContract,
      handler: async ({ tx, caller, params, body, ctx }) => {
        await decideContract(tx, params.id, verb === 'approve' ? 'approved' : 'rejected', {
          reason: body.reason,
          version: body.version,
          adminId: caller.userId,
          now: ctx.clock.now(),
        })
        return getContract(tx, params.id)
      },
    }),
  ),
]

const ZSettings = z.object({
  company_id: z.string(),
  invoice_grouping: z
    .enum(['per_placement', 'monthly'])
    .describe('One invoice per placement, or one per month'),
  issue_on: z
    .enum(['hire', 'guarantee_end'])
    .describe('Invoice when the hire is recorded, or when the guarantee ends'),
  fall_off_policy: z
    .enum(['refund', 'credit'])
    .describe('On a fall-off, refund what was paid or keep it as credit'),
  version: z.number().int().describe('0 until first saved; send it back to change the settings'),
})
const ZPremium = z.object({
  role_id: z.string(),
  premium: z
    .object({
      designation: z.enum(['urgent', 'niche', 'executive']),
      recruiter_bonus_bps: z.number().int().min(0).max(10_000),
    })
    .nullable(),
})
const ZMonthFigures = z.object({
  month: z.string(),
  invoiced: ZMoney,
  collected: ZMoney,
  revenue: ZMoney,
  refunded: ZMoney,
})

export const billingAdminRoutes = [
  route.define({
    method: 'GET',
    url: '/api/admin/finance/summary',
    operationId: 'getFinanceSummary',
    summary: 'Revenue, collections and refunds by month, receivables ageing, and balances held',
    access: admin,
    query: z.strictObject({
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .default('USD'),
    }),
    response: z.object({
      currency: z.string(),
      totals: z.object({
        revenue: ZMoney,
        plan_revenue: ZMoney.describe(
          'Recruiter plan invoices paid (Stripe Billing), as booked on the ledger',
        ),
        invoiced_not_collected: ZMoney,
        held_for_recruiters: ZMoney,
        company_credit: ZMoney,
        in_bank: ZMoney,
      }),
      months: z.array(ZMonthFigures),
      receivables_ageing: z.array(
        z.object({
          bucket: z.enum(['current', '1-30', '31-60', '61-90', '90+']),
          amount: ZMoney,
          invoices: z.number().int(),
        }),
      ),
    }),
    handler: ({ tx, query, ctx }) => financeSummary(tx, query.currency, today(ctx.clock.now())),
  }),
  route.define({
    method: 'GET',
    url: '/api/admin/payout-audit',
    operationId: 'listPayoutAudit',
    summary: 'The payout audit log: every change of money documents, newest first',
    access: admin,
    query: z.strictObject({
      entity_type: z
        .enum([
          'invoice',
          'payment',
          'refund',
          'credit_note',
          'contract',
          'company',
          'placement',
          'payout',
          'payout_schedule',
          'escrow_hold',
        ])
        .optional(),
      entity_id: z.string().min(1).max(100).optional(),
      ...ZListQueryBase,
    }),
    response: listOf(
      z.object({
        id: z.string(),
        seq: z.string(),
        entity_type: z.string(),
        entity_id: z.string(),
        action: z.string(),
        changed_by: z.string().nullable(),
        changed_by_role: z.string().nullable(),
        old_value: z.unknown(),
        new_value: z.unknown(),
        reason: z.string().nullable(),
        request_id: z.string().nullable(),
        created_at: z.iso.datetime(),
        hash: z.string(),
      }),
    ),
    handler: ({ tx, query }) =>
      payoutAuditTrail(tx, {
        entityType: query.entity_type,
        entityId: query.entity_id,
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),
  route.define({
    method: 'GET',
    url: '/api/admin/payout-audit/verification',
    operationId: 'verifyPayoutAudit',
    summary: 'Recompute the payout audit hash chain and name the first row that does not verify',
    access: admin,
    transaction: false,
    response: z.object({
      ok: z.boolean(),
      rows: z.number().int(),
      last_hash: z.string().nullable(),
      broken_seq: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
    handler: async ({ ctx }) => {
      const r = await verifyPayoutAuditChain(ctx.db)
      return r.ok
        ? { ok: true, rows: r.rows, last_hash: r.lastHash, broken_seq: null, reason: null }
        : { ok: false, rows: r.rows, last_hash: null, broken_seq: r.brokenSeq, reason: r.reason }
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/companies/:id/billing-settings',
    operationId: 'getCompanyBillingSettings',
    summary: 'How a company is invoiced, and what a fall-off does with money paid',
    access: finance,
    params: ZIdParams,
    response: ZSettings,
    handler: ({ tx, caller, params }) => getBillingSettings(tx, caller, params.id),
  }),
  route.define({
    method: 'PUT',
    url: '/api/companies/:id/billing-settings',
    operationId: 'setCompanyBillingSettings',
    summary: 'Choose per-placement or monthly invoices, when to invoice, and refund or credit on a fall-off',
    access: finance,
    params: ZIdParams,
    body: z.strictObject({
      invoice_grouping: z.enum(['per_placement', 'monthly']),
      issue_on: z.enum(['hire', 'guarantee_end']),
      fall_off_policy: z.enum(['refund', 'credit']),
      version: z.number().int().min(0),
    }),
    errors: [409],
    response: ZSettings,
    handler: ({ tx, caller, params, body, ctx }) =>
      setBillingSettings(tx, caller, params.id, body, ctx.clock.now()),
  }),
  route.define({
    method: 'GET',
    url: '/api/roles/:id/premium',
    operationId: 'getRolePremium',
    summary: 'Whether a role is a premium role (urgent, niche, executive)',
    access: parties,
    params: ZIdParams,
    response: ZPremium,
    handler: ({ tx, params }) => getRolePremium(tx, params.id),
  }),
  route.define({
    method: 'PUT',
    url: '/api/roles/:id/premium',
    operationId: 'setRolePremium',
    summary:
      'Make a role premium (the company pays more; recruiters get the configured bonus), or standard again',
    access: access.roles(
      ['company_admin', 'hiring_manager', 'platform_admin'],
      'The role’s hiring team and platform admins.',
    ),
    params: ZIdParams,
    body: z.strictObject({
      premium: z
        .strictObject({
          designation: z.enum(['urgent', 'niche', 'executive']),
          recruiter_bonus_bps: z.number().int().min(0).max(10_000).default(0),
        })
        .nullable(),
    }),
    response: ZPremium,
    handler: ({ tx, caller, params, body, ctx }) =>
      setRolePremium(tx, caller, params.id, body.premium, ctx.clock.now()),
  }),
]
