import { sql } from 'kysely'
import pg from 'pg'
import { fromKysely } from 'pg-boss'
import { appendAudit } from '../../kernel/audit/audit.ts'
import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Logger } from '../../kernel/logger.ts'
import { recordDecision } from '../intelligence/index.ts'
import { type ConditionNode, compileConditions, type Facts, type Predicate } from './conditions.ts'
import type { AutomationDatabase, AutomationTx } from './database.ts'
import { enabled } from './flag.ts'
import { ACTIONS, type ActionDef, scheduledSource } from './registry.ts'

/**
 * Evaluating rules: active rules are compiled once per generation (every rule change bumps it in
 * `automation.settings`, read once per event in the same query as the breaker), indexed by
 * trigger. A match becomes an execution (unique per rule, trigger and subject), limited per rule
 * and watched by the global circuit breaker; without approval it is executed at once.
 */
export interface CompiledRule {
  id: string
  version: number
  name: string
  triggerKey: string
  predicate: Predicate
  action: ActionDef
  params: Record<string, unknown>
  requiresApproval: boolean
  maxPerHour: number
  maxPerDay: number
  createdBy: string | null
}

/**
 * This process's compiled rules, indexed by trigger, with the breaker's `paused`. While a LISTEN
 * connection hears `automation_rules_changed` (sent at commit by every rule change, breaker trip
 * and reset), an event whose rules do not match costs no database round trip at all; the entry
 * also expires after `TTL_MS` (a lost notification). Without the connection (tools, the CLI) the
 * one-row settings read per event decides whether to reload. A stale entry can never act wrongly:
 * `fire` re-checks the rule and the breaker in the database before it creates anything.
 */
interface Cache {
  generation: string
  paused: boolean
  byTrigger: Map<string, CompiledRule[]>
  loadedAt: number
}
const TTL_MS = 5_000
export const RULES_CHANNEL = 'automation_rules_changed'
let cache: Cache | null = null
/** Bumped by every invalidation: a load that began before one is not kept as fresh. */
let epoch = 0
let listener: pg.Client | undefined
let listening = false

/** Forget the compiled rules (a change heard, or tests that rewrite the database under a running process). */
export function dropRuleCache(): void {
  cache = null
  epoch++
}

/** Listens to rule changes on a dedicated connection (servers, the bench); once per process. */
export async function listenForRuleChanges(databaseUrl: string, log: Logger): Promise<void> {
  if (listener) return
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'automation-rules' })
  listener = client
  client.on('notification', () => dropRuleCache())
  const lost = (err?: unknown) => {
    if (listener !== client) return
    listener = undefined
    listening = false
    dropRuleCache()
    client.end().catch(() => {})
    if (err)
      log.warn({ err }, 'automation: lost the rule-change LISTEN connection; reading settings per event')
  }
  client.on('error', lost)
  client.on('end', () => lost())
  try {
    await client.connect()
    await client.query(`listen ${RULES_CHANNEL}`)
    dropRuleCache()
    listening = true
  } catch (err) {
    lost(err)
  }
}

export async function stopListeningForRuleChanges(): Promise<void> {
  const client = listener
  listener = undefined
  listening = false
  dropRuleCache()
  await client?.end().catch(() => {})
}

export function compileRule(r: {
  id: string
  version: number
  name: string
  trigger_kind: string
  trigger_key: string
  conditions: unknown
  action_type: string
  action_params: unknown
  requires_approval: boolean
  max_per_hour: number
  max_per_day: number
  created_by: string | null
}): CompiledRule {
  const action = ACTIONS.find((a) => a.type === r.action_type)
  if (!action) throw new Error(`rule ${r.id} has an unknown action ${r.action_type}`)
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    triggerKey: `${r.trigger_kind}:${r.trigger_key}`,
    predicate: compileConditions(r.conditions as ConditionNode),
    action,
    params: (r.action_params ?? {}) as Record<string, unknown>,
    requiresApproval: r.requires_approval,
    maxPerHour: r.max_per_hour,
    maxPerDay: r.max_per_day,
    createdBy: r.created_by,
  }
}

