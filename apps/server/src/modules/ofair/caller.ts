import { lockKey } from '../../kernel/db/concurrency.ts'
import type { Principal } from '../../kernel/http/access.ts'
import type { BaseCaller } from '../../kernel/http/route.ts'
import type { OfairTx } from './database.ts'
import { refuse } from './messages.ts'

/**
 * Who is calling, in OFAIR: resolved once per request inside its transaction and passed to every
 * service. The professional profile id never changes once it exists; row-level security applies
 * the same rules underneath from the transaction's actor settings.
 */
export interface OfairCaller extends BaseCaller {
  principal: Principal | null
  /** '' for an anonymous caller. */
  userId: string
  professionalId: string | null
  isAdmin: boolean
  isConsumer: boolean
  isProfessional: boolean
}

export const anonymousOfairCaller: OfairCaller = {
  principal: null,
  userId: '',
  professionalId: null,
  isAdmin: false,
  isConsumer: false,
  isProfessional: false,
}

export async function resolveOfairCaller(tx: OfairTx, principal: Principal | null): Promise<OfairCaller> {
  if (!principal) return anonymousOfairCaller
  const roles = principal.roles
  const base = {
    principal,
    userId: principal.userId,
    isAdmin: roles.includes('ofair_admin'),
    isConsumer: roles.includes('consumer'),
    isProfessional: roles.includes('professional'),
  }
  if (!roles.some((r) => r === 'consumer' || r === 'professional' || r === 'ofair_admin')) {
    return { ...base, professionalId: null }
  }
  const row = await tx
    .selectFrom('ofair.professionals')
    .select('id')
    .where('user_id', '=', principal.userId)
    .executeTakeFirst()
  return { ...base, professionalId: row?.id ?? null }
}

/**
 * The caller's professional profile, or 403. A profile made moments ago (onboarding) may be newer
 * than a caller kept with the session for a few seconds, so a missing id is looked up once more.
 */
export async function requireProfessional(tx: OfairTx, caller: OfairCaller): Promise<string> {
  if (caller.professionalId) return caller.professionalId
  const row = caller.userId
    ? await tx
        .selectFrom('ofair.professionals')
        .select('id')
        .where('user_id', '=', caller.userId)
        .executeTakeFirst()
    : undefined
  if (!row) throw refuse('forbidden', 'Only professionals with a profile can do this')
  return row.id
}

/** The role a person acts in, for audit entries. */
export function actingRole(caller: OfairCaller): string {
  if (caller.isAdmin) return 'ofair_admin'
  if (caller.isProfessional) return 'professional'
  return 'consumer'
}

/**
 * Serialises every change of one lead's state, proposals and referral chain (the accept function
 * takes the same lock in SQL). An advisory lock rather than the row's: most of these changes are
 * made by professionals who may read the lead but not update it (row-level security).
 */
export function lockLead(tx: OfairTx, leadId: string): Promise<void> {
  return lockKey(tx, `ofair.lead:${leadId}`)
}
