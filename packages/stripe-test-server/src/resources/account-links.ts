import { type Route, route } from '../engine/route.ts'
import { NO_ORIGIN, type Sim } from '../engine/sim.ts'
import { type AccountLink, type AccountLinkRecord, PLATFORM } from '../engine/types.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { randomToken } from '../protocol/ids.ts'
import { Params } from '../protocol/params.ts'
import { type OnboardingStage, requirePlatform, setOnboarding } from './accounts.ts'

// Stripe's example account link lives 300 seconds (created 1680577733 → expires_at 1680578033).
const LINK_LIFETIME_SEC = 300

function checkUrl(p: Params, key: string): string {
  const url = p.requiredString(key)
  if (!/^https?:\/\/\S+$/.test(url)) {
    throw ApiFailure.invalidRequest(`Not a valid URL`, { code: 'url_invalid', param: key })
  }
  return url
}

export const accountLinkRoutes: Route[] = [
  route('POST', '/v1/account_links', (ctx): AccountLink => {
    requirePlatform(ctx)
    const p = Params.of(ctx.raw, [
      'account',
      'type',
      'refresh_url',
      'return_url',
      'collect',
      'collection_options',
    ])
    const accountId = p.requiredString('account')
    const type = p.oneOf('type', ['account_onboarding', 'account_update'] as const)
    if (!type) throw p.missing('type')
    const refreshUrl = checkUrl(p, 'refresh_url')
    const returnUrl = checkUrl(p, 'return_url')
    const account = ctx.sim.get('account', accountId, PLATFORM)
    if (!account) throw ApiFailure.missingParamObject('account', accountId, 'account')
    if (type === 'account_update' && account.type === 'express') {
      // Express accounts edit their details in the Express Dashboard, not through update links.
      throw ApiFailure.invalidRequest(
        'You cannot create `account_update` type Account Links for Express accounts.',
        {
          param: 'type',
        },
      )
    }
    const created = ctx.sim.nowSec()
    const record: AccountLinkRecord = {
      token: randomToken(32),
      account: accountId,
      type,
      refresh_url: refreshUrl,
      return_url: returnUrl,
      created,
      expires_at: created + LINK_LIFETIME_SEC,
      used_at: null,
    }
    ctx.sim.state.accountLinks.set(record.token, record)
    return {
      object: 'account_link',
      created,
      expires_at: record.expires_at,
      url: `${ctx.sim.baseUrl}/connect/onboarding/${record.token}`,
    }
  }),
]

export interface PageResult {
  status: number
  html: string
  location?: string
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`
}

/**
 * `GET /connect/onboarding/<token>`: visiting the link completes the hosted onboarding (or, with
 * `?outcome=pending_verification|restricted|leave`, another ending) and redirects to return_url.
 * Links are single-use and expire after 300 s of the simulated clock.
 */
export function visitOnboardingLink(sim: Sim, token: string, outcome: string | null): PageResult {
  const link = sim.state.accountLinks.get(token)
  const invalid = (why: string): PageResult => ({
    status: 410,
    html: page(
      'This onboarding link is no longer valid',
      `<p>${escapeHtml(why)}</p>${link ? `<p><a id="refresh" href="${escapeHtml(link.refresh_url)}">Get a new link</a></p>` : ''}`,
    ),
  })
  if (!link) return invalid('The link is unknown.')
  if (link.used_at !== null) return invalid('The link was already used. Account links are single-use.')
  if (sim.nowSec() >= link.expires_at) return invalid('The link has expired.')
  link.used_at = sim.nowSec()
  const stages: Record<string, OnboardingStage> = {
    complete: 'complete',
    pending_verification: 'pending_verification',
    restricted: 'restricted',
  }
  const stage = stages[outcome ?? 'complete']
  if (stage) setOnboarding(sim, link.account, stage, NO_ORIGIN)
  sim.changed()
  return {
    status: 303,
    location: link.return_url,
    html: page(
      'Onboarding finished',
      `<p><a href="${escapeHtml(link.return_url)}">Return to the platform</a></p>`,
    ),
  }
}