/** The active rules of one trigger (`event:application.stage_changed`) and whether all are paused. */
export async function activeRules(
  tx: AutomationTx,
  triggerKey: string,
): Promise<{ paused: boolean; rules: readonly CompiledRule[] }> {
  const held = cache
  if (listening && held && performance.now() - held.loadedAt < TTL_MS) {
    return { paused: held.paused, rules: held.byTrigger.get(triggerKey) ?? [] }
  }
  const started = epoch
  const s = await tx
    .selectFrom('automation.settings')
    .select([sql<string>`generation::text`.as('generation'), 'paused'])
    .executeTakeFirstOrThrow()
  let byTrigger = held && held.generation === s.generation ? held.byTrigger : null
  if (!byTrigger) {
    const rows = await tx
      .selectFrom('automation.automation_rules')
      .selectAll()
      .where('active', '=', true)
      .execute()
    byTrigger = new Map<string, CompiledRule[]>()
    for (const r of rows) {
      const c = compileRule(r)
      const list = byTrigger.get(c.triggerKey) ?? []
      list.push(c)
      byTrigger.set(c.triggerKey, list)
    }
  }
  if (started === epoch) {
    cache = { generation: s.generation, paused: s.paused, byTrigger, loadedAt: performance.now() }
  }
  return { paused: s.paused, rules: byTrigger.get(triggerKey) ?? [] }
}

/** Tells every process (this one too, at commit) that rules or the breaker changed. */
export async function announceRuleChange(tx: AutomationTx): Promise<void> {
  await sql`select pg_notify(${RULES_CHANNEL}, '')`.execute(tx)
}

/** Every rule change calls this in its transaction: other processes reload at their next event. */
export async function bumpGeneration(tx: AutomationTx): Promise<void> {
  await tx.updateTable('automation.settings').set({ generation: sql`generation + 1` }).execute()
  await announceRuleChange(tx)
  dropRuleCache()
}

export interface Occurrence {
  triggerId: string
  triggerType: string
  subjectType: string
  subjectId: string
  facts: Facts
}

export type FireOutcome = 'created' | 'queued' | 'throttled' | 'duplicate' | 'paused' | 'stale'

/** The job that runs approved executions (one per approval or retry; see `runApprovedExecution`). */
export const RUN_EXECUTION_JOB = 'automation.run_execution'
/** Retries of a passing failure (not a refusal by the owning module) before it is marked failed. */
export const RUN_RETRY_LIMIT = 3
const NOBODY = '00000000-0000-0000-0000-000000000000'
export const AUTO_APPROVED = 'Approved by the rule (it does not ask for approval)'
/** An approved execution waiting while the `automation.rules` flag is off (its `error_code` / `error`). */
export const PAUSED_CODE = 'automation_paused'
export const PAUSED_NOTE = 'paused: automation switched off'

/** Marks an approved execution as waiting for the switch (kept `approved`; the requeue job picks it up). */
export async function markPaused(tx: AutomationTx, id: string, now: Date): Promise<void> {
  await tx
    .updateTable('automation.automation_executions')
    .set({ error_code: PAUSED_CODE, error: PAUSED_NOTE, updated_at: now, version: sql`version + 1` })
    .where('id', '=', id)
    .where('state', '=', 'approved')
    .where((eb) => eb('error_code', 'is', null).or('error_code', '<>', PAUSED_CODE))
    .execute()
}

/** Queues an approved execution's action, in the caller's transaction (so only a committed approval runs). */
export async function enqueueRun(ctx: AppContext, tx: AutomationTx, executionId: string): Promise<void> {
  await ctx.jobs.enqueue(RUN_EXECUTION_JOB, { execution_id: executionId }, { db: fromKysely(tx) })
}

