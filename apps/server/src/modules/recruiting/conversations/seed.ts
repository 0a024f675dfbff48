import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { seedConversations } from '../../conversations/index.ts'
import { organizationMemberIds, userIdsByEmail } from '../../identity/index.ts'
import type { RecruitingDatabase } from '../database.ts'
import { APPLICATION_THREAD, ROLE_QUESTION_THREAD, TEAM_ROLES } from './subjects.ts'

const APPLICATION_LINES: readonly (readonly ['recruiter' | 'team', string])[] = [
  ['recruiter', 'Hi, {candidate} is very interested. She can interview any afternoon next week.'],
  ['team', 'Thanks! Her background looks strong. Is she open to two days a week in the office?'],
  ['recruiter', 'Yes, hybrid is fine for her. Her notice period is four weeks.'],
]
const QUESTION_LINES: readonly (readonly ['recruiter' | 'team', string])[] = [
  ['recruiter', 'Is the salary range flexible for an exceptional senior candidate?'],
  ['team', 'Up to 10% above the top of the range for the right person.'],
]

/**
 * Demo conversations: Rachel's and Tom's five newest applications get a short thread with the
 * company's hiring team, and they have asked questions on two open roles each (Acme's first when
 * there are). One transaction as the system; a second run adds nothing.
 */
export const demoConversationsSeed: SeedStep = {
  name: 'recruiting.demo_conversations',
  version: 1,
  description: 'Splits Network demo conversations (applications, role questions)',
  after: ['recruiting.demo_marketplace'],
  async run(ctx) {
    return inTransaction<Record<string, unknown>, RecruitingDatabase>(
      ctx.db,
      systemActor('seed'),
      async (tx) => {
        const byEmail = await userIdsByEmail(tx, ['rachel@recruiters.demo', 'tom@talentbridge.demo'])
        const users = [...byEmail.values()]
        if (users.length === 0) return { skipped: 'no demo recruiters' }
        const recruiters = await tx
          .selectFrom('network.recruiters')
          .select(['id', 'user_id'])
          .where('user_id', 'in', users)
          .execute()
        const teams = new Map<string, string[]>()
        const teamOf = async (organizationId: string) => {
          let t = teams.get(organizationId)
          if (!t) {
            t = await organizationMemberIds(tx, organizationId, TEAM_ROLES)
            teams.set(organizationId, t)
          }
          return t
        }
        const items = []
        let threads = 0
        for (const r of recruiters) {
          const apps = await tx
            .selectFrom('ats.applications as a')
            .innerJoin('ats.companies as co', 'co.id', 'a.company_id')
            .innerJoin('ats.candidates as c', 'c.id', 'a.candidate_id')
            .select(['a.id', 'a.submitted_at', 'co.organization_id', 'c.full_name'])
            .where('a.recruiter_id', '=', r.id)
            .where('a.stage', 'in', ['submitted', 'screening', 'interview', 'offer'])
            .orderBy('a.submitted_at', 'desc')
            .limit(5)
            .execute()
          for (const a of apps) {
            const team = await teamOf(a.organization_id)
            if (team.length === 0) continue
            const at = new Date(a.submitted_at).getTime()
            const first = (a.full_name.split(' ')[0] ?? a.full_name).trim()
            items.push({
              subjectKind: APPLICATION_THREAD,
              subjectId: a.id,
              participants: [
                { userId: r.user_id, role: 'recruiter' },
                ...team.map((userId) => ({ userId, role: 'hiring_team' })),
              ],
              messages: APPLICATION_LINES.map(([who, text], i) => ({
                senderUserId: who === 'recruiter' ? r.user_id : team[0]!,
                text: text.replace('{candidate}', first),
                at: new Date(at + (i + 1) * 3_600_000),
              })),
            })
          }
          const roles = await tx
            .selectFrom('ats.roles as ro')
            .innerJoin('ats.companies as co', 'co.id', 'ro.company_id')
            .select(['ro.id', 'ro.company_id', 'ro.created_at', 'co.organization_id'])
            .where('ro.status', '=', 'open')
            .where('ro.visibility', '=', 'all')
            .orderBy('co.name')
            .orderBy('ro.created_at', 'desc')
            .limit(2)
            .execute()
          for (const role of roles) {
            const team = await teamOf(role.organization_id)
            if (team.length === 0) continue
            const made = await tx
              .insertInto('ats.role_question_threads')
              .values({
                role_id: role.id,
                company_id: role.company_id,
                recruiter_id: r.id,
                opened_by: r.user_id,
              })
              .onConflict((oc) => oc.columns(['role_id', 'recruiter_id']).doNothing())
              .returning('id')
              .executeTakeFirst()
            if (!made) continue
            threads += 1
            const at = new Date(role.created_at).getTime()
            items.push({
              subjectKind: ROLE_QUESTION_THREAD,
              subjectId: made.id,
              participants: [
                { userId: r.user_id, role: 'recruiter' },
                ...team.map((userId) => ({ userId, role: 'hiring_team' })),
              ],
              messages: QUESTION_LINES.map(([who, text], i) => ({
                senderUserId: who === 'recruiter' ? r.user_id : team[0]!,
                text,
                at: new Date(at + (i + 1) * 5_400_000),
              })),
            })
          }
        }
        const messages = await seedConversations(tx, items)
        return { conversations: items.length, role_threads: threads, messages }
      },
    )
  },
}
