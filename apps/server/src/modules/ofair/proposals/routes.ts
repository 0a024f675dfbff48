import { z } from 'zod'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { leadDetail } from '../leads/queries.ts'
import { ZLead } from '../leads/schemas.ts'
import { refuse } from '../messages.ts'
import { ofairRoute as route, who } from '../route.ts'
import { getProposal, myProposals } from './queries.ts'
import { ZAcceptIn, ZMyProposal, ZMyProposalsQuery, ZProposal, ZProposalUpdate } from './schemas.ts'
import { acceptProposal, cancelProposal, updateProposal } from './service.ts'

const tags = ['ofair-proposals']

export const proposalRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/proposals/mine',
    operationId: 'listMyOfairProposals',
    summary: 'My proposals, with their leads, newest first',
    tags,
    access: who.professional,
    query: ZMyProposalsQuery,
    response: listOf(ZMyProposal),
    handler: async ({ tx, caller, query, ctx }) =>
      myProposals(tx, caller, query, ctx.config.auth.secret, ctx.clock.now()),
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/proposals/:id',
    operationId: 'updateOfairProposal',
    summary: 'Change my pending proposal (send the version you loaded)',
    tags,
    access: who.professional,
    params: ZIdParams,
    body: ZProposalUpdate,
    errors: [409],
    response: ZProposal,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await updateProposal(tx, caller, params.id, body, ctx.clock.now())
      return (await getProposal(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now()))!
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/proposals/:id/cancel',
    operationId: 'cancelOfairProposal',
    summary: 'Withdraw my pending proposal',
    tags,
    access: who.professional,
    params: ZIdParams,
    errors: [409],
    response: ZProposal,
    handler: async ({ tx, caller, params, ctx }) => {
      await cancelProposal(tx, caller, params.id, ctx.clock.now())
      return (await getProposal(tx, caller, params.id, ctx.config.auth.secret, ctx.clock.now()))!
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/proposals/:id/accept',
    operationId: 'acceptOfairProposal',
    summary: 'The lead’s owner accepts a proposal and reveals the client’s details to its professional',
    description:
      'One database function accepts the proposal, declines the others, records the owner’s consent (`consent: true`) and reveals the client’s name, phone and address to the winner, writing contact_access_logs and phone_revelations with the IP address, user agent and time. The lead becomes pending.',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZAcceptIn,
    errors: [409],
    idempotent: true,
    response: ZLead,
    handler: async ({ tx, caller, params, request, ctx }) => {
      if (!caller.userId) throw refuse('unauthenticated', 'Sign in first')
      const { leadId } = await acceptProposal(tx, params.id, {
        ip: request.ip,
        userAgent:
          typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : undefined,
      })
      return leadDetail(tx, caller, leadId, ctx.config.auth.secret, ctx.clock.now())
    },
  }),
]

export const ZAcceptedProposal = z.object({ lead: ZLead })
