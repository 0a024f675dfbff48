import { sql } from 'kysely'
import type { Tx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { olderThanCursor, pageOf } from '../../kernel/http/pagination.ts'
import { assertCompanyTeam, isPlatformAdmin, recruiterIdOf, teamCompanyIds } from './access.ts'
import { emit } from './events.ts'
import {
  DEFAULT_FEE_RATE_BPS,
  DEFAULT_GUARANTEE_DAYS,
  ROLE_TRANSITIONS,
  type RoleStatus,
} from './reference.ts'

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
  job_owner_recruiter_id?: string | null | undefined
  hiring_manager_user_id?: string | null | undefined
  openings?: number | undefined
}

type RoleRow = Awaited<ReturnType<typeof loadRole>>

/** Roles with their company's name: the columns every role list shows. */
function roleSummaryRows(tx: Tx) {
  return tx
    .selectFrom('ats.roles as r')
    .innerJoin('ats.companies as c', 'c.id', 'r.company_id')
    .select([
      'r.id',
      'r.company_id',
      'c.name as company_name',
      'r.title',
      'r.function',
      'r.industry',
      'r.seniority',
      'r.location',
      'r.country',
      'r.work_mode',
      'r.employment_type',
      'r.salary_min',
      'r.salary_max',
      'r.salary_currency',
      'r.fee_rate_bps',
      'r.guarantee_days',
      'r.status',
      'r.visibility',
      'r.openings',
      'r.created_at',
      'r.opened_at',
    ])
}

async function loadRole(tx: Tx, id: string) {
  return roleSummaryRows(tx)
    .leftJoin('network.recruiters as jo', 'jo.id', 'r.job_owner_recruiter_id')
    .leftJoin('identity.users as jou', 'jou.id', 'jo.user_id')
    .select([
      'r.description',
      'r.job_owner_recruiter_id',
      'jou.display_name as job_owner_name',
      'r.hiring_manager_user_id',
      'r.updated_at',
      'r.closed_at',
      'r.version',
      sql<number>`(select count(*)::int from ats.applications a where a.role_id = r.id)`.as(
        'applications_count',
      ),
      sql<number>`(select count(*)::int from ats.applications a where a.role_id = r.id and a.stage = 'hired')`.as(
        'hired_count',
      ),
    ])
    .where('r.id', '=', id)
    .executeTakeFirst()
}

/** Whether a recruiter may see a role: open to all and past draft, or assigned to them. */
async function recruiterMaySee(
  tx: Tx,
  role: { id: string; status: string; visibility: string },
  recruiterId: string | null,
) {
  if (role.status === 'draft' || !recruiterId) return false
  if (role.visibility === 'all') return true
  const a = await tx
    .selectFrom('ats.role_assignments')
    .select('role_id')
    .where('role_id', '=', role.id)
    .where('recruiter_id', '=', recruiterId)
    .executeTakeFirst()
  return a !== undefined
}

/** A role the caller may see, or 404 (never "forbidden": a hidden role's existence is not told). */
export async function getRoleFor(
  tx: Tx,
  p: Principal,
  id: string,
): Promise<NonNullable<RoleRow> & { can_manage: boolean }> {
  const role = await loadRole(tx, id)
  if (!role) throw new AppError('not_found', 'No such role')
  const team = isPlatformAdmin(p) || (await teamCompanyIds(tx, p)).includes(role.company_id)
  if (team) return { ...role, can_manage: true }
  if (await recruiterMaySee(tx, role, await recruiterIdOf(tx, p))) return { ...role, can_manage: false }
  throw new AppError('not_found', 'No such role')
}

function validateRole(input: Partial<RoleInput>, current?: { salary_min: bigint; salary_max: bigint }) {
  const min = input.salary_min ?? current?.salary_min
  const max = input.salary_max ?? current?.salary_max
  if (min !== undefined && max !== undefined && min > max) {
    throw new AppError('validation_failed', 'body.salary.max: must not be below the minimum', {
      errors: [{ field: 'body.salary.max', message: 'must not be below the minimum' }],
    })
  }
}

async function checkJobOwner(tx: Tx, recruiterId: string | null | undefined) {
  if (!recruiterId) return
  const found = await tx
    .selectFrom('network.recruiters')
    .select('id')
    .where('id', '=', recruiterId)
    .executeTakeFirst()
  if (!found) {
    throw new AppError('unprocessable', 'body.job_owner_recruiter_id: no such recruiter', {
      errors: [{ field: 'body.job_owner_recruiter_id', message: 'no such recruiter' }],
    })
  }
}

