import { balanceOf } from '../engine/balance.ts'
import { changedKeys } from '../engine/diff.ts'
import { type RequestContext, type Route, route } from '../engine/route.ts'
import type { Origin, Sim } from '../engine/sim.ts'
import { type Account, type CapabilityStatus, PLATFORM, type Requirements } from '../engine/types.ts'
import { checkCurrency } from '../protocol/currency.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId, randomToken } from '../protocol/ids.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'

// What a fresh US individual Express account still has to provide.
const INITIAL_DUE = [
  'business_profile.url',
  'business_type',
  'external_account',
  'individual.dob.day',
  'individual.email',
  'individual.first_name',
  'individual.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
]

const CAPABILITIES = ['transfers', 'card_payments', 'crypto_transfers', 'legacy_payments'] as const

function requirements(due: string[], disabledReason: string | null, pending: string[] = []): Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: disabledReason,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [...pending],
  }
}

const ACCOUNT_KEYS = [
  'type',
  'country',
  'email',
  'business_type',
  'business_profile',
  'capabilities',
  'metadata',
  'default_currency',
  // Accepted and ignored: the simulated onboarding collects these.
  'controller',
  'tos_acceptance',
  'individual',
  'company',
  'settings',
  'external_account',
] as const

function businessProfile(p: Params, current: Account['business_profile']): Account['business_profile'] {
  const bp = p.nested('business_profile', [
    'mcc',
    'name',
    'product_description',
    'url',
    'support_email',
    'support_phone',
    'support_url',
  ])
  if (!bp) return current
  const next = { ...current }
  for (const key of ['mcc', 'name', 'product_description', 'url'] as const) {
    const v = bp.string(key)
    if (v !== undefined) next[key] = v
  }
  return next
}

function requestedCapabilities(p: Params): Map<string, boolean> {
  const out = new Map<string, boolean>()
  for (const [name, cap] of p.entries('capabilities', ['requested'])) {
    if (!(CAPABILITIES as readonly string[]).includes(name)) {
      throw ApiFailure.invalidRequest(`Received unknown parameter: capabilities[${name}]`, {
        code: 'parameter_unknown',
        param: `capabilities[${name}]`,
      })
    }
    out.set(name, cap.boolean('requested') ?? false)
  }
  return out
}

function isComplete(account: Account): boolean {
  return (
    account.details_submitted &&
    account.requirements.currently_due.length === 0 &&
    account.requirements.pending_verification.length === 0
  )
}

