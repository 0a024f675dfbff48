import { z } from 'zod'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { leadProposals } from '../proposals/queries.ts'
import { ZProposal, ZProposalIn } from '../proposals/schemas.ts'
import { createProposal } from '../proposals/service.ts'
import { getReferral } from '../referrals/queries.ts'
import { ZReferral, ZShareIn } from '../referrals/schemas.ts'
import { shareLead } from '../referrals/service.ts'
import { ofairRoute as route, who } from '../route.ts'
import { leadBoard } from './board.ts'
import { leadDetail, myLeads } from './queries.ts'
import {
  ZBoardQuery,
  ZClientDetails,
  ZCloseIn,
  ZCompleteIn,
  ZLead,
  ZLeadCard,
  ZLeadIn,
  ZLeadSummary,
  ZLeadUpdate,
  ZMyLeadsQuery,
} from './schemas.ts'
import { cancelLead, completeLead, createLead, readClientDetails, updateLead } from './service.ts'

const tags = ['ofair-leads']
const requestOf = (request: { ip: string; headers: Record<string, unknown> }) => ({
  ip: request.ip,
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : undefined,
})

export const leadRoutes = [
  route.define({
    method: 'POST',
    url: '/api/ofair/leads',
    operationId: 'createOfairLead',
    summary: 'Publish a lead: a consumer’s request or a professional’s lead',
    description:
      'A consumer request is published under the phone number the consumer confirmed with a one-time code (sign in by phone first: POST /api/auth/phone/start, /api/auth/verify); no phone in the body. A professional lead (verified professionals) carries the client’s details, an estimated budget and the uploader’s share of 0-90% (`share_too_high` above).',
    tags,
    access: who.members,
    body: ZLeadIn,
    status: 201,
    errors: [422],
    response: ZLead,
    handler: async ({ tx, caller, body, ctx }) => {
      const id = await createLead(tx, caller, body, ctx.clock.now())
      return leadDetail(tx, caller, id, ctx.config.auth.secret, ctx.clock.now())
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/leads/public',
    operationId: 'ofairLeadBoard',
    summary: 'The lead board: active leads near you in your categories (no client details)',
    description:
      'Read from a view without client columns. Defaults: your profession and specialties, your base locality and service radius. Subscribers’ leads are pinned first, then the newest. Distances are from locality to locality.',
    tags,
    access: who.professionalOrAdmin,
    query: ZBoardQuery,
    errors: [422],
    response: listOf(ZLeadCard),
    handler: async ({ tx, caller, query }) => leadBoard(tx, caller, query),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/leads/mine',
    operationId: 'listMyOfairLeads',
    summary: 'My requests (consumers) or uploaded leads (professionals), newest first',
    tags,
    access: who.members,
    query: ZMyLeadsQuery,
    response: listOf(ZLeadSummary),
    handler: async ({ tx, caller, query }) => myLeads(tx, caller, query),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/leads/:id',
    operationId: 'getOfairLead',
    summary: 'A lead (its client’s details only through …/client)',
    tags,
    access: who.leadPeople,
    params: ZIdParams,
    response: ZLead,
    handler: async ({ tx, caller, params, ctx }) =>
      leadDetail(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now()),
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/leads/:id',
    operationId: 'updateOfairLead',
    summary: 'The owner changes an open lead (send the version you loaded)',
    description:
      'The uploader’s share is fixed once the lead has referrals or proposals (409 `terms_locked`).',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZLeadUpdate,
    errors: [409, 422],
    response: ZLead,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await updateLead(tx, caller, params.id, body, ctx.clock.now())
      return leadDetail(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now())
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/leads/:id/cancel',
    operationId: 'cancelOfairLead',
    summary: 'The owner withdraws the lead (open proposals and offers close)',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZCloseIn,
    errors: [409],
    response: ZLead,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await cancelLead(tx, caller, params.id, body.version, ctx.clock.now())
      return leadDetail(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now())
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/leads/:id/complete',
    operationId: 'completeOfairLead',
    summary: 'The owner marks the accepted job done, with its final amount',
    description:
      'The referrals that brought the lead to the performer complete. Commissions are settled by the next issue from the stored terms (platform 10% of consumer jobs, 5% of referred jobs, each level’s recorded share).',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZCompleteIn,
    errors: [409, 422],
    idempotent: true,
    response: ZLead,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await completeLead(tx, caller, params.id, body.final_amount.amount, ctx.clock.now())
      return leadDetail(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now())
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/leads/:id/client',
    operationId: 'getOfairLeadClient',
    summary: 'The client’s name, phone and address: the owner and the accepted professional only',
    description:
      'Every read is logged (contact_access_logs: who, role, IP, user agent, time). Anyone else gets 403 and nothing is logged. Admins read too, each read logged.',
    tags,
    access: who.leadPeople,
    params: ZIdParams,
    response: ZClientDetails,
    handler: async ({ tx, caller, params, request }) =>
      readClientDetails(tx, caller, params.id, requestOf(request)),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/leads/:id/share',
    operationId: 'shareOfairLead',
    summary: 'Refer the lead to chosen professionals (the share recorded at transfer time)',
    description:
      'The uploader offers at level 1 with the lead’s share; a receiver who accepted refers onward with `commission_percentage`. At most 4 levels, the chain at most 90% in total, never to oneself or anyone already in the chain. Each receiver is notified.',
    tags: ['ofair-referrals'],
    access: who.professional,
    params: ZIdParams,
    body: ZShareIn,
    status: 201,
    errors: [409, 422],
    response: z.object({ data: z.array(ZReferral) }),
    handler: async ({ tx, caller, params, body, ctx }) => {
      const ids = await shareLead(tx, caller, params.id, body, ctx.clock.now())
      const data = []
      for (const id of ids) {
        const r = await getReferral(tx, caller, id)
        if (r) data.push(r)
      }
      return { data }
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/leads/:id/proposals',
    operationId: 'listOfairLeadProposals',
    summary: 'A lead’s proposals: the owner sees all, a professional only their own',
    tags: ['ofair-proposals'],
    access: who.leadPeople,
    params: ZIdParams,
    response: z.object({ data: z.array(ZProposal) }),
    handler: async ({ tx, caller, params, ctx }) => {
      await leadDetail(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now()) // 404 for a hidden lead
      return { data: await leadProposals(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now()) }
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/leads/:id/proposals',
    operationId: 'createOfairProposal',
    summary: 'Propose a price, description, date and photos for a lead',
    description:
      'Verified professionals, one live proposal per lead (409 `duplicate_proposal`), never on their own lead (422 `own_lead`).',
    tags: ['ofair-proposals'],
    access: who.professional,
    params: ZIdParams,
    body: ZProposalIn,
    status: 201,
    errors: [409, 422],
    response: ZProposal,
    handler: async ({ tx, caller, params, body, ctx }) => {
      const id = await createProposal(tx, caller, params.id, body, ctx.clock.now())
      const all = await leadProposals(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now())
      return all.find((p) => p.id === id)!
    },
  }),
]
