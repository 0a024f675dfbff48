/**
 * Currencies the platform accepts, with their ISO 4217 minor-unit exponent. Amounts are always
 * integers in minor units (cents, agorot); the exponent says where the decimal point goes.
 */
export const CURRENCIES = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  ILS: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  INR: 2,
  SGD: 2,
  JPY: 0,
} as const

export type Currency = keyof typeof CURRENCIES
export const CURRENCY_CODES = Object.keys(CURRENCIES) as Currency[]

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCIES, code)
}
