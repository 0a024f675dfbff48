import { z } from 'zod'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { ofairRoute as route, who } from '../route.ts'
import { leadChats, leadTranscripts, myChats, openProposalChat } from './service.ts'

const ZProposalStatus = z.enum(['pending', 'accepted', 'rejected', 'cancelled'])
const ZThread = z.object({
  proposal_id: z.string(),
  lead_id: z.string(),
  proposal_status: ZProposalStatus,
  professional_id: z.string(),
  professional_name: z.string(),
  conversation_id: z.string().nullable().describe('Null until one side opens the chat'),
  unread: z.number().int(),
  contact_details_visible: z
    .boolean()
    .describe('False before the proposal is accepted: phones, e-mails and addresses in messages are hidden'),
})
const ZTranscriptMessage = z.object({
  id: z.string(),
  conversation_id: z.string(),
  sender_user_id: z.string(),
  text: z.string(),
  mask_reason: z.string().nullable(),
  created_at: z.iso.datetime(),
})
const ZTranscript = z.object({
  conversation_id: z.string(),
  proposal_id: z.string(),
  proposal_status: ZProposalStatus,
  professional_name: z.string(),
  participants: z.array(
    z.object({
      user_id: z.string(),
      role: z.string(),
      display_name: z.string(),
      last_read_message_id: z.string().nullable(),
      last_read_at: z.iso.datetime().nullable(),
      blocked: z.boolean(),
    }),
  ),
  messages: z.array(ZTranscriptMessage),
})

export const chatRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/chats',
    operationId: 'listMyOfairChats',
    summary: 'My lead chats across leads, latest first, with unread counts',
    access: who.members,
    response: z.object({
      data: z.array(
        z.object({
          conversation_id: z.string(),
          proposal_id: z.string(),
          proposal_status: ZProposalStatus,
          lead_id: z.string(),
          lead_title: z.string(),
          with_name: z.string().describe('The other side: the professional, or the lead’s owner'),
          unread: z.number().int(),
          last_message_at: z.iso.datetime().nullable(),
        }),
      ),
      unread: z.number().int().describe('Unread messages in all of them'),
    }),
    handler: ({ tx, caller }) => myChats(tx, caller),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/leads/:id/chats',
    operationId: 'listOfairLeadChats',
    summary: 'The chat threads of a lead: the owner one per proposal, a professional their own',
    description:
      'Messages are read and sent through `/api/conversations/{conversation_id}/…`. Before acceptance, contact details typed into messages are hidden from both sides.',
    access: who.members,
    params: ZIdParams,
    response: z.object({ data: z.array(ZThread) }),
    handler: ({ tx, caller, params }) => leadChats(tx, caller, params.id),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/proposals/:id/chat',
    operationId: 'openOfairProposalChat',
    summary: 'Open the chat of a proposal (the lead’s owner or the professional who proposed)',
    access: who.members,
    params: ZIdParams,
    response: ZThread,
    handler: ({ tx, caller, params }) => openProposalChat(tx, caller, params.id),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/leads/:id/transcripts',
    operationId: 'getOfairLeadTranscripts',
    summary: 'The chat transcripts of a lead, as typed (disputes); each read is logged',
    tags: ['ofair-admin'],
    access: who.admin,
    params: ZIdParams,
    response: z.object({ lead_id: z.string(), data: z.array(ZTranscript) }),
    handler: ({ tx, caller, params }) => leadTranscripts(tx, caller, params.id),
  }),
]
