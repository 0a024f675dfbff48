import { sql } from 'kysely'
import type { Tx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { pageOf, timeIdCursor } from '../../kernel/http/pagination.ts'
import { isPlatformAdmin, recruiterIdOf, requireRecruiter } from './access.ts'
import { type IdentityKey, type IdentityKeyKind, identityKeysOf, keyHash } from './identity-keys.ts'
import { escapeLike } from './roles.ts'

export interface CandidateInput {
  full_name: string
  current_title?: string | null | undefined
  location?: string | null | undefined
  country?: string | null | undefined
  skills?: string[] | undefined
  years_experience?: number | null | undefined
  salary_expectation_min?: bigint | null | undefined
  salary_expectation_max?: bigint | null | undefined
  salary_currency?: string | null | undefined
  notes?: string | null | undefined
  email?: string | null | undefined
  phone?: string | null | undefined
  linkedin_url?: string | null | undefined
  github_url?: string | null | undefined
  website_url?: string | null | undefined
  consent?: { method: 'email' | 'written' | 'verbal' | 'portal'; text_version: string } | null | undefined
}

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
  tx: Tx,
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

export async function duplicateWarnings(
  tx: Tx,
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
  const reps = await tx
    .selectFrom('ats.representations as r')
    .innerJoin('ats.companies as c', 'c.id', 'r.company_id')
    .select(['r.candidate_id', 'r.company_id', 'c.name as company_name', 'r.expires_at'])
    .where('r.candidate_id', 'in', [...byCandidate.keys()])
    .where('r.status', '=', 'active')
    .where('r.expires_at', '>', now)
    .execute()
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

async function writeKeys(
  tx: Tx,
  secret: string,
  candidateId: string,
  recruiterId: string,
  keys: IdentityKey[],
) {
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

function checkSalary(input: Partial<CandidateInput>) {
  const { salary_expectation_min: min, salary_expectation_max: max } = input
  if (min != null && max != null && min > max) {
    throw new AppError(
      'validation_failed',
      'body.salary_expectation_max: must not be below salary_expectation_min',
      {
        errors: [
          { field: 'body.salary_expectation_max', message: 'must not be below salary_expectation_min' },
        ],
      },
    )
  }
  if ((min != null || max != null) && !input.salary_currency) {
    throw new AppError('validation_failed', 'body.salary_currency: is required with a salary expectation', {
      errors: [{ field: 'body.salary_currency', message: 'is required with a salary expectation' }],
    })
  }
}

function refuseOwnDuplicate(warnings: DuplicateWarning[]) {
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

/** A recruiter adds a person they represent. Their own duplicates are refused; others' are warned about. */
export async function createCandidate(
  tx: Tx,
  p: Principal,
  input: CandidateInput,
  secret: string,
  now: Date,
) {
  const recruiterId = await requireRecruiter(tx, p)
  checkSalary(input)
  const keys = identityKeysOf(input)
  const warnings = await duplicateWarnings(tx, secret, keys, recruiterId, now)
  refuseOwnDuplicate(warnings)
  const row = await tx
    .insertInto('ats.candidates')
    .values({
      recruiter_id: recruiterId,
      full_name: input.full_name,
      current_title: input.current_title ?? null,
      location: input.location ?? null,
      country: input.country ?? null,
      skills: input.skills ?? [],
      years_experience: input.years_experience ?? null,
      salary_expectation_min: input.salary_expectation_min ?? null,
      salary_expectation_max: input.salary_expectation_max ?? null,
      salary_currency: input.salary_currency ?? null,
      notes: input.notes ?? null,
      consent_given_at: input.consent ? now : null,
      consent_method: input.consent?.method ?? null,
      consent_text_version: input.consent?.text_version ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('ats.candidate_contacts')
    .values({
      candidate_id: row.id,
      email: input.email?.trim().toLowerCase() || null,
      phone: input.phone?.trim() || null,
      linkedin_url: input.linkedin_url?.trim() || null,
      github_url: input.github_url?.trim() || null,
      website_url: input.website_url?.trim() || null,
    })
    .execute()
  await writeKeys(tx, secret, row.id, recruiterId, keys)
  return { id: row.id, warnings: warnings.filter((w) => !w.yours) }
}

export async function updateCandidate(
  tx: Tx,
  p: Principal,
  id: string,
  patch: Partial<CandidateInput>,
  secret: string,
  now: Date,
) {
  const current = await tx.selectFrom('ats.candidates').selectAll().where('id', '=', id).executeTakeFirst()
  const recruiterId = await recruiterIdOf(tx, p)
  if (!current || (current.recruiter_id !== recruiterId && !isPlatformAdmin(p)))
    throw new AppError('not_found', 'No such candidate')
  checkSalary({ ...current, ...patch })
  const { email, phone, linkedin_url, github_url, website_url, consent, ...profile } = patch
  const contactsPatch = Object.fromEntries(
    Object.entries({ email, phone, linkedin_url, github_url, website_url }).filter(
      ([, v]) => v !== undefined,
    ),
  )
  const contacts = await tx
    .selectFrom('ats.candidate_contacts')
    .selectAll()
    .where('candidate_id', '=', id)
    .executeTakeFirstOrThrow()
  const merged = { ...contacts, ...contactsPatch, country: profile.country ?? current.country }
  const keys = identityKeysOf(merged)
  const warnings = await duplicateWarnings(tx, secret, keys, current.recruiter_id, now, id)
  refuseOwnDuplicate(warnings)
  await tx
    .updateTable('ats.candidates')
    .set({
      ...profile,
      ...(consent
        ? {
            consent_given_at: now,
            consent_method: consent.method,
            consent_text_version: consent.text_version,
          }
        : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute()
  if (Object.keys(contactsPatch).length) {
    await tx
      .updateTable('ats.candidate_contacts')
      .set({ ...contactsPatch, updated_at: now })
      .where('candidate_id', '=', id)
      .execute()
  }
  await writeKeys(tx, secret, id, current.recruiter_id, keys)
  return { warnings: warnings.filter((w) => !w.yours) }
}

/**
 * One candidate, as row-level security lets the caller see them. Contact details shown to anyone
 * but the representing recruiter (a company, an admin) are logged as a reveal.
 */
export async function getCandidate(tx: Tx, p: Principal, id: string, now: Date) {
  const candidate = await tx
    .selectFrom('ats.candidates as c')
    .innerJoin('network.recruiters as r', 'r.id', 'c.recruiter_id')
    .innerJoin('identity.users as u', 'u.id', 'r.user_id')
    .selectAll('c')
    .select(['u.display_name as recruiter_name'])
    .where('c.id', '=', id)
    .executeTakeFirst()
  if (!candidate) throw new AppError('not_found', 'No such candidate')
  const contacts = await tx
    .selectFrom('ats.candidate_contacts')
    .selectAll()
    .where('candidate_id', '=', id)
    .executeTakeFirst()
  const own = candidate.recruiter_id === (await recruiterIdOf(tx, p))
  if (!own && contacts) {
    await tx
      .insertInto('platform.pii_access_log')
      .values({
        subject_type: 'candidate',
        subject_id: id,
        fields: ['email', 'phone', 'linkedin_url', 'github_url', 'website_url'].filter(
          (f) => (contacts as Record<string, unknown>)[f],
        ),
        purpose: isPlatformAdmin(p) ? 'admin.candidate_detail' : 'company.candidate_review',
      })
      .execute()
  }
  const representations = await tx
    .selectFrom('ats.representations as r')
    .innerJoin('ats.companies as co', 'co.id', 'r.company_id')
    .select([
      'r.id',
      'r.company_id',
      'co.name as company_name',
      'r.starts_at',
      'r.expires_at',
      'r.status',
      'r.ownership',
    ])
    .where('r.candidate_id', '=', id)
    .orderBy('r.starts_at', 'desc')
    .execute()
  const applications = await tx
    .selectFrom('ats.applications as a')
    .innerJoin('ats.roles as ro', 'ro.id', 'a.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'a.company_id')
    .select([
      'a.id',
      'a.role_id',
      'ro.title as role_title',
      'co.name as company_name',
      'a.stage',
      'a.submitted_at',
      'a.stage_changed_at',
    ])
    .where('a.candidate_id', '=', id)
    .orderBy('a.submitted_at', 'desc')
    .execute()
  return { candidate, contacts: contacts ?? null, own, representations, applications, now }
}

export interface CandidateFilters {
  q?: string | undefined
  skill?: string | undefined
  limit: number
  startingAfter?: string | undefined
}

/**
 * Recruiters: their own candidates. Platform admins: everyone. Newest first.
 *
 * ats.search_candidates (migration 0009) picks the page's ids: under row-level security a word
 * search cannot use the trigram index, and a word that matches nobody read every candidate. It
 * applies the same visibility rule itself; this query then reads those rows through the policy.
 */
export async function searchCandidates(tx: Tx, p: Principal, f: CandidateFilters) {
  const admin = isPlatformAdmin(p)
  const recruiterId = admin ? null : await requireRecruiter(tx, p)
  const pattern = f.q ? `%${escapeLike(f.q.toLowerCase())}%` : null
  const after = f.startingAfter ? timeIdCursor(f.startingAfter) : null
  const page = sql<string>`ats.search_candidates(${pattern}, ${f.skill ?? null}, ${recruiterId},
    ${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid, ${f.limit + 1})`
  const rows = await tx
    .selectFrom('ats.candidates as c')
    .select([
      'c.id',
      'c.recruiter_id',
      'c.full_name',
      'c.current_title',
      'c.location',
      'c.skills',
      'c.years_experience',
      'c.consent_given_at',
      'c.created_at',
      sql<number>`(select count(*)::int from ats.applications a where a.candidate_id = c.id)`.as(
        'applications_count',
      ),
    ])
    .where(sql<boolean>`c.id in (select ${page})`)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1)
    .execute()
  return pageOf(rows, f.limit, (r) => [r.created_at.toISOString(), r.id])
}

export async function checkDuplicates(
  tx: Tx,
  p: Principal,
  contacts: {
    email?: string | undefined
    phone?: string | undefined
    linkedin_url?: string | undefined
    github_url?: string | undefined
    country?: string | undefined
  },
  secret: string,
  now: Date,
) {
  const recruiterId = await requireRecruiter(tx, p)
  return duplicateWarnings(tx, secret, identityKeysOf(contacts), recruiterId, now)
}
