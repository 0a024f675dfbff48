import { z } from 'zod'
import { ZIdParams } from '../../kernel/http/schemas.ts'
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
    handler: async ({ tx, caller, params, body, ctx }) =>
      transitionSignal(tx, caller, params.id, action, body.notes, ctx.clock.now()) as never,
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
    handler: async ({ tx, query }) => (await listSignals(tx, query)) as never,
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
    handler: async ({ tx, params }) => (await getSignal(tx, params.id)) as never,
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
    handler: async ({ tx, query }) => ({ data: await listHolds(tx, query.status) }),
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
    handler: async ({ tx, caller, params, body, ctx }) =>
      liftHold(tx, params.recruiterId, caller.userId, body.reason, ctx.clock.now()),
  }),
]
