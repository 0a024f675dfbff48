import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { registeredEvents } from '../../kernel/outbox/events.ts'
import { guaranteeEndedHolds, reholdReleasedHold, releaseHoldFor } from '../billing/index.ts'
import { organizationMemberIds } from '../identity/index.ts'
import { notify } from '../notifications/index.ts'
import {
  advanceApplicationFor,
  applicationStageNow,
  companyOrganization,
  openApplicationsInStage,
  recruiterUserIds,
} from '../recruiting/index.ts'
import type { ConditionNode, Facts, FieldSpec, FieldType } from './conditions.ts'
import './notices.ts'

/**
 * What rules can react to and what they can do. Triggers are the marketplace's outbox events (the
 * field list is read from each event's declared zod schema, so a condition is checked against the
 * payload it will see) and scheduled sources (rows read through recruiting's and billing's
 * services). Actions act through the owning modules' own commands.
 */
export interface Trigger {
  kind: 'event' | 'schedule'
  key: string
  label: string
  description: string
  fields: FieldSpec[]
  /** The field naming what an execution is about, and its type. */
  subject: { type: string; field: string }
}

/** Modules whose events rules may react to (the Splits Network marketplace and its money). */
const EVENT_MODULES = new Set(['recruiting', 'billing'])

// biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definitions
type ZodAny = { _zod: { def: any } }

function fieldsOf(schema: ZodAny, prefix = ''): FieldSpec[] {
  const def = schema._zod.def
  if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default')
    return fieldsOf(def.innerType, prefix)
  if (def.type === 'object') {
    return Object.entries(def.shape as Record<string, ZodAny>).flatMap(([k, v]) =>
      fieldsOf(v, prefix ? `${prefix}.${k}` : k),
    )
  }
  const type: FieldType | null =
    def.type === 'string'
      ? def.format === 'date' || def.format === 'datetime'
        ? 'date'
        : 'string'
      : def.type === 'number'
        ? 'number'
        : def.type === 'boolean'
          ? 'boolean'
          : def.type === 'enum'
            ? 'string'
            : null
  if (!type || !prefix) return []
  return [{ path: prefix, type, ...(def.type === 'enum' ? { values: Object.keys(def.entries) } : {}) }]
}

let eventTriggers: Trigger[] | null = null

function eventTriggerList(): Trigger[] {
  eventTriggers ??= registeredEvents()
    .filter((e) => EVENT_MODULES.has(e.module) && (EVENT_TRIGGER_TYPES as readonly string[]).includes(e.type))
    .map((e) => ({
      kind: 'event' as const,
      key: e.type,
      label: e.type,
      description: e.description,
      fields: fieldsOf(e.data as unknown as ZodAny),
      subject: { type: e.aggregate, field: '' },
    }))
  return eventTriggers
}

/** A scheduled source: rows read through another module's service, each with its occurrence key. */
interface ScheduledSource extends Trigger {
  rows(tx: AnyTx, now: Date): Promise<{ occurrence: string; subjectId: string; facts: Facts }[]>
}

const STAGES = ['submitted', 'screening', 'interview', 'offer']

