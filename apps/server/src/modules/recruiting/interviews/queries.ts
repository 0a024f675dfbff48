import { sql } from 'kysely'
import { AppError } from '../../../kernel/errors.ts'
import { decodeCursor, encodeCursor } from '../../../kernel/http/pagination.ts'
import { UUID_PATTERN } from '../../../kernel/ids.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'

/** The interview row a command needs (row-level security: only its two sides and admins find it). */
export async function loadInterview(tx: RecruitingTx, id: string) {
  const row = await tx.selectFrom('ats.interviews').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No such interview')
  return row
}
export type InterviewRow = Awaited<ReturnType<typeof loadInterview>>

/** Interviews with the names people read, their slots, interviewers and history. */
async function withDetails(tx: RecruitingTx, ids: readonly string[]) {
  if (ids.length === 0) return []
  const rows = await tx
    .selectFrom('ats.interviews as i')
    .innerJoin('ats.roles as r', 'r.id', 'i.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'i.company_id')
    .innerJoin('ats.candidates as c', 'c.id', 'i.candidate_id')
    .innerJoin('network.recruiters as rr', 'rr.id', 'i.recruiter_id')
    .innerJoin('identity.user_directory as ru', 'ru.id', 'rr.user_id')
    .selectAll('i')
    .select([
      'r.title as role_title',
      'co.name as company_name',
      'c.full_name as candidate_name',
      'rr.user_id as recruiter_user_id',
      'ru.display_name as recruiter_name',
    ])
    .where('i.id', 'in', [...ids])
    .execute()
  const [slots, interviewers, history] = await Promise.all([
    tx
      .selectFrom('ats.interview_slots')
      .select(['id', 'interview_id', 'round', 'starts_at', 'ends_at', 'status'])
      .where('interview_id', 'in', [...ids])
      .orderBy('round')
      .orderBy('starts_at')
      .execute(),
    tx
      .selectFrom('ats.interview_interviewers as ii')
      .innerJoin('identity.user_directory as u', 'u.id', 'ii.user_id')
      .select(['ii.interview_id', 'ii.user_id', 'u.display_name as name'])
      .where('ii.interview_id', 'in', [...ids])
      .orderBy('u.display_name')
      .execute(),
    tx
      .selectFrom('ats.interview_history as h')
      .leftJoin('identity.user_directory as u', 'u.id', 'h.changed_by')
      .select([
        'h.id',
        'h.interview_id',
        'h.action',
        'h.from_status',
        'h.to_status',
        'h.sequence',
        'h.starts_at',
        'h.note',
        'u.display_name as changed_by_name',
        'h.changed_at',
      ])
      .where('h.interview_id', 'in', [...ids])
      .orderBy('h.changed_at')
      .orderBy('h.id')
      .execute(),
  ])
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [
      {
        ...r,
        slots: slots.filter((s) => s.interview_id === id),
        interviewers: interviewers.filter((p) => p.interview_id === id),
        history: history.filter((h) => h.interview_id === id),
      },
    ]
  })
}
export type InterviewDetails = Awaited<ReturnType<typeof withDetails>>[number]

export async function getInterview(tx: RecruitingTx, id: string): Promise<InterviewDetails> {
  const [found] = await withDetails(tx, [id])
  if (!found) throw new AppError('not_found', 'No such interview')
  return found
}

export interface InterviewFilters {
  scope: 'upcoming' | 'past' | 'all'
  status?: string | undefined
  application_id?: string | undefined
  role_id?: string | undefined
  starting_after?: string | undefined
  limit: number
}

/**
 * The caller's interviews: a recruiter's (their applications), a hiring team's (their companies'),
 * a platform admin's (all). Upcoming soonest first (a proposal by its earliest open time); past
 * and all latest first. Keyset-paged on (sort time, id), the time to the microsecond, so that
 * interviews at the same time are neither skipped nor repeated; a cursor names its scope.
 */
export async function listInterviews(tx: RecruitingTx, caller: SplitsCaller, f: InterviewFilters, now: Date) {
  const sortAt = sql<Date>`coalesce(i.starts_at, (select min(s.starts_at) from ats.interview_slots s
    where s.interview_id = i.id and s.status = 'open'), i.created_at)`
  const ascending = f.scope === 'upcoming'
  let q = tx
    .selectFrom('ats.interviews as i')
    .select([
      'i.id',
      sql<string>`to_char(${sortAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
    ])
    .limit(f.limit + 1)
  if (!caller.isPlatformAdmin) {
    const companies = [...caller.teamCompanyIds]
    q = q.where((eb) => {
      const ors = []
      if (caller.recruiterId) ors.push(eb('i.recruiter_id', '=', caller.recruiterId))
      if (companies.length) ors.push(eb('i.company_id', 'in', companies))
      return ors.length ? eb.or(ors) : eb.val(false)
    })
  }
  if (f.scope === 'upcoming') {
    q = q.where((eb) =>
      eb.or([
        eb('i.status', '=', 'proposed'),
        eb.and([eb('i.status', '=', 'confirmed'), eb('i.ends_at', '>', now)]),
      ]),
    )
  } else if (f.scope === 'past') {
    q = q.where((eb) =>
      eb.or([
        eb('i.status', 'in', ['completed', 'cancelled']),
        eb.and([eb('i.status', '=', 'confirmed'), eb('i.ends_at', '<=', now)]),
      ]),
    )
  }
  if (f.starting_after) {
    const { at, id } = interviewCursor(f.starting_after, f.scope)
    q = q.where(
      ascending
        ? sql<boolean>`(${sortAt}, i.id) > (${at}::timestamptz, ${id}::uuid)`
        : sql<boolean>`(${sortAt}, i.id) < (${at}::timestamptz, ${id}::uuid)`,
    )
  }
  q = q.orderBy(sortAt, ascending ? 'asc' : 'desc').orderBy('i.id', ascending ? 'asc' : 'desc')
  if (f.status) q = q.where('i.status', '=', f.status)
  if (f.application_id) q = q.where('i.application_id', '=', f.application_id)
  if (f.role_id) q = q.where('i.role_id', '=', f.role_id)
  const rows = await q.execute()
  const page = rows.slice(0, f.limit)
  const last = page.at(-1)
  const hasMore = rows.length > f.limit
  return {
    data: await withDetails(
      tx,
      page.map((r) => r.id),
    ),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor([f.scope, last.cursor_at, last.id]) : null,
  }
}

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

function interviewCursor(cursor: string, scope: string): { at: string; id: string } {
  const [of, at, id] = decodeCursor(cursor, ['string', 'string', 'string']).map(String)
  if (of !== scope || !EXACT_TIME.test(at!) || !UUID_PATTERN.test(id!)) {
    throw new AppError('invalid_cursor', 'starting_after is not a cursor of this list in this scope', {
      errors: [{ field: 'querystring.starting_after', message: 'is not a cursor of this scope' }],
    })
  }
  return { at: at!, id: id! }
}
