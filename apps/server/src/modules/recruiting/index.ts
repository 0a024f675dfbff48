import './errors.ts'
import type { AppModule } from '../../kernel/module.ts'
import { applicationRoutes } from './applications/routes.ts'
import { candidateRoutes } from './candidates/routes.ts'
import { companyRoutes } from './companies/routes.ts'
import { profileRoutes } from './discovery/routes.ts'
import { notifyPeopleConsumer } from './notices.ts'
import { ownershipRoutes } from './ownership/routes.ts'
import { placementRoutes } from './placements/routes.ts'
import { recruiterRoutes } from './recruiters/routes.ts'
import { referenceRoutes } from './reference/routes.ts'
import { roleRoutes } from './roles/routes.ts'
import { savedSearchAlertsConsumer, savedSearchDigestJob } from './saved-searches/alerts.ts'
import './saved-searches/errors.ts'
import { recruitingRoute } from './route.ts'
import { savedSearchRoutes } from './saved-searches/routes.ts'
import { savedSearchesDemoSeed } from './saved-searches/seed.ts'
import { demoMarketplaceSeed } from './seed/demo-marketplace.ts'

/** Splits Network's marketplace: companies, roles, recruiters, candidates, applications, placements. See README.md. */
export const recruitingModule: AppModule = {
  name: 'recruiting',
  schemas: ['ats', 'network'],
  routes(app, ctx) {
    recruitingRoute.mount(app, ctx, [
      ...referenceRoutes,
      ...companyRoutes,
      ...recruiterRoutes,
      ...roleRoutes,
      ...candidateRoutes,
      ...applicationRoutes,
      ...placementRoutes,
      ...ownershipRoutes,
      ...savedSearchRoutes,
      ...profileRoutes,
    ])
  },
  seeds: [demoMarketplaceSeed, savedSearchesDemoSeed],
  consumers: [notifyPeopleConsumer, savedSearchAlertsConsumer],
  jobs: [savedSearchDigestJob],
}

export type { SplitsCaller } from './caller.ts'
export { RECRUITING_EVENTS, type RecruitingEvent } from './events.ts'
export {
  allPlacementIds,
  companyIdsOfOrganizations,
  companyOrganization,
  type PlacementFacts,
  placementFacts,
  recruiterIdOfUser,
  recruiterUserIds,
  roleCompany,
} from './placement-facts.ts'
export { DEFAULT_FEE_RATE_BPS, FEE_ROLES, PLAN_TIERS } from './reference/vocabularies.ts'
