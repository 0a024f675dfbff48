import { sql } from 'kysely'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { organizationIdsBySlug, userIdsByEmail } from '../../identity/index.ts'
import type { RecruitingDatabase } from '../database.ts'
import { zonedToInstant } from './ics.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A wall time in Jerusalem `days` from the seed clock's day, at `hour`:00. */
function jerusalem(now: Date, days: number, hour: number): Date {
  const d = new Date(now.getTime() + days * DAY)
  return zonedToInstant(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute: 0, second: 0 },
    'Asia/Jerusalem',
  )!
}

/**
 * Demo interviews on Acme Robotics' applications from Rachel: one confirmed for tomorrow, one
 * proposed with three times waiting for Rachel, one where Rachel asked for other times, one
 * completed last week with feedback asked. Rows only (no notices for demo data); once.
 */
export const demoInterviewsSeed: SeedStep = {
  name: 'recruiting.demo_interviews',
  version: 1,
  description: 'Splits Network demo interviews (upcoming, waiting for a time, past)',
  after: ['recruiting.demo_marketplace'],
  async run(ctx) {
    return inTransaction<Record<string, unknown>, RecruitingDatabase>(
      ctx.db,
      systemActor('seed'),
      async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended('seed:recruiting.demo_interviews', 0))`.execute(
          tx,
        )
        const [acmeOrg] = (await organizationIdsBySlug(tx, ['acme-robotics'])).values()
        const people = await userIdsByEmail(tx, ['dana@acme.demo', 'eli@acme.demo', 'rachel@recruiters.demo'])
        const [dana, eli, rachel] = ['dana@acme.demo', 'eli@acme.demo', 'rachel@recruiters.demo'].map((e) =>
          people.get(e),
        )
        if (!acmeOrg || !dana || !eli || !rachel) return { skipped: 'no Acme Robotics or personas' }
        const apps = await sql<{
          id: string
          role_id: string
          company_id: string
          candidate_id: string
          recruiter_id: string
        }>`select distinct on (a.candidate_id) a.id, a.role_id, a.company_id, a.candidate_id, a.recruiter_id
           from ats.applications a join ats.companies co on co.id = a.company_id
           join network.recruiters r on r.id = a.recruiter_id
          where co.organization_id = ${acmeOrg} and r.user_id = ${rachel}
            and a.stage in ('screening', 'interview', 'submitted')
          order by a.candidate_id, a.id limit 4`.execute(tx)
        if (apps.rows.length === 0) return { skipped: 'no open Acme applications from Rachel' }
        const existing = await tx
          .selectFrom('ats.interviews')
          .select('id')
          .where(
            'application_id',
            'in',
            apps.rows.map((a) => a.id),
          )
          .executeTakeFirst()
        if (existing) return { skipped: 'already applied' }
        const now = ctx.clock.now()
        const plans = [
          { status: 'confirmed', slots: [jerusalem(now, 1, 10)], chosen: 0, kind: 'video' },
          {
            status: 'proposed',
            slots: [jerusalem(now, 3, 11), jerusalem(now, 4, 14), jerusalem(now, 5, 9)],
            kind: 'video',
          },
          { status: 'declined', slots: [jerusalem(now, 2, 8)], kind: 'phone' },
          { status: 'completed', slots: [jerusalem(now, -6, 15)], chosen: 0, kind: 'onsite' },
        ] as const
        let made = 0
        for (const [k, a] of apps.rows.entries()) {
          const p = plans[k]!
          const chosen = 'chosen' in p ? p.slots[p.chosen]! : null
          const end = (d: Date) => new Date(d.getTime() + 45 * 60_000)
          const proposedAt = new Date(Math.min(now.getTime(), p.slots[0]!.getTime()) - 2 * DAY)
          const status = p.status === 'declined' ? 'proposed' : p.status
          const i = await tx
            .insertInto('ats.interviews')
            .values({
              application_id: a.id,
              role_id: a.role_id,
              company_id: a.company_id,
              candidate_id: a.candidate_id,
              recruiter_id: a.recruiter_id,
              status,
              awaiting: p.status === 'proposed' ? 'recruiter' : p.status === 'declined' ? 'team' : null,
              kind: p.kind,
              duration_minutes: 45,
              time_zone: 'Asia/Jerusalem',
              meeting_link: p.kind === 'video' ? 'https://meet.example.com/acme-robotics' : null,
              location: p.kind === 'onsite' ? 'Acme Robotics, 12 HaBarzel St, Tel Aviv' : null,
              agenda: 'Technical deep-dive with the robotics team',
              starts_at: chosen,
              ends_at: chosen && end(chosen),
              recruiter_note:
                p.status === 'declined' ? 'She is travelling that day: any time next week works' : null,
              proposed_by: dana,
              confirmed_by: chosen ? rachel : null,
              completed_by: p.status === 'completed' ? dana : null,
              completed_at: p.status === 'completed' ? end(chosen!) : null,
              feedback_requested_at: p.status === 'completed' ? end(chosen!) : null,
              reminder_24h_at: p.status === 'completed' ? new Date(chosen!.getTime() - DAY) : null,
              reminder_1h_at: p.status === 'completed' ? new Date(chosen!.getTime() - HOUR) : null,
              created_at: proposedAt,
              updated_at: proposedAt,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          await tx
            .insertInto('ats.interview_slots')
            .values(
              p.slots.map((s, j) => ({
                interview_id: i.id,
                candidate_id: a.candidate_id,
                round: 1,
                starts_at: s,
                ends_at: end(s),
                status: chosen
                  ? j === 0
                    ? 'chosen'
                    : 'withdrawn'
                  : p.status === 'declined'
                    ? 'declined'
                    : 'open',
              })),
            )
            .execute()
          await tx
            .insertInto('ats.interview_interviewers')
            .values([dana, eli].map((user_id) => ({ interview_id: i.id, user_id })))
            .execute()
          const steps: [string, string | null, string, Date | null, string][] = [
            ['proposed', null, 'proposed', null, dana],
          ]
          if (chosen) steps.push(['confirmed', 'proposed', 'confirmed', chosen, rachel])
          if (p.status === 'declined') steps.push(['declined', 'proposed', 'proposed', null, rachel])
          if (p.status === 'completed') steps.push(['completed', 'confirmed', 'completed', chosen, dana])
          await tx
            .insertInto('ats.interview_history')
            .values(
              steps.map(([action, from, to, at, by], j) => ({
                interview_id: i.id,
                action,
                from_status: from,
                to_status: to,
                sequence: 0,
                starts_at: at,
                changed_by: by,
                changed_at: new Date(proposedAt.getTime() + j * HOUR),
              })),
            )
            .execute()
          made++
        }
        return { interviews: made }
      },
    )
  },
}
