import { z } from 'zod'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import { type Access, access, actorOf } from '../../../kernel/http/access.ts'
import { listOf, ZIdParams, ZListQueryBase, ZMoney } from '../../../kernel/http/schemas.ts'
import { companyOrganization } from '../../recruiting/index.ts'
import { billingRoute as route } from '../caller.ts'
import { writePayoutAudits } from '../payout-audit.ts'
import { connectStatus, myConnectAccount, onboard } from './connect.ts'
import { payoutRow, processDueSchedules, totalsToWire } from './engine.ts'
import { cancelHold, processDueReleases, releaseHold } from './escrow.ts'
import {
  createPayout,
  getPayout,
  listPayouts,
  manualBatchCsv,
  markManualFailed,
  markManualPaid,
  payoutAuditLog,
  processPayoutNow,
  triggerSchedule,
} from './payouts.ts'
import {
  getHold,
  listHolds,
  myEarnings,
  payoutsSummary,
  placementHolds,
  placementHoldTotal,
  placementPayouts,
} from './queries.ts'
import { reconcilePayouts } from './reconcile.ts'
import { createScheduleByAdmin, getSchedule, listSchedules, updateSchedule } from './schedules.ts'
import { dayOf, view } from './shared.ts'

/**
 * The payouts API: Stripe Connect onboarding, escrow holds, payout schedules, payouts (with the
 * manual bank-transfer batch), a recruiter's earnings and the admin's reconciliation. Money-moving
 * POSTs take an `Idempotency-Key`. See payouts/README.md.
 */
const TAG = ['payouts']
const admin: Access = access.roles(['platform_admin'], 'Platform admins (finance).')
const recruiter: Access = access.roles(['recruiter'], 'Recruiters, for themselves.')
const recruiterOrAdmin: Access = access.roles(
  ['recruiter', 'platform_admin'],
  'A recruiter for their own; platform admins for all. Others get 404.',
)

const ZDate = z.iso.date()
const ZAmount = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a whole number of minor units (cents), as a string')
  .transform((s) => BigInt(s))
  .describe('Minor units (cents) as a string')
const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
const ZTs = z.iso.datetime()
const ZPayoutStatus = z.enum(['pending', 'processing', 'completed', 'failed'])
const ZScheduleStatus = z.enum(['pending', 'processing', 'processed', 'failed'])
const ZHoldStatus = z.enum(['active', 'released', 'cancelled'])
const ZBool = z.enum(['true', 'false']).transform((v) => v === 'true')

