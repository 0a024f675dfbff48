import { type AccountRef, defineBook } from '../ledger/index.ts'

/**
 * The Splits Network book of the ledger: what a company owes, what was invoiced and collected, the
 * platform's revenue, and each recruiter's share. Accounts every posting touches (invoiced fees,
 * money at the payment provider or the bank, revenue) are sharded so that no single row caps the
 * throughput; the shard follows the document (invoice or payment) that moves the money.
 */
export const SPLITS_BOOK = 'splits'

export const SPLITS_ACCOUNTS = defineBook(SPLITS_BOOK, {
  receivable: {
    normalSide: 'debit',
    allowNegative: false,
    shards: 1,
    description: 'What a company owes on its issued invoices',
  },
  company_credit: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description: 'A company’s credit with the platform (a fall-off credited instead of refunded)',
  },
  invoiced: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 16,
    description: 'Fees invoiced and not yet collected',
  },
  psp_clearing: {
    normalSide: 'debit',
    allowNegative: false,
    shards: 16,
    description: 'Money held for the platform by the payment provider (Stripe)',
  },
  bank: {
    normalSide: 'debit',
    allowNegative: false,
    shards: 16,
    description: 'Money in the platform’s bank account (transfers recorded by an admin)',
  },
  revenue: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 16,
    description: 'The platform’s share of collected fees',
  },
  recruiter_held: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description: 'A recruiter’s share of collected fees, held until payouts release it',
  },
})

type Kind = keyof typeof SPLITS_ACCOUNTS

export const account = {
  receivable: (companyId: string, currency: string): AccountRef =>
    ref('company', companyId, 'receivable', currency),
  companyCredit: (companyId: string, currency: string): AccountRef =>
    ref('company', companyId, 'company_credit', currency),
  invoiced: (currency: string, shardKey: string): AccountRef =>
    ref('platform', null, 'invoiced', currency, shardKey),
  pspClearing: (currency: string, shardKey: string): AccountRef =>
    ref('psp', 'stripe', 'psp_clearing', currency, shardKey),
  bank: (currency: string, shardKey: string): AccountRef => ref('platform', null, 'bank', currency, shardKey),
  revenue: (currency: string, shardKey: string): AccountRef =>
    ref('platform', null, 'revenue', currency, shardKey),
  recruiterHeld: (recruiterId: string, currency: string): AccountRef =>
    ref('recruiter', recruiterId, 'recruiter_held', currency),
}

function ref(
  ownerType: string,
  ownerId: string | null,
  kind: Kind,
  currency: string,
  shardKey?: string,
): AccountRef {
  return { book: SPLITS_BOOK, ownerType, ownerId, kind, currency, ...(shardKey ? { shardKey } : {}) }
}
