import { sql } from 'kysely'
import type { AppContext } from '../../kernel/context.ts'
import { defineConsumer } from '../../kernel/outbox/events.ts'
import { samePersonRecords } from '../recruiting/index.ts'
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
import { raiseSignal } from './signals.ts'

const DAY = 86_400_000
const dayOf = (d: Date) => d.toISOString().slice(0, 10)

/** The network's per-recruiter counts of the last 24 hours, cached a minute (one query, not one per event). */
let networkCache: { at: number; counts: number[] } | null = null

async function networkDaily(tx: FraudTx, now: Date): Promise<number[]> {
  if (networkCache && Math.abs(now.getTime() - networkCache.at) < 60_000) return networkCache.counts
  const rows = await tx
    .selectFrom('fraud.recruiter_actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'submit')
    .where('at', '>', new Date(now.getTime() - DAY))
    .groupBy('recruiter_id')
    .execute()
  networkCache = { at: now.getTime(), counts: rows.map((r) => Number(r.n)) }
  return networkCache.counts
}

/** Forget the cached network figures (tests that move the clock). */
export function resetNetworkCache() {
  networkCache = null
}

/** Velocity and timing of a recruiter's submissions, from fraud's own action log. */
async function checkPace(ctx: AppContext, tx: FraudTx, recruiterId: string, at: Date) {
  // one aggregate for the counts (index on recruiter, kind, at), the last 20 times for the timing
  const counts = await sql<{ hour: number; day: number; daily: number[] }>`
    with a as (
      select at from fraud.recruiter_actions
       where recruiter_id = ${recruiterId} and kind = 'submit'
         and at > ${new Date(at.getTime() - 31 * DAY)} and at <= ${at}
    )
    select (select count(*)::int from a where at > ${new Date(at.getTime() - 3_600_000)}) as hour,
           (select count(*)::int from a where at > ${new Date(at.getTime() - DAY)}) as day,
           array(select (select count(*)::int from a
                          where at <= ${at}::timestamptz - make_interval(days => i)
                            and at > ${at}::timestamptz - make_interval(days => i + 1))
                   from generate_series(1, 30) i) as daily`.execute(tx)
  const { hour: lastHour, day: lastDay, daily: ownDaily } = counts.rows[0]!
  const times = (
    await tx
      .selectFrom('fraud.recruiter_actions')
      .select('at')
      .where('recruiter_id', '=', recruiterId)
      .where('kind', '=', 'submit')
      .where('at', '<=', at)
      .orderBy('at', 'desc')
      .limit(20)
      .execute()
  ).map((r) => r.at)
  const v = velocityVerdict({ lastHour, lastDay, ownDaily, networkDaily: await networkDaily(tx, at) })
  if (v) {
    await raiseSignal(
      ctx,
      tx,
      {
        ...v,
        type: 'velocity',
        subjectRecruiterId: recruiterId,
        entities: { recruiter_ids: [recruiterId] },
        dedupeKey: `velocity:${recruiterId}:${dayOf(at)}`,
        detectorVersion: DETECTOR_VERSION,
      },
      ctx.clock.now(),
    )
  }
  const a = automationVerdict(times)
  if (a) {
    await raiseSignal(
      ctx,
      tx,
      {
        ...a,
        type: 'automated_behaviour',
        subjectRecruiterId: recruiterId,
        entities: { recruiter_ids: [recruiterId] },
        dedupeKey: `automated:${recruiterId}:${dayOf(at)}`,
        detectorVersion: DETECTOR_VERSION,
      },
      ctx.clock.now(),
    )
  }
}

/** Rings: the edges among recruiters within 6 hops of this one, then a shortest cycle through it. */
async function checkRing(ctx: AppContext, tx: FraudTx, recruiterId: string) {
  const edges = await sql<{ from: string; to: string }>`
    with recursive reach(node, depth) as (
      select ${recruiterId}::uuid, 0
      union
      select e.to_recruiter_id, r.depth + 1 from reach r
        join fraud.sharing_edges e on e.from_recruiter_id = r.node
       where r.depth < 6
    )
    select distinct e.from_recruiter_id::text as "from", e.to_recruiter_id::text as "to"
      from fraud.sharing_edges e
     where e.from_recruiter_id in (select node from reach) and e.to_recruiter_id in (select node from reach)
     limit 2000`.execute(tx)
  const ring = cycleThrough(recruiterId, edges.rows, 6)
  if (!ring) return
  const members = [...new Set(ring)].sort()
  await raiseSignal(
    ctx,
    tx,
    {
      ...ringVerdict(ring, edges.rows.length),
      type: 'circular_sharing',
      subjectRecruiterId: recruiterId,
      entities: { recruiter_ids: members },
      dedupeKey: `ring:${members.join(',')}`,
      detectorVersion: DETECTOR_VERSION,
    },
    ctx.clock.now(),
  )
}

export const submissionDetectorsConsumer = defineConsumer<'application.submitted', FraudDatabase>({
  name: 'fraud.submission_detectors',
  description: 'Duplicate people, velocity, inhuman timing and candidate rings on each submission',
  events: ['application.submitted'],
  handle: async (tx, event, ctx) => {
    const d = event.data
    const at = new Date(event.timestamp)
    await tx
      .insertInto('fraud.recruiter_actions')
      .values({
        recruiter_id: d.recruiter_id,
        kind: 'submit',
        subject_id: d.application_id,
        at,
        event_id: event.event_id,
      })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute()
    if (!(await enabled(tx, 'fraud.detection', d.recruiter_id))) return { skipped: 'fraud.detection off' }
    const others = await samePersonRecords(tx, d.candidate_id)
    // who passed this person to whom: every earlier recruiter of the person → this one
    const earlier = others.filter((o) => o.recruiter_id !== d.recruiter_id && o.applications.length > 0)
    if (earlier.length) {
      await tx
        .insertInto('fraud.sharing_edges')
        .values(
          [...new Set(earlier.map((o) => o.recruiter_id))].map((from) => ({
            from_recruiter_id: from,
            to_recruiter_id: d.recruiter_id,
            person_key: [d.candidate_id, ...earlier.map((o) => o.candidate_id)].sort()[0]!,
            at,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute()
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
      await raiseSignal(
        ctx,
        tx,
        {
          ...verdict,
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
        },
        ctx.clock.now(),
      )
    }
    await checkPace(ctx, tx, d.recruiter_id, at)
    if (earlier.length) await checkRing(ctx, tx, d.recruiter_id)
    return { checked: true }
  },
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
