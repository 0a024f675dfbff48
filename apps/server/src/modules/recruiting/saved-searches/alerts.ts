import { type Currency, formatMoney } from '@app/money'
import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../../kernel/context.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { uuidFromName } from '../../../kernel/ids.ts'
import { defineJob } from '../../../kernel/jobs/define-job.ts'
import { defineConsumer } from '../../../kernel/outbox/events.ts'
import { defineNoticeKinds, type Notice, notify } from '../../notifications/index.ts'
import type { RecruitingDatabase, RecruitingTx } from '../database.ts'

/**
 * Alerts of saved searches. The bell always; email too unless the search says in-app only (two
 * kinds, so that each person's own notification settings still have the last word).
 */
export const SAVED_SEARCH_NOTICES = defineNoticeKinds('recruiting', {
  'saved_search.matched': {
    label: 'New roles matching a saved search (alerts by email)',
    audience: ['recruiter'],
  },
  'saved_search.matched_in_app': {
    label: 'New roles matching a saved search (alerts in the app only)',
    audience: ['recruiter'],
    defaults: { email: false },
  },
})
const kindOf = (channel: string) =>
  channel === 'in_app' ? 'saved_search.matched_in_app' : 'saved_search.matched'

const money = (amount: string, currency: string) => {
  try {
    return formatMoney(BigInt(amount), currency as Currency, 'en-US', true)
  } catch {
    return `${amount} ${currency}`
  }
}

/**
 * Records the matches of a role that just opened or was released: every alerting search (instant
 * or daily) whose filters it meets and whose recruiter may see it (shared with all — during a first
 * look only recruiters with early access — or assigned to them). One
 * statement, the same conditions as the marketplace's filters (roles/queries.ts roleConditions);
 * a (search, role) pair is recorded once, so a reopened role or a redelivered event adds nothing.
 * Returns the new matches.
 */
export async function recordMatches(tx: RecruitingTx, roleId: string, now: Date) {
  const f = (k: string) => sql`s.filters->>${k}`
  const like = (k: string) =>
    sql`'%' || replace(replace(replace(${f(k)}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`
  const rows = await sql<{ saved_search_id: string }>`
    insert into network.saved_search_matches (saved_search_id, role_id, matched_at)
    select s.id, r.id, ${now}::timestamptz
      from ats.roles r
      join network.saved_searches s on s.alert_frequency <> 'off'
      join network.recruiters rc on rc.id = s.recruiter_id and rc.status = 'active'
     where r.id = ${roleId}::uuid and r.status = 'open'
       and ((r.visibility = 'all' and (r.early_access_until is null or rc.early_access))
            or exists (select 1 from ats.role_assignments ra
                        where ra.role_id = r.id and ra.recruiter_id = s.recruiter_id))
       and (${f('company_id')} is null or r.company_id = (${f('company_id')})::uuid)
       and (${f('function')} is null or r.function = ${f('function')})
       and (${f('industry')} is null or r.industry = ${f('industry')})
       and (${f('seniority')} is null or r.seniority = ${f('seniority')})
       and (${f('work_mode')} is null or r.work_mode = ${f('work_mode')})
       and (${f('country')} is null or r.country = ${f('country')})
       and (${f('salary_currency')} is null or r.salary_currency = ${f('salary_currency')})
       and (${f('location')} is null or r.location ilike ${like('location')})
       and (${f('salary_min')} is null or r.salary_max >= (${f('salary_min')})::bigint)
       and (${f('salary_max')} is null or r.salary_min <= (${f('salary_max')})::bigint)
       and (${f('q')} is null or r.search @@ websearch_to_tsquery('simple', ${f('q')})
            or r.title ilike ${like('q')})
    on conflict do nothing
    returning saved_search_id`.execute(tx)
  return rows.rows.map((r) => r.saved_search_id)
}

interface RoleWords {
  id: string
  title: string
  company_name: string
  location: string | null
  fee_min: string
  fee_max: string
  salary_currency: string
}

const roleLine = (r: RoleWords) =>
  [
    `${r.title} at ${r.company_name}`,
    r.location,
    `fee ${money(r.fee_min, r.salary_currency)}–${money(r.fee_max, r.salary_currency)}`,
  ]
    .filter(Boolean)
    .join(' · ')

