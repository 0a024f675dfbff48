import type { ApiList } from '../engine/types.ts'
import { ApiFailure } from './errors.ts'
import type { Params } from './params.ts'

export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before'] as const

/**
 * Cuts a newest-first list the way Stripe does: `limit` (1–100, default 10), then
 * `starting_after` (older than that id) or `ending_before` (newer than that id).
 */
export function paginate<T extends { id: string }>(items: T[], p: Params, url: string): ApiList<T> {
  const limit = p.integer('limit') ?? 10
  if (limit < 1 || limit > 100) {
    throw ApiFailure.invalidRequest('This value must be between 1 and 100 (limit).', { param: 'limit' })
  }
  const after = p.string('starting_after')
  const before = p.string('ending_before')
  if (after && before) {
    throw ApiFailure.invalidRequest(
      'You may only specify one of these parameters: ending_before, starting_after.',
    )
  }
  if (before) {
    const i = items.findIndex((x) => x.id === before)
    if (i === -1) throw ApiFailure.missingParamObject('object', before, 'ending_before')
    const start = Math.max(0, i - limit)
    return { object: 'list', data: items.slice(start, i), has_more: start > 0, url }
  }
  let start = 0
  if (after) {
    const i = items.findIndex((x) => x.id === after)
    if (i === -1) throw ApiFailure.missingParamObject('object', after, 'starting_after')
    start = i + 1
  }
  const data = items.slice(start, start + limit)
  return { object: 'list', data, has_more: start + limit < items.length, url }
}

export const CREATED_FILTER = ['gt', 'gte', 'lt', 'lte'] as const

/** `created=<unix>` or `created[gt|gte|lt|lte]=<unix>` as a predicate. */
export function createdFilter(p: Params): (created: number) => boolean {
  if (!p.has('created')) return () => true
  if (typeof p.raw.created === 'string') {
    const exact = p.integer('created')
    return (c) => c === exact
  }
  const range = p.nested('created', CREATED_FILTER)
  const gt = range?.integer('gt')
  const gte = range?.integer('gte')
  const lt = range?.integer('lt')
  const lte = range?.integer('lte')
  return (c) =>
    (gt === undefined || c > gt) &&
    (gte === undefined || c >= gte) &&
    (lt === undefined || c < lt) &&
    (lte === undefined || c <= lte)
}
