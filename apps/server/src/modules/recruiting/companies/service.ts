import { appendAudit } from '../../../kernel/audit/audit.ts'
import { updatedOrConflict, versionConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import { createOrganization } from '../../identity/index.ts'
import { actingRole, assertCompanyTeam, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import type { TCompanyCreate, TCompanyUpdate } from './schemas.ts'

const BILLING = ['billing_email', 'billing_contact_name', 'billing_address', 'tax_id'] as const

/** A new company: its identity organisation (identity makes it), profile and billing record. Platform admins only. */
export async function createCompany(
  tx: RecruitingTx,
  caller: SplitsCaller,
  input: TCompanyCreate,
  now: Date,
): Promise<string> {
  const organizationId = await createOrganization(tx, {
    kind: 'company',
    marketplace: 'splits',
    name: input.name,
  })
  const company = await tx
    .insertInto('ats.companies')
    .values({
      organization_id: organizationId,
      name: input.name,
      website: input.website ?? null,
      industry: input.industry ?? null,
      size_band: input.size_band ?? null,
      headquarters: input.headquarters ?? null,
      description: input.description ?? null,
      payment_terms: input.payment_terms ?? 'net_30',
      default_currency: input.default_currency ?? 'USD',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('ats.company_billing')
    .values({
      company_id: company.id,
      billing_email: input.billing_email ?? null,
      billing_contact_name: input.billing_contact_name ?? null,
      billing_address: input.billing_address ?? null,
      tax_id: input.tax_id ?? null,
    })
    .execute()
  await appendAudit(tx, {
    action: 'company.created',
    entityType: 'company',
    entityId: company.id,
    after: input,
    actorRole: actingRole(caller),
  })
  return company.id
}

/** Changes the profile, billing details or payment terms; `version` guards against lost updates. */
export async function updateCompany(
  tx: RecruitingTx,
  caller: SplitsCaller,
  companyId: string,
  patch: TCompanyUpdate,
  now: Date,
): Promise<void> {
  assertCompanyTeam(caller, companyId, true)
  const { version: expected, ...change } = patch
  const before = await tx
    .selectFrom('ats.companies')
    .select(['name', 'payment_terms', 'version'])
    .where('id', '=', companyId)
    .executeTakeFirst()
  if (!before) throw new AppError('not_found', 'No such company')
  if (expected !== undefined && expected !== before.version) throw versionConflict('The company', expected)
  const billing = Object.fromEntries(
    BILLING.filter((k) => change[k] !== undefined).map((k) => [k, change[k]]),
  )
  const profile = Object.fromEntries(
    Object.entries(change).filter(([k, v]) => v !== undefined && !(BILLING as readonly string[]).includes(k)),
  )
  updatedOrConflict(
    await tx
      .updateTable('ats.companies')
      .set({ ...profile, updated_at: now, version: before.version + 1 })
      .where('id', '=', companyId)
      .where('version', '=', before.version)
      .returning('version')
      .executeTakeFirst(),
    'The company',
    expected,
  )
  if (Object.keys(billing).length) {
    await tx
      .updateTable('ats.company_billing')
      .set({ ...billing, updated_at: now })
      .where('company_id', '=', companyId)
      .execute()
  }
  await appendAudit(tx, {
    action: 'company.updated',
    entityType: 'company',
    entityId: companyId,
    before: { payment_terms: before.payment_terms, name: before.name },
    after: change,
    actorRole: actingRole(caller, companyId),
  })
}
