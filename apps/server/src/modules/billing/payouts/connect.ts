import type { Selectable } from 'kysely'
import Stripe from 'stripe'
import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import type { BillingSchema } from '../../../kernel/db/schema/billing.ts'
import { asSystem, inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { BillingCaller } from '../caller.ts'
import { stripeClientOf } from './adapters.ts'
import { view } from './shared.ts'

/**
 * Recruiters' Stripe Connect Express accounts: created once per recruiter (a row is written first,
 * so a retry reuses the same Stripe idempotency key and gets the same account), onboarded through
 * single-use account links, and kept in sync by `account.updated`. Whether an account can receive
 * money, and if not why and what to do, is derived here for the API and for payouts.
 */
export type ConnectRow = Selectable<BillingSchema['billing.connect_accounts']>

export type ReadinessCode =
  | 'ready'
  | 'no_account'
  | 'onboarding_incomplete'
  | 'pending_verification'
  | 'information_past_due'
  | 'rejected'
  | 'transfers_inactive'
  | 'payouts_disabled'

export interface Readiness {
  can_receive_payouts: boolean
  code: ReadinessCode
  message: string
  next_step: {
    action: 'none' | 'start_onboarding' | 'continue_onboarding' | 'wait' | 'contact_support'
    label: string
  }
}

const readable = (field: string) => field.replaceAll('_', ' ').replaceAll('.', ' › ')

/** Why an account can or cannot receive money, and the recruiter's next step, in plain words. */
export function readinessOf(row: ConnectRow | undefined): Readiness {
  if (!row?.stripe_account_id) {
    return {
      can_receive_payouts: false,
      code: 'no_account',
      message: 'You have not set up payouts yet, so we cannot pay you.',
      next_step: { action: 'start_onboarding', label: 'Set up payouts with Stripe (about 5 minutes)' },
    }
  }
  const reason = row.disabled_reason ?? ''
  if (reason.startsWith('rejected.') || reason === 'listed' || reason === 'platform_paused') {
    return {
      can_receive_payouts: false,
      code: 'rejected',
      message: `Stripe has disabled your payout account (${reason}).`,
      next_step: { action: 'contact_support', label: 'Contact support: we will sort it out with you' },
    }
  }
  if (row.requirements_past_due.length > 0) {
    return {
      can_receive_payouts: false,
      code: 'information_past_due',
      message: `Stripe needs more from you before you can be paid: ${row.requirements_past_due.map(readable).join(', ')}.`,
      next_step: { action: 'continue_onboarding', label: 'Finish your Stripe details' },
    }
  }
  if (!row.details_submitted || row.requirements_due.length > 0) {
    return {
      can_receive_payouts: false,
      code: 'onboarding_incomplete',
      message: row.requirements_due.length
        ? `Your Stripe onboarding is not finished: ${row.requirements_due.map(readable).join(', ')}.`
        : 'Your Stripe onboarding is not finished.',
      next_step: { action: 'continue_onboarding', label: 'Continue onboarding with Stripe' },
    }
  }
  if (row.requirements_pending_verification.length > 0 || reason === 'requirements.pending_verification') {
    return {
      can_receive_payouts: false,
      code: 'pending_verification',
      message: 'Stripe is verifying your details. Payouts start by themselves once it is done.',
      next_step: { action: 'wait', label: 'Nothing to do: we tell you when it is done' },
    }
  }
  if (row.transfers_capability !== 'active') {
    return {
      can_receive_payouts: false,
      code: 'transfers_inactive',
      message: `Your account cannot receive transfers yet (transfers are ${row.transfers_capability}).`,
      next_step: { action: 'continue_onboarding', label: 'Check your Stripe onboarding' },
    }
  }
  if (!row.payouts_enabled) {
    return {
      can_receive_payouts: false,
      code: 'payouts_disabled',
      message: 'Stripe cannot pay out to your bank account yet.',
      next_step: { action: 'continue_onboarding', label: 'Add or fix your bank account in Stripe' },
    }
  }
  return {
    can_receive_payouts: true,
    code: 'ready',
    message: 'Your payout account can receive money.',
    next_step: { action: 'none', label: 'Nothing to do' },
  }
}

export async function connectRowOfRecruiter(tx: AnyTx, recruiterId: string) {
  return view(tx)
    .selectFrom('billing.connect_accounts')
    .selectAll()
    .where('recruiter_id', '=', recruiterId)
    .executeTakeFirst()
}

export async function connectRowOfAccount(tx: AnyTx, accountId: string) {
  return view(tx)
    .selectFrom('billing.connect_accounts')
    .selectAll()
    .where('stripe_account_id', '=', accountId)
    .executeTakeFirst()
}

/** The API's view of a connect account. */
export function presentConnect(
  row: ConnectRow | undefined,
  recruiterId: string,
  method: 'stripe_connect' | 'manual_bank' = 'stripe_connect',
) {
  return {
    recruiter_id: recruiterId,
    payout_method: method,
    account_id: row?.stripe_account_id ?? null,
    charges_enabled: row?.charges_enabled ?? false,
    payouts_enabled: row?.payouts_enabled ?? false,
    details_submitted: row?.details_submitted ?? false,
    transfers_capability: (row?.transfers_capability ?? 'inactive') as
      | 'inactive'
      | 'pending'
      | 'active'
      | 'unrequested',
    requirements: {
      currently_due: row?.requirements_due ?? [],
      past_due: row?.requirements_past_due ?? [],
      pending_verification: row?.requirements_pending_verification ?? [],
      current_deadline: row?.requirements_deadline ?? null,
    },
    disabled_reason: row?.disabled_reason ?? null,
    readiness:
      method === 'manual_bank'
        ? ({
            can_receive_payouts: true,
            code: 'ready',
            message: 'The platform pays you by bank transfer; there is nothing to set up.',
            next_step: { action: 'none', label: 'Nothing to do' },
          } satisfies Readiness)
        : readinessOf(row),
    updated_at: row?.updated_at ?? null,
  }
}

/** What we keep of a Stripe account object. */
export function fieldsOfAccount(account: Stripe.Account) {
  const req = account.requirements
  const transfers = (account.capabilities?.transfers ?? 'unrequested') as string
  return {
    charges_enabled: account.charges_enabled ?? false,
    payouts_enabled: account.payouts_enabled ?? false,
    details_submitted: account.details_submitted ?? false,
    transfers_capability: (['inactive', 'pending', 'active'].includes(transfers)
      ? transfers
      : 'unrequested') as 'inactive' | 'pending' | 'active' | 'unrequested',
    requirements_due: [...new Set([...(req?.currently_due ?? []), ...(req?.past_due ?? [])])],
    requirements_past_due: req?.past_due ?? [],
    requirements_pending_verification: req?.pending_verification ?? [],
    requirements_deadline: req?.current_deadline ? new Date(req.current_deadline * 1000) : null,
    disabled_reason: req?.disabled_reason ?? null,
  }
}

function clientOrThrow(ctx: AppContext): Stripe {
  const client = stripeClientOf(ctx)
  if (!client) {
    throw new AppError(
      'connect_unavailable',
      'Payouts go by bank transfer here (Stripe is not configured): an admin pays you from the platform’s bank account, so there is nothing to set up',
    )
  }
  return client
}

async function stripeCall<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 500) < 500 && err.statusCode !== 429) {
      throw new AppError('unprocessable', `Stripe refused to ${what}: ${err.message}`, { cause: err })
    }
    throw new AppError(
      'stripe_unreachable',
      `Stripe did not answer when asked to ${what}; try again shortly`,
      {
        cause: err,
      },
    )
  }
}

