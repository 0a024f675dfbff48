import { isCurrency } from '@app/money'
import { sql } from 'kysely'
import { appendAudit } from '../../kernel/audit/audit.ts'
import type { Tx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Principal } from '../../kernel/http/access.ts'
import { olderThanCursor, pageOf } from '../../kernel/http/pagination.ts'
import { isPlatformAdmin, recruiterIdOf, teamCompanyIds } from './access.ts'
import { emit } from './events.ts'
import { FEE_ROLES, FEE_RULE_VERSION, type FeeRole } from './reference.ts'

export interface SplitShare {
  fee_role: FeeRole
  recruiter_id: string
  share_bps: number
}

/** Default split of the recruiter pool: all to a lone recruiter, 50/50 with a company-side job owner. */
export function defaultSplits(
  candidateRecruiterId: string,
  jobOwnerRecruiterId: string | null,
): SplitShare[] {
  if (!jobOwnerRecruiterId || jobOwnerRecruiterId === candidateRecruiterId) {
    return [{ fee_role: 'candidate_recruiter', recruiter_id: candidateRecruiterId, share_bps: 10_000 }]
  }
  return [
    { fee_role: 'candidate_recruiter', recruiter_id: candidateRecruiterId, share_bps: 5_000 },
    { fee_role: 'job_owner', recruiter_id: jobOwnerRecruiterId, share_bps: 5_000 },
  ]
}

