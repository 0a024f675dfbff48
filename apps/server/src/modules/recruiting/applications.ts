import { sql } from 'kysely'
import type { Tx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { olderThanCursor, pageOf } from '../../kernel/http/pagination.ts'
import { isPlatformAdmin, lockKey, recruiterIdOf, requireRecruiter, teamCompanyIds } from './access.ts'
import { emit } from './events.ts'
import { acquireRepresentation } from './ownership.ts'
import { createPlacement } from './placements.ts'
import { STAGE_TRANSITIONS, type Stage } from './reference.ts'
import { getRoleFor, setRoleStatus } from './roles.ts'

export type SubmitResult =
  | { kind: 'submitted'; applicationId: string }
  | { kind: 'blocked'; disputeId: string; companyName: string; expiresAt: Date; matchedOn: string[] }

/**
 * A recruiter submits a candidate they represent to a role they can see. Refused when the role
 * is not open, the person has no consent on record, they were already submitted to the role, or
 * another recruiter holds the right to represent them to this company — that last refusal is
 * recorded (the caller commits, then answers 409) so it can be disputed.
 */
export async function submitApplication(
  tx: Tx,
  p: Principal,
  input: { roleId: string; candidateId: string; note?: string | undefined },
  secret: string,
  now: Date,
): Promise<SubmitResult> {
  const recruiterId = await requireRecruiter(tx, p)
  const role = await getRoleFor(tx, p, input.roleId)
  if (role.status !== 'open') {
    throw new AppError(
      'invalid_state_transition',
      `The role is ${role.status}: it does not take submissions`,
      {
        meta: { role_status: role.status },
      },
    )
  }
  const candidate = await tx
    .selectFrom('ats.candidates')
    .select(['id', 'recruiter_id', 'full_name', 'consent_given_at'])
    .where('id', '=', input.candidateId)
    .executeTakeFirst()
  if (!candidate || candidate.recruiter_id !== recruiterId)
    throw new AppError('not_found', 'No such candidate of yours')
  if (!candidate.consent_given_at) {
    throw new AppError(
      'unprocessable',
      'Record the candidate’s consent to be represented before submitting them',
      {
        errors: [{ field: 'body.candidate_id', message: 'has no consent on record' }],
      },
    )
  }
  await lockKey(tx, `submit:${role.id}:${candidate.id}`)
  const already = await tx
    .selectFrom('ats.applications')
    .select(['id', 'stage'])
    .where('role_id', '=', role.id)
    .where('candidate_id', '=', candidate.id)
    .executeTakeFirst()
  if (already) {
    throw new AppError(
      'conflict',
      `This candidate was already submitted to this role (now ${already.stage})`,
      {
        meta: { application_id: already.id },
      },
    )
  }
  const rtr = await acquireRepresentation(tx, {
    candidateId: candidate.id,
    recruiterId,
    companyId: role.company_id,
    roleId: role.id,
    secret,
    now,
  })
  if (rtr.kind === 'blocked') return rtr
  const app = await tx
    .insertInto('ats.applications')
    .values({
      role_id: role.id,
      company_id: role.company_id,
      candidate_id: candidate.id,
      recruiter_id: recruiterId,
      representation_id: rtr.representationId,
      note: input.note ?? null,
      submitted_at: now,
      stage_changed_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('ats.application_stage_history')
    .values({
      application_id: app.id,
      from_stage: null,
      to_stage: 'submitted',
      changed_by: p.userId,
      changed_at: now,
    })
    .execute()
  await emit(tx, 'application.submitted', app.id, {
    application_id: app.id,
    role_id: role.id,
    role_title: role.title,
    company_id: role.company_id,
    candidate_id: candidate.id,
    recruiter_id: recruiterId,
    submitted_by: p.userId,
  })
  return { kind: 'submitted', applicationId: app.id }
}

async function loadApplication(tx: Tx, id: string) {
  // row-level security: only the submitting recruiter, the company's team and admins find it
  const app = await tx
    .selectFrom('ats.applications as a')
    .innerJoin('ats.roles as r', 'r.id', 'a.role_id')
    .select([
      'a.id',
      'a.role_id',
      'a.company_id',
      'a.candidate_id',
      'a.recruiter_id',
      'a.stage',
      'a.version',
      'r.title as role_title',
      'r.status as role_status',
      'r.version as role_version',
      'r.openings',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (!app) throw new AppError('not_found', 'No such application')
  return app
}

/**
 * Moves an application one stage on (hiring team), rejects it with a reason (hiring team) or
 * withdraws it (the submitting recruiter). `hired` goes through hireApplication.
 */
export async function transitionApplication(
  tx: Tx,
  p: Principal,
  id: string,
  to: Stage,
  reason: string | undefined,
  now: Date,
): Promise<void> {
  const app = await loadApplication(tx, id)
  const admin = isPlatformAdmin(p)
  const team = admin || (await teamCompanyIds(tx, p)).includes(app.company_id)
  const submitter = app.recruiter_id === (await recruiterIdOf(tx, p))
  if (to === 'hired') {
    throw new AppError('unprocessable', 'Use the hire endpoint: a hire needs the salary and start date', {
      errors: [{ field: 'body.to', message: 'hired needs POST /api/applications/:id/hire' }],
    })
  }
  if (to === 'withdrawn' ? !(submitter || admin) : !team) {
    throw new AppError(
      'forbidden',
      to === 'withdrawn'
        ? 'Only the submitting recruiter can withdraw a candidate'
        : 'Only the company’s hiring team can move candidates',
    )
  }
  if (to === 'rejected' && !reason?.trim()) {
    throw new AppError('validation_failed', 'body.reason: a rejection needs a reason', {
      errors: [{ field: 'body.reason', message: 'is required when rejecting' }],
    })
  }
  await changeStage(tx, app, to, reason, p.userId, now)
}

async function changeStage(
  tx: Tx,
  app: Awaited<ReturnType<typeof loadApplication>>,
  to: Stage,
  reason: string | undefined,
  userId: string,
  now: Date,
) {
  const from = app.stage as Stage
  if (!STAGE_TRANSITIONS[from].includes(to)) {
    const allowed = STAGE_TRANSITIONS[from]
    throw new AppError(
      'invalid_state_transition',
      `An application at ${from} cannot move to ${to}${allowed.length ? `; it can move to ${allowed.join(', ')}` : ' (it is closed)'}`,
      { meta: { from, to, allowed } },
    )
  }
  const updated = await tx
    .updateTable('ats.applications')
    .set({
      stage: to,
      stage_changed_at: now,
      updated_at: now,
      version: app.version + 1,
      ...(to === 'rejected' || to === 'withdrawn' ? { closed_reason: reason ?? null } : {}),
    })
    .where('id', '=', app.id)
    .where('version', '=', app.version)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new AppError('conflict', 'The application changed at the same time; reload and try again')
  }
  await tx
    .insertInto('ats.application_stage_history')
    .values({
      application_id: app.id,
      from_stage: from,
      to_stage: to,
      changed_by: userId,
      changed_at: now,
      reason: reason ?? null,
    })
    .execute()
  await emit(tx, 'application.stage_changed', app.id, {
    application_id: app.id,
    role_id: app.role_id,
    role_title: app.role_title,
    company_id: app.company_id,
    candidate_id: app.candidate_id,
    recruiter_id: app.recruiter_id,
    old_stage: from,
    new_stage: to,
    reason: reason ?? null,
    changed_by: userId,
  })
}

/** The hiring team marks an offer accepted: the application is hired and a placement is made. */
export async function hireApplication(
  tx: Tx,
  p: Principal,
  id: string,
  input: { baseSalary: bigint; currency: string; startDate: string },
  now: Date,
): Promise<string> {
  const app = await loadApplication(tx, id)
  if (!(isPlatformAdmin(p) || (await teamCompanyIds(tx, p)).includes(app.company_id))) {
    throw new AppError('forbidden', 'Only the company’s hiring team can mark a hire')
  }
  await lockKey(tx, `role:${app.role_id}`)
  await changeStage(tx, app, 'hired', undefined, p.userId, now)
  const placementId = await createPlacement(tx, { applicationId: app.id, ...input, createdBy: p.userId, now })
  // the last opening filled closes the role
  const hired = await sql<{ n: number }>`select count(*)::int as n from ats.applications
    where role_id = ${app.role_id} and stage = 'hired'`.execute(tx)
  if (
    (hired.rows[0]?.n ?? 0) >= app.openings &&
    (app.role_status === 'open' || app.role_status === 'paused')
  ) {
    await setRoleStatus(
      tx,
      {
        id: app.role_id,
        company_id: app.company_id,
        status: app.role_status,
        version: app.role_version,
        title: app.role_title,
      },
      'filled',
      'every opening is filled',
      p.userId,
      now,
    )
  }
  return placementId
}

/** Applications with the names people read: role, company, candidate, recruiter. */
function applicationRows(tx: Tx) {
  return tx
    .selectFrom('ats.applications as a')
    .innerJoin('ats.roles as r', 'r.id', 'a.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'a.company_id')
    .innerJoin('ats.candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('network.recruiters as rr', 'rr.id', 'a.recruiter_id')
    .innerJoin('identity.users as ru', 'ru.id', 'rr.user_id')
    .select([
      'a.id',
      'a.role_id',
      'r.title as role_title',
      'a.company_id',
      'co.name as company_name',
      'a.candidate_id',
      'c.full_name as candidate_name',
      'c.current_title as candidate_title',
      'a.recruiter_id',
      'ru.display_name as recruiter_name',
      'a.stage',
      'a.submitted_at',
      'a.stage_changed_at',
    ])
}

export async function getApplication(tx: Tx, _p: Principal, id: string) {
  await loadApplication(tx, id)
  const app = await applicationRows(tx)
    .innerJoin('ats.representations as rep', 'rep.id', 'a.representation_id')
    .leftJoin('ats.placements as pl', 'pl.application_id', 'a.id')
    .select([
      'a.note',
      'a.closed_reason',
      'a.version',
      'rep.expires_at as represented_until',
      'rep.ownership',
      'pl.id as placement_id',
    ])
    .where('a.id', '=', id)
    .executeTakeFirstOrThrow()
  const history = await tx
    .selectFrom('ats.application_stage_history as h')
    .leftJoin('identity.users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.from_stage',
      'h.to_stage',
      'h.changed_by',
      'u.display_name as changed_by_name',
      'h.changed_at',
      'h.reason',
    ])
    .where('h.application_id', '=', id)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute()
  const allowed = STAGE_TRANSITIONS[app.stage as Stage]
  return { ...app, history, allowed_next: allowed }
}

export interface ApplicationFilters {
  role_id?: string | undefined
  company_id?: string | undefined
  candidate_id?: string | undefined
  stage?: Stage[] | undefined
  mine?: boolean | undefined
  limit: number
  startingAfter?: string | undefined
}

/**
 * Applications the caller may see (recruiters: theirs; hiring teams: their companies'; admins:
 * all), most recently moved first. Row-level security applies the same rule underneath.
 */
export async function listApplications(tx: Tx, p: Principal, f: ApplicationFilters) {
  const admin = isPlatformAdmin(p)
  const recruiterId = await recruiterIdOf(tx, p)
  const companies = admin ? [] : await teamCompanyIds(tx, p)
  let q = applicationRows(tx)
    .orderBy('a.stage_changed_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1)
  if (!admin || f.mine) {
    q = q.where((eb) => {
      const ors = []
      if (recruiterId) ors.push(eb('a.recruiter_id', '=', recruiterId))
      if (companies.length && !f.mine) ors.push(eb('a.company_id', 'in', companies))
      return ors.length ? eb.or(ors) : eb.val(false)
    })
  }
  if (f.role_id) q = q.where('a.role_id', '=', f.role_id)
  if (f.company_id) q = q.where('a.company_id', '=', f.company_id)
  if (f.candidate_id) q = q.where('a.candidate_id', '=', f.candidate_id)
  if (f.stage?.length) q = q.where('a.stage', 'in', f.stage)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'a.stage_changed_at', 'a.id'))
  return pageOf(await q.execute(), f.limit, (r) => [r.stage_changed_at.toISOString(), r.id])
}
