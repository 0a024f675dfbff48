import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { defineJob } from '../../kernel/jobs/define-job.ts'
import { defineConsumer } from '../../kernel/outbox/events.ts'
import type { AutomationDatabase } from './database.ts'
import {
  onEvent,
  RUN_EXECUTION_JOB,
  RUN_RETRY_LIMIT,
  requeueStaleApproved,
  runApprovedExecution,
  runScheduledRules,
} from './engine.ts'
import { enabled } from './flag.ts'
import { EVENT_TRIGGER_TYPES } from './registry.ts'

/** Event-triggered rules: each event of a trigger type is evaluated once against the active rules. */
export const evaluateRulesConsumer = defineConsumer<(typeof EVENT_TRIGGER_TYPES)[number], AutomationDatabase>(
  {
    name: 'automation.evaluate_rules',
    description: 'Evaluate active automation rules on the marketplace’s events',
    events: EVENT_TRIGGER_TYPES,
    concurrency: 2,
    handle: async (tx, event, ctx) => {
      if (!(await enabled(ctx, 'automation.rules'))) return { skipped: 'flag off' }
      return onEvent(ctx, tx, event)
    },
  },
)

/** Scheduled rules: hourly (daily rules run once per UTC day). */
export const scheduledRulesJob = defineJob({
  name: 'automation.run_scheduled_rules',
  description: 'Evaluate scheduled automation rules (hourly ones each hour, daily ones once a day)',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 300,
  concurrency: 1,
  schedule: { cron: '7 * * * *', payload: {} },
  handler: async (_p, ctx: AppContext) => {
    if (!(await enabled(ctx, 'automation.rules'))) return { skipped: 'flag off' }
    return inTransaction<unknown, AutomationDatabase>(ctx.db, systemActor('automation.schedule'), (tx) =>
      runScheduledRules(ctx, tx),
    )
  },
})

/**
 * The queue of approved executions: one job per approval (or retry, or rule that skips approval),
 * enqueued in the approving transaction. The run locks the execution and needs it still `approved`,
 * so a redelivered or duplicate job does nothing. A refusal by the owning module fails it at once
 * (an admin may retry); a passing failure is retried with backoff, and the last attempt fails it.
 */
export const runExecutionJob = defineJob({
  name: RUN_EXECUTION_JOB,
  description: 'Run an approved automation execution’s action through the owning module (once)',
  payload: z.object({ execution_id: z.uuid() }),
  retry: { limit: RUN_RETRY_LIMIT, delaySeconds: 5, backoff: true, maxDelaySeconds: 300 },
  timeoutSeconds: 120,
  concurrency: 2,
  handler: async (p, ctx: AppContext, run) => {
    const outcome = await runApprovedExecution(ctx, p.execution_id, {
      final: run.retryCount >= RUN_RETRY_LIMIT,
    })
    if (outcome === 'retrying') {
      throw new Error(
        `Automation execution ${p.execution_id} failed for a passing reason; it will be retried`,
      )
    }
    return { outcome }
  },
})

/** Every 5 minutes: approved executions waiting over 10 minutes (their job lost) are queued again. */
export const requeueApprovedJob = defineJob({
  name: 'automation.requeue_approved',
  description: 'Queue again approved automation executions whose run was lost (waiting over 10 minutes)',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 120,
  concurrency: 1,
  schedule: { cron: '*/5 * * * *', payload: {} },
  handler: async (_p, ctx: AppContext) => requeueStaleApproved(ctx),
})
