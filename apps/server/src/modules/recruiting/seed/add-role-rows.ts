import type { Rng } from './prng.ts'
import type { DemoContext, Role, RoleStatus } from './types.ts'
import { ROLE_CLOSE_REASONS, ROLE_PAUSE_REASONS } from './words.ts'

interface Transition {
  at: number
  from: RoleStatus
  to: RoleStatus
  reason: string | null
  by: string
}

/** The roles' rows with their history (created, assigned, each status change) and assignments. */
export function addRoleRows(ctx: DemoContext, roles: readonly Role[]) {
  const rng = ctx.rng.history
  for (const role of roles) {
    const transitions = transitionsOf(rng, role)
    addRoleRow(ctx, role, transitions)
    addCreatedEntry(ctx, role)
    if (role.assigned.length) addAssignments(ctx, role)
    for (const tr of transitions) {
      ctx.plan.roleHistory.push({
        id: ctx.uuid(tr.at),
        role_id: role.id,
        changed_at: new Date(tr.at),
        changed_by: tr.by,
        change: 'status_changed',
        before: JSON.stringify({ status: tr.from }),
        after: JSON.stringify({ status: tr.to }),
        reason: tr.reason,
      })
    }
  }
}

/** The status changes that took `role` from draft to its status, in time order. */
function transitionsOf(rng: Rng, role: Role): Transition[] {
  const transitions: Transition[] = []
  const by = role.createdBy.userId
  if (role.openedAt !== null)
    transitions.push({ at: role.openedAt, from: 'draft', to: 'open', reason: null, by })
  if (role.pausedAt !== null)
    transitions.push({
      at: role.pausedAt,
      from: 'open',
      to: 'paused',
      reason: rng.pick(ROLE_PAUSE_REASONS),
      by,
    })
  if (role.resumedAt !== null)
    transitions.push({ at: role.resumedAt, from: 'paused', to: 'open', reason: null, by })
  if (role.status === 'filled') {
    // whoever made the last hire filled the role
    const last = role.hires.reduce((a, b) => (a.at > b.at ? a : b))
    transitions.push({
      at: role.closedAt!,
      from: 'open',
      to: 'filled',
      reason: 'every opening is filled',
      by: last.by.userId,
    })
  }
  if (role.status === 'closed')
    transitions.push({
      at: role.closedAt!,
      from: role.openedAt === null ? 'draft' : 'open',
      to: 'closed',
      reason: rng.pick(ROLE_CLOSE_REASONS),
      by,
    })
  return transitions
}

function addRoleRow(ctx: DemoContext, role: Role, transitions: readonly Transition[]) {
  const last = transitions[transitions.length - 1]
  ctx.plan.roles.push({
    id: role.id,
    company_id: role.company.id,
    title: role.title,
    description: role.description,
    function: role.fn,
    industry: role.company.spec.industry,
    seniority: role.seniority,
    location: role.location,
    country: role.country,
    work_mode: role.mode,
    employment_type: role.employment,
    salary_min: BigInt(role.minMajor) * 100n,
    salary_max: BigInt(role.maxMajor) * 100n,
    salary_currency: role.currency,
    fee_rate_bps: role.feeBps,
    guarantee_days: role.guaranteeDays,
    status: role.status,
    visibility: role.visibility,
    job_owner_recruiter_id: role.jobOwner?.id ?? null,
    hiring_manager_user_id: role.hiringManager.userId,
    openings: role.openings,
    created_by: role.createdBy.userId,
    created_at: new Date(role.createdAt),
    updated_at: new Date(last?.at ?? role.createdAt),
    opened_at: role.openedAt === null ? null : new Date(role.openedAt),
    closed_at: role.closedAt === null ? null : new Date(role.closedAt),
    version: 1 + transitions.length,
  })
}

/** The history's first entry: the role's fields as it was created. */
function addCreatedEntry(ctx: DemoContext, role: Role) {
  ctx.plan.roleHistory.push({
    id: ctx.uuid(role.createdAt),
    role_id: role.id,
    changed_at: new Date(role.createdAt),
    changed_by: role.createdBy.userId,
    change: 'created',
    before: null,
    after: JSON.stringify({
      title: role.title,
      description: role.description,
      function: role.fn,
      industry: role.company.spec.industry,
      seniority: role.seniority,
      location: role.location,
      country: role.country,
      work_mode: role.mode,
      employment_type: role.employment,
      salary_min: (BigInt(role.minMajor) * 100n).toString(),
      salary_max: (BigInt(role.maxMajor) * 100n).toString(),
      salary_currency: role.currency,
      fee_rate_bps: role.feeBps,
      guarantee_days: role.guaranteeDays,
      visibility: role.visibility,
      job_owner_recruiter_id: role.jobOwner?.id ?? null,
      hiring_manager_user_id: role.hiringManager.userId,
      openings: role.openings,
    }),
    reason: null,
  })
}

/** The recruiters assigned to an exclusive search, half an hour after it was created. */
function addAssignments(ctx: DemoContext, role: Role) {
  const at = role.createdAt + 30 * 60_000
  const by = role.createdBy.userId
  ctx.plan.roleHistory.push({
    id: ctx.uuid(at),
    role_id: role.id,
    changed_at: new Date(at),
    changed_by: by,
    change: 'assignments_changed',
    before: JSON.stringify({ recruiter_ids: [] }),
    after: JSON.stringify({ recruiter_ids: role.assigned.map((r) => r.id) }),
    reason: null,
  })
  for (const r of role.assigned)
    ctx.plan.roleAssignments.push({
      role_id: role.id,
      recruiter_id: r.id,
      assigned_by: by,
      created_at: new Date(at),
    })
}