const SCHEDULED: ScheduledSource[] = [
  {
    kind: 'schedule',
    key: 'applications_in_stage',
    label: 'Open applications (by time in stage)',
    description: 'Each open application, with how many days it has been at its stage',
    subject: { type: 'application', field: 'application_id' },
    fields: [
      { path: 'application_id', type: 'string' },
      { path: 'role_id', type: 'string' },
      { path: 'company_id', type: 'string' },
      { path: 'candidate_id', type: 'string' },
      { path: 'recruiter_id', type: 'string' },
      { path: 'stage', type: 'string', values: STAGES },
      { path: 'stage_entered_at', type: 'date' },
      { path: 'days_in_stage', type: 'number' },
      { path: 'days_since_submitted', type: 'number' },
    ],
    rows: async (tx, now) =>
      (await openApplicationsInStage(tx, now)).map((a) => ({
        // once per stay in a stage: a rule never acts twice on the same stay
        occurrence: `${a.stage}@${a.stage_entered_at}`,
        subjectId: a.application_id,
        facts: a as unknown as Facts,
      })),
  },
  {
    kind: 'schedule',
    key: 'guarantee_ended',
    label: 'Placements whose guarantee ended (money still held)',
    description: 'Each escrow hold whose guarantee period is over and which is not released yet',
    subject: { type: 'escrow_hold', field: 'hold_id' },
    fields: [
      { path: 'hold_id', type: 'string' },
      { path: 'placement_id', type: 'string' },
      { path: 'recruiter_id', type: 'string' },
      { path: 'amount', type: 'string' },
      { path: 'currency', type: 'string' },
      { path: 'guarantee_ends_on', type: 'date' },
      { path: 'days_since_guarantee_end', type: 'number' },
    ],
    rows: async (tx, now) =>
      (await guaranteeEndedHolds(tx, now)).map((h) => ({
        occurrence: `guarantee@${h.guarantee_ends_on}`,
        subjectId: h.hold_id,
        facts: h as unknown as Facts,
      })),
  },
]

export function triggers(): Trigger[] {
  return [...eventTriggerList(), ...SCHEDULED.map(({ rows: _, ...t }) => t)]
}

export function findTrigger(kind: 'event' | 'schedule', key: string): Trigger {
  const t =
    kind === 'event' ? eventTriggerList().find((e) => e.key === key) : SCHEDULED.find((s) => s.key === key)
  if (!t) {
    throw new AppError('automation_unknown_trigger', `No ${kind} trigger "${key}"`, {
      errors: [{ field: 'body.trigger.key', message: `unknown ${kind} trigger` }],
    })
  }
  return t
}

export function scheduledSource(key: string): ScheduledSource | undefined {
  return SCHEDULED.find((s) => s.key === key)
}

/** The event types any rule may listen to (the consumer subscribes to them). */
export const EVENT_TRIGGER_TYPES = [
  'application.submitted',
  'application.stage_changed',
  'placement.created',
  'placement.splits_agreed',
  'placement.fell_off',
  'role.opened',
  'role.closed',
] as const

export interface ActionContext {
  ctx: AppContext
  tx: AnyTx
  facts: Facts
  params: Record<string, unknown>
  /** Who acts: the approver, or the rule's author when no approval is needed. */
  actor: { userId: string; role: string }
  executionId: string
  ruleName: string
}
export interface ActionResult {
  result: Record<string, unknown>
  undo?: Record<string, unknown> | null
}

