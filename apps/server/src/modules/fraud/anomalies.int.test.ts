import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeRecruiter, type World } from '../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { createLogger } from '../../kernel/logger.ts'
import { placementDetectorsConsumer, resetNetworkCache, submissionDetectorsConsumer } from './consumers.ts'

/**
 * The two detectors fraud.int.test.ts does not plant: velocity (a recruiter far above their own
 * 30-day history and the network, through the batched path and one event at a time) and fee /
 * split anomalies (placements). Events go straight to the consumers' job handlers with chosen
 * times, as the job runner hands them over; clean data stays quiet; a redelivered event raises
 * nothing twice.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-03-20T12:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
const log = createLogger({ level: 'silent', pretty: false })
const run = { id: 'test', name: 'test', retryCount: 0, signal: new AbortController().signal, log }

type Wire = {
  event_id: string
  event: string
  timestamp: string
  aggregate: { type: string; id: string }
  request_id: null
  data: Record<string, unknown>
}
const HOUR = 3_600_000
const DAY = 24 * HOUR

function submitted(recruiterId: string, at: number): Wire {
  const applicationId = randomUUID()
  return {
    event_id: randomUUID(),
    event: 'application.submitted',
    timestamp: new Date(at).toISOString(),
    aggregate: { type: 'application', id: applicationId },
    request_id: null,
    data: {
      application_id: applicationId,
      role_id: randomUUID(),
      role_title: 'Engineer',
      company_id: randomUUID(),
      candidate_id: randomUUID(),
      recruiter_id: recruiterId,
      submitted_by: randomUUID(),
    },
  }
}

/** Through the batched path, in batches of the consumer's size, oldest first. */
async function deliverBatched(wires: readonly Wire[]): Promise<unknown[]> {
  const job = submissionDetectorsConsumer.job
  const sorted = [...wires].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
  const out: unknown[] = []
  for (let i = 0; i < sorted.length; i += job.batchSize ?? 1) {
    const batch = sorted.slice(i, i + (job.batchSize ?? 1))
    out.push(
      ...(await job.batchHandler!(
        batch.map((payload) => ({ payload, run })),
        app.ctx,
      )),
    )
  }
  return out
}

/** One event at a time (the per-event path: retries, a failed batch's fallback). */
async function deliverOneByOne(job: typeof submissionDetectorsConsumer.job, wires: readonly Wire[]) {
  const out: unknown[] = []
  for (const wire of [...wires].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp)))
    out.push(await job.handler(wire, app.ctx, run))
  return out
}

type SignalRow = {
  id: string
  type: string
  severity: string
  subject_recruiter_id: string | null
  explanation: string
  evidence: Record<string, unknown>
  entities: Record<string, string[]>
  status: string
}
async function signalsOf(type: string): Promise<SignalRow[]> {
  const { rows } = await database.current.pool.query<SignalRow>(
    'select id, type, severity, subject_recruiter_id, explanation, evidence, entities, status from fraud.fraud_signals where type = $1 order by detected_at, id',
    [type],
  )
  return rows
}
const count = async (sql: string, params: unknown[] = []) =>
  (await database.current.pool.query<{ n: number }>(sql, params)).rows[0]!.n

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  resetNetworkCache()
}, 120_000)
afterAll(async () => app?.stop())

/** A recruiter's usual month: `perDay(d)` submissions on each of the 30 days before `end`'s day, spread over working hours. */
function history(recruiterId: string, end: number, perDay: (d: number) => number): Wire[] {
  const out: Wire[] = []
  for (let d = 1; d <= 30; d++) {
    const n = perDay(d)
    for (let k = 0; k < n; k++) out.push(submitted(recruiterId, end - d * DAY - 9 * HOUR + k * 47 * 60_000))
  }
  return out
}