async function rolesInWords(tx: RecruitingTx, ids: readonly string[]): Promise<Map<string, RoleWords>> {
  if (ids.length === 0) return new Map()
  const rows = await tx
    .selectFrom('ats.roles as r')
    .innerJoin('ats.companies as c', 'c.id', 'r.company_id')
    .select([
      'r.id',
      'r.title',
      'c.name as company_name',
      'r.location',
      sql<string>`r.fee_min::text`.as('fee_min'),
      sql<string>`r.fee_max::text`.as('fee_max'),
      'r.salary_currency',
    ])
    .where('r.id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/**
 * A role opened: record its matches, and tell the recruiters of instant searches now (one notice
 * per search and role; daily searches wait for the digest). Runs as the system, once per event.
 */
export async function alertNewRole(ctx: AppContext, tx: RecruitingTx, roleId: string) {
  const now = ctx.clock.now()
  const matched = await recordMatches(tx, roleId, now)
  if (matched.length === 0) return { matched: 0, told: 0 }
  const searches = await tx
    .selectFrom('network.saved_searches as s')
    .innerJoin('network.recruiters as rc', 'rc.id', 's.recruiter_id')
    .select(['s.id', 's.name', 's.channel', 'rc.user_id'])
    .where('s.id', 'in', matched)
    .where('s.alert_frequency', '=', 'instant')
    .execute()
  const role = (await rolesInWords(tx, [roleId])).get(roleId)
  if (!role || searches.length === 0) return { matched: matched.length, told: 0 }
  const notices: Notice[] = searches.map((s) => ({
    kind: kindOf(s.channel),
    userId: s.user_id,
    title: `New role for “${s.name}”: ${role.title}`,
    body: roleLine(role),
    link: `/splits/roles/${roleId}`,
    sourceId: uuidFromName(`saved-search:${s.id}:${roleId}`),
  }))
  await notify(ctx, tx, notices)
  await tx
    .updateTable('network.saved_search_matches')
    .set({ notified_at: now })
    .where('role_id', '=', roleId)
    .where(
      'saved_search_id',
      'in',
      searches.map((s) => s.id),
    )
    .execute()
  return { matched: matched.length, told: notices.length }
}

/**
 * The consumer: each opened role is matched against the saved searches, once per event; a role
 * opened with a first look matches early-access recruiters' searches then, the others' when it is
 * released (a pair already recorded is not told twice).
 */
export const savedSearchAlertsConsumer = defineConsumer<'role.opened' | 'role.released', RecruitingDatabase>({
  name: 'recruiting.saved_search_alerts',
  description:
    'Match each role that opens (or whose first look ends) against recruiters’ saved searches and alert the instant ones',
  events: ['role.opened', 'role.released'],
  handle: (tx, event, ctx) => alertNewRole(ctx, tx, event.data.role_id),
})

/**
 * The daily digest: for each daily search with untold matches, one notice listing them (at most
 * five by name, then how many more), then they are marked told. A second run the same day finds
 * nothing left; the notice's source (search and day) keeps it single even if a run repeats.
 */
export async function sendDailyDigests(ctx: AppContext, tx: RecruitingTx) {
  const now = ctx.clock.now()
  const day = now.toISOString().slice(0, 10)
  const pending = await tx
    .selectFrom('network.saved_search_matches as m')
    .innerJoin('network.saved_searches as s', 's.id', 'm.saved_search_id')
    .innerJoin('network.recruiters as rc', 'rc.id', 's.recruiter_id')
    .innerJoin('ats.roles as r', 'r.id', 'm.role_id')
    .select(['s.id as search_id', 's.name', 's.channel', 'rc.user_id', 'm.role_id'])
    .where('s.alert_frequency', '=', 'daily')
    .where('m.notified_at', 'is', null)
    .where('r.status', '=', 'open')
    .orderBy('s.id')
    .orderBy('m.matched_at', 'desc')
    .execute()
  const bySearch = new Map<string, typeof pending>()
  for (const p of pending) bySearch.set(p.search_id, [...(bySearch.get(p.search_id) ?? []), p])
  const roles = await rolesInWords(tx, [...new Set(pending.map((p) => p.role_id))])
  const notices: Notice[] = [...bySearch.values()].map((rows) => {
    const s = rows[0]!
    const lines = rows.slice(0, 5).flatMap((p) => {
      const r = roles.get(p.role_id)
      return r ? [`• ${roleLine(r)}`] : []
    })
    if (rows.length > 5) lines.push(`…and ${rows.length - 5} more`)
    return {
      kind: kindOf(s.channel),
      userId: s.user_id,
      title: `${rows.length} new ${rows.length === 1 ? 'role' : 'roles'} for “${s.name}”`,
      body: lines.join('\n'),
      link: `/splits/roles?saved=${s.search_id}`,
      sourceId: uuidFromName(`saved-search-digest:${s.search_id}:${day}`),
    }
  })
  await notify(ctx, tx, notices)
  if (bySearch.size) {
    await tx
      .updateTable('network.saved_search_matches')
      .set({ notified_at: now })
      .where('saved_search_id', 'in', [...bySearch.keys()])
      .where('notified_at', 'is', null)
      .execute()
    await tx
      .updateTable('network.saved_searches')
      .set({ last_digest_at: now })
      .where('id', 'in', [...bySearch.keys()])
      .execute()
  }
  // matches of roles that closed before the digest are dropped, untold
  await tx
    .updateTable('network.saved_search_matches as m')
    .set({ notified_at: now })
    .where('m.notified_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('ats.roles as r')
          .select('r.id')
          .whereRef('r.id', '=', 'm.role_id')
          .where('r.status', '<>', 'open'),
      ),
    )
    .execute()
  return { digests: notices.length, roles: pending.length }
}

export const savedSearchDigestJob = defineJob({
  name: 'recruiting.saved_search_digest',
  description: 'Send each daily saved search its digest of new matching roles',
  payload: z.object({}),
  retry: { limit: 5, delaySeconds: 60, backoff: true },
  timeoutSeconds: 300,
  concurrency: 1,
  schedule: { cron: '0 8 * * *', payload: {} },
  handler: (_payload, ctx: AppContext) =>
    inTransaction(ctx.db, systemActor('recruiting.saved_search_digest'), (tx) =>
      sendDailyDigests(ctx, tx as unknown as RecruitingTx),
    ),
})
