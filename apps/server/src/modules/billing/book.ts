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
  plan_revenue: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 16,
    description: 'Recruiter plan subscriptions collected (Stripe Billing invoices paid)',
  },
  recruiter_held: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description:
      'A recruiter’s share of collected fees as it arrives; the holdback stays here under a ledger hold until the guarantee ends',
  },
  recruiter_available: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description: 'A recruiter’s money released to them and not yet paid out (claimed by payout schedules)',
  },
  recruiter_in_flight: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description: 'A recruiter’s money on its way: a payout started (or parked) and not yet settled',
  },
  recruiter_paid: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description:
      'Money paid out to a recruiter: it left the platform’s Stripe balance (a transfer) or bank account; the contra of psp_clearing and bank, by recruiter',
  },
  recruiter_debt: {
    normalSide: 'debit',
    allowNegative: false,
    shards: 1,
    description:
      'What a recruiter owes back: money already paid out of a placement that fell off, netted against their next payouts',
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
  planRevenue: (currency: string, shardKey: string): AccountRef =>
    ref('platform', null, 'plan_revenue', currency, shardKey),
  recruiterHeld: (recruiterId: string, currency: string): AccountRef =>
    ref('recruiter', recruiterId, 'recruiter_held', currency),
  recruiterAvailable: (recruiterId: string, currency: string): AccountRef =>
    ref('recruiter', recruiterId, 'recruiter_available', currency),
  recruiterInFlight: (recruiterId: string, currency: string): AccountRef =>
    ref('recruiter', recruiterId, 'recruiter_in_flight', currency),
  recruiterPaid: (recruiterId: string, currency: string): AccountRef =>
    ref('recruiter', recruiterId, 'recruiter_paid', currency),
  recruiterDebt: (recruiterId: string, currency: string): AccountRef =>
    ref('recruiter', recruiterId, 'recruiter_debt', currency),
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
