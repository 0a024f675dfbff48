/**
 * Fraud detection.
 * 1. Detection quality: a generated marketplace (clean behaviour drawn from plausible distributions,
 *    and planted fraud of each kind) through each detector's verdict; prints, per detector, the share
 *    of planted cases caught (detection rate) and of clean cases flagged (false-positive rate).
 *    Seeded random numbers: the same figures every run.
 * 2. Throughput: `application.submitted` events (real candidates and recruiters of the demo
 *    marketplace) through the submission consumer's batch handler, as the job runner calls it —
 *    the same transaction, dedupe, action log, duplicate-person lookup, velocity, timing and ring
 *    checks as in production — in batches of the consumer's size (`--batch`, 1 = the per-event
 *    handler), 2 batches at a time like the consumer's workers (`--concurrency`), `--events` of
 *    them (default 3000). Target ≥ 1,000 events/s. Latency is each event's wait: its whole batch.
 */
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createAppContext } from '../apps/server/src/app.ts'
import { loadConfig } from '../apps/server/src/config/config.ts'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import { submissionDetectorsConsumer } from '../apps/server/src/modules/fraud/consumers.ts'
import {
  automationVerdict,
  cycleThrough,
  duplicateVerdict,
  type Edge,
  feeVerdict,
  manipulationVerdict,
  splitVerdict,
  velocityVerdict,
} from '../apps/server/src/modules/fraud/detectors.ts'
import { demoPersonasSeed } from '../apps/server/src/modules/identity/seed.ts'
import { modules } from '../apps/server/src/modules/index.ts'
import { samePersonRecords } from '../apps/server/src/modules/recruiting/index.ts'
import { demoMarketplaceSeed } from '../apps/server/src/modules/recruiting/seed/demo-marketplace.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

// ---------------------------------------------------------------- seeded randomness
let seed = 20261202
const rnd = () => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32
  return seed / 2 ** 32
}
const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd())
const poisson = (l: number) => {
  let k = 0
  let p = 1
  const L = Math.exp(-l)
  do {
    k++
    p *= rnd()
  } while (p > L)
  return k - 1
}
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
const id = () => randomUUID()

interface Rate {
  detector: string
  planted: number
  caught: number
  clean: number
  flagged: number
}
const rate = (detector: string, planted: boolean[], clean: boolean[]): Rate => ({
  detector,
  planted: planted.length,
  caught: planted.filter(Boolean).length,
  clean: clean.length,
  flagged: clean.filter(Boolean).length,
})

