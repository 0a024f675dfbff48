import './errors.ts'
import './notices.ts'
import type { AppModule } from '../../kernel/module.ts'
import { automationRoute } from './caller.ts'
import { evaluateRulesConsumer, scheduledRulesJob } from './consumers.ts'
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
  routes(app, ctx) {
    automationRoute.mount(app, ctx, automationRoutes)
  },
  seeds: [demoAutomationSeed],
  jobs: [scheduledRulesJob],
  consumers: [evaluateRulesConsumer],
}
