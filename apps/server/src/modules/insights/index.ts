import type { AppModule } from '../../kernel/module.ts'
import { insightsRoute } from './caller.ts'
import { homeRoutes } from './routes.ts'

/**
 * A home for each Splits Network persona (GET /api/me/home): the numbers a recruiter, a hiring team
 * and a platform admin act on, read through the owning modules' services. Owns no table. See README.md.
 */
export const insightsModule: AppModule = {
  name: 'insights',
  schemas: [],
  routes(app, ctx) {
    insightsRoute.mount(app, ctx, homeRoutes)
  },
}
