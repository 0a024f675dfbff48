import { z } from 'zod'

export const ZLocality = z.object({
  id: z.number().int(),
  name: z.string().describe('Hebrew name'),
  name_en: z.string().describe('GeoNames name'),
  district: z.string().describe('District, in Hebrew'),
  lat: z.number(),
  lng: z.number(),
})

export const ZLocalityQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .describe('Part of the name, in Hebrew or English; spelling variants match'),
  limit: z.coerce.number().int().min(1).max(500).default(20),
})

export const ZCategory = z.object({
  id: z.string(),
  name: z.string().describe('Hebrew name'),
  name_en: z.string(),
  subcategories: z.array(z.object({ id: z.string(), name: z.string(), name_en: z.string() })),
})

export const ZLocalityRef = z.object({ id: z.number().int(), name: z.string() })
export const ZCategoryRef = z.object({ id: z.string(), name: z.string() })
