import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { inTransaction } from '../../../kernel/db/transaction.ts'
import { actorOf, type Principal } from '../../../kernel/http/access.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { resolveSplitsCaller } from '../caller.ts'
import type { RecruitingDatabase } from '../database.ts'
import { listNotes } from '../notes/queries.ts'
import { demoMarketplaceSeed } from './demo-marketplace.ts'
import { demoNotesSeed } from './demo-notes.ts'

const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle
let firstRun: Record<string, unknown> | undefined
let firstRunMs = 0

const query = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await database.current.pool.query(text, params)).rows as T[]

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, {
    clock: new FixedClock('2026-06-01T08:30:00Z'),
  }))
  await demoPersonasSeed.run(ctx, () => {})
  await demoMarketplaceSeed.run(ctx, () => {})
  const t = performance.now()
  firstRun = await demoNotesSeed.run(ctx, () => {})
  firstRunMs = performance.now() - t
}, 60_000)
afterAll(async () => handle?.close())

async function principalOf(email: string, roles: Principal['roles']): Promise<Principal> {
  const rows = await query<{ user_id: string; display_name: string; organization_id: string; role: string }>(
    `select u.id as user_id, u.display_name, m.organization_id, m.role from identity.users u
       join identity.user_contacts uc on uc.user_id = u.id join identity.memberships m on m.user_id = u.id
      where uc.email = $1`,
    [email],
  )
  return {
    userId: rows[0]!.user_id,
    displayName: rows[0]!.display_name,
    roles,
    memberships: rows.map((r) => ({
      organizationId: r.organization_id,
      role: r.role as Principal['roles'][number],
    })),
    via: 'session',
    suspended: false,
  }
}

const notesAs = (p: Principal, applicationId: string) =>
  inTransaction<Awaited<ReturnType<typeof listNotes>>, RecruitingDatabase>(ctx.db, actorOf(p), async (tx) =>
    listNotes(tx, await resolveSplitsCaller(tx, p), applicationId),
  )

describe('demo notes seed', () => {
  it('adds notes, feedback and a scorecard on Rachel’s Acme applications, once', async () => {
    expect(firstRun).toMatchObject({ notes: 9, applications: 3 })
    console.info(
      `recruiting.demo_notes: ${Math.round(firstRunMs)} ms (the start-up budget is measured by bench/startup.ts)`,
    )
    expect(await demoNotesSeed.run(ctx, () => {})).toEqual({ skipped: 'notes exist' })
    const [c] = await query<{ notes: number; ratings: number; scorecards: number }>(
      `select (select count(*)::int from ats.application_notes) as notes,
              (select count(*)::int from ats.application_note_ratings) as ratings,
              (select count(*)::int from ats.role_scorecards) as scorecards`,
    )
    expect(c).toEqual({ notes: 9, ratings: 10, scorecards: 1 })
  })

  it('shows each side what it may read', async () => {
    const [first] = await query<{ application_id: string }>(
      `select application_id from ats.application_notes where kind = 'pitch'`,
    )
    const eli = await notesAs(await principalOf('eli@acme.demo', []), first!.application_id)
    const rachel = await notesAs(
      await principalOf('rachel@recruiters.demo', ['recruiter']),
      first!.application_id,
    )
    expect(eli.data.map((n) => n.kind)).toEqual([
      'pitch',
      'information_request',
      'information_response',
      'interview_feedback',
      'interview_feedback',
      'internal_note',
    ])
    expect(eli.summary).toMatchObject({ feedback_count: 2, recommendations: { yes: 1, strong_yes: 1 } })
    expect(rachel.data.map((n) => n.kind)).toEqual([
      'pitch',
      'information_request',
      'information_response',
      'interview_feedback',
    ])
    expect(rachel.summary.feedback_count).toBe(1)
    expect(rachel.open_requests).toBe(0)
  })
})
