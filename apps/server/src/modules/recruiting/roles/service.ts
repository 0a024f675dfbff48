import { updatedOrConflict, versionConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import { isOrganizationMember } from '../../identity/index.ts'
import { assertCompanyTeam, type SplitsCaller } from '../caller.ts'
import { companyRef } from '../companies/queries.ts'
import { TEAM_ROLES } from '../companies/schemas.ts'
import type { RecruitingTx } from '../database.ts'
import { emit } from '../events.ts'
import {
  DEFAULT_FEE_RATE_BPS,
  DEFAULT_GUARANTEE_DAYS,
  EARLY_ACCESS_WINDOW_HOURS,
  ROLE_TRANSITIONS,
  type RoleStatus,
} from '../reference/vocabularies.ts'
import { getManagedRole, type RoleDetail } from './queries.ts'

/** A role's fields as services take them (money in minor units, the salary range flattened). */
export interface RoleInput {
  title: string
  description: string
  function: string
  industry?: string | null | undefined
  seniority: string
  location?: string | null | undefined
  country?: string | null | undefined
  work_mode: string
  employment_type: string
  salary_min: bigint
  salary_max: bigint
  salary_currency: string
  fee_rate_bps?: number | undefined
  guarantee_days?: number | undefined
  visibility?: 'all' | 'assigned' | undefined
  early_access?: boolean | undefined
  job_owner_recruiter_id?: string | null | undefined
  hiring_manager_user_id?: string | null | undefined
  openings?: number | undefined
}

/** A first look only means something for a role shared with everyone. */
function validateEarlyAccess(
  input: Partial<RoleInput>,
  current?: { visibility: string; early_access: boolean },
) {
  const visibility = input.visibility ?? current?.visibility ?? 'all'
  const early = input.early_access ?? current?.early_access ?? false
  if (early && visibility !== 'all') {
    throw unprocessable(
      input.early_access !== undefined ? 'body.early_access' : 'body.visibility',
      'early access is for roles shared with everyone; a role shared with chosen recruiters is theirs from the start',
    )
  }
}

function validateSalary(input: Partial<RoleInput>, current?: { salary_min: bigint; salary_max: bigint }) {
  const min = input.salary_min ?? current?.salary_min
  const max = input.salary_max ?? current?.salary_max
  if (min !== undefined && max !== undefined && min > max) {
    throw new AppError('validation_failed', 'body.salary.max: must not be below the minimum', {
      errors: [{ field: 'body.salary.max', message: 'must not be below the minimum' }],
    })
  }
}

const HOUR = 3_600_000

const unprocessable = (field: string, message: string) =>
  new AppError('unprocessable', `${field}: ${message}`, { errors: [{ field, message }] })

async function checkJobOwner(tx: RecruitingTx, recruiterId: string | null | undefined) {
  if (!recruiterId) return
  const found = await tx
    .selectFrom('network.recruiters')
    .select('id')
    .where('id', '=', recruiterId)
    .executeTakeFirst()
  if (!found) throw unprocessable('body.job_owner_recruiter_id', 'no such recruiter')
}

/** A role's hiring manager is on its company's hiring team (a trigger refuses anyone else too). */
async function checkHiringManager(tx: RecruitingTx, companyId: string, userId: string | null | undefined) {
  if (!userId) return
  const company = await companyRef(tx, companyId)
  if (!(await isOrganizationMember(tx, company.organization_id, userId, TEAM_ROLES))) {
    throw unprocessable('body.hiring_manager_user_id', 'is not on the company’s hiring team')
  }
}

export async function createRole(
  tx: RecruitingTx,
  caller: SplitsCaller,
  companyId: string,
  input: RoleInput,
  now: Date,
): Promise<string> {
  assertCompanyTeam(caller, companyId)
  validateSalary(input)
  validateEarlyAccess(input)
  await checkJobOwner(tx, input.job_owner_recruiter_id)
  await checkHiringManager(tx, companyId, input.hiring_manager_user_id)
  const row = await tx
    .insertInto('ats.roles')
    .values({
      company_id: companyId,
      title: input.title,
      description: input.description,
      function: input.function,
      industry: input.industry ?? null,
      seniority: input.seniority,
      location: input.location ?? null,
      country: input.country ?? null,
      work_mode: input.work_mode,
      employment_type: input.employment_type,
      salary_min: input.salary_min,
      salary_max: input.salary_max,
      salary_currency: input.salary_currency,
      fee_rate_bps: input.fee_rate_bps ?? DEFAULT_FEE_RATE_BPS,
      guarantee_days: input.guarantee_days ?? DEFAULT_GUARANTEE_DAYS,
      visibility: input.visibility ?? 'all',
      early_access: input.early_access ?? false,
      job_owner_recruiter_id: input.job_owner_recruiter_id ?? null,
      hiring_manager_user_id: input.hiring_manager_user_id ?? null,
      openings: input.openings ?? 1,
      created_by: caller.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('ats.role_history')
    .values({
      role_id: row.id,
      changed_at: now,
      changed_by: caller.userId,
      change: 'created',
      after: JSON.stringify(snapshot(input)),
    })
    .execute()
  await emit(tx, 'role.created', row.id, roleEventData(row.id, companyId, input, 'draft'))
  return row.id
}

/**
 * Changes fields of a role, optimistically: the UPDATE carries the version the change was made
 * from (the client's, else the one just read), so a concurrent edit makes this one a 409.
 */
export async function updateRole(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  patch: Partial<RoleInput>,
  expectedVersion: number | undefined,
  now: Date,
): Promise<void> {
  const role = await getManagedRole(tx, caller, id, 'change this role')
  if (expectedVersion !== undefined && expectedVersion !== role.version)
    throw versionConflict('The role', expectedVersion)
  if (role.status === 'closed' || role.status === 'filled') {
    throw new AppError('invalid_state_transition', `A ${role.status} role cannot be edited`)
  }
  validateSalary(patch, role)
  validateEarlyAccess(patch, role)
  await checkJobOwner(tx, patch.job_owner_recruiter_id)
  if (patch.hiring_manager_user_id !== role.hiring_manager_user_id) {
    await checkHiringManager(tx, role.company_id, patch.hiring_manager_user_id)
  }
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(patch)) {
    const old = (role as Record<string, unknown>)[k]
    if (v !== undefined && String(old) !== String(v)) {
      before[k] = typeof old === 'bigint' ? old.toString() : old
      after[k] = typeof v === 'bigint' ? v.toString() : v
    }
  }
  if (Object.keys(after).length === 0) return
  const { salary_min, salary_max, ...rest } = patch
  updatedOrConflict(
    await tx
      .updateTable('ats.roles')
      .set({
        ...rest,
        ...(salary_min !== undefined ? { salary_min } : {}),
        ...(salary_max !== undefined ? { salary_max } : {}),
        // switching the first look off (or sharing the role only with chosen recruiters) ends it now
        ...(patch.early_access === false || patch.visibility === 'assigned'
          ? { early_access_until: null }
          : {}),
        updated_at: now,
        version: role.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', role.version)
      .returning('id')
      .executeTakeFirst(),
    'The role',
    expectedVersion,
  )
  await tx
    .insertInto('ats.role_history')
    .values({
      role_id: id,
      changed_at: now,
      changed_by: caller.userId,
      change: 'updated',
      before: JSON.stringify(before),
      after: JSON.stringify(after),
    })
    .execute()
  await emit(tx, 'role.updated', id, {
    role_id: id,
    company_id: role.company_id,
    changes: after,
    changed_by: caller.userId,
  })
  if (role.early_access_until && (patch.early_access === false || patch.visibility === 'assigned')) {
    await emit(tx, 'role.released', id, {
      role_id: id,
      company_id: role.company_id,
      title: role.title,
      released_at: now.toISOString(),
    })
  }
}

/** draft → open ⇄ paused → filled | closed, by the hiring team; each change in the history. */
export async function transitionRole(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  to: RoleStatus,
  reason: string | undefined,
  expectedVersion: number | undefined,
  now: Date,
): Promise<void> {
  const role = await getManagedRole(tx, caller, id, 'change this role')
  await setRoleStatus(tx, role, to, { reason, userId: caller.userId, expectedVersion, now })
}

/**
 * Moves a role to `to` if the transition table allows it, guarded by the version and the status
 * it was read with: of concurrent changes, one wins and the others answer 409.
 */
export async function setRoleStatus(
  tx: RecruitingTx,
  role: Pick<
    RoleDetail,
    'id' | 'company_id' | 'status' | 'version' | 'title' | 'visibility' | 'early_access'
  >,
  to: RoleStatus,
  change: {
    reason: string | undefined
    userId: string | null
    expectedVersion?: number | undefined
    now: Date
  },
): Promise<void> {
  const { reason, userId, expectedVersion, now } = change
  if (expectedVersion !== undefined && expectedVersion !== role.version)
    throw versionConflict('The role', expectedVersion)
  const from = role.status as RoleStatus
  if (!ROLE_TRANSITIONS[from].includes(to)) {
    const allowed = ROLE_TRANSITIONS[from]
    throw new AppError(
      'invalid_state_transition',
      `A ${from} role cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}`,
      { meta: { from, to, allowed } },
    )
  }
  updatedOrConflict(
    await tx
      .updateTable('ats.roles')
      .set({
        status: to,
        updated_at: now,
        version: role.version + 1,
        ...(to === 'open' && from === 'draft' ? { opened_at: now } : {}),
        // the first look starts when the role first opens (a reopened role does not get another)
        ...(to === 'open' && from === 'draft' && role.early_access && role.visibility === 'all'
          ? { early_access_until: new Date(now.getTime() + EARLY_ACCESS_WINDOW_HOURS * HOUR) }
          : {}),
        ...(to === 'closed' || to === 'filled' ? { closed_at: now } : {}),
      })
      .where('id', '=', role.id)
      .where('version', '=', role.version)
      .where('status', '=', from)
      .returning('id')
      .executeTakeFirst(),
    'The role',
    expectedVersion,
  )
  await tx
    .insertInto('ats.role_history')
    .values({
      role_id: role.id,
      changed_at: now,
      changed_by: userId,
      change: 'status_changed',
      before: JSON.stringify({ status: from }),
      after: JSON.stringify({ status: to }),
      reason: reason ?? null,
    })
    .execute()
  const type = to === 'open' ? 'role.opened' : to === 'paused' ? 'role.paused' : 'role.closed'
  await emit(tx, type, role.id, {
    role_id: role.id,
    company_id: role.company_id,
    title: role.title,
    old_status: from,
    new_status: to,
    reason: reason ?? null,
    changed_by: userId,
  })
}

/**
 * Sets the recruiters a role is shared with. Runs with the role's row locked (the serialising
 * idiom: two concurrent replacements of the list would otherwise interleave their deletes and inserts).
 */
export async function setAssignments(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  recruiterIds: string[],
  now: Date,
): Promise<void> {
  await getManagedRole(tx, caller, id, 'assign recruiters')
  await tx.selectFrom('ats.roles').select('id').where('id', '=', id).forUpdate().execute()
  const unique = [...new Set(recruiterIds)]
  if (unique.length) {
    const found = await tx.selectFrom('network.recruiters').select('id').where('id', 'in', unique).execute()
    if (found.length !== unique.length) {
      throw new AppError('unprocessable', 'body.recruiter_ids: some recruiters do not exist', {
        errors: [{ field: 'body.recruiter_ids', message: 'contains unknown recruiters' }],
      })
    }
  }
  const before = (
    await tx.selectFrom('ats.role_assignments').select('recruiter_id').where('role_id', '=', id).execute()
  ).map((r) => r.recruiter_id)
  await tx.deleteFrom('ats.role_assignments').where('role_id', '=', id).execute()
  if (unique.length) {
    await tx
      .insertInto('ats.role_assignments')
      .values(
        unique.map((r) => ({ role_id: id, recruiter_id: r, assigned_by: caller.userId, created_at: now })),
      )
      .execute()
  }
  await tx
    .insertInto('ats.role_history')
    .values({
      role_id: id,
      changed_at: now,
      changed_by: caller.userId,
      change: 'assignments_changed',
      before: JSON.stringify({ recruiter_ids: before }),
      after: JSON.stringify({ recruiter_ids: unique }),
    })
    .execute()
}

function snapshot(input: Partial<RoleInput>) {
  return Object.fromEntries(
    Object.entries(input).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]),
  )
}

function roleEventData(id: string, companyId: string, input: RoleInput, status: RoleStatus) {
  return {
    role_id: id,
    company_id: companyId,
    title: input.title,
    function: input.function,
    seniority: input.seniority,
    location: input.location ?? null,
    work_mode: input.work_mode,
    salary: {
      min: input.salary_min.toString(),
      max: input.salary_max.toString(),
      currency: input.salary_currency,
    },
    fee_rate_bps: input.fee_rate_bps ?? DEFAULT_FEE_RATE_BPS,
    status,
  }
}
