import './errors.ts'
import './events.ts'
import './roles.ts'
import type { AppModule } from '../../kernel/module.ts'
import { accountRoutes } from './account/routes.ts'
import { adminUserRoutes } from './admin-users/routes.ts'
import { devRoutes } from './dev/routes.ts'
import { invitationEmailConsumer } from './invitations/email.ts'
import { invitationRoutes } from './invitations/routes.ts'
import { DEMO_PERSONAS } from './personas.ts'
import { adminRoute, authRoute, devRoute, identityRoute } from './route.ts'
import { demoPersonasSeed } from './seed.ts'
import { createAuthenticator } from './sessions/authenticator.ts'
import { accountSessionRoutes, authSessionRoutes } from './sessions/routes.ts'
import { signInRoutes } from './sign-in/routes.ts'

/** People, organisations, roles, passwordless sign-in, sessions, invitations. See README.md. */
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
    authRoute.mount(app, ctx, [...signInRoutes, ...authSessionRoutes])
    identityRoute.mount(app, ctx, [...accountRoutes, ...accountSessionRoutes, ...invitationRoutes])
    adminRoute.mount(app, ctx, adminUserRoutes)
    if (ctx.config.demoMode) devRoute.mount(app, ctx, devRoutes)
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

export { platformAdminUserIds } from './admins-for-modules.ts'
// ---- the public surface: what other modules may use ---------------------------------------------
export { normalizeEmail, normalizeIsraeliMobile } from './contacts.ts'
export { IDENTITY_EVENTS } from './events.ts'
export {
  inviteToOrganization,
  isOrganizationMember,
  type OrganizationPeople,
  organizationPeople,
  revokeInvitation,
  roleWords,
} from './invitations/service.ts'
export * from './marketplace-people.ts'
export {
  createOrganization,
  displayNames,
  emailAddressOf,
  type IdentityDirectory,
  organizationMemberIds,
  phoneNumberOf,
  platformOrganizationId,
} from './people.ts'
export * from './people-for-modules.ts'
export { DEMO_PERSONAS } from './personas.ts'
export { hmacHex } from './secrets.ts'