function quality(): Rate[] {
  const N = 1000
  const out: Rate[] = []
  // velocity: own history Poisson(λ), λ per recruiter 0.5–12 a day; network of 300 such recruiters
  const network = Array.from({ length: 300 }, () => poisson(0.5 + rnd() * 11.5))
  const velocity = (burst: boolean) => {
    const l = 0.5 + rnd() * 11.5
    const own = Array.from({ length: 30 }, () => poisson(l))
    const day = burst ? Math.max(25, Math.round(l * (6 + rnd() * 10))) + poisson(10) : poisson(l)
    // a clean day spreads over ~8 working hours; a burst lands mostly in two
    const hour = burst ? Math.round(day * (0.3 + rnd() * 0.3)) : Math.min(day, poisson(day / 8 + 0.5))
    return velocityVerdict({ lastHour: hour, lastDay: day, ownDaily: own, networkDaily: network }) !== null
  }
  out.push(
    rate(
      'velocity',
      Array.from({ length: N }, () => velocity(true)),
      Array.from({ length: N }, () => velocity(false)),
    ),
  )

  // automation: people's gaps log-normal (median 30–180 s, σ 0.4–1.2); bots constant 3–60 s ± 0–4 %
  const t0 = Date.UTC(2026, 0, 1)
  const series = (gap: () => number, n: number) => {
    const ts = [new Date(t0)]
    for (let i = 1; i < n; i++) ts.push(new Date(ts.at(-1)!.getTime() + gap() * 1000))
    return ts
  }
  const human = () => {
    const median = 30 + rnd() * 150
    const sigma = 0.4 + rnd() * 0.8
    return (
      automationVerdict(series(() => median * Math.exp(sigma * normal()), 12 + Math.floor(rnd() * 9))) !==
      null
    )
  }
  const bot = () => {
    const c = 3 + rnd() * 57
    const j = rnd() * 0.04
    return automationVerdict(series(() => c * (1 + j * normal()), 12 + Math.floor(rnd() * 9))) !== null
  }
  out.push(rate('automated_behaviour', Array.from({ length: N }, bot), Array.from({ length: N }, human)))

  // rings: 300 recruiters, legitimate hand-overs are sparse and flow from senior (low index) to
  // junior networks with a little noise; planted rings of 3–5 added on top
  const R = Array.from({ length: 300 }, (_, i) => `r${i}`)
  const clean: Edge[] = []
  for (let k = 0; k < 450; k++) {
    const a = Math.floor(rnd() * 300)
    const b = Math.min(299, a + 1 + Math.floor(rnd() * 40))
    clean.push(rnd() < 0.02 ? { from: R[b]!, to: R[a]! } : { from: R[a]!, to: R[b]! })
  }
  const ringPlanted: boolean[] = []
  for (let k = 0; k < 200; k++) {
    const size = 3 + Math.floor(rnd() * 3)
    const members = Array.from({ length: size }, (_, i) => `ring${k}-${i}`)
    const edges = [...clean, ...members.map((m, i) => ({ from: m, to: members[(i + 1) % size]! }))]
    ringPlanted.push(cycleThrough(members[0]!, edges, 6) !== null)
  }
  const ringClean = R.map((r) => cycleThrough(r, clean, 6) !== null)
  out.push(rate('circular_sharing', ringPlanted, ringClean))

  // duplicates: the same person again at the same company (planted) vs at another company (clean)
  const dup = (sameCompany: boolean) => {
    const company = id()
    return (
      duplicateVerdict({
        recruiterId: 'r1',
        companyId: company,
        roleId: id(),
        others: [
          {
            candidate_id: id(),
            recruiter_id: pick(['r1', 'r2']),
            matched_on: [pick(['email', 'phone', 'name+title'])],
            applications: [{ application_id: id(), role_id: id(), company_id: sameCompany ? company : id() }],
          },
        ],
      }) !== null
    )
  }
  out.push(
    rate(
      'duplicate_submission',
      Array.from({ length: N }, () => dup(true)),
      Array.from({ length: N }, () => dup(false)),
    ),
  )

  // manipulation: identity edits 0–24 h after a refusal (planted) vs edits with no refusal, long
  // after one, or of other fields
  const now = new Date('2026-05-04T12:00:00Z')
  const manip = (planted: boolean) => {
    if (planted)
      return (
        manipulationVerdict(
          [pick(['email', 'phone', 'full_name'])],
          new Date(now.getTime() - rnd() * 24 * 3_600_000),
          now,
        ) !== null
      )
    const k = rnd()
    if (k < 0.4) return manipulationVerdict(['email'], null, now) !== null
    if (k < 0.7)
      return (
        manipulationVerdict(['phone'], new Date(now.getTime() - (49 + rnd() * 500) * 3_600_000), now) !== null
      )
    return (
      manipulationVerdict(['skills', 'current_title'], new Date(now.getTime() - rnd() * 3_600_000), now) !==
      null
    )
  }
  out.push(
    rate(
      'profile_manipulation',
      Array.from({ length: N }, () => manip(true)),
      Array.from({ length: N }, () => manip(false)),
    ),
  )

  // fees: a company's placements around its own rate (15–25 %, sd 1.5 points); planted 2–6 % or 35–50 %
  const fee = (planted: boolean) => {
    const base = 1500 + rnd() * 1000
    const history = Array.from({ length: 3 + Math.floor(rnd() * 20) }, () =>
      Math.round(base + normal() * 150),
    )
    const x = planted ? (rnd() < 0.5 ? 200 + rnd() * 400 : 3500 + rnd() * 1500) : base + normal() * 150
    return feeVerdict(Math.round(x), history, []) !== null
  }
  out.push(
    rate(
      'fee_anomaly',
      Array.from({ length: N }, () => fee(true)),
      Array.from({ length: N }, () => fee(false)),
    ),
  )

  // splits: 1–3 recruiters, shares in whole percent adding to 100 (clean) vs off by 1–30 % or a
  // recruiter twice (planted)
  const split = (planted: boolean) => {
    const n = 1 + Math.floor(rnd() * 3)
    const cuts = Array.from({ length: n - 1 }, () => 10 + Math.floor(rnd() * 80)).sort((a, b) => a - b)
    const shares = [...cuts, 100].map((c, i) => (c - (i ? cuts[i - 1]! : 0)) * 100).filter((s) => s > 0)
    const splits = shares.map((s) => ({ fee_role: 'sourcer', recruiter_id: id(), share_bps: s }))
    if (planted) {
      if (rnd() < 0.5) splits[0]!.share_bps += (1 + Math.floor(rnd() * 30)) * 100
      else {
        splits.push({ ...splits[0]!, share_bps: 100 })
        splits[0]!.share_bps -= 100
      }
    }
    return splitVerdict(splits) !== null
  }
  out.push(
    rate(
      'split_anomaly',
      Array.from({ length: N }, () => split(true)),
      Array.from({ length: N }, () => split(false)),
    ),
  )
  return out
}

