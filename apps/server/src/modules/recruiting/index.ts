import './errors.ts'
import './candidates/events.ts'
import './notes/errors.ts'
import './notes/events.ts'
import type { AppModule } from '../../kernel/module.ts'
import { applicationRoutes } from './applications/routes.ts'
import { candidateRoutes } from './candidates/routes.ts'
import { companyRoutes } from './companies/routes.ts'
import { chatDigestJob } from './conversations/digest.ts'
import { conversationRoutes } from './conversations/routes.ts'
import { demoConversationsSeed } from './conversations/seed.ts'
import { notifyNotesConsumer } from './notes/notices.ts'
import { noteRoutes } from './notes/routes.ts'
import './conversations/subjects.ts'
import { profileRoutes } from './discovery/routes.ts'
import { interviewRemindersJob } from './interviews/reminders.ts'
import { interviewRoutes } from './interviews/routes.ts'
import { demoInterviewsSeed } from './interviews/seed.ts'
import { notifyPeopleConsumer } from './notices.ts'
import { ownershipRoutes } from './ownership/routes.ts'
import { placementRoutes } from './placements/routes.ts'
import { recruiterRoutes } from './recruiters/routes.ts'
import { referenceRoutes } from './reference/routes.ts'
import { earlyAccessReleaseJob } from './roles/early-access.ts'
import { roleRoutes } from './roles/routes.ts'
import { savedSearchAlertsConsumer, savedSearchDigestJob } from './saved-searches/alerts.ts'
import './saved-searches/errors.ts'
import { recruitingRoute } from './route.ts'
import { savedSearchRoutes } from './saved-searches/routes.ts'
import { savedSearchesDemoSeed } from './saved-searches/seed.ts'
import { demoMarketplaceSeed } from './seed/demo-marketplace.ts'
import { demoNotesSeed } from './seed/demo-notes.ts'

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
      ...noteRoutes,
      ...conversationRoutes,
      ...interviewRoutes,
      ...savedSearchRoutes,
      ...profileRoutes,
    ])
  },
  seeds: [
    demoMarketplaceSeed,
    demoNotesSeed,
    demoConversationsSeed,
    demoInterviewsSeed,
    savedSearchesDemoSeed,
  ],
  jobs: [chatDigestJob, interviewRemindersJob, savedSearchDigestJob, earlyAccessReleaseJob],
  consumers: [notifyPeopleConsumer, notifyNotesConsumer, savedSearchAlertsConsumer],
}

export {
  type ApplicationInStage,
  advanceApplicationFor,
  applicationStageNow,
  openApplicationsInStage,
} from './automation-facts.ts'
export type { SplitsCaller } from './caller.ts'
export { provideRecruiterEntitlements, type RecruiterEntitlements } from './entitlements.ts'
export { RECRUITING_EVENTS, type RecruitingEvent } from './events.ts'
export {
  recruitersWithApplications,
  type SamePersonRecord,
  samePersonRecords,
  samePersonRecordsMany,
  submissionsSince,
} from './fraud-facts.ts'
export {
  type DealFacts,
  dealRiskFacts,
  type LiquidityCell,
  liquidityDayFacts,
  type MarketplaceDayFacts,
  marketplaceDayFacts,
  STAGE_NORM_DAYS,
} from './health-facts.ts'
export {
  ACTIVE_STAGES,
  companyHomeFacts,
  type HomeWindow,
  marketplaceHomeFacts,
  recruiterHomeFacts,
  rolesMatchingRecruiter,
} from './home-facts.ts'
export {
  applicationStageOf,
  type CandidateMatchFacts,
  candidateMatchFacts,
  companyNames,
  placedSkillsByFunction,
  type RecruiterFitFacts,
  type RoleMatchFacts,
  recruiterFitFacts,
  roleMatchFacts,
  submittedPairs,
  visibleCandidateNames,
} from './matching-facts.ts'
export {
  allPlacementIds,
  allPlacements,
  companyIdsOfOrganizations,
  companyOrganization,
  type PlacementFacts,
  placementFacts,
  recruiterIdOfUser,
  recruiterPlanTier,
  recruiterUserIds,
  roleCompany,
  setRecruiterPlanTier,
} from './placement-facts.ts'
export { recruiterNames } from './recruiters/queries.ts'
export {
  DEFAULT_FEE_RATE_BPS,
  EARLY_ACCESS_WINDOW_HOURS,
  FEE_ROLES,
  PLAN_TIERS,
} from './reference/vocabularies.ts'
export { type SplitsParts, splitsPartsOf } from './splits-parts.ts'
export { provideSubmissionGuard, type SubmissionGuard } from './submission-guard.ts'
