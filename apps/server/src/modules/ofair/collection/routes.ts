import { z } from 'zod'
import { ZIdParams, ZUuid } from '../../../kernel/http/schemas.ts'
import { ofairRoute as route, who } from '../route.ts'
import { ZMoneyOut } from '../schemas.ts'
import { initiateCapturedPayment } from './captured.ts'
import { collectionAlerts, resolveCollectionAlert } from './collect.ts'
import {
  confirmCardSetup,
  myPaymentMethod,
  removePaymentMethod,
  setAutopay,
  startCardSetup,
} from './payment-methods.ts'
import {
  batchCsv,
  createPayoutBatch,
  decidePayout,
  listBatches,
  myPayoutPreference,
  payoutHistory,
  setPayoutPreference,
} from './payouts.ts'

const tags = ['ofair-payments']

const ZPaymentMethod = z.object({
  id: z.string(),
  brand: z.string(),
  last4: z.string(),
  exp_month: z.number(),
  exp_year: z.number(),
  autopay: z.boolean(),
  created_at: z.string(),
  version: z.number(),
})
const ZPaymentMethods = z.object({ data: z.array(ZPaymentMethod) })
const ZSession = z.object({ session_id: z.string(), url: z.string() })
const ZMaskedBank = z.object({ bank_code: z.string(), branch_code: z.string(), account_masked: z.string() })
const ZPreference = z.object({
  method: z.enum(['bank_transfer', 'invoice_credit']),
  bank: ZMaskedBank.nullable(),
  version: z.number(),
})
const ZPayout = z.object({
  id: z.string(),
  batch_id: z.string(),
  amount: ZMoneyOut,
  bank: ZMaskedBank,
  status: z.enum(['pending', 'paid', 'failed']),
  failure_reason: z.string().nullable(),
  created_at: z.string(),
  decided_at: z.string().nullable(),
})
const ZBatch = z.object({
  id: z.string(),
  status: z.string(),
  item_count: z.number(),
  total: ZMoneyOut,
  created_at: z.string(),
  closed_at: z.string().nullable(),
  items: z.array(ZPayout.extend({ professional: z.object({ id: z.string(), display_name: z.string() }) })),
})
const ZBankIn = z.strictObject({
  bank_code: z.string().regex(/^\d{2,3}$/, 'a bank code: 2-3 digits'),
  branch_code: z.string().regex(/^\d{3}$/, 'a branch: 3 digits'),
  account_number: z.string().regex(/^\d{4,13}$/, 'an account number: 4-13 digits'),
})

