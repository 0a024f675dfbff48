import type { AppModule } from '../../kernel/module.ts'
import { purgeIdempotencyKeysJob, purgeOutboxJob, verifyAuditChainJob } from './jobs.ts'
import { systemRoutes } from './routes.ts'

/** Probes, metrics, the API description, error catalog and operators' job administration. */
export const systemModule: AppModule = {
  name: 'system',
  schemas: ['platform'],
  routes: systemRoutes,
  jobs: [verifyAuditChainJob, purgeOutboxJob, purgeIdempotencyKeysJob],
}

export { webAppRoutes } from './routes.ts'
