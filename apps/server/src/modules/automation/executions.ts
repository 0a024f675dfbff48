import { sql } from 'kysely'
import { appendAudit } from '../../kernel/audit/audit.ts'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { decodeCursor, pageOf } from '../../kernel/http/pagination.ts'
import { recordDecision } from '../intelligence/index.ts'
import type { Facts } from './conditions.ts'
import type { AutomationTx } from './database.ts'
import {
  announceRuleChange,
  compileRule,
  dropRuleCache,
  enqueueRun,
  markPaused,
  PAUSED_CODE,
} from './engine.ts'
import { enabledFromMemory } from './flag.ts'
import { ACTIONS } from './registry.ts'

export const STATES = ['pending', 'approved', 'executed', 'rejected', 'failed', 'undone'] as const

export interface ExecutionFilters {
  rule_id?: string | undefined
  state?: (typeof STATES)[number] | undefined
  subject_id?: string | undefined
  starting_after?: string | undefined
  limit: number
}

/** Executions newest first (UUIDv7 ids sort by creation), keyset-paged by id. */
export async function listExecutions(tx: AutomationTx, f: ExecutionFilters) {
  let q = tx
    .selectFrom('automation.automation_executions as e')
    .innerJoin('automation.automation_rules as r', 'r.id', 'e.rule_id')
    .selectAll('e')
    .select(['r.name as rule_name', 'r.action_type', 'r.summary as rule_summary'])
  if (f.rule_id) q = q.where('e.rule_id', '=', f.rule_id)
  if (f.state) q = q.where('e.state', '=', f.state)
  if (f.subject_id) q = q.where('e.subject_id', '=', f.subject_id)
  if (f.starting_after) {
    const [id] = decodeCursor(f.starting_after, ['string'])
    q = q.where('e.id', '<', String(id))
  }
  const rows = await q
    .orderBy('e.id', 'desc')
    .limit(f.limit + 1)
    .execute()
  const page = pageOf(rows, f.limit, (r) => [r.id])
  return { ...page, data: page.data.map(presentExecution) }
}

type ExecRow = Awaited<ReturnType<typeof loadExecution>>

export function presentExecution(
  e: ExecRow & { rule_name?: string; action_type?: string; rule_summary?: string },
) {
  return {
    id: e.id,
    rule_id: e.rule_id,
    rule_name: e.rule_name ?? '',
    action_type: e.action_type ?? '',
    rule_version: e.rule_version,
    trigger_id: e.trigger_id,
    trigger_type: e.trigger_type,
    subject_type: e.subject_type,
    subject_id: e.subject_id,
    facts: e.facts as Record<string, unknown>,
    state: e.state as (typeof STATES)[number],
    reason: e.reason,
    error_code: e.error_code,
    error: e.error,
    attempts: e.attempts,
    paused: e.state === 'approved' && e.error_code === PAUSED_CODE,
    undoable: e.state === 'executed' && e.undo !== null,
    undo_note: undoNoteOf(e),
    result: e.result as Record<string, unknown> | null,
    decided_by: e.decided_by,
    decided_at: e.decided_at,
    executed_at: e.executed_at,
    undone_at: e.undone_at,
    created_at: e.created_at,
    version: e.version,
  }
}

/** For an executed action: how to undo it, or why it cannot be (e.g. a notification cannot be unsent). */
function undoNoteOf(e: { state: string; undo: unknown; action_type?: string }): string | null {
  if (e.state !== 'executed') return null
  const action = ACTIONS.find((a) => a.type === e.action_type)
  if (e.undo !== null) return action?.undoNote ?? null
  if (action?.undo) return 'This execution has no undo recorded, so it cannot be undone here.'
  return action?.undoNote ?? 'This action cannot be undone.'
}

