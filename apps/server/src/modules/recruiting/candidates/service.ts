import { updatedOrConflict, versionConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import { writeEvents } from '../../../kernel/outbox/events.ts'
import { requireRecruiter, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { duplicateWarnings, lockIdentityKeys, refuseOwnDuplicate, writeKeys } from './duplicates.ts'
import { identityKeysOf } from './identity-keys.ts'

/** A candidate's fields as services take them (the salary expectation flattened). */
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

/**
 * A recruiter adds a person they represent. Their own duplicate (same email, phone, LinkedIn or
 * GitHub) is refused with 409, also when added concurrently; other recruiters' are warned about.
 */
export async function createCandidate(
  tx: RecruitingTx,
  caller: SplitsCaller,
  input: CandidateInput,
  secret: string,
  now: Date,
) {
  const recruiterId = requireRecruiter(caller)
  checkSalary(input)
  const keys = identityKeysOf(input)
  await lockIdentityKeys(tx, secret, recruiterId, keys)
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
  await writeEvents(tx, [
    {
      type: 'candidate.created',
      aggregateId: row.id,
      data: { candidate_id: row.id, recruiter_id: recruiterId },
    },
  ])
  return { id: row.id, warnings: warnings.filter((w) => !w.yours) }
}

/** The representing recruiter (or a platform admin) changes a candidate; `version` guards against lost updates. */
export async function updateCandidate(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  patch: Partial<CandidateInput>,
  expectedVersion: number | undefined,
  secret: string,
  now: Date,
) {
  const current = await tx.selectFrom('ats.candidates').selectAll().where('id', '=', id).executeTakeFirst()
  if (!current || (current.recruiter_id !== caller.recruiterId && !caller.isPlatformAdmin))
    throw new AppError('not_found', 'No such candidate')
  if (expectedVersion !== undefined && expectedVersion !== current.version)
    throw versionConflict('The candidate', expectedVersion)
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
  await lockIdentityKeys(tx, secret, current.recruiter_id, keys)
  const warnings = await duplicateWarnings(tx, secret, keys, current.recruiter_id, now, id)
  refuseOwnDuplicate(warnings)
  updatedOrConflict(
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
        version: current.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .returning('id')
      .executeTakeFirst(),
    'The candidate',
    expectedVersion,
  )
  if (Object.keys(contactsPatch).length) {
    await tx
      .updateTable('ats.candidate_contacts')
      .set({ ...contactsPatch, updated_at: now })
      .where('candidate_id', '=', id)
      .execute()
  }
  await writeKeys(tx, secret, id, current.recruiter_id, keys)
  await writeEvents(tx, [
    {
      type: 'candidate.updated',
      aggregateId: id,
      data: { candidate_id: id, recruiter_id: current.recruiter_id, changed: Object.keys(patch).sort() },
    },
  ])
  return { warnings: warnings.filter((w) => !w.yours) }
}

/** Is this person already in the network? (as a recruiter types, before adding or submitting) */
export async function checkDuplicates(
  tx: RecruitingTx,
  caller: SplitsCaller,
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
  const recruiterId = requireRecruiter(caller)
  return duplicateWarnings(tx, secret, identityKeysOf(contacts), recruiterId, now)
}
