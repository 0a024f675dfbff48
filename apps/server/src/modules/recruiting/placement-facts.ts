import type { AnyTx } from '../../kernel/db/database.ts'
import { asSystem } from '../../kernel/db/transaction.ts'
import type { RecruitingTx } from './database.ts'

/**
 * What other modules (billing, payouts) may know about a placement: the deal's terms, its parties
 * and its split agreement. Read as the caller's transaction sees it (row-level security applies);
 * billing's consumers run as the system.
 */
export interface PlacementFacts {
  id: string
  company: { id: string; organizationId: string; name: string; paymentTerms: 'net_30' | 'net_60' | 'net_90' }
  role: { id: string; title: string; feeRateBps: number }
  candidate: { id: string; name: string }
  baseSalary: bigint
  currency: string
  startDate: string
  guaranteeDays: number
  guaranteeEndsOn: string
  status: 'active' | 'fell_off'
  fellOffOn: string | null
  fallOffReason: string | null
  splitStatus: 'pending' | 'agreed'
  /** The recruiter whose candidate was hired: their plan decides the platform's take. */
  submittingRecruiter: { id: string; userId: string; planTier: 'starter' | 'pro' | 'partner' }
  splits: { feeRole: string; recruiterId: string; userId: string; shareBps: number; agreed: boolean }[]
  createdAt: Date
}

export async function placementFacts(anyTx: AnyTx, placementId: string): Promise<PlacementFacts | undefined> {
  // Read as the system: a placement's parties include recruiters who cannot see its application
  // row; the caller (billing) decides from these facts who may see what it derives from them.
  return asSystem(anyTx, 'recruiting.placement_facts', () => readFacts(anyTx as RecruitingTx, placementId))
}

async function readFacts(tx: RecruitingTx, placementId: string): Promise<PlacementFacts | undefined> {
  const p = await tx
    .selectFrom('ats.placements as p')
    .innerJoin('ats.companies as c', 'c.id', 'p.company_id')
    .innerJoin('ats.roles as r', 'r.id', 'p.role_id')
    .innerJoin('ats.candidates as ca', 'ca.id', 'p.candidate_id')
    .innerJoin('ats.applications as a', 'a.id', 'p.application_id')
    .innerJoin('network.recruiters as sr', 'sr.id', 'a.recruiter_id')
    .select([
      'p.id',
      'p.company_id',
      'c.organization_id',
      'c.name as company_name',
      'p.payment_terms',
      'p.role_id',
      'r.title as role_title',
      'p.fee_rate_bps',
      'p.candidate_id',
      'ca.full_name as candidate_name',
      'p.base_salary',
      'p.currency',
      'p.start_date',
      'p.guarantee_days',
      'p.guarantee_ends_on',
      'p.status',
      'p.fell_off_on',
      'p.fall_off_reason',
      'p.split_status',
      'sr.id as submitting_recruiter_id',
      'sr.user_id as submitting_user_id',
      'sr.plan_tier',
      'p.created_at',
    ])
    .where('p.id', '=', placementId)
    .executeTakeFirst()
  if (!p) return undefined
  const splits = await tx
    .selectFrom('ats.placement_splits as s')
    .innerJoin('network.recruiters as r', 'r.id', 's.recruiter_id')
    .select(['s.fee_role', 's.recruiter_id', 'r.user_id', 's.share_bps', 's.agreed_at'])
    .where('s.placement_id', '=', placementId)
    .orderBy('s.fee_role')
    .execute()
  return {
    id: p.id,
    company: {
      id: p.company_id,
      organizationId: p.organization_id,
      name: p.company_name,
      paymentTerms: p.payment_terms as PlacementFacts['company']['paymentTerms'],
    },
    role: { id: p.role_id, title: p.role_title, feeRateBps: p.fee_rate_bps },
    candidate: { id: p.candidate_id, name: p.candidate_name },
    baseSalary: p.base_salary,
    currency: p.currency,
    startDate: p.start_date,
    guaranteeDays: p.guarantee_days,
    guaranteeEndsOn: p.guarantee_ends_on,
    status: p.status as PlacementFacts['status'],
    fellOffOn: p.fell_off_on,
    fallOffReason: p.fall_off_reason,
    splitStatus: p.split_status as PlacementFacts['splitStatus'],
    submittingRecruiter: {
      id: p.submitting_recruiter_id,
      userId: p.submitting_user_id,
      planTier: p.plan_tier as PlacementFacts['submittingRecruiter']['planTier'],
    },
    splits: splits.map((s) => ({
      feeRole: s.fee_role,
      recruiterId: s.recruiter_id,
      userId: s.user_id,
      shareBps: s.share_bps,
      agreed: s.agreed_at !== null,
    })),
    createdAt: p.created_at,
  }
}