export interface OnboardUrls {
  returnUrl: string
  refreshUrl: string
}

/**
 * The recruiter's account (created the first time, once however many requests race) and a fresh
 * single-use onboarding link. An expired or used link is never reused: every call makes a new one.
 */
export async function onboard(
  ctx: AppContext,
  caller: BillingCaller,
  urls: OnboardUrls,
): Promise<{ url: string; expires_at: Date; account: ReturnType<typeof presentConnect> }> {
  const client = clientOrThrow(ctx)
  const recruiterId = caller.recruiterId
  if (!recruiterId) throw new AppError('forbidden', 'Only a recruiter can set up payouts')
  const row = await ensureAccount(ctx, client, recruiterId, caller.userId)
  const link = await stripeCall('create an onboarding link', () =>
    client.accountLinks.create({
      account: row.stripe_account_id!,
      type: 'account_onboarding',
      refresh_url: urls.refreshUrl,
      return_url: urls.returnUrl,
    }),
  )
  return {
    url: link.url,
    expires_at: new Date(link.expires_at * 1000),
    account: presentConnect(row, recruiterId),
  }
}

async function ensureAccount(ctx: AppContext, client: Stripe, recruiterId: string, userId: string) {
  const actor = systemActor('billing.connect')
  // 1. the row first: concurrent requests find the same row (the primary key is the recruiter)
  const existing = await inTransaction(ctx.db, actor, async (tx) => {
    await view(tx)
      .insertInto('billing.connect_accounts')
      .values({ recruiter_id: recruiterId, created_at: ctx.clock.now(), updated_at: ctx.clock.now() })
      .onConflict((oc) => oc.column('recruiter_id').doNothing())
      .execute()
    return connectRowOfRecruiter(tx, recruiterId)
  })
  if (existing?.stripe_account_id) return existing
  // 2. the account at Stripe, with a key of the recruiter: twins and retries get the same account
  const account = await stripeCall('create your payout account', () =>
    client.accounts.create(
      {
        type: 'express',
        country: 'US',
        capabilities: { transfers: { requested: true } },
        metadata: { recruiter_id: recruiterId, user_id: userId },
        // the platform starts each bank payout itself, one per transfer (see payouts/bank-payouts.ts)
        settings: { payouts: { schedule: { interval: 'manual' } } },
      },
      { idempotencyKey: `connect-account:${recruiterId}` },
    ),
  )
  // 3. remember it (a twin may have done so first: the same account id either way)
  return inTransaction(ctx.db, actor, async (tx) => {
    await view(tx)
      .updateTable('billing.connect_accounts')
      .set({ stripe_account_id: account.id, ...fieldsOfAccount(account), updated_at: ctx.clock.now() })
      .where('recruiter_id', '=', recruiterId)
      .where('stripe_account_id', 'is', null)
      .execute()
    const row = await connectRowOfRecruiter(tx, recruiterId)
    if (!row?.stripe_account_id) throw new Error(`connect account of ${recruiterId} was not recorded`)
    return row
  })
}

