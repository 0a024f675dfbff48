import { z } from 'zod'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { listOf, ZIdParams, ZListQueryBase } from '../../../kernel/http/schemas.ts'
import type { OfairTx } from '../database.ts'
import { adminLeads, leadDetail } from '../leads/queries.ts'
import { ZAccessLog, ZAdminLeadsQuery, ZLead, ZLeadSummary, ZRemoveIn } from '../leads/schemas.ts'
import { removeLead } from '../leads/service.ts'
import { ofairRoute as route, who } from '../route.ts'

const tags = ['ofair-admin']

async function accessLogs(
  tx: OfairTx,
  f: { lead_id?: string | undefined; limit: number; starting_after?: string | undefined },
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
  if (f.starting_after) q = q.where(olderThanCursor(f.starting_after, 'a.occurred_at', 'a.id'))
  const page = timeIdPage(await q.execute(), f.limit)
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
    query: ZAdminLeadsQuery,
    response: listOf(ZLeadSummary),
    handler: async ({ tx, query }) => adminLeads(tx, query),
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
    tags,
    access: who.admin,
    query: z.strictObject({ lead_id: z.uuid().optional(), ...ZListQueryBase }),
    response: listOf(ZAccessLog),
    handler: async ({ tx, query }) => accessLogs(tx, query),
  }),
]
