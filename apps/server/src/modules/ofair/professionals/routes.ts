import { z } from 'zod'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { requireProfessional } from '../caller.ts'
import { ofairRoute as route, who } from '../route.ts'
import { adminProfessionals, getOwnProfile, getPublicProfile, listProfessionals } from './queries.ts'
import {
  ZAdminProfessional,
  ZAdminProfessionalQuery,
  ZCertificateIn,
  ZOnboarding,
  ZOwnProfessional,
  ZProfessionalListQuery,
  ZProfessionalSummary,
  ZPublicProfessional,
  ZVerifyIn,
} from './schemas.ts'
import { addCertificate, reviewProfessional, saveOwnProfile } from './service.ts'

const tags = ['ofair-professionals']

export const professionalRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/professionals',
    operationId: 'listOfairProfessionals',
    summary: 'Verified professionals (public: no phone, email, address or business number)',
    tags,
    access: who.anyone,
    query: ZProfessionalListQuery,
    response: listOf(ZProfessionalSummary),
    handler: async ({ tx, query }) => listProfessionals(tx, query),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/professionals/me',
    operationId: 'getOwnOfairProfessional',
    summary: 'My professional profile, with my business number, status and certificates',
    tags,
    access: who.members,
    response: ZOwnProfessional,
    handler: async ({ tx, caller, ctx }) =>
      getOwnProfile(tx, caller, ctx.config.auth.secret, ctx.clock.now()),
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/professionals/me',
    operationId: 'saveOwnOfairProfessional',
    summary: 'Onboarding: create or change my professional profile',
    description:
      'The first save creates the profile (pending verification by an admin) and grants the professional role. A changed business number or type sends a verified profile back to verification. Send the `version` you loaded with a change.',
    tags,
    access: who.members,
    body: ZOnboarding,
    errors: [409, 422],
    response: ZOwnProfessional,
    handler: async ({ tx, caller, body, ctx }) => {
      await saveOwnProfile(tx, caller, body, ctx.clock.now())
      return getOwnProfile(tx, caller, ctx.config.auth.secret, ctx.clock.now())
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/professionals/me/certificates',
    operationId: 'addOfairCertificate',
    summary: 'Add a certificate (an uploaded file of purpose "certificate") to my profile',
    tags,
    access: who.members,
    body: ZCertificateIn,
    status: 201,
    errors: [422],
    response: ZOwnProfessional,
    handler: async ({ tx, caller, body, ctx }) => {
      await addCertificate(tx, caller, await requireProfessional(tx, caller), body)
      return getOwnProfile(tx, caller, ctx.config.auth.secret, ctx.clock.now())
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/professionals/:id',
    operationId: 'getOfairProfessional',
    summary: 'A professional’s public profile: rating, reviews and past jobs',
    description:
      'Never a phone, email, address or business number. Profiles awaiting verification are visible to their owner and admins only (404).',
    tags,
    access: { kind: 'public', rule: 'Anyone; no personal data.' },
    optionalAuth: true,
    params: ZIdParams,
    response: ZPublicProfessional,
    handler: async ({ tx, caller, params }) => getPublicProfile(tx, caller, params.id),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/professionals/:id/verify',
    operationId: 'verifyOfairProfessional',
    summary: 'Admin: verify or reject a professional’s profile (audited)',
    tags,
    access: who.admin,
    params: ZIdParams,
    body: ZVerifyIn,
    response: z.object({ id: z.string(), status: z.string() }),
    handler: async ({ tx, caller, params, body, ctx }) => {
      await reviewProfessional(tx, caller, params.id, body, ctx.clock.now())
      return { id: params.id, status: body.decision }
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/professionals',
    operationId: 'listOfairProfessionalsForAdmin',
    summary: 'Admin: professionals to verify, newest first, with certificates and business numbers',
    tags: ['ofair-admin'],
    access: who.admin,
    query: ZAdminProfessionalQuery,
    response: listOf(ZAdminProfessional),
    handler: async ({ tx, query, ctx }) =>
      adminProfessionals(tx, query, ctx.config.auth.secret, ctx.clock.now()),
  }),
]
