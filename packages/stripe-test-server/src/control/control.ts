import { addBalanceTransaction, refreshBalanceStatuses } from '../engine/balance.ts'
import type { Fault, FaultSpec } from '../engine/faults.ts'
import type { Runtime } from '../engine/pipeline.ts'
import { NO_ORIGIN } from '../engine/sim.ts'
import { createState, type Delivery } from '../engine/state.ts'
import type { RequestRecord } from '../engine/stats.ts'
import {
  type Account,
  type BalanceTransaction,
  type PaymentIntent,
  type Payout,
  PLATFORM,
  type StripeEvent,
} from '../engine/types.ts'
import type { WebhookEndpoint } from '../engine/webhooks.ts'
import { type OnboardingStage, setOnboarding } from '../resources/accounts.ts'
import { completeAuthentication } from '../resources/payment-attempts.ts'
import { setPayoutStatus } from '../resources/payouts.ts'

export interface TransferCountFilter {
  destination?: string
  transferGroup?: string
}

/** In-process test controls; the same operations are served over HTTP under `/_test/`. */
export interface Control {
  /** Forgets every object, key, event, job, delivery, fault and statistic (endpoints stay). */
  reset(): void
  /** Current simulated time, in ms since the epoch. */
  now(): number
  /** Moves the simulated clock forward and runs whatever became due (settlements, payouts, …). */
  advanceClock(ms: number): void
  /** Runs scheduled work that is due now; returns how many jobs ran. */
  runDueJobs(): number
  injectFault(spec: FaultSpec): Fault
  faults(): Fault[]
  clearFaults(): void
  /** Makes every pending balance transaction (of one account, or all) available now. */
  settleBalances(account?: string): number
  /** Books funds straight into the platform's available balance (like a top-up). */
  addPlatformFunds(amount: number, currency: string): BalanceTransaction
  /** Runs the hosted-onboarding outcome for an account and emits `account.updated`. */
  setOnboarding(accountId: string, stage: OnboardingStage): Account
  completeOnboarding(accountId: string): Account
  /** Takes the account back to restricted with requirements past due (Stripe asking for more). */
  undoOnboarding(accountId: string): Account
  /** The customer passes or fails 3-D Secure for a PaymentIntent in `requires_action`. */
  authenticatePaymentIntent(id: string, outcome: 'succeed' | 'fail'): PaymentIntent
  /** Settles every processing bank debit and pending debit refund now, whatever the delay. */
  processAsyncPayments(): number
  payoutInTransit(id: string): Payout
  payoutPaid(id: string): Payout
  /** Fails a payout, also one already `paid` (banks return payouts days later). */
  payoutFailed(id: string, failureCode?: string): Payout
  /** Calls per endpoint, e.g. `{ 'POST /v1/transfers': 3 }` (replays and faulted calls included). */
  calls(): Record<string, number>
  requests(): RequestRecord[]
  /** Transfer objects that exist (replays create none), optionally for one destination and group. */
  countTransfers(filter?: TransferCountFilter): number
  /** Transfer objects per `destination|transfer_group`. */
  transfersByDestinationAndGroup(): Record<string, number>
  events(filter?: { type?: string; account?: string }): StripeEvent[]
  webhookDeliveries(filter?: { eventType?: string; status?: Delivery['status'] }): Delivery[]
  setWebhookEndpoints(endpoints: WebhookEndpoint[]): void
  webhookEndpoints(): WebhookEndpoint[]
  /** Resolves when every webhook delivery has succeeded or given up. */
  waitForWebhooks(): Promise<void>
}

export function createControl(rt: Runtime): Control {
  const { sim } = rt
  const transfers = (filter: TransferCountFilter = {}) =>
    sim
      .all('transfer', PLATFORM)
      .filter(
        (t) =>
          (filter.destination === undefined || t.destination === filter.destination) &&
          (filter.transferGroup === undefined || t.transfer_group === filter.transferGroup),
      )
  const control: Control = {
    reset() {
      rt.webhooks.stop()
      rt.webhooks.restart()
      sim.state = createState()
      rt.faults.clear()
      rt.stats.reset()
      sim.changed()
    },
    now: () => sim.nowMs(),
    advanceClock(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new Error('advanceClock needs a non-negative number of milliseconds')
      sim.state.clockOffsetMs += ms
      refreshBalanceStatuses(sim)
      sim.runDueJobs()
      sim.changed()
    },
    runDueJobs: () => sim.runDueJobs(),
    injectFault: (spec) => rt.faults.add(spec),
    faults: () => rt.faults.list(),
    clearFaults: () => rt.faults.clear(),
    settleBalances(account) {
      const now = sim.nowSec()
      let count = 0
      for (const txn of sim.all('balance_transaction', account)) {
        if (txn.status !== 'pending') continue
        txn.available_on = now
        txn.status = 'available'
        count++
      }
      sim.changed()
      return count
    },
    addPlatformFunds(amount, currency) {
      const txn = addBalanceTransaction(sim, {
        owner: PLATFORM,
        type: 'adjustment',
        amount,
        currency,
        source: null,
        description: 'Test funds',
      })
      sim.changed()
      return txn
    },
    setOnboarding: (id, stage) => setOnboarding(sim, id, stage, NO_ORIGIN),
    completeOnboarding: (id) => setOnboarding(sim, id, 'complete', NO_ORIGIN),
    undoOnboarding: (id) => setOnboarding(sim, id, 'restricted', NO_ORIGIN),
    authenticatePaymentIntent: (id, outcome) => completeAuthentication(sim, id, outcome),
    processAsyncPayments: () =>
      sim.runDueJobs({ kind: 'async_payment', force: true }) +
      sim.runDueJobs({ kind: 'refund_settle', force: true }),
    payoutInTransit: (id) => setPayoutStatus(sim, id, 'in_transit'),
    payoutPaid(id) {
      sim.cancelJobs(id)
      return setPayoutStatus(sim, id, 'paid')
    },
    payoutFailed: (id, code) => setPayoutStatus(sim, id, 'failed', code),
    calls: () => rt.stats.calls(),
    requests: () => rt.stats.requests(),
    countTransfers: (filter) => transfers(filter).length,
    transfersByDestinationAndGroup() {
      const out: Record<string, number> = {}
      for (const t of transfers()) {
        const key = `${t.destination}|${t.transfer_group ?? ''}`
        out[key] = (out[key] ?? 0) + 1
      }
      return out
    },
    events: (filter = {}) =>
      sim
        .all('event')
        .filter(
          (e) =>
            (filter.type === undefined || e.type === filter.type) &&
            (filter.account === undefined || e.account === filter.account),
        ),
    webhookDeliveries: (filter = {}) =>
      sim.state.deliveries.filter(
        (d) =>
          (filter.eventType === undefined || d.eventType === filter.eventType) &&
          (filter.status === undefined || d.status === filter.status),
      ),
    setWebhookEndpoints(endpoints) {
      rt.webhooks.endpoints = [...endpoints]
    },
    webhookEndpoints: () => [...rt.webhooks.endpoints],
    waitForWebhooks: () => rt.webhooks.idle(),
  }
  return control
}
