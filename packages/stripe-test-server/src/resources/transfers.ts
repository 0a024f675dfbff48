import { addBalanceTransaction, availableAmount } from '../engine/balance.ts'
import { changedKeys } from '../engine/diff.ts'
import { type RequestContext, type Route, route } from '../engine/route.ts'
import { type Charge, PLATFORM, type Transfer, type TransferReversal } from '../engine/types.ts'
import { checkCurrency, checkPositiveAmount } from '../protocol/currency.ts'
import { ApiFailure } from '../protocol/errors.ts'
import { newId } from '../protocol/ids.ts'
import { createdFilter, LIST_PARAMS, paginate } from '../protocol/list.ts'
import { Params } from '../protocol/params.ts'
import { requirePlatform } from './accounts.ts'

const INSUFFICIENT_FUNDS =
  'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance'

/** What is left of a charge to fund transfers: its amount less refunds and earlier transfers. */
function unspentOf(ctx: RequestContext, charge: Charge): number {
  const transferred = ctx.sim
    .all('transfer', PLATFORM)
    .filter((t) => t.source_transaction === charge.id)
    .reduce((sum, t) => sum + t.amount - t.amount_reversed, 0)
  return charge.amount - charge.amount_refunded - transferred
}

function create(ctx: RequestContext): Transfer {
  requirePlatform(ctx)
  const p = Params.of(ctx.raw, [
    'amount',
    'currency',
    'destination',
    'transfer_group',
    'source_transaction',
    'description',
    'metadata',
    'source_type',
  ])
  const amount = p.requiredInteger('amount')
  checkPositiveAmount(amount)
  const currency = checkCurrency(p.requiredString('currency'))
  const destinationId = p.requiredString('destination')
  const metadata = p.metadata()
  const destination = ctx.sim.get('account', destinationId, PLATFORM)
  if (!destination) throw ApiFailure.missingParamObject('account', destinationId, 'destination')
  // Transfers need an active transfers capability (or one of its alternatives) on the destination.
  const caps = destination.capabilities
  if (![caps.transfers, caps.crypto_transfers, caps.legacy_payments].includes('active')) {
    throw ApiFailure.refused(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { code: 'insufficient_capabilities_for_transfer', param: 'destination' },
    )
  }
  const sourceId = p.string('source_transaction')
  let availableOn = ctx.sim.nowSec()
  if (sourceId) {
    const charge = ctx.sim.get('charge', sourceId, PLATFORM)
    if (charge?.status !== 'succeeded' || !charge.balance_transaction) {
      throw ApiFailure.invalidRequest(`No such charge: '${sourceId}'`, {
        code: 'resource_missing',
        param: 'source_transaction',
      })
    }
    if (charge.currency !== currency) {
      throw ApiFailure.refused(
        `The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${currency})`,
        {
          param: 'currency',
        },
      )
    }
    if (amount > unspentOf(ctx, charge)) {
      throw ApiFailure.refused(
        `Transfer amount (${amount}) exceeds what is left of source_transaction ${charge.id} (${unspentOf(ctx, charge)}).`,
        {
          code: 'balance_insufficient',
          param: 'amount',
        },
      )
    }
    // The transfer succeeds now but its money moves only when the charge's funds become available.
    const txn = ctx.sim.get('balance_transaction', charge.balance_transaction, PLATFORM)
    availableOn = Math.max(availableOn, txn?.available_on ?? availableOn)
  } else if (availableAmount(ctx.sim, PLATFORM, currency) < amount) {
    throw ApiFailure.refused(INSUFFICIENT_FUNDS, { code: 'balance_insufficient' })
  }
  const id = newId('tr')
  const destinationPayment = newId('py')
  const platformTxn = addBalanceTransaction(ctx.sim, {
    owner: PLATFORM,
    type: 'transfer',
    amount: -amount,
    currency,
    source: id,
    availableOn,
  })
  addBalanceTransaction(ctx.sim, {
    owner: destination.id,
    type: 'payment',
    amount,
    currency,
    source: destinationPayment,
    availableOn,
  })
  const transfer: Transfer = {
    id,
    object: 'transfer',
    amount,
    amount_reversed: 0,
    balance_transaction: platformTxn.id,
    created: ctx.sim.nowSec(),
    currency,
    description: p.string('description') ?? null,
    destination: destination.id,
    destination_payment: destinationPayment,
    livemode: false,
    metadata,
    reversals: {
      object: 'list',
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/transfers/${id}/reversals`,
    },
    reversed: false,
    source_transaction: sourceId ?? null,
    source_type: 'card',
    transfer_group: p.string('transfer_group') ?? null,
  }
  ctx.sim.put(transfer, PLATFORM)
  ctx.sim.emit('transfer.created', transfer, PLATFORM, ctx.origin)
  return transfer
}

function reverse(ctx: RequestContext): TransferReversal {
  requirePlatform(ctx)
  const p = Params.of(ctx.raw, ['amount', 'description', 'metadata', 'refund_application_fee'])
  const transfer = pathTransfer(ctx)
  const remaining = transfer.amount - transfer.amount_reversed
  const amount = p.integer('amount') ?? remaining
  if (p.has('amount')) checkPositiveAmount(amount)
  const metadata = p.metadata()
  if (remaining === 0) {
    throw ApiFailure.invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, {
      code: 'transfer_already_reversed',
    })
  }
  if (amount > remaining) {
    throw ApiFailure.invalidRequest(
      `Reversal amount (${amount}) is greater than the amount of the transfer that has not been reversed (${remaining}).`,
      { code: 'amount_too_large', param: 'amount' },
    )
  }
  // Money comes back out of the connected account, so its available balance has to cover it.
  if (availableAmount(ctx.sim, transfer.destination, transfer.currency) < amount) {
    throw ApiFailure.refused(
      `The destination account ${transfer.destination} has insufficient available funds to cover the reversal.`,
      { code: 'balance_insufficient', param: 'amount' },
    )
  }
  const id = newId('trr')
  const refundPayment = newId('pyr')
  const platformTxn = addBalanceTransaction(ctx.sim, {
    owner: PLATFORM,
    type: 'transfer_refund',
    amount,
    currency: transfer.currency,
    source: id,
  })
  addBalanceTransaction(ctx.sim, {
    owner: transfer.destination,
    type: 'payment_refund',
    amount: -amount,
    currency: transfer.currency,
    source: refundPayment,
  })
  const reversal: TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: platformTxn.id,
    created: ctx.sim.nowSec(),
    currency: transfer.currency,
    destination_payment_refund: refundPayment,
    metadata,
    source_refund: null,
    transfer: transfer.id,
  }
  ctx.sim.put(reversal, PLATFORM)
  const before = structuredClone(transfer)
  transfer.amount_reversed += amount
  transfer.reversed = transfer.amount_reversed === transfer.amount
  transfer.reversals.data.unshift(reversal)
  transfer.reversals.total_count = transfer.reversals.data.length
  ctx.sim.emit('transfer.reversed', transfer, PLATFORM, ctx.origin, changedKeys(before, transfer))
  return reversal
}

function pathTransfer(ctx: RequestContext): Transfer {
  const id = ctx.path.id as string
  const transfer = ctx.sim.get('transfer', id, PLATFORM)
  if (!transfer || ctx.connectedAccount) throw ApiFailure.notFound('transfer', id)
  return transfer
}

export const transferRoutes: Route[] = [
  route('POST', '/v1/transfers', create),
  route('GET', '/v1/transfers/:id', (ctx) => {
    Params.of(ctx.raw, [])
    return pathTransfer(ctx)
  }),
  route('POST', '/v1/transfers/:id', (ctx) => {
    const p = Params.of(ctx.raw, ['description', 'metadata'])
    const transfer = pathTransfer(ctx)
    const metadata = p.metadata(transfer.metadata)
    const description = p.string('description')
    const before = structuredClone(transfer)
    transfer.metadata = metadata
    if (description !== undefined) transfer.description = description
    ctx.sim.emit('transfer.updated', transfer, PLATFORM, ctx.origin, changedKeys(before, transfer))
    return transfer
  }),
  route('GET', '/v1/transfers', (ctx) => {
    requirePlatform(ctx)
    const p = Params.of(ctx.raw, [...LIST_PARAMS, 'destination', 'transfer_group', 'created'])
    const destination = p.string('destination')
    const group = p.string('transfer_group')
    const created = createdFilter(p)
    const items = ctx.sim
      .all('transfer', PLATFORM)
      .filter(
        (t) =>
          (destination ? t.destination === destination : true) &&
          (group ? t.transfer_group === group : true) &&
          created(t.created),
      )
    return paginate(items, p, '/v1/transfers')
  }),
  route('POST', '/v1/transfers/:id/reversals', reverse),
  route('GET', '/v1/transfers/:id/reversals', (ctx) => {
    const p = Params.of(ctx.raw, [...LIST_PARAMS])
    const transfer = pathTransfer(ctx)
    return paginate(transfer.reversals.data, p, `/v1/transfers/${transfer.id}/reversals`)
  }),
  route('GET', '/v1/transfers/:id/reversals/:reversal', (ctx) => {
    Params.of(ctx.raw, [])
    const transfer = pathTransfer(ctx)
    const reversal = transfer.reversals.data.find((r) => r.id === ctx.path.reversal)
    if (!reversal) throw ApiFailure.notFound('transfer_reversal', ctx.path.reversal as string)
    return reversal
  }),
]
