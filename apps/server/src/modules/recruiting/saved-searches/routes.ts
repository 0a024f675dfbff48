import { access } from '../../../kernel/http/access.ts'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route } from '../route.ts'
import { savedSearchOut } from './presenter.ts'
import { getSavedSearch, listSavedSearches } from './queries.ts'
import {
  SAVED_SEARCH_LIMIT,
  ZSavedSearch,
  ZSavedSearchCreate,
  ZSavedSearchList,
  ZSavedSearchUpdate,
} from './schemas.ts'
import { createSavedSearch, deleteSavedSearch, updateSavedSearch } from './service.ts'

const tags = ['saved-searches']
const recruiters = access.roles(['recruiter'], 'Recruiters, for their own saved searches.')
const OWN = 'Only the recruiter’s own searches: another recruiter’s answers 404.'

/** Saved searches of the role marketplace, with alerts for new matching roles. */
export const savedSearchRoutes = [
  route.define({
    method: 'GET',
    url: '/api/saved-searches',
    operationId: 'listSavedSearches',
    summary: 'My saved searches',
    tags,
    access: recruiters,
    response: ZSavedSearchList,
    handler: async ({ tx, caller }) => ({
      data: (await listSavedSearches(tx, caller)).map(savedSearchOut),
      limit: SAVED_SEARCH_LIMIT,
    }),
  }),

  route.define({
    method: 'POST',
    url: '/api/saved-searches',
    operationId: 'createSavedSearch',
    summary: 'Save a marketplace search (name, filters, sort) with its alerts',
    description: `At most ${SAVED_SEARCH_LIMIT} per recruiter (409 saved_search_limit); names are unique per recruiter regardless of case (409 saved_search_name_taken); an unknown filter is a 400 unknown_filter.`,
    tags,
    access: recruiters,
    body: ZSavedSearchCreate,
    status: 201,
    errors: [409],
    response: ZSavedSearch,
    handler: async ({ tx, caller, body, ctx }) => {
      const id = await createSavedSearch(tx, caller, body, ctx.clock.now())
      return savedSearchOut(await getSavedSearch(tx, caller, id))
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/saved-searches/:id',
    operationId: 'getSavedSearch',
    summary: 'One of my saved searches',
    description: OWN,
    tags,
    access: recruiters,
    params: ZIdParams,
    response: ZSavedSearch,
    handler: async ({ tx, caller, params }) => savedSearchOut(await getSavedSearch(tx, caller, params.id)),
  }),

  route.define({
    method: 'PATCH',
    url: '/api/saved-searches/:id',
    operationId: 'updateSavedSearch',
    summary: 'Rename a saved search or change its filters, sort or alerts',
    description: `${OWN} Send the \`version\` you loaded: a change made meanwhile answers 409 version_conflict.`,
    tags,
    access: recruiters,
    params: ZIdParams,
    body: ZSavedSearchUpdate,
    errors: [409],
    response: ZSavedSearch,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await updateSavedSearch(tx, caller, params.id, body, ctx.clock.now())
      return savedSearchOut(await getSavedSearch(tx, caller, params.id))
    },
  }),

  route.define({
    method: 'DELETE',
    url: '/api/saved-searches/:id',
    operationId: 'deleteSavedSearch',
    summary: 'Delete a saved search (and its alerts)',
    description: OWN,
    tags,
    access: recruiters,
    params: ZIdParams,
    response: null,
    handler: async ({ tx, caller, params }) => {
      await deleteSavedSearch(tx, caller, params.id)
    },
  }),
]
