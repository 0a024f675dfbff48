import { type RequestContext, type Route, route } from '../engine/route.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId, randomToken } from '../protocol/ids.ts'
import { LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'
import type { Coupon, Interval, Price, Product, PromotionCode } from './types.ts'

// Products, Prices, Coupons and Promotion codes: the catalogue subscriptions are made of.

const INTERVALS = ['day', 'week', 'month', 'year'] as const

function pathObject<K extends 'product' | 'price' | 'coupon' | 'promotion_code'>(
  ctx: RequestContext,
  kind: K,
) {
  const id = ctx.path.id as string
  const found = ctx.sim.get(kind, id, ctx.owner)
  if (!found) throw ApiFailure.notFound(kind, id)
  return found
}

function createProduct(ctx: RequestContext, p: Params, id?: string | null): Product {
  const now = ctx.sim.nowSec()
  const product: Product = {
    id: id ?? newId('prod'),
    object: 'product',
    active: p.boolean('active') ?? true,
    created: now,
    default_price: null,
    description: p.string('description') ?? null,
    livemode: false,
    metadata: p.metadata({}),
    name: p.requiredString('name'),
    type: 'service',
    updated: now,
  }
  ctx.sim.put(product, ctx.owner)
  ctx.sim.emit('product.created', product, ctx.owner, ctx.origin)
  return product
}

/** Whether a promotion code can be redeemed now; the Stripe-like message when it cannot. */
export function promotionCodeProblem(ctx: RequestContext, code: PromotionCode): string | null {
  const coupon = ctx.sim.get('coupon', code.promotion.coupon, ctx.owner)
  if (!code.active) return 'This promotion code is not active.'
  if (code.expires_at !== null && code.expires_at <= ctx.sim.nowSec())
    return 'This promotion code has expired.'
  if (code.max_redemptions !== null && code.times_redeemed >= code.max_redemptions)
    return 'This promotion code has been used the maximum number of times.'
  if (!coupon?.valid || (coupon.redeem_by !== null && coupon.redeem_by <= ctx.sim.nowSec()))
    return 'The coupon of this promotion code is no longer valid.'
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions)
    return 'The coupon of this promotion code has been used the maximum number of times.'
  return null
}

function refreshCoupon(ctx: RequestContext, c: Coupon): Coupon {
  c.valid =
    (c.redeem_by === null || c.redeem_by > ctx.sim.nowSec()) &&
    (c.max_redemptions === null || c.times_redeemed < c.max_redemptions)
  return c
}

