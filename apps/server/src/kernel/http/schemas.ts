import { z } from 'zod'

/** Shared API schemas: the problem document, pagination, ids, money. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code; see GET /api/errors'),
    detail: z.string(),
    instance: z.string(),
    request_id: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .describe('RFC 9457 problem details')

export const ZUuid = z.uuid().describe('UUID')

export const ZIdParams = z.strictObject({ id: ZUuid })

export const ZListQueryBase = {
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('Page size (1-100)'),
  starting_after: z.string().max(200).optional().describe('Cursor: the `next_cursor` of the previous page'),
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    has_more: z.boolean(),
    next_cursor: z.string().nullable().describe('Pass as `starting_after` to get the next page'),
  })
}

/** Money on the wire: integer minor units as a string (never a float) plus the ISO currency. */
export const ZMoney = z.object({
  amount: z
    .string()
    .regex(/^-?\d+$/)
    .describe('Integer amount in minor units (cents, agorot), as a string'),
  currency: z.string().length(3).describe('ISO 4217 currency code'),
})
