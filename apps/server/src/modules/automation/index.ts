import './errors.ts'
import './notices.ts'
import type { AppModule } from '../../kernel/module.ts'
import { automationRoute } from './caller.ts'
import { evaluateRulesConsumer, requeueApprovedJob, runExecutionJob, scheduledRulesJob } from './consumers.ts'
import { listenForRuleChanges, stopListeningForRuleChanges } from './engine.ts'
import { automationRoutes } from './routes.ts'
import { demoAutomationSeed } from './seed.ts'

/**
 * Automation rules with human approval (issue 15 §1): rules on the marketplace's events or on a
 * schedule, conditions checked against the event's payload schema, actions taken through the
 * owning modules' services after an admin approves, limits per rule and a global circuit breaker.
 * See README.md.
 */
export const automationModule: AppModule = {
  name: 'automation',
  schemas: ['automation'],
  async init(ctx) {
    // servers hold the active rules in memory, refreshed by NOTIFY (see engine.ts)
    if (!ctx.offline && ctx.entry === 'server') await listenForRuleChanges(ctx.databaseUrl, ctx.log)
  },
  async stop() {
    await stopListeningForRuleChanges()
  },
  routes(app, ctx) {
    automationRoute.mount(app, ctx, automationRoutes)
  },
  seeds: [demoAutomationSeed],
  jobs: [scheduledRulesJob, runExecutionJob, requeueApprovedJob],
  consumers: [evaluateRulesConsumer],
}