export const catalogRoutes: Route[] = [
  route('POST', '/v1/products', (ctx) => {
    const p = Params.of(ctx.raw, ['id', 'name', 'active', 'description', 'metadata', 'default_price_data'])
    const id = p.string('id')
    if (id && ctx.sim.find(id)) {
      throw ApiFailure.invalidRequest(`Product already exists.`, {
        code: 'resource_already_exists',
        param: 'id',
      })
    }
    return createProduct(ctx, p, id)
  }),
  route('GET', '/v1/products/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathObject(ctx, 'product')
  }),
  route('GET', '/v1/products', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'active'])
    const active = p.boolean('active')
    const items = ctx.sim.all('product', ctx.owner).filter((x) => active === undefined || x.active === active)
    return paginate(items, p, '/v1/products')
  }),

  route('POST', '/v1/prices', (ctx) => {
    const p = Params.of(ctx.raw, [
      'currency',
      'unit_amount',
      'product',
      'product_data',
      'recurring',
      'lookup_key',
      'transfer_lookup_key',
      'nickname',
      'metadata',
      'active',
      'tax_behavior',
    ])
    const currency = p.requiredString('currency').toLowerCase()
    const unitAmount = p.requiredInteger('unit_amount')
    if (unitAmount < 0) throw p.invalid('unit_amount', 'Invalid non-negative integer')
    const recurring = p.nested('recurring', ['interval', 'interval_count', 'usage_type'])
    let productId = p.string('product')
    const productData = p.nested('product_data', ['name', 'metadata', 'active'])
    if (!productId && !productData) throw p.missing('product')
    if (productId && !ctx.sim.get('product', productId, ctx.owner)) {
      throw ApiFailure.missingParamObject('product', productId, 'product')
    }
    const interval = recurring?.oneOf('interval', INTERVALS)
    if (recurring && !interval) throw recurring.missing('interval')
    const lookupKey = p.string('lookup_key') ?? null
    if (lookupKey) {
      const taken = ctx.sim.all('price', ctx.owner).find((x) => x.lookup_key === lookupKey)
      if (taken) {
        if (p.boolean('transfer_lookup_key') !== true) {
          throw ApiFailure.invalidRequest(`A price (\`${taken.id}\`) already uses that lookup key.`, {
            code: 'lookup_key_exists',
            param: 'lookup_key',
          })
        }
        taken.lookup_key = null
      }
    }
    if (!productId && productData) productId = createProduct(ctx, productData).id
    const price: Price = {
      id: newId('price'),
      object: 'price',
      active: p.boolean('active') ?? true,
      billing_scheme: 'per_unit',
      created: ctx.sim.nowSec(),
      currency,
      livemode: false,
      lookup_key: lookupKey,
      metadata: p.metadata({}),
      nickname: p.string('nickname') ?? null,
      product: productId as string,
      recurring: interval
        ? {
            interval: interval as Interval,
            interval_count: recurring?.integer('interval_count') ?? 1,
            usage_type: 'licensed',
            meter: null,
          }
        : null,
      tax_behavior: 'unspecified',
      type: interval ? 'recurring' : 'one_time',
      unit_amount: unitAmount,
      unit_amount_decimal: String(unitAmount),
    }
    ctx.sim.put(price, ctx.owner)
    ctx.sim.emit('price.created', price, ctx.owner, ctx.origin)
    return price
  }),
  route('GET', '/v1/prices/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathObject(ctx, 'price')
  }),
  route('GET', '/v1/prices', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'active', 'product', 'lookup_keys', 'type', 'currency'])
    const active = p.boolean('active')
    const product = p.string('product')
    const keys = p.strings('lookup_keys')
    const type = p.string('type')
    const items = ctx.sim
      .all('price', ctx.owner)
      .filter(
        (x) =>
          (active === undefined || x.active === active) &&
          (!product || x.product === product) &&
          (!keys || (x.lookup_key !== null && keys.includes(x.lookup_key))) &&
          (!type || x.type === type),
      )
    return paginate(items, p, '/v1/prices')
  }),

  route('POST', '/v1/coupons', (ctx) => {
    const p = Params.of(ctx.raw, [
      'id',
      'name',
      'percent_off',
      'amount_off',
      'currency',
      'duration',
      'duration_in_months',
      'max_redemptions',
      'redeem_by',
      'metadata',
      'applies_to',
    ])
    const percentRaw = p.string('percent_off')
    const percent = percentRaw == null ? null : Number(percentRaw)
    const amountOff = p.integer('amount_off') ?? null
    if ((percent === null) === (amountOff === null)) {
      throw ApiFailure.invalidRequest('You must pass exactly one of percent_off or amount_off.', {
        param: 'percent_off',
      })
    }
    if (percent !== null && !(percent > 0 && percent <= 100))
      throw p.invalid('percent_off', 'Invalid decimal')
    if (amountOff !== null && !p.string('currency')) throw p.missing('currency')
    const duration = p.oneOf('duration', ['once', 'repeating', 'forever'] as const) ?? 'once'
    const months = p.integer('duration_in_months') ?? null
    if (duration === 'repeating' && !months) throw p.missing('duration_in_months')
    const id = p.string('id') ?? randomToken(8)
    if (ctx.sim.find(id))
      throw ApiFailure.invalidRequest('Coupon already exists.', {
        code: 'resource_already_exists',
        param: 'id',
      })
    const coupon: Coupon = {
      id,
      object: 'coupon',
      amount_off: amountOff,
      created: ctx.sim.nowSec(),
      currency: p.string('currency')?.toLowerCase() ?? null,
      duration,
      duration_in_months: duration === 'repeating' ? months : null,
      livemode: false,
      max_redemptions: p.integer('max_redemptions') ?? null,
      metadata: p.metadata({}),
      name: p.string('name') ?? null,
      percent_off: percent,
      redeem_by: p.integer('redeem_by') ?? null,
      times_redeemed: 0,
      valid: true,
    }
    ctx.sim.put(coupon, ctx.owner)
    ctx.sim.emit('coupon.created', coupon, ctx.owner, ctx.origin)
    return coupon
  }),
  route('GET', '/v1/coupons/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return refreshCoupon(ctx, pathObject(ctx, 'coupon'))
  }),

  route('POST', '/v1/promotion_codes', (ctx) => {
    const p = Params.of(ctx.raw, [
      'promotion',
      'coupon',
      'code',
      'active',
      'customer',
      'expires_at',
      'max_redemptions',
      'metadata',
      'restrictions',
    ])
    const promotion = p.nested('promotion', ['type', 'coupon'])
    const couponId = promotion?.string('coupon') ?? p.string('coupon')
    if (!couponId) throw p.missing('promotion')
    if (!ctx.sim.get('coupon', couponId, ctx.owner)) {
      throw ApiFailure.missingParamObject('coupon', couponId, 'promotion[coupon]')
    }
    const code = p.string('code') ?? randomToken(8).toUpperCase()
    if (!/^[A-Za-z0-9_-]{1,500}$/.test(code)) throw p.invalid('code', 'Invalid code')
    const clash = ctx.sim
      .all('promotion_code', ctx.owner)
      .find((x) => x.active && x.code.toLowerCase() === code.toLowerCase())
    if (clash) {
      throw ApiFailure.invalidRequest('An active promotion code with `code` already exists.', {
        code: 'resource_already_exists',
        param: 'code',
      })
    }
    const expiresAt = p.integer('expires_at') ?? null
    const promo: PromotionCode = {
      id: newId('promo'),
      object: 'promotion_code',
      active: p.boolean('active') ?? true,
      code,
      created: ctx.sim.nowSec(),
      customer: p.string('customer') ?? null,
      expires_at: expiresAt,
      livemode: false,
      max_redemptions: p.integer('max_redemptions') ?? null,
      metadata: p.metadata({}),
      promotion: { type: 'coupon', coupon: couponId },
      restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
      times_redeemed: 0,
    }
    ctx.sim.put(promo, ctx.owner)
    ctx.sim.emit('promotion_code.created', promo, ctx.owner, ctx.origin)
    return promo
  }),
  route('GET', '/v1/promotion_codes/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathObject(ctx, 'promotion_code')
  }),
  route('GET', '/v1/promotion_codes', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'code', 'active', 'coupon', 'customer', 'created'])
    const code = p.string('code')
    const active = p.boolean('active')
    const items = ctx.sim
      .all('promotion_code', ctx.owner)
      .filter(
        (x) =>
          (!code || x.code.toLowerCase() === code.toLowerCase()) &&
          (active === undefined || x.active === active),
      )
    return paginate(items, p, '/v1/promotion_codes')
  }),
]
