import { sql } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import { defineConsumer, type EnvelopeOf } from '../../kernel/outbox/events.ts'
import { type SamePersonRecord, samePersonRecordsMany } from '../recruiting/index.ts'
import type { FraudDatabase, FraudTx } from './database.ts'
import {
  automationVerdict,
  cycleThrough,
  DETECTOR_VERSION,
  duplicateVerdict,
  feeVerdict,
  MANIPULATION_WINDOW_HOURS,
  manipulationVerdict,
  ringVerdict,
  splitVerdict,
  velocityVerdict,
} from './detectors.ts'
import { enabled } from './flags.ts'
import { type NewSignal, raiseSignal } from './signals.ts'

const dayOf = (d: Date) => d.toISOString().slice(0, 10)

/**
 * The network's per-recruiter counts of the 24 hours before a moment, computed once per minute of
 * event time and kept (a few minutes, so two batches at different points of a backlog do not
 * evict each other's). `prefetchNetwork` fills every minute a batch needs in one statement.
 */
const networkCache = new Map<number, number[]>()
const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000)

async function networkOf(tx: FraudTx, times: readonly Date[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>()
  const missing = new Map<number, Date>()
  for (const t of times) {
    const m = minuteOf(t)
    const cached = networkCache.get(m)
    if (cached) out.set(m, cached)
    else if (!missing.has(m)) missing.set(m, t)
  }
  if (missing.size === 0) return out
  const moments = [...missing.values()]
  const rows = await sql<{ at: Date; counts: number[] }>`
    select m.at, coalesce((select array_agg(n) from (
             select count(*)::int as n from fraud.recruiter_actions a
              where a.kind = 'submit' and a.at > m.at - interval '24 hours' and a.at <= m.at
              group by a.recruiter_id) x), '{}') as counts
      from unnest(${moments.map((m) => m.toISOString())}::timestamptz[]) as m(at)`.execute(tx)
  for (const r of rows.rows) {
    out.set(minuteOf(new Date(r.at)), r.counts)
    networkCache.set(minuteOf(new Date(r.at)), r.counts)
  }
  while (networkCache.size > 64) networkCache.delete(networkCache.keys().next().value!)
  return out
}

/** Forget the cached network figures (tests that move the clock). */
export function resetNetworkCache() {
  networkCache.clear()
}

type Submitted = EnvelopeOf<'application.submitted'>
type Pending = NewSignal & { order: number }

/**
 * Velocity and timing of each event's recruiter, from fraud's own action log, for a whole batch in
 * two statements: per event, its recruiter's submissions in the hour, the day and each of the 30
 * days before (index on recruiter, kind, at), and their last 20 times. Each event is judged on the
 * actions up to its own time, as one-by-one handling in time order would.
 */
async function checkPace(tx: FraudTx, events: readonly Submitted[], raise: (s: Pending) => void) {
  if (events.length === 0) return
  const idx = events.map((_, i) => i)
  const recruiters = events.map((e) => e.data.recruiter_id)
  const ats = events.map((e) => new Date(e.timestamp).toISOString())
  // day d (0 = the last 24 hours): d·24 h ≤ event time − action time < (d + 1)·24 h
  const buckets = await sql<{ i: number; d: number; n: number; hour: number }>`
    with ev as (select * from unnest(${idx}::int[], ${recruiters}::uuid[], ${ats}::timestamptz[]) as ev(i, recruiter_id, at))
    select ev.i, b.d, count(*)::int as n, (count(*) filter (where b.s < 3600))::int as hour
      from ev cross join lateral (
        select floor(date_part('epoch', ev.at - a.at) / 86400)::int as d, date_part('epoch', ev.at - a.at) as s
          from fraud.recruiter_actions a
         where a.recruiter_id = ev.recruiter_id and a.kind = 'submit'
           and a.at > ev.at - interval '744 hours' and a.at <= ev.at) b
     group by ev.i, b.d`.execute(tx)
  const recent = await sql<{ i: number; times: Date[] }>`
    with ev as (select * from unnest(${idx}::int[], ${recruiters}::uuid[], ${ats}::timestamptz[]) as ev(i, recruiter_id, at))
    select ev.i, array(select a.at from fraud.recruiter_actions a
                        where a.recruiter_id = ev.recruiter_id and a.kind = 'submit' and a.at <= ev.at
                        order by a.at desc limit 20) as times
      from ev`.execute(tx)
  const pace = events.map(() => ({ hour: 0, day: 0, daily: Array<number>(30).fill(0), times: [] as Date[] }))
  for (const b of buckets.rows) {
    const p = pace[b.i]!
    p.hour += b.hour
    if (b.d === 0) p.day = b.n
    else if (b.d >= 1 && b.d <= 30) p.daily[b.d - 1] = b.n
  }
  for (const r of recent.rows) pace[r.i]!.times = r.times.map((t) => new Date(t))
  const network = await networkOf(
    tx,
    events.map((e) => new Date(e.timestamp)),
  )
  for (const [i, e] of events.entries()) {
    const recruiterId = e.data.recruiter_id
    const at = new Date(e.timestamp)
    const p = pace[i]!
    const v = velocityVerdict({
      lastHour: p.hour,
      lastDay: p.day,
      ownDaily: p.daily,
      networkDaily: network.get(minuteOf(at))!,
    })
    if (v) {
      raise({
        ...v,
        order: i,
        type: 'velocity',
        subjectRecruiterId: recruiterId,
        entities: { recruiter_ids: [recruiterId] },
        dedupeKey: `velocity:${recruiterId}:${dayOf(at)}`,
        detectorVersion: DETECTOR_VERSION,
      })
    }
    const a = automationVerdict(p.times)
    if (a) {
      raise({
        ...a,
        order: i,
        type: 'automated_behaviour',
        subjectRecruiterId: recruiterId,
        entities: { recruiter_ids: [recruiterId] },
        dedupeKey: `automated:${recruiterId}:${dayOf(at)}`,
        detectorVersion: DETECTOR_VERSION,
      })
    }
  }
}

/**
 * Rings: for each recruiter that gained an edge, the edges among recruiters within 6 hops of it
 * (one recursive statement for all of them, ≤ 2,000 edges each), then a shortest cycle through it.
 */
async function checkRings(
  tx: FraudTx,
  starts: readonly { recruiterId: string; order: number }[],
  raise: (s: Pending) => void,
) {
  if (starts.length === 0) return
  const ids = starts.map((s) => s.recruiterId)
  const rows = await sql<{ start: string; from: string; to: string }>`
    with recursive reach(start, node, depth) as (
      select s, s, 0 from unnest(${ids}::uuid[]) s
      union
      select r.start, e.to_recruiter_id, r.depth + 1 from reach r
        join fraud.sharing_edges e on e.from_recruiter_id = r.node
       where r.depth < 6
    ), nodes as (select distinct start, node from reach),
    edges as (
      select distinct n.start, e.from_recruiter_id, e.to_recruiter_id
        from nodes n
        join fraud.sharing_edges e on e.from_recruiter_id = n.node
        join nodes m on m.start = n.start and m.node = e.to_recruiter_id
    ), numbered as (
      select *, row_number() over (partition by start) as k from edges
    )
    select start::text as start, from_recruiter_id::text as "from", to_recruiter_id::text as "to"
      from numbered where k <= 2000`.execute(tx)
  const edgesOf = new Map<string, { from: string; to: string }[]>()
  for (const r of rows.rows)
    edgesOf.set(r.start, [...(edgesOf.get(r.start) ?? []), { from: r.from, to: r.to }])
  for (const { recruiterId, order } of starts) {
    const edges = edgesOf.get(recruiterId) ?? []
    const ring = cycleThrough(recruiterId, edges, 6)
    if (!ring) continue
    const members = [...new Set(ring)].sort()
    raise({
      ...ringVerdict(ring, edges.length),
      order,
      type: 'circular_sharing',
      subjectRecruiterId: recruiterId,
      entities: { recruiter_ids: members },
      dedupeKey: `ring:${members.join(',')}`,
      detectorVersion: DETECTOR_VERSION,
    })
  }
}

/**
 * The submission detectors over a batch of `application.submitted` events, set-based: one insert
 * into the action log, one same-person lookup (recruiting's `samePersonRecordsMany`), one insert of
 * sharing edges, two pace statements, one ring statement; then the signals, each dedupe key once
 * (the first event in time order that shows the pattern), in key order. One event is a batch of one.
 */
export async function detectSubmissions(
  ctx: AppContext,
  tx: FraudTx,
  batch: readonly Submitted[],
): Promise<unknown[]> {
  if (batch.length === 0) return []
  // time order: each event is judged on what came before it
  const events = [...batch].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
  // the flag is asked for the marketplace, not per recruiter (flags.ts): once per batch
  const on = await enabled(tx, 'fraud.detection', null)
  // recruiting's data only, so outside the lock below: concurrent batches overlap here
  const same = on
    ? await samePersonRecordsMany(
        tx,
        events.map((e) => e.data.candidate_id),
      )
    : new Map<string, SamePersonRecord[]>()
  // From here on one batch at a time (every process): each sees every earlier batch's actions and
  // edges, as one-by-one handling in order would; two concurrent batches could otherwise each
  // miss the other's half of a burst or a ring.
  await sql`select pg_advisory_xact_lock(hashtextextended('fraud.submission_detectors', 0))`.execute(tx)
  await tx
    .insertInto('fraud.recruiter_actions')
    .values(
      [...events]
        .sort((a, b) => (a.event_id < b.event_id ? -1 : 1))
        .map((e) => ({
          recruiter_id: e.data.recruiter_id,
          kind: 'submit',
          subject_id: e.data.application_id,
          at: new Date(e.timestamp),
          event_id: e.event_id,
        })),
    )
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute()
  if (!on) return batch.map(() => ({ skipped: 'fraud.detection off' }))
  const pending = new Map<string, Pending>()
  // the first event (in time order) to show a pattern raises it
  const raise = (s: Pending) => {
    const had = pending.get(s.dedupeKey)
    if (!had || had.order > s.order) pending.set(s.dedupeKey, s)
  }
  const edges = new Map<
    string,
    { from_recruiter_id: string; to_recruiter_id: string; person_key: string; at: Date }
  >()
  const ringStarts: { recruiterId: string; order: number }[] = []
  for (const [order, e] of events.entries()) {
    const d = e.data
    const others = same.get(d.candidate_id) ?? []
    // who passed this person to whom: every earlier recruiter of the person → this one
    const earlier = others.filter((o) => o.recruiter_id !== d.recruiter_id && o.applications.length > 0)
    if (earlier.length) {
      const person = [d.candidate_id, ...earlier.map((o) => o.candidate_id)].sort()[0]!
      for (const from of new Set(earlier.map((o) => o.recruiter_id))) {
        const key = `${from}|${d.recruiter_id}|${person}`
        if (!edges.has(key))
          edges.set(key, {
            from_recruiter_id: from,
            to_recruiter_id: d.recruiter_id,
            person_key: person,
            at: new Date(e.timestamp),
          })
      }
      if (!ringStarts.some((s) => s.recruiterId === d.recruiter_id))
        ringStarts.push({ recruiterId: d.recruiter_id, order })
    }
    const dup = duplicateVerdict({
      recruiterId: d.recruiter_id,
      companyId: d.company_id,
      roleId: d.role_id,
      others: others.map((o) => ({
        ...o,
        applications: o.applications.filter((a) => a.application_id !== d.application_id),
      })),
    })
    if (dup) {
      const { otherIds, ...verdict } = dup
      raise({
        ...verdict,
        order,
        type: 'duplicate_submission',
        subjectRecruiterId: d.recruiter_id,
        entities: {
          recruiter_ids: [...new Set([d.recruiter_id, ...others.map((o) => o.recruiter_id)])],
          candidate_ids: [d.candidate_id, ...others.map((o) => o.candidate_id)],
          application_ids: [d.application_id, ...otherIds],
          company_ids: [d.company_id],
        },
        dedupeKey: `duplicate:${d.application_id}`,
        detectorVersion: DETECTOR_VERSION,
      })
    }
  }
  if (edges.size) {
    await tx
      .insertInto('fraud.sharing_edges')
      .values([...edges].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  await checkPace(tx, events, raise)
  await checkRings(tx, ringStarts, raise)
  // patterns flagged before (most of them: a busy recruiter's velocity, a known ring) are skipped
  // in one look-up; raiseSignal's unique key still settles races with concurrent batches
  const keys = [...pending.keys()]
  const known = keys.length
    ? new Set(
        (
          await tx
            .selectFrom('fraud.fraud_signals')
            .select('dedupe_key')
            .where('dedupe_key', 'in', keys)
            .execute()
        ).map((r) => r.dedupe_key),
      )
    : new Set<string>()
  // key order: two batches raising the same signals take their locks in the same order
  for (const [key, { order: _, ...signal }] of [...pending].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!known.has(key)) await raiseSignal(ctx, tx, signal, ctx.clock.now())
  }
  return batch.map(() => ({ checked: true }))
}

export const submissionDetectorsConsumer = defineConsumer<'application.submitted', FraudDatabase>({
  name: 'fraud.submission_detectors',
  description: 'Duplicate people, velocity, inhuman timing and candidate rings on each submission',
  events: ['application.submitted'],
  // a worker takes up to 200 events and handles them in one transaction (set-based detectors)
  batchSize: 200,
  handle: async (tx, event, ctx) => (await detectSubmissions(ctx, tx as FraudTx, [event]))[0],
  handleBatch: (tx, events, ctx) => detectSubmissions(ctx, tx as FraudTx, events),
})

export const duplicateBlockedConsumer = defineConsumer<'ownership.duplicate_blocked', FraudDatabase>({
  name: 'fraud.duplicate_blocked',
  description: 'Remember refused duplicate submissions (profile manipulation looks for edits after one)',
  events: ['ownership.duplicate_blocked'],
  handle: async (tx, event) => {
    await tx
      .insertInto('fraud.recruiter_actions')
      .values({
        recruiter_id: event.data.claimant_recruiter_id,
        kind: 'duplicate_blocked',
        subject_id: event.data.dispute_id,
        at: new Date(event.timestamp),
        event_id: event.event_id,
      })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute()
    return { recorded: true }
  },
})

export const profileManipulationConsumer = defineConsumer<'candidate.updated', FraudDatabase>({
  name: 'fraud.profile_manipulation',
  description: 'Identity fields of a candidate edited right after a refused duplicate submission',
  events: ['candidate.updated'],
  handle: async (tx, event, ctx) => {
    const d = event.data
    const at = new Date(event.timestamp)
    if (!(await enabled(tx, 'fraud.detection', d.recruiter_id))) return { skipped: 'fraud.detection off' }
    const blocked = await tx
      .selectFrom('fraud.recruiter_actions')
      .select(['at', 'subject_id'])
      .where('recruiter_id', '=', d.recruiter_id)
      .where('kind', '=', 'duplicate_blocked')
      .where('at', '<=', at)
      .where('at', '>', new Date(at.getTime() - MANIPULATION_WINDOW_HOURS * 3_600_000))
      .orderBy('at', 'desc')
      .executeTakeFirst()
    const v = manipulationVerdict(d.changed, blocked?.at ?? null, at)
    if (!v) return { quiet: true }
    await raiseSignal(
      ctx,
      tx,
      {
        ...v,
        evidence: { ...v.evidence, dispute_id: blocked?.subject_id },
        type: 'profile_manipulation',
        subjectRecruiterId: d.recruiter_id,
        entities: { recruiter_ids: [d.recruiter_id], candidate_ids: [d.candidate_id] },
        dedupeKey: `manipulation:${d.candidate_id}:${blocked?.subject_id}`,
        detectorVersion: DETECTOR_VERSION,
      },
      ctx.clock.now(),
    )
    return { flagged: true }
  },
})

export const placementDetectorsConsumer = defineConsumer<
  'placement.created' | 'placement.splits_proposed',
  FraudDatabase
>({
  name: 'fraud.placement_detectors',
  description: 'Fee rates far from the norm, and splits that do not add up or look odd',
  events: ['placement.created', 'placement.splits_proposed'],
  handle: async (tx, event, ctx) => {
    const d = event.data
    const at = new Date(event.timestamp)
    if (!(await enabled(tx, 'fraud.detection', null))) return { skipped: 'fraud.detection off' }
    const lead = [...d.splits].sort((a, b) => b.share_bps - a.share_bps)[0]?.recruiter_id ?? null
    const recruiters = [...new Set(d.splits.map((s) => s.recruiter_id))]
    if (event.event === 'placement.created') {
      const p = event.data
      const company = await tx
        .selectFrom('fraud.fee_observations')
        .select('fee_rate_bps')
        .where('company_id', '=', p.company_id)
        .where('placement_id', '<>', p.placement_id)
        .execute()
      const network = await tx
        .selectFrom('fraud.fee_observations')
        .select('fee_rate_bps')
        .where('placement_id', '<>', p.placement_id)
        .orderBy('at', 'desc')
        .limit(1000)
        .execute()
      await tx
        .insertInto('fraud.fee_observations')
        .values({
          placement_id: p.placement_id,
          company_id: p.company_id,
          role_id: p.role_id,
          fee_rate_bps: p.fee_rate_bps,
          at,
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
      const fee = feeVerdict(
        p.fee_rate_bps,
        company.map((r) => r.fee_rate_bps),
        network.map((r) => r.fee_rate_bps),
      )
      if (fee) {
        await raiseSignal(
          ctx,
          tx,
          {
            ...fee,
            type: 'fee_anomaly',
            subjectRecruiterId: lead,
            entities: {
              recruiter_ids: recruiters,
              company_ids: [p.company_id],
              placement_ids: [p.placement_id],
              application_ids: [p.application_id],
            },
            dedupeKey: `fee:${p.placement_id}`,
            detectorVersion: DETECTOR_VERSION,
          },
          ctx.clock.now(),
        )
      }
    }
    const split = splitVerdict(d.splits)
    if (split) {
      await raiseSignal(
        ctx,
        tx,
        {
          ...split,
          type: 'split_anomaly',
          subjectRecruiterId: lead,
          entities: {
            recruiter_ids: recruiters,
            company_ids: [d.company_id],
            placement_ids: [d.placement_id],
          },
          dedupeKey: `split:${d.placement_id}:${event.event_id}`,
          detectorVersion: DETECTOR_VERSION,
        },
        ctx.clock.now(),
      )
    }
    return { checked: true }
  },
})
