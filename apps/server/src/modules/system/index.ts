import type { AppModule } from '../../kernel/module.ts'
import { jobAdminRoutes } from './admin-routes.ts'
import { purgeOutboxJob, verifyAuditChainJob } from './jobs.ts'
import { systemRoutes } from './routes.ts'

/** Probes, metrics, the API description, error catalog and operators' job administration. */
export const systemModule: AppModule = {
  name: 'system',
  routes: (app, ctx) => {
    systemRoutes(app, ctx)
    jobAdminRoutes(app, ctx)
  },
  jobs: [verifyAuditChainJob, purgeOutboxJob],
}

export { webAppRoutes } from './routes.ts'
