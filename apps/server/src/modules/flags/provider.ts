import {
  ErrorCode,
  type EvaluationContext,
  type JsonValue,
  OpenFeature,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk'
import type { FlagCache } from './cache.ts'
import { evaluateFlag, type FlagSubject } from './evaluate.ts'

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined

/** OpenFeature's evaluation context → our subject (`targetingKey` is the user id). */
export function subjectOfContext(context: EvaluationContext): FlagSubject {
  const marketplace = context.marketplace
  return {
    userId: typeof context.targetingKey === 'string' ? context.targetingKey : null,
    roles: strings(context.roles),
    organizationIds: strings(context.organizationIds),
    planTier: typeof context.planTier === 'string' ? context.planTier : null,
    marketplace: marketplace === 'splits' || marketplace === 'ofair' ? marketplace : null,
  }
}

/** Our subject → OpenFeature's evaluation context. */
export function contextOfSubject(subject: FlagSubject): EvaluationContext {
  return {
    ...(subject.userId ? { targetingKey: subject.userId } : {}),
    roles: [...(subject.roles ?? [])],
    organizationIds: [...(subject.organizationIds ?? [])],
    ...(subject.planTier ? { planTier: subject.planTier } : {}),
    ...(subject.marketplace ? { marketplace: subject.marketplace } : {}),
  }
}

type Kind = 'boolean' | 'string' | 'number' | 'object'

/**
 * The OpenFeature provider over our PostgreSQL flags: evaluates from the in-memory cache
 * (`FlagCache`), reports the variant and the reason (TARGETING_MATCH, SPLIT, DEFAULT, DISABLED),
 * FLAG_NOT_FOUND for an unknown key and TYPE_MISMATCH when the variant's value is not of the
 * asked type (the caller's default is served then).
 */
export class FlagsProvider implements Provider {
  readonly metadata = { name: 'splits-flags-postgres' } as const
  readonly runsOn = 'server' as const
  readonly #cache: FlagCache

  constructor(cache: FlagCache) {
    this.#cache = cache
  }

  async #resolve<T>(
    kind: Kind,
    key: string,
    fallback: T,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<T>> {
    const flag = await this.#cache.get(key)
    if (!flag) {
      return {
        value: fallback,
        reason: 'ERROR',
        errorCode: ErrorCode.FLAG_NOT_FOUND,
        errorMessage: `no flag ${key}`,
      }
    }
    const result = evaluateFlag(flag, subjectOfContext(context))
    const value = result.value
    const fits = kind === 'object' ? value !== null && typeof value === 'object' : typeof value === kind
    if (!fits) {
      return {
        value: fallback,
        variant: result.variant,
        reason: 'ERROR',
        errorCode: ErrorCode.TYPE_MISMATCH,
        errorMessage: `flag ${key} serves a ${typeof value}, not a ${kind}`,
      }
    }
    return {
      value: value as T,
      variant: result.variant,
      reason: result.reason,
      flagMetadata: { version: flag.version },
    }
  }

  resolveBooleanEvaluation(key: string, fallback: boolean, context: EvaluationContext) {
    return this.#resolve('boolean', key, fallback, context)
  }
  resolveStringEvaluation(key: string, fallback: string, context: EvaluationContext) {
    return this.#resolve('string', key, fallback, context)
  }
  resolveNumberEvaluation(key: string, fallback: number, context: EvaluationContext) {
    return this.#resolve('number', key, fallback, context)
  }
  resolveObjectEvaluation<T extends JsonValue>(key: string, fallback: T, context: EvaluationContext) {
    return this.#resolve('object', key, fallback, context)
  }

  async onClose(): Promise<void> {
    await this.#cache.stop()
  }
}

let domains = 0

/** Registers a provider under its own OpenFeature domain (one per app context) and returns its client. */
export function registerProvider(provider: FlagsProvider) {
  const domain = `splits-flags-${++domains}`
  OpenFeature.setProvider(domain, provider)
  return { domain, client: OpenFeature.getClient(domain) }
}
