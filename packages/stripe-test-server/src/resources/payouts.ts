import { addBalanceTransaction, availableAmount } from '../engine/balance.ts'
import { changedKeys } from '../engine/diff.ts'
import { type RequestContext, type Route, route } from '../engine/route.ts'
import { NO_ORIGIN, type Origin, type Sim } from '../engine/sim.ts'
import { type Payout, type PayoutStatus, PLATFORM } from '../engine/types.ts'
import { checkCurrency, checkPositiveAmount } from '../protocol/currency.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId } from '../protocol/ids.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'

/** Payout failure codes Stripe documents, with the messages shown to platforms. */
export const PAYOUT_FAILURES: Record<string, string> = {
  account_closed: 'The bank account has been closed.',
  account_frozen: 'The bank account has been frozen.',
  bank_account_restricted:
    'The bank account has restrictions on either the type, or the number, of payouts allowed.',
  bank_ownership_changed:
    'The destination bank account is no longer valid because its branch has changed ownership.',
  could_not_process: 'The bank could not process this payout.',
  debit_not_authorized: 'Debit transactions are not approved on the bank account.',
  declined: 'The bank has declined this transfer.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  invalid_account_number: 'The routing number seems correct, but the account number is invalid.',
  incorrect_account_holder_name:
    'Your bank notified us that the bank account holder name on file is incorrect.',
  invalid_currency: 'The bank was unable to process this payout because of its currency.',
  no_account: 'The bank account details on file are probably incorrect.',
}

const DAY = 86_400

function create(ctx: RequestContext): Payout {
  const p = Params.of(ctx.raw, [
    'amount',
    'currency',
    'description',
    'metadata',
    'method',
    'destination',
    'statement_descriptor',
    'source_type',
  ])
  const amount = p.requiredInteger('amount')
  checkPositiveAmount(amount)
  const currency = checkCurrency(p.requiredString('currency'))
  const method = p.oneOf('method', ['standard', 'instant'] as const) ?? 'standard'
  const metadata = p.metadata()
  let destination: string | null = null
  if (ctx.owner !== PLATFORM) {
    const account = ctx.sim.get('account', ctx.owner, PLATFORM)
    if (!account?.payouts_enabled) {
      throw ApiFailure.refused('Payouts are not enabled for this account. Complete onboarding first.', {
        code: 'payouts_not_allowed',
      })
    }
    const bank =
      account.external_accounts.data.find((b) => b.currency === currency) ?? account.external_accounts.data[0]
    destination = p.string('destination') ?? bank?.id ?? null
  }
  if (availableAmount(ctx.sim, ctx.owner, currency) < amount) {
    throw ApiFailure.refused(
      'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low.',
      { code: 'balance_insufficient', param: 'amount' },
    )
  }
  const id = newId('po')
  const txn = addBalanceTransaction(ctx.sim, {
    owner: ctx.owner,
    type: 'payout',
    amount: -amount,
    currency,
    source: id,
    description: 'STRIPE PAYOUT',
  })
  const now = ctx.sim.nowSec()
  const payout: Payout = {
    id,
    object: 'payout',
    amount,
    application_fee: null,
    application_fee_amount: null,
    arrival_date: method === 'instant' ? now : now - (now % DAY) + 2 * DAY,
    automatic: false,
    balance_transaction: txn.id,
    created: now,
    currency,
    description: p.string('description') ?? null,
    destination,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata,
    method,
    original_payout: null,
    reconciliation_status: 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: p.string('statement_descriptor') ?? null,
    status: 'pending',
    type: 'bank_account',
  }
  ctx.sim.put(payout, ctx.owner)
  ctx.sim.emit('payout.created', payout, ctx.owner, ctx.origin)
  const timing = ctx.sim.config.payouts
  if (timing.mode === 'auto') ctx.sim.schedule('payout_in_transit', payout.id, timing.inTransitAfterMs)
  return payout
}

function payoutById(sim: Sim, id: string): { payout: Payout; owner: string } {
  const owner = sim.ownerOf(id)
  const payout = owner ? sim.get('payout', id, owner) : undefined
  if (!payout || !owner) throw ApiFailure.notFound('payout', id, 'payout')
  return { payout, owner }
}

