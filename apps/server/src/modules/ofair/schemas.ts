import { z } from 'zod'

/** The shapes every OFAIR resource shares: money in agorot, shares in percent, versions. */

/** Money in: whole agorot as a string, always ILS. */
export const ZShekelsIn = z
  .strictObject({
    amount: z
      .string()
      .regex(/^\d{1,12}$/, 'must be a whole number of agorot, as a string')
      .transform((s) => BigInt(s)),
    currency: z.literal('ILS'),
  })
  .describe('An amount in agorot (1 ₪ = 100), as a string, and the currency (ILS)')

export const ZMoneyOut = z.object({ amount: z.string(), currency: z.string() })

/** Money out: `{ amount: "<agorot>", currency: "ILS" }`, or null. */
export function shekels(amount: bigint | null | undefined) {
  return amount === null || amount === undefined ? null : { amount: amount.toString(), currency: 'ILS' }
}

/**
 * A share in percent with at most two decimals (12.5 = 12.5%); the service refuses more than 90
 * with `share_too_high`. Stored as basis points.
 */
export const ZPercentIn = z
  .number()
  .min(0, 'must not be negative')
  .max(100, 'must be at most 100')
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
    message: 'may have at most two decimals',
  })

export const toBps = (percent: number) => Math.round(percent * 100)
export const toPercent = (bps: number | null) => (bps === null ? null : bps / 100)

export const ZVersionIn = z
  .number()
  .int()
  .min(1)
  .describe('The version you loaded; a newer one answers 409 version_conflict')

export const ZIsoDate = z.iso.date().describe('YYYY-MM-DD')
