import { z } from 'zod'
import { OPERATORS } from './conditions.ts'
import { STATES } from './executions.ts'

const ZTime = z.string().describe('ISO 8601 time')
const ZTimeN = ZTime.nullable()

export const ZRule = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  template: z.string().nullable(),
  trigger: z.object({
    kind: z.enum(['event', 'schedule']),
    key: z.string(),
    schedule: z.enum(['hourly', 'daily']).optional(),
  }),
  conditions: z.unknown().describe('{ all: [...] } | { any: [...] } | { field, op, value }'),
  summary: z.string(),
  action: z.object({ type: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
  requires_approval: z.boolean(),
  active: z.boolean(),
  max_per_hour: z.number().int(),
  max_per_day: z.number().int(),
  minutes_per_action: z.number().int(),
  throttled: z.number().int(),
  last_run_at: ZTimeN,
  created_at: ZTime,
  updated_at: ZTime,
  version: z.number().int(),
})

export const ZExecution = z.object({
  id: z.uuid(),
  rule_id: z.uuid(),
  rule_name: z.string(),
  action_type: z.string(),
  rule_version: z.number().int(),
  trigger_id: z.string(),
  trigger_type: z.string(),
  subject_type: z.string(),
  subject_id: z.string(),
  facts: z.record(z.string(), z.unknown()),
  state: z.enum(STATES),
  reason: z.string().nullable(),
  error_code: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  paused: z
    .boolean()
    .describe('Approved but waiting: automation is switched off (flag automation.rules); `error` says so'),
  undoable: z.boolean(),
  undo_note: z
    .string()
    .nullable()
    .describe('For an executed action: how an undo works, or why it cannot be undone'),
  result: z.record(z.string(), z.unknown()).nullable(),
  decided_by: z.string().nullable(),
  decided_at: ZTimeN,
  executed_at: ZTimeN,
  undone_at: ZTimeN,
  created_at: ZTime,
  version: z.number().int(),
})

export const ZExecutionQuery = z.strictObject({
  rule_id: z.uuid().optional(),
  state: z.enum(STATES).optional(),
  subject_id: z.string().max(200).optional(),
  starting_after: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const ZExecutionPage = z.object({
  data: z.array(ZExecution),
  has_more: z.boolean(),
  next_cursor: z.string().nullable(),
})

export const ZDryRun = z.object({
  summary: z.string(),
  window: z.object({ from: ZTime, to: ZTime }),
  evaluated: z.number().int(),
  matched: z.number().int(),
  would_act: z.number().int(),
  throttled: z.number().int(),
  sample: z.array(
    z.object({
      trigger_id: z.string(),
      subject_type: z.string(),
      subject_id: z.string(),
      at: ZTime,
      facts: z.record(z.string(), z.unknown()),
    }),
  ),
})

export const ZBreaker = z.object({
  paused: z.boolean(),
  reason: z.string().nullable(),
  tripped_at: ZTimeN,
  reset_at: ZTimeN,
  window_minutes: z.number().int(),
  max_executions: z.number().int(),
  max_failures: z.number().int(),
})

export const ZMetrics = z.object({
  breaker: ZBreaker,
  data: z.array(
    z.object({
      rule_id: z.uuid(),
      name: z.string(),
      active: z.boolean(),
      fired: z.number().int(),
      approved: z.number().int(),
      rejected: z.number().int(),
      executed: z.number().int(),
      failed: z.number().int(),
      pending: z.number().int(),
      throttled: z.number().int(),
      minutes_saved: z.number().int(),
    }),
  ),
})

const ZField = z.object({
  path: z.string(),
  type: z.enum(['string', 'number', 'boolean', 'date']),
  values: z.array(z.string()).optional(),
})

export const ZCatalog = z.object({
  triggers: z.array(
    z.object({
      kind: z.enum(['event', 'schedule']),
      key: z.string(),
      label: z.string(),
      description: z.string(),
      fields: z.array(ZField),
    }),
  ),
  actions: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      needs: z.array(z.string()),
      undoable: z.boolean(),
      undo_note: z.string(),
      params: z.array(
        z.object({
          name: z.string(),
          type: z.enum(['string', 'number']),
          values: z.array(z.string()).optional(),
        }),
      ),
    }),
  ),
  operators: z.array(z.enum(OPERATORS)),
  templates: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      description: z.string(),
      trigger: z.object({
        kind: z.enum(['event', 'schedule']),
        key: z.string(),
        schedule: z.enum(['hourly', 'daily']).optional(),
      }),
      conditions: z.unknown(),
      action: z.object({ type: z.string(), params: z.record(z.string(), z.unknown()) }),
      minutes_per_action: z.number().int(),
      summary: z.string(),
    }),
  ),
})

export const ZApproveBody = z.strictObject({ reason: z.string().trim().min(1).max(1000).optional() })
export const ZRejectBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) })
export const ZResetBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) })
