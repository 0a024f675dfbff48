import { changedKeys } from '../engine/diff.ts'
import type { RequestContext, Route } from '../engine/route.ts'
import { route } from '../engine/route.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId } from '../protocol/ids.ts'
import { LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'
import type { Actor } from '../resources/charges.ts'
import { periodEnd } from './proration.ts'
import { cancelNow } from './subscriptions.ts'
import type { Price, SchedulePhase, Subscription, SubscriptionSchedule } from './types.ts'

/**
 * Subscription schedules, the part platforms use to change a plan at the end of the paid period:
 * a schedule made `from_subscription` (one phase: the current price until the period ends), then
 * updated with the phases to come (`phases[i][items][0][price]`, `end_date` or `duration`), and
 * `end_behavior` `release` (the subscription goes on by itself after the last phase) or `cancel`.
 * When a phase starts, the subscription takes its price at the period end without proration and
 * the renewal bills it; `release` detaches the schedule and keeps the subscription.
 *
 * Simplified (refused with a clear message): schedules that do not start from a subscription,
 * phase boundaries that are not billing period ends, changing the current phase's price, more
 * than one item per phase, `cancel` of a schedule.
 */
const PRORATIONS = ['create_prorations', 'none', 'always_invoice'] as const

function actorOf(ctx: RequestContext): Actor {
  return { sim: ctx.sim, owner: ctx.owner, origin: ctx.origin }
}

function pathSchedule(ctx: RequestContext): SubscriptionSchedule {
  const id = ctx.path.id as string
  const schedule = ctx.sim.get('subscription_schedule', id, ctx.owner)
  if (!schedule) throw ApiFailure.notFound('subscription_schedule', id)
  return schedule
}

function currentPrice(sub: Subscription): Price {
  return sub.items.data[0]!.price
}

function emitSubscriptionUpdated(a: Actor, sub: Subscription, before: Subscription) {
  const prev = changedKeys(before, sub)
  if (Object.keys(prev).length > 0) a.sim.emit('customer.subscription.updated', sub, a.owner, a.origin, prev)
}

function release(a: Actor, schedule: SubscriptionSchedule, sub: Subscription | undefined) {
  const now = a.sim.nowSec()
  schedule.status = 'released'
  schedule.released_at = now
  schedule.released_subscription = schedule.subscription
  schedule.subscription = null
  schedule.current_phase = null
  a.sim.emit('subscription_schedule.released', schedule, a.owner, a.origin)
  if (sub) {
    const before = structuredClone(sub)
    sub.schedule = null
    emitSubscriptionUpdated(a, sub, before)
  }
}

/**
 * Called by the subscription's renewal at a period end, before it bills the new period: the phase
 * starting now gives the subscription its price (no proration); after the last phase the schedule
 * is released (the renewal goes on) or the subscription is canceled. `'canceled'` stops the renewal.
 */
export function advanceSchedule(a: Actor, sub: Subscription): 'unchanged' | 'changed' | 'canceled' {
  if (!sub.schedule) return 'unchanged'
  const schedule = a.sim.get('subscription_schedule', sub.schedule, a.owner)
  if (schedule?.status !== 'active') return 'unchanged'
  const at = sub.items.data[0]!.current_period_end
  const next = schedule.phases.find((p) => p.start_date === at)
  if (!next) {
    const last = schedule.phases.at(-1)
    if (last && last.end_date <= at) {
      if (schedule.end_behavior === 'cancel') {
        schedule.status = 'completed'
        schedule.completed_at = a.sim.nowSec()
        schedule.current_phase = null
        a.sim.emit('subscription_schedule.completed', schedule, a.owner, a.origin)
        cancelNow(a, sub, 'cancellation_requested')
        return 'canceled'
      }
      release(a, schedule, sub)
    }
    return 'unchanged'
  }
  const price = a.sim.get('price', next.items[0]!.price, a.owner) as Price
  sub.items.data[0]!.price = structuredClone(price)
  schedule.current_phase = { start_date: next.start_date, end_date: next.end_date }
  a.sim.emit('subscription_schedule.updated', schedule, a.owner, a.origin)
  return 'changed'
}

/** Reads `phases[…]`, checked against the subscription: contiguous, on period ends, one item each. */
function readPhases(ctx: RequestContext, p: Params, sub: Subscription, schedule: SubscriptionSchedule) {
  const raw = p.hashes('phases', [
    'items',
    'start_date',
    'end_date',
    'duration',
    'proration_behavior',
    'metadata',
  ])
  if (raw.length === 0) throw p.missing('phases')
  const current = schedule.current_phase
  const phases: SchedulePhase[] = []
  let start = current?.start_date ?? sub.items.data[0]!.current_period_start
  raw.forEach((phase, i) => {
    const param = `phases[${i}]`
    const items = phase.hashes('items', ['price', 'quantity', 'metadata'])
    if (items.length !== 1) {
      throw ApiFailure.invalidRequest('This test server supports one item per phase.', {
        param: `${param}[items]`,
      })
    }
    const it = items[0]!
    const priceId = it.requiredString('price')
    const price = ctx.sim.get('price', priceId, ctx.owner)
    if (!price) throw ApiFailure.missingParamObject('price', priceId, `${param}[items][0][price]`)
    if (!price.recurring || !price.active) {
      throw ApiFailure.invalidRequest('The price specified must be active and recurring.', {
        param: `${param}[items][0][price]`,
      })
    }
    if (price.currency !== sub.currency) {
      throw ApiFailure.invalidRequest('The price must be in the currency of the subscription.', {
        param: `${param}[items][0][price]`,
      })
    }
    if ((it.integer('quantity') ?? 1) !== 1) {
      throw ApiFailure.invalidRequest('This test server supports quantity 1 only.', {
        param: `${param}[items][0][quantity]`,
      })
    }
    const startParam = phase.integer('start_date')
    if (i === 0 && startParam !== undefined && startParam !== start) {
      throw ApiFailure.invalidRequest('You can not modify the start date of the current phase.', {
        param: `${param}[start_date]`,
      })
    }
    if (i > 0 && startParam !== undefined && startParam !== start) {
      throw ApiFailure.invalidRequest(
        'The start_date of a phase must equal the end_date of the phase before it.',
        { param: `${param}[start_date]` },
      )
    }
    if (i === 0 && price.id !== currentPrice(sub).id) {
      throw ApiFailure.invalidRequest(
        'This test server does not change the items of the current phase; add a phase that starts at its end.',
        { param: `${param}[items][0][price]` },
      )
    }
    const endDate = phase.integer('end_date')
    const duration = phase.nested('duration', ['interval', 'interval_count'])
    if (endDate !== undefined && duration) {
      throw ApiFailure.invalidRequest('You may only specify one of end_date and duration.', {
        param: `${param}[duration]`,
      })
    }
    const recurring = price.recurring
    let end: number
    if (duration) {
      const interval = duration.oneOf('interval', ['day', 'week', 'month', 'year'] as const)
      if (!interval) throw duration.missing('interval')
      end = periodEnd(start, interval, duration.integer('interval_count') ?? 1)
    } else if (endDate !== undefined) {
      end = endDate
    } else if (i === raw.length - 1) {
      end = periodEnd(start, recurring.interval, recurring.interval_count)
    } else {
      throw phase.missing('end_date')
    }
    if (end <= start) {
      throw ApiFailure.invalidRequest('The end_date of a phase must be after its start_date.', {
        param: `${param}[end_date]`,
      })
    }
    // a boundary must be a period end of the price billed in the phase (no mid-period proration here)
    let boundary = start
    while (boundary < end) boundary = periodEnd(boundary, recurring.interval, recurring.interval_count)
    if (boundary !== end && !(i === 0 && end === sub.items.data[0]!.current_period_end)) {
      throw ApiFailure.invalidRequest(
        'This test server changes phases at billing period ends only: end the phase at the end of a period of its price.',
        { param: `${param}[end_date]` },
      )
    }
    phases.push({
      start_date: start,
      end_date: end,
      items: [{ price: price.id, quantity: 1, metadata: it.metadata({}) }],
      proration_behavior: phase.oneOf('proration_behavior', PRORATIONS) ?? 'create_prorations',
      metadata: phase.metadata({}),
    })
    start = end
  })
  return phases
}

export const scheduleRoutes: Route[] = [
  route('POST', '/v1/subscription_schedules', (ctx) => {
    const p = Params.of(ctx.raw, [
      'from_subscription',
      'customer',
      'phases',
      'start_date',
      'end_behavior',
      'metadata',
      'default_settings',
    ])
    const fromId = p.string('from_subscription')
    if (!fromId) {
      throw ApiFailure.invalidRequest(
        'This test server creates subscription schedules `from_subscription` only.',
        { param: 'from_subscription' },
      )
    }
    for (const key of ['phases', 'start_date', 'end_behavior', 'customer', 'default_settings']) {
      if (p.has(key)) {
        throw ApiFailure.invalidRequest(`You cannot set \`${key}\` if \`from_subscription\` is set.`, {
          param: key,
        })
      }
    }
    const sub = ctx.sim.get('subscription', fromId, ctx.owner)
    if (!sub) throw ApiFailure.missingParamObject('subscription', fromId, 'from_subscription')
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired' || sub.status === 'incomplete') {
      throw ApiFailure.invalidRequest(`You cannot migrate a subscription in status ${sub.status}.`, {
        param: 'from_subscription',
      })
    }
    if (sub.schedule) {
      throw ApiFailure.invalidRequest(
        `You cannot migrate a subscription that is already attached to a schedule: \`${sub.schedule}\`.`,
        { param: 'from_subscription' },
      )
    }
    const it = sub.items.data[0]!
    const now = ctx.sim.nowSec()
    const schedule: SubscriptionSchedule = {
      id: newId('sub_sched'),
      object: 'subscription_schedule',
      created: now,
      livemode: false,
      canceled_at: null,
      completed_at: null,
      current_phase: { start_date: it.current_period_start, end_date: it.current_period_end },
      customer: sub.customer,
      end_behavior: 'release',
      metadata: p.metadata({}),
      phases: [
        {
          start_date: it.current_period_start,
          end_date: it.current_period_end,
          items: [{ price: it.price.id, quantity: 1, metadata: {} }],
          proration_behavior: 'create_prorations',
          metadata: {},
        },
      ],
      released_at: null,
      released_subscription: null,
      status: 'active',
      subscription: sub.id,
      test_clock: null,
    }
    ctx.sim.put(schedule, ctx.owner)
    const a = actorOf(ctx)
    const before = structuredClone(sub)
    sub.schedule = schedule.id
    ctx.sim.emit('subscription_schedule.created', schedule, ctx.owner, ctx.origin)
    emitSubscriptionUpdated(a, sub, before)
    return schedule
  }),

  route('GET', '/v1/subscription_schedules/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathSchedule(ctx)
  }),

  route('GET', '/v1/subscription_schedules', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'customer', 'created'])
    const customer = p.string('customer')
    const items = ctx.sim
      .all('subscription_schedule', ctx.owner)
      .filter((s) => !customer || s.customer === customer)
    return paginate(items, p, '/v1/subscription_schedules')
  }),

  route('POST', '/v1/subscription_schedules/:id', (ctx) => {
    const p = Params.of(ctx.raw, ['phases', 'end_behavior', 'metadata', 'proration_behavior'])
    const schedule = pathSchedule(ctx)
    if (schedule.status !== 'active' && schedule.status !== 'not_started') {
      throw ApiFailure.invalidRequest(
        `You cannot update a subscription schedule that is currently in the \`${schedule.status}\` status. It must be in one of the following statuses: \`not_started\`, \`active\`.`,
      )
    }
    const sub = ctx.sim.get('subscription', schedule.subscription as string, ctx.owner) as Subscription
    p.oneOf('proration_behavior', PRORATIONS)
    const endBehavior = p.oneOf('end_behavior', ['release', 'cancel', 'none', 'renew'] as const)
    if (endBehavior === 'none' || endBehavior === 'renew') {
      throw ApiFailure.invalidRequest('This test server supports end_behavior `release` and `cancel` only.', {
        param: 'end_behavior',
      })
    }
    if (p.has('phases')) schedule.phases = readPhases(ctx, p, sub, schedule)
    if (endBehavior) schedule.end_behavior = endBehavior
    schedule.metadata = p.metadata(schedule.metadata)
    ctx.sim.emit('subscription_schedule.updated', schedule, ctx.owner, ctx.origin)
    return schedule
  }),

  route('POST', '/v1/subscription_schedules/:id/release', (ctx) => {
    Params.of(ctx.raw, ['preserve_cancel_date'])
    const schedule = pathSchedule(ctx)
    if (schedule.status !== 'active' && schedule.status !== 'not_started') {
      throw ApiFailure.invalidRequest(
        `You cannot release a subscription schedule that is currently in the \`${schedule.status}\` status. It must be in one of the following statuses: \`not_started\`, \`active\`.`,
      )
    }
    const sub = schedule.subscription
      ? ctx.sim.get('subscription', schedule.subscription, ctx.owner)
      : undefined
    release(actorOf(ctx), schedule, sub)
    return schedule
  }),
]
