import { appendAudit, logPiiReveal } from '../../../kernel/audit/audit.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import {
  conversationsBySubject,
  defineConversationSubject,
  myConversations,
  openConversation,
  transcripts,
} from '../../conversations/index.ts'
import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { MASK_REASON, maskContactDetails } from './mask.ts'

/** One conversation per proposal: the lead's owner and the professional who proposed. */
export const CHAT_SUBJECT = 'ofair_proposal'

const notOnLead = () =>
  new AppError(
    'forbidden',
    'Only the lead’s owner and the professional who proposed may chat about a proposal',
    {
      userMessage: 'רק מי שפרסם את העבודה ובעל המקצוע שהגיש את ההצעה יכולים לשוחח עליה.',
    },
  )

/**
 * Before the proposal is accepted, phone numbers, e-mails and street addresses typed into its chat
 * are hidden from both sides (the stored text keeps them); after acceptance they are shown. An
 * admin reading a transcript for a dispute sees the text as typed (the read is logged).
 */
defineConversationSubject({
  kind: CHAT_SUBJECT,
  async presenter(tx, proposalId, viewer) {
    if (viewer.admin) return (text) => ({ text, mask_reason: null })
    const proposal = await asSystem(tx, 'ofair.chat_mask', () =>
      (tx as OfairTx)
        .selectFrom('ofair.proposals')
        .select('status')
        .where('id', '=', proposalId)
        .executeTakeFirst(),
    )
    if (proposal?.status === 'accepted') return (text) => ({ text, mask_reason: null })
    return (text) => {
      const r = maskContactDetails(text)
      return { text: r.text, mask_reason: r.masked ? MASK_REASON : null }
    }
  },
})

interface ProposalFacts {
  id: string
  lead_id: string
  status: string
  professional_id: string
  professional_user_id: string
  professional_name: string
  owner_user_id: string
}

/** The proposal with its two parties, read as the system after the caller's visibility was checked. */
async function proposalFacts(
  tx: OfairTx,
  where: { proposalId?: string; leadId?: string },
): Promise<ProposalFacts[]> {
  return asSystem(tx, 'ofair.chat_parties', async () => {
    let q = tx
      .selectFrom('ofair.proposals as pr')
      .innerJoin('ofair.professionals as p', 'p.id', 'pr.professional_id')
      .innerJoin('ofair.leads as l', 'l.id', 'pr.lead_id')
      .select([
        'pr.id',
        'pr.lead_id',
        'pr.status',
        'pr.professional_id',
        'p.user_id as professional_user_id',
        'p.display_name as professional_name',
        'l.created_by_user_id as owner_user_id',
      ])
      .orderBy('pr.created_at')
      .orderBy('pr.id')
    if (where.proposalId) q = q.where('pr.id', '=', where.proposalId)
    if (where.leadId) q = q.where('pr.lead_id', '=', where.leadId)
    return q.execute()
  })
}

/**
 * Opens (once) the chat of a proposal and returns its conversation id. Only the lead's owner and
 * the professional who proposed take part; anyone else gets 403 with a Hebrew message.
 */
export async function openProposalChat(tx: OfairTx, caller: OfairCaller, proposalId: string) {
  const [facts] = await proposalFacts(tx, { proposalId })
  if (!facts || (caller.userId !== facts.owner_user_id && caller.userId !== facts.professional_user_id)) {
    throw notOnLead()
  }
  const conversationId = await openConversation(tx, {
    subjectKind: CHAT_SUBJECT,
    subjectId: facts.id,
    participants: [
      { userId: facts.owner_user_id, role: 'owner' },
      { userId: facts.professional_user_id, role: 'professional' },
    ],
  })
  return threadOut(facts, conversationId, 0)
}

function threadOut(f: ProposalFacts, conversationId: string | null, unread: number) {
  return {
    proposal_id: f.id,
    lead_id: f.lead_id,
    proposal_status: f.status as 'pending' | 'accepted' | 'rejected' | 'cancelled',
    professional_id: f.professional_id,
    professional_name: f.professional_name,
    conversation_id: conversationId,
    unread,
    contact_details_visible: f.status === 'accepted',
  }
}

/**
 * The chat threads of a lead the caller may see: its owner one per proposal (cancelled ones left
 * out unless they have a conversation), a professional their own. Anyone else: 403.
 */