const ZReadiness = z.object({
  can_receive_payouts: z.boolean(),
  code: z
    .enum([
      'ready',
      'no_account',
      'onboarding_incomplete',
      'pending_verification',
      'information_past_due',
      'rejected',
      'transfers_inactive',
      'payouts_disabled',
    ])
    .describe('Why the account can or cannot receive money'),
  message: z.string().describe('The reason in plain words, for the recruiter'),
  next_step: z.object({
    action: z.enum(['none', 'start_onboarding', 'continue_onboarding', 'wait', 'contact_support']),
    label: z.string(),
  }),
})
const ZConnect = z.object({
  recruiter_id: z.string(),
  payout_method: z
    .enum(['stripe_connect', 'manual_bank'])
    .describe('How this platform pays: Stripe Connect, or bank transfers an admin makes (nothing to set up)'),
  account_id: z.string().nullable().describe('The Stripe Express account (acct_…), once created'),
  charges_enabled: z.boolean(),
  payouts_enabled: z.boolean(),
  details_submitted: z.boolean(),
  transfers_capability: z.enum(['inactive', 'pending', 'active', 'unrequested']),
  requirements: z.object({
    currently_due: z.array(z.string()),
    past_due: z.array(z.string()),
    pending_verification: z.array(z.string()),
    current_deadline: ZTs.nullable(),
  }),
  disabled_reason: z.string().nullable(),
  readiness: ZReadiness,
  updated_at: ZTs.nullable(),
})
const ZHold = z.object({
  id: z.string(),
  placement_id: z.string(),
  recruiter_id: z.string(),
  payout_id: z.string().nullable().describe('The payout that paid it after its release'),
  payment_id: z.string().nullable().describe('The company payment whose share it holds back'),
  hold_amount: ZMoney,
  holdback_bps: z.number().int().describe('The share held back, in basis points (2000 = 20%)'),
  hold_reason: z.enum(['guarantee_period', 'dispute_pending', 'compliance_review', 'remainder']),
  status: ZHoldStatus,
  held_at: ZTs,
  release_scheduled_date: ZDate.describe('When the guarantee ends and the hold is released (03:00 UTC run)'),
  released_at: ZTs.nullable(),
  released_by: z.string().nullable(),
  cancelled_at: ZTs.nullable(),
  cancellation_reason: z.string().nullable(),
  created_at: ZTs,
  updated_at: ZTs,
  version: z.number().int(),
})
const ZSchedule = z.object({
  id: z.string(),
  placement_id: z.string(),
  recruiter_id: z.string(),
  payout_id: z.string().nullable(),
  escrow_hold_id: z.string().nullable(),
  amount: ZMoney,
  scheduled_date: ZDate,
  guarantee_completion_date: ZDate.nullable(),
  trigger_event: z.enum([
    'payment_received',
    'guarantee_complete',
    'payout_returned',
    'reallocation',
    'manual',
  ]),
  status: ZScheduleStatus,
  cancelled: z.boolean().describe('A cancelled schedule is `failed` with `cancelled_at`; final'),
  triggered_at: ZTs.nullable(),
  cancelled_at: ZTs.nullable(),
  cancellation_reason: z.string().nullable(),
  processed_at: ZTs.nullable(),
  failure_reason: z.string().nullable(),
  retry_count: z.number().int().describe('Temporary failures so far (at most 3 attempts in all)'),
  last_retry_at: ZTs.nullable(),
  next_attempt_at: ZTs.nullable(),
  created_at: ZTs,
  updated_at: ZTs,
  version: z.number().int(),
})
const ZSplit = z.object({
  id: z.string(),
  kind: z
    .enum(['share', 'holdback', 'returned', 'reallocation', 'manual', 'debt_offset'])
    .describe(
      'What the line pays: a released share, a released holdback, returned money… or debt netted (negative)',
    ),
  placement_id: z.string(),
  payout_schedule_id: z.string().nullable(),
  split_percentage_bps: z.number().int().nullable().describe('The recruiter’s share of the placement fee'),
  amount: ZMoney,
  status: ZPayoutStatus,
})
const ZPayout = z.object({
  id: z.string(),
  placement_id: z.string(),
  recruiter_id: z.string(),
  status: ZPayoutStatus,
  parked: z
    .object({ code: z.enum(['account', 'attention']), reason: z.string(), since: ZTs })
    .nullable()
    .describe(
      'A permanent error parked it: `account` resumes by itself when the recruiter’s account can receive money; `attention` waits for an admin',
    ),
  method: z.enum(['stripe_connect', 'manual_bank']),
  gross_amount: ZMoney.describe('What its schedules add up to'),
  debt_offset: ZMoney.describe('Netted against what the recruiter owes'),
  amount: ZMoney.describe('What is sent'),
  transfer_group: z.string(),
  stripe_connect_account_id: z.string().nullable(),
  stripe_transfer_id: z.string().nullable(),
  stripe_payout_id: z.string().nullable().describe('The bank payout on the connected account'),
  bank_payout_status: z.enum(['pending', 'in_transit', 'paid', 'failed', 'canceled']).nullable(),
  bank_failure_code: z.string().nullable(),
  manual_reference: z.string().nullable(),
  attempts: z.number().int(),
  failure_reason: z.string().nullable(),
  processing_started_at: ZTs.nullable(),
  completed_at: ZTs.nullable(),
  failed_at: ZTs.nullable(),
  created_at: ZTs,
  updated_at: ZTs,
  version: z.number().int(),
})
const ZPayoutWithSplits = ZPayout.extend({ splits: z.array(ZSplit) })
const ZRun = z.object({
  claimed: z.number().int().describe('Payouts started'),
  completed: z.number().int(),
  retried: z.number().int().describe('Temporary errors: tried again later'),
  parked: z.number().int().describe('Waiting for the recruiter’s account (or an admin)'),
  failed: z.number().int(),
  redriven: z.number().int().describe('Left processing by a stopped worker, sent again with the same key'),
  awaiting_manual: z.number().int().describe('Added to the bank-transfer batch'),
  amount_sent: z.string(),
})
const ZAudit = z.object({
  id: z.string(),
  seq: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  action: z.string(),
  changed_by: z.string().nullable(),
  changed_by_role: z.string().nullable(),
  old_value: z.unknown(),
  new_value: z.unknown(),
  reason: z.string().nullable(),
  request_id: z.string().nullable(),
  created_at: ZTs,
  hash: z.string(),
})

const placementParams = ZIdParams

