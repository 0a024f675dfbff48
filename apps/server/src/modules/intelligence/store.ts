import { sql } from 'kysely'
import {
  type CandidateMatchFacts,
  candidateMatchFacts,
  placedSkillsByFunction,
  type RoleMatchFacts,
  roleMatchFacts,
} from '../recruiting/index.ts'
import type { IntelligenceTx } from './database.ts'
import type { PlacedSkills } from './scoring/model.ts'
import {
  type CandidateProfile,
  candidateSkillIds,
  inferFunction,
  inferSeniority,
  type RoleProfile,
  roleSkillIds,
} from './scoring/profiles.ts'

/**
 * The module's own derived profiles, refreshed from recruiting's facts when a role or candidate
 * changes. Only the fields a match is explained by are copied (never a name or contact).
 */
export function toRoleProfile(f: RoleMatchFacts): RoleProfile {
  return {
    roleId: f.id,
    function: f.function,
    industry: f.industry,
    seniority: f.seniority,
    country: f.country,
    location: f.location,
    workMode: f.workMode,
    salaryMin: f.salaryMin,
    salaryMax: f.salaryMax,
    salaryCurrency: f.salaryCurrency,
    skillIds: roleSkillIds(f.title, f.description),
  }
}

export function toCandidateProfile(f: CandidateMatchFacts): CandidateProfile {
  const skillIds = candidateSkillIds(f.skills)
  return {
    candidateId: f.id,
    title: f.title,
    function: inferFunction(f.title, skillIds),
    seniority: inferSeniority(f.title, f.yearsExperience),
    yearsExperience: f.yearsExperience,
    country: f.country,
    location: f.location,
    skillIds,
    salaryMin: f.salaryMin,
    salaryMax: f.salaryMax,
    salaryCurrency: f.salaryCurrency,
  }
}

/** Role rows as stored: the profile plus who may see the role. */
export interface StoredRole extends RoleProfile {
  companyId: string
  companyOrgId: string
  title: string
  status: string
  visibility: string
  assignedRecruiterIds: string[]
}

export interface StoredCandidate extends CandidateProfile {
  recruiterId: string
  recruiterUserId: string
}

/** Refreshes role profiles from recruiting (by ids, or every open role); returns them. */
export async function refreshRoles(
  tx: IntelligenceTx,
  which: readonly string[] | 'open',
): Promise<StoredRole[]> {
  const facts = await roleMatchFacts(tx, which)
  const roles = facts.map((f) => ({
    ...toRoleProfile(f),
    companyId: f.companyId,
    companyOrgId: f.companyOrgId,
    title: f.title,
    status: f.status,
    visibility: f.visibility,
    assignedRecruiterIds: f.assignedRecruiterIds,
  }))
  if (roles.length) {
    await tx
      .insertInto('intelligence.role_profiles')
      .values(roles.map(roleRow))
      .onConflict((oc) =>
        oc.column('role_id').doUpdateSet((eb) => ({
          company_id: eb.ref('excluded.company_id'),
          company_org_id: eb.ref('excluded.company_org_id'),
          title: eb.ref('excluded.title'),
          function: eb.ref('excluded.function'),
          industry: eb.ref('excluded.industry'),
          seniority: eb.ref('excluded.seniority'),
          country: eb.ref('excluded.country'),
          location: eb.ref('excluded.location'),
          work_mode: eb.ref('excluded.work_mode'),
          salary_min: eb.ref('excluded.salary_min'),
          salary_max: eb.ref('excluded.salary_max'),
          salary_currency: eb.ref('excluded.salary_currency'),
          skill_ids: eb.ref('excluded.skill_ids'),
          status: eb.ref('excluded.status'),
          visibility: eb.ref('excluded.visibility'),
          assigned_recruiter_ids: eb.ref('excluded.assigned_recruiter_ids'),
          updated_at: sql`now()`,
        })),
      )
      .execute()
  }
  return roles
}

function roleRow(r: StoredRole) {
  return {
    role_id: r.roleId,
    company_id: r.companyId,
    company_org_id: r.companyOrgId,
    title: r.title,
    function: r.function,
    industry: r.industry,
    seniority: r.seniority,
    country: r.country,
    location: r.location,
    work_mode: r.workMode,
    salary_min: r.salaryMin,
    salary_max: r.salaryMax,
    salary_currency: r.salaryCurrency,
    skill_ids: r.skillIds,
    status: r.status,
    visibility: r.visibility,
    assigned_recruiter_ids: r.assignedRecruiterIds,
  }
}

