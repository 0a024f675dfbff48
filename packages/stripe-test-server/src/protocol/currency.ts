import { ApiFailure } from './errors.ts'

// Currencies whose amounts are whole units (docs.stripe.com/currencies#zero-decimal).
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
])
// Three-decimal currencies must be charged in multiples of 10 minor units.
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd'])

/**
 * Minimum charge amounts in minor units, from Stripe's "minimum and maximum charge amounts"
 * table. Currencies missing here fall back to 50 minor units; ILS is our approximation of
 * the USD 0.50 settlement minimum.
 */
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  ils: 200,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
}

const KNOWN = new Set([
  ...ZERO_DECIMAL,
  ...THREE_DECIMAL,
  ...Object.keys(MINIMUM_CHARGE),
  'ars',
  'cny',
  'cop',
  'egp',
  'idr',
  'isk',
  'kes',
  'mad',
  'ngn',
  'php',
  'pkr',
  'sar',
  'try',
  'twd',
  'uah',
  'zar',
])

// Stripe caps amounts at eight digits for most currencies.
export const MAX_AMOUNT = 99_999_999

export function checkCurrency(currency: string, param = 'currency'): string {
  if (!KNOWN.has(currency)) {
    throw ApiFailure.invalidRequest(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: ${[...KNOWN].sort().join(', ')}`,
      { param },
    )
  }
  return currency
}

export function isZeroDecimal(currency: string): boolean {
  return ZERO_DECIMAL.has(currency)
}

function formatMinimum(amount: number, currency: string): string {
  if (ZERO_DECIMAL.has(currency)) return `${amount} ${currency}`
  const digits = THREE_DECIMAL.has(currency) ? 3 : 2
  return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`
}

/** Validates a charge amount: a positive integer, at least the currency's minimum, at most 8 digits. */
export function checkChargeAmount(amount: number, currency: string): void {
  if (amount < 1) {
    throw ApiFailure.invalidRequest('This value must be greater than or equal to 1.', {
      param: 'amount',
      code: 'parameter_invalid_integer',
    })
  }
  const minimum = MINIMUM_CHARGE[currency] ?? 50
  if (amount < minimum) {
    throw ApiFailure.invalidRequest(`Amount must be at least ${formatMinimum(minimum, currency)}`, {
      code: 'amount_too_small',
      param: 'amount',
    })
  }
  if (amount > MAX_AMOUNT) {
    throw ApiFailure.invalidRequest(`Amount must be no more than ${formatMinimum(MAX_AMOUNT, currency)}`, {
      code: 'amount_too_large',
      param: 'amount',
    })
  }
  if (THREE_DECIMAL.has(currency) && amount % 10 !== 0) {
    throw ApiFailure.invalidRequest(
      `Amounts in ${currency} must be divisible by 10 (the last digit must be 0).`,
      {
        code: 'invalid_amount',
        param: 'amount',
      },
    )
  }
}

/** Validates a money-moving amount that has no charge minimum (transfers, refunds, payouts). */
export function checkPositiveAmount(amount: number, param = 'amount'): void {
  if (amount < 1) {
    throw ApiFailure.invalidRequest('This value must be greater than or equal to 1.', {
      param,
      code: 'parameter_invalid_integer',
    })
  }
  if (amount > MAX_AMOUNT) {
    throw ApiFailure.invalidRequest('This value must be less than or equal to 99999999.', {
      param,
      code: 'parameter_invalid_integer',
    })
  }
}
