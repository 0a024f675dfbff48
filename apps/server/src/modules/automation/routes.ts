import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { ZIdParams } from '../../kernel/http/schemas.ts'
import { automationRoute as route, who } from './caller.ts'
import { OPERATORS } from './conditions.ts'
import type { AutomationTx } from './database.ts'
import { runScheduledRules } from './engine.ts'
import {
  approveExecution,
  breakerState,
  getExecution,
  listExecutions,
  metrics,
  rejectExecution,
  resetBreaker,
  retryExecution,
  undoExecution,
} from './executions.ts'
import { ACTIONS, triggers } from './registry.ts'
import {
  createRule,
  draftOf,
  dryRun,
  getRule,
  listRules,
  presentRule,
  setActive,
  templateList,
  updateRule,
  ZRuleDraft,
  ZRulePatch,
} from './rules.ts'
import {
  ZApproveBody,
  ZBreaker,
  ZCatalog,
  ZDryRun,
  ZExecution,
  ZExecutionPage,
  ZExecutionQuery,
  ZMetrics,
  ZRejectBody,
  ZResetBody,
  ZRule,
} from './schemas.ts'

const tags = ['automation']
const DECIDED =
  'An execution already decided (approved, rejected, retried or undone, also by a concurrent request) answers 409 automation_execution_already_decided.'
const RULE_422 =
  'A condition naming a field the trigger does not carry answers 422 automation_unknown_field; an action the trigger’s subject cannot take 422 automation_action_not_permitted.'

function catalog() {
  return {
    triggers: triggers().map(({ subject: _, ...t }) => t),
    actions: ACTIONS.map((a) => ({
      type: a.type,
      label: a.label,
      needs: [...a.needs],
      undoable: a.undo !== undefined,
      undo_note: a.undoNote,
      params: a.params.map((p) => ({
        name: p.name,
        type: p.type,
        ...(p.values ? { values: [...p.values] } : {}),
      })),
    })),
    operators: [...OPERATORS],
    templates: templateList(),
  }
}

type Execution = Awaited<ReturnType<typeof getExecution>>

/**
 * The four decisions on an execution (approve, reject, retry, undo) share one shape: a POST on
 * `…/executions/{id}/<verb>` by a platform admin, answering the execution, 409 when it was already
 * decided (also by a concurrent request).
 */
function executionDecision<TBody extends z.ZodType | undefined = undefined>(
  verb: 'approve' | 'reject' | 'retry' | 'undo',
  spec: {
    operationId: string
    summary: string
    description: string
    body?: TBody
    run(input: {
      ctx: AppContext
      tx: AutomationTx
      userId: string
      id: string
      body: TBody extends z.ZodType ? z.output<TBody> : undefined
    }): Promise<Execution>
  },
) {
  return route.define({
    method: 'POST',
    url: `/api/admin/automation/executions/:id/${verb}`,
    operationId: spec.operationId,
    summary: spec.summary,
    description: `${spec.description} ${DECIDED}`,
    tags,
    access: who.admin,
    params: ZIdParams,
    ...(spec.body ? { body: spec.body } : {}),
    errors: [409],
    response: ZExecution,
    handler: ({ ctx, tx, caller, params, body }) =>
      spec.run({ ctx, tx, userId: caller.userId, id: params.id, body }),
  })
}

