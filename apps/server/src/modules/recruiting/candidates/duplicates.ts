import { lockKey } from '../../../kernel/db/concurrency.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { RecruitingTx } from '../database.ts'
import { type IdentityKey, type IdentityKeyKind, keyHash } from './identity-keys.ts'

/** Another record of the same person. Other recruiters' matches reveal only where the person is represented. */
export interface DuplicateWarning {
  matched_on: IdentityKeyKind[]
  yours: boolean
  candidate_id: string | null
  represented_to: { company_id: string; company_name: string; expires_at: Date }[]
}

export interface KeyMatch {
  candidate_id: string
  recruiter_id: string
  kind: IdentityKeyKind
}

/** Records of the same person, by any recruiter (the keys table holds only digests and ids). */
export async function findKeyMatches(
  tx: RecruitingTx,
  secret: string,
  keys: IdentityKey[],
  exclude?: string,
): Promise<KeyMatch[]> {
  if (keys.length === 0) return []
  let q = tx
    .selectFrom('ats.candidate_identity_keys')
    .select(['candidate_id', 'recruiter_id', 'kind'])
    .where((eb) =>
      eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('key_hash', '=', keyHash(secret, k))]))),
    )
  if (exclude) q = q.where('candidate_id', '<>', exclude)
  return (await q.execute()) as KeyMatch[]
}

/**
 * The other records of the person `keys` describe, each with where the person is represented.
 * Another recruiter's representations are not the caller's to read (row-level security): the
 * lookup runs as the system and returns only company names and end dates.
 */
export async function duplicateWarnings(
  tx: RecruitingTx,
  secret: string,
  keys: IdentityKey[],
  recruiterId: string | null,
  now: Date,
  exclude?: string,
): Promise<DuplicateWarning[]> {
  const matches = await findKeyMatches(tx, secret, keys, exclude)
  const byCandidate = new Map<string, KeyMatch[]>()
  for (const m of matches) byCandidate.set(m.candidate_id, [...(byCandidate.get(m.candidate_id) ?? []), m])
  if (byCandidate.size === 0) return []
  const reps = await asSystem(tx, 'recruiting.duplicate_warnings', () =>
    tx
      .selectFrom('ats.representations as r')
      .innerJoin('ats.companies as c', 'c.id', 'r.company_id')
      .select(['r.candidate_id', 'r.company_id', 'c.name as company_name', 'r.expires_at'])
      .where('r.candidate_id', 'in', [...byCandidate.keys()])
      .where('r.status', '=', 'active')
      .where('r.expires_at', '>', now)
      .execute(),
  )
  return [...byCandidate.entries()].map(([candidateId, ms]) => {
    const yours = ms[0]!.recruiter_id === recruiterId
    return {
      matched_on: [...new Set(ms.map((m) => m.kind))],
      yours,
      candidate_id: yours ? candidateId : null,
      represented_to: reps
        .filter((r) => r.candidate_id === candidateId)
        .map((r) => ({ company_id: r.company_id, company_name: r.company_name, expires_at: r.expires_at })),
    }
  })
}

/**
 * Serialises adding and changing records of one person by one recruiter: a transaction-scoped lock
 * per identity key (in a fixed order), taken before the duplicate check, so that of concurrent
 * adds one sees the other's committed row. A unique index on (recruiter, kind, digest) holds the
 * same rule in SQL.
 */
export async function lockIdentityKeys(
  tx: RecruitingTx,
  secret: string,
  recruiterId: string,
  keys: IdentityKey[],
): Promise<void> {
  const names = keys.map((k) => `candidate-key:${recruiterId}:${k.kind}:${keyHash(secret, k)}`).sort()
  for (const name of names) await lockKey(tx, name)
}

export function refuseOwnDuplicate(warnings: DuplicateWarning[]): void {
  const own = warnings.find((w) => w.yours)
  if (own) {
    throw new AppError(
      'duplicate_candidate',
      `You already have this candidate (matched on ${own.matched_on.join(', ')})`,
      {
        meta: { existing_candidate_id: own.candidate_id, matched_on: own.matched_on },
      },
    )
  }
}

/** Replaces a candidate's identity keys with `keys`. */
export async function writeKeys(
  tx: RecruitingTx,
  secret: string,
  candidateId: string,
  recruiterId: string,
  keys: IdentityKey[],
): Promise<void> {
  await tx.deleteFrom('ats.candidate_identity_keys').where('candidate_id', '=', candidateId).execute()
  if (keys.length) {
    await tx
      .insertInto('ats.candidate_identity_keys')
      .values(
        keys.map((k) => ({
          candidate_id: candidateId,
          recruiter_id: recruiterId,
          kind: k.kind,
          key_hash: keyHash(secret, k),
        })),
      )
      .execute()
  }
}
