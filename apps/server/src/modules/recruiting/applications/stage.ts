import { sql } from 'kysely'
import { updatedOrConflict, versionConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import { onTeam, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { emit } from '../events.ts'
import { createPlacement } from '../placements/service.ts'
import { STAGE_BACK, STAGE_TRANSITIONS, type Stage } from '../reference/vocabularies.ts'
import { setRoleStatus } from '../roles/service.ts'
import { type LoadedApplication, loadApplication } from './queries.ts'

/**
 * Moves an application one stage on (hiring team), back to an earlier open stage with a reason
 * (hiring team), rejects it with a reason (hiring team) or withdraws it (the submitting
 * recruiter). `hired` goes through hireApplication.
 */
export async function transitionApplication(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  move: { to: Stage; reason?: string | undefined; version?: number | undefined },
  now: Date,
): Promise<void> {
  const app = await loadApplication(tx, id)
  const { to, reason } = move
  const team = onTeam(caller, app.company_id)
  const submitter = caller.recruiterId !== null && app.recruiter_id === caller.recruiterId
  if (to === 'hired') {
    throw new AppError('unprocessable', 'Use the hire endpoint: a hire needs the salary and start date', {
      errors: [{ field: 'body.to', message: 'hired needs POST /api/applications/:id/hire' }],
    })
  }
  if (to === 'withdrawn' ? !(submitter || caller.isPlatformAdmin) : !team) {
    throw new AppError(
      'forbidden',
      to === 'withdrawn'
        ? 'Only the submitting recruiter can withdraw a candidate'
        : 'Only the company’s hiring team can move candidates',
    )
  }
  if (STAGE_BACK[app.stage as Stage].includes(to) && !reason?.trim()) {
    throw new AppError('reason_required', 'body.reason: moving a candidate back needs a reason', {
      errors: [{ field: 'body.reason', message: 'is required when moving back a stage' }],
    })
  }
  if (to === 'rejected' && !reason?.trim()) {
    throw new AppError('validation_failed', 'body.reason: a rejection needs a reason', {
      errors: [{ field: 'body.reason', message: 'is required when rejecting' }],
    })
  }
  await changeStage(tx, app, to, { reason, userId: caller.userId, expectedVersion: move.version, now })
}

/**
 * A confirmed interview puts an application that is still `submitted` or `screening` at
 * `interview` (each move kept in the history with the reason), so the pipeline shows what is
 * happening without the team moving it by hand. Later stages and closed applications are left as
 * they are. Runs in the confirming transaction, after its checks.
 */
export async function moveToInterviewStage(
  tx: RecruitingTx,
  applicationId: string,
  change: { userId: string; reason: string; now: Date },
): Promise<boolean> {
  let app = await loadApplication(tx, applicationId)
  if (app.stage !== 'submitted' && app.stage !== 'screening') return false
  // the stages go one at a time (the database refuses a jump): through screening if need be
  if (app.stage === 'submitted') {
    await recordStageChange(tx, app, 'screening', { ...change, expectedVersion: undefined })
    app = await loadApplication(tx, applicationId)
  }
  await recordStageChange(tx, app, 'interview', { ...change, expectedVersion: undefined })
  return true
}

/** Who moves a stage, why, when, and the version they read (a newer one answers 409). */
interface StageChange {
  reason: string | undefined
  userId: string
  expectedVersion: number | undefined
  now: Date
}

/**
 * One stage move, optimistic: the UPDATE carries the version and stage it was read with, so of
 * concurrent moves from the same stage one wins and the others answer 409.
 */
async function changeStage(tx: RecruitingTx, app: LoadedApplication, to: Stage, change: StageChange) {
  if (change.expectedVersion !== undefined && change.expectedVersion !== app.version)
    throw versionConflict('The application', change.expectedVersion)
  const from = app.stage as Stage
  if (!STAGE_TRANSITIONS[from].includes(to) && !STAGE_BACK[from].includes(to)) {
    const allowed = STAGE_TRANSITIONS[from]
    throw new AppError(
      'invalid_state_transition',
      `An application at ${from} cannot move to ${to}${allowed.length ? `; it can move to ${allowed.join(', ')}` : ' (it is closed)'}`,
      { meta: { from, to, allowed } },
    )
  }
  await recordStageChange(tx, app, to, change)
}

/** Writes a stage move: the row (optimistic on version and stage), its history and its event. */
async function recordStageChange(
  tx: RecruitingTx,
  app: LoadedApplication,
  to: Stage,
  change: StageChange,
): Promise<void> {
  const { reason, userId, expectedVersion, now } = change
  const from = app.stage as Stage
  updatedOrConflict(
    await tx
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
      .where('stage', '=', from)
      .returning('id')
      .executeTakeFirst(),
    'The application',
    expectedVersion,
  )
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

/**
 * The hiring team marks an offer accepted: the application is hired, a placement is made, and
 * the hire that takes the last opening fills the role. Hires into one role are serialised by its
 * row lock, so the count of hires and the role's status are read after any concurrent hire.
 */
export async function hireApplication(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  input: { baseSalary: bigint; currency: string; startDate: string; version?: number | undefined },
  now: Date,
): Promise<string> {
  const app = await loadApplication(tx, id)
  if (!onTeam(caller, app.company_id)) {
    throw new AppError('forbidden', 'Only the company’s hiring team can mark a hire')
  }
  if (input.baseSalary <= 0n) {
    throw new AppError('validation_failed', 'body.base_salary.amount: must be more than zero', {
      errors: [{ field: 'body.base_salary.amount', message: 'must be more than zero' }],
    })
  }
  const role = await tx
    .selectFrom('ats.roles')
    .select(['id', 'company_id', 'status', 'version', 'title', 'openings', 'visibility', 'early_access'])
    .where('id', '=', app.role_id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  await changeStage(tx, app, 'hired', {
    reason: undefined,
    userId: caller.userId,
    expectedVersion: input.version,
    now,
  })
  const placementId = await createPlacement(tx, {
    applicationId: app.id,
    baseSalary: input.baseSalary,
    currency: input.currency,
    startDate: input.startDate,
    createdBy: caller.userId,
    now,
  })
  const hired = await sql<{ n: number }>`select count(*)::int as n from ats.applications
    where role_id = ${app.role_id} and stage = 'hired'`.execute(tx)
  if ((hired.rows[0]?.n ?? 0) >= role.openings && (role.status === 'open' || role.status === 'paused')) {
    await setRoleStatus(tx, role, 'filled', { reason: 'every opening is filled', userId: caller.userId, now })
  }
  return placementId
}