/**
 * One rule matched one occurrence: within its limits (counted under a lock on the rule, so 20
 * concurrent events cannot overshoot), create the execution once — `pending` for an admin, or
 * `approved` and queued when the rule does not ask for approval; then let the breaker look. The
 * rule and the breaker are read again here (the in-memory rules may be a moment behind a change).
 */
export async function fire(
  ctx: AppContext,
  tx: AutomationTx,
  cached: CompiledRule,
  o: Occurrence,
): Promise<FireOutcome> {
  const now = ctx.clock.now()
  await sql`select pg_advisory_xact_lock(727087, hashtext(${cached.id}))`.execute(tx)
  // one round trip after the lock: the rule and the breaker as they are now, and the rule's counts
  const hourAgo = new Date(now.getTime() - 3_600_000)
  const dayAgo = new Date(now.getTime() - 86_400_000)
  const current = await tx
    .selectFrom('automation.automation_rules as r')
    .selectAll('r')
    .select([
      sql<boolean>`(select paused from automation.settings)`.as('paused'),
      sql<number>`(select count(*)::int from automation.automation_executions e
        where e.rule_id = r.id and e.created_at > ${hourAgo})`.as('hour'),
      sql<number>`(select count(*)::int from automation.automation_executions e
        where e.rule_id = r.id and e.created_at > ${dayAgo})`.as('day'),
    ])
    .where('r.id', '=', cached.id)
    .executeTakeFirst()
  if (!current?.active) {
    dropRuleCache()
    return 'stale'
  }
  if (current.paused) return 'paused'
  let rule = cached
  if (current.version !== cached.version) {
    dropRuleCache()
    rule = compileRule(current)
    if (!rule.predicate(o.facts)) return 'stale'
  }
  const counts = current
  if (counts.hour >= rule.maxPerHour || counts.day >= rule.maxPerDay) {
    await tx
      .updateTable('automation.automation_rules')
      .set({ throttled: sql`throttled + 1` })
      .where('id', '=', rule.id)
      .execute()
    return 'throttled'
  }
  const auto = !rule.requiresApproval
  const row = await tx
    .insertInto('automation.automation_executions')
    .values({
      rule_id: rule.id,
      rule_version: rule.version,
      trigger_id: o.triggerId,
      trigger_type: o.triggerType,
      subject_type: o.subjectType,
      subject_id: o.subjectId,
      facts: JSON.stringify(o.facts),
      ...(auto ? { state: 'approved', decided_at: now, reason: AUTO_APPROVED } : {}),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['rule_id', 'trigger_id', 'subject_id']).doNothing())
    .returning(['id'])
    .executeTakeFirst()
  if (!row) return 'duplicate'
  if (auto) {
    await recordDecision(tx, {
      kind: 'decision',
      source: 'automation',
      subjectType: 'automation_execution',
      subjectId: row.id,
      aiRecommendation: rule.action.type,
      humanDecision: 'approved',
      reason: AUTO_APPROVED,
      factors: { rule_id: rule.id, subject_type: o.subjectType, subject_id: o.subjectId },
      actorRole: 'automation',
      at: now,
    })
    await enqueueRun(ctx, tx, row.id)
  }
  await checkBreaker(ctx, tx)
  return auto ? 'queued' : 'created'
}

/**
 * Approved executions left waiting (their job lost or dead-lettered, e.g. a worker killed on the
 * last attempt) are queued again; the run's row lock keeps a duplicate harmless. While automation
 * is switched off (flag `automation.rules`) nothing is queued; once it is on again, the executions
 * the switch paused are queued at once (their pause note cleared), whatever their age.
 */
