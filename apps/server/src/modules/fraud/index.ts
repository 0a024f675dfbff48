import './errors.ts'
import './notices.ts'
import type { AppModule } from '../../kernel/module.ts'
import { provideHealthSource } from '../health/index.ts'
import { provideSubmissionGuard } from '../recruiting/index.ts'
import { fraudRoute } from './caller.ts'
import {
  duplicateBlockedConsumer,
  placementDetectorsConsumer,
  profileManipulationConsumer,
  submissionDetectorsConsumer,
} from './consumers.ts'
import { readFlagsFrom } from './flags.ts'
import { submissionHoldGuard } from './holds.ts'
import { fraudRoutes } from './routes.ts'
import { demoFraudSeed } from './seed.ts'
import { signalsOpenedOn } from './signals.ts'

/**
 * Fraud signals and throttling (issue 15 §3): detectors on recruiting's events raise explained
 * signals (deduplicated), admins review them, and a recruiter with an open high or critical signal
 * is put on hold for submissions until an admin lifts it. See README.md.
 */
export const fraudModule: AppModule = {
  name: 'fraud',
  schemas: ['fraud'],
  routes(app, ctx) {
    fraudRoute.mount(app, ctx, fraudRoutes)
  },
  seeds: [demoFraudSeed],
  init(ctx) {
    // recruiting asks fraud, in the submission's transaction, whether the recruiter is on hold
    provideSubmissionGuard(submissionHoldGuard)
    readFlagsFrom(ctx)
    // marketplace health counts the signals opened each day
    provideHealthSource('fraud', signalsOpenedOn)
  },
  consumers: [
    submissionDetectorsConsumer,
    duplicateBlockedConsumer,
    profileManipulationConsumer,
    placementDetectorsConsumer,
  ],
}

export { enabled as fraudEnabled, type FraudFlag } from './flags.ts'
