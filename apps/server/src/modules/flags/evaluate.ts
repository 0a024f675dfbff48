import { createHash } from 'node:crypto'

/**
 * What a flag can target. A rule naming anything else is refused (flag_unknown_targeting_key):
 * a typo would otherwise silently never match.
 */
export const TARGETING_ATTRIBUTES = [
  'role',
  'organization_id',
  'plan_tier',
  'marketplace',
  'user_id',
] as const
export type TargetingAttribute = (typeof TARGETING_ATTRIBUTES)[number]

export type FlagValue = boolean | string | number | null | FlagValue[] | { [k: string]: FlagValue }

/** One targeting rule: whoever has one of `values` for `attribute` gets `variant` (first match wins). */
export interface FlagRule {
  attribute: TargetingAttribute
  values: string[]
  variant: string
  /** Only this share of the matching subjects (0–100), by the same stable bucket; all when absent. */
  percentage?: number | undefined
}

/** A flag as evaluation needs it (the cache holds these). */
export interface FlagDefinition {
  key: string
  kind: 'boolean' | 'variant'
  variants: Record<string, FlagValue>
  defaultVariant: string
  rolloutVariant: string
  enabled: boolean
  rules: FlagRule[]
  /** Basis points 0..10000 of everyone no rule matched. */
  rolloutBp: number
  clientVisible: boolean
  version: number
}

/** Who is asking: the user and what they are (every field optional). */
export interface FlagSubject {
  userId?: string | null | undefined
  roles?: readonly string[] | undefined
  organizationIds?: readonly string[] | undefined
  planTier?: string | null | undefined
  marketplace?: 'splits' | 'ofair' | null | undefined
}

export type EvaluationReason = 'TARGETING_MATCH' | 'SPLIT' | 'DEFAULT' | 'DISABLED'

export interface Evaluation {
  value: FlagValue
  variant: string
  reason: EvaluationReason
}

export const BUCKETS = 10_000

/**
 * The subject's stable bucket for a flag, 0..9999: the first 4 bytes of SHA-256(key ":" id) modulo
 * 10 000. The same subject always lands in the same bucket of a flag, and different flags bucket
 * independently; a rollout of p % serves buckets below p × 100, so raising p only adds subjects.
 */
export function bucketOf(flagKey: string, subjectId: string): number {
  return createHash('sha256').update(`${flagKey}:${subjectId}`).digest().readUInt32BE(0) % BUCKETS
}

/** Percentage (0–100, two decimals) ↔ basis points. */
export const toBasisPoints = (percentage: number) => Math.round(percentage * 100)
export const toPercentage = (bp: number) => bp / 100

/** The id a subject is bucketed by: the user, else their first organisation. */
export function bucketingId(subject: FlagSubject): string | null {
  return subject.userId || subject.organizationIds?.[0] || null
}

function attributeValues(subject: FlagSubject, attribute: TargetingAttribute): readonly string[] {
  switch (attribute) {
    case 'role':
      return subject.roles ?? []
    case 'organization_id':
      return subject.organizationIds ?? []
    case 'plan_tier':
      return subject.planTier ? [subject.planTier] : []
    case 'marketplace':
      return subject.marketplace ? [subject.marketplace] : []
    case 'user_id':
      return subject.userId ? [subject.userId] : []
  }
}

/** Whether the subject's bucket falls in the first `bp` basis points (nobody without an id, but for 100 %). */
function inShare(flag: FlagDefinition, subject: FlagSubject, bp: number): boolean {
  if (bp >= BUCKETS) return true
  if (bp <= 0) return false
  const id = bucketingId(subject)
  return id !== null && bucketOf(flag.key, id) < bp
}

/**
 * Evaluates a flag for a subject: off → default variant (DISABLED); else the first rule whose
 * attribute matches (and whose share holds the subject) → its variant (TARGETING_MATCH, or SPLIT
 * when the rule has a partial percentage); else the rollout's share → rollout variant (SPLIT when
 * partial); else the default variant (DEFAULT). Pure and synchronous: microseconds.
 */
export function evaluateFlag(flag: FlagDefinition, subject: FlagSubject): Evaluation {
  const serve = (variant: string, reason: EvaluationReason): Evaluation => ({
    value: flag.variants[variant] ?? null,
    variant,
    reason,
  })
  if (!flag.enabled) return serve(flag.defaultVariant, 'DISABLED')
  for (const rule of flag.rules) {
    const have = attributeValues(subject, rule.attribute)
    if (!have.some((v) => rule.values.includes(v))) continue
    const bp = rule.percentage === undefined ? BUCKETS : toBasisPoints(rule.percentage)
    if (!inShare(flag, subject, bp)) continue
    return serve(rule.variant, bp < BUCKETS ? 'SPLIT' : 'TARGETING_MATCH')
  }
  if (inShare(flag, subject, flag.rolloutBp)) {
    return serve(flag.rolloutVariant, flag.rolloutBp < BUCKETS ? 'SPLIT' : 'DEFAULT')
  }
  return serve(flag.defaultVariant, 'DEFAULT')
}
