import { sql } from 'kysely'
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
 * Demo conversations: Rachel's and Tom's three newest applications get a short thread with the
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
        const marks: Record<string, number> = {}
        let t0 = performance.now()
        const mark = (name: string) => {
          marks[name] = Math.round(performance.now() - t0)
          t0 = performance.now()
        }
        // each recruiter's three newest live applications, in one query
        const apps = await tx
          .selectFrom((eb) =>
            eb
              .selectFrom('ats.applications as a')
              .innerJoin('ats.companies as co', 'co.id', 'a.company_id')
              .innerJoin('ats.candidates as c', 'c.id', 'a.candidate_id')
              .select([
                'a.id',
                'a.recruiter_id',
                'a.submitted_at',
                'co.organization_id',
                'c.full_name',
                sql<number>`row_number() over (partition by a.recruiter_id order by a.submitted_at desc)`.as(
                  'n',
                ),
              ])
              .where(
                'a.recruiter_id',
                'in',
                recruiters.map((r) => r.id),
              )
              .where('a.stage', 'in', ['submitted', 'screening', 'interview', 'offer'])
              .as('x'),
          )
          .selectAll()
          .where('n', '<=', 3)
          .execute()
        // two open roles shared with everyone, Acme's first: each recruiter asked a question on both
        const roles = await tx
          .selectFrom('ats.roles as ro')
          .innerJoin('ats.companies as co', 'co.id', 'ro.company_id')
          .select(['ro.id', 'ro.company_id', 'ro.created_at', 'co.organization_id'])
          .where('ro.status', '=', 'open')
          .where('ro.visibility', '=', 'all')
          .orderBy(sql`co.name = 'Acme Robotics'`, 'desc')
          .orderBy('ro.created_at', 'desc')
          .limit(2)
          .execute()
        mark('read')
        const teams = new Map<string, string[]>()
        for (const org of new Set([
          ...apps.map((a) => a.organization_id),
          ...roles.map((r) => r.organization_id),
        ])) {
          teams.set(org, await organizationMemberIds(tx, org, TEAM_ROLES))
        }
        mark('teams')
        const userOf = new Map(recruiters.map((r) => [r.id, r.user_id]))
        const items = []
        for (const a of apps) {
          const team = teams.get(a.organization_id) ?? []
          const recruiterUser = userOf.get(a.recruiter_id)!
          if (team.length === 0) continue
          const at = new Date(a.submitted_at).getTime()
          const first = (a.full_name.split(' ')[0] ?? a.full_name).trim()
          items.push({
            subjectKind: APPLICATION_THREAD,
            subjectId: a.id,
            participants: [
              { userId: recruiterUser, role: 'recruiter' },
              ...team.filter((u) => u !== recruiterUser).map((userId) => ({ userId, role: 'hiring_team' })),
            ],
            messages: APPLICATION_LINES.map(([who, text], i) => ({
              senderUserId: who === 'recruiter' ? recruiterUser : team[0]!,
              text: text.replace('{candidate}', first),
              at: new Date(at + (i + 1) * 3_600_000),
            })),
          })
        }
        const wanted = recruiters.flatMap((r) =>
          roles
            .filter((role) => (teams.get(role.organization_id) ?? []).length > 0)
            .map((role) => ({ role, r })),
        )
        const made = wanted.length
          ? await tx
              .insertInto('ats.role_question_threads')
              .values(
                wanted.map(({ role, r }) => ({
                  role_id: role.id,
                  company_id: role.company_id,
                  recruiter_id: r.id,
                  opened_by: r.user_id,
                })),
              )
              .onConflict((oc) => oc.columns(['role_id', 'recruiter_id']).doNothing())
              .returning(['id', 'role_id', 'recruiter_id'])
              .execute()
          : []
        const threads = made.length
        for (const m of made) {
          const { role, r } = wanted.find((x) => x.role.id === m.role_id && x.r.id === m.recruiter_id)!
          const team = teams.get(role.organization_id)!
          const at = new Date(role.created_at).getTime()
          items.push({
            subjectKind: ROLE_QUESTION_THREAD,
            subjectId: m.id,
            participants: [
              { userId: r.user_id, role: 'recruiter' },
              ...team.filter((u) => u !== r.user_id).map((userId) => ({ userId, role: 'hiring_team' })),
            ],
            messages: QUESTION_LINES.map(([who, text], i) => ({
              senderUserId: who === 'recruiter' ? r.user_id : team[0]!,
              text,
              at: new Date(at + (i + 1) * 5_400_000),
            })),
          })
        }
        mark('threads')
        const messages = await seedConversations(tx, items)
        mark('conversations')
        return { conversations: items.length, role_threads: threads, messages, ms: marks }
      },
    )
  },
}
