import { z } from 'zod'
import { updatedOrConflict } from '../../../kernel/db/concurrency.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { requireLocality } from '../reference/queries.ts'
import { ZLocalityRef } from '../reference/schemas.ts'
import { ofairRoute as route, who } from '../route.ts'
import { ZVersionIn } from '../schemas.ts'

const tags = ['ofair-consumers']

const ZPreferences = z
  .strictObject({
    contact_hours: z.enum(['morning', 'afternoon', 'evening', 'any']).optional(),
    notify_by: z
      .array(z.enum(['sms', 'email', 'push']))
      .max(3)
      .optional(),
  })
  .describe('How and when the consumer likes to be contacted')

const ZConsumerProfileIn = z.strictObject({
  locality_id: z.number().int().positive().nullable(),
  street: z.string().trim().min(1).max(200).nullable(),
  preferences: ZPreferences.default({}),
  version: ZVersionIn.optional(),
})

const ZConsumerProfile = z.object({
  locality: ZLocalityRef.nullable(),
  street: z.string().nullable(),
  preferences: ZPreferences,
  version: z.number().int(),
})

async function ownProfile(tx: OfairTx, caller: OfairCaller) {
  const row = await tx
    .selectFrom('ofair.consumer_profiles as p')
    .leftJoin('ofair.localities as l', 'l.id', 'p.locality_id')
    .select(['p.locality_id', 'l.name_he as locality_name', 'p.street', 'p.preferences', 'p.version'])
    .where('p.user_id', '=', caller.userId)
    .executeTakeFirst()
  return {
    locality: row?.locality_id ? { id: row.locality_id, name: row.locality_name ?? '' } : null,
    street: row?.street ?? null,
    preferences: (row?.preferences ?? {}) as z.infer<typeof ZPreferences>,
    version: row?.version ?? 0,
  }
}

/** A consumer's own address and contact preferences (personal data: row-level security, theirs only). */
export const consumerRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/me/consumer-profile',
    operationId: 'getOfairConsumerProfile',
    summary: 'My consumer profile: address and preferences',
    tags,
    access: who.consumer,
    response: ZConsumerProfile,
    handler: async ({ tx, caller }) => ownProfile(tx, caller),
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/me/consumer-profile',
    operationId: 'saveOfairConsumerProfile',
    summary: 'Save my address and preferences',
    tags,
    access: who.consumer,
    body: ZConsumerProfileIn,
    errors: [409, 422],
    response: ZConsumerProfile,
    handler: async ({ tx, caller, body, ctx }) => {
      if (body.locality_id !== null) await requireLocality(tx, body.locality_id, 'body.locality_id')
      const values = {
        locality_id: body.locality_id,
        street: body.street,
        preferences: JSON.stringify(body.preferences),
        updated_at: ctx.clock.now(),
      }
      const existing = await tx
        .selectFrom('ofair.consumer_profiles')
        .select('version')
        .where('user_id', '=', caller.userId)
        .executeTakeFirst()
      if (!existing) {
        await tx
          .insertInto('ofair.consumer_profiles')
          .values({ ...values, user_id: caller.userId })
          .onConflict((oc) => oc.column('user_id').doNothing())
          .execute()
      } else {
        updatedOrConflict(
          await tx
            .updateTable('ofair.consumer_profiles')
            .set({ ...values, version: existing.version + 1 })
            .where('user_id', '=', caller.userId)
            .where('version', '=', body.version ?? existing.version)
            .returning('user_id')
            .executeTakeFirst(),
          'Your profile',
          body.version,
        )
      }
      return ownProfile(tx, caller)
    },
  }),
]
