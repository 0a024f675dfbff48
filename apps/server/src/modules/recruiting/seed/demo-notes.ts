import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { userIdsByEmail } from '../../identity/index.ts'
import type { RecruitingDatabase, RecruitingTx } from '../database.ts'
import { DEFAULT_CRITERIA } from '../notes/scorecard.ts'

const HOUR = 3_600_000

/**
 * Notes and feedback on a few of Rachel's applications at Acme Robotics, so that the Notes &
 * feedback card, the scorecard summary and an open information request show in the demo: Eli asks
 * and Rachel answers; Rachel pitches; Eli gives shared feedback on the scorecard and Dana a private
 * one; an open request waits for Rachel. One Acme role gets its own scorecard. No events (nothing to
 * notify about the past); skipped when notes exist. A handful of rows: well under 0.1 s.
 */
export const demoNotesSeed: SeedStep = {
  name: 'recruiting.demo_notes',
  version: 1,
  description: 'Notes, interview feedback and a scorecard on a few Splits Network demo applications',
  after: ['recruiting.demo_marketplace'],
  async run(ctx) {
    return inTransaction<Record<string, unknown> | undefined, RecruitingDatabase>(
      ctx.db,
      systemActor('seed'),
      async (tx) => {
        const any = await tx.selectFrom('ats.application_notes').select('id').limit(1).executeTakeFirst()
        if (any) return { skipped: 'notes exist' }
        const people = await userIdsByEmail(tx, ['dana@acme.demo', 'eli@acme.demo', 'rachel@recruiters.demo'])
        const [dana, eli, rachel] = ['dana@acme.demo', 'eli@acme.demo', 'rachel@recruiters.demo'].map((e) =>
          people.get(e),
        )
        if (!dana || !eli || !rachel) return { skipped: 'personas missing' }
        const apps = await rachelsAcmeApplications(tx, rachel)
        if (apps.length === 0) return { skipped: 'no application of Rachel at Acme' }
        const now = ctx.clock.now().getTime()
        const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR)
        type Row = {
          application_id: string
          kind: string
          author_user_id: string
          author_side: 'recruiter' | 'company'
          visibility: 'both' | 'recruiter' | 'company'
          body: string
          created_at: Date
          recommendation?: string
          scorecard_version?: number
        }
        const rows: Row[] = []
        const ratings: number[][] = []
        let answer: Row | undefined
        const [first, second, third] = apps
        if (first) {
          const on = { application_id: first.id }
          rows.push(
            {
              ...on,
              kind: 'pitch',
              author_user_id: rachel,
              author_side: 'recruiter',
              visibility: 'both',
              body: 'Shipped two production robot fleets; knows the stack you describe end to end. Open to relocating.',
              created_at: at(120),
            },
            {
              ...on,
              kind: 'information_request',
              author_user_id: eli,
              author_side: 'company',
              visibility: 'both',
              body: 'What is the notice period, and are the salary expectations inside our range?',
              created_at: at(96),
            },
            {
              ...on,
              kind: 'interview_feedback',
              author_user_id: eli,
              author_side: 'company',
              visibility: 'both',
              body: 'Excellent systems depth and clear trade-offs. Probe testing discipline in the onsite.',
              recommendation: 'strong_yes',
              scorecard_version: 0,
              created_at: at(48),
            },
            {
              ...on,
              kind: 'interview_feedback',
              author_user_id: dana,
              author_side: 'company',
              visibility: 'company',
              body: 'Good, a little light on leading people. Yes overall.',
              recommendation: 'yes',
              scorecard_version: 0,
              created_at: at(30),
            },
            {
              ...on,
              kind: 'internal_note',
              author_user_id: dana,
              author_side: 'company',
              visibility: 'company',
              body: 'Budget allows the top of the range if the onsite goes well.',
              created_at: at(20),
            },
          )
          ratings.push([4, 4, 3, 4, 3], [3, 3, 3, 3, 2])
          answer = {
            ...on,
            kind: 'information_response',
            author_user_id: rachel,
            author_side: 'recruiter',
            visibility: 'both',
            body: 'Four weeks notice. Expects the top of the range; flexible for equity.',
            created_at: at(90),
          }
        }
        if (second) {
          rows.push(
            {
              application_id: second.id,
              kind: 'information_request',
              author_user_id: eli,
              author_side: 'company',
              visibility: 'both',
              body: 'Could you share a work sample or a portfolio link?',
              created_at: at(6),
            },
            {
              application_id: second.id,
              kind: 'internal_note',
              author_user_id: rachel,
              author_side: 'recruiter',
              visibility: 'recruiter',
              body: 'Also interviewing at two other robotics companies; decision within three weeks.',
              created_at: at(5),
            },
          )
        }
        if (third) {
          rows.push({
            application_id: third.id,
            kind: 'decision_note',
            author_user_id: eli,
            author_side: 'company',
            visibility: 'both',
            body: 'Moving forward: strong screen, the team wants the technical interview next week.',
            created_at: at(12),
          })
        }
        // one statement for the notes, one for the answer to the first request, one for the ratings
        const written = await tx
          .insertInto('ats.application_notes')
          .values(rows)
          .returning(['id', 'kind', 'application_id'])
          .execute()
        const request = written.find(
          (n) => n.kind === 'information_request' && n.application_id === first?.id,
        )
        if (answer && request) {
          await tx
            .insertInto('ats.application_notes')
            .values({ ...answer, request_note_id: request.id })
            .execute()
        }
        const feedback = written.filter((n) => n.kind === 'interview_feedback')
        if (feedback.length) {
          await tx
            .insertInto('ats.application_note_ratings')
            .values(
              feedback.flatMap((f, j) =>
                DEFAULT_CRITERIA.map((c, i) => ({
                  note_id: f.id,
                  criterion_key: c.key,
                  criterion_name: c.name,
                  weight: c.weight,
                  rating: ratings[j]?.[i] ?? 3,
                })),
              ),
            )
            .execute()
        }
        const notes = written.length + (answer ? 1 : 0)
        // the first application's role gets a scorecard of its own (the default, re-weighted)
        await tx
          .insertInto('ats.role_scorecards')
          .values({
            role_id: first!.role_id,
            criteria: JSON.stringify(DEFAULT_CRITERIA),
            version: 1,
            updated_by: dana,
            updated_at: at(200),
          })
          .onConflict((oc) => oc.column('role_id').doNothing())
          .execute()
        return { notes, applications: apps.length }
      },
    )
  },
}

/** Up to three of Rachel's open applications at Acme Robotics, most recently moved first (by index). */
async function rachelsAcmeApplications(tx: RecruitingTx, rachel: string) {
  return tx
    .selectFrom('ats.applications as a')
    .select(['a.id', 'a.role_id'])
    .where('a.recruiter_id', '=', (eb) =>
      eb.selectFrom('network.recruiters').select('id').where('user_id', '=', rachel),
    )
    .where('a.company_id', '=', (eb) =>
      eb.selectFrom('ats.companies').select('id').where('name', '=', 'Acme Robotics').limit(1),
    )
    .where('a.stage', 'in', ['interview', 'offer', 'screening'])
    .orderBy('a.stage_changed_at', 'desc')
    .limit(3)
    .execute()
}
