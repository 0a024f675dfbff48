/**
 * Explainable matching at scale: 100,000 role profiles (70% open) and 1,000,000 candidate profiles
 * with skills from the shipped taxonomy, loaded set-based in SQL into matching's own tables, then
 * the incremental paths as the outbox consumers run them (one transaction each, as the system):
 *   - a candidate changed: generate open roles through the GIN index on canonical skill ids, score
 *     them, keep the top 20 (written with their explanations);
 *   - reading a candidate's stored top 20;
 *   - a role edited (skills changed): re-score it against the candidates the index proposes.
 * Targets: top 20 roles for a candidate p95 ≤ 50 ms; re-scoring after a role edit ≤ 1 s.
 * `--runs n` (default 100 candidates, 20 roles).
 */
import { SKILLS } from '@app/skills'
import { sql } from 'kysely'
import { createAppContext } from '../apps/server/src/app.ts'
import { loadConfig } from '../apps/server/src/config/config.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import type { IntelligenceDatabase } from '../apps/server/src/modules/intelligence/database.ts'
import { rescoreCandidate, rescoreRole } from '../apps/server/src/modules/intelligence/rescore.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

const ROLES = 100_000
const CANDIDATES = 1_000_000
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = arg('--runs', 100)

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return { median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +s[s.length - 1]!.toFixed(1) }
}