async function throughput(events: number, concurrency: number, batch: number) {
  const server = await startThrowawayPostgres()
  const url = await createMigratedDatabase(server.url, 'bench_fraud')
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DEMO_MODE: 'true', LOG_LEVEL: 'silent' })
  const log = createLogger({ level: 'silent', pretty: false })
  const { ctx, database } = createAppContext(config, url, {
    log,
    modules,
    work: false,
    clock: new FixedClock('2026-06-01T08:00:00Z'),
  })
  for (const m of modules) await m.init?.(ctx)
  const admin = new pg.Pool({ connectionString: url, max: 2 })
  await ctx.jobs.start(ctx)
  try {
    await demoPersonasSeed.run(ctx, () => {})
    await demoMarketplaceSeed.run(ctx, () => {})
    const { rows } = await admin.query<{ id: string; recruiter_id: string }>(
      'select id::text, recruiter_id::text from ats.candidates',
    )
    const companies = (await admin.query<{ id: string }>('select id::text from ats.companies')).rows.map(
      (r) => r.id,
    )
    const job = submissionDetectorsConsumer.job
    const handler = job.handler as (wire: unknown, c: typeof ctx, run: unknown) => Promise<unknown>
    const run = { id: 'bench', name: job.name, retryCount: 0, signal: new AbortController().signal, log }
    // a batch as the job runner hands it over (batchHandler), or one event at a time (handler)
    const handle = (ws: readonly unknown[]) =>
      batch > 1 && job.batchHandler
        ? job.batchHandler(
            ws.map((payload) => ({ payload, run })),
            ctx,
          )
        : handler(ws[0], ctx, { log })
    const start = Date.parse('2026-06-01T08:00:00Z')
    const wires = Array.from({ length: events }, (_, i) => {
      const c = pick(rows)
      return {
        event_id: id(),
        event: 'application.submitted',
        // events spread over about an hour, as a busy hour of the network would
        timestamp: new Date(start + Math.floor((i / events) * 3_600_000)).toISOString(),
        aggregate: { type: 'application', id: id() },
        request_id: null,
        data: {
          application_id: id(),
          role_id: id(),
          role_title: 'Engineer',
          company_id: pick(companies),
          candidate_id: c.id,
          recruiter_id: c.recruiter_id,
          submitted_by: id(),
        },
      }
    })
    // warm up (plans, pools)
    const WARM = 50
    for (const w of wires.slice(0, WARM)) await handler(w, ctx, { log })
    const started = performance.now()
    let next = WARM
    const latencies: number[] = []
    const size = Math.max(1, batch)
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < wires.length) {
          const ws = wires.slice(next, next + size)
          next += ws.length
          const t = performance.now()
          await handle(ws)
          // every event of a batch waited for the whole batch
          const ms = performance.now() - t
          for (const _ of ws) latencies.push(ms)
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)
    const signals = await admin.query<{ type: string; n: number }>(
      'select type, count(*)::int as n from fraud.fraud_signals group by type order by type',
    )
    // the duplicate-person lookup alone (recruiting's service), for the profile
    const lookups: number[] = []
    for (const w of wires.slice(0, 300)) {
      const t = performance.now()
      await inTransaction(ctx.db, systemActor('bench'), (tx) => samePersonRecords(tx, w.data.candidate_id))
      lookups.push(performance.now() - t)
    }
    lookups.sort((a, b) => a - b)
    return {
      same_person_lookup_p50_ms: +lookups[150]!.toFixed(2),
      events: wires.length - 50,
      candidates: rows.length,
      batch: size,
      concurrency,
      seconds: +seconds.toFixed(2),
      events_per_s: Math.round((wires.length - 50) / seconds),
      latency_p50_ms: +latencies[Math.floor(latencies.length / 2)]!.toFixed(2),
      latency_p99_ms: +latencies[Math.floor(latencies.length * 0.99)]!.toFixed(2),
      signals_raised: signals.rows.map((r) => `${r.type}=${r.n}`).join(' ') || 'none',
    }
  } finally {
    await admin.end()
    await ctx.jobs.stop(1000)
    await ctx.background.drain()
    await database.close()
    await server.stop()
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '3000' },
      concurrency: { type: 'string', default: '2' },
      // the consumer's own batch size unless told otherwise
      batch: { type: 'string', default: String(submissionDetectorsConsumer.job.batchSize ?? 1) },
    },
  })
  console.log('Detection quality (generated marketplace, seeded):')
  console.table(
    quality().map((r) => ({
      detector: r.detector,
      planted: r.planted,
      detection_rate: `${((100 * r.caught) / r.planted).toFixed(1)} %`,
      clean: r.clean,
      false_positive_rate: `${((100 * r.flagged) / r.clean).toFixed(2)} %`,
    })),
  )
  console.log('Throughput (submission detectors, real transactions):')
  console.table([await throughput(Number(values.events), Number(values.concurrency), Number(values.batch))])
}

if (import.meta.main) await main()
