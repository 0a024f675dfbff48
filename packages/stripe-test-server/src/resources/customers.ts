import { changedKeys } from '../engine/diff.ts'
import { type RequestContext, type Route, route } from '../engine/route.ts'
import type { Customer } from '../engine/types.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId, randomToken } from '../protocol/ids.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'

const WRITABLE = ['email', 'name', 'description', 'phone', 'metadata', 'invoice_settings'] as const
// Accepted so real client code does not trip, but not modelled.
const IGNORED = [
  'address',
  'shipping',
  'preferred_locales',
  'tax_exempt',
  'payment_method',
  'test_clock',
] as const

function applyWritable(customer: Customer, p: Params, ctx: RequestContext): void {
  for (const key of ['email', 'name', 'description', 'phone'] as const) {
    const v = p.string(key)
    if (v !== undefined) customer[key] = v
  }
  customer.metadata = p.metadata(customer.metadata)
  const settings = p.nested('invoice_settings', [
    'default_payment_method',
    'custom_fields',
    'footer',
    'rendering_options',
  ])
  const pm = settings?.string('default_payment_method')
  if (pm) {
    const found = ctx.sim.get('payment_method', pm, ctx.owner)
    if (!found || found.customer !== customer.id) {
      throw ApiFailure.invalidRequest(`No such PaymentMethod: '${pm}'`, {
        code: 'resource_missing',
        param: 'invoice_settings[default_payment_method]',
      })
    }
  }
  if (pm !== undefined) customer.invoice_settings.default_payment_method = pm
}

export function requireCustomer(ctx: RequestContext, id: string, param = 'customer'): Customer {
  const c = ctx.sim.get('customer', id, ctx.owner)
  if (!c) throw ApiFailure.missingParamObject('customer', id, param)
  return c
}

function pathCustomer(ctx: RequestContext): Customer {
  const id = ctx.path.id as string
  const c = ctx.sim.get('customer', id, ctx.owner)
  if (!c) throw ApiFailure.notFound('customer', id)
  return c
}

export const customerRoutes: Route[] = [
  route('POST', '/v1/customers', (ctx) => {
    const p = Params.of(ctx.raw, [...WRITABLE, ...IGNORED])
    const customer: Customer = {
      id: newId('cus'),
      object: 'customer',
      address: null,
      balance: 0,
      created: ctx.sim.nowSec(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: null,
      email: null,
      invoice_prefix: randomToken(8).toUpperCase(),
      invoice_settings: {
        custom_fields: null,
        default_payment_method: null,
        footer: null,
        rendering_options: null,
      },
      livemode: false,
      metadata: {},
      name: null,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: 'none',
      test_clock: null,
    }
    applyWritable(customer, p, ctx)
    ctx.sim.put(customer, ctx.owner)
    ctx.sim.emit('customer.created', customer, ctx.owner, ctx.origin)
    return customer
  }),
  route('GET', '/v1/customers/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathCustomer(ctx)
  }),
  route('POST', '/v1/customers/:id', (ctx) => {
    const p = Params.of(ctx.raw, [...WRITABLE, ...IGNORED])
    const customer = pathCustomer(ctx)
    const before = structuredClone(customer)
    applyWritable(customer, p, ctx)
    ctx.sim.emit('customer.updated', customer, ctx.owner, ctx.origin, changedKeys(before, customer))
    return customer
  }),
  route('GET', '/v1/customers', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'email', 'created'])
    const email = p.string('email')
    const created = createdFilter(p)
    const items = ctx.sim
      .all('customer', ctx.owner)
      .filter((c) => (email ? c.email === email : true) && created(c.created))
    return paginate(items, p, '/v1/customers')
  }),
]
