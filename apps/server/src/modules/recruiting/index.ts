import './errors.ts'
import type { AppModule } from '../../kernel/module.ts'
import { applicationRoutes } from './applications/routes.ts'
import { candidateRoutes } from './candidates/routes.ts'
import { companyRoutes } from './companies/routes.ts'
import { notifyPeopleConsumer } from './notices.ts'
import { ownershipRoutes } from './ownership/routes.ts'
import { placementRoutes } from './placements/routes.ts'
import { recruiterRoutes } from './recruiters/routes.ts'
import { referenceRoutes } from './reference/routes.ts'
import { roleRoutes } from './roles/routes.ts'
import { recruitingRoute } from './route.ts'
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
    ])
  },
  seeds: [demoMarketplaceSeed],
  consumers: [notifyPeopleConsumer],
}

export type { SplitsCaller } from './caller.ts'
export { RECRUITING_EVENTS, type RecruitingEvent } from './events.ts'
export {
  ACTIVE_STAGES,
  companyHomeFacts,
  type HomeWindow,
  marketplaceHomeFacts,
  recruiterHomeFacts,
  rolesMatchingRecruiter,
} from './home-facts.ts'
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
