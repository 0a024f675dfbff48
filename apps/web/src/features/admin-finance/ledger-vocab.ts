/** The Splits book's account kinds and owners (server: modules/billing/book.ts), for filters. */
export const ACCOUNT_KINDS = [
  'receivable',
  'invoiced',
  'psp_clearing',
  'bank',
  'revenue',
  'recruiter_held',
  'company_credit',
] as const
export const OWNER_TYPES = ['platform', 'company', 'recruiter', 'psp'] as const
export const BOOKS = ['splits', 'ofair'] as const
