/**
 * The persona homes (issue 13 §4): `GET /api/me/home` over HTTP on the real server, signed in, for a
 * recruiter (Rachel), a company admin (Dana, Acme Robotics) and a platform admin, with the
 * marketplace scaled to 100,000 roles and 1,000,000 applications. Target: each home p95 <= 100 ms.
 *
 * The data is generated in SQL (set-based, `generate_series`), not by the seed generator: 1,000
 * companies, 2,000 recruiters, 100,000 roles, 100,000 candidates submitted to ten companies each
 * (1,000,000 representations and applications, spread over two years; each application's last stage
 * move up to 40 days later, never after the load), 5% hired: about 50,000
 * placements, each with its split, its fee statement and an invoice (paid when older than 60 days).
 * Rachel has the 1-in-2,000 recruiter's share (about 500 applications); Acme one company's (about
 * 100 roles, 1,000 applications).
 * `node bench/homes.ts [--runs 100] [--roles 100000] [--applications 1000000] [--profile] [--keep <dir>]`
 *
 * `--keep <dir>` keeps the PostgreSQL cluster in `<dir>` (outside the repository, e.g. /tmp/homes-bench):
 * the first run loads it; later runs start it again, apply any new migration to the loaded data (a
 * migration's backfill is measured on a million rows that way) and skip the ~5 minute load.
 */
import { sql } from 'kysely'
import { withDatabaseName } from '../apps/server/src/kernel/db/database.ts'
import { startEmbeddedPostgres } from '../apps/server/src/kernel/db/embedded-postgres.ts'
import { migrate } from '../apps/server/src/kernel/db/migrate.ts'
import { inTransaction } from '../apps/server/src/kernel/db/transaction.ts'
import {
  companySpendFacts,
  platformTakingsFacts,
  recruiterEarningsFacts,
} from '../apps/server/src/modules/billing/index.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { homeWindow } from '../apps/server/src/modules/insights/period.ts'
import {
  companyHomeFacts,
  marketplaceHomeFacts,
  recruiterHomeFacts,
  rolesMatchingRecruiter,
} from '../apps/server/src/modules/recruiting/index.ts'
import { apiClient } from '../packages/testing/src/api-client.ts'
import { addAcmeCompany } from '../packages/testing/src/fixtures.ts'
import {
  adminQuery,
  createMigratedDatabase,
  freePort,
  startThrowawayPostgres,
} from '../packages/testing/src/postgres.ts'
import { sessionFor } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = arg('runs', 100)
const KEEP = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined
const ROLES = arg('roles', 100_000)
const APPLICATIONS = arg('applications', 1_000_000)
const PER_CANDIDATE = 10
const CANDIDATES = APPLICATIONS / PER_CANDIDATE
const COMPANIES = 1_000
const RECRUITERS = 2_000

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return { p50: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), p99: +at(0.99).toFixed(1) }
}