export async function requeueStaleApproved(
  ctx: AppContext,
  options: { olderThanMinutes?: number; limit?: number } = {},
): Promise<{ requeued: number; paused?: true }> {
  if (!(await enabled(ctx, 'automation.rules'))) return { requeued: 0, paused: true }
  const now = ctx.clock.now()
  const before = new Date(now.getTime() - (options.olderThanMinutes ?? 10) * 60_000)
  return inTransaction<{ requeued: number }, AutomationDatabase>(
    ctx.db,
    systemActor('automation.requeue_approved'),
    async (tx) => {
      const rows = await tx
        .selectFrom('automation.automation_executions')
        .select(['id', 'error_code'])
        .where('state', '=', 'approved')
        .where((eb) => eb.or([eb('updated_at', '<', before), eb('error_code', '=', PAUSED_CODE)]))
        .orderBy('updated_at')
        .limit(options.limit ?? 500)
        .execute()
      const paused = rows.filter((r) => r.error_code === PAUSED_CODE).map((r) => r.id)
      if (paused.length) {
        await tx
          .updateTable('automation.automation_executions')
          .set({ error_code: null, error: null, updated_at: now, version: sql`version + 1` })
          .where('id', 'in', paused)
          .where('state', '=', 'approved')
          .where('error_code', '=', PAUSED_CODE)
          .execute()
      }
      await ctx.jobs.enqueueMany(
        RUN_EXECUTION_JOB,
        rows.map((r) => ({ payload: { execution_id: r.id } })),
        { db: fromKysely(tx) },
      )
      return { requeued: rows.length }
    },
  )
}

export type RunOutcome = 'executed' | 'failed' | 'retrying' | 'skipped' | 'paused'

/**
 * The queue's side: runs one approved execution, exactly once. The row is locked (`FOR UPDATE`)
 * and must still be `approved`, so a redelivered job, a second job for it or a concurrent worker
 * finds nothing to do. The actor is the admin who approved (or retried) it, else the rule's author
 * as `automation`. A passing failure (not a refusal by the owning module) keeps it `approved` with
 * the error and answers `retrying` (the job throws, so the queue tries again with backoff) until
 * `final`, when it is marked failed.
 */
export async function runApprovedExecution(
  ctx: AppContext,
  executionId: string,
  options: { final: boolean },
): Promise<RunOutcome> {
  // read before the transaction: a flag read may need a connection of its own
  const on = await enabled(ctx, 'automation.rules')
  return inTransaction<RunOutcome, AutomationDatabase>(ctx.db, systemActor(RUN_EXECUTION_JOB), async (tx) => {
    const e = await tx
      .selectFrom('automation.automation_executions')
      .select(['id', 'rule_id', 'facts', 'attempts', 'decided_by'])
      .where('id', '=', executionId)
      .where('state', '=', 'approved')
      // waits for a concurrent run, then finds it no longer approved. Not SKIP LOCKED: a momentary
      // lock by someone else (a losing concurrent approval) would skip the run for good
      .forUpdate()
      .executeTakeFirst()
    if (!e) return 'skipped'
    // switched off: it waits, approved, with a note; the requeue job runs it once switched on
    if (!on) {
      await markPaused(tx, e.id, ctx.clock.now())
      return 'paused'
    }
    const r = await tx
      .selectFrom('automation.automation_rules')
      .selectAll()
      .where('id', '=', e.rule_id)
      .executeTakeFirstOrThrow()
    const actor = e.decided_by
      ? { userId: e.decided_by, role: 'platform_admin' }
      : { userId: r.created_by ?? NOBODY, role: 'automation' }
    return runExecution(ctx, tx, e, compileRule(r), actor, options)
  })
}

/**
 * Runs an approved execution's action inside a savepoint: a refusal by the owning module (its
 * checks apply) rolls back only the action and marks the execution failed with the reason.
 */