function create(ctx: RequestContext): Account {
  requirePlatform(ctx)
  const p = Params.of(ctx.raw, ACCOUNT_KEYS)
  const type =
    p.oneOf('type', ['express', 'custom', 'standard'] as const) ??
    (p.has('controller') ? 'express' : undefined)
  if (!type) throw p.missing('type')
  const requested = requestedCapabilities(p)
  if (type !== 'standard' && ![...requested.values()].some(Boolean)) {
    throw ApiFailure.invalidRequest(
      `You must request at least one capability (for example capabilities[transfers][requested]=true) when creating a ${type} account.`,
      { param: 'capabilities' },
    )
  }
  const country = (p.string('country') ?? 'US').toUpperCase()
  const defaultCurrency = checkCurrency(
    p.string('default_currency') ?? (country === 'US' ? 'usd' : 'eur'),
    'default_currency',
  )
  const capabilities: Record<string, CapabilityStatus> = {}
  for (const [name, on] of requested) if (on) capabilities[name] = 'inactive'
  const id = newId('acct')
  const account: Account = {
    id,
    object: 'account',
    business_profile: businessProfile(p, { mcc: null, name: null, product_description: null, url: null }),
    business_type:
      p.oneOf('business_type', ['individual', 'company', 'non_profit', 'government_entity'] as const) ?? null,
    capabilities,
    charges_enabled: false,
    controller: {
      fees: { payer: 'application' },
      is_controller: true,
      losses: { payments: 'application' },
      type: 'application',
    },
    country,
    created: ctx.sim.nowSec(),
    default_currency: defaultCurrency,
    details_submitted: false,
    email: p.string('email') ?? null,
    external_accounts: {
      object: 'list',
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/accounts/${id}/external_accounts`,
    },
    future_requirements: requirements([], null),
    livemode: false,
    metadata: p.metadata(),
    payouts_enabled: false,
    requirements: requirements(INITIAL_DUE, 'requirements.past_due'),
    settings: { payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval: 'manual' } } },
    tos_acceptance: { date: null },
    type,
  }
  ctx.sim.put(account, PLATFORM)
  // Stripe sends no account.created for Connect; the first event platforms see is account.updated.
  return account
}

function update(ctx: RequestContext): Account {
  requirePlatform(ctx)
  const p = Params.of(
    ctx.raw,
    ACCOUNT_KEYS.filter((k) => k !== 'type' && k !== 'country'),
  )
  const account = pathAccount(ctx)
  const requested = requestedCapabilities(p)
  const profile = businessProfile(p, account.business_profile)
  const metadata = p.metadata(account.metadata)
  const email = p.string('email')
  const businessType = p.oneOf('business_type', [
    'individual',
    'company',
    'non_profit',
    'government_entity',
  ] as const)
  const before = structuredClone(account)
  account.business_profile = profile
  account.metadata = metadata
  if (email !== undefined) account.email = email
  if (businessType) account.business_type = businessType
  for (const [name, on] of requested) {
    if (!on) delete account.capabilities[name]
    else if (!account.capabilities[name])
      account.capabilities[name] = isComplete(account) ? 'active' : 'inactive'
  }
  const changes = changedKeys(before, account)
  if (Object.keys(changes).length > 0)
    ctx.sim.emit('account.updated', account, account.id, ctx.origin, changes)
  return account
}

export type OnboardingStage = 'complete' | 'pending_verification' | 'restricted'

/**
 * Moves a connected account through onboarding as the hosted flow (or Stripe's later reviews)
 * would, and emits `account.updated` with what changed.
 */
export function setOnboarding(sim: Sim, accountId: string, stage: OnboardingStage, origin: Origin): Account {
  const account = sim.get('account', accountId, PLATFORM)
  if (!account) throw ApiFailure.notFound('account', accountId, 'account')
  const before = structuredClone(account)
  const now = sim.nowSec()
  const setCapabilities = (status: CapabilityStatus) => {
    for (const name of Object.keys(account.capabilities)) account.capabilities[name] = status
  }
  if (stage === 'complete') {
    account.details_submitted = true
    account.business_type ??= 'individual'
    account.tos_acceptance.date ??= now
    setCapabilities('active')
    account.requirements = requirements([], null)
    if (account.external_accounts.data.length === 0) addBankAccount(account)
  } else if (stage === 'pending_verification') {
    account.details_submitted = true
    setCapabilities('pending')
    account.requirements = requirements([], 'requirements.pending_verification', [
      'individual.verification.document',
    ])
  } else {
    setCapabilities('inactive')
    const due = ['individual.verification.document']
    if (account.external_accounts.data.length === 0) due.unshift('external_account')
    account.requirements = requirements(due, 'requirements.past_due')
  }
  account.charges_enabled = account.capabilities.card_payments === 'active'
  account.payouts_enabled = stage === 'complete'
  const changes = changedKeys(before, account)
  if (Object.keys(changes).length > 0) sim.emit('account.updated', account, account.id, origin, changes)
  sim.changed()
  return account
}

function addBankAccount(account: Account): void {
  account.external_accounts.data.push({
    id: newId('ba'),
    object: 'bank_account',
    account: account.id,
    account_holder_name: null,
    account_holder_type: 'individual',
    bank_name: 'STRIPE TEST BANK',
    country: account.country,
    currency: account.default_currency,
    default_for_currency: true,
    fingerprint: randomToken(16),
    last4: '6789',
    metadata: {},
    routing_number: '110000000',
    status: 'new',
  })
  account.external_accounts.total_count = account.external_accounts.data.length
}

export function requirePlatform(ctx: RequestContext): void {
  if (ctx.connectedAccount) {
    throw ApiFailure.invalidRequest(
      'This request can only be made by the platform (without the Stripe-Account header).',
    )
  }
}

function pathAccount(ctx: RequestContext): Account {
  const id = ctx.path.id as string
  const account = ctx.sim.get('account', id, PLATFORM)
  if (!account) throw ApiFailure.notFound('account', id, 'account')
  return account
}

/** The platform's own account object, for `GET /v1/account` without Stripe-Account. */
function platformAccount(sim: Sim): Record<string, unknown> {
  return {
    id: sim.state.platformAccountId,
    object: 'account',
    business_profile: { name: 'Stripe test server platform' },
    charges_enabled: true,
    country: 'US',
    default_currency: 'usd',
    details_submitted: true,
    payouts_enabled: true,
    type: 'standard',
  }
}

export const accountRoutes: Route[] = [
  route('POST', '/v1/accounts', create),
  route('GET', '/v1/accounts/:id', (ctx) => {
    Params.of(ctx.raw, [])
    if (ctx.connectedAccount && ctx.path.id !== ctx.connectedAccount)
      throw ApiFailure.notFound('account', ctx.path.id as string)
    return pathAccount(ctx)
  }),
  route('GET', '/v1/account', (ctx) => {
    Params.of(ctx.raw, [])
    if (!ctx.connectedAccount) return platformAccount(ctx.sim)
    return ctx.sim.get('account', ctx.connectedAccount, PLATFORM)
  }),
  route('POST', '/v1/accounts/:id', update),
  route('DELETE', '/v1/accounts/:id', (ctx) => {
    requirePlatform(ctx)
    Params.of(ctx.raw, [])
    const account = pathAccount(ctx)
    const balance = balanceOf(ctx.sim, account.id)
    if ([...balance.available, ...balance.pending].some((b) => b.amount !== 0)) {
      throw ApiFailure.refused('This account cannot be deleted because its balance is not zero.')
    }
    ctx.sim.state.objects.delete(account.id)
    ctx.sim.state.owners.delete(account.id)
    return { id: account.id, object: 'account', deleted: true }
  }),
  route('GET', '/v1/accounts', (ctx) => {
    requirePlatform(ctx)
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'created'])
    const created = createdFilter(p)
    return paginate(
      ctx.sim.all('account', PLATFORM).filter((a) => created(a.created)),
      p,
      '/v1/accounts',
    )
  }),
]