export interface ActionDef {
  type: string
  label: string
  /** Fields the trigger must offer for the action to be possible (else 422 automation_action_not_permitted). */
  needs: readonly string[]
  params: readonly {
    name: string
    type: 'string' | 'number'
    values?: readonly string[]
    required?: boolean
  }[]
  run(a: ActionContext): Promise<ActionResult>
  /** Undoes it; what it answers is kept on the execution (`result.undo`) for the screen. */
  undo?(a: ActionContext, undo: Record<string, unknown>): Promise<Record<string, unknown> | undefined>
  /** For the admin: how an undo works, or why this action cannot be undone. */
  undoNote: string
  describe(params: Record<string, unknown>): string
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

export const ACTIONS: readonly ActionDef[] = [
  {
    type: 'advance_application',
    label: 'Advance the application',
    needs: ['application_id'],
    params: [{ name: 'to_stage', type: 'string', values: ['screening', 'interview', 'offer'] }],
    async run(a) {
      const applicationId = str(a.facts.application_id)
      const moved = await advanceApplicationFor(
        a.tx,
        a.actor,
        applicationId,
        {
          to: str(a.params.to_stage) || undefined,
          reason: `Automation rule “${a.ruleName}”`,
        },
        a.ctx.clock.now(),
      )
      return { result: moved, undo: { application_id: applicationId, from: moved.from, to: moved.to } }
    },
    async undo(a, undo) {
      const id = str(undo.application_id)
      const now = await applicationStageNow(a.tx, id)
      if (now !== undo.to) {
        throw new AppError(
          'automation_not_undoable',
          `The application has moved on since (it is at ${now ?? 'nothing'}, not ${String(undo.to)})`,
        )
      }
      await advanceApplicationFor(
        a.tx,
        a.actor,
        id,
        { to: str(undo.from), reason: `Undo of automation rule “${a.ruleName}”` },
        a.ctx.clock.now(),
      )
      return { application_id: id, stage: str(undo.from) }
    },
    undoNote: 'Moves the application back to its previous stage, if it has not moved since.',
    describe: (p) =>
      p.to_stage ? `move the application to ${String(p.to_stage)}` : 'advance the application one stage',
  },
  {
    type: 'notify_recruiter',
    label: 'Notify the recruiter',
    needs: ['recruiter_id'],
    params: [{ name: 'message', type: 'string' }],
    async run(a) {
      const recruiterId = str(a.facts.recruiter_id)
      const userId = (await recruiterUserIds(a.tx, [recruiterId])).get(recruiterId)
      if (!userId) throw new AppError('not_found', 'The recruiter is gone')
      const told = await notify(a.ctx, a.tx, [
        {
          kind: 'automation.reminder',
          userId,
          title: str(a.params.message) || 'A candidate of yours has been waiting',
          body: `From the rule “${a.ruleName}”.`,
          link: a.facts.application_id ? `/splits/applications/${str(a.facts.application_id)}` : '/splits',
          sourceId: a.executionId,
        },
      ])
      return { result: { told: told.inApp, user_id: userId }, undo: null }
    },
    undoNote: 'A notification cannot be unsent: the recruiter has been told.',
    describe: (p) => `notify the recruiter${p.message ? ` (“${String(p.message)}”)` : ''}`,
  },
  {
    type: 'remind_hiring_managers',
    label: 'Remind the hiring team',
    needs: ['company_id'],
    params: [{ name: 'message', type: 'string' }],
    async run(a) {
      const company = await companyOrganization(a.tx, str(a.facts.company_id))
      if (!company) throw new AppError('not_found', 'The company is gone')
      const people = await organizationMemberIds(a.tx, company.organizationId, [
        'company_admin',
        'hiring_manager',
      ])
      const told = await notify(
        a.ctx,
        a.tx,
        people.map((userId) => ({
          kind: 'automation.reminder',
          userId,
          title: str(a.params.message) || 'A submission is waiting for your review',
          body: `From the rule “${a.ruleName}”.`,
          link: a.facts.application_id ? `/splits/applications/${str(a.facts.application_id)}` : '/splits',
          sourceId: a.executionId,
        })),
      )
      return { result: { told: told.inApp }, undo: null }
    },
    undoNote: 'A reminder cannot be unsent: the hiring team has been told.',
    describe: (p) => `remind the hiring team${p.message ? ` (“${String(p.message)}”)` : ''}`,
  },
  {
    type: 'release_guarantee_hold',
    label: 'Release the held money for payout',
    needs: ['hold_id'],
    params: [],
    async run(a) {
      const holdId = str(a.facts.hold_id)
      await releaseHoldFor(a.ctx, a.tx, holdId, a.actor)
      return { result: { released: holdId }, undo: { hold_id: holdId } }
    },
    async undo(a, undo) {
      try {
        const holdId = str(undo.hold_id)
        const r = await reholdReleasedHold(a.ctx, a.tx, holdId, `Undo of automation rule “${a.ruleName}”`)
        return {
          released_hold_id: holdId,
          hold_id: r.holdId,
          hold_status: 'active',
          held_again: r.amount,
          currency: r.currency,
          ledger_hold_id: r.ledgerHoldId,
          reversal_posting_id: r.reversalPostingId,
          cancelled_schedule_id: r.scheduleId,
        }
      } catch (e) {
        if (e instanceof AppError && e.code === 'invalid_state_transition') {
          throw new AppError('automation_not_undoable', `The payout can no longer be stopped: ${e.message}`)
        }
        throw e
      }
    },
    undoNote:
      'Holds the money again, as before the release: the payout the release scheduled is cancelled while it has not been paid, the release posting reversed, and a new hold with the same terms keeps the money until it is released anew.',
    describe: () => 'release the held money (a payout is scheduled for the next run)',
  },
]

export function findAction(type: string, trigger: Trigger): ActionDef {
  const a = ACTIONS.find((x) => x.type === type)
  if (!a) {
    throw new AppError('automation_action_not_permitted', `No action "${type}"`, {
      errors: [{ field: 'body.action.type', message: 'unknown action' }],
    })
  }
  const missing = a.needs.filter((n) => !trigger.fields.some((f) => f.path === n))
  if (missing.length) {
    throw new AppError(
      'automation_action_not_permitted',
      `“${a.label}” needs ${missing.join(', ')}, which ${trigger.key} does not carry`,
      { errors: [{ field: 'body.action.type', message: `not possible on ${trigger.key}` }] },
    )
  }
  return a
}

export interface Template {
  key: string
  name: string
  description: string
  trigger: { kind: 'event' | 'schedule'; key: string; schedule?: 'hourly' | 'daily' }
  conditions: ConditionNode
  action: { type: string; params: Record<string, unknown> }
  minutes_per_action: number
}

/** The seed's four templates. */
export const TEMPLATES: readonly Template[] = [
  {
    key: 'auto_advance',
    name: 'Auto-advance applications after 7 days in screening',
    description: 'Moves an application from screening to interview when it has waited a week.',
    trigger: { kind: 'schedule', key: 'applications_in_stage', schedule: 'daily' },
    conditions: {
      all: [
        { field: 'stage', op: 'eq', value: 'screening' },
        { field: 'days_in_stage', op: 'gte', value: 7 },
      ],
    },
    action: { type: 'advance_application', params: { to_stage: 'interview' } },
    minutes_per_action: 4,
  },
  {
    key: 'stale_candidates',
    name: 'Notify recruiters of stale candidates',
    description: 'Tells the recruiter when their candidate has sat at a stage for two weeks.',
    trigger: { kind: 'schedule', key: 'applications_in_stage', schedule: 'daily' },
    conditions: { all: [{ field: 'days_in_stage', op: 'gte', value: 14 }] },
    action: { type: 'notify_recruiter', params: { message: 'Your candidate has been waiting two weeks' } },
    minutes_per_action: 3,
  },
  {
    key: 'payout_after_guarantee',
    name: 'Schedule payouts after the guarantee',
    description: 'Releases the held money once the guarantee has ended, so the next payout run pays it.',
    trigger: { kind: 'schedule', key: 'guarantee_ended', schedule: 'daily' },
    conditions: { all: [{ field: 'days_since_guarantee_end', op: 'gte', value: 0 }] },
    action: { type: 'release_guarantee_hold', params: {} },
    minutes_per_action: 10,
  },
  {
    key: 'unreviewed_submissions',
    name: 'Remind hiring managers of unreviewed submissions',
    description: 'Reminds the hiring team of a submission still unreviewed after three days.',
    trigger: { kind: 'schedule', key: 'applications_in_stage', schedule: 'daily' },
    conditions: {
      all: [
        { field: 'stage', op: 'eq', value: 'submitted' },
        { field: 'days_since_submitted', op: 'gte', value: 3 },
      ],
    },
    action: {
      type: 'remind_hiring_managers',
      params: { message: 'A submission is waiting for your review' },
    },
    minutes_per_action: 5,
  },
]
