import { z } from 'zod'
import { appendAudit } from '../../kernel/audit/audit.ts'
import { versionConflict } from '../../kernel/db/concurrency.ts'
import { AppError } from '../../kernel/errors.ts'
import { pastEvents } from '../../kernel/outbox/events.ts'
import {
  type ConditionNode,
  compileConditions,
  describeConditions,
  type Facts,
  validateConditions,
  ZCondition,
} from './conditions.ts'
import type { AutomationTx } from './database.ts'
import { bumpGeneration } from './engine.ts'
import { findAction, findTrigger, scheduledSource, TEMPLATES, type Trigger } from './registry.ts'

export const ZTrigger = z.strictObject({
  kind: z.enum(['event', 'schedule']),
  key: z.string().min(1).max(100),
  schedule: z.enum(['hourly', 'daily']).optional(),
})
export const ZAction = z.strictObject({
  type: z.string().min(1).max(60),
  params: z.record(z.string(), z.union([z.string().max(500), z.number()])).default({}),
})
export const ZRuleDraft = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  template: z.string().max(60).nullable().optional(),
  trigger: ZTrigger,
  conditions: ZCondition,
  action: ZAction,
  requires_approval: z.boolean().default(true),
  max_per_hour: z.number().int().min(1).max(10_000).default(20),
  max_per_day: z.number().int().min(1).max(100_000).default(200),
  minutes_per_action: z.number().int().min(0).max(600).default(5),
})
export type RuleDraft = z.output<typeof ZRuleDraft>
export const ZRulePatch = ZRuleDraft.partial().extend({ version: z.number().int().min(1) })

/** Checks a draft against the trigger's fields and the action's needs; returns its summary. */
export function checkDraft(d: RuleDraft): { trigger: Trigger; summary: string } {
  const trigger = findTrigger(d.trigger.kind, d.trigger.key)
  if (d.trigger.kind === 'schedule' && !d.trigger.schedule) {
    throw new AppError('unprocessable', 'body.trigger.schedule: a scheduled rule runs hourly or daily', {
      errors: [{ field: 'body.trigger.schedule', message: 'is required for a schedule' }],
    })
  }
  validateConditions(d.conditions, trigger.fields)
  const action = findAction(d.action.type, trigger)
  for (const [name, value] of Object.entries(d.action.params)) {
    const p = action.params.find((x) => x.name === name)
    if (!p || typeof value !== p.type || (p.values && !p.values.includes(String(value)))) {
      throw new AppError('unprocessable', `body.action.params.${name}: not a parameter of ${action.type}`, {
        errors: [
          {
            field: `body.action.params.${name}`,
            message: p
              ? `must be ${p.values ? `one of ${p.values.join(', ')}` : `a ${p.type}`}`
              : 'unknown parameter',
          },
        ],
      })
    }
  }
  if (d.max_per_hour > d.max_per_day) {
    throw new AppError('unprocessable', 'body.max_per_hour: cannot exceed max_per_day', {
      errors: [{ field: 'body.max_per_hour', message: 'is more than max_per_day' }],
    })
  }
  const when =
    trigger.kind === 'event'
      ? `When ${trigger.description.charAt(0).toLowerCase()}${trigger.description.slice(1)} (${trigger.key})`
      : `${d.trigger.schedule === 'hourly' ? 'Every hour' : 'Every day'}, for ${trigger.label.charAt(0).toLowerCase()}${trigger.label.slice(1)}`
  const cond = describeConditions(d.conditions)
  const summary = `${when}${cond === 'always' ? '' : ` where ${cond}`}: ${action.describe(d.action.params)}, ${
    d.requires_approval ? 'after an admin approves' : 'without approval'
  }; at most ${d.max_per_hour} an hour and ${d.max_per_day} a day.`
  return { trigger, summary }
}