export const collectionRoutes = [
  route.define({
    method: 'POST',
    url: '/api/ofair/payment-methods/setup',
    operationId: 'startOfairCardSetup',
    summary: 'A hosted page of the payment provider to save a card (token only, nothing is charged)',
    description:
      'Open the returned `url`; the provider keeps the card and returns a token to us (by the signed webhook and the return page). We keep the token, the brand, the last 4 digits and the expiry — never the card number.',
    tags,
    access: who.professional,
    status: 201,
    errors: [503],
    response: ZSession,
    handler: ({ tx, caller, ctx }) => startCardSetup(ctx, tx, caller),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/payment-methods/setup/:id/complete',
    operationId: 'completeOfairCardSetup',
    summary: 'The return page: ask the provider for the result of my card setup and save the card',
    description: 'Idempotent: the webhook may have saved it already; either way my cards come back.',
    tags,
    access: who.professional,
    params: ZIdParams,
    errors: [503],
    response: ZPaymentMethods,
    handler: ({ tx, caller, params, ctx }) => confirmCardSetup(ctx, tx, caller, params.id),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/payment-methods',
    operationId: 'listMyOfairPaymentMethods',
    summary: 'My saved card (brand, last 4 digits, expiry, autopay)',
    tags,
    access: who.professional,
    response: ZPaymentMethods,
    handler: ({ tx, caller }) => myPaymentMethod(tx, caller),
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/payment-methods/:id/autopay',
    operationId: 'setOfairAutopay',
    summary: 'Autopay on or off: whether what I owe is charged to this card',
    tags,
    access: who.professional,
    params: ZIdParams,
    body: z.strictObject({ autopay: z.boolean() }),
    response: ZPaymentMethod,
    handler: ({ tx, caller, params, body }) => setAutopay(tx, caller, params.id, body.autopay),
  }),
  route.define({
    method: 'DELETE',
    url: '/api/ofair/payment-methods/:id',
    operationId: 'removeOfairPaymentMethod',
    summary: 'Remove my saved card',
    tags,
    access: who.professional,
    params: ZIdParams,
    response: null,
    handler: async ({ tx, caller, params, ctx }) => {
      await removePaymentMethod(ctx, tx, caller, params.id)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/payouts/preference',
    operationId: 'getMyOfairPayoutPreference',
    summary: 'How I want what I am owed: a bank transfer or a credit to my next invoice',
    tags,
    access: who.professional,
    response: ZPreference,
    handler: ({ tx, caller }) => myPayoutPreference(tx, caller),
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/payouts/preference',
    operationId: 'setMyOfairPayoutPreference',
    summary: 'Choose a bank transfer (with bank details) or a credit to the next invoice',
    description:
      'Bank details: bank code, branch and account number only; answered masked. Leave `bank` out to keep the stored details.',
    tags,
    access: who.professional,
    body: z.strictObject({
      method: z.enum(['bank_transfer', 'invoice_credit']),
      bank: ZBankIn.nullable().optional(),
    }),
    response: ZPreference,
    handler: ({ tx, caller, body, ctx }) => setPayoutPreference(ctx, tx, caller, body),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/payouts/:pro_id',
    operationId: 'listOfairPayouts',
    summary: 'A professional’s payouts (bank transfers), newest first, with their preference',
    tags,
    access: who.professionalOrAdmin,
    params: z.strictObject({ pro_id: ZUuid }),
    response: z.object({ preference: ZPreference, data: z.array(ZPayout) }),
    handler: ({ tx, caller, params }) => payoutHistory(tx, caller, params.pro_id),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/payments/initiate',
    operationId: 'initiateOfairPayment',
    summary: 'Captured mode: a payment page for a confirmed job (one per job)',
    description:
      'The client who owes the job opens the returned `url`. Concurrent calls answer the same page. The signed webhook marks the payment paid.',
    tags,
    access: who.members,
    body: z.strictObject({ proposal_id: ZUuid }),
    errors: [409, 503],
    response: ZSession.extend({ status: z.string(), created: z.boolean() }),
    handler: ({ tx, caller, body, ctx }) => initiateCapturedPayment(ctx, tx, caller, body.proposal_id),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/collection-alerts',
    operationId: 'listOfairCollectionAlerts',
    summary: 'Professionals whose debt could not be collected after every retry',
    tags,
    access: who.admin,
    response: z.object({
      data: z.array(
        z.object({
          id: z.string(),
          professional: z.object({ id: z.string(), display_name: z.string() }),
          owed: ZMoneyOut,
          attempts: z.number(),
          last_error: z.string().nullable(),
          opened_at: z.string(),
          alerted_at: z.string(),
        }),
      ),
    }),
    handler: ({ tx }) => collectionAlerts(tx),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/collection-alerts/:id/resolve',
    operationId: 'resolveOfairCollectionAlert',
    summary: 'Close a collection alert (settled outside the platform or written off)',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: null,
    handler: async ({ tx, params, ctx }) => {
      await resolveCollectionAlert(ctx, tx, params.id)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/payout-batches',
    operationId: 'listOfairPayoutBatches',
    summary: 'Bank-transfer batches, newest first, with their payouts (accounts masked)',
    tags,
    access: who.admin,
    response: z.object({ data: z.array(ZBatch) }),
    handler: ({ tx }) => listBatches(tx),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/payout-batches',
    operationId: 'createOfairPayoutBatch',
    summary: 'Build the bank-transfer batch of every payout due (or answer the open one)',
    description:
      'One open batch at a time: concurrent requests answer the same batch (`created: false`). Each payout leaves the professional’s balance for payout_clearing.',
    tags,
    access: who.admin,
    errors: [422],
    response: z.object({ created: z.boolean(), batch: ZBatch }),
    handler: ({ tx, caller, ctx }) => createPayoutBatch(ctx, tx, caller),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/payout-batches/:id/csv',
    operationId: 'downloadOfairPayoutBatch',
    summary: 'The batch as a CSV for the bank (full bank details)',
    description: 'Cells starting with = + - @ are quoted so spreadsheets do not run them.',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: z.string().describe('text/csv'),
    handler: async ({ tx, params, reply }) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ofair-payouts-${params.id}.csv"`)
        .send(await batchCsv(tx, params.id)),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/payouts/:id/decide',
    operationId: 'decideOfairPayout',
    summary: 'Mark a batched payout paid (it leaves for the bank) or failed (it returns to the balance)',
    tags,
    access: who.admin,
    params: ZIdParams,
    body: z.strictObject({
      status: z.enum(['paid', 'failed']),
      reason: z.string().min(1).max(300).optional(),
    }),
    errors: [409],
    response: ZBatch,
    handler: ({ tx, caller, params, body, ctx }) => decidePayout(ctx, tx, caller, params.id, body),
  }),
]
