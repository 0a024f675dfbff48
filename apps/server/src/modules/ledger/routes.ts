import { z } from 'zod'
import { access } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import { listOf, ZIdParams, ZListQueryBase, ZMoney } from '../../kernel/http/schemas.ts'
import type { LedgerDatabase } from './database.ts'
import { accountEntries, getAccount, getPosting, listAccounts, postingsAbout } from './explorer.ts'
import { reconcileLedger } from './reconcile.ts'

export const ledgerRoute = moduleRoutes<LedgerDatabase>({ tag: 'ledger' })

const admin = access.roles(['platform_admin'], 'Platform admins (finance).')

const ZBalance = z.object({ posted: ZMoney, pending_in: ZMoney, pending_out: ZMoney, available: ZMoney })
const ZAccount = z.object({
  id: z.string(),
  code: z.string().describe('book:owner_type:owner_id:kind:currency:shard'),
  book: z.string(),
  owner_type: z.string(),
  owner_id: z.string().nullable(),
  kind: z.string(),
  currency: z.string(),
  shard: z.number().int(),
  normal_side: z.enum(['debit', 'credit']),
  allow_negative: z.boolean(),
  balance: ZBalance,
  version: z.string(),
  created_at: z.iso.datetime(),
})
const ZReference = z.object({ type: z.string(), id: z.string() })
const ZEntry = z.object({
  id: z.string(),
  posting_id: z.string(),
  direction: z.enum(['debit', 'credit']),
  amount: ZMoney,
  balance_after: ZMoney.describe('The account’s posted balance on its normal side after this entry'),
  account_version: z.string(),
  kind: z.string(),
  description: z.string(),
  reference: ZReference,
  effective_at: z.iso.datetime(),
  created_at: z.iso.datetime(),
})
const ZPosting = z.object({
  id: z.string(),
  book: z.string(),
  kind: z.string(),
  description: z.string(),
  reference: ZReference,
  idempotency_key: z.string(),
  metadata: z.unknown(),
  reverses: z.string().nullable(),
  reversed_by: z.string().nullable(),
  effective_at: z.iso.datetime(),
  created_at: z.iso.datetime(),
  entries: z.array(
    z.object({
      id: z.string(),
      account_id: z.string(),
      account_code: z.string(),
      owner: z.object({ type: z.string(), id: z.string().nullable() }),
      account_kind: z.string(),
      direction: z.enum(['debit', 'credit']),
      amount: ZMoney,
      balance_after: ZMoney,
    }),
  ),
})
export const ZReconciliation = z.object({
  ok: z.boolean(),
  checked_at: z.iso.datetime(),
  entries: z.number().int(),
  checks: z.array(
    z.object({
      name: z.enum([
        'postings_balance',
        'balances_match_entries',
        'no_forbidden_negative',
        'audit_chain_intact',
      ]),
      ok: z.boolean(),
      detail: z.string(),
    }),
  ),
})
const code = (what: string) =>
  z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/)
    .optional()
    .describe(what)

export const ledgerRoutes = [
  ledgerRoute.define({
    method: 'GET',
    url: '/api/admin/ledger/reconciliation',
    operationId: 'reconcileLedger',
    summary:
      'Prove the ledger now: postings balance, balances equal entries, no forbidden negative, audit chain intact',
    access: admin,
    transaction: false,
    response: ZReconciliation,
    handler: ({ ctx }) => reconcileLedger(ctx.db),
  }),
  ledgerRoute.define({
    method: 'GET',
    url: '/api/admin/ledger/accounts',
    operationId: 'listLedgerAccounts',
    summary: 'Ledger accounts with their balances',
    access: admin,
    query: z.strictObject({
      book: code('splits or ofair'),
      owner_type: code('platform, company, recruiter, professional, psp…'),
      owner_id: z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/)
        .optional(),
      kind: code('revenue, receivable, held, payable…'),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
      ...ZListQueryBase,
    }),
    response: listOf(ZAccount),
    handler: ({ tx, query }) =>
      listAccounts(tx, {
        book: query.book,
        ownerType: query.owner_type,
        ownerId: query.owner_id,
        kind: query.kind,
        currency: query.currency,
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),
  ledgerRoute.define({
    method: 'GET',
    url: '/api/admin/ledger/accounts/:id',
    operationId: 'getLedgerAccount',
    summary: 'One account and its balance',
    access: admin,
    params: ZIdParams,
    response: ZAccount,
    handler: ({ tx, params }) => getAccount(tx, params.id),
  }),
  ledgerRoute.define({
    method: 'GET',
    url: '/api/admin/ledger/accounts/:id/entries',
    operationId: 'listLedgerAccountEntries',
    summary: 'An account’s entries, newest first, each with the balance after it',
    access: admin,
    params: ZIdParams,
    query: z.strictObject({ ...ZListQueryBase }),
    response: listOf(ZEntry),
    handler: ({ tx, params, query }) =>
      accountEntries(tx, params.id, {
        limit: query.limit,
        ...(query.starting_after ? { startingAfter: query.starting_after } : {}),
      }),
  }),
  ledgerRoute.define({
    method: 'GET',
    url: '/api/admin/ledger/postings/:id',
    operationId: 'getLedgerPosting',
    summary: 'One posting with its entries, its business reference and any reversal',
    access: admin,
    params: ZIdParams,
    response: ZPosting,
    handler: ({ tx, params }) => getPosting(tx, params.id),
  }),
  ledgerRoute.define({
    method: 'GET',
    url: '/api/admin/ledger/postings',
    operationId: 'listLedgerPostingsAbout',
    summary: 'Every posting about one business object (an invoice, a payment, a placement)',
    access: admin,
    query: z.strictObject({
      reference_type: z.string().regex(/^[a-z_]{1,40}$/),
      reference_id: z.string().min(1).max(100),
    }),
    response: z.object({ data: z.array(ZPosting) }),
    handler: async ({ tx, query }) => ({
      data: await postingsAbout(tx, { type: query.reference_type, id: query.reference_id }),
    }),
  }),
]
