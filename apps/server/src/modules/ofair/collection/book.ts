import { type AccountRef, defineBook } from '../../ledger/index.ts'
import { OFAIR_BOOK, OFAIR_CURRENCY } from '../settlement/index.ts'

/**
 * The account collection and payouts add to OFAIR's book. A bank-transfer payout takes the
 * amount out of the professional's `pro_balance` into `payout_clearing` when it is batched;
 * confirmed paid it leaves for the platform's bank account (`platform_bank`: only its movements
 * through OFAIR are booked here, so it may show below zero); failed it returns to `pro_balance`.
 */
export const COLLECTION_ACCOUNTS = defineBook(OFAIR_BOOK, {
  platform_bank: {
    normalSide: 'debit',
    allowNegative: true,
    shards: 1,
    description:
      'The platform’s bank account as seen by OFAIR (transfers out to professionals); funded outside the ledger',
  },
})

const ref = (kind: keyof typeof COLLECTION_ACCOUNTS): AccountRef => ({
  book: OFAIR_BOOK,
  ownerType: 'platform',
  ownerId: null,
  kind,
  currency: OFAIR_CURRENCY,
})

export const collectionAccount = {
  platformBank: () => ref('platform_bank'),
}