/** A recruiter's own account, optionally re-read from Stripe (after returning from onboarding). */
export async function myConnectAccount(ctx: AppContext, caller: BillingCaller, refresh: boolean) {
  const recruiterId = caller.recruiterId
  if (!recruiterId) throw new AppError('not_found', 'You have no recruiter profile')
  const row = await inTransaction(ctx.db, systemActor('billing.connect'), (tx) =>
    connectRowOfRecruiter(tx, recruiterId),
  )
  const method = stripeClientOf(ctx) ? ('stripe_connect' as const) : ('manual_bank' as const)
  if (refresh && row?.stripe_account_id && method === 'stripe_connect') {
    return presentConnect(await refreshAccount(ctx, row), recruiterId, method)
  }
  return presentConnect(row, recruiterId, method)
}

/** An account's status: its recruiter and platform admins (others: 404). */
export async function connectStatus(
  ctx: AppContext,
  caller: BillingCaller,
  accountId: string,
  refresh: boolean,
) {
  const row = await inTransaction(ctx.db, systemActor('billing.connect'), (tx) =>
    connectRowOfAccount(tx, accountId),
  )
  if (!row || !(caller.isPlatformAdmin || caller.recruiterId === row.recruiter_id)) {
    throw new AppError('not_found', 'No such payout account')
  }
  return presentConnect(refresh ? await refreshAccount(ctx, row) : row, row.recruiter_id)
}

async function refreshAccount(ctx: AppContext, row: ConnectRow): Promise<ConnectRow> {
  const client = clientOrThrow(ctx)
  const account = await stripeCall('read your payout account', () =>
    client.accounts.retrieve(row.stripe_account_id!),
  )
  return inTransaction(ctx.db, systemActor('billing.connect'), async (tx) => {
    const { changed, row: next } = await applyAccountFields(ctx, tx, row.stripe_account_id!, account, null)
    if (changed) await afterAccountChange(ctx, tx, next!)
    return next ?? row
  })
}

/**
 * Stores what Stripe says of an account (from `account.updated` or a read). Events may arrive out
 * of order: one older than the last applied is ignored.
 */
export async function applyAccountFields(
  ctx: AppContext,
  tx: AnyTx,
  accountId: string,
  account: Stripe.Account,
  eventCreated: number | null,
): Promise<{ changed: boolean; before: ConnectRow | undefined; row: ConnectRow | undefined }> {
  const before = await view(tx)
    .selectFrom('billing.connect_accounts')
    .selectAll()
    .where('stripe_account_id', '=', accountId)
    .forUpdate()
    .executeTakeFirst()
  if (!before) return { changed: false, before, row: undefined }
  if (
    eventCreated !== null &&
    before.synced_event_created !== null &&
    eventCreated < before.synced_event_created
  ) {
    return { changed: false, before, row: before }
  }
  const fields = fieldsOfAccount(account)
  const row = await view(tx)
    .updateTable('billing.connect_accounts')
    .set({
      ...fields,
      ...(eventCreated !== null ? { synced_event_created: eventCreated } : {}),
      updated_at: ctx.clock.now(),
      version: before.version + 1,
    })
    .where('recruiter_id', '=', before.recruiter_id)
    .returningAll()
    .executeTakeFirstOrThrow()
  const was = readinessOf(before)
  const now = readinessOf(row)
  return {
    changed: was.can_receive_payouts !== now.can_receive_payouts || was.code !== now.code,
    before,
    row,
  }
}

/** Hooks run when an account's readiness changes (payouts resume; the recruiter is told). Set by payouts. */
let afterAccountChange: (ctx: AppContext, tx: AnyTx, row: ConnectRow) => Promise<void> = async () => {}
export function onAccountReadinessChange(fn: typeof afterAccountChange) {
  afterAccountChange = fn
}
export const runAccountReadinessChange = (ctx: AppContext, tx: AnyTx, row: ConnectRow) =>
  afterAccountChange(ctx, tx, row)

/** For tests and the demo seed: record an account made elsewhere. */
export async function recordConnectAccount(
  tx: AnyTx,
  recruiterId: string,
  accountId: string,
  account: Stripe.Account | null,
  now: Date,
) {
  await asSystem(tx as never, 'billing.connect', async () => {
    await view(tx)
      .insertInto('billing.connect_accounts')
      .values({
        recruiter_id: recruiterId,
        stripe_account_id: accountId,
        ...(account ? fieldsOfAccount(account) : {}),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('recruiter_id').doUpdateSet({
          stripe_account_id: accountId,
          ...(account ? fieldsOfAccount(account) : {}),
          updated_at: now,
        }),
      )
      .execute()
  })
}
