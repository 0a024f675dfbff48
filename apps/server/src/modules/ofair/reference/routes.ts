import { z } from 'zod'
import { ofairRoute as route, who } from '../route.ts'
import { categoryTree, searchLocalities } from './queries.ts'
import { ZCategory, ZLocality, ZLocalityQuery } from './schemas.ts'

const tags = ['ofair-reference']

/** Categories and localities: public reference data (GeoNames, CC BY 4.0, for the localities). */
export const referenceRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/categories',
    operationId: 'listOfairCategories',
    summary: 'The Hebrew category taxonomy (categories with their subcategories)',
    tags,
    access: who.anyone,
    response: z.object({ data: z.array(ZCategory) }),
    handler: async ({ tx }) => ({ data: await categoryTree(tx) }),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/localities',
    operationId: 'searchOfairLocalities',
    summary: 'Israeli localities with coordinates, searchable in Hebrew',
    description:
      'Coordinates from GeoNames (https://www.geonames.org, CC BY 4.0); Hebrew names written for OFAIR. Names that start with the words come first, then the big cities.',
    tags,
    access: who.anyone,
    query: ZLocalityQuery,
    response: z.object({ data: z.array(ZLocality) }),
    handler: async ({ tx, query }) => ({ data: await searchLocalities(tx, query.q, query.limit) }),
  }),
]