describe('velocity', () => {
  let firstVerdict: Record<string, unknown> | undefined

  it('a recruiter far above their own month and the network is flagged once, with the numbers; busy but usual recruiters stay quiet', async () => {
    const burst = await makeRecruiter(w)
    const busy = await makeRecruiter(w)
    const T = Date.parse('2026-03-10T18:00:00Z')
    const wires: Wire[] = [
      // their own month: 2–4 a day; busy: 8–10 a day
      ...history(burst.recruiterId, T, (d) => 2 + (d % 3)),
      ...history(busy.recruiterId, T, (d) => 8 + (d % 3)),
      // the network's last 24 hours: eight recruiters with 3–6 each
      ...Array.from({ length: 8 }, (_, r) => {
        const id = randomUUID()
        return Array.from({ length: 3 + (r % 4) }, (_, k) =>
          submitted(id, T - 20 * HOUR + k * 2 * HOUR + r * 60_000),
        )
      }).flat(),
      // busy's day: 12, over eight hours (below the 25-a-day floor, at their own pace)
      ...Array.from({ length: 12 }, (_, k) => submitted(busy.recruiterId, T - 8 * HOUR + k * 40 * 60_000)),
    ]
    // the burst: 40 in about three hours, at irregular gaps (a person in a hurry, not a bot)
    let t = T - 3 * HOUR
    const burstWires: Wire[] = []
    for (let k = 0; k < 40; k++) {
      burstWires.push(submitted(burst.recruiterId, t))
      t += (60 + ((k * 97) % 400)) * 1000
    }
    const outputs = await deliverBatched([...wires, ...burstWires])
    expect(outputs.every((o) => (o as { checked?: boolean }).checked)).toBe(true)

    const velocity = await signalsOf('velocity')
    expect(velocity).toHaveLength(1)
    const sig = velocity[0]!
    expect(sig.subject_recruiter_id).toBe(burst.recruiterId)
    expect(sig.status).toBe('active')
    // raised by the 12th submission within an hour (12 an hour against a usual 3 a day; the day
    // itself is still under the 25 floor): the first event that crosses
    expect(sig.evidence).toMatchObject({ last_hour: 12, last_day: 12, own_daily_median: 3 })
    expect(Number(sig.evidence.z_hour)).toBeGreaterThanOrEqual(5)
    expect(Number(sig.evidence.z_network)).toBeGreaterThanOrEqual(2.5)
    expect(sig.explanation).toMatch(
      /^12 submissions in 24 hours \(12 in the last hour\) against a usual 3 a day for this recruiter \(robust z [\d.]+\) and a network median of [\d.]+ \(robust z [\d.]+\)\.$/,
    )
    firstVerdict = sig.evidence
    expect(sig.entities.recruiter_ids).toEqual([burst.recruiterId])
    // nothing else about anyone: the busy recruiter, the network, no bot pattern in the burst
    expect(await count('select count(*)::int as n from fraud.fraud_signals')).toBe(1)
    // on the decision log, once
    expect(
      await count(
        `select count(*)::int as n from intelligence.decision_audit_log where source = 'fraud' and kind = 'flag' and subject_id = $1`,
        [burst.recruiterId],
      ),
    ).toBe(1)

    // redelivered (every event again): nothing recorded or raised twice
    const actions = await count('select count(*)::int as n from fraud.recruiter_actions')
    const again = await deliverBatched([...wires, ...burstWires])
    expect(again.every((o) => (o as { skipped?: string }).skipped === 'already processed')).toBe(true)
    expect(await count('select count(*)::int as n from fraud.recruiter_actions')).toBe(actions)
    expect(await count('select count(*)::int as n from fraud.fraud_signals')).toBe(1)
  }, 120_000)

  it('one event at a time reaches the same verdict as the batch', async () => {
    const burst = await makeRecruiter(w)
    // a day well after the first test's, so neither sees the other
    const T = Date.parse('2026-03-18T18:00:00Z')
    const wires = history(burst.recruiterId, T, (d) => 2 + (d % 3))
    const network = Array.from({ length: 8 }, (_, r) => {
      const id = randomUUID()
      return Array.from({ length: 3 + (r % 4) }, (_, k) =>
        submitted(id, T - 20 * HOUR + k * 2 * HOUR + r * 60_000),
      )
    }).flat()
    let t = T - 3 * HOUR
    for (let k = 0; k < 40; k++) {
      wires.push(submitted(burst.recruiterId, t))
      t += (60 + ((k * 97) % 400)) * 1000
    }
    await deliverOneByOne(submissionDetectorsConsumer.job, [...network, ...wires])
    const mine = (await signalsOf('velocity')).filter((s) => s.subject_recruiter_id === burst.recruiterId)
    expect(mine).toHaveLength(1)
    // the recruiter's own figures are the batch's (the network differs: no busy recruiter here)
    const own = ['last_hour', 'last_day', 'own_daily_median', 'own_daily_mad', 'z_own', 'z_hour']
    const pickOwn = (e: Record<string, unknown>) => Object.fromEntries(own.map((k) => [k, e[k]]))
    expect(pickOwn(mine[0]!.evidence)).toEqual(pickOwn(firstVerdict!))
  }, 120_000)
})

