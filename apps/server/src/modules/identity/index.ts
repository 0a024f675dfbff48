import './errors.ts'
import './roles.ts'
import type { AppModule } from '../../kernel/module.ts'
import { accountRoutes } from './account-routes.ts'
import { adminUserRoutes } from './admin-routes.ts'
import { authRoutes } from './auth-routes.ts'
import { createAuthenticator } from './authenticator.ts'
import { devRoutes } from './dev-routes.ts'
import { invitationEmailConsumer } from './invitation-email.ts'
import { invitationRoutes } from './invitation-routes.ts'
import { DEMO_PERSONAS } from './personas.ts'
import { identityRoute } from './route.ts'
import { demoPersonasSeed } from './seed.ts'

/** People, organisations, roles, passwordless sign-in, sessions. See README.md. */
export const identityModule: AppModule = {
  name: 'identity',
  schemas: ['identity'],
  consumers: [invitationEmailConsumer],
  init(ctx) {
    ctx.auth = createAuthenticator(ctx)
  },
  // the authenticator holds the session-check pool
  stop: async (ctx) => {
    await (ctx.auth as Partial<ReturnType<typeof createAuthenticator>>).close?.()
  },
  routes(app, ctx) {
    authRoutes(app, ctx)
    accountRoutes(app, ctx)
    adminUserRoutes(app, ctx)
    devRoutes(app, ctx)
    identityRoute.mount(app, ctx, invitationRoutes)
  },
  seeds: [demoPersonasSeed],
  banner(ctx) {
    if (!ctx.config.demoMode) return []
    const base = ctx.config.http.publicUrl
    const pad = (s: string) => s.padEnd(26)
    return [
      `  Sign in (demo mode: every code and link appears at ${base}/dev/outbox)`,
      `    Splits Network, ${base}/sign-in, by email:`,
      ...DEMO_PERSONAS.filter((p) => p.email).map((p) => `      ${pad(p.email!)}${p.description}`),
      `    OFAIR, ${base}/ofair/sign-in, by phone:`,
      ...DEMO_PERSONAS.filter((p) => p.marketplace === 'ofair').map(
        (p) => `      ${pad(p.phone!)}${p.name} · ${p.description}`,
      ),
    ]
  },
}

export { normalizeEmail, normalizeIsraeliMobile } from './contacts.ts'
export {
  inviteToOrganization,
  isOrganizationMember,
  type OrganizationPeople,
  organizationPeople,
  revokeInvitation,
  roleWords,
} from './invitations.ts'
export {
  createOrganization,
  displayNames,
  emailAddressOf,
  type IdentityDirectory,
  organizationMemberIds,
} from './people.ts'
export * from './people-for-modules.ts'
export { DEMO_PERSONAS } from './personas.ts'