export async function runExecution(
  ctx: AppContext,
  tx: AutomationTx,
  exec: { id: string; facts: unknown; attempts: number },
  rule: Pick<CompiledRule, 'id' | 'name' | 'action' | 'params'>,
  actor: { userId: string; role: string },
  options: { final: boolean } = { final: true },
): Promise<Exclude<RunOutcome, 'skipped' | 'paused'>> {
  const executionId = exec.id
  const now = ctx.clock.now()
  await sql`savepoint automation_action`.execute(tx)
  try {
    const out = await rule.action.run({
      ctx,
      tx: tx as AnyTx,
      facts: exec.facts as Facts,
      params: rule.params,
      actor,
      executionId,
      ruleName: rule.name,
    })
    await sql`release savepoint automation_action`.execute(tx)
    await tx
      .updateTable('automation.automation_executions')
      .set({
        state: 'executed',
        executed_at: now,
        updated_at: now,
        attempts: exec.attempts + 1,
        result: JSON.stringify(out.result),
        undo: out.undo ? JSON.stringify(out.undo) : null,
        error: null,
        error_code: null,
        version: sql`version + 1`,
      })
      .where('id', '=', executionId)
      .execute()
    await recordDecision(tx, {
      kind: 'decision',
      source: 'automation',
      subjectType: 'automation_execution',
      subjectId: executionId,
      aiRecommendation: rule.action.type,
      humanDecision: 'executed',
      factors: { rule_id: rule.id, result: out.result },
      actorRole: actor.role,
      at: now,
    })
    return 'executed'
  } catch (e) {
    await sql`rollback to savepoint automation_action`.execute(tx)
    const refused = e instanceof AppError
    const code = refused ? e.code : 'internal'
    const message = e instanceof Error ? e.message : String(e)
    if (!refused) ctx.log.warn({ err: e, executionId }, 'automation action failed')
    const retrying = !refused && !options.final
    await tx
      .updateTable('automation.automation_executions')
      .set({
        ...(retrying ? {} : { state: 'failed' }),
        updated_at: now,
        attempts: exec.attempts + 1,
        error_code: code,
        error: message.slice(0, 1000),
        version: sql`version + 1`,
      })
      .where('id', '=', executionId)
      .execute()
    return retrying ? 'retrying' : 'failed'
  }
}

/**
 * The global circuit breaker: too many executions (or failures) across all rules within the
 * window pauses every rule until an admin resets it. Logged (audit, breaker events, decision log).
 */
export async function checkBreaker(ctx: AppContext, tx: AutomationTx): Promise<boolean> {
  const now = ctx.clock.now()
  // one round trip: the settings and the counts of the window (after a reset only what came since
  // counts, else the same burst would trip it again at once)
  const {
    rows: [c],
  } = await sql<{
    paused: boolean
    breaker_window_minutes: number
    breaker_max_executions: number
    breaker_max_failures: number
    executions: number
    failures: number
  }>`select s.paused, s.breaker_window_minutes, s.breaker_max_executions, s.breaker_max_failures,
      x.executions, x.failures
    from automation.settings s
    cross join lateral (
      select count(*)::int as executions, count(*) filter (where e.state = 'failed')::int as failures
      from automation.automation_executions e
      where e.created_at > greatest(${now}::timestamptz - make_interval(mins => s.breaker_window_minutes),
        coalesce(s.reset_at, '-infinity'::timestamptz))
    ) x`.execute(tx)
  if (!c) throw new Error('automation.settings has no row')
  if (c.paused) return true
  const s = c
  if (c.executions <= s.breaker_max_executions && c.failures <= s.breaker_max_failures) return false
  const reason =
    c.executions > s.breaker_max_executions
      ? `${c.executions} executions in ${s.breaker_window_minutes} minutes (limit ${s.breaker_max_executions})`
      : `${c.failures} failures in ${s.breaker_window_minutes} minutes (limit ${s.breaker_max_failures})`
  const tripped = await tx
    .updateTable('automation.settings')
    .set({ paused: true, paused_reason: reason, tripped_at: now })
    .where('paused', '=', false)
    .returning('paused')
    .executeTakeFirst()
  if (!tripped) return true
  await announceRuleChange(tx)
  dropRuleCache()
  await tx
    .insertInto('automation.breaker_events')
    .values({ kind: 'tripped', reason, executions: c.executions, failures: c.failures, occurred_at: now })
    .execute()
  await appendAudit(tx, {
    action: 'automation.breaker_tripped',
    entityType: 'automation_breaker',
    after: { reason, executions: c.executions, failures: c.failures },
    actorRole: 'system',
  })
  await recordDecision(tx, {
    kind: 'flag',
    source: 'automation',
    subjectType: 'automation_breaker',
    subjectId: 'global',
    aiRecommendation: 'pause',
    reason,
    at: now,
  })
  ctx.log.warn({ reason }, 'automation circuit breaker tripped: every rule is paused')
  return true
}

