import './errors.ts'
import type { AppModule } from '../../kernel/module.ts'
import { intelligenceRoute } from './caller.ts'
import { matchOutcomeConsumer, rescoreCandidateConsumer, rescoreRoleConsumer } from './consumers.ts'
import { matchingRoutes } from './routes.ts'
import { demoMatchesSeed } from './seed.ts'

/**
 * Explainable matching with human review, and the decision audit log (issue 14 §3–§6): candidate ↔
 * role suggestions scored by a printable linear model, re-scored incrementally from recruiting's
 * events, reviewed by people (nothing is submitted automatically), every suggestion and decision
 * logged append-only. See README.md.
 */
export const intelligenceModule: AppModule = {
  name: 'intelligence',
  schemas: ['intelligence'],
  routes(app, ctx) {
    intelligenceRoute.mount(app, ctx, matchingRoutes)
  },
  seeds: [demoMatchesSeed],
  consumers: [rescoreRoleConsumer, rescoreCandidateConsumer, matchOutcomeConsumer],
}

export { type DecisionRecord, recordDecision } from './decisions.ts'