/** Refreshes candidate profiles from recruiting; returns them. */
export async function refreshCandidates(
  tx: IntelligenceTx,
  which: readonly string[] | { perRecruiter: number },
): Promise<StoredCandidate[]> {
  const facts = await candidateMatchFacts(tx, which)
  const cands = facts.map((f) => ({
    ...toCandidateProfile(f),
    recruiterId: f.recruiterId,
    recruiterUserId: f.recruiterUserId,
  }))
  if (cands.length) {
    await tx
      .insertInto('intelligence.candidate_profiles')
      .values(
        cands.map((c) => ({
          candidate_id: c.candidateId,
          recruiter_id: c.recruiterId,
          recruiter_user_id: c.recruiterUserId,
          title: c.title,
          function: c.function,
          seniority: c.seniority,
          years_experience: c.yearsExperience,
          country: c.country,
          location: c.location,
          skill_ids: c.skillIds,
          salary_min: c.salaryMin,
          salary_max: c.salaryMax,
          salary_currency: c.salaryCurrency,
        })),
      )
      .onConflict((oc) =>
        oc.column('candidate_id').doUpdateSet((eb) => ({
          recruiter_id: eb.ref('excluded.recruiter_id'),
          recruiter_user_id: eb.ref('excluded.recruiter_user_id'),
          title: eb.ref('excluded.title'),
          function: eb.ref('excluded.function'),
          seniority: eb.ref('excluded.seniority'),
          years_experience: eb.ref('excluded.years_experience'),
          country: eb.ref('excluded.country'),
          location: eb.ref('excluded.location'),
          skill_ids: eb.ref('excluded.skill_ids'),
          salary_min: eb.ref('excluded.salary_min'),
          salary_max: eb.ref('excluded.salary_max'),
          salary_currency: eb.ref('excluded.salary_currency'),
          updated_at: sql`now()`,
        })),
      )
      .execute()
  }
  return cands
}

/** Recounts, per function, the skills of the people placed (small: one row per function and skill). */
export async function refreshPlacedSkills(tx: IntelligenceTx): Promise<void> {
  const placed = await placedSkillsByFunction(tx)
  const counts = new Map<string, number>()
  for (const p of placed) {
    for (const id of candidateSkillIds(p.skills)) {
      if (id.startsWith('raw:')) continue
      const key = `${p.function}\u0000${id}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  await tx.deleteFrom('intelligence.function_skill_stats').execute()
  if (counts.size) {
    await tx
      .insertInto('intelligence.function_skill_stats')
      .values(
        [...counts].map(([key, hires]) => {
          const [fn, skill] = key.split('\u0000') as [string, string]
          return { function: fn, skill_id: skill, hires }
        }),
      )
      .execute()
  }
}

export async function loadPlacedSkills(tx: IntelligenceTx): Promise<PlacedSkills> {
  const rows = await tx.selectFrom('intelligence.function_skill_stats').selectAll().execute()
  const out = new Map<string, Map<string, number>>()
  for (const r of rows) {
    if (!out.has(r.function)) out.set(r.function, new Map())
    out.get(r.function)!.set(r.skill_id, r.hires)
  }
  return out
}

type RoleProfileRow = Awaited<ReturnType<typeof selectRoles>>[number]
const selectRoles = (tx: IntelligenceTx) => tx.selectFrom('intelligence.role_profiles').selectAll().execute()

export function storedRole(r: RoleProfileRow): StoredRole {
  return {
    roleId: r.role_id,
    companyId: r.company_id,
    companyOrgId: r.company_org_id,
    title: r.title,
    function: r.function,
    industry: r.industry,
    seniority: r.seniority,
    country: r.country,
    location: r.location,
    workMode: r.work_mode,
    salaryMin: r.salary_min,
    salaryMax: r.salary_max,
    salaryCurrency: r.salary_currency,
    skillIds: r.skill_ids,
    status: r.status,
    visibility: r.visibility,
    assignedRecruiterIds: r.assigned_recruiter_ids,
  }
}

type CandidateProfileRow = Awaited<ReturnType<typeof selectCands>>[number]
const selectCands = (tx: IntelligenceTx) =>
  tx.selectFrom('intelligence.candidate_profiles').selectAll().execute()

export function storedCandidate(c: CandidateProfileRow): StoredCandidate {
  return {
    candidateId: c.candidate_id,
    recruiterId: c.recruiter_id,
    recruiterUserId: c.recruiter_user_id,
    title: c.title,
    function: c.function,
    seniority: c.seniority,
    yearsExperience: c.years_experience,
    country: c.country,
    location: c.location,
    skillIds: c.skill_ids,
    salaryMin: c.salary_min,
    salaryMax: c.salary_max,
    salaryCurrency: c.salary_currency,
  }
}