/** An outbox event: every active rule of its type whose conditions hold fires once. */
export async function onEvent(
  ctx: AppContext,
  tx: AutomationTx,
  e: { event_id: string; event: string; aggregate: { type: string; id: string }; data: unknown },
): Promise<Partial<Record<FireOutcome, number>> & { rules: number }> {
  const { paused, rules } = await activeRules(tx, `event:${e.event}`)
  const out: Partial<Record<FireOutcome, number>> & { rules: number } = { rules: rules.length }
  if (rules.length === 0) return out
  if (paused) return { ...out, paused: rules.length }
  const facts = e.data as Facts
  for (const rule of rules) {
    if (!rule.predicate(facts)) continue
    const r = await fire(ctx, tx, rule, {
      triggerId: e.event_id,
      triggerType: e.event,
      subjectType: e.aggregate.type,
      subjectId: e.aggregate.id,
      facts,
    })
    out[r] = (out[r] ?? 0) + 1
    if (r === 'created' || r === 'queued' ? await isPaused(tx) : r === 'paused') break
  }
  return out
}

async function isPaused(tx: AutomationTx): Promise<boolean> {
  const s = await tx.selectFrom('automation.settings').select('paused').executeTakeFirstOrThrow()
  return s.paused
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))

/**
 * Scheduled rules (the hourly job): each due rule (hourly every run, daily once per UTC day)
 * evaluates its source's rows; an occurrence (an application's stay in a stage, a hold's
 * guarantee end) fires a rule at most once.
 */
export async function runScheduledRules(
  ctx: AppContext,
  tx: AutomationTx,
  options: { ruleId?: string; force?: boolean } = {},
): Promise<{ rules: number; matched: number; outcomes: Partial<Record<FireOutcome, number>> }> {
  const now = ctx.clock.now()
  if (await isPaused(tx)) return { rules: 0, matched: 0, outcomes: { paused: 1 } }
  let q = tx
    .selectFrom('automation.automation_rules')
    .selectAll()
    .where('active', '=', true)
    .where('trigger_kind', '=', 'schedule')
  if (options.ruleId) q = q.where('id', '=', options.ruleId)
  const due = (await q.orderBy('id').execute()).filter(
    (r) =>
      options.force || r.schedule === 'hourly' || r.last_run_at === null || r.last_run_at < startOfDay(now),
  )
  const outcomes: Partial<Record<FireOutcome, number>> = {}
  let matched = 0
  const rowsBySource = new Map<
    string,
    Awaited<ReturnType<NonNullable<ReturnType<typeof scheduledSource>>['rows']>>
  >()
  for (const r of due) {
    const source = scheduledSource(r.trigger_key)
    if (!source) continue
    let rows = rowsBySource.get(source.key)
    if (!rows) {
      rows = await source.rows(tx as AnyTx, now)
      rowsBySource.set(source.key, rows)
    }
    const rule = compileRule(r)
    for (const row of rows) {
      if (!rule.predicate(row.facts)) continue
      matched++
      const o = await fire(ctx, tx, rule, {
        triggerId: row.occurrence,
        triggerType: `schedule:${source.key}`,
        subjectType: source.subject.type,
        subjectId: row.subjectId,
        facts: row.facts,
      })
      outcomes[o] = (outcomes[o] ?? 0) + 1
      if (o === 'created' || o === 'queued' ? await isPaused(tx) : o === 'paused') break
    }
    await tx
      .updateTable('automation.automation_rules')
      .set({ last_run_at: now })
      .where('id', '=', r.id)
      .execute()
    if (await isPaused(tx)) break
  }
  return { rules: due.length, matched, outcomes }
}
