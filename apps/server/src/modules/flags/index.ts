import './errors.ts'
import type { AppModule } from '../../kernel/module.ts'
import { FlagCache } from './cache.ts'
import { flagsRoute } from './caller.ts'
import { FlagsProvider, registerProvider } from './provider.ts'
import { flagRoutes } from './routes.ts'
import { demoFlagsSeed } from './seed.ts'

/**
 * Feature flags (issue 15 §2): boolean and variant flags with a kill switch, targeting by role,
 * organisation, plan tier, marketplace or user, and a percentage rollout with stable bucketing;
 * evaluated in memory through OpenFeature and our PostgreSQL provider; every change kept with who,
 * when, before, after and why. See README.md.
 */
export const flagsModule: AppModule = {
  name: 'flags',
  schemas: ['flags'],
  async init(ctx) {
    const cache = new FlagCache(ctx)
    const provider = new FlagsProvider(cache)
    const { client } = registerProvider(provider)
    ctx.services.flags = { cache, provider, client }
    if (!ctx.offline && ctx.entry === 'server') await cache.listen()
  },
  async stop(ctx) {
    await ctx.services.flags?.cache.stop()
    delete ctx.services.flags
  },
  routes(app, ctx) {
    flagsRoute.mount(app, ctx, flagRoutes)
  },
  seeds: [demoFlagsSeed],
}

export { FLAG_ERRORS } from './errors.ts'
export { bucketOf, type FlagSubject, type FlagValue } from './evaluate.ts'
export { FlagsProvider } from './provider.ts'
export {
  clientFlags,
  type FlagServices,
  featureEnabledFromMemory,
  flagVariant,
  isFeatureEnabled,
  subjectOfPrincipal,
} from './service.ts'
