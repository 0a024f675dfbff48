import { type Route, route } from '../engine/route.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'

/** `type` may end in `*` (`payment_intent.*`), as Stripe's events list allows. */
function typeMatcher(pattern: string): (type: string) => boolean {
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1)
    return (t) => t.startsWith(prefix)
  }
  return (t) => t === pattern
}

export const eventRoutes: Route[] = [
  route('GET', '/v1/events/:id', (ctx) => {
    Params.of(ctx.raw, [])
    const id = ctx.path.id as string
    const event = ctx.sim.get('event', id, ctx.owner)
    if (!event) throw ApiFailure.notFound('event', id)
    return event
  }),
  route('GET', '/v1/events', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'type', 'types', 'created', 'delivery_success'])
    const type = p.string('type')
    const types = p.strings('types')
    if (type && types)
      throw ApiFailure.invalidRequest('You may only specify one of these parameters: type, types.')
    const matchers = (types ?? (type ? [type] : [])).map(typeMatcher)
    const created = createdFilter(p)
    const delivered = p.boolean('delivery_success')
    const items = ctx.sim
      .all('event', ctx.owner)
      .filter(
        (e) =>
          (matchers.length === 0 || matchers.some((m) => m(e.type))) &&
          created(e.created) &&
          (delivered === undefined || (e.pending_webhooks === 0) === delivered),
      )
    return paginate(items, p, '/v1/events')
  }),
]
