import { type AccountRef, defineBook } from '../../ledger/index.ts'

/**
 * OFAIR's book of the ledger. A professional's `pro_balance` is what the platform and the other
 * professionals owe them (positive) or what they owe (negative): a commission debits the
 * performer and credits the platform's revenue; a referral fee (B2B) debits the performer and
 * credits the referrer — so netting debts against credits across professionals is simply each
 * professional's balance. In captured-payment mode the parts wait in `pro_pending` for the hold
 * period. Platform accounts that every posting touches are sharded by the lead payment.
 */
export const OFAIR_BOOK = 'ofair'
export const OFAIR_CURRENCY = 'ILS'

export const OFAIR_ACCOUNTS = defineBook(OFAIR_BOOK, {
  pro_balance: {
    normalSide: 'credit',
    allowNegative: true,
    shards: 1,
    description:
      'A professional’s balance with the platform: positive = owed to them (available to withdraw), negative = they owe',
  },
  pro_pending: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description:
      'Captured mode: a professional’s part of a paid job inside the hold period (7 days by default)',
  },
  commission_revenue: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 8,
    description: 'The platform’s commission on completed jobs',
  },
  vat_output: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description: 'VAT charged on the platform’s invoices, owed to the Tax Authority',
  },
  psp_clearing: {
    normalSide: 'debit',
    allowNegative: false,
    shards: 8,
    description: 'Money held for the platform at the payment provider (captured mode)',
  },
  payout_clearing: {
    normalSide: 'credit',
    allowNegative: false,
    shards: 1,
    description:
      'Withdrawals approved and on their way to professionals’ bank accounts (credited on approval, debited when the bank transfer batch settles)',
  },
})

export type OfairAccountKind = keyof typeof OFAIR_ACCOUNTS

function ref(
  ownerType: string,
  ownerId: string | null,
  kind: OfairAccountKind,
  shardKey?: string,
): AccountRef {
  return {
    book: OFAIR_BOOK,
    ownerType,
    ownerId,
    kind,
    currency: OFAIR_CURRENCY,
    ...(shardKey ? { shardKey } : {}),
  }
}

/** The accounts of the OFAIR book (ILS). Platform accounts take a shard key: the lead payment's id. */
export const ofairAccount = {
  proBalance: (professionalId: string): AccountRef => ref('professional', professionalId, 'pro_balance'),
  proPending: (professionalId: string): AccountRef => ref('professional', professionalId, 'pro_pending'),
  commissionRevenue: (shardKey: string): AccountRef => ref('platform', null, 'commission_revenue', shardKey),
  vatOutput: (): AccountRef => ref('platform', null, 'vat_output'),
  pspClearing: (provider: string, shardKey: string): AccountRef =>
    ref('psp', provider.toLowerCase().replace(/[^a-z0-9-]/g, '-'), 'psp_clearing', shardKey),
  payoutClearing: (): AccountRef => ref('platform', null, 'payout_clearing'),
}
