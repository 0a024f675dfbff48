/**
 * The OFAIR lead board (issue 10): the board's own query (`leadBoard`: category + radius + budget,
 * pinned then newest, first page of 20) as a signed-in professional under row-level security,
 * over 100,000 and then 1,000,000 leads in one database. Target: p95 ≤ 30 ms at 1,000,000; the
 * ratio 1M ÷ 100k shows how the cost grows with the number of leads (the board reads, per nearby
 * locality and category, the newest rows of an index, so it should barely grow).
 *
 * Leads are spread over every locality (weighted to the big cities, as real ones are), 22
 * categories, both types, 85% active, published over the last 60 days; subscribers' leads pinned.
 * Only the lead rows are loaded (the board never reads the client tables).
 * `node bench/lead-board.ts [--runs 300] [--small 100000] [--large 1000000]`
 */
import { sql } from 'kysely'
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts'
import { inTransaction } from '../apps/server/src/kernel/db/transaction.ts'
import type { OfairDatabase } from '../apps/server/src/modules/ofair/database.ts'
import { leadBoard } from '../apps/server/src/modules/ofair/leads/board.ts'
import { syncReferenceData } from '../apps/server/src/modules/ofair/reference/reference-data.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = arg('runs', 300)
const SMALL = arg('small', 100_000)
const LARGE = arg('large', 1_000_000)

/** The board as professionals use it: their trade, around their city, a budget floor. */
const QUERIES = [
  { category_id: 'electricity', centre: 'תל אביב-יפו', radius_km: 25, budget_min: 100_000n },
  { category_id: 'plumbing', centre: 'חיפה', radius_km: 30, budget_min: 50_000n },
  { category_id: 'renovation', centre: 'ירושלים', radius_km: 20, budget_min: 200_000n },
  { category_id: 'air_conditioning', centre: 'באר שבע', radius_km: 40, budget_min: 30_000n },
  { category_id: 'painting', centre: 'נתניה', radius_km: 25, budget_min: 80_000n },
] as const

async function loadLeads(db: ReturnType<typeof connectDatabase>['db'], from: number, to: number) {
  // in slices, so one statement's memory stays small; the planner sees fresh statistics after
  for (let start = from; start < to; start += 250_000) {
    const end = Math.min(to, start + 250_000)
    await sql`
      with loc as (select array_agg(id order by rank, id) as ids, count(*) as n from ofair.localities where active),
           cats as (select array_agg(id order by sort_order) as ids from ofair.categories where parent_id is null),
           pros as (select array_agg(id order by id) as ids, array_agg(user_id order by id) as users from ofair.professionals)
      insert into ofair.leads (type, title, short_description, category_id, locality_id, lat, lng, budget_min_minor,
                               budget_max_minor, status, close_reason, closed_at, created_by_user_id,
                               created_by_professional_id, referrer_share_bps, platform_commission_bps, priority,
                               published_at, created_at)
      select case when g.pro then 'professional_referral' else 'consumer' end,
             'עבודה ' || g.i, 'תיאור קצר', cats.ids[1 + g.i % array_length(cats.ids, 1)], l.id, l.lat, l.lng,
             g.budget, g.budget + 50000,
             case when g.active then 'active' else 'closed' end,
             case when g.active then null else 'cancelled' end,
             case when g.active then null else now() end,
             case when g.pro then pros.users[1 + g.i % array_length(pros.ids, 1)] else ${consumerId} end,
             case when g.pro then pros.ids[1 + g.i % array_length(pros.ids, 1)] end,
             case when g.pro then 2000 end,
             case when g.pro then 500 else 1000 end,
             case when g.pro and g.i % 23 = 0 then 1 else 0 end,
             now() - ((hashint4(g.i * 13) & 65535) / 65535.0) * interval '60 days',
             now()
        from loc, cats, pros,
             lateral (select s as i, s % 3 = 0 as pro, s % 20 <> 0 as active,
                             (1 + (hashint4(s) & 1023) % 200)::bigint * 10000 as budget,
                             -- a third of the leads in the 45 big cities (rank 1, first in the array)
                             case when s % 3 = 0 then 1 + (hashint4(s * 7) & 65535) % 45
                                  else 1 + (hashint4(s * 7) & 65535) % loc.n::int end as li
                        from generate_series(${start}::int, ${end - 1}::int) s) g,
             ofair.localities l
       where l.id = loc.ids[g.li]`.execute(db)
  }
  await sql`vacuum analyze ofair.leads`.execute(db)
}