async function loadExecution(tx: AutomationTx, id: string) {
  const e = await tx
    .selectFrom('automation.automation_executions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!e) throw new AppError('not_found', 'No such automation execution')
  return e
}

export async function getExecution(tx: AutomationTx, id: string) {
  const e = await tx
    .selectFrom('automation.automation_executions as e')
    .innerJoin('automation.automation_rules as r', 'r.id', 'e.rule_id')
    .selectAll('e')
    .select(['r.name as rule_name', 'r.action_type', 'r.summary as rule_summary'])
    .where('e.id', '=', id)
    .executeTakeFirst()
  if (!e) throw new AppError('not_found', 'No such automation execution')
  return presentExecution(e)
}

/**
 * Moves an execution from one of `from` to `to`, once: the UPDATE carries the expected state, so
 * of concurrent decisions exactly one matches and the others answer 409.
 */
async function claim(tx: AutomationTx, id: string, from: readonly string[], set: Record<string, unknown>) {
  const row = await tx
    .updateTable('automation.automation_executions')
    .set({ ...set, version: sql`version + 1` })
    .where('id', '=', id)
    .where('state', 'in', [...from])
    .returningAll()
    .executeTakeFirst()
  if (row) return row
  const e = await loadExecution(tx, id)
  throw new AppError(
    'automation_execution_already_decided',
    `This execution is ${e.state}${e.decided_at ? ` (since ${e.decided_at.toISOString()})` : ''}`,
    { meta: { state: e.state } },
  )
}

async function ruleOf(tx: AutomationTx, ruleId: string) {
  const r = await tx
    .selectFrom('automation.automation_rules')
    .selectAll()
    .where('id', '=', ruleId)
    .executeTakeFirstOrThrow()
  return { row: r, compiled: compileRule(r) }
}

const actorOf = (userId: string) => ({ userId, role: 'platform_admin' })

/**
 * An admin approves a pending execution: it is stored `approved` (who, when, why) and its action
 * queued (`automation.run_execution`, enqueued in this transaction); the job runs it once. While
 * automation is switched off the approval is allowed and recorded, but the job leaves it waiting
 * (`paused`, “paused: automation switched off”) until the requeue job queues it once switched on.
 * The answer says so at once when this process holds the flags in memory; the job, which reads the
 * flag outside any transaction, decides in every case (a read here that needed a second connection
 * while this transaction holds one could starve the pool under concurrent approvals).
 */
export async function approveExecution(
  ctx: AppContext,
  tx: AutomationTx,
  userId: string,
  id: string,
  reason?: string,
) {
  const now = ctx.clock.now()
  const e = await claim(tx, id, ['pending'], {
    state: 'approved',
    reason: reason ?? null,
    decided_by: userId,
    decided_at: now,
    updated_at: now,
  })
  const { compiled } = await ruleOf(tx, e.rule_id)
  await recordDecision(tx, {
    kind: 'decision',
    source: 'automation',
    subjectType: 'automation_execution',
    subjectId: id,
    aiRecommendation: compiled.action.type,
    humanDecision: 'approved',
    agrees: true,
    ...(reason ? { reason } : {}),
    factors: { rule_id: e.rule_id, subject_type: e.subject_type, subject_id: e.subject_id },
    actorRole: 'platform_admin',
    at: now,
  })
  await enqueueRun(ctx, tx, id)
  if (enabledFromMemory(ctx, 'automation.rules') === false) await markPaused(tx, id, now)
  return getExecution(tx, id)
}

export async function rejectExecution(
  ctx: AppContext,
  tx: AutomationTx,
  userId: string,
  id: string,
  reason: string,
) {
  const now = ctx.clock.now()
  const e = await claim(tx, id, ['pending'], {
    state: 'rejected',
    reason,
    decided_by: userId,
    decided_at: now,
    updated_at: now,
  })
  const { compiled } = await ruleOf(tx, e.rule_id)
  await recordDecision(tx, {
    kind: 'decision',
    source: 'automation',
    subjectType: 'automation_execution',
    subjectId: id,
    aiRecommendation: compiled.action.type,
    humanDecision: 'rejected',
    agrees: false,
    reason,
    factors: { rule_id: e.rule_id, subject_type: e.subject_type, subject_id: e.subject_id },
    actorRole: 'platform_admin',
    at: now,
  })
  return getExecution(tx, id)
}

/**
 * A failed execution approved again (`failed → approved`) and queued; the attempts are counted by
 * the run. Exactly one of concurrent retries wins (the others 409).
 */
export async function retryExecution(ctx: AppContext, tx: AutomationTx, userId: string, id: string) {
  const now = ctx.clock.now()
  const e = await claim(tx, id, ['failed'], {
    state: 'approved',
    decided_by: userId,
    decided_at: now,
    reason: 'Retried',
    updated_at: now,
  })
  const { compiled } = await ruleOf(tx, e.rule_id)
  await recordDecision(tx, {
    kind: 'decision',
    source: 'automation',
    subjectType: 'automation_execution',
    subjectId: id,
    aiRecommendation: compiled.action.type,
    humanDecision: 'retried',
    agrees: true,
    factors: { rule_id: e.rule_id, error_code: e.error_code, attempts: e.attempts },
    actorRole: 'platform_admin',
    at: now,
  })
  await enqueueRun(ctx, tx, id)
  return getExecution(tx, id)
}

/**
 * Undoes a reversible executed action through its owning module (an application moved back, a
 * released hold's payout cancelled before it is paid). An action that cannot be undone (a notice
 * sent) or whose subject moved on answers 409 `automation_not_undoable` with the reason.
 */
export async function undoExecution(ctx: AppContext, tx: AutomationTx, userId: string, id: string) {
  const now = ctx.clock.now()
  const before = await loadExecution(tx, id)
  if (before.state === 'executed' && before.undo === null) {
    const { compiled } = await ruleOf(tx, before.rule_id)
    throw new AppError('automation_not_undoable', `This action cannot be undone. ${compiled.action.undoNote}`)
  }
  const e = await claim(tx, id, ['executed'], {
    state: 'undone',
    undone_at: now,
    undone_by: userId,
    updated_at: now,
  })
  const { compiled } = await ruleOf(tx, e.rule_id)
  if (!compiled.action.undo) throw new AppError('automation_not_undoable', compiled.action.undoNote)
  const undone = await compiled.action.undo(
    {
      ctx,
      tx: tx as AnyTx,
      facts: e.facts as Facts,
      params: compiled.params,
      actor: actorOf(userId),
      executionId: id,
      ruleName: compiled.name,
    },
    e.undo as Record<string, unknown>,
  )
  if (undone) {
    await tx
      .updateTable('automation.automation_executions')
      .set({
        result: sql`coalesce(result, '{}'::jsonb) || jsonb_build_object('undo', ${JSON.stringify(undone)}::jsonb)`,
      })
      .where('id', '=', id)
      .execute()
  }
  await recordDecision(tx, {
    kind: 'override',
    source: 'automation',
    subjectType: 'automation_execution',
    subjectId: id,
    aiRecommendation: compiled.action.type,
    humanDecision: 'undone',
    agrees: false,
    factors: { rule_id: e.rule_id, undo: e.undo },
    actorRole: 'platform_admin',
    at: now,
  })
  return getExecution(tx, id)
}

/** Per rule: fired, approved, rejected, executed, failed, throttled, and time saved. */
export async function metrics(tx: AutomationTx) {
  const rows = await tx
    .selectFrom('automation.automation_rules as r')
    .leftJoin('automation.automation_executions as e', 'e.rule_id', 'r.id')
    .select([
      'r.id',
      'r.name',
      'r.active',
      'r.throttled',
      'r.minutes_per_action',
      sql<number>`count(e.id)::int`.as('fired'),
      sql<number>`count(e.id) filter (where e.decided_at is not null and e.state not in ('rejected', 'pending'))::int`.as(
        'approved',
      ),
      sql<number>`count(e.id) filter (where e.state = 'rejected')::int`.as('rejected'),
      sql<number>`count(e.id) filter (where e.state in ('executed', 'undone'))::int`.as('executed'),
      sql<number>`count(e.id) filter (where e.state = 'failed')::int`.as('failed'),
      sql<number>`count(e.id) filter (where e.state = 'pending')::int`.as('pending'),
    ])
    .groupBy('r.id')
    .orderBy('r.created_at')
    .execute()
  const s = await breakerState(tx)
  return {
    breaker: s,
    data: rows.map((r) => ({
      rule_id: r.id,
      name: r.name,
      active: r.active,
      fired: r.fired,
      approved: r.approved,
      rejected: r.rejected,
      executed: r.executed,
      failed: r.failed,
      pending: r.pending,
      throttled: r.throttled,
      minutes_saved: r.executed * r.minutes_per_action,
    })),
  }
}

export async function breakerState(tx: AutomationTx) {
  const s = await tx.selectFrom('automation.settings').selectAll().executeTakeFirstOrThrow()
  return {
    paused: s.paused,
    reason: s.paused_reason,
    tripped_at: s.tripped_at,
    reset_at: s.reset_at,
    window_minutes: s.breaker_window_minutes,
    max_executions: s.breaker_max_executions,
    max_failures: s.breaker_max_failures,
  }
}

/** An admin resets the breaker: rules run again (logged). Resetting a closed breaker changes nothing. */
export async function resetBreaker(tx: AutomationTx, userId: string, now: Date, reason: string) {
  const row = await tx
    .updateTable('automation.settings')
    .set({ paused: false, paused_reason: null, reset_at: now, reset_by: userId })
    .where('paused', '=', true)
    .returning('paused')
    .executeTakeFirst()
  if (row) {
    await announceRuleChange(tx)
    dropRuleCache()
    await tx
      .insertInto('automation.breaker_events')
      .values({ kind: 'reset', reason, occurred_at: now })
      .execute()
    await appendAudit(tx, {
      action: 'automation.breaker_reset',
      entityType: 'automation_breaker',
      after: { reason },
      actorRole: 'platform_admin',
    })
  }
  return breakerState(tx)
}
