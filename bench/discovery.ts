/**
 * Discovery at scale: the role marketplace (`GET /api/roles`) with each sort and the exact total
 * count, at 100,000 roles (500 companies, 2,000 recruiters, 200,000 applications), timed inside
 * actor transactions as the route runs it (row-level security included): the first page and the
 * third page (keyset), with and without filters, as a recruiter and as a platform admin. Also the
 * saved-search matching of one opened role against 10,000 saved searches, and a company profile.
 * Target: the marketplace list with sort + count p95 well under 100 ms.
 *
 *   node bench/discovery.ts
 */
import { createAppContext } from '../apps/server/src/app.ts'
import { loadConfig } from '../apps/server/src/config/config.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { actorOf, type Principal, type Role } from '../apps/server/src/kernel/http/access.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { resolveSplitsCaller, type SplitsCaller } from '../apps/server/src/modules/recruiting/caller.ts'
import type { RecruitingDatabase, RecruitingTx } from '../apps/server/src/modules/recruiting/database.ts'
import {
  type MarketplaceQuery,
  type RoleSort,
  searchMarketplace,
} from '../apps/server/src/modules/recruiting/discovery/marketplace.ts'
import { companyProfile } from '../apps/server/src/modules/recruiting/discovery/profiles.ts'
import { recordMatches } from '../apps/server/src/modules/recruiting/saved-searches/alerts.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 200
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), p99: +at(0.99).toFixed(2) }
}