let consumerId = ''

async function measure(db: ReturnType<typeof connectDatabase>['db'], pro: { userId: string; id: string }) {
  const centres = new Map(
    (
      await sql<{ id: number; name_he: string }>`select id, name_he from ofair.localities`.execute(db)
    ).rows.map((r) => [r.name_he, r.id]),
  )
  const caller = {
    principal: null,
    userId: pro.userId,
    professionalId: pro.id,
    isAdmin: false,
    isConsumer: false,
    isProfessional: true,
  }
  const times: number[] = []
  let rows = 0
  for (let i = 0; i < RUNS + 20; i++) {
    const q = QUERIES[i % QUERIES.length]!
    const started = performance.now()
    const page = await inTransaction<Awaited<ReturnType<typeof leadBoard>>, OfairDatabase>(
      db,
      { kind: 'user', userId: pro.userId, roles: ['professional'] },
      (tx) =>
        leadBoard(tx, caller, {
          category_id: q.category_id,
          locality_id: centres.get(q.centre),
          radius_km: q.radius_km,
          budget_min: q.budget_min,
          limit: 20,
        }),
    )
    if (i >= 20) times.push(performance.now() - started) // the first rounds warm the caches
    rows += page.data.length
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), avgRows: rows / (RUNS + 20) }
}

export async function benchLeadBoard(): Promise<Record<string, string | number>[]> {
  const server = await startThrowawayPostgres({ durability: 'fast' })
  const url = await createMigratedDatabase(server.url, 'bench_lead_board')
  const database = connectDatabase(url, { poolMax: 4, applicationName: 'bench-lead-board' })
  const db = database.db
  const out: Record<string, string | number>[] = []
  try {
    await syncReferenceData({ db })
    // 200 professionals (the owners of referral leads) and one consumer, with their users
    await sql`
      with u as (insert into identity.users (display_name, locale)
                 select 'בעל מקצוע ' || s, 'he' from generate_series(1, 201) s returning id)
      select 1`.execute(db)
    const users = (await sql<{ id: string }>`select id from identity.users order by id`.execute(db)).rows
    consumerId = users[0]!.id
    await sql`
      insert into ofair.professionals (user_id, display_name, profession_category_id, business_number, business_type,
                                       base_locality_id, service_radius_km, status, verified_at)
      select u.id, 'בעל מקצוע ' || row_number() over (), 'electricity', '000000018', 'osek_murshe',
             (select id from ofair.localities where name_he = 'תל אביב-יפו'), 30, 'verified', now()
        from identity.users u where u.id <> ${consumerId}`.execute(db)
    const pro = (
      await sql<{
        id: string
        user_id: string
      }>`select id, user_id from ofair.professionals order by id limit 1`.execute(db)
    ).rows[0]!
    const who = { userId: pro.user_id, id: pro.id }

    let t = performance.now()
    await loadLeads(db, 0, SMALL)
    console.log(`loaded ${SMALL.toLocaleString()} leads in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    const small = await measure(db, who)
    t = performance.now()
    await loadLeads(db, SMALL, LARGE)
    console.log(
      `loaded up to ${LARGE.toLocaleString()} leads in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    )
    const large = await measure(db, who)
    for (const [n, m] of [
      [SMALL, small],
      [LARGE, large],
    ] as const) {
      out.push({
        leads: n.toLocaleString('en'),
        'p50 ms': +m.p50.toFixed(2),
        'p95 ms': +m.p95.toFixed(2),
        'p99 ms': +m.p99.toFixed(2),
        'rows/page': +m.avgRows.toFixed(1),
        target: n === LARGE ? 'p95 <= 30' : '',
      })
    }
    out.push({
      leads: `${(LARGE / SMALL).toFixed(0)}x leads`,
      'p50 ms': +(large.p50 / small.p50).toFixed(2),
      'p95 ms': +(large.p95 / small.p95).toFixed(2),
      'p99 ms': +(large.p99 / small.p99).toFixed(2),
      'rows/page': '',
      target: 'ratio (1M ÷ 100k)',
    })
  } finally {
    await database.close()
    await server.stop()
  }
  return out
}

if (import.meta.main) console.table(await benchLeadBoard())