/** Refuses splits that are not exactly 100% of the pool, repeat a fee role or miss the candidate recruiter. */
export function validateSplits(splits: SplitShare[]): void {
  const total = splits.reduce((sum, s) => sum + s.share_bps, 0)
  if (total !== 10_000) {
    throw new AppError(
      'validation_failed',
      `body.splits: the shares must sum to 100% (they sum to ${total / 100}%)`,
      {
        errors: [{ field: 'body.splits', message: `shares sum to ${total / 100}%, not 100%` }],
      },
    )
  }
  const roles = splits.map((s) => s.fee_role)
  if (new Set(roles).size !== roles.length) {
    throw new AppError('validation_failed', 'body.splits: each fee role may appear once', {
      errors: [{ field: 'body.splits', message: 'a fee role appears twice' }],
    })
  }
  if (!roles.includes('candidate_recruiter')) {
    throw new AppError('validation_failed', 'body.splits: the candidate recruiter must have a share', {
      errors: [{ field: 'body.splits', message: 'candidate_recruiter is missing' }],
    })
  }
}

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export async function createPlacement(
  tx: Tx,
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

/** Who may see a placement: its company's team, the recruiters on it, platform admins. */
async function visiblePlacement(tx: Tx, p: Principal, id: string) {
  const pl = await tx.selectFrom('ats.placements').selectAll().where('id', '=', id).executeTakeFirst()
  if (!pl) throw new AppError('not_found', 'No such placement')
  if (isPlatformAdmin(p)) return { pl, onIt: false, team: true }
  const me = await recruiterIdOf(tx, p)
  const onIt =
    me !== null &&
    (await tx
      .selectFrom('ats.placement_splits')
      .select('id')
      .where('placement_id', '=', id)
      .where('recruiter_id', '=', me)
      .executeTakeFirst()) !== undefined
  const team = (await teamCompanyIds(tx, p)).includes(pl.company_id)
  if (!onIt && !team) throw new AppError('not_found', 'No such placement')
  return { pl, onIt, team }
}

export async function getPlacement(tx: Tx, p: Principal, id: string) {
  const { pl } = await visiblePlacement(tx, p, id)
  const details = await tx
    .selectFrom('ats.placements as pl')
    .innerJoin('ats.roles as r', 'r.id', 'pl.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'pl.company_id')
    .innerJoin('ats.candidates as c', 'c.id', 'pl.candidate_id')
    .select(['r.title as role_title', 'co.name as company_name', 'c.full_name as candidate_name'])
    .where('pl.id', '=', id)
    .executeTakeFirstOrThrow()
  const splits = await tx
    .selectFrom('ats.placement_splits as s')
    .innerJoin('network.recruiters as r', 'r.id', 's.recruiter_id')
    .innerJoin('identity.users as u', 'u.id', 'r.user_id')
    .select([
      's.fee_role',
      's.recruiter_id',
      'u.display_name as recruiter_name',
      's.share_bps',
      's.agreed_at',
    ])
    .where('s.placement_id', '=', id)
    .execute()
  const order = (r: string) => FEE_ROLES.indexOf(r as FeeRole)
  return { ...pl, ...details, splits: splits.sort((a, b) => order(a.fee_role) - order(b.fee_role)) }
}

export async function listPlacements(
  tx: Tx,
  p: Principal,
  f: {
    company_id?: string | undefined
    status?: string | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  const admin = isPlatformAdmin(p)
  const me = await recruiterIdOf(tx, p)
  const companies = admin ? [] : await teamCompanyIds(tx, p)
  let q = tx
    .selectFrom('ats.placements as pl')
    .innerJoin('ats.roles as r', 'r.id', 'pl.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'pl.company_id')
    .innerJoin('ats.candidates as c', 'c.id', 'pl.candidate_id')
    .select([
      'pl.id',
      'pl.role_id',
      'r.title as role_title',
      'pl.company_id',
      'co.name as company_name',
      'c.full_name as candidate_name',
      'pl.base_salary',
      'pl.currency',
      'pl.start_date',
      'pl.guarantee_ends_on',
      'pl.fee_rate_bps',
      'pl.status',
      'pl.split_status',
      'pl.created_at',
    ])
    .orderBy('pl.created_at', 'desc')
    .orderBy('pl.id', 'desc')
    .limit(f.limit + 1)
  if (!admin) {
    q = q.where((eb) => {
      const ors = []
      if (companies.length) ors.push(eb('pl.company_id', 'in', companies))
      if (me) {
        ors.push(
          eb.exists(
            eb
              .selectFrom('ats.placement_splits as s')
              .select('s.id')
              .whereRef('s.placement_id', '=', 'pl.id')
              .where('s.recruiter_id', '=', me),
          ),
        )
      }
      return ors.length ? eb.or(ors) : eb.val(false)
    })
  }
  if (f.company_id) q = q.where('pl.company_id', '=', f.company_id)
  if (f.status) q = q.where('pl.status', '=', f.status)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'pl.created_at', 'pl.id'))
  return pageOf(await q.execute(), f.limit, (r) => [r.created_at.toISOString(), r.id])
}

/**
 * Proposes a new split of the recruiter pool. Every recruiter on it must agree again (the
 * proposer agrees by proposing). Recruiters on the placement or platform admins.
 */
export async function proposeSplits(tx: Tx, p: Principal, id: string, splits: SplitShare[], now: Date) {
  const { pl, onIt } = await visiblePlacement(tx, p, id)
  if (!onIt && !isPlatformAdmin(p))
    throw new AppError('forbidden', 'Only the recruiters on the placement can change its split')
  if (pl.status !== 'active')
    throw new AppError('invalid_state_transition', 'The placement fell off; its split is final')
  validateSplits(splits)
  const ids = [...new Set(splits.map((s) => s.recruiter_id))]
  const found = await tx.selectFrom('network.recruiters').select('id').where('id', 'in', ids).execute()
  if (found.length !== ids.length) {
    throw new AppError('unprocessable', 'body.splits: some recruiters do not exist', {
      errors: [{ field: 'body.splits', message: 'names an unknown recruiter' }],
    })
  }
  const candidateRecruiter = (
    await tx
      .selectFrom('ats.applications')
      .select('recruiter_id')
      .where('id', '=', pl.application_id)
      .executeTakeFirstOrThrow()
  ).recruiter_id
  if (splits.find((s) => s.fee_role === 'candidate_recruiter')!.recruiter_id !== candidateRecruiter) {
    throw new AppError(
      'unprocessable',
      'body.splits: the candidate recruiter is the recruiter who submitted the candidate',
      {
        errors: [{ field: 'body.splits', message: 'candidate_recruiter must be the submitting recruiter' }],
      },
    )
  }
  const before = await tx
    .selectFrom('ats.placement_splits')
    .select(['fee_role', 'recruiter_id', 'share_bps'])
    .where('placement_id', '=', id)
    .execute()
  const me = await recruiterIdOf(tx, p)
  await tx.deleteFrom('ats.placement_splits').where('placement_id', '=', id).execute()
  await tx
    .insertInto('ats.placement_splits')
    .values(splits.map((s) => ({ ...s, placement_id: id, agreed_at: s.recruiter_id === me ? now : null })))
    .execute()
  const allAgreed = splits.every((s) => s.recruiter_id === me)
  await tx
    .updateTable('ats.placements')
    .set({ split_status: allAgreed ? 'agreed' : 'pending', updated_at: now })
    .where('id', '=', id)
    .execute()
  await appendAudit(tx, {
    action: 'placement.splits_proposed',
    entityType: 'placement',
    entityId: id,
    before,
    after: splits,
    actorRole: isPlatformAdmin(p) ? 'platform_admin' : 'recruiter',
  })
  await emit(tx, 'placement.splits_proposed', id, {
    placement_id: id,
    company_id: pl.company_id,
    proposed_by: p.userId,
    splits,
    previous_recruiter_ids: [...new Set(before.map((b) => b.recruiter_id))],
  })
}

/** A recruiter on the placement agrees to the current split; when all have, it is agreed. */
export async function agreeSplits(tx: Tx, p: Principal, id: string, now: Date) {
  const { pl, onIt } = await visiblePlacement(tx, p, id)
  if (!onIt) throw new AppError('forbidden', 'Only the recruiters on the placement agree to its split')
  if (pl.split_status === 'agreed')
    throw new AppError('invalid_state_transition', 'The split is already agreed')
  const me = (await recruiterIdOf(tx, p))!
  await tx
    .updateTable('ats.placement_splits')
    .set({ agreed_at: now })
    .where('placement_id', '=', id)
    .where('recruiter_id', '=', me)
    .execute()
  const open = await sql<{
    n: number
  }>`select count(*)::int as n from ats.placement_splits where placement_id = ${id} and agreed_at is null`.execute(
    tx,
  )
  if ((open.rows[0]?.n ?? 0) === 0) {
    await tx
      .updateTable('ats.placements')
      .set({ split_status: 'agreed', updated_at: now })
      .where('id', '=', id)
      .execute()
    const splits = await tx
      .selectFrom('ats.placement_splits')
      .select(['fee_role', 'recruiter_id', 'share_bps'])
      .where('placement_id', '=', id)
      .execute()
    await appendAudit(tx, {
      action: 'placement.splits_agreed',
      entityType: 'placement',
      entityId: id,
      after: splits,
      actorRole: 'recruiter',
    })
    await emit(tx, 'placement.splits_agreed', id, { placement_id: id, company_id: pl.company_id, splits })
  }
}

/** The hire left inside the guarantee period: recorded with its reason and date (money follows later). */
export async function fallOff(
  tx: Tx,
  p: Principal,
  id: string,
  input: { reason: string; date: string },
  now: Date,
) {
  const { pl } = await visiblePlacement(tx, p, id)
  if (!(isPlatformAdmin(p) || (await teamCompanyIds(tx, p, true)).includes(pl.company_id))) {
    throw new AppError('forbidden', 'Only the company’s admins or a platform admin record a fall-off')
  }
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
  await tx
    .updateTable('ats.placements')
    .set({ status: 'fell_off', fell_off_on: input.date, fall_off_reason: input.reason, updated_at: now })
    .where('id', '=', id)
    .execute()
  await appendAudit(tx, {
    action: 'placement.fell_off',
    entityType: 'placement',
    entityId: id,
    before: { status: 'active' },
    after: { status: 'fell_off', date: input.date, reason: input.reason },
    actorRole: isPlatformAdmin(p) ? 'platform_admin' : 'company_admin',
  })
  await emit(tx, 'placement.fell_off', id, {
    placement_id: id,
    company_id: pl.company_id,
    role_id: pl.role_id,
    fell_off_on: input.date,
    reason: input.reason,
  })
}