const ruleColumns = (d: RuleDraft, summary: string) => ({
  name: d.name,
  description: d.description,
  template: d.template ?? null,
  trigger_kind: d.trigger.kind,
  trigger_key: d.trigger.key,
  schedule: d.trigger.kind === 'schedule' ? (d.trigger.schedule ?? 'daily') : null,
  conditions: JSON.stringify(d.conditions),
  summary,
  action_type: d.action.type,
  action_params: JSON.stringify(d.action.params),
  requires_approval: d.requires_approval,
  max_per_hour: d.max_per_hour,
  max_per_day: d.max_per_day,
  minutes_per_action: d.minutes_per_action,
})

export type RuleRow = Awaited<ReturnType<typeof getRule>>

export async function getRule(tx: AutomationTx, id: string) {
  const r = await tx
    .selectFrom('automation.automation_rules')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!r) throw new AppError('not_found', 'No such automation rule')
  return r
}

export function presentRule(r: RuleRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    template: r.template,
    trigger: {
      kind: r.trigger_kind as 'event' | 'schedule',
      key: r.trigger_key,
      ...(r.schedule ? { schedule: r.schedule as 'hourly' | 'daily' } : {}),
    },
    conditions: r.conditions as ConditionNode,
    summary: r.summary,
    action: { type: r.action_type, params: r.action_params as Record<string, string | number> },
    requires_approval: r.requires_approval,
    active: r.active,
    max_per_hour: r.max_per_hour,
    max_per_day: r.max_per_day,
    minutes_per_action: r.minutes_per_action,
    throttled: r.throttled,
    last_run_at: r.last_run_at,
    created_at: r.created_at,
    updated_at: r.updated_at,
    version: r.version,
  }
}

