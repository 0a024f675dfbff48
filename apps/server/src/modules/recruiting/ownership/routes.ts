import { access } from '../../../kernel/http/access.ts'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route } from '../route.ts'
import { openDispute, resolveDispute } from './disputes.ts'
import { disputeOut } from './presenter.ts'
import { getDispute, listDisputes } from './queries.ts'
import { ZDispute, ZDisputeListQuery, ZDisputeOpen, ZDisputeResolve } from './schemas.ts'

const tags = ['ownership']
const parties = access.roles(
  ['recruiter', 'platform_admin'],
  'The two recruiters involved, and platform admins.',
)

/** Right-to-represent conflicts: recorded when a submission is blocked, disputed, resolved by admins. */
export const ownershipRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ownership/disputes',
    operationId: 'listOwnershipDisputes',
    summary: 'Blocked duplicate submissions and ownership disputes',
    tags,
    access: parties,
    query: ZDisputeListQuery,
    response: listOf(ZDispute),
    handler: async ({ tx, caller, query }) => {
      const { limit, starting_after, status } = query
      const page = await listDisputes(tx, caller, { status, limit, startingAfter: starting_after })
      return { ...page, data: page.data.map(disputeOut) }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/ownership/disputes/:id',
    operationId: 'getOwnershipDispute',
    summary: 'One record',
    tags,
    access: parties,
    params: ZIdParams,
    response: ZDispute,
    handler: async ({ tx, caller, params }) => disputeOut(await getDispute(tx, caller, params.id)),
  }),

  route.define({
    method: 'POST',
    url: '/api/ownership/disputes/:id/dispute',
    operationId: 'openOwnershipDispute',
    summary: 'Dispute the other recruiter’s right to represent this person (an admin decides)',
    tags,
    access: access.roles(['recruiter'], 'The recruiter whose submission was blocked.'),
    params: ZIdParams,
    body: ZDisputeOpen,
    errors: [409],
    response: ZDispute,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await openDispute(tx, caller, params.id, body.reason, body.version, ctx.clock.now())
      return disputeOut(await getDispute(tx, caller, params.id))
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/ownership/disputes/:id/resolve',
    operationId: 'resolveOwnershipDispute',
    summary: 'Decide: upheld (holder keeps the right) or overturned (it passes to the claimant)',
    tags,
    access: access.roles(['platform_admin']),
    params: ZIdParams,
    body: ZDisputeResolve,
    errors: [409],
    response: ZDispute,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await resolveDispute(tx, caller, params.id, body, ctx.clock.now())
      return disputeOut(await getDispute(tx, caller, params.id))
    },
  }),
]
