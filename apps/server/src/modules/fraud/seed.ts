import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { SeedStep } from '../../kernel/module.ts'
import { DEMO_PERSONAS, userIdsByEmail } from '../identity/index.ts'
import { recordDecision } from '../intelligence/index.ts'
import { recruitersWithApplications } from '../recruiting/index.ts'
import type { FraudDatabase } from './database.ts'
import { DETECTOR_VERSION } from './detectors.ts'

const HOUR = 3_600_000

/**
 * A review queue to look at on first start: one signal in each state with plausible evidence, and
 * one recruiter (never a demo persona) on hold for an open critical signal. A handful of inserts.
 */
export const demoFraudSeed: SeedStep = {
  name: 'fraud.demo_signals',
  version: 1,
  description: 'Fraud signals in every state and one recruiter on hold',
  after: ['recruiting.demo_marketplace'],
  async run(ctx) {
    const now = ctx.clock.now()
    return inTransaction<Record<string, unknown>, FraudDatabase>(ctx.db, systemActor('seed'), async (tx) => {
      const existing = await tx.selectFrom('fraud.fraud_signals').select('id').limit(1).execute()
      if (existing.length) return { signals: 'already seeded' }
      const personas = await userIdsByEmail(
        tx,
        DEMO_PERSONAS.flatMap((p) => (p.email ? [p.email] : [])),
      )
      const recs = await recruitersWithApplications(tx, 5, [...personas.values()])
      if (recs.length < 4) return { signals: 'no marketplace' }
      const [a, b, c, d] = recs as [
        (typeof recs)[number],
        (typeof recs)[number],
        (typeof recs)[number],
        (typeof recs)[number],
      ]
      const ago = (h: number) => new Date(now.getTime() - h * HOUR)
      const app = (r: typeof a) => r.applications[0]!
      const signals = [
        {
          type: 'automated_behaviour',
          severity: 'critical',
          confidence: 96,
          subject_recruiter_id: a.recruiter_id,
          entities: { recruiter_ids: [a.recruiter_id], application_ids: a.applications.map((x) => x.id) },
          evidence: { actions: 40, mean_interval_s: 12.02, sd_interval_s: 0.21, cv: 0.02 },
          explanation:
            '40 actions 12.02 s apart on average with a spread of only 0.21 s (coefficient of variation 0.02, people are above 0.1).',
          status: 'active',
          resolution_notes: null,
          at: ago(2),
        },
        {
          type: 'duplicate_submission',
          severity: 'high',
          confidence: 95,
          subject_recruiter_id: b.recruiter_id,
          entities: {
            recruiter_ids: [b.recruiter_id],
            candidate_ids: b.applications.map((x) => x.candidate_id),
            application_ids: b.applications.map((x) => x.id),
            company_ids: [app(b).company_id],
          },
          evidence: { same_recruiter: true, same_role: false, matched_on: ['email', 'phone'] },
          explanation:
            'The same person (matched on email, phone) was already submitted to this company 1 time(s) under 1 other candidate record(s), by this same recruiter.',
          status: 'reviewed',
          resolution_notes: null,
          at: ago(20),
        },
        {
          type: 'velocity',
          severity: 'medium',
          confidence: 74,
          subject_recruiter_id: c.recruiter_id,
          entities: { recruiter_ids: [c.recruiter_id] },
          evidence: {
            last_hour: 14,
            last_day: 41,
            own_daily_median: 3,
            z_own: 12.1,
            network_daily_median: 2,
            z_network: 13.2,
          },
          explanation:
            '41 submissions in 24 hours (14 in the last hour) against a usual 3 a day for this recruiter (robust z 12.1) and a network median of 2 (robust z 13.2).',
          status: 'resolved',
          resolution_notes:
            'Confirmed bulk submissions of unvetted CVs; recruiter warned and the applications withdrawn.',
          at: ago(72),
        },
        {
          type: 'fee_anomaly',
          severity: 'medium',
          confidence: 70,
          subject_recruiter_id: d.recruiter_id,
          entities: { recruiter_ids: [d.recruiter_id], company_ids: [app(d).company_id] },
          evidence: { fee_rate_bps: 3500, norm: 'company', norm_median_bps: 2000, norm_size: 6, z: 5.06 },
          explanation: 'A fee of 35% against a company norm of 20% (robust z 5.06, 6 placements).',
          status: 'false_positive',
          resolution_notes: 'Executive search contract: the 35% fee was agreed in writing.',
          at: ago(120),
        },
      ] as const
      const rows = await tx
        .insertInto('fraud.fraud_signals')
        .values(
          signals.map((s, i) => ({
            type: s.type,
            severity: s.severity,
            confidence: s.confidence,
            subject_recruiter_id: s.subject_recruiter_id,
            entities: JSON.stringify(s.entities),
            evidence: JSON.stringify(s.evidence),
            explanation: s.explanation,
            detector_version: DETECTOR_VERSION,
            status: s.status,
            resolution_notes: s.resolution_notes,
            dedupe_key: `demo:${i}`,
            detected_at: s.at,
            updated_at: s.at,
          })),
        )
        .returning(['id', 'status', 'detected_at', 'subject_recruiter_id', 'type', 'severity', 'confidence'])
        .execute()
      const history = rows.flatMap((r, i) => {
        const s = signals[i]!
        const steps = [
          { signal_id: r.id, from_status: null, to_status: 'active', notes: s.explanation, at: s.at },
        ]
        if (r.status !== 'active')
          steps.push({
            signal_id: r.id,
            from_status: 'active',
            to_status: 'reviewed',
            notes: 'Looking into it.',
            at: new Date(s.at.getTime() + HOUR),
          } as never)
        if (r.status === 'resolved' || r.status === 'false_positive')
          steps.push({
            signal_id: r.id,
            from_status: 'reviewed',
            to_status: r.status,
            notes: s.resolution_notes,
            at: new Date(s.at.getTime() + 5 * HOUR),
          } as never)
        return steps
      })
      await tx.insertInto('fraud.signal_history').values(history).execute()
      await tx
        .insertInto('fraud.holds')
        .values({
          recruiter_id: a.recruiter_id,
          status: 'active',
          signal_id: rows[0]!.id,
          daily_limit: null,
          reason: `automated behaviour: ${signals[0].explanation}`,
          placed_at: signals[0].at,
        })
        .execute()
      await recordDecision(
        tx,
        rows.map((r) => ({
          kind: 'flag' as const,
          source: 'fraud',
          subjectType: 'recruiter',
          subjectId: r.subject_recruiter_id!,
          confidence: r.confidence,
          factors: { signal_id: r.id, type: r.type, severity: r.severity },
          aiRecommendation: 'flag',
          actorRole: 'system',
          at: r.detected_at,
        })),
      )
      return { signals: rows.length, holds: 1 }
    })
  },
}
