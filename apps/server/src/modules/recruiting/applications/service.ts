import type { AppContext } from '../../../kernel/context.ts'
import { lockKey } from '../../../kernel/db/concurrency.ts'
import { inTransaction } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { actorOf } from '../../../kernel/http/access.ts'
import { requireRecruiter, type SplitsCaller } from '../caller.ts'
import type { RecruitingDatabase, RecruitingTx } from '../database.ts'
import { emit } from '../events.ts'
import { acquireRepresentation, type Representation } from '../ownership/service.ts'
import { getRole } from '../roles/queries.ts'
import { submissionGuard } from '../submission-guard.ts'
import { getApplication } from './queries.ts'

export type SubmitResult =
  | { kind: 'submitted'; applicationId: string }
  | Extract<Representation, { kind: 'blocked' }>

/**
 * A recruiter submits a candidate they represent to a role they can see. Refused when the role
 * is not open, the person has no consent on record, they were already submitted to the role, or
 * another recruiter holds the right to represent them to this company — that last refusal is
 * recorded so that it can be disputed.
 */
export async function submitApplicationIn(
  tx: RecruitingTx,
  caller: SplitsCaller,
  input: { roleId: string; candidateId: string; note?: string | undefined },
  secret: string,
  now: Date,
): Promise<SubmitResult> {
  const recruiterId = requireRecruiter(caller)
  await submissionGuard()(tx, { recruiterId, now })
  const role = await getRole(tx, caller, input.roleId)
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
      changed_by: caller.userId,
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
    submitted_by: caller.userId,
  })
  return { kind: 'submitted', applicationId: app.id }
}

/**
 * Submits in a transaction of its own and answers with the new application. A submission blocked
 * by another recruiter's right to represent is committed as an ownership record first (so it can
 * be disputed), then refused with 409 duplicate_candidate naming it.
 */
export async function submitApplication(
  ctx: AppContext,
  caller: SplitsCaller,
  input: { roleId: string; candidateId: string; note?: string | undefined },
  requestId: string,
) {
  const outcome = await inTransaction<
    | { kind: 'submitted'; application: Awaited<ReturnType<typeof getApplication>> }
    | Extract<SubmitResult, { kind: 'blocked' }>,
    RecruitingDatabase
  >(
    ctx.db,
    actorOf(caller.principal!),
    async (tx) => {
      const result = await submitApplicationIn(tx, caller, input, ctx.config.auth.secret, ctx.clock.now())
      if (result.kind === 'blocked') return result
      return { kind: 'submitted', application: await getApplication(tx, caller, result.applicationId) }
    },
    { requestId },
  )
  if (outcome.kind === 'blocked') {
    throw new AppError(
      'duplicate_candidate',
      `Another recruiter represents this person to ${outcome.companyName} until ${outcome.expiresAt.toISOString().slice(0, 10)} (matched on ${outcome.matchedOn.join(', ') || 'the same record'})`,
      {
        meta: {
          dispute_id: outcome.disputeId,
          represented_until: outcome.expiresAt.toISOString(),
          matched_on: outcome.matchedOn,
        },
      },
    )
  }
  return outcome.application
}