export async function leadChats(tx: OfairTx, caller: OfairCaller, leadId: string) {
  const all = await proposalFacts(tx, { leadId })
  const owner = all.length > 0 ? all[0]!.owner_user_id === caller.userId : await ownsLead(tx, caller, leadId)
  const mine = owner ? all : all.filter((f) => f.professional_user_id === caller.userId)
  if (!owner && mine.length === 0) throw notOnLead()
  const conversations = await conversationsBySubject(
    tx,
    CHAT_SUBJECT,
    mine.map((f) => f.id),
  )
  const summaries = await myConversations(tx, caller.userId, { subjectKind: CHAT_SUBJECT, limit: 100 })
  const unread = new Map(summaries.map((s) => [s.id, s.unread]))
  return {
    data: mine
      .filter((f) => f.status !== 'cancelled' || conversations.has(f.id))
      .map((f) => {
        const id = conversations.get(f.id) ?? null
        return threadOut(f, id, id ? (unread.get(id) ?? 0) : 0)
      }),
  }
}

async function ownsLead(tx: OfairTx, caller: OfairCaller, leadId: string): Promise<boolean> {
  const row = await asSystem(tx, 'ofair.chat_owner', () =>
    tx.selectFrom('ofair.leads').select('created_by_user_id').where('id', '=', leadId).executeTakeFirst(),
  )
  if (!row) throw new AppError('not_found', 'No such lead', { userMessage: 'לא מצאנו את העבודה.' })
  return row.created_by_user_id === caller.userId
}

/** An admin's read of a lead's chat transcripts (disputes): the text as typed, each read logged. */
export async function leadTranscripts(tx: OfairTx, caller: OfairCaller, leadId: string) {
  const lead = await asSystem(tx, 'ofair.chat_transcripts', () =>
    tx.selectFrom('ofair.leads').select('id').where('id', '=', leadId).executeTakeFirst(),
  )
  if (!lead) throw new AppError('not_found', 'No such lead', { userMessage: 'לא מצאנו את העבודה.' })
  const facts = await proposalFacts(tx, { leadId })
  const byProposal = await asSystem(tx, 'ofair.chat_transcripts', () =>
    conversationsBySubject(
      tx,
      CHAT_SUBJECT,
      facts.map((f) => f.id),
    ),
  )
  const found = await transcripts(tx, [...byProposal.values()])
  await logPiiReveal(tx, {
    subjectType: 'ofair_lead',
    subjectId: leadId,
    fields: ['chat_transcripts'],
    purpose: 'admin_dispute_review',
  })
  await appendAudit(tx, {
    action: 'ofair_chat.transcripts_read',
    entityType: 'ofair_lead',
    entityId: leadId,
    after: { conversations: found.length, messages: found.reduce((n, c) => n + c.messages.length, 0) },
    actorUserId: caller.userId,
    actorRole: 'ofair_admin',
  })
  const factsById = new Map(facts.map((f) => [f.id, f]))
  return {
    lead_id: leadId,
    data: found.map((c) => {
      const f = factsById.get(c.subject_id)!
      return {
        conversation_id: c.id,
        proposal_id: f.id,
        proposal_status: f.status as 'pending' | 'accepted' | 'rejected' | 'cancelled',
        professional_name: f.professional_name,
        participants: c.participants,
        messages: c.messages,
      }
    }),
  }
}

/** My lead chats across leads, latest activity first, with unread counts (the "messages" page). */
export async function myChats(tx: OfairTx, caller: OfairCaller) {
  const summaries = await myConversations(tx, caller.userId, { subjectKind: CHAT_SUBJECT, limit: 100 })
  if (summaries.length === 0) return { data: [], unread: 0 }
  const facts = await asSystem(tx, 'ofair.my_chats', () =>
    tx
      .selectFrom('ofair.proposals as pr')
      .innerJoin('ofair.leads as l', 'l.id', 'pr.lead_id')
      .innerJoin('ofair.professionals as p', 'p.id', 'pr.professional_id')
      .select(['pr.id', 'pr.status', 'l.id as lead_id', 'l.title', 'p.display_name as professional_name'])
      .where(
        'pr.id',
        'in',
        summaries.map((c) => c.subject_id),
      )
      .execute(),
  )
  const byId = new Map(facts.map((f) => [f.id, f]))
  const data = summaries.flatMap((c) => {
    const f = byId.get(c.subject_id)
    if (!f) return []
    const other = c.participants.find((p) => p.user_id !== caller.userId)
    return [
      {
        conversation_id: c.id,
        proposal_id: f.id,
        proposal_status: f.status as 'pending' | 'accepted' | 'rejected' | 'cancelled',
        lead_id: f.lead_id,
        lead_title: f.title,
        with_name: other?.role === 'professional' ? f.professional_name : (other?.display_name ?? ''),
        unread: c.unread,
        last_message_at: c.last_message_at,
      },
    ]
  })
  return { data, unread: data.reduce((n, c) => n + c.unread, 0) }
}
