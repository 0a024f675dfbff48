import type { FormHash } from '../protocol/form.ts'
import type { Origin, Sim } from './sim.ts'

export type Method = 'GET' | 'POST' | 'DELETE'

export interface RequestContext {
  sim: Sim
  /** Whose objects this request sees: 'platform' or the `Stripe-Account` id. */
  owner: string
  /** The `Stripe-Account` header, when the platform acts as a connected account. */
  connectedAccount: string | null
  origin: Origin
  raw: FormHash
  path: Record<string, string>
}

export interface Route {
  method: Method
  /** Template such as `/v1/payment_intents/:id/confirm`; also the key for call counts. */
  template: string
  pattern: RegExp
  names: string[]
  handle: (ctx: RequestContext) => unknown
}

export function route(method: Method, template: string, handle: (ctx: RequestContext) => unknown): Route {
  const names: string[] = []
  const source = template
    .split('/')
    .map((seg) => {
      if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(seg.slice(1))
      return '([^/]+)'
    })
    .join('/')
  return { method, template, pattern: new RegExp(`^${source}$`), names, handle }
}

export type RouteMatch = { route: Route; path: Record<string, string> }

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch | null {
  for (const r of routes) {
    if (r.method !== method) continue
    const m = r.pattern.exec(pathname)
    if (!m) continue
    const path: Record<string, string> = {}
    r.names.forEach((name, i) => {
      path[name] = decodeURIComponent(m[i + 1] ?? '')
    })
    return { route: r, path }
  }
  return null
}