export async function createRole(
  tx: Tx,
  p: Principal,
  companyId: string,
  input: RoleInput,
  now: Date,
): Promise<string> {
  await assertCompanyTeam(tx, p, companyId)
  validateRole(input)
  await checkJobOwner(tx, input.job_owner_recruiter_id)
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
      job_owner_recruiter_id: input.job_owner_recruiter_id ?? null,
      hiring_manager_user_id: input.hiring_manager_user_id ?? null,
      openings: input.openings ?? 1,
      created_by: p.userId,
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
      changed_by: p.userId,
      change: 'created',
      after: JSON.stringify(snapshot(input)),
    })
    .execute()
  await emit(tx, 'role.created', row.id, roleEventData(row.id, companyId, input, 'draft'))
  return row.id
}

/** Changes fields of a role; `version` guards against overwriting someone else's edit. */
export async function updateRole(
  tx: Tx,
  p: Principal,
  id: string,
  patch: Partial<RoleInput>,
  expectedVersion: number | undefined,
  now: Date,
): Promise<void> {
  const role = await getRoleFor(tx, p, id)
  if (!role.can_manage) throw new AppError('forbidden', 'Only the company’s hiring team can change this role')
  if (role.status === 'closed' || role.status === 'filled') {
    throw new AppError('invalid_state_transition', `A ${role.status} role cannot be edited`)
  }
  if (expectedVersion !== undefined && expectedVersion !== role.version) {
    throw new AppError(
      'conflict',
      `The role changed since you loaded it (version ${role.version}, you had ${expectedVersion}); reload and try again`,
    )
  }
  validateRole(patch, role)
  await checkJobOwner(tx, patch.job_owner_recruiter_id)
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
  await tx
    .updateTable('ats.roles')
    .set({
      ...rest,
      ...(salary_min !== undefined ? { salary_min } : {}),
      ...(salary_max !== undefined ? { salary_max } : {}),
      updated_at: now,
      version: role.version + 1,
    })
    .where('id', '=', id)
    .execute()
  await tx
    .insertInto('ats.role_history')
    .values({
      role_id: id,
      changed_at: now,
      changed_by: p.userId,
      change: 'updated',
      before: JSON.stringify(before),
      after: JSON.stringify(after),
    })
    .execute()
  await emit(tx, 'role.updated', id, {
    role_id: id,
    company_id: role.company_id,
    changes: after,
    changed_by: p.userId,
  })
}

/** draft → open ⇄ paused → filled | closed, by the hiring team; each change in the history. */
export async function transitionRole(
  tx: Tx,
  p: Principal,
  id: string,
  to: RoleStatus,
  reason: string | undefined,
  now: Date,
): Promise<void> {
  const role = await getRoleFor(tx, p, id)
  if (!role.can_manage) throw new AppError('forbidden', 'Only the company’s hiring team can change this role')
  await setRoleStatus(tx, role, to, reason, p.userId, now)
}

export async function setRoleStatus(
  tx: Tx,
  role: { id: string; company_id: string; status: string; version: number; title: string },
  to: RoleStatus,
  reason: string | undefined,
  userId: string | null,
  now: Date,
): Promise<void> {
  const from = role.status as RoleStatus
  if (!ROLE_TRANSITIONS[from].includes(to)) {
    const allowed = ROLE_TRANSITIONS[from]
    throw new AppError(
      'invalid_state_transition',
      `A ${from} role cannot become ${to}${allowed.length ? `; it can become ${allowed.join(' or ')}` : ''}`,
      { meta: { from, to, allowed } },
    )
  }
  await tx
    .updateTable('ats.roles')
    .set({
      status: to,
      updated_at: now,
      version: role.version + 1,
      ...(to === 'open' && from === 'draft' ? { opened_at: now } : {}),
      ...(to === 'closed' || to === 'filled' ? { closed_at: now } : {}),
    })
    .where('id', '=', role.id)
    .execute()
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

export async function setAssignments(tx: Tx, p: Principal, id: string, recruiterIds: string[], now: Date) {
  const role = await getRoleFor(tx, p, id)
  if (!role.can_manage)
    throw new AppError('forbidden', 'Only the company’s hiring team can assign recruiters')
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
      .values(unique.map((r) => ({ role_id: id, recruiter_id: r, assigned_by: p.userId, created_at: now })))
      .execute()
  }
  await tx
    .insertInto('ats.role_history')
    .values({
      role_id: id,
      changed_at: now,
      changed_by: p.userId,
      change: 'assignments_changed',
      before: JSON.stringify({ recruiter_ids: before }),
      after: JSON.stringify({ recruiter_ids: unique }),
    })
    .execute()
}

