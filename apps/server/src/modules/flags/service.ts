import type { EvaluationContext } from '@openfeature/server-sdk'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { planTierAt } from '../billing/index.ts'
import { recruiterIdOfUser } from '../recruiting/index.ts'
import type { FlagCache } from './cache.ts'
import { evaluateFlag, type FlagSubject, type FlagValue } from './evaluate.ts'
import { contextOfSubject, type FlagsProvider } from './provider.ts'

type Client = ReturnType<typeof import('@openfeature/server-sdk').OpenFeature.getClient>

/** What the module puts on `ctx.services.flags`. */
export interface FlagServices {
  cache: FlagCache
  provider: FlagsProvider
  /** The OpenFeature client of this app context's domain. */
  client: Client
}

declare module '../../kernel/context.ts' {
  interface AppServices {
    flags?: FlagServices
  }
}

function services(ctx: Pick<AppContext, 'services'>): FlagServices {
  const s = ctx.services.flags
  if (!s) throw new Error('the flags module is not initialised')
  return s
}

/**
 * Whether a boolean flag is on for a subject, through OpenFeature and our provider. An unknown key
 * (never created, or deleted) or a flag of another type answers `whenMissing` (false by default;
 * OpenFeature serves it as the default value).
 */
export async function isFeatureEnabled(
  ctx: Pick<AppContext, 'services'>,
  key: string,
  subject: FlagSubject = {},
  whenMissing = false,
): Promise<boolean> {
  return services(ctx).client.getBooleanValue(key, whenMissing, contextOfSubject(subject))
}

/**
 * `isFeatureEnabled` from what this process holds in memory, for code inside a transaction that
 * must not wait for a second connection: undefined when the flags are not in memory just now.
 */
export function featureEnabledFromMemory(
  ctx: Pick<AppContext, 'services'>,
  key: string,
  subject: FlagSubject = {},
  whenMissing = false,
): boolean | undefined {
  const flags = services(ctx).cache.peek()
  if (!flags) return undefined
  const flag = flags.get(key)
  if (flag?.kind !== 'boolean') return whenMissing
  const value = evaluateFlag(flag, subject).value
  return typeof value === 'boolean' ? value : whenMissing
}

/** A variant flag's variant and value for a subject (`fallback` when the key is unknown). */
export async function flagVariant(
  ctx: Pick<AppContext, 'services'>,
  key: string,
  subject: FlagSubject = {},
  fallback = 'off',
): Promise<{ variant: string; value: FlagValue; reason: string }> {
  const context: EvaluationContext = contextOfSubject(subject)
  const flag = await services(ctx).cache.get(key)
  if (!flag) return { variant: fallback, value: null, reason: 'ERROR' }
  const details = await services(ctx).client.getObjectDetails(key, {}, context)
  if (details.errorCode) {
    // a scalar variant: evaluate directly for its value
    const e = evaluateFlag(flag, subject)
    return { variant: e.variant, value: e.value, reason: e.reason }
  }
  return {
    variant: details.variant ?? fallback,
    value: details.value as FlagValue,
    reason: details.reason ?? 'UNKNOWN',
  }
}

const OFAIR_ROLES = new Set(['consumer', 'professional', 'ofair_admin'])

/**
 * The subject of a signed-in person: their roles and organisations, their marketplace (OFAIR when
 * they hold only OFAIR roles) and, for a recruiter, the plan tier they hold now.
 */
export async function subjectOfPrincipal(
  tx: AnyTx,
  principal: Principal | null,
  at: Date,
): Promise<FlagSubject> {
  if (!principal) return {}
  const roles = [...new Set(principal.roles)]
  let planTier: string | null = null
  if (roles.includes('recruiter')) {
    const recruiterId = await recruiterIdOfUser(tx, principal.userId)
    if (recruiterId) planTier = await planTierAt(tx, recruiterId, at)
  }
  return {
    userId: principal.userId,
    roles,
    organizationIds: [...new Set(principal.memberships.map((m) => m.organizationId))],
    planTier,
    marketplace: roles.length > 0 && roles.every((r) => OFAIR_ROLES.has(r)) ? 'ofair' : 'splits',
  }
}

/** The client-visible flags evaluated for a subject (GET /api/flags). */
export async function clientFlags(
  ctx: Pick<AppContext, 'services'>,
  subject: FlagSubject,
): Promise<Record<string, { value: FlagValue; variant: string; reason: string }>> {
  const out: Record<string, { value: FlagValue; variant: string; reason: string }> = {}
  for (const flag of (await services(ctx).cache.all()).values()) {
    if (!flag.clientVisible) continue
    out[flag.key] = evaluateFlag(flag, subject)
  }
  return out
}
