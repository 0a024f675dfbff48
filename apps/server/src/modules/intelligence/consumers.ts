import { sql } from 'kysely'
import { defineConsumer } from '../../kernel/outbox/events.ts'
import type { IntelligenceDatabase } from './database.ts'
import { rescoreCandidate, rescoreRole } from './rescore.ts'
import { refreshCandidates, refreshPlacedSkills, refreshRoles } from './store.ts'

/**
 * A role's and a candidate's consumers must not run side by side: each would miss the other's
 * uncommitted profile (a role opening while a candidate is added would never be paired). One lock
 * for the transaction; after it, READ COMMITTED sees whatever the other one committed.
 */
async function oneAtATime(tx: Parameters<typeof rescoreRole>[0]) {
  await sql`select pg_advisory_xact_lock(727082)`.execute(tx)
}

/**
 * Incremental matching: a role's or a candidate's change re-scores only that role or candidate,
 * in the consumer's transaction (exactly once per event).
 */
export const rescoreRoleConsumer = defineConsumer<
  'role.created' | 'role.updated' | 'role.opened' | 'role.paused' | 'role.closed',
  IntelligenceDatabase
>({
  name: 'intelligence.rescore_role',
  description: 'Refresh a role’s matching profile and re-score its suggested candidates',
  events: ['role.created', 'role.updated', 'role.opened', 'role.paused', 'role.closed'],
  handle: async (tx, event, ctx) => {
    await oneAtATime(tx)
    const [role] = await refreshRoles(tx, [event.data.role_id])
    if (!role) return { skipped: 'role not found' }
    return rescoreRole(tx, role.roleId, { threshold: ctx.config.matching.threshold, now: ctx.clock.now() })
  },
})

export const rescoreCandidateConsumer = defineConsumer<
  'candidate.created' | 'candidate.updated',
  IntelligenceDatabase
>({
  name: 'intelligence.rescore_candidate',
  description: 'Refresh a candidate’s matching profile and re-score their suggested roles',
  events: ['candidate.created', 'candidate.updated'],
  handle: async (tx, event, ctx) => {
    await oneAtATime(tx)
    const [cand] = await refreshCandidates(tx, [event.data.candidate_id])
    if (!cand) return { skipped: 'candidate not found' }
    return rescoreCandidate(tx, cand.candidateId, {
      threshold: ctx.config.matching.threshold,
      now: ctx.clock.now(),
    })
  },
})

const STAGE_OUTCOME: Record<string, 'submitted' | 'interviewed' | 'hired' | 'rejected' | undefined> = {
  submitted: 'submitted',
  screening: 'submitted',
  interview: 'interviewed',
  offer: 'interviewed',
  hired: 'hired',
  rejected: 'rejected',
}

/** What became of a suggestion (submitted, interviewed, hired, rejected): the outcomes a refit learns from. */
export const matchOutcomeConsumer = defineConsumer<
  'application.submitted' | 'application.stage_changed' | 'placement.created',
  IntelligenceDatabase
>({
  name: 'intelligence.match_outcomes',
  description: 'Record what became of suggested matches; recount the skills of placed people',
  events: ['application.submitted', 'application.stage_changed', 'placement.created'],
  handle: async (tx, event) => {
    if (event.event === 'placement.created') {
      await refreshPlacedSkills(tx)
      return { placed: true }
    }
    const stage = event.event === 'application.submitted' ? 'submitted' : event.data.new_stage
    const outcome = STAGE_OUTCOME[stage]
    if (!outcome) return { skipped: stage }
    if (event.event === 'application.submitted') {
      // submitted without the suggestion being accepted: the open suggestion retires (it would only
      // answer 409 now); an accepted one keeps its status and records the outcome
      await tx
        .updateTable('intelligence.candidate_role_matches')
        .set({ status: 'expired' })
        .where('candidate_id', '=', event.data.candidate_id)
        .where('role_id', '=', event.data.role_id)
        .where('status', '=', 'suggested')
        .execute()
    }
    const res = await tx
      .updateTable('intelligence.candidate_role_matches')
      .set({ outcome })
      .where('candidate_id', '=', event.data.candidate_id)
      .where('role_id', '=', event.data.role_id)
      .where('status', '<>', 'rejected')
      .executeTakeFirst()
    return { updated: Number(res.numUpdatedRows) }
  },
})