// ---------------------------------------------------------------------------------------------
// Stripe Connect onboarding
// ---------------------------------------------------------------------------------------------
const connectRoutes = [
  route.define({
    method: 'POST',
    url: '/api/stripe/connect/onboard',
    operationId: 'startConnectOnboarding',
    summary: 'Set up payouts: your Stripe Express account (made once) and a fresh onboarding link',
    description:
      'Creates your Stripe Express account the first time (concurrent calls get the same account) and returns a new single-use onboarding link (it expires after a few minutes; call again for another). Stripe sends the browser back to `return_path` when you finish, or to `refresh_path` when the link expired or was used: that page should call this again. Returning does not mean onboarding is complete: read `GET /api/stripe/connect/me?refresh=true`.',
    tags: TAG,
    access: recruiter,
    transaction: false,
    body: z
      .strictObject({
        return_path: z
          .string()
          .regex(/^\/[A-Za-z0-9/_\-?=&.]*$/, 'must be a path of this site, e.g. /splits/earnings')
          .max(300)
          .default('/splits/earnings?onboarding=return'),
        refresh_path: z
          .string()
          .regex(/^\/[A-Za-z0-9/_\-?=&.]*$/, 'must be a path of this site')
          .max(300)
          .default('/splits/earnings?onboarding=refresh'),
      })
      .default({
        return_path: '/splits/earnings?onboarding=return',
        refresh_path: '/splits/earnings?onboarding=refresh',
      }),
    status: 201,
    errors: [422, 503],
    response: z.object({
      url: z.string().describe('Send the recruiter here (Stripe’s hosted onboarding)'),
      expires_at: ZTs,
      account: ZConnect,
    }),
    handler: async ({ ctx, caller, body }) => {
      const base = ctx.config.http.publicUrl
      return onboard(ctx, caller, {
        returnUrl: `${base}${body.return_path}`,
        refreshUrl: `${base}${body.refresh_path}`,
      })
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/stripe/connect/me',
    operationId: 'getMyConnectAccount',
    summary: 'Your payout account: whether it can receive money, why not, and what to do',
    tags: TAG,
    access: recruiter,
    transaction: false,
    query: z.strictObject({
      refresh: ZBool.default(false).describe(
        'Read the account from Stripe now (after returning from onboarding)',
      ),
    }),
    errors: [422, 503],
    response: ZConnect,
    handler: ({ ctx, caller, query }) => myConnectAccount(ctx, caller, query.refresh),
  }),
  route.define({
    method: 'GET',
    url: '/api/stripe/connect/status/:account_id',
    operationId: 'getConnectAccountStatus',
    summary:
      'A payout account’s status: charges and payouts enabled, transfers, requirements due, disabled reason',
    tags: TAG,
    access: recruiterOrAdmin,
    transaction: false,
    params: z.strictObject({
      account_id: z.string().regex(/^acct_[A-Za-z0-9]{1,64}$/, 'must be a Stripe account id (acct_…)'),
    }),
    query: z.strictObject({ refresh: ZBool.default(false).describe('Read it from Stripe now') }),
    errors: [422, 503],
    response: ZConnect,
    handler: ({ ctx, caller, params, query }) => connectStatus(ctx, caller, params.account_id, query.refresh),
  }),
]

// ---------------------------------------------------------------------------------------------
// Escrow holds
// ---------------------------------------------------------------------------------------------
const escrowRoutes = [
  route.define({
    method: 'GET',
    url: '/api/escrow-holds',
    operationId: 'listEscrowHolds',
    summary: 'Escrow holds (holdbacks kept until a guarantee ends), newest first',
    tags: TAG,
    access: recruiterOrAdmin,
    query: z.strictObject({
      placement_id: z.uuid().optional(),
      recruiter_id: z.uuid().optional(),
      status: ZHoldStatus.optional(),
      due_by: ZDate.optional().describe('Active holds whose release date is on or before this date'),
      ...ZListQueryBase,
    }),
    response: listOf(ZHold),
    handler: ({ tx, caller, query }) =>
      listHolds(tx, caller, {
        placementId: query.placement_id,
        recruiterId: query.recruiter_id,
        status: query.status,
        dueBy: query.due_by,
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),
  route.define({
    method: 'POST',
    url: '/api/escrow-holds/process-due',
    operationId: 'processDueEscrowReleases',
    summary: 'Release every hold whose guarantee ended, now (the 03:00 UTC run)',
    tags: TAG,
    access: admin,
    idempotent: true,
    transaction: false,
    response: z.object({ released: z.number().int(), amount: z.string(), failed: z.number().int() }),
    handler: ({ ctx }) => processDueReleases(ctx),
  }),
  route.define({
    method: 'GET',
    url: '/api/escrow-holds/:id',
    operationId: 'getEscrowHold',
    summary: 'One escrow hold',
    tags: TAG,
    access: recruiterOrAdmin,
    params: ZIdParams,
    response: ZHold,
    handler: ({ tx, caller, params }) => getHold(tx, caller, params.id),
  }),
  route.define({
    method: 'POST',
    url: '/api/escrow-holds/:id/release',
    operationId: 'releaseEscrowHold',
    summary: 'Release a hold now (posts the ledger hold; the money is scheduled for the next payout run)',
    description: 'Once: releasing a released or cancelled hold is a 409 `invalid_state_transition`.',
    tags: TAG,
    access: admin,
    idempotent: true,
    params: ZIdParams,
    body: z.strictObject({ reason: z.string().trim().min(1).max(500).optional() }).default({}),
    errors: [409],
    response: ZHold,
    handler: async ({ ctx, tx, caller, params, body }) => {
      await releaseHold(ctx, tx, params.id, {
        by: caller.userId,
        role: 'platform_admin',
        now: ctx.clock.now(),
      })
      if (body.reason) {
        await writePayoutAudits(tx, [
          {
            entityType: 'escrow_hold',
            entityId: params.id,
            action: 'escrow_hold.release_reason',
            changedByRole: 'platform_admin',
            reason: body.reason,
          },
        ])
      }
      return getHold(tx, caller, params.id)
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/escrow-holds/:id/cancel',
    operationId: 'cancelEscrowHold',
    summary: 'Cancel a hold (voids the ledger hold; the money stays held, for a fall-off to take back)',
    description: 'Once: cancelling a cancelled or released hold is a 409 `invalid_state_transition`.',
    tags: TAG,
    access: admin,
    idempotent: true,
    params: ZIdParams,
    body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
    errors: [409],
    response: ZHold,
    handler: async ({ ctx, tx, caller, params, body }) => {
      await cancelHold(ctx, tx, params.id, {
        reason: body.reason,
        role: 'platform_admin',
        now: ctx.clock.now(),
      })
      return getHold(tx, caller, params.id)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/placements/:id/escrow-holds',
    operationId: 'listPlacementEscrowHolds',
    summary: 'A placement’s escrow holds (a recruiter on it sees their own)',
    tags: TAG,
    access: recruiterOrAdmin,
    params: placementParams,
    response: z.object({ data: z.array(ZHold) }),
    handler: ({ tx, caller, params }) => placementHolds(tx, caller, params.id),
  }),
  route.define({
    method: 'GET',
    url: '/api/placements/:id/escrow-holds/total',
    operationId: 'getPlacementEscrowTotal',
    summary: 'What a placement holds back now, released and cancelled, per currency',
    tags: TAG,
    access: recruiterOrAdmin,
    params: placementParams,
    response: z.object({
      placement_id: z.string(),
      totals: z.array(
        z.object({
          currency: z.string(),
          active: ZMoney,
          released: ZMoney,
          cancelled: ZMoney,
          active_holds: z.number().int(),
          next_release_date: ZDate.nullable(),
        }),
      ),
    }),
    handler: ({ tx, caller, params }) => placementHoldTotal(tx, caller, params.id),
  }),
]

// ---------------------------------------------------------------------------------------------
// Payout schedules
// ---------------------------------------------------------------------------------------------
const scheduleRoutes = [
  route.define({
    method: 'GET',
    url: '/api/payout-schedules',
    operationId: 'listPayoutSchedules',
    summary: 'Payout schedules, newest first',
    tags: TAG,
    access: admin,
    query: z.strictObject({
      placement_id: z.uuid().optional(),
      recruiter_id: z.uuid().optional(),
      status: ZScheduleStatus.optional(),
      due: ZBool.optional().describe('Only those due now (pending, date reached)'),
      ...ZListQueryBase,
    }),
    response: listOf(ZSchedule),
    handler: ({ tx, query, ctx }) =>
      listSchedules(tx, {
        placementId: query.placement_id,
        recruiterId: query.recruiter_id,
        status: query.status,
        due: query.due,
        now: ctx.clock.now(),
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),
  route.define({
    method: 'POST',
    url: '/api/payout-schedules',
    operationId: 'createPayoutSchedule',
    summary: 'Schedule a recruiter’s unclaimed money of a placement (e.g. after cancelling a schedule)',
    description:
      'The placement needs a paid (or partly paid) invoice (`422 placement_not_paid`) and money of this recruiter that no schedule claims (`422 nothing_to_pay`). The amount defaults to all of it.',
    tags: TAG,
    access: admin,
    idempotent: true,
    body: z.strictObject({
      placement_id: z.uuid(),
      recruiter_id: z.uuid(),
      amount: ZAmount.optional(),
      currency: ZCurrency.default('USD'),
      scheduled_date: ZDate,
      guarantee_completion_date: ZDate.nullable().optional(),
    }),
    status: 201,
    errors: [409, 422],
    response: ZSchedule,
    handler: async ({ ctx, tx, caller, body }) => {
      const id = await createScheduleByAdmin(
        ctx,
        tx,
        caller,
        {
          placementId: body.placement_id,
          recruiterId: body.recruiter_id,
          amount: body.amount,
          currency: body.currency,
          scheduledDate: body.scheduled_date,
          guaranteeCompletionDate: body.guarantee_completion_date,
        },
        ctx.clock.now(),
      )
      return getSchedule(tx, id)
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/payout-schedules/process-due',
    operationId: 'processDuePayoutSchedules',
    summary: 'Pay every due schedule now (the 02:00 UTC run)',
    description:
      'Runs what the nightly job runs: payouts left processing by a stopped worker are sent again (same key, same transfer), due schedules become payouts and are sent. Concurrent runs take different schedules.',
    tags: TAG,
    access: admin,
    idempotent: true,
    transaction: false,
    response: ZRun,
    handler: async ({ ctx }) => totalsToWire(await processDueSchedules(ctx, { role: 'platform_admin' })),
  }),
  route.define({
    method: 'GET',
    url: '/api/payout-schedules/:id',
    operationId: 'getPayoutSchedule',
    summary: 'One payout schedule',
    tags: TAG,
    access: admin,
    params: ZIdParams,
    response: ZSchedule,
    handler: ({ tx, params }) => getSchedule(tx, params.id),
  }),
  route.define({
    method: 'PATCH',
    url: '/api/payout-schedules/:id',
    operationId: 'updatePayoutSchedule',
    summary: 'Move a schedule’s date, or cancel it (its money stays available, unclaimed)',
    description:
      'Send the `version` you read: a concurrent change is a 409 `version_conflict`. A processed or processing schedule cannot change (409).',
    tags: TAG,
    access: admin,
    params: ZIdParams,
    body: z
      .strictObject({
        version: z.number().int().min(1),
        scheduled_date: ZDate.optional(),
        guarantee_completion_date: ZDate.nullable().optional(),
        cancel: z.strictObject({ reason: z.string().trim().min(1).max(500) }).optional(),
      })
      .refine(
        (b) =>
          b.scheduled_date !== undefined ||
          b.guarantee_completion_date !== undefined ||
          b.cancel !== undefined,
        {
          message: 'give scheduled_date, guarantee_completion_date or cancel',
          path: ['scheduled_date'],
        },
      ),
    errors: [409],
    response: ZSchedule,
    handler: async ({ ctx, tx, params, body }) => {
      await updateSchedule(
        ctx,
        tx,
        params.id,
        {
          version: body.version,
          scheduledDate: body.scheduled_date,
          guaranteeCompletionDate: body.guarantee_completion_date,
          cancel: body.cancel,
        },
        ctx.clock.now(),
      )
      return getSchedule(tx, params.id)
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/payout-schedules/:id/trigger',
    operationId: 'triggerPayoutSchedule',
    summary: 'Pay a schedule now (a failed one from scratch; a parked payout resumed)',
    tags: TAG,
    access: admin,
    idempotent: true,
    transaction: false,
    params: ZIdParams,
    errors: [409],
    response: z.object({ run: ZRun, schedule: ZSchedule }),
    handler: async ({ ctx, caller, params }) => {
      const run = totalsToWire(await triggerSchedule(ctx, params.id, { userId: caller.userId }))
      const schedule = await inTransaction(ctx.db, systemActor('billing.payouts'), (tx) =>
        getSchedule(tx, params.id),
      )
      return { run, schedule }
    },
  }),
]

// ---------------------------------------------------------------------------------------------
// Payouts
// ---------------------------------------------------------------------------------------------
const payoutRoutes = [
  route.define({
    method: 'GET',
    url: '/api/payouts',
    operationId: 'listPayouts',
    summary: 'Payouts, newest first (a recruiter sees their own)',
    tags: TAG,
    access: recruiterOrAdmin,
    query: z.strictObject({
      placement_id: z.uuid().optional(),
      recruiter_id: z.uuid().optional(),
      status: ZPayoutStatus.optional(),
      method: z.enum(['stripe_connect', 'manual_bank']).optional(),
      parked: ZBool.optional().describe('Only parked (true) or not parked (false) payouts'),
      ...ZListQueryBase,
    }),
    response: listOf(ZPayout),
    handler: ({ tx, caller, query }) =>
      listPayouts(tx, caller, {
        placementId: query.placement_id,
        recruiterId: query.recruiter_id,
        status: query.status,
        method: query.method,
        parked: query.parked,
        limit: query.limit,
        startingAfter: query.starting_after,
      }),
  }),
  route.define({
    method: 'POST',
    url: '/api/payouts',
    operationId: 'createPayout',
    summary: 'Make a payout of a recruiter’s unpaid schedules of a placement (pending until processed)',
    description:
      'Takes the recruiter’s schedules of the placement that are not paid yet (pending, or failed and not cancelled). 422 `placement_not_paid` when the company has not paid; 422 `nothing_to_pay` when everything is paid, on its way or still held; 409 `placement_fell_off`.',
    tags: TAG,
    access: admin,
    idempotent: true,
    body: z.strictObject({ placement_id: z.uuid(), recruiter_id: z.uuid() }),
    status: 201,
    errors: [409, 422],
    response: ZPayoutWithSplits,
    handler: async ({ ctx, tx, caller, body }) => {
      const id = await createPayout(
        ctx,
        tx,
        caller,
        { placementId: body.placement_id, recruiterId: body.recruiter_id },
        ctx.clock.now(),
      )
      return getPayout(tx, id)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/payouts/batch.csv',
    operationId: 'downloadPayoutBatch',
    summary: 'The bank-transfer batch: payouts waiting for an admin to pay them, as CSV',
    description:
      'Manual bank-transfer payouts that a run put in the batch (`processing`). Pay each from the platform’s bank account, then mark it paid (`/mark-paid`) or failed (`/mark-failed`). Cells starting with = + - @ are quoted so spreadsheets do not run them.',
    tags: TAG,
    access: admin,
    response: z.string().describe('text/csv'),
    handler: async ({ tx, reply, ctx }) => {
      const { csv } = await manualBatchCsv(tx)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="payouts-${dayOf(ctx.clock.now())}.csv"`)
        .send(csv)
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/payouts/:id',
    operationId: 'getPayout',
    summary: 'One payout with its splits (what it pays, what it nets)',
    tags: TAG,
    access: recruiterOrAdmin,
    params: ZIdParams,
    response: ZPayoutWithSplits,
    handler: ({ tx, params }) => getPayout(tx, params.id),
  }),
  route.define({
    method: 'POST',
    url: '/api/payouts/:id/process',
    operationId: 'processPayout',
    summary: 'Send a pending payout now (a parked one too)',
    description:
      'A completed or failed payout is a 409 `invalid_state_transition`; one a worker is sending right now is a 409 `payout_in_progress` (unless its lease ran out: then it is sent again with the same key, which returns the same transfer).',
    tags: TAG,
    access: admin,
    idempotent: true,
    transaction: false,
    params: ZIdParams,
    errors: [409],
    response: z.object({ run: ZRun, payout: ZPayoutWithSplits }),
    handler: async ({ ctx, caller, params }) => {
      await inTransaction(ctx.db, systemActor('billing.payouts'), (tx) => payoutRow(tx, params.id))
      const run = totalsToWire(await processPayoutNow(ctx, params.id, { userId: caller.userId }))
      const payout = await inTransaction(ctx.db, systemActor('billing.payouts'), (tx) =>
        getPayout(tx, params.id),
      )
      return { run, payout }
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/payouts/:id/audit-log',
    operationId: 'getPayoutAuditLog',
    summary: 'The payout audit log of a payout and its schedules, oldest first (hash-chained)',
    tags: TAG,
    access: admin,
    params: ZIdParams,
    response: z.object({ data: z.array(ZAudit) }),
    handler: ({ tx, params }) => payoutAuditLog(tx, params.id),
  }),
  route.define({
    method: 'POST',
    url: '/api/payouts/:id/mark-paid',
    operationId: 'markPayoutPaid',
    summary: 'A bank-transfer payout was paid (books it: in flight → paid)',
    tags: TAG,
    access: admin,
    idempotent: true,
    params: ZIdParams,
    body: z.strictObject({
      reference: z.string().trim().min(1).max(200).describe('The bank’s reference of the transfer'),
    }),
    errors: [409],
    response: ZPayoutWithSplits,
    handler: async ({ ctx, tx, params, body }) => {
      await markManualPaid(ctx, tx, params.id, body.reference)
      return getPayout(tx, params.id)
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/payouts/:id/mark-failed',
    operationId: 'markPayoutFailed',
    summary: 'A bank-transfer payout failed (the money returns to the recruiter’s available balance)',
    tags: TAG,
    access: admin,
    idempotent: true,
    params: ZIdParams,
    body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
    errors: [409],
    response: ZPayoutWithSplits,
    handler: async ({ ctx, tx, params, body }) => {
      await markManualFailed(ctx, tx, params.id, body.reason)
      return getPayout(tx, params.id)
    },
  }),
]

// ---------------------------------------------------------------------------------------------
// Earnings, statement, reconciliation, payout terms
// ---------------------------------------------------------------------------------------------
const ZEarnings = z.object({
  recruiter_id: z.string(),
  payout_account: ZConnect,
  balances: z.array(
    z.object({
      currency: z.string(),
      pending: ZMoney.describe('Your share of fees companies have not paid yet'),
      held: ZMoney.describe('Held back until guarantees end (see held_releases)'),
      available: ZMoney.describe('Yours, waiting for the next payout run'),
      in_flight: ZMoney.describe('On its way to you'),
      blocked: ZMoney.describe('Waiting for your payout account (see blocked_payouts)'),
      paid: ZMoney.describe('Paid out to you, less what came back'),
      debt: ZMoney.describe(
        'What you owe back (paid out before a placement fell off): netted against your next payouts',
      ),
    }),
  ),
  held_releases: z.array(
    z.object({ escrow_hold_id: z.string(), placement_id: z.string(), amount: ZMoney, release_date: ZDate }),
  ),
  blocked_payouts: z.array(z.object({ payout_id: z.string(), amount: ZMoney, reason: z.string() })),
  by_month: z.array(z.object({ month: z.string(), currency: z.string(), collected: ZMoney, paid: ZMoney })),
})

const ZPlacementPayouts = z.object({
  placement_id: z.string(),
  status: z.enum(['active', 'fell_off']),
  guarantee_ends_on: ZDate,
  currency: z.string(),
  recruiters: z.array(
    z.object({
      recruiter_id: z.string(),
      collected: ZMoney.describe('Their share of what the company paid (less what was taken back)'),
      held: ZMoney,
      held_releases: z.array(z.object({ escrow_hold_id: z.string(), amount: ZMoney, release_date: ZDate })),
      released: ZMoney,
      scheduled: ZMoney,
      in_flight: ZMoney,
      paid: ZMoney,
      taken_back: ZMoney,
      debt: ZMoney,
      debt_netted: ZMoney,
      debt_recovered: ZMoney,
      payouts: z.array(ZPayout),
    }),
  ),
})

const ZCheck = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })

const earningsRoutes = [
  route.define({
    method: 'GET',
    url: '/api/me/earnings',
    operationId: 'getMyEarnings',
    summary:
      'Your earnings: pending, held (with release dates), available, in flight, paid, owed back; by month',
    tags: TAG,
    access: recruiter,
    response: ZEarnings,
    handler: ({ ctx, tx, caller }) => myEarnings(ctx, tx, caller),
  }),
  route.define({
    method: 'GET',
    url: '/api/placements/:id/payouts',
    operationId: 'getPlacementPayouts',
    summary: 'A placement’s payout statement, line by line per recruiter (a recruiter sees their own)',
    tags: TAG,
    access: recruiterOrAdmin,
    params: placementParams,
    response: ZPlacementPayouts,
    handler: ({ tx, caller, params }) => placementPayouts(tx, caller, params.id),
  }),
  route.define({
    method: 'GET',
    url: '/api/admin/payouts/summary',
    operationId: 'getPayoutsSummary',
    summary: 'Reconciliation of revenue vs payouts vs held vs in flight, the queue, what is due, by month',
    tags: TAG,
    access: admin,
    query: z.strictObject({ currency: ZCurrency.default('USD') }),
    response: z.object({
      currency: z.string(),
      totals: z.object({
        revenue: ZMoney,
        collected_for_recruiters: ZMoney,
        held: ZMoney,
        available: ZMoney,
        in_flight: ZMoney,
        paid: ZMoney,
        debt: ZMoney,
        recruiter_money: ZMoney.describe('held + available + in flight + paid − debt'),
        recruiters_with_held_money: z.number().int(),
      }),
      counts: z.object({
        payouts: z.record(z.string(), z.number().int()),
        schedules: z.record(z.string(), z.number().int()),
        escrow_holds: z.record(z.string(), z.number().int()),
      }),
      due: z.object({
        schedules: z.number().int(),
        schedules_amount: ZMoney,
        escrow_releases: z.number().int(),
        escrow_amount: ZMoney,
        parked_payouts: z.number().int(),
        parked_amount: ZMoney,
        bank_transfer_batch: z.number().int(),
      }),
      months: z.array(
        z.object({ month: z.string(), revenue: ZMoney, collected_for_recruiters: ZMoney, paid_out: ZMoney }),
      ),
      reconciliation: z.object({
        ok: z.boolean(),
        checked_at: ZTs,
        recruiters: z.number().int(),
        checks: z.array(ZCheck),
      }),
    }),
    // Two transactions one after the other, never two connections at once: the reconciliation
    // reads its own repeatable-read snapshot first (a request holding its connection while it
    // waits for a second starves the pool when many such requests arrive together).
    transaction: false,
    handler: async ({ ctx, caller, query, request }) => {
      const reconciliation = await reconcilePayouts(ctx.db, { now: ctx.clock.now() })
      return inTransaction(
        ctx.db,
        actorOf(caller.principal!),
        (tx) => payoutsSummary(ctx, tx, query.currency, reconciliation),
        { requestId: request.id },
      )
    },
  }),
  route.define({
    method: 'PUT',
    url: '/api/companies/:id/payout-terms',
    operationId: 'setCompanyPayoutTerms',
    summary:
      'The share of recruiters’ money held back until the guarantee ends, for this company’s placements',
    description:
      '`holdback_bps: null` returns to the platform default. Applies to payments applied from now on; existing holds keep their terms.',
    tags: TAG,
    access: admin,
    params: ZIdParams,
    body: z.strictObject({ holdback_bps: z.number().int().min(0).max(10_000).nullable() }),
    response: z.object({
      company_id: z.string(),
      holdback_bps: z.number().int().nullable(),
      default_bps: z.number().int(),
    }),
    handler: async ({ ctx, tx, caller, params, body }) => {
      await companyExists(tx, params.id)
      const before = await view(tx)
        .selectFrom('billing.company_settings')
        .select(['holdback_bps'])
        .where('company_id', '=', params.id)
        .executeTakeFirst()
      await view(tx)
        .insertInto('billing.company_settings')
        .values({
          company_id: params.id,
          holdback_bps: body.holdback_bps,
          updated_at: ctx.clock.now(),
          updated_by: caller.userId,
        })
        .onConflict((oc) =>
          oc.column('company_id').doUpdateSet((eb) => ({
            holdback_bps: body.holdback_bps,
            updated_at: ctx.clock.now(),
            updated_by: caller.userId,
            version: eb('billing.company_settings.version', '+', 1),
          })),
        )
        .execute()
      await writePayoutAudits(tx, [
        {
          entityType: 'company',
          entityId: params.id,
          action: 'company.payout_terms_changed',
          changedByRole: 'platform_admin',
          oldValue: { holdback_bps: before?.holdback_bps ?? null },
          newValue: { holdback_bps: body.holdback_bps },
        },
      ])
      return {
        company_id: params.id,
        holdback_bps: body.holdback_bps,
        default_bps: ctx.config.payouts.holdbackBps,
      }
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/companies/:id/payout-terms',
    operationId: 'getCompanyPayoutTerms',
    summary: 'The holdback of this company’s placements (null: the platform default)',
    tags: TAG,
    access: admin,
    params: ZIdParams,
    response: z.object({
      company_id: z.string(),
      holdback_bps: z.number().int().nullable(),
      default_bps: z.number().int(),
    }),
    handler: async ({ ctx, tx, params }) => {
      await companyExists(tx, params.id)
      const row = await view(tx)
        .selectFrom('billing.company_settings')
        .select(['holdback_bps'])
        .where('company_id', '=', params.id)
        .executeTakeFirst()
      return {
        company_id: params.id,
        holdback_bps: row?.holdback_bps ?? null,
        default_bps: ctx.config.payouts.holdbackBps,
      }
    },
  }),
]

export const payoutsRoutes = [
  ...connectRoutes,
  ...escrowRoutes,
  ...scheduleRoutes,
  ...payoutRoutes,
  ...earningsRoutes,
]

async function companyExists(tx: unknown, companyId: string) {
  if (!(await companyOrganization(tx as never, companyId))) throw new AppError('not_found', 'No such company')
}
