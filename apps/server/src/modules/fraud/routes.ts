import { z } from 'zod'
import type { AnyTx } from '../../kernel/db/database.ts'
import { ZIdParams } from '../../kernel/http/schemas.ts'
import { recruiterNames } from '../recruiting/index.ts'
import { fraudRoute as route, who } from './caller.ts'
import { liftHold, listHolds } from './holds.ts'
import {
  ZHold,
  ZHoldQuery,
  ZLiftBody,
  ZNotes,
  ZRecruiterParams,
  ZSignalDetail,
  ZSignalList,
  ZSignalQuery,
} from './schemas.ts'
import { getSignal, listSignals, transitionSignal } from './signals.ts'

const tags = ['fraud']

/** Admins review people, not ids: each signal and hold carries its recruiter's name. */
async function withSignalNames<T extends { subject_recruiter_id: string | null }>(tx: AnyTx, items: T[]) {
  const names = await recruiterNames(
    tx,
    items.flatMap((s) => (s.subject_recruiter_id ? [s.subject_recruiter_id] : [])),
  )
  return items.map((s) => ({
    ...s,
    subject_recruiter_name: s.subject_recruiter_id ? (names.get(s.subject_recruiter_id) ?? null) : null,
  }))
}
async function withHoldNames<T extends { recruiter_id: string }>(tx: AnyTx, items: T[]) {
  const names = await recruiterNames(
    tx,
    items.map((h) => h.recruiter_id),
  )
  return items.map((h) => ({ ...h, recruiter_name: names.get(h.recruiter_id) ?? null }))
}
const TRANSITIONS =
  'Allowed: active → reviewed; active or reviewed → resolved or false_positive. Anything else answers 409 fraud_signal_transition_invalid (of two concurrent resolves, one wins). Notes are required.'

function transition(action: 'review' | 'resolve' | 'dismiss', operationId: string, summary: string) {
  return route.define({
    method: 'POST',
    url: `/api/admin/fraud/signals/:id/${action}`,
    operationId,
    summary,
    description: TRANSITIONS,
    tags,
    access: who.admin,
    params: ZIdParams,
    body: ZNotes,
    errors: [409],
    response: ZSignalDetail,
    handler: async ({ tx, caller, params, body, ctx }) => {
      const signal = await transitionSignal(tx, caller, params.id, action, body.notes, ctx.clock.now())
      return (await withSignalNames(tx, [signal]))[0] as never
    },
  })
}

/** The fraud review queue, signal decisions and holds (platform admins only). */
export const fraudRoutes = [
  route.define({
    method: 'GET',
    url: '/api/admin/fraud/signals',
    operationId: 'listFraudSignals',
    summary: 'Fraud signals, most severe first, then newest',
    description:
      'Filter by status, severity, type or recruiter; keyset-paged. Counts per status and severity.',
    tags,
    access: who.admin,
    query: ZSignalQuery,
    response: ZSignalList,
    handler: async ({ tx, query }) => {
      const page = await listSignals(tx, query)
      return { ...page, data: await withSignalNames(tx, page.data) } as never
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/admin/fraud/signals/:id',
    operationId: 'getFraudSignal',
    summary: 'One fraud signal with its evidence and history',
    tags,
    access: who.admin,
    params: ZIdParams,
    response: ZSignalDetail,
    handler: async ({ tx, params }) =>
      (await withSignalNames(tx, [await getSignal(tx, params.id)]))[0] as never,
  }),
  transition('review', 'reviewFraudSignal', 'Mark a signal as being reviewed'),
  transition('resolve', 'resolveFraudSignal', 'Resolve a signal: the fraud was real and dealt with'),
  transition(
    'dismiss',
    'dismissFraudSignal',
    'Dismiss a signal as a false positive (lifts the hold if nothing else is open)',
  ),
  route.define({
    method: 'GET',
    url: '/api/admin/fraud/holds',
    operationId: 'listFraudHolds',
    summary: 'Recruiters on hold (and holds lifted)',
    tags,
    access: who.admin,
    query: ZHoldQuery,
    response: z.object({ data: z.array(ZHold) }),
    handler: async ({ tx, query }) => ({ data: await withHoldNames(tx, await listHolds(tx, query.status)) }),
  }),
  route.define({
    method: 'POST',
    url: '/api/admin/fraud/holds/:recruiterId/lift',
    operationId: 'liftFraudHold',
    summary: 'Lift a recruiter’s hold, saying why',
    description:
      'A recruiter not on hold answers 409 fraud_hold_not_active. Logged as an override in the decision log.',
    tags,
    access: who.admin,
    params: ZRecruiterParams,
    body: ZLiftBody,
    errors: [409],
    response: ZHold,
    handler: async ({ tx, caller, params, body, ctx }) => {
      const hold = await liftHold(tx, params.recruiterId, caller.userId, body.reason, ctx.clock.now())
      return (await withHoldNames(tx, [hold]))[0]!
    },
  }),
]