/** Automation rules with human approval (issue 15 §1): rules, dry runs, the approval queue, metrics. */
export const automationRoutes = [
  route.define({
    method: 'GET',
    url: '/api/admin/automation/rules',
    operationId: 'listAutomationRules',
    summary: 'Automation rules, newest first, each with its readable summary',
    tags,
    access: who.admin,
    response: z.object({ data: z.array(ZRule) }),
    handler: async ({ tx }) => ({ data: (await listRules(tx)).map(presentRule) }),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/automation/rules',
    operationId: 'createAutomationRule',
    summary: 'Create a rule (inactive until activated)',
    description: `Conditions are checked against the trigger event’s payload schema. ${RULE_422}`,
    tags,
    access: who.admin,
    body: ZRuleDraft,
    status: 201,
    errors: [422],
    response: ZRule,
    handler: async ({ tx, caller, body, ctx }) =>
      presentRule(await createRule(tx, caller.userId, body, ctx.clock.now())),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/automation/rules/dry-run',
    operationId: 'dryRunAutomationDraft',
    summary: 'Dry-run a draft rule: what it would have done over the last 30 days',
    description: `Nothing is created or acted on. ${RULE_422}`,
    tags,
    access: who.admin,
    body: ZRuleDraft,
    errors: [422],
    response: ZDryRun,
    handler: async ({ tx, body, ctx }) => await dryRun(tx, body, ctx.clock.now()),
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/automation/rules/:id',
    operationId: 'getAutomationRule',
    summary: 'One automation rule',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: ZRule,
    handler: async ({ tx, params }) => presentRule(await getRule(tx, params.id)),
  }),

  route.define({
    method: 'PATCH',
    url: '/api/admin/automation/rules/:id',
    operationId: 'updateAutomationRule',
    summary: 'Change a rule (optimistic: send the version you read)',
    description: `A stale version answers 409 version_conflict. ${RULE_422}`,
    tags,
    access: who.admin,
    params: ZIdParams,
    body: ZRulePatch,
    errors: [409, 422],
    response: ZRule,
    handler: async ({ tx, params, body, ctx }) =>
      presentRule(await updateRule(tx, params.id, body, ctx.clock.now())),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/automation/rules/:id/activate',
    operationId: 'activateAutomationRule',
    summary: 'Switch a rule on',
    tags,
    access: who.admin,
    params: ZIdParams,
    errors: [404, 409],
    response: ZRule,
    handler: async ({ tx, params, ctx }) =>
      presentRule(await setActive(tx, params.id, true, ctx.clock.now())),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/automation/rules/:id/deactivate',
    operationId: 'deactivateAutomationRule',
    summary: 'Switch a rule off',
    tags,
    access: who.admin,
    params: ZIdParams,
    errors: [404, 409],
    response: ZRule,
    handler: async ({ tx, params, ctx }) =>
      presentRule(await setActive(tx, params.id, false, ctx.clock.now())),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/automation/rules/:id/dry-run',
    operationId: 'dryRunAutomationRule',
    summary: 'What the rule would have done over the last 30 days (count and sample), acting on nothing',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: ZDryRun,
    handler: async ({ tx, params, ctx }) => {
      const r = presentRule(await getRule(tx, params.id))
      return await dryRun(tx, draftOf(r), ctx.clock.now(), r.id)
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/automation/rules/:id/run',
    operationId: 'runAutomationRule',
    summary: 'Evaluate an active scheduled rule now (instead of waiting for its hour or day)',
    description:
      'Matches become executions as on schedule (pending when approval is needed), within the rule’s limits.',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: z.object({
      rules: z.number().int(),
      matched: z.number().int(),
      outcomes: z.record(z.string(), z.number().int()),
    }),
    handler: async ({ tx, params, ctx }) => {
      await getRule(tx, params.id)
      return runScheduledRules(ctx, tx, { ruleId: params.id, force: true })
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/automation/executions',
    operationId: 'listAutomationExecutions',
    summary: 'Executions newest first (the approval queue with state=pending), keyset-paged',
    tags,
    access: who.admin,
    query: ZExecutionQuery,
    response: ZExecutionPage,
    handler: async ({ tx, query }) => await listExecutions(tx, query),
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/automation/executions/:id',
    operationId: 'getAutomationExecution',
    summary: 'One execution with its facts, result and reasons',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: ZExecution,
    handler: async ({ tx, params }) => await getExecution(tx, params.id),
  }),

  executionDecision('approve', {
    operationId: 'approveAutomationExecution',
    summary: 'Approve a pending execution: stored approved (who, when, why) and its action queued',
    description:
      'The queue (job automation.run_execution) runs it once through the owning module: executed, or failed with the module’s reason (retry later).',
    body: ZApproveBody.optional(),
    run: ({ ctx, tx, userId, id, body }) => approveExecution(ctx, tx, userId, id, body?.reason),
  }),

  executionDecision('reject', {
    operationId: 'rejectAutomationExecution',
    summary: 'Reject a pending execution, saying why',
    description: 'Nothing is done.',
    body: ZRejectBody,
    run: ({ ctx, tx, userId, id, body }) => rejectExecution(ctx, tx, userId, id, body.reason),
  }),

  executionDecision('retry', {
    operationId: 'retryAutomationExecution',
    summary: 'Try a failed execution again: approved and queued once more',
    description: 'Only a failed execution can be retried.',
    run: ({ ctx, tx, userId, id }) => retryExecution(ctx, tx, userId, id),
  }),

  executionDecision('undo', {
    operationId: 'undoAutomationExecution',
    summary:
      'Undo an executed reversible action (an advanced application goes back; a released hold’s payout is cancelled before it is paid)',
    description:
      'An action that cannot be undone (a notification sent), or whose subject moved on (the application moved again, the payout went out), answers 409 automation_not_undoable with the reason.',
    run: ({ ctx, tx, userId, id }) => undoExecution(ctx, tx, userId, id),
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/automation/metrics',
    operationId: 'automationMetrics',
    summary:
      'Per rule: fired, approved, rejected, executed, failed, throttled and minutes saved; the breaker',
    tags,
    access: who.admin,
    response: ZMetrics,
    handler: async ({ tx }) => await metrics(tx),
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/automation/templates',
    operationId: 'automationTemplates',
    summary: 'Rule templates, triggers with their fields, actions and operators (for the rule builder)',
    tags,
    access: who.admin,
    response: ZCatalog,
    handler: async () => catalog(),
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/automation/breaker',
    operationId: 'automationBreaker',
    summary: 'The global circuit breaker’s state',
    tags,
    access: who.admin,
    response: ZBreaker,
    handler: async ({ tx }) => await breakerState(tx),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/automation/breaker/reset',
    operationId: 'resetAutomationBreaker',
    summary: 'Reset the tripped circuit breaker: rules run again (logged with the reason)',
    tags,
    access: who.admin,
    body: ZResetBody,
    response: ZBreaker,
    handler: async ({ tx, caller, body, ctx }) =>
      await resetBreaker(tx, caller.userId, ctx.clock.now(), body.reason),
  }),
]
