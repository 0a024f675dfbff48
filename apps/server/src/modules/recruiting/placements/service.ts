import { isCurrency } from '@app/money'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import { updatedOrConflict, versionConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import { actingRole, isCompanyAdmin, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { emit } from '../events.ts'
import { FEE_RULE_VERSION } from '../reference/vocabularies.ts'
import { visiblePlacement } from './queries.ts'
import { defaultSplits } from './splits.ts'

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A hire's placement: its guarantee and fee inputs as agreed now, and the default split. */
export async function createPlacement(
  tx: RecruitingTx,
  input: {
    applicationId: string
    baseSalary: bigint
    currency: string
    startDate: string
    createdBy: string
    now: Date
  },
): Promise<string> {
  if (!isCurrency(input.currency)) {
    throw new AppError('validation_failed', `body.currency: ${input.currency} is not a supported currency`, {
      errors: [{ field: 'body.currency', message: 'is not a supported currency' }],
    })
  }
  const app = await tx
    .selectFrom('ats.applications as a')
    .innerJoin('ats.roles as r', 'r.id', 'a.role_id')
    .innerJoin('ats.companies as c', 'c.id', 'a.company_id')
    .select([
      'a.id',
      'a.role_id',
      'a.company_id',
      'a.candidate_id',
      'a.recruiter_id',
      'r.guarantee_days',
      'r.fee_rate_bps',
      'r.job_owner_recruiter_id',
      'c.payment_terms',
    ])
    .where('a.id', '=', input.applicationId)
    .executeTakeFirstOrThrow()
  const splits = defaultSplits(app.recruiter_id, app.job_owner_recruiter_id)
  const lone = splits.length === 1
  const placement = await tx
    .insertInto('ats.placements')
    .values({
      application_id: app.id,
      role_id: app.role_id,
      company_id: app.company_id,
      candidate_id: app.candidate_id,
      base_salary: input.baseSalary,
      currency: input.currency,
      start_date: input.startDate,
      guarantee_days: app.guarantee_days,
      guarantee_ends_on: addDays(input.startDate, app.guarantee_days),
      fee_rate_bps: app.fee_rate_bps,
      fee_rule_version: FEE_RULE_VERSION,
      payment_terms: app.payment_terms,
      split_status: lone ? 'agreed' : 'pending',
      created_by: input.createdBy,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('ats.placement_splits')
    .values(splits.map((s) => ({ ...s, placement_id: placement.id, agreed_at: lone ? input.now : null })))
    .execute()
  await emit(tx, 'placement.created', placement.id, {
    placement_id: placement.id,
    application_id: app.id,
    role_id: app.role_id,
    company_id: app.company_id,
    candidate_id: app.candidate_id,
    base_salary: { amount: input.baseSalary.toString(), currency: input.currency },
    start_date: input.startDate,
    guarantee_ends_on: addDays(input.startDate, app.guarantee_days),
    fee_rate_bps: app.fee_rate_bps,
    fee_rule_version: FEE_RULE_VERSION,
    splits: splits.map((s) => ({
      fee_role: s.fee_role,
      recruiter_id: s.recruiter_id,
      share_bps: s.share_bps,
    })),
  })
  return placement.id
}

/**
 * The hire left inside the guarantee period: recorded with its reason and date (money follows
 * later), once — of concurrent records one wins, the others answer 409.
 */
export async function fallOff(
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  input: { reason: string; date: string; version?: number | undefined },
  now: Date,
): Promise<void> {
  const { pl } = await visiblePlacement(tx, caller, id)
  if (!isCompanyAdmin(caller, pl.company_id)) {
    throw new AppError('forbidden', 'Only the company’s admins or a platform admin record a fall-off')
  }
  if (input.version !== undefined && input.version !== pl.version)
    throw versionConflict('The placement', input.version)
  if (pl.status !== 'active') throw new AppError('invalid_state_transition', 'The placement already fell off')
  if (input.date < pl.start_date || input.date > pl.guarantee_ends_on) {
    throw new AppError(
      'unprocessable',
      `body.date: a fall-off must be inside the guarantee period, ${pl.start_date} to ${pl.guarantee_ends_on}`,
      {
        errors: [
          { field: 'body.date', message: `must be between ${pl.start_date} and ${pl.guarantee_ends_on}` },
        ],
      },
    )
  }
  updatedOrConflict(
    await tx
      .updateTable('ats.placements')
      .set({
        status: 'fell_off',
        fell_off_on: input.date,
        fall_off_reason: input.reason,
        updated_at: now,
        version: pl.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', pl.version)
      .where('status', '=', 'active')
      .returning('id')
      .executeTakeFirst(),
    'The placement',
    input.version,
  )
  await appendAudit(tx, {
    action: 'placement.fell_off',
    entityType: 'placement',
    entityId: id,
    before: { status: 'active' },
    after: { status: 'fell_off', date: input.date, reason: input.reason },
    actorRole: actingRole(caller, pl.company_id),
  })
  await emit(tx, 'placement.fell_off', id, {
    placement_id: id,
    company_id: pl.company_id,
    role_id: pl.role_id,
    fell_off_on: input.date,
    reason: input.reason,
  })
}