export async function generate(db: import('kysely').Kysely<unknown>, rachelUserId: string, acmeId: string) {
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t = performance.now()
    await query.execute(db)
    console.log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
  await sql`set maintenance_work_mem = '512MB'`.execute(db)
  await sql`select setseed(0.13)`.execute(db)
  // the rows are consistent by construction: skip the foreign-key and trigger checks of a bulk load
  // (superuser, throwaway database), or the million representations take minutes
  await sql`set session_replication_role = replica`.execute(db)
  await step(
    `${COMPANIES} companies`,
    sql`with o as (
          insert into identity.organizations (kind, marketplace, name, slug)
          select 'company', 'splits', 'Bench Company ' || g, 'bench-company-' || g from generate_series(2, ${COMPANIES}) g
          returning id, name)
        insert into ats.companies (organization_id, name, payment_terms) select id, name, 'net_30' from o`,
  )
  await step(
    `${RECRUITERS} recruiters`,
    sql`with u as (insert into identity.users (display_name) select 'Bench Recruiter ' || g from generate_series(2, ${RECRUITERS}) g returning id)
        insert into network.recruiters (user_id) select id from u`,
  )
  await sql`create temp table comp as
              select id, row_number() over (order by (id = ${acmeId}::uuid) desc, id) - 1 as n from ats.companies`.execute(
    db,
  )
  await sql`create temp table rec as
              select r.id, row_number() over (order by (r.user_id = ${rachelUserId}::uuid) desc, r.id) - 1 as n
                from network.recruiters r`.execute(db)
  await step(
    `${ROLES.toLocaleString('en')} roles`,
    sql`insert into ats.roles (company_id, title, function, industry, seniority, location, country, salary_min, salary_max,
                               salary_currency, status, visibility, created_at, updated_at, opened_at)
        select comp.id, 'Bench Role ' || g,
               (array['engineering','product','design','data','sales','marketing','operations','finance','people','legal','customer_success'])[1 + g % 11],
               (array['fintech','healthcare','saas','ecommerce','ai','logistics'])[1 + g % 6],
               (array['junior','mid','senior','lead','executive'])[1 + g % 5], 'Boston, MA', 'US',
               (80000 + g % 120000)::bigint * 100, (110000 + g % 120000)::bigint * 100, 'USD',
               case when (g / ${COMPANIES}) % 10 < 6 then 'open' when (g / ${COMPANIES}) % 10 < 7 then 'paused'
                    when (g / ${COMPANIES}) % 10 < 8 then 'draft' else 'filled' end,
               'all', ts, ts, ts + interval '1 hour'
          from (select g, now() - random() * interval '760 days' as ts from generate_series(0, ${ROLES - 1}) g) x
          join comp on comp.n = x.g % ${COMPANIES}`,
  )
  await sql`create temp table rl as
              select r.id, r.company_id, comp.n as cn, row_number() over (partition by r.company_id order by r.id) - 1 as k,
                     r.salary_max, r.opened_at
                from ats.roles r join comp on comp.id = r.company_id where r.status <> 'draft'`.execute(db)
  await sql`create index on rl (cn, k)`.execute(db)
  await sql`create temp table rlcount as select cn, count(*) as c from rl group by cn`.execute(db)
  await sql`analyze rl`.execute(db)
  await step(
    `${CANDIDATES.toLocaleString('en')} candidates`,
    sql`insert into ats.candidates (recruiter_id, full_name, current_title, consent_given_at, consent_method, created_at, updated_at)
        select rec.id, 'Bench Candidate ' || g, 'Engineer', now() - interval '800 days', 'email',
               now() - interval '800 days', now() - interval '800 days'
          from generate_series(0, ${CANDIDATES - 1}) g join rec on rec.n = g % ${RECRUITERS}`,
  )
  await sql`create temp table cand as select id, recruiter_id, row_number() over (order by id) - 1 as n from ats.candidates`.execute(
    db,
  )
  // each candidate to ten different companies: one representation and one application each
  await step(
    `${APPLICATIONS.toLocaleString('en')} submissions (plan)`,
    sql`create temp table sub as
          select c.id as candidate_id, c.recruiter_id, rl.id as role_id, rl.company_id, rl.salary_max,
                 greatest(rl.opened_at, now() - interval '730 days') + random() * (now() - greatest(rl.opened_at, now() - interval '730 days')) as at,
                 random() as fate
            from cand c cross join generate_series(0, ${PER_CANDIDATE - 1}) j(kk)
            join rlcount rc on rc.cn = (c.n * 7 + j.kk * 101) % ${COMPANIES}
            join rl on rl.cn = rc.cn and rl.k = (c.n * 31 + j.kk) % rc.c`,
  )
  // the secondary indexes of the two big tables are built after the load (their own definitions)
  const indexes = (
    await sql<{ indexname: string; indexdef: string; schemaname: string }>`
      select schemaname, indexname, indexdef from pg_indexes
       where schemaname = 'ats' and tablename in ('applications', 'representations')
         and indexname not in (select conname from pg_constraint)`.execute(db)
  ).rows
  for (const i of indexes) await sql.raw(`drop index ${i.schemaname}.${i.indexname}`).execute(db)
  await step(
    'representations',
    sql`alter table sub add column rep uuid default platform.uuid_v7();
        insert into ats.representations (id, candidate_id, recruiter_id, company_id, starts_at, expires_at, ownership)
        select rep, candidate_id, recruiter_id, company_id, at, at + interval '12 months', 'verified' from sub`,
  )
  await step(
    'applications',
    sql`insert into ats.applications (role_id, company_id, candidate_id, recruiter_id, representation_id, stage, closed_reason,
                                      submitted_at, stage_changed_at, updated_at)
        select role_id, company_id, candidate_id, recruiter_id, rep,
               case when fate < 0.15 then 'submitted' when fate < 0.30 then 'screening' when fate < 0.40 then 'interview'
                    when fate < 0.45 then 'offer' when fate < 0.50 then 'hired' when fate < 0.90 then 'rejected' else 'withdrawn' end,
               case when fate >= 0.50 and fate < 0.90 then 'Not a fit' end, at,
               at + least((fate * 40) * interval '1 day', (now() - at) * fate), at + least((fate * 40) * interval '1 day', (now() - at) * fate)
          from sub`,
  )
  for (const i of indexes) await step(`index ${i.indexname}`, sql.raw(i.indexdef))
  await step(
    'placements, splits',
    sql`insert into ats.placements (application_id, role_id, company_id, candidate_id, base_salary, currency, start_date,
                                    guarantee_days, guarantee_ends_on, fee_rate_bps, fee_rule_version, payment_terms,
                                    split_status, created_at, updated_at)
        select a.id, a.role_id, a.company_id, a.candidate_id, r.salary_max, 'USD', a.stage_changed_at::date + 30, 90,
               a.stage_changed_at::date + 120, 2000, 'bench', 'net_30', 'agreed', a.stage_changed_at, a.stage_changed_at
          from ats.applications a join ats.roles r on r.id = a.role_id where a.stage = 'hired';
        insert into ats.placement_splits (placement_id, fee_role, recruiter_id, share_bps, agreed_at)
        select p.id, 'candidate_recruiter', a.recruiter_id, 10000, p.created_at
          from ats.placements p join ats.applications a on a.id = p.application_id`,
  )
  await step(
    'fee statements, invoices',
    sql`insert into billing.fee_statements (placement_id, version, rule_version, currency, fee, statement, reason, created_at)
        select p.id, 1, 'bench', 'USD', p.base_salary / 5,
               jsonb_build_object('lines', jsonb_build_array(
                 jsonb_build_object('party_type', 'platform', 'party_id', null, 'amount', (p.base_salary / 5 * 3 / 10)::text),
                 jsonb_build_object('party_type', 'recruiter', 'party_id', s.recruiter_id, 'amount', (p.base_salary / 5 - p.base_salary / 5 * 3 / 10)::text))),
               'placement_created', p.created_at
          from ats.placements p join ats.placement_splits s on s.placement_id = p.id;
        insert into billing.invoices (number, year, seq, company_id, currency, grouping, status, payment_terms, issued_on, due_on,
                                      total, amount_paid, created_at, updated_at)
        select 'SN-B-' || n, 2000, n, company_id, 'USD', 'per_placement',
               case when created_at < now() - interval '60 days' then 'paid' else 'open' end, 'net_30',
               created_at::date, created_at::date + 30, fee,
               case when created_at < now() - interval '60 days' then fee else 0 end, created_at, created_at
          from (select p.company_id, p.created_at, p.base_salary / 5 as fee, row_number() over (order by p.id) as n
                  from ats.placements p) x`,
  )
  // the summaries the triggers keep (migration 0077), from the rows loaded without triggers; the
  // activity stab indexes built after their rows, as the migration does
  const stabs = (
    await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where schemaname = 'ats' and tablename = 'activity_days'
         and indexname not in (select conname from pg_constraint)`.execute(db)
  ).rows
  for (const i of stabs) await sql.raw(`drop index ats.${i.indexname}`).execute(db)
  await step(
    'home summaries',
    sql`select ats.rebuild_placement_days(), billing.rebuild_takings_days(), ats.rebuild_activity_days()`,
  )
  for (const i of stabs) await step(`index ${i.indexname}`, sql.raw(i.indexdef))
  await step('vacuum analyze', sql`vacuum analyze`)
}

export async function benchHomes(): Promise<Record<string, string | number>[]> {
  const { server, url, loaded } = KEEP ? await keptDatabase(KEEP) : await throwawayDatabase()
  const app = await startTestApp(url, { role: 'web' })
  const out: Record<string, string | number>[] = []
  try {
    if (!loaded) await demoPersonasSeed.run(app.ctx, () => {})
    const acmeId = loaded ? await acmeIdOf(app) : await addAcmeCompany(app.ctx)
    const who = {
      recruiter: await sessionFor(app.ctx, { email: 'rachel@recruiters.demo' }),
      'company admin': await sessionFor(app.ctx, { email: 'dana@acme.demo' }),
      'platform admin': await sessionFor(app.ctx, { email: 'admin@splits.demo' }),
    }
    // Rachel's profile is made on her first visit; her specialisations pick the matching roles
    await apiClient(app.baseUrl, who.recruiter).patch('/api/recruiters/me', {
      specializations: { function: ['engineering', 'data'], industry: ['ai'] },
    })
    if (!loaded) {
      console.log(
        `generating ${ROLES.toLocaleString('en')} roles and ${APPLICATIONS.toLocaleString('en')} applications…`,
      )
      const t = performance.now()
      const rachelUserId = await userIdOf(app, 'rachel@recruiters.demo')
      // one connection for the whole load: its temporary tables and settings are per session
      await app.ctx.db.connection().execute((conn) => generate(conn as never, rachelUserId, acmeId))
      console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`)
      if (KEEP) await sql`create table platform.bench_homes_loaded (at timestamptz)`.execute(app.ctx.db)
    }
    const counts = (
      await sql<{ roles: number; applications: number; placements: number }>`
        select (select count(*)::int from ats.roles) as roles, (select count(*)::int from ats.applications) as applications,
               (select count(*)::int from ats.placements) as placements`.execute(app.ctx.db)
    ).rows[0]!
    console.log(counts)
    if (process.argv.includes('--profile')) await profile(app, acmeId)
    for (const [persona, session] of Object.entries(who)) {
      for (const period of ['30d', '12m']) {
        const client = apiClient(app.baseUrl, session)
        const times: number[] = []
        let shape = ''
        for (let i = 0; i < RUNS + 20; i++) {
          const started = performance.now()
          const r = await client.get(`/api/me/home?period=${period}`)
          const ms = performance.now() - started
          if (r.status !== 200) throw new Error(`${persona}: ${r.status} ${JSON.stringify(r.body)}`)
          if (i >= 20) times.push(ms)
          if (i === 0) shape = describe(r.body)
        }
        const row = { persona, period, ...stats(times), target: 'p95 <= 100', what: shape }
        console.log(row)
        out.push(row)
      }
    }
  } finally {
    await app.stop()
    await server.stop()
  }
  return out
}

