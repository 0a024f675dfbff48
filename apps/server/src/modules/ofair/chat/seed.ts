import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { seedConversations } from '../../conversations/index.ts'
import type { OfairDatabase } from '../database.ts'
import { CHAT_SUBJECT } from './service.ts'

const LINES: readonly (readonly ['owner' | 'professional', string])[] = [
  ['owner', 'שלום, ראיתי את ההצעה. מתי תוכלו להגיע?'],
  ['professional', 'אפשר מחר בבוקר. אפשר לשלוח לי מספר? 052-555-0199'],
  ['owner', 'מצוין, נדבר מחר.'],
]

/**
 * Demo chats: the 30 newest live proposals get a short conversation between the lead's owner and
 * the professional (one line with a phone number, hidden until the proposal is accepted). One
 * transaction as the system; a second run adds nothing.
 */
export const demoChatSeed: SeedStep = {
  name: 'ofair.demo_chats',
  version: 1,
  description: 'OFAIR demo lead chats',
  after: ['ofair.demo'],
  async run(ctx) {
    return inTransaction<Record<string, unknown>, OfairDatabase>(ctx.db, systemActor('seed'), async (tx) => {
      const proposals = await tx
        .selectFrom('ofair.proposals as pr')
        .innerJoin('ofair.professionals as p', 'p.id', 'pr.professional_id')
        .innerJoin('ofair.leads as l', 'l.id', 'pr.lead_id')
        .select(['pr.id', 'pr.created_at', 'p.user_id as pro_user', 'l.created_by_user_id as owner_user'])
        .where('pr.status', 'in', ['pending', 'accepted'])
        .orderBy('pr.created_at', 'desc')
        .limit(30)
        .execute()
      const messages = await seedConversations(
        tx,
        proposals.map((pr) => {
          const at = new Date(pr.created_at).getTime()
          return {
            subjectKind: CHAT_SUBJECT,
            subjectId: pr.id,
            participants: [
              { userId: pr.owner_user, role: 'owner' },
              { userId: pr.pro_user, role: 'professional' },
            ],
            messages: LINES.map(([who, text], i) => ({
              senderUserId: who === 'owner' ? pr.owner_user : pr.pro_user,
              text,
              at: new Date(at + (i + 1) * 240_000),
            })),
          }
        }),
      )
      return { conversations: proposals.length, messages }
    })
  },
}