// ------------------------------------------------------------------------------ fees and splits

function placement(
  companyId: string,
  feeBps: number,
  splits: { recruiter_id: string; share_bps: number }[],
  at: number,
  placementId = randomUUID(),
): Wire {
  return {
    event_id: randomUUID(),
    event: 'placement.created',
    timestamp: new Date(at).toISOString(),
    aggregate: { type: 'placement', id: placementId },
    request_id: null,
    data: {
      placement_id: placementId,
      application_id: randomUUID(),
      role_id: randomUUID(),
      company_id: companyId,
      candidate_id: randomUUID(),
      base_salary: { amount: '15000000', currency: 'USD' },
      start_date: '2026-04-01',
      guarantee_ends_on: '2026-06-30',
      fee_rate_bps: feeBps,
      fee_rule_version: 'test',
      splits: splits.map((s) => ({ fee_role: 'sourcer', ...s })),
    },
  }
}

describe('fees and splits', () => {
  it('a fee far from the company norm (or, for a new company, the network) is flagged once, with the numbers; usual fees stay quiet', async () => {
    const lead = await makeRecruiter(w)
    const job = placementDetectorsConsumer.job
    const whole = [{ recruiter_id: lead.recruiterId, share_bps: 10_000 }]
    const acme = randomUUID()
    const t0 = Date.parse('2026-03-01T10:00:00Z')
    // the company's usual placements: about 20 %
    const usual = [2000, 2100, 1900, 2000, 2050].map((fee, i) => placement(acme, fee, whole, t0 + i * DAY))
    // another company's, for the network
    const other = randomUUID()
    const network = [1800, 2200, 2000, 1900].map((fee, i) =>
      placement(other, fee, whole, t0 + i * DAY + HOUR),
    )
    await deliverOneByOne(job, [...usual, ...network])
    expect(await signalsOf('fee_anomaly')).toEqual([])

    const normal = placement(acme, 2150, whole, t0 + 6 * DAY)
    const high = placement(acme, 4500, whole, t0 + 7 * DAY)
    // a company with one earlier placement is judged against the network
    const newcomer = randomUUID()
    const first = placement(newcomer, 2000, whole, t0 + 6 * DAY)
    const low = placement(newcomer, 400, whole, t0 + 8 * DAY)
    await deliverOneByOne(job, [normal, high, first, low])

    const fees = await signalsOf('fee_anomaly')
    expect(fees).toHaveLength(2)
    const [company, net] = [
      fees.find((s) => s.evidence.fee_rate_bps === 4500)!,
      fees.find((s) => s.evidence.fee_rate_bps === 400)!,
    ]
    expect(company.explanation).toMatch(
      /^A fee of 45% against a company norm of 20.25% \(robust z 24.75, 6 placements\)\.$/,
    )
    expect(company).toMatchObject({ severity: 'high', subject_recruiter_id: lead.recruiterId })
    expect(company.evidence).toMatchObject({ norm: 'company', norm_median_bps: 2025, norm_size: 6 })
    expect(company.entities.placement_ids).toEqual([high.data.placement_id])
    expect(net.evidence).toMatchObject({ norm: 'network' })
    expect(net.explanation).toContain('network norm')

    // redelivered, and the same placement announced again under a new event: still one each
    expect(await job.handler(high, app.ctx, run)).toEqual({ skipped: 'already processed' })
    await job.handler({ ...high, event_id: randomUUID() }, app.ctx, run)
    expect(await signalsOf('fee_anomaly')).toHaveLength(2)
    expect(await signalsOf('split_anomaly')).toEqual([])
  }, 120_000)

  it('splits that do not add up, a recruiter twice, a share under 1 % are flagged with what is wrong; a clean split stays quiet', async () => {
    const [a, b] = [await makeRecruiter(w), await makeRecruiter(w)]
    const job = placementDetectorsConsumer.job
    const company = randomUUID()
    const t0 = Date.parse('2026-03-12T10:00:00Z')
    const clean = placement(
      company,
      2000,
      [
        { recruiter_id: a.recruiterId, share_bps: 7000 },
        { recruiter_id: b.recruiterId, share_bps: 3000 },
      ],
      t0,
    )
    const short = placement(
      company,
      2000,
      [
        { recruiter_id: a.recruiterId, share_bps: 6000 },
        { recruiter_id: b.recruiterId, share_bps: 3000 },
      ],
      t0 + HOUR,
    )
    const proposed = (splits: { recruiter_id: string; share_bps: number }[], at: number): Wire => {
      const placementId = clean.data.placement_id as string
      return {
        event_id: randomUUID(),
        event: 'placement.splits_proposed',
        timestamp: new Date(at).toISOString(),
        aggregate: { type: 'placement', id: placementId },
        request_id: null,
        data: {
          placement_id: placementId,
          company_id: company,
          proposed_by: randomUUID(),
          splits: splits.map((s) => ({ fee_role: 'sourcer', ...s })),
          previous_recruiter_ids: [a.recruiterId, b.recruiterId],
        },
      }
    }
    const twice = proposed(
      [
        { recruiter_id: a.recruiterId, share_bps: 5000 },
        { recruiter_id: a.recruiterId, share_bps: 5000 },
      ],
      t0 + 2 * HOUR,
    )
    const tiny = proposed(
      [
        { recruiter_id: a.recruiterId, share_bps: 9950 },
        { recruiter_id: b.recruiterId, share_bps: 50 },
      ],
      t0 + 3 * HOUR,
    )
    const fine = proposed(
      [
        { recruiter_id: a.recruiterId, share_bps: 5000 },
        { recruiter_id: b.recruiterId, share_bps: 5000 },
      ],
      t0 + 4 * HOUR,
    )
    const before = (await signalsOf('split_anomaly')).length
    await deliverOneByOne(job, [clean, short, twice, tiny, fine])
    const splits = (await signalsOf('split_anomaly')).slice(before)
    expect(splits.map((s) => [s.severity, s.explanation])).toEqual([
      ['critical', 'Unusual split: the shares add up to 90%, not 100%.'],
      ['high', 'Unusual split: 1 recruiter(s) listed twice.'],
      ['low', 'Unusual split: 1 share(s) under 1%.'],
    ])
    // the lead recruiter (largest share) is the subject; every recruiter is named
    expect(splits[0]!.subject_recruiter_id).toBe(a.recruiterId)
    expect([...splits[0]!.entities.recruiter_ids!].sort()).toEqual([a.recruiterId, b.recruiterId].sort())
    expect(splits[0]!.evidence).toMatchObject({ total_bps: 9000 })

    // redelivered: nothing twice
    for (const wire of [short, twice, tiny])
      expect(await job.handler(wire, app.ctx, run)).toEqual({ skipped: 'already processed' })
    expect((await signalsOf('split_anomaly')).length - before).toBe(3)
  }, 120_000)
})
