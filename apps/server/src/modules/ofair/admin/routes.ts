import { type SqlBool, sql } from 'kysely'
import { z } from 'zod'
import { logPiiReveal, piiAccessLog } from '../../../kernel/audit/audit.ts'
import { inTransaction } from '../../../kernel/db/transaction.ts'
import { actorOf } from '../../../kernel/http/access.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import {
  marketplacePeople,
  marketplacePersonContacts,
  setMarketplacePersonStatus,
} from '../../identity/index.ts'
import type { OfairTx } from '../database.ts'
import { jerusalemDate } from '../invoicing/rules.ts'
import { leadDetail } from '../leads/queries.ts'
import { ZAccessLog, ZLead, ZLeadSummary, ZRemoveIn } from '../leads/schemas.ts'
import { removeLead } from '../leads/service.ts'
import { ofairRoute as route, who } from '../route.ts'
import { ANALYTICS_CSV_HEADER, analytics, analyticsRows } from './analytics.ts'
import { CSV_BOM, csvLine, csvStream } from './csv.ts'
import { disputeDetail } from './disputes.ts'
import { type AdminLeadFilters, LEAD_CSV_HEADER, leadCsvBatch, searchLeads } from './leads.ts'
import {
  ZAccessLogQuery,
  ZAdminLeadExport,
  ZAdminLeadSearch,
  ZAdminUser,
  ZAdminUsersQuery,
  ZAnalytics,
  ZAnalyticsQuery,
  ZDisputeDetail,
  ZPiiRead,
  ZPiiReadsQuery,
  ZReasonIn,
  ZUserContacts,
  ZUserStatusOut,
} from './schemas.ts'

/** The back office's reads of personal data, as `logPiiReveal` subject types. */
const PII_SUBJECTS = ['ofair.user', 'ofair.lead_search', 'ofair.contact_access_log'] as const

/** The start of an Israeli day (plus `days`), for filters given as dates. */
function jerusalemDayStart(day: string, days = 0): Date {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  const date = d.toISOString().slice(0, 10)
  // the offset of Asia/Jerusalem at noon that day (+02:00 or +03:00)
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Jerusalem', timeZoneName: 'longOffset' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName')?.value
  const offset = parts?.replace('GMT', '') || '+00:00'
  return new Date(`${date}T00:00:00${offset}`)
}

const tags = ['ofair-admin']

async function accessLogs(
  tx: OfairTx,
  f: {
    lead_id?: string | undefined
    accessor_user_id?: string | undefined
    accessor_role?: string | undefined
    from?: string | undefined
    to?: string | undefined
    limit: number
    starting_after?: string | undefined
  },
) {
  let q = tx
    .selectFrom('ofair.contact_access_logs as a')
    .leftJoin('identity.user_directory as u', 'u.id', 'a.accessor_user_id')
    .select([
      'a.id',
      'a.lead_id',
      'a.accessor_user_id',
      'u.display_name',
      'a.accessor_role',
      'a.action',
      'a.fields',
      'a.ip',
      'a.user_agent',
      'a.occurred_at',
      exactTime('a.occurred_at'),
    ])
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1)
  if (f.lead_id) q = q.where('a.lead_id', '=', f.lead_id)
  if (f.accessor_user_id) q = q.where('a.accessor_user_id', '=', f.accessor_user_id)
  if (f.accessor_role) q = q.where('a.accessor_role', '=', f.accessor_role)
  if (f.from)
    q = q.where(sql<SqlBool>`a.occurred_at >= (${f.from}::date)::timestamp at time zone 'Asia/Jerusalem'`)
  if (f.to)
    q = q.where(sql<SqlBool>`a.occurred_at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Jerusalem'`)
  if (f.starting_after) q = q.where(olderThanCursor(f.starting_after, 'a.occurred_at', 'a.id'))
  const page = timeIdPage(await q.execute(), f.limit)
  // the log itself holds personal data (addresses, browsers): the admin's read of it is logged
  if (page.data.length > 0)
    await logPiiReveal(tx, {
      subjectType: 'ofair.contact_access_log',
      subjectId: f.lead_id ?? f.accessor_user_id ?? 'all',
      fields: ['ip', 'user_agent'],
      purpose: 'admin.access_log_view',
    })
  return {
    ...page,
    data: page.data.map((r) => ({
      id: r.id,
      lead_id: r.lead_id,
      accessor: { user_id: r.accessor_user_id, display_name: r.display_name },
      accessor_role: r.accessor_role as 'owner' | 'winner' | 'admin',
      action: r.action as 'revealed' | 'viewed',
      fields: r.fields,
      ip: r.ip,
      user_agent: r.user_agent,
      occurred_at: r.occurred_at,
    })),
  }
}

