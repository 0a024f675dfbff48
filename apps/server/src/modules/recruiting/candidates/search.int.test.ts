import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../../packages/testing/src/api-client.ts'
import { sessionFor } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { escapeLike } from '../../../kernel/db/like.ts'
import { type Actor, inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { actorOf, type Principal, type Role } from '../../../kernel/http/access.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../../kernel/http/pagination.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { resolveSplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { demoMarketplaceSeed } from '../seed/demo-marketplace.ts'
import { type CandidateFilters, searchCandidates } from './search.ts'

/**
 * Candidate search through ats.search_candidates (migration 0009), on the demo marketplace
 * (3,000 candidates, 60 recruiters, 20 companies): who finds whom, and that pages are the ones the
 * plain query under row-level security gave before.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-06-01T08:30:00Z')
let app: RunningApp & { baseUrl: string }
const p: Record<string, Principal> = {}

/** The superuser connection of the test database: sees every row, whatever the policies. */
const query = async <T>(text: string, params: unknown[] = []) =>
  (await database.current.pool.query(text, params)).rows as T[]

async function principalOf(email: string): Promise<Principal> {
  const rows = await query<{ user_id: string; organization_id: string; role: Role }>(
    `select uc.user_id, m.organization_id, m.role from identity.user_contacts uc
       join identity.memberships m on m.user_id = uc.user_id where uc.email = $1`,
    [email],
  )
  return {
    userId: rows[0]!.user_id,
    displayName: email,
    roles: [...new Set(rows.map((r) => r.role))],
    memberships: rows.map((m) => ({ organizationId: m.organization_id, role: m.role })),
    via: 'session',
    suspended: false,
  }
}

const as = <T>(actor: Actor, fn: (tx: RecruitingTx) => Promise<T>) => inTransaction(app.ctx.db, actor, fn)
const callerOf = (tx: RecruitingTx, who: Principal) => resolveSplitsCaller(tx, who)
const search = (who: Principal, f: CandidateFilters) =>
  as(actorOf(who), async (tx) => searchCandidates(tx, await callerOf(tx, who), f))

/** searchCandidates as it was before 0009: one query on ats.candidates, row-level security on top. */
async function searchBefore(tx: RecruitingTx, who: Principal, f: CandidateFilters) {
  const admin = who.roles.includes('platform_admin')
  const recruiterId = admin ? null : (await callerOf(tx, who)).recruiterId
  let q = tx
    .selectFrom('ats.candidates as c')
    .select([
      'c.id',
      'c.recruiter_id',
      'c.full_name',
      'c.current_title',
      'c.location',
      'c.skills',
      'c.years_experience',
      'c.consent_given_at',
      'c.created_at',
      exactTime('c.created_at'),
      sql<number>`(select count(*)::int from ats.applications a where a.candidate_id = c.id)`.as(
        'applications_count',
      ),
    ])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1)
  if (recruiterId) q = q.where('c.recruiter_id', '=', recruiterId)
  if (f.q) q = q.where('c.search_text', 'like', `%${escapeLike(f.q.toLowerCase())}%`)
  if (f.skill) q = q.where(sql<boolean>`ats.lower_words(c.skills) @> array[lower(${f.skill})]`)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'c.created_at', 'c.id'))
  return timeIdPage(await q.execute(), f.limit)
}

/** Every id the function returns to `actor` for a pattern (no recruiter filter, one big page). */
const fromFunction = (actor: Actor, pattern: string | null) =>
  as(actor, async (tx) =>
    (
      await sql<{
        id: string
      }>`select id from ats.search_candidates(${pattern}, null, null, null, null, 100000) as id`.execute(tx)
    ).rows.map((r) => r.id),
  )

/** The same, as the policy alone shows it: a plain query on ats.candidates. */
const fromPolicy = (actor: Actor, pattern: string | null) =>
  as(actor, async (tx) =>
    (
      await sql<{ id: string }>`select id from ats.candidates
         where ${pattern}::text is null or search_text like ${pattern}
         order by created_at desc, id desc`.execute(tx)
    ).rows.map((r) => r.id),
  )

const userActor = (who: Principal): Actor => ({ kind: 'user', userId: who.userId, roles: who.roles })

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  await demoPersonasSeed.run(app.ctx, () => {})
  for (const [key, email] of Object.entries({
    rachel: 'rachel@recruiters.demo',
    tom: 'tom@talentbridge.demo',
    dana: 'dana@acme.demo',
    eli: 'eli@acme.demo',
    admin: 'admin@splits.demo',
    noa: 'noa@candidate.demo',
  })) {
    p[key] = await principalOf(email)
  }
  // Rachel used the app before the demo data arrived (as in the seed's own test)
  await as(actorOf(p.rachel!), (tx) => callerOf(tx, p.rachel!))
  await demoMarketplaceSeed.run(app.ctx, () => {})
}, 60_000)
afterAll(async () => app?.stop())

