import { automationRouteMatrix } from '../modules/automation/route-matrix.ts'
import { billingRouteMatrix } from '../modules/billing/route-matrix.ts'
import { conversationsRouteMatrix } from '../modules/conversations/route-matrix.ts'
import { documentsRouteMatrix } from '../modules/documents/route-matrix.ts'
import { flagsRouteMatrix } from '../modules/flags/route-matrix.ts'
import { fraudRouteMatrix } from '../modules/fraud/route-matrix.ts'
import { healthRouteMatrix } from '../modules/health/route-matrix.ts'
import { identityRouteMatrix } from '../modules/identity/route-matrix.ts'
import { insightsRouteMatrix } from '../modules/insights/route-matrix.ts'
import { intelligenceRouteMatrix } from '../modules/intelligence/route-matrix.ts'
import { ledgerRouteMatrix } from '../modules/ledger/route-matrix.ts'
import { notificationsRouteMatrix } from '../modules/notifications/route-matrix.ts'
import { collectionRouteMatrix } from '../modules/ofair/collection/route-matrix.ts'
import { reviewRouteMatrix } from '../modules/ofair/reviews/route-matrix.ts'
import { ofairRouteMatrix } from '../modules/ofair/route-matrix.ts'
import { recruitingRouteMatrix } from '../modules/recruiting/route-matrix.ts'
import { resumesRouteMatrix } from '../modules/resumes/route-matrix.ts'
import { systemRouteMatrix } from '../modules/system/route-matrix.ts'
import type { RouteCase } from './route-cases.ts'

export type { CrossTenantCase, Fixture, MatrixContext, PersonaKey, RouteCase } from './route-cases.ts'

/**
 * Every HTTP route, with who may call it and how to prove the rule holds, listed by each module
 * (`modules/<name>/route-matrix.ts`). The security test enumerates the running server's routes: a
 * route missing here, or an entry whose route is gone, fails the suite.
 */
export const ROUTE_MATRIX: Record<string, RouteCase> = {
  ...systemRouteMatrix,
  ...identityRouteMatrix,
  ...recruitingRouteMatrix,
  ...notificationsRouteMatrix,
  ...ledgerRouteMatrix,
  ...billingRouteMatrix,
  ...ofairRouteMatrix,
  ...reviewRouteMatrix,
  ...collectionRouteMatrix,
  ...conversationsRouteMatrix,
  ...insightsRouteMatrix,
  ...documentsRouteMatrix,
  ...resumesRouteMatrix,
  ...intelligenceRouteMatrix,
  ...automationRouteMatrix,
  ...flagsRouteMatrix,
  ...fraudRouteMatrix,
  ...healthRouteMatrix,
}
