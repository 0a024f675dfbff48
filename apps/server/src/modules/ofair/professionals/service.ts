import { appendAudit } from '../../../kernel/audit/audit.ts'
import { updatedOrConflict } from '../../../kernel/db/concurrency.ts'
import { grantMarketplaceRole } from '../../identity/index.ts'
import { actingRole, type OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { emit } from '../events.ts'
import { requireOwnFiles } from '../files/service.ts'
import { refuse } from '../messages.ts'
import {
  requireCategories,
  requireCategory,
  requireLocalities,
  requireLocality,
} from '../reference/queries.ts'
import { validBusinessNumber } from './business-number.ts'
import type { TOnboarding } from './schemas.ts'

/**
 * Onboarding and profile changes: the first save makes the profile (pending verification) and
 * grants the `professional` role; later saves change it (optimistically, with the version). A new
 * business number or type sends a verified profile back to verification.
 */
export async function saveOwnProfile(
  tx: OfairTx,
  caller: OfairCaller,
  input: TOnboarding,
  now: Date,
): Promise<string> {
  const businessNumber = validBusinessNumber(input.business_number, input.business_type)
  if (!businessNumber) {
    throw refuse(
      'invalid_business_number',
      'body.business_number: not nine digits with a valid check digit',
      {
        field: 'body.business_number',
      },
    )
  }
  await requireCategory(tx, input.profession_category_id, null, {
    category: 'body.profession_category_id',
    subcategory: 'body.profession_category_id',
  })
  await requireCategories(tx, input.specialties, 'body.specialties')
  await requireLocality(tx, input.base_locality_id, 'body.base_locality_id')
  await requireLocalities(tx, input.service_locality_ids, 'body.service_locality_ids')
  const fields = {
    display_name: input.display_name,
    profession_category_id: input.profession_category_id,
    company_name: input.company_name ?? null,
    business_number: businessNumber,
    business_type: input.business_type,
    base_locality_id: input.base_locality_id,
    service_radius_km: input.service_radius_km,
    working_hours: JSON.stringify(input.working_hours),
    about: input.about,
    updated_at: now,
  }
  const existing = await tx
    .selectFrom('ofair.professionals')
    .select(['id', 'version', 'status', 'business_number', 'business_type'])
    .where('user_id', '=', caller.userId)
    .executeTakeFirst()
  let id: string
  if (!existing) {
    id = (
      await tx
        .insertInto('ofair.professionals')
        .values({ ...fields, user_id: caller.userId, created_at: now })
        .onConflict((oc) => oc.column('user_id').doNothing())
        .returning('id')
        .executeTakeFirst()
    )?.id as string
    if (!id) throw refuse('conflict', 'The profile was created by another request at the same moment; reload')
    await grantMarketplaceRole(tx, {
      userId: caller.userId,
      marketplace: 'ofair',
      role: 'professional',
      reason: 'ofair professional profile submitted',
    })
  } else {
    const identityChanged =
      existing.business_number !== businessNumber || existing.business_type !== input.business_type
    const backToReview = identityChanged && existing.status === 'verified'
    id = existing.id
    updatedOrConflict(
      await tx
        .updateTable('ofair.professionals')
        .set({
          ...fields,
          version: existing.version + 1,
          ...(backToReview ? { status: 'pending', verified_at: null, verified_by: null } : {}),
        })
        .where('id', '=', existing.id)
        .where('version', '=', input.version ?? existing.version)
        .returning('id')
        .executeTakeFirst(),
      'The profile',
      input.version,
    )
    await tx.deleteFrom('ofair.professional_specialties').where('professional_id', '=', id).execute()
    await tx.deleteFrom('ofair.professional_service_areas').where('professional_id', '=', id).execute()
  }
  const specialties = [...new Set(input.specialties)]
  if (specialties.length) {
    await tx
      .insertInto('ofair.professional_specialties')
      .values(specialties.map((category_id) => ({ professional_id: id, category_id })))
      .execute()
  }
  const areas = [...new Set(input.service_locality_ids)]
  if (areas.length) {
    await tx
      .insertInto('ofair.professional_service_areas')
      .values(areas.map((locality_id) => ({ professional_id: id, locality_id })))
      .execute()
  }
  return id
}

/** A certificate (an upload of the caller's with purpose `certificate`) added to their profile. */
export async function addCertificate(
  tx: OfairTx,
  caller: OfairCaller,
  professionalId: string,
  input: { file_id: string; title: string },
): Promise<string> {
  await requireOwnFiles(tx, caller, [input.file_id], 'certificate', 'body.file_id')
  const row = await tx
    .insertInto('ofair.professional_certificates')
    .values({ professional_id: professionalId, file_id: input.file_id, title: input.title })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** An admin's decision on a profile: verified (may propose) or rejected (with a note). Audited. */
export async function reviewProfessional(
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  input: { decision: 'verified' | 'rejected'; note?: string | undefined },
  now: Date,
): Promise<void> {
  const before = await tx
    .selectFrom('ofair.professionals')
    .select(['id', 'user_id', 'status', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!before) throw refuse('not_found', 'No such professional')
  await tx
    .updateTable('ofair.professionals')
    .set({
      status: input.decision,
      verification_note: input.note ?? null,
      verified_at: input.decision === 'verified' ? now : null,
      verified_by: input.decision === 'verified' ? caller.userId : null,
      updated_at: now,
      version: before.version + 1,
    })
    .where('id', '=', id)
    .execute()
  await appendAudit(tx, {
    action: `ofair.professional_${input.decision}`,
    entityType: 'ofair_professional',
    entityId: id,
    before: { status: before.status },
    after: { status: input.decision, note: input.note ?? null },
    actorRole: actingRole(caller),
  })
  await emit(tx, 'ofair_professional.reviewed', id, {
    professional_id: id,
    user_id: before.user_id,
    decision: input.decision,
  })
}
