import { z } from 'zod'

const ZTs = z.iso.datetime()
const ZJson = z.unknown().describe('Any JSON value')

export const ZFlagKey = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$/,
    'lower-case words separated by dots, e.g. fraud.detection',
  )
  .describe('Dotted lower-case key, e.g. `fraud.detection`')

export const ZRule = z
  .object({
    attribute: z
      .string()
      .max(50)
      .describe(
        'role, organization_id, plan_tier, marketplace or user_id; anything else answers 422 flag_unknown_targeting_key',
      ),
    values: z
      .array(z.string().min(1).max(200))
      .max(500)
      .optional()
      .describe('Match when the subject has one of these'),
    variant: z.string().max(40).optional().describe('Served on a match; the rollout variant when left out'),
    percentage: z
      .number()
      .optional()
      .describe('Only this share (0–100) of the matching subjects, by stable bucket'),
  })
  .describe('A targeting rule; the first match wins')

const changes = {
  description: z.string().max(500).optional(),
  variants: z
    .record(z.string().max(40), ZJson)
    .optional()
    .describe('Variant name → JSON value (variant flags); a boolean flag’s are {"on": true, "off": false}'),
  default_variant: z.string().max(40).optional().describe('Served when off or nothing matched'),
  rollout_variant: z.string().max(40).optional().describe('Served to the rollout percentage'),
  enabled: z.boolean().optional().describe('The kill switch: false serves the default variant to everyone'),
  rules: z.array(ZRule).max(50).optional(),
  percentage: z.number().optional().describe('Share of everyone no rule matched (0–100, stable bucketing)'),
  client_visible: z.boolean().optional().describe('Whether GET /api/flags tells the web app'),
  reason: z.string().trim().max(500).optional().describe('Why: kept in the flag’s history'),
}

export const ZCreateFlag = z.strictObject({
  key: ZFlagKey,
  kind: z.enum(['boolean', 'variant']),
  ...changes,
})

export const ZUpdateFlag = z.strictObject({
  version: z.number().int().min(1).describe('The version you edited; another answers 409 flag_version_stale'),
  ...changes,
})

export const ZFlagKeyParams = z.strictObject({ key: ZFlagKey })
export const ZDeleteQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .describe('The version you saw; another answers 409 flag_version_stale'),
  reason: z.string().trim().max(500).optional(),
})

export const ZFlag = z.object({
  key: z.string(),
  description: z.string(),
  kind: z.enum(['boolean', 'variant']),
  variants: z.record(z.string(), ZJson),
  default_variant: z.string(),
  rollout_variant: z.string(),
  enabled: z.boolean(),
  rules: z.array(
    z.object({
      attribute: z.string(),
      values: z.array(z.string()),
      variant: z.string(),
      percentage: z.number().optional(),
    }),
  ),
  percentage: z.number(),
  client_visible: z.boolean(),
  created_at: ZTs,
  updated_at: ZTs,
  updated_by: z.uuid().nullable(),
  version: z.number().int(),
})

export const ZFlagList = z.object({ data: z.array(ZFlag) })

export const ZFlagChange = z.object({
  id: z.string(),
  flag_key: z.string(),
  action: z.enum(['created', 'updated', 'deleted']),
  actor_user_id: z.uuid().nullable(),
  changed_at: ZTs,
  before: ZJson.nullable(),
  after: ZJson.nullable(),
  reason: z.string().nullable(),
})

export const ZFlagHistory = z.object({ data: z.array(ZFlagChange) })

export const ZEvaluatedFlags = z.object({
  flags: z
    .record(
      z.string(),
      z.object({
        value: ZJson,
        variant: z.string(),
        reason: z.enum(['TARGETING_MATCH', 'SPLIT', 'DEFAULT', 'DISABLED']),
      }),
    )
    .describe('Every client-visible flag, evaluated for the caller'),
})
