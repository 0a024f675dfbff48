import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { ofairRoute as route, who } from '../route.ts'
import { getReferral, myReferrals } from './queries.ts'
import { ZReferral, ZReferralsQuery } from './schemas.ts'
import { acceptReferral, rejectReferral } from './service.ts'

const tags = ['ofair-referrals']

export const referralRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/referrals',
    operationId: 'listOfairReferrals',
    summary: 'Referrals I received (my inbox) or sent',
    tags,
    access: who.professional,
    query: ZReferralsQuery,
    response: listOf(ZReferral),
    handler: async ({ tx, caller, query }) => myReferrals(tx, caller, query),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/referrals/:id/accept',
    operationId: 'acceptOfairReferral',
    summary: 'Accept an offer: claim the lead (the other open offers of its level close)',
    tags,
    access: who.professional,
    params: ZIdParams,
    errors: [409],
    idempotent: true,
    response: ZReferral,
    handler: async ({ tx, caller, params, ctx }) => {
      await acceptReferral(tx, caller, params.id, ctx.clock.now())
      return (await getReferral(tx, caller, params.id))!
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/referrals/:id/reject',
    operationId: 'rejectOfairReferral',
    summary: 'Decline an offer',
    tags,
    access: who.professional,
    params: ZIdParams,
    errors: [409],
    response: ZReferral,
    handler: async ({ tx, caller, params, ctx }) => {
      await rejectReferral(tx, caller, params.id, ctx.clock.now())
      return (await getReferral(tx, caller, params.id))!
    },
  }),
]