/** OFAIR admins: lead moderation and the log of every access to clients' details. */
export const adminRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/leads',
    operationId: 'listOfairLeadsForAdmin',
    summary: 'Admin: every lead, newest first, by status, type and words in the title',
    tags,
    access: who.admin,
    description:
      'Keyset-paged on (created_at, id): leads published while you page appear on the first page, never shift later ones. A search by phone digits is logged as a read of personal data.',
    query: ZAdminLeadSearch,
    response: listOf(ZLeadSummary),
    handler: async ({ tx, query }) => searchLeads(tx, query),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/leads/:id/remove',
    operationId: 'removeOfairLead',
    summary: 'Admin: take a lead down, with the reason (audited)',
    tags,
    access: who.admin,
    params: ZIdParams,
    body: ZRemoveIn,
    errors: [409],
    response: ZLead,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await removeLead(tx, caller, params.id, body.note, ctx.clock.now())
      return leadDetail(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now())
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/contact-access-logs',
    operationId: 'listOfairContactAccessLogs',
    summary: 'Admin: who saw which lead’s client details, when, from where (newest first)',
    description:
      'Filters by lead, person, role and days (Asia/Jerusalem). Each read of this log is itself logged.',
    tags,
    access: who.admin,
    query: ZAccessLogQuery,
    response: listOf(ZAccessLog),
    handler: async ({ tx, query }) => accessLogs(tx, query),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/exports/leads.csv',
    operationId: 'exportOfairLeadsCsv',
    summary: 'Admin: the leads table as CSV (the same filters), streamed',
    description:
      'Read a thousand rows at a time, each batch in a short transaction of its own, newest first by (created_at, id). UTF-8 with a BOM; cells starting with = + - @ are prefixed with an apostrophe and quoted so spreadsheets do not run them.',
    tags,
    access: who.admin,
    query: ZAdminLeadExport,
    response: z.string().describe('text/csv'),
    transaction: false,
    handler: async ({ caller, query, ctx, reply, request }) => {
      const actor = actorOf(caller.principal!)
      const f = query as AdminLeadFilters
      const stream = csvStream<{ at: string; id: string }>(LEAD_CSV_HEADER, (after) =>
        inTransaction<Awaited<ReturnType<typeof leadCsvBatch>>, never>(
          ctx.db,
          actor,
          (tx) => leadCsvBatch(tx as unknown as OfairTx, f, after, after === null),
          { requestId: request.id },
        ),
      )
      const day = jerusalemDate(ctx.clock.now())
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ofair-leads-${day}.csv"`)
        .send(stream)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/analytics',
    operationId: 'getOfairAnalytics',
    summary: 'Admin: leads, proposals and conversion per week or month, by category or city',
    description:
      'A lead counts in the week or month (Asia/Jerusalem) it was created, with its proposals and outcome (a cohort). Rates are 0-1.',
    tags,
    access: who.admin,
    query: ZAnalyticsQuery,
    response: ZAnalytics,
    handler: async ({ tx, query }) => analytics(tx, query),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/exports/analytics.csv',
    operationId: 'exportOfairAnalyticsCsv',
    summary: 'Admin: the analytics rows (period × group) as CSV',
    tags,
    access: who.admin,
    query: ZAnalyticsQuery,
    response: z.string().describe('text/csv'),
    handler: async ({ tx, query, reply }) => {
      const rows = await analyticsRows(tx, query)
      const body =
        CSV_BOM +
        csvLine(ANALYTICS_CSV_HEADER) +
        rows
          .map((r) =>
            csvLine([
              r.period,
              r.key,
              r.name,
              r.leads,
              r.proposals,
              r.accepted,
              r.completed,
              r.leads ? (r.accepted / r.leads).toFixed(4) : '',
              r.proposals ? (r.accepted / r.proposals).toFixed(4) : '',
            ]),
          )
          .join('')
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="ofair-analytics-${query.from}-${query.to}-${query.group_by}.csv"`,
        )
        .send(body)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/users',
    operationId: 'listOfairUsersForAdmin',
    summary: 'Admin: OFAIR’s people (consumers, professionals, admins), contacts masked, newest first',
    tags,
    access: who.admin,
    query: ZAdminUsersQuery,
    response: listOf(ZAdminUser),
    handler: async ({ tx, query }) => {
      const page = await marketplacePeople(tx, {
        marketplace: 'ofair',
        q: query.q,
        role: query.role,
        status: query.status,
        limit: query.limit,
        startingAfter: query.starting_after,
      })
      const ids = page.data.map((u) => u.id)
      const pros = ids.length
        ? await tx
            .selectFrom('ofair.professionals as p')
            .leftJoin('ofair.categories as c', 'c.id', 'p.profession_category_id')
            .select(['p.id', 'p.user_id', 'p.status', 'c.name_he as profession'])
            .where('p.user_id', 'in', ids)
            .execute()
        : []
      const byUser = new Map(pros.map((p) => [p.user_id, p]))
      return {
        ...page,
        data: page.data.map((u) => {
          const p = byUser.get(u.id)
          return {
            ...u,
            professional: p ? { id: p.id, status: p.status, profession: p.profession } : null,
          }
        }),
      }
    },
  }),
  ...(['suspend', 'reactivate'] as const).map((action) =>
    route.define({
      method: 'POST',
      url: `/api/ofair/admin/users/:id/${action}`,
      operationId: action === 'suspend' ? 'suspendOfairUser' : 'reactivateOfairUser',
      summary:
        action === 'suspend'
          ? 'Admin: suspend a person with a reason: they cannot sign in and every session ends (audited)'
          : 'Admin: let a suspended person sign in again, with a reason (audited)',
      description: 'Admins (OFAIR’s or the platform’s) and one’s own account are refused (403).',
      tags,
      access: who.admin,
      params: ZIdParams,
      body: ZReasonIn,
      errors: [409],
      response: ZUserStatusOut,
      handler: async ({ tx, caller, params, body, ctx }) =>
        setMarketplacePersonStatus(tx, {
          marketplace: 'ofair',
          adminId: caller.userId,
          actorRole: 'ofair_admin',
          userId: params.id,
          suspend: action === 'suspend',
          reason: body.reason,
          now: ctx.clock.now(),
        }),
    }),
  ),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/users/:id/contacts',
    operationId: 'revealOfairUserContacts',
    summary: 'Admin: a person’s phone and email, with the reason (the read is logged)',
    tags,
    access: who.admin,
    params: ZIdParams,
    body: ZReasonIn,
    response: ZUserContacts,
    handler: async ({ tx, params, body }) =>
      marketplacePersonContacts(tx, { marketplace: 'ofair', userId: params.id, reason: body.reason }),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/disputes/:id',
    operationId: 'getOfairDispute',
    summary: 'Admin: one dispute with its job, amounts, both parties and their statements',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: ZDisputeDetail,
    handler: async ({ tx, caller, params, ctx }) => disputeDetail(tx, caller, params.id, ctx.clock.now()),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/pii-reads',
    operationId: 'listOfairPiiReads',
    summary: 'Admin: reads of personal data in OFAIR’s back office (who, whose, which fields, why)',
    description:
      'People’s contacts revealed to admins, searches by a client’s phone, and views of the access logs. Newest first.',
    tags,
    access: who.admin,
    query: ZPiiReadsQuery,
    response: listOf(ZPiiRead),
    handler: async ({ tx, query }) => {
      const page = await piiAccessLog(tx, {
        subjectTypes: PII_SUBJECTS,
        actorUserId: query.actor_user_id,
        subjectId: query.subject_id,
        from: query.from ? jerusalemDayStart(query.from) : undefined,
        to: query.to ? jerusalemDayStart(query.to, 1) : undefined,
        limit: query.limit,
        startingAfter: query.starting_after,
      })
      const ids = [
        ...new Set(
          page.data.flatMap((r) => [r.actorUserId ?? '', r.subjectType === 'ofair.user' ? r.subjectId : '']),
        ),
      ].filter((id) => /^[0-9a-f-]{36}$/i.test(id))
      const names = ids.length
        ? new Map(
            (
              await tx
                .selectFrom('identity.user_directory')
                .select(['id', 'display_name'])
                .where('id', 'in', ids)
                .execute()
            ).map((u) => [u.id, u.display_name]),
          )
        : new Map<string, string>()
      return {
        ...page,
        data: page.data.map((r) => ({
          id: r.id,
          occurred_at: r.occurredAt,
          actor: {
            user_id: r.actorUserId,
            display_name: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
          },
          subject_type: r.subjectType,
          subject_id: r.subjectId,
          subject_name: r.subjectType === 'ofair.user' ? (names.get(r.subjectId) ?? null) : null,
          fields: r.fields,
          purpose: r.purpose,
        })),
      }
    },
  }),
]
