import { balanceOf, refreshBalanceStatuses } from '../engine/balance.ts'
import { type Route, route } from '../engine/route.ts'
import { PLATFORM } from '../engine/types.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'

export const balanceRoutes: Route[] = [
  route('GET', '/v1/balance', (ctx) => {
    Params.of(ctx.raw, [])
    const { available, pending } = balanceOf(ctx.sim, ctx.owner)
    // An account that never moved money shows zero in its default currency.
    const currency = ctx.sim.get('account', ctx.owner, PLATFORM)?.default_currency ?? 'usd'
    const fallback = [{ amount: 0, currency, source_types: { card: 0 } }]
    return {
      object: 'balance',
      available: available.length ? available : fallback,
      pending: pending.length ? pending : fallback,
      livemode: false,
    }
  }),
  route('GET', '/v1/balance_transactions/:id', (ctx) => {
    Params.of(ctx.raw, [])
    refreshBalanceStatuses(ctx.sim)
    const id = ctx.path.id as string
    const txn = ctx.sim.get('balance_transaction', id, ctx.owner)
    if (!txn) throw ApiFailure.notFound('balance transaction', id)
    return txn
  }),
  route('GET', '/v1/balance_transactions', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'type', 'source', 'currency', 'created', 'payout'])
    refreshBalanceStatuses(ctx.sim)
    const type = p.string('type')
    const source = p.string('source')
    const currency = p.string('currency')
    const created = createdFilter(p)
    if (p.has('payout')) {
      throw ApiFailure.invalidRequest(
        'Filtering balance transactions by payout is not supported by this test server.',
        {
          param: 'payout',
        },
      )
    }
    const items = ctx.sim
      .all('balance_transaction', ctx.owner)
      .filter(
        (t) =>
          (type ? t.type === type : true) &&
          (source ? t.source === source : true) &&
          (currency ? t.currency === currency : true) &&
          created(t.created),
      )
    return paginate(items, p, '/v1/balance_transactions')
  }),
]