async function main() {
  const log = (line: string) => console.log(line)
  const server = await startThrowawayPostgres()
  const url = await createMigratedDatabase(server.url, 'bench_discovery')
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DEMO_MODE: 'true', LOG_LEVEL: 'silent' })
  const { ctx, database } = createAppContext(config, url, {
    log: createLogger({ level: 'silent', pretty: false }),
    modules: [],
    work: false,
    clock: new FixedClock(new Date()),
  })
  const rows: Record<string, string | number>[] = []
  try {
    await demoPersonasSeed.run(ctx, () => {})
    const principal = async (email: string, roles: Role[]): Promise<Principal> => {
      const r = await database.pool.query<{ user_id: string; organization_id: string; role: Role }>(
        `select uc.user_id, m.organization_id, m.role from identity.user_contacts uc
           join identity.memberships m on m.user_id = uc.user_id where uc.email = $1`,
        [email],
      )
      return {
        userId: r.rows[0]!.user_id,
        displayName: email,
        roles,
        memberships: r.rows.map((m) => ({ organizationId: m.organization_id, role: m.role })),
        via: 'session',
        suspended: false,
      }
    }
    const callerOf = async (p: Principal) =>
      inTransaction<SplitsCaller, RecruitingDatabase>(ctx.db, actorOf(p), (tx) => resolveSplitsCaller(tx, p))
    const recruiter = await callerOf(await principal('rachel@recruiters.demo', ['recruiter']))
    const admin = await callerOf(await principal('admin@splits.demo', ['platform_admin']))

    log('generating 100,000 roles, 200,000 applications, 10,000 saved searches…')
    const t0 = performance.now()
    const client = await database.pool.connect()
    try {
      await generate(client, recruiter.userId, log)
    } finally {
      client.release(true)
    }
    log(`data generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

    const as = <T>(c: SplitsCaller, fn: (tx: RecruitingTx) => Promise<T>) =>
      inTransaction<T, RecruitingDatabase>(ctx.db, actorOf(c.principal!), fn)
    const time = async (measure: string, target: number, fn: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 10; i++) await fn(i)
      const ms: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now()
        await fn(i + 10)
        ms.push(performance.now() - t)
      }
      const s = stats(ms)
      rows.push({
        measure,
        runs: RUNS,
        'median ms': s.median,
        'p95 ms': s.p95,
        'p99 ms': s.p99,
        target: `p95 <= ${target} ms`,
        met: s.p95 <= target ? 'yes' : 'NO',
      })
      log(`  ${measure}: median ${s.median} ms, p95 ${s.p95} ms, p99 ${s.p99} ms`)
    }
    const sorts: RoleSort[] = ['newest', 'fee', 'salary', 'fewest_submissions']
    const functions = ['engineering', 'product', 'data', 'sales', 'marketing']
    const base = (sort: RoleSort, extra: Partial<MarketplaceQuery> = {}): MarketplaceQuery => ({
      sort,
      status: ['open'],
      limit: 24,
      ...extra,
    })
    for (const sort of sorts) {
      await time(`recruiter, open roles, sort=${sort}, first page + total`, 100, () =>
        as(recruiter, (tx) => searchMarketplace(tx, recruiter, base(sort))),
      )
    }
    for (const sort of sorts) {
      await time(`recruiter, sort=${sort}, third page (keyset) + total`, 100, async () => {
        let cursor: string | undefined
        for (let p = 0; p < 3; p++) {
          const page = await as(recruiter, (tx) =>
            searchMarketplace(tx, recruiter, base(sort, cursor ? { startingAfter: cursor } : {})),
          )
          cursor = page.next_cursor ?? undefined
        }
      })
    }
    for (const sort of sorts) {
      await time(`recruiter, function + work mode filter, sort=${sort} + total`, 100, (i) =>
        as(recruiter, (tx) =>
          searchMarketplace(
            tx,
            recruiter,
            base(sort, { function: functions[i % functions.length], work_mode: 'remote' }),
          ),
        ),
      )
    }
    await time('recruiter, q=engineer, sort=fee + total', 100, () =>
      as(recruiter, (tx) => searchMarketplace(tx, recruiter, base('fee', { q: 'engineer' }))),
    )
    await time('recruiter, USD salary ≥ $150k, sort=salary + total', 100, () =>
      as(recruiter, (tx) =>
        searchMarketplace(tx, recruiter, base('salary', { salary_currency: 'USD', salary_min: 15_000_000n })),
      ),
    )
    await time('platform admin, every status, sort=fee + total', 100, () =>
      as(admin, (tx) => searchMarketplace(tx, admin, { sort: 'fee', limit: 24 })),
    )
    const companies = (
      await database.pool.query<{ id: string }>('select id from ats.companies order by id limit 50')
    ).rows
    await time('company profile (open roles + counts)', 100, (i) =>
      as(recruiter, (tx) => companyProfile(tx, recruiter, companies[i % companies.length]!.id)),
    )
    const openRoles = (
      await database.pool.query<{ id: string }>(
        `select id from ats.roles where status = 'open' order by random() limit 300`,
      )
    ).rows
    await time('saved-search matching of one opened role (10,000 searches)', 100, (i) =>
      inTransaction(ctx.db, systemActor('bench'), async (tx) => {
        await recordMatches(tx as unknown as RecruitingTx, openRoles[i % openRoles.length]!.id, new Date())
        throw new Rollback()
      }).catch((e) => {
        if (!(e instanceof Rollback)) throw e
      }),
    )
    console.table(rows)
  } finally {
    await database.close()
    await server.stop()
  }
}

/** 500 companies, 2,000 recruiters, 100,000 roles, 200,000 candidates and applications, 10,000 saved searches. */
async function generate(
  client: import('pg').PoolClient,
  benchRecruiterUserId: string,
  log: (l: string) => void,
) {
  const step = async (label: string, text: string) => {
    const t = performance.now()
    await client.query(text)
    log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
  await client.query(`select setseed(0.42), set_config('app.actor_kind', 'system', false)`)
  await step(
    '500 companies',
    `with o as (
      insert into identity.organizations (kind, marketplace, name, slug)
      select 'company', 'splits', 'Bench Company ' || g, 'bench-company-' || g from generate_series(1, 500) g returning id, name)
    insert into ats.companies (organization_id, name, industry, description) select id, name, 'saas', 'A bench company.' from o`,
  )
  await step(
    '2,000 recruiters',
    `with u as (insert into identity.users (display_name)
      select 'Bench Recruiter ' || g from generate_series(1, 1999) g returning id)
    insert into network.recruiters (user_id) select id from u
    union all select '${benchRecruiterUserId}'::uuid on conflict (user_id) do nothing`,
  )
  await client.query(
    'create temp table comp as select id, row_number() over (order by id) as n from ats.companies',
  )
  await client.query(
    'create temp table rec as select id, row_number() over (order by id) as n from network.recruiters',
  )
  await step(
    '100,000 roles',
    `insert into ats.roles (company_id, title, description, function, industry, seniority, location, country,
      work_mode, salary_min, salary_max, salary_currency, fee_rate_bps, status, visibility, created_at, opened_at)
    select comp.id, (array['Software Engineer','Product Manager','Data Scientist','Account Executive','Designer'])[1 + g % 5] || ' ' || g,
           'Bench role.', (array['engineering','product','data','sales','marketing'])[1 + g % 5], 'saas',
           (array['junior','mid','senior','lead'])[1 + g % 4], (array['New York, NY','London, UK','Tel Aviv, Israel','Remote (US)'])[1 + g % 4],
           (array['US','GB','IL','US'])[1 + g % 4], (array['onsite','hybrid','remote'])[1 + g % 3],
           smin, smin + 3000000, (array['USD','GBP','ILS','USD'])[1 + g % 4],
           (array[1500, 2000, 2000, 2500])[1 + g % 4],
           case when random() < 0.7 then 'open' when random() < 0.5 then 'paused' else 'closed' end,
           case when g % 10 = 0 then 'assigned' else 'all' end,
           now() - random() * interval '730 days', now()
      from (select g, (40000 + floor(random() * 160000))::bigint * 100 as smin from generate_series(1, 100000) g) x
      join comp on comp.n = 1 + g % 500`,
  )
  await step(
    '200,000 candidates',
    `insert into ats.candidates (recruiter_id, full_name, consent_given_at, consent_method)
    select rec.id, 'Candidate ' || g, now(), 'email' from generate_series(1, 200000) g join rec on rec.n = 1 + g % 2000`,
  )
  await step(
    '200,000 applications (submission counts by trigger)',
    `
    create temp table sub as
      select c.id as candidate_id, c.recruiter_id, r.id as role_id, r.company_id
        from (select id, recruiter_id, row_number() over () as n from ats.candidates) c
        join (select id, company_id, row_number() over () as n from ats.roles where status <> 'draft') r
          on r.n = 1 + (c.n * 7919) % (select count(*) from ats.roles where status <> 'draft');
    insert into ats.representations (candidate_id, recruiter_id, company_id, starts_at, expires_at, ownership)
      select candidate_id, recruiter_id, company_id, now(), now() + interval '12 months', 'verified' from sub;
    insert into ats.applications (role_id, company_id, candidate_id, recruiter_id, representation_id, stage, submitted_at, stage_changed_at)
      select s.role_id, s.company_id, s.candidate_id, s.recruiter_id, rp.id, 'submitted', now(), now()
        from sub s join ats.representations rp on rp.candidate_id = s.candidate_id and rp.company_id = s.company_id`,
  )
  await step(
    '10,000 saved searches (5 per recruiter)',
    `insert into network.saved_searches (recruiter_id, name, filters, alert_frequency)
    select rec.id, 'Search ' || k, jsonb_build_object('function', (array['engineering','product','data','sales','marketing'])[1 + (rec.n + k) % 5],
             'work_mode', (array['onsite','hybrid','remote'])[1 + k % 3]) || case when k = 4 then jsonb_build_object('q', 'engineer') else '{}' end,
           (array['instant','daily','off'])[1 + k % 3]
      from rec cross join generate_series(0, 4) k`,
  )
  await step('vacuum analyze', 'vacuum analyze')
}

class Rollback extends Error {}

if (import.meta.main) await main()