/** Company ids whose hiring team a person is on, from their organisation memberships. */
export async function companyIdsOfOrganizations(
  anyTx: AnyTx,
  organizationIds: readonly string[],
): Promise<string[]> {
  if (organizationIds.length === 0) return []
  const rows = await (anyTx as RecruitingTx)
    .selectFrom('ats.companies')
    .select('id')
    .where('organization_id', 'in', [...organizationIds])
    .execute()
  return rows.map((r) => r.id)
}

/** A person's recruiter profile id, if they have one. */
export async function recruiterIdOfUser(anyTx: AnyTx, userId: string): Promise<string | null> {
  const row = await (anyTx as RecruitingTx)
    .selectFrom('network.recruiters')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.id ?? null
}

/** The people behind recruiter profiles: user id by recruiter id (unknown ids are left out). */
export async function recruiterUserIds(
  anyTx: AnyTx,
  recruiterIds: readonly string[],
): Promise<Map<string, string>> {
  if (recruiterIds.length === 0) return new Map()
  const rows = await asSystem(anyTx, 'recruiting.recruiter_users', () =>
    (anyTx as RecruitingTx)
      .selectFrom('network.recruiters')
      .select(['id', 'user_id'])
      .where('id', 'in', [...new Set(recruiterIds)])
      .execute(),
  )
  return new Map(rows.map((r) => [r.id, r.user_id]))
}

/** The identity organisation of a company (its hiring team's), for addressing its people. */
export async function companyOrganization(
  anyTx: AnyTx,
  companyId: string,
): Promise<{ organizationId: string; name: string; paymentTerms: string } | null> {
  const row = await (anyTx as RecruitingTx)
    .selectFrom('ats.companies')
    .select(['organization_id', 'name', 'payment_terms'])
    .where('id', '=', companyId)
    .executeTakeFirst()
  return row ? { organizationId: row.organization_id, name: row.name, paymentTerms: row.payment_terms } : null
}

/** The company a role belongs to (for modules that price or act on roles). */
export async function roleCompany(
  anyTx: AnyTx,
  roleId: string,
): Promise<{ companyId: string; title: string } | null> {
  const row = await (anyTx as RecruitingTx)
    .selectFrom('ats.roles')
    .select(['company_id', 'title'])
    .where('id', '=', roleId)
    .executeTakeFirst()
  return row ? { companyId: row.company_id, title: row.title } : null
}

/** Every placement's id, oldest first (for modules that seed or rebuild from them). */
export async function allPlacementIds(anyTx: AnyTx): Promise<string[]> {
  return (await allPlacements(anyTx)).map((r) => r.id)
}

/** Every placement with its company, oldest first. */
export async function allPlacements(anyTx: AnyTx): Promise<{ id: string; company_id: string }[]> {
  return asSystem(anyTx, 'recruiting.placement_ids', async () =>
    (anyTx as RecruitingTx)
      .selectFrom('ats.placements')
      .select(['id', 'company_id'])
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  )
}

/** A recruiter's plan tier as their profile shows it (billing's plan history decides fees). */
export async function recruiterPlanTier(
  anyTx: AnyTx,
  recruiterId: string,
): Promise<'starter' | 'pro' | 'partner' | null> {
  const row = await asSystem(anyTx, 'recruiting.recruiter_plan_tier', () =>
    (anyTx as RecruitingTx)
      .selectFrom('network.recruiters')
      .select('plan_tier')
      .where('id', '=', recruiterId)
      .executeTakeFirst(),
  )
  return (row?.plan_tier as 'starter' | 'pro' | 'partner' | undefined) ?? null
}

/**
 * Keeps the profile's plan tier, and whether the plan includes early access to roles, in step with
 * the recruiter's subscription (billing/plans calls it in the transaction that changes the plan).
 */
export async function setRecruiterPlanTier(
  anyTx: AnyTx,
  recruiterId: string,
  tier: 'starter' | 'pro' | 'partner',
  earlyAccess: boolean,
): Promise<void> {
  await asSystem(anyTx, 'recruiting.set_recruiter_plan_tier', () =>
    (anyTx as RecruitingTx)
      .updateTable('network.recruiters')
      .set({ plan_tier: tier, early_access: earlyAccess })
      .where('id', '=', recruiterId)
      .execute(),
  )
}
