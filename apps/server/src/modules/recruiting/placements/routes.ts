import { access } from '../../../kernel/http/access.ts'
import { listOf, ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route, SPLITS_ROLES, who } from '../route.ts'
import { placementOut, placementSummaryOut } from './presenter.ts'
import { getPlacement, listPlacements } from './queries.ts'
import {
  ZFallOff,
  ZPlacement,
  ZPlacementListQuery,
  ZPlacementSummary,
  ZSplitAgreement,
  ZSplitProposal,
} from './schemas.ts'
import { fallOff } from './service.ts'
import { agreeSplits, proposeSplits } from './splits.ts'

const tags = ['placements']
const viewers = access.roles(
  SPLITS_ROLES,
  'The recruiters on the placement, the company’s hiring team, platform admins.',
)

/** Placements made by hires: guarantee, fee inputs, the split agreement, fall-offs. */
export const placementRoutes = [
  route.define({
    method: 'GET',
    url: '/api/placements',
    operationId: 'listPlacements',
    summary: 'Placements the caller is part of (or all, for platform admins)',
    tags,
    access: viewers,
    query: ZPlacementListQuery,
    response: listOf(ZPlacementSummary),
    handler: async ({ tx, caller, query }) => {
      const { limit, starting_after, ...f } = query
      const page = await listPlacements(tx, caller, { ...f, limit, startingAfter: starting_after })
      return { ...page, data: page.data.map(placementSummaryOut) }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/placements/:id',
    operationId: 'getPlacement',
    summary: 'One placement with its split agreement',
    tags,
    access: viewers,
    params: ZIdParams,
    response: ZPlacement,
    handler: async ({ tx, caller, params }) => placementOut(await getPlacement(tx, caller, params.id)),
  }),

  route.define({
    method: 'PUT',
    url: '/api/placements/:id/splits',
    operationId: 'proposePlacementSplits',
    summary:
      'Propose a split of the recruiter pool by fee role (must sum to 100%); all recruiters on it agree again',
    description:
      'Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.',
    tags,
    access: access.roles(
      ['recruiter', 'platform_admin'],
      'The recruiters on the placement, or platform admins.',
    ),
    params: ZIdParams,
    body: ZSplitProposal,
    errors: [409, 422],
    response: ZPlacement,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await proposeSplits(tx, caller, params.id, body.splits, body.version, ctx.clock.now())
      return placementOut(await getPlacement(tx, caller, params.id))
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/placements/:id/splits/agree',
    operationId: 'agreePlacementSplits',
    summary: 'Agree to the current split',
    description:
      'With `version`, only if the split is still the one you saw (409 version_conflict otherwise).',
    tags,
    access: access.roles(['recruiter'], 'A recruiter on the placement.'),
    params: ZIdParams,
    body: ZSplitAgreement.optional(),
    errors: [409],
    response: ZPlacement,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await agreeSplits(tx, caller, params.id, body?.version, ctx.clock.now())
      return placementOut(await getPlacement(tx, caller, params.id))
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/placements/:id/fall-off',
    operationId: 'recordPlacementFallOff',
    summary: 'Record that the hire left inside the guarantee period',
    tags,
    access: who.companyAdmin,
    params: ZIdParams,
    body: ZFallOff,
    errors: [409, 422],
    response: ZPlacement,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await fallOff(tx, caller, params.id, body, ctx.clock.now())
      return placementOut(await getPlacement(tx, caller, params.id))
    },
  }),
]