describe('candidate search (ats.search_candidates)', () => {
  it('is a SECURITY DEFINER function with a fixed search_path that only the application role may run', async () => {
    const [fn] = await query<{
      prosecdef: boolean
      proconfig: string[]
      public_can: boolean
      app_can: boolean
    }>(
      `select prosecdef, proconfig,
              has_function_privilege('public', oid, 'execute') as public_can,
              has_function_privilege('app_runtime', oid, 'execute') as app_can
         from pg_proc where oid = 'ats.search_candidates'::regproc`,
    )
    expect(fn).toEqual({
      prosecdef: true,
      proconfig: ['search_path=pg_catalog, pg_temp'],
      public_can: false,
      app_can: true,
    })
  })

  it('a recruiter finds only the candidates they represent', async () => {
    const [rachel] = await query<{ id: string }>(
      `select r.id from network.recruiters r join identity.user_contacts uc on uc.user_id = r.user_id
        where uc.email = 'rachel@recruiters.demo'`,
    )
    for (const q of ['engineer', 'an', 'tel aviv', 'python']) {
      const all = await query<{ n: number; hers: number }>(
        `select count(*)::int as n, (count(*) filter (where recruiter_id = $2))::int as hers
           from ats.candidates where search_text like $1`,
        [`%${q}%`, rachel!.id],
      )
      expect(all[0]!.n).toBeGreaterThan(all[0]!.hers) // others' candidates match too
      const found = await search(p.rachel!, { q, limit: 100 })
      expect(found.data.every((c) => c.recruiter_id === rachel!.id)).toBe(true)
      expect(found.data.length).toBe(Math.min(100, all[0]!.hers))
    }
  })

  it('a hiring team cannot search, and the function shows them only people submitted to their company', async () => {
    const dana = await sessionFor(app.ctx, { email: 'dana@acme.demo' })
    const refused = await apiClient(app.baseUrl, dana).get('/api/candidates?q=engineer')
    expect(refused.status).toBe(403)

    const submitted = (
      await query<{ id: string }>(
        `select distinct a.candidate_id as id from ats.applications a
           join ats.companies c on c.id = a.company_id where c.name = 'Acme Robotics'`,
      )
    )
      .map((r) => r.id)
      .sort()
    expect(submitted.length).toBeGreaterThan(5)
    for (const who of [p.dana!, p.eli!]) {
      expect((await fromFunction(userActor(who), null)).sort()).toEqual(submitted)
    }
  })

  it('a platform admin finds everyone', async () => {
    for (const q of ['engineer', 'an', 'zzqx']) {
      const [all] = await query<{ n: number; recruiters: number }>(
        `select count(*)::int as n, count(distinct recruiter_id)::int as recruiters
           from ats.candidates where search_text like $1`,
        [`%${q}%`],
      )
      const ids = await fromFunction(userActor(p.admin!), `%${q}%`)
      expect(ids.length).toBe(all!.n)
      const page = await search(p.admin!, { q, limit: 100 })
      expect(page.data.length).toBe(Math.min(100, all!.n))
      if (all!.n > 100) expect(new Set(page.data.map((c) => c.recruiter_id)).size).toBeGreaterThan(10)
    }
  })

  it('answers every kind of caller exactly as the row-level security policy does', async () => {
    // a recruiter on a placement's split who does not represent the placed person
    const [sharer] = await query<{ user_id: string }>(
      `select r.user_id from ats.placement_splits ps join ats.placements pl on pl.id = ps.placement_id
         join ats.candidates c on c.id = pl.candidate_id join network.recruiters r on r.id = ps.recruiter_id
        where ps.recruiter_id <> c.recruiter_id limit 1`,
    )
    expect(sharer).toBeDefined()
    const actors: [string, Actor][] = [
      ['recruiter', userActor(p.rachel!)],
      ['agency recruiter', userActor(p.tom!)],
      ['recruiter on a split', { kind: 'user', userId: sharer!.user_id, roles: ['recruiter'] }],
      ['company admin', userActor(p.dana!)],
      ['hiring manager', userActor(p.eli!)],
      ['platform admin', userActor(p.admin!)],
      ['candidate', userActor(p.noa!)],
      ['system', systemActor('test')],
      ['anonymous', { kind: 'anonymous' }],
    ]
    for (const [label, actor] of actors) {
      for (const pattern of [null, '%engineer%', '%zzqx%']) {
        const fn = await fromFunction(actor, pattern)
        expect({ label, pattern, ids: fn }).toEqual({ label, pattern, ids: await fromPolicy(actor, pattern) })
      }
    }
    // and the split recruiter sees someone they do not represent
    const splitView = await fromFunction(actors[2]![1], null)
    const [own] = await query<{ n: number }>(
      `select count(*)::int as n from ats.candidates c join network.recruiters r on r.id = c.recruiter_id
        where r.user_id = $1`,
      [sharer!.user_id],
    )
    expect(splitView.length).toBeGreaterThan(own!.n)
  }, 300_000) // PostgreSQL 15 evaluates the policy per row slowly: ~20 s for 9 callers × 3,000 people on a quiet machine, minutes on a busy one

  it('gives the same pages as the query before it, cursor by cursor', async () => {
    const [skill] = await query<{ skill: string }>(
      `select s as skill from ats.candidates, unnest(skills) s group by s order by count(*) desc limit 1`,
    )
    const samples: Omit<CandidateFilters, 'limit'>[] = [
      {},
      { q: 'engineer' },
      { q: 'an' },
      { q: 'Tel Aviv' },
      { q: 'zzqx' },
      { q: '100%_\\' }, // LIKE's special characters are matched literally
      { skill: skill!.skill },
      { q: 'a', skill: skill!.skill },
    ]
    for (const who of [p.admin!, p.rachel!, p.tom!]) {
      for (const sample of samples) {
        for (const limit of [7, 25]) {
          let cursor: string | undefined
          for (let page = 0; page < 12; page++) {
            const f = { ...sample, limit, startingAfter: cursor }
            const now = await search(who, f)
            const before = await as(actorOf(who), (tx) => searchBefore(tx, who, f))
            expect({ who: who.displayName, f, page: now }).toEqual({ who: who.displayName, f, page: before })
            if (!now.next_cursor) break
            cursor = now.next_cursor
          }
        }
      }
    }
  })
})