export async function benchMatching(): Promise<Record<string, string | number>[]> {
  const log = (line: string) => console.log(line)
  const server = await startThrowawayPostgres()
  const url = await createMigratedDatabase(server.url, 'bench_matching')
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent' })
  const { ctx, database } = createAppContext(config, url, {
    log: createLogger({ level: 'silent', pretty: false }),
    modules: [],
    work: false,
    clock: new FixedClock(new Date()),
  })
  const rows: Record<string, string | number>[] = []
  const pool = database.pool
  try {
    const byFunction: Record<string, string[]> = {}
    for (const s of SKILLS) byFunction[s.function] = [...(byFunction[s.function] ?? []), s.id]
    const fns = Object.keys(byFunction).filter((f) => f !== 'general' && f !== 'languages')
    const general = [...(byFunction.general ?? []), ...(byFunction.languages ?? [])]
    const skillsJson = JSON.stringify(fns.map((f) => byFunction[f]))
    let t = performance.now()
    await pool.query(
      `insert into intelligence.role_profiles (role_id, company_id, company_org_id, title, function, seniority,
         country, location, work_mode, salary_min, salary_max, salary_currency, skill_ids, status, visibility)
       select platform.uuid_v7(), c, c, 'Role ' || g, fns[1 + g % cardinality(fns)],
              (array['junior','mid','senior','lead'])[1 + (g / 7) % 4],
              (array['IL','US','GB','DE'])[1 + (g / 3) % 4], (array['Tel Aviv','New York','London','Berlin'])[1 + (g / 3) % 4],
              (array['onsite','hybrid','remote'])[1 + g % 3],
              20000000 + (g % 50) * 500000, 30000000 + (g % 50) * 500000,
              (array['ILS','USD','GBP','EUR'])[1 + (g / 3) % 4],
              array(select distinct sk.s[1 + ((g * 7919 + k * 104729) % cardinality(sk.s))]
                      from generate_series(1, 5) k),
              case when g % 10 < 7 then 'open' else 'closed' end, 'all'
         from generate_series(1, $1::int) g
        cross join lateral (select ('{' || string_agg('"' || f || '"', ',') || '}')::text[] as fns
                              from jsonb_array_elements_text($3::jsonb) f) fl
        cross join lateral (select array(select jsonb_array_elements_text(($2::jsonb) -> (g % cardinality(fl.fns)))) as s) sk
        cross join lateral (select ('00000000-0000-7000-8000-' || lpad(to_hex(g % 500), 12, '0'))::uuid as c) co`,
      [ROLES, skillsJson, JSON.stringify(fns)],
    )
    log(`roles: ${ROLES.toLocaleString()} in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    t = performance.now()
    // candidates in batches (a 1M-row statement holds too much at once on a small machine)
    const BATCH = 200_000
    for (let from = 1; from <= CANDIDATES; from += BATCH) {
      await pool.query(
        `insert into intelligence.candidate_profiles (candidate_id, recruiter_id, recruiter_user_id, title, function,
           seniority, years_experience, country, location, skill_ids, salary_min, salary_currency)
         select platform.uuid_v7(), r, r, 'Person ' || g, fl.fns[1 + g % cardinality(fl.fns)],
                (array['junior','mid','senior','lead'])[1 + (g / 5) % 4], 1 + g % 15,
                (array['IL','US','GB','DE'])[1 + (g / 11) % 4], (array['Tel Aviv','New York','London','Berlin'])[1 + (g / 11) % 4],
                array(select distinct sk.s[1 + ((g::bigint * 6007 + k * 15485863) % cardinality(sk.s))::int] from generate_series(1, 3 + g % 5) k)
                  || ($4::text[])[1 + g % cardinality($4::text[])],
                case when g % 4 = 0 then null else 18000000 + (g % 60) * 500000 end,
                (array['ILS','USD','GBP','EUR'])[1 + (g / 11) % 4]
           from generate_series($1::int, $1::int + $5::int - 1) g
          cross join lateral (select ('{' || string_agg('"' || f || '"', ',') || '}')::text[] as fns
                                from jsonb_array_elements_text($3::jsonb) f) fl
          cross join lateral (select array(select jsonb_array_elements_text(($2::jsonb) -> (g % cardinality(fl.fns)))) as s) sk
          cross join lateral (select ('00000000-0000-7000-9000-' || lpad(to_hex(g % 2000), 12, '0'))::uuid as r) re`,
        [from, skillsJson, JSON.stringify(fns), general, Math.min(BATCH, CANDIDATES - from + 1)],
      )
      log(`candidates: ${(from + BATCH - 1).toLocaleString()}…`)
    }
    log(`candidates: ${CANDIDATES.toLocaleString()} in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    await pool.query('analyze intelligence.role_profiles; analyze intelligence.candidate_profiles')

    const sys = <T>(fn: (tx: import('kysely').Transaction<IntelligenceDatabase>) => Promise<T>) =>
      inTransaction<T, IntelligenceDatabase>(ctx.db, systemActor('bench'), fn)
    const opts = { threshold: 60, now: new Date() }
    const candIds = (
      await pool.query<{ candidate_id: string }>(
        `select candidate_id from intelligence.candidate_profiles tablesample system (1) limit $1`,
        [RUNS],
      )
    ).rows.map((r) => r.candidate_id)
    // warm up
    for (const id of candIds.slice(0, 5)) await sys((tx) => rescoreCandidate(tx, id, opts))
    const candTimes: number[] = []
    const scoredCounts: number[] = []
    for (const id of candIds) {
      const s = performance.now()
      const r = await sys((tx) => rescoreCandidate(tx, id, opts))
      candTimes.push(performance.now() - s)
      scoredCounts.push(r.scored)
    }
    rows.push({
      what: 'candidate changed: top 20 roles (generate, score, write)',
      runs: candTimes.length,
      ...stats(candTimes),
      'pairs scored (median)': stats(scoredCounts).median,
    })
    const readTimes: number[] = []
    for (const id of candIds) {
      const s = performance.now()
      await sys((tx) =>
        tx
          .selectFrom('intelligence.candidate_role_matches')
          .selectAll()
          .where('candidate_id', '=', id)
          .orderBy('score', 'desc')
          .limit(20)
          .execute(),
      )
      readTimes.push(performance.now() - s)
    }
    rows.push({ what: 'read a candidate’s stored top 20', runs: readTimes.length, ...stats(readTimes) })

    const roleIds = (
      await pool.query<{ role_id: string }>(
        `select role_id from intelligence.role_profiles tablesample system (2) where status = 'open' limit $1`,
        [Math.max(10, Math.round(RUNS / 5))],
      )
    ).rows.map((r) => r.role_id)
    const roleTimes: number[] = []
    const roleScored: number[] = []
    for (const id of roleIds) {
      const s = performance.now()
      const r = await sys(async (tx) => {
        // the edit: a skill swapped (as the consumer refreshes the profile from role.updated)
        await sql`update intelligence.role_profiles set skill_ids = skill_ids[2:] || skill_ids[1:1] where role_id = ${id}`.execute(
          tx,
        )
        return rescoreRole(tx, id, opts)
      })
      roleTimes.push(performance.now() - s)
      roleScored.push(r.scored)
    }
    rows.push({
      what: 'role edited: re-score it (generate, score, write)',
      runs: roleTimes.length,
      ...stats(roleTimes),
      'pairs scored (median)': stats(roleScored).median,
    })
    return rows
  } finally {
    await ctx.background.drain()
    await database.close()
    await server.stop()
  }
}

if (import.meta.main) console.table(await benchMatching())