async function throwawayDatabase() {
  const server = await startThrowawayPostgres({ durability: 'fast' })
  return { server, url: await createMigratedDatabase(server.url, 'bench_homes'), loaded: false }
}

/**
 * `--keep <dir>`: the cluster lives in `<dir>/data` and survives the run. A database whose load
 * finished (the marker table) is migrated forward and reused; anything else is loaded from scratch.
 */
async function keptDatabase(dir: string) {
  const pg = await startEmbeddedPostgres({
    dataDir: `${dir}/data`,
    port: await freePort(),
    durability: 'fast',
  })
  const url = withDatabaseName(pg.url, 'bench_homes')
  const probe = new (await import('pg')).default.Client({ connectionString: url })
  const loaded = await probe.connect().then(
    async () => {
      const r = await probe.query(`select to_regclass('platform.bench_homes_loaded') is not null as loaded`)
      await probe.end()
      return r.rows[0].loaded as boolean
    },
    () => false,
  )
  if (loaded) {
    const t = performance.now()
    const m = await migrate(url)
    const applied = m.applied.map((f) => f.file).join(', ') || 'nothing new'
    console.log(
      `reusing the loaded database in ${dir}; migrated (${applied}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    )
    return { server: pg, url, loaded }
  }
  await adminQuery(pg.url, 'drop database if exists bench_homes')
  return { server: pg, url: await createMigratedDatabase(pg.url, 'bench_homes'), loaded }
}

async function acmeIdOf(app: Awaited<ReturnType<typeof startTestApp>>) {
  const r = await sql<{ id: string }>`
    select c.id from ats.companies c join identity.organizations o on o.id = c.organization_id
     where o.slug = 'acme-robotics'`.execute(app.ctx.db)
  return r.rows[0]!.id
}

/**
 * `--profile`: each service a home calls, timed on its own in the persona's actor transaction (as
 * the route runs it), to see where the time goes.
 */
async function profile(app: Awaited<ReturnType<typeof startTestApp>>, acmeId: string) {
  const w = homeWindow(new Date(), { period: '30d' })
  const rachel = await userIdOf(app, 'rachel@recruiters.demo')
  const dana = await userIdOf(app, 'dana@acme.demo')
  const admin = await userIdOf(app, 'admin@splits.demo')
  const recruiterId = (
    await sql<{ id: string }>`select id from network.recruiters where user_id = ${rachel}`.execute(app.ctx.db)
  ).rows[0]!.id
  const time = async (label: string, userId: string, role: string, fn: (tx: never) => Promise<unknown>) => {
    const ms: number[] = []
    for (let i = 0; i < 15; i++) {
      const t = performance.now()
      await inTransaction(app.ctx.db, { kind: 'user', userId, roles: [role as never] }, (tx) =>
        fn(tx as never),
      )
      if (i >= 3) ms.push(performance.now() - t)
    }
    console.log(`  ${label}: p50 ${stats(ms).p50} ms`)
  }
  const stale = { before: new Date(Date.now() - 14 * 86_400_000), limit: 5 }
  let ids: string[] = []
  await time('recruiterHomeFacts', rachel, 'recruiter', async (tx) => {
    ids = (await recruiterHomeFacts(tx, recruiterId, w, stale)).placementIds
  })
  await time('rolesMatchingRecruiter', rachel, 'recruiter', (tx) =>
    rolesMatchingRecruiter(tx, recruiterId, 5),
  )
  await time('recruiterEarningsFacts', rachel, 'recruiter', (tx) =>
    recruiterEarningsFacts(tx, recruiterId, ids, w),
  )
  await time('companyHomeFacts', dana, 'company_admin', (tx) => companyHomeFacts(tx, [acmeId], w))
  await time('companySpendFacts', dana, 'company_admin', (tx) => companySpendFacts(tx, [acmeId], w))
  await time('marketplaceHomeFacts', admin, 'platform_admin', (tx) => marketplaceHomeFacts(tx, w))
  await time('platformTakingsFacts', admin, 'platform_admin', (tx) => platformTakingsFacts(tx, w))
  await time('queueSummaries', admin, 'platform_admin', () => app.ctx.jobs.queueSummaries())
}

async function userIdOf(app: Awaited<ReturnType<typeof startTestApp>>, email: string) {
  const r = await sql<{
    user_id: string
  }>`select user_id from identity.user_contacts where email = ${email}`.execute(app.ctx.db)
  return r.rows[0]!.user_id
}

/** What the answer held, so the figures are of a real home (not an empty one). */
// biome-ignore lint/suspicious/noExplicitAny: a bench's summary of a JSON answer
function describe(b: any): string {
  if (b.admin)
    return `GMV ${b.admin.money[0]?.gmv.amount ?? 0}, ${b.admin.placements.current} placements, ${b.admin.active_recruiters.current} active recruiters`
  if (b.company)
    return `${b.company.roles.open} open roles, ${b.company.awaiting_review.count} awaiting, ${b.company.hires.current} hires`
  const r = b.recruiter
  return `${r.pipeline.reduce((s: number, p: { count: number }) => s + p.count, 0)} in pipeline, ${r.placements.current} placements, ${r.stale.count} quiet, ${r.matching_roles.roles.length} roles`
}

if (import.meta.main) console.table(await benchHomes())
