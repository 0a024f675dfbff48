import type { AppModule } from '../kernel/module.ts'
import { automationModule } from './automation/index.ts'
import { billingModule } from './billing/index.ts'
import { conversationsModule } from './conversations/index.ts'
import { documentsModule } from './documents/index.ts'
import { flagsModule } from './flags/index.ts'
import { fraudModule } from './fraud/index.ts'
import { healthModule } from './health/index.ts'
import { identityModule } from './identity/index.ts'
import { insightsModule } from './insights/index.ts'
import { intelligenceModule } from './intelligence/index.ts'
import { ledgerModule } from './ledger/index.ts'
import { notificationsModule } from './notifications/index.ts'
import { ofairModule } from './ofair/index.ts'
import { recruitingModule } from './recruiting/index.ts'
import { resumesModule } from './resumes/index.ts'
import { systemModule, webAppRoutes } from './system/index.ts'

/** The web app's catch-all route; must come last so API routes match first. */
const webAppModule: AppModule = { name: 'web-app', routes: webAppRoutes }

/** Every bounded context of the platform, in dependency order. */
export const modules: readonly AppModule[] = [
  systemModule,
  notificationsModule,
  flagsModule,
  identityModule,
  conversationsModule,
  recruitingModule,
  ledgerModule,
  billingModule,
  ofairModule,
  insightsModule,
  documentsModule,
  resumesModule,
  intelligenceModule,
  automationModule,
  fraudModule,
  healthModule,
  webAppModule,
]