/**
 * Moves a payout along: pending → in_transit → paid, or → failed (also from paid: banks can return
 * a payout days after it showed as paid). A failure returns the money to the account's balance.
 */
export function setPayoutStatus(
  sim: Sim,
  id: string,
  status: Exclude<PayoutStatus, 'pending'>,
  failureCode = 'could_not_process',
  origin: Origin = NO_ORIGIN,
): Payout {
  const { payout, owner } = payoutById(sim, id)
  const allowed: Record<string, PayoutStatus[]> = {
    in_transit: ['pending'],
    paid: ['pending', 'in_transit'],
    failed: ['pending', 'in_transit', 'paid'],
    canceled: ['pending'],
  }
  if (!allowed[status]?.includes(payout.status)) {
    throw ApiFailure.refused(`Payout ${payout.id} has status ${payout.status} and cannot become ${status}.`, {
      code: 'payout_unexpected_state',
    })
  }
  const before = structuredClone(payout)
  payout.status = status
  if (status === 'failed' || status === 'canceled') {
    sim.cancelJobs(payout.id)
    const txn = addBalanceTransaction(sim, {
      owner,
      type: status === 'failed' ? 'payout_failure' : 'payout_cancel',
      amount: payout.amount,
      currency: payout.currency,
      source: payout.id,
    })
    if (status === 'failed') {
      payout.failure_balance_transaction = txn.id
      payout.failure_code = failureCode
      payout.failure_message = PAYOUT_FAILURES[failureCode] ?? 'The payout failed.'
    }
  }
  if (status === 'paid' || status === 'failed') payout.reconciliation_status = 'completed'
  const changes = changedKeys(before, payout)
  sim.emit('payout.updated', payout, owner, origin, changes)
  if (status === 'paid') sim.emit('payout.paid', payout, owner, origin)
  if (status === 'failed') sim.emit('payout.failed', payout, owner, origin)
  if (status === 'canceled') sim.emit('payout.canceled', payout, owner, origin)
  sim.changed()
  return payout
}

/** Scheduled steps of an automatic payout. */
export function payoutInTransit(sim: Sim, id: string): void {
  const { payout } = payoutById(sim, id)
  if (payout.status !== 'pending') return
  setPayoutStatus(sim, id, 'in_transit')
  sim.schedule(
    'payout_paid',
    id,
    Math.max(0, sim.config.payouts.paidAfterMs - sim.config.payouts.inTransitAfterMs),
  )
}

export function payoutArrived(sim: Sim, id: string): void {
  const { payout } = payoutById(sim, id)
  if (payout.status === 'in_transit') setPayoutStatus(sim, id, 'paid')
}

function pathPayout(ctx: RequestContext): Payout {
  const id = ctx.path.id as string
  const payout = ctx.sim.get('payout', id, ctx.owner)
  if (!payout) throw ApiFailure.notFound('payout', id, 'payout')
  return payout
}

export const payoutRoutes: Route[] = [
  route('POST', '/v1/payouts', create),
  route('GET', '/v1/payouts/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathPayout(ctx)
  }),
  route('POST', '/v1/payouts/:id', (ctx) => {
    const p = Params.of(ctx.raw, ['metadata'])
    const payout = pathPayout(ctx)
    const metadata = p.metadata(payout.metadata)
    const before = structuredClone(payout)
    payout.metadata = metadata
    ctx.sim.emit('payout.updated', payout, ctx.owner, ctx.origin, changedKeys(before, payout))
    return payout
  }),
  route('POST', '/v1/payouts/:id/cancel', (ctx) => {
    Params.of(ctx.raw, [])
    const payout = pathPayout(ctx)
    if (payout.status !== 'pending') {
      throw ApiFailure.refused('Only pending payouts can be canceled.', { code: 'payout_unexpected_state' })
    }
    return setPayoutStatus(ctx.sim, payout.id, 'canceled', undefined, ctx.origin)
  }),
  route('GET', '/v1/payouts', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'status', 'created'])
    const status = p.string('status')
    const created = createdFilter(p)
    const items = ctx.sim
      .all('payout', ctx.owner)
      .filter((po) => (status ? po.status === status : true) && created(po.created))
    return paginate(items, p, '/v1/payouts')
  }),
]