export async function roleAssignments(tx: Tx, p: Principal, id: string) {
  const role = await getRoleFor(tx, p, id)
  if (!role.can_manage) throw new AppError('forbidden', 'Only the company’s hiring team can see assignments')
  return tx
    .selectFrom('ats.role_assignments as a')
    .innerJoin('network.recruiters as r', 'r.id', 'a.recruiter_id')
    .innerJoin('identity.users as u', 'u.id', 'r.user_id')
    .select(['a.recruiter_id', 'u.display_name', 'a.created_at'])
    .where('a.role_id', '=', id)
    .orderBy('u.display_name')
    .execute()
}

export async function roleHistory(tx: Tx, p: Principal, id: string) {
  const role = await getRoleFor(tx, p, id)
  if (!role.can_manage) throw new AppError('forbidden', 'Only the company’s hiring team can see the history')
  return tx
    .selectFrom('ats.role_history as h')
    .leftJoin('identity.users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.changed_at',
      'h.changed_by',
      'u.display_name as changed_by_name',
      'h.change',
      'h.before',
      'h.after',
      'h.reason',
    ])
    .where('h.role_id', '=', id)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute()
}

export interface RoleFilters {
  q?: string | undefined
  status?: RoleStatus[] | undefined
  company_id?: string | undefined
  function?: string | undefined
  industry?: string | undefined
  seniority?: string | undefined
  work_mode?: string | undefined
  location?: string | undefined
  country?: string | undefined
  salary_currency?: string | undefined
  /** Roles paying at least this much (their salary_max reaches it), minor units. */
  salary_min?: bigint | undefined
  /** Roles starting at most this much (their salary_min is under it), minor units. */
  salary_max?: bigint | undefined
  limit: number
  startingAfter?: string | undefined
}

/**
 * The role list each caller may see: recruiters the marketplace (open to all, or assigned to
 * them; not drafts), a hiring team its company's roles, admins everything. Newest first.
 */
export async function searchRoles(tx: Tx, p: Principal, f: RoleFilters) {
  const admin = isPlatformAdmin(p)
  const companies = admin ? [] : await teamCompanyIds(tx, p)
  const recruiterId = admin ? null : await recruiterIdOf(tx, p)
  let q = roleSummaryRows(tx)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1)
  if (!admin) {
    q = q.where((eb) => {
      const seen = []
      if (companies.length) seen.push(eb('r.company_id', 'in', companies))
      if (recruiterId) {
        seen.push(
          eb.and([
            eb('r.status', '<>', 'draft'),
            eb.or([
              eb('r.visibility', '=', 'all'),
              eb.exists(
                eb
                  .selectFrom('ats.role_assignments as ra')
                  .select('ra.role_id')
                  .whereRef('ra.role_id', '=', 'r.id')
                  .where('ra.recruiter_id', '=', recruiterId),
              ),
            ]),
          ]),
        )
      }
      return seen.length ? eb.or(seen) : eb.val(false)
    })
  }
  if (f.status?.length) q = q.where('r.status', 'in', f.status)
  if (f.company_id) q = q.where('r.company_id', '=', f.company_id)
  if (f.function) q = q.where('r.function', '=', f.function)
  if (f.industry) q = q.where('r.industry', '=', f.industry)
  if (f.seniority) q = q.where('r.seniority', '=', f.seniority)
  if (f.work_mode) q = q.where('r.work_mode', '=', f.work_mode)
  if (f.country) q = q.where('r.country', '=', f.country)
  if (f.location) q = q.where('r.location', 'ilike', `%${escapeLike(f.location)}%`)
  if (f.salary_currency) q = q.where('r.salary_currency', '=', f.salary_currency)
  if (f.salary_min !== undefined) q = q.where('r.salary_max', '>=', f.salary_min)
  if (f.salary_max !== undefined) q = q.where('r.salary_min', '<=', f.salary_max)
  if (f.q) {
    const text = f.q
    q = q.where((eb) =>
      eb.or([
        eb(sql`r.search`, '@@', sql`websearch_to_tsquery('simple', ${text})`),
        eb('r.title', 'ilike', `%${escapeLike(text)}%`),
      ]),
    )
  }
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'r.created_at', 'r.id'))
  return pageOf(await q.execute(), f.limit, (r) => [r.created_at.toISOString(), r.id])
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`)

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
