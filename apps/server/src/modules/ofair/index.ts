import './errors.ts'
import './events.ts'
import './reviews/errors.ts'
import './reviews/events.ts'
import type { AppFastify, AppModule } from '../../kernel/module.ts'
import { adminRoutes } from './admin/routes.ts'
import { chatRoutes } from './chat/routes.ts'
import { demoChatSeed } from './chat/seed.ts'
import { collectCommand, collectionJob } from './collection/collect.ts'
import './collection/notices.ts'
import { collectionRoutes } from './collection/routes.ts'
import { demoCollectionSeed } from './collection/seed.ts'
import { setUpOfairGateway, tearDownOfairGateway } from './collection/setup.ts'
import { ofairWebhookRoutes } from './collection/webhook.ts'
import { consumerRoutes } from './consumers/routes.ts'
import { mountFileRoutes } from './files/routes.ts'
import { invoicing } from './invoicing/index.ts'
import { leadRoutes } from './leads/routes.ts'
import { ofairNoticesConsumer } from './notices.ts'
import { professionalRoutes } from './professionals/routes.ts'
import { projectRoutes } from './projects/routes.ts'
import { proposalRoutes } from './proposals/routes.ts'
import { syncReferenceData } from './reference/reference-data.ts'
import { referenceRoutes } from './reference/routes.ts'
import { referralRoutes } from './referrals/routes.ts'
import { reviewRoutes } from './reviews/routes.ts'
import { demoReviewsSeed } from './reviews/seed.ts'
import { hebrewProblems, ofairRoute } from './route.ts'
import { demoOfairSeed } from './seed/demo-ofair.ts'
import { releaseHeldCommand, releaseHeldPaymentsJob } from './settlement/jobs.ts'
import { settlementRoutes } from './settlement/routes.ts'
import { demoSettlementSeed } from './settlement/seed.ts'

/**
 * OFAIR: the Israeli referral marketplace of local services (Hebrew). Professionals, consumers,
 * leads, referral chains, proposals and the protected reveal of clients' details. See README.md.
 */
export const ofairModule: AppModule = {
  name: 'ofair',
  schemas: ['ofair'],
  async init(ctx) {
    if (!ctx.offline) await syncReferenceData(ctx)
    await setUpOfairGateway(ctx)
  },
  // the payment provider's test server (demo mode)
  stop: async () => tearDownOfairGateway(),
  routes(app, ctx) {
    app.register(async (child) => {
      const scope = child as unknown as AppFastify
      hebrewProblems(scope)
      ofairRoute.mount(scope, ctx, [
        ...referenceRoutes,
        ...professionalRoutes,
        ...consumerRoutes,
        ...leadRoutes,
        ...proposalRoutes,
        ...referralRoutes,
        ...adminRoutes,
        ...invoicing.routes,
        ...settlementRoutes,
        ...collectionRoutes,
        ...reviewRoutes,
        ...projectRoutes,
        ...chatRoutes,
      ])
      mountFileRoutes(scope, ctx)
      ofairWebhookRoutes(scope, ctx)
    })
  },
  consumers: [ofairNoticesConsumer],
  seeds: [demoOfairSeed, demoSettlementSeed, demoCollectionSeed, demoReviewsSeed, demoChatSeed],
  jobs: [releaseHeldPaymentsJob, collectionJob, ...invoicing.jobs],
  commands: [releaseHeldCommand, collectCommand, ...invoicing.commands],
}

export { OFAIR_EVENTS } from './events.ts'