export async function createRule(tx: AutomationTx, userId: string, d: RuleDraft, now: Date) {
  const { summary } = checkDraft(d)
  const row = await tx
    .insertInto('automation.automation_rules')
    .values({ ...ruleColumns(d, summary), created_by: userId, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(tx, {
    action: 'automation.rule_created',
    entityType: 'automation_rule',
    entityId: row.id,
    after: presentRule(row),
    actorRole: 'platform_admin',
  })
  return row
}

export async function updateRule(
  tx: AutomationTx,
  id: string,
  patch: z.output<typeof ZRulePatch>,
  now: Date,
  extra: { active?: boolean } = {},
) {
  const before = await getRule(tx, id)
  if (before.version !== patch.version) throw versionConflict('The rule', patch.version)
  const cur = presentRule(before)
  const { version: _, ...fields } = patch
  const draft: RuleDraft = {
    name: fields.name ?? cur.name,
    description: fields.description ?? cur.description,
    template: fields.template === undefined ? cur.template : fields.template,
    trigger: fields.trigger ?? cur.trigger,
    conditions: fields.conditions ?? cur.conditions,
    action: fields.action ?? cur.action,
    requires_approval: fields.requires_approval ?? cur.requires_approval,
    max_per_hour: fields.max_per_hour ?? cur.max_per_hour,
    max_per_day: fields.max_per_day ?? cur.max_per_day,
    minutes_per_action: fields.minutes_per_action ?? cur.minutes_per_action,
  }
  const { summary } = checkDraft(draft)
  const row = await tx
    .updateTable('automation.automation_rules')
    .set({ ...ruleColumns(draft, summary), ...extra, updated_at: now, version: before.version + 1 })
    .where('id', '=', id)
    .where('version', '=', patch.version)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw versionConflict('The rule', patch.version)
  await bumpGeneration(tx)
  await appendAudit(tx, {
    action:
      extra.active === undefined
        ? 'automation.rule_updated'
        : extra.active
          ? 'automation.rule_activated'
          : 'automation.rule_deactivated',
    entityType: 'automation_rule',
    entityId: id,
    before: cur,
    after: presentRule(row),
    actorRole: 'platform_admin',
  })
  return row
}

/** Switches a rule on or off (idempotent: the same state again changes nothing). */
/**
 * Switches a rule on or off, once: the row is locked, so of concurrent identical requests one
 * switches it and the others find it already so (409 `automation_rule_unchanged`).
 */
export async function setActive(tx: AutomationTx, id: string, active: boolean, now: Date) {
  const r = await tx
    .selectFrom('automation.automation_rules')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!r) throw new AppError('not_found', 'No such automation rule')
  if (r.active === active) {
    throw new AppError(
      'automation_rule_unchanged',
      `This rule is already ${active ? 'active' : 'inactive'}`,
      {
        meta: { active },
      },
    )
  }
  return updateRule(tx, id, { version: r.version }, now, { active })
}

export async function listRules(tx: AutomationTx) {
  return tx
    .selectFrom('automation.automation_rules')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/**
 * What a rule (or a draft) would have done over the last 30 days of its trigger's events (or, for
 * a scheduled rule, over its source's rows now), within its limits; nothing is acted on.
 */
export async function dryRun(tx: AutomationTx, d: RuleDraft, now: Date, ruleId?: string) {
  const { trigger, summary } = checkDraft(d)
  const predicate = compileConditions(d.conditions)
  const since = new Date(now.getTime() - 30 * 86_400_000)
  let candidates: { triggerId: string; subjectId: string; at: Date; facts: Facts }[]
  if (trigger.kind === 'event') {
    const events = await pastEvents(tx, [trigger.key], since)
    candidates = events.map((e) => ({
      triggerId: e.event_id,
      subjectId: e.aggregate_id,
      at: e.occurred_at,
      facts: e.data as Facts,
    }))
  } else {
    const rows = await scheduledSource(trigger.key)!.rows(tx, now)
    const done = ruleId
      ? new Set(
          (
            await tx
              .selectFrom('automation.automation_executions')
              .select(['trigger_id', 'subject_id'])
              .where('rule_id', '=', ruleId)
              .execute()
          ).map((e) => `${e.trigger_id}|${e.subject_id}`),
        )
      : new Set<string>()
    candidates = rows
      .filter((r) => !done.has(`${r.occurrence}|${r.subjectId}`))
      .map((r) => ({ triggerId: r.occurrence, subjectId: r.subjectId, at: now, facts: r.facts }))
  }
  const matched = candidates.filter((c) => predicate(c.facts))
  // the rule's limits, replayed in time order
  const times: number[] = []
  let wouldAct = 0
  let throttled = 0
  const sample: typeof matched = []
  for (const m of matched) {
    const t = m.at.getTime()
    const hour = times.filter((x) => x > t - 3_600_000).length
    const day = times.filter((x) => x > t - 86_400_000).length
    if (hour >= d.max_per_hour || day >= d.max_per_day) {
      throttled++
      continue
    }
    times.push(t)
    wouldAct++
    if (sample.length < 10) sample.push(m)
  }
  return {
    summary,
    window: { from: trigger.kind === 'event' ? since : now, to: now },
    evaluated: candidates.length,
    matched: matched.length,
    would_act: wouldAct,
    throttled,
    sample: sample.map((m) => ({
      trigger_id: m.triggerId,
      subject_type: trigger.subject.type,
      subject_id: m.subjectId,
      at: m.at,
      facts: m.facts as Record<string, unknown>,
    })),
  }
}

export function templateList() {
  return TEMPLATES.map((t) => ({ ...t, summary: checkDraft(templateDraft(t.key)).summary }))
}

export function templateDraft(key: string): RuleDraft {
  const t = TEMPLATES.find((x) => x.key === key)
  if (!t) throw new AppError('not_found', 'No such template')
  return ZRuleDraft.parse({
    name: t.name,
    description: t.description,
    template: t.key,
    trigger: t.trigger,
    conditions: t.conditions,
    action: t.action,
    minutes_per_action: t.minutes_per_action,
  })
}

/** A stored rule as a draft again (for its dry run). */
export function draftOf(r: ReturnType<typeof presentRule>): RuleDraft {
  return ZRuleDraft.parse({
    name: r.name,
    description: r.description,
    template: r.template,
    trigger: r.trigger,
    conditions: r.conditions,
    action: r.action,
    requires_approval: r.requires_approval,
    max_per_hour: r.max_per_hour,
    max_per_day: r.max_per_day,
    minutes_per_action: r.minutes_per_action,
  })
}
