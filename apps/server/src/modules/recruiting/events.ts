import { z } from 'zod'
import type { AnyTx } from '../../kernel/db/database.ts'
import {
  defineEvents,
  type EventData,
  type EventsOf,
  type NewEvent,
  writeEvents,
} from '../../kernel/outbox/events.ts'

/**
 * Domain events of the marketplace, written to the outbox in the transaction of the change.
 * Consumers (the marketplace's own notices now, webhooks later) get the seeds' `{event, timestamp,
 * data}`, typed by these schemas. Amounts travel as strings of minor units.
 */
const id = z.uuid()
const ZSplit = z.object({
  fee_role: z.string(),
  recruiter_id: id,
  share_bps: z.number().int().min(1).max(10_000),
})
const ZRoleStatusChange = z.object({
  role_id: id,
  company_id: id,
  title: z.string(),
  old_status: z.string(),
  new_status: z.string(),
  reason: z.string().nullable(),
  changed_by: id.nullable(),
})

export const RECRUITING_EVENTS = defineEvents('recruiting', {
  'role.created': {
    aggregate: 'role',
    description: 'A company posted a role (as a draft)',
    data: z.object({
      role_id: id,
      company_id: id,
      title: z.string(),
      function: z.string(),
      seniority: z.string(),
      location: z.string().nullable(),
      work_mode: z.string(),
      salary: z.object({ min: z.string(), max: z.string(), currency: z.string() }),
      fee_rate_bps: z.number().int(),
      status: z.string(),
    }),
  },
  'role.updated': {
    aggregate: 'role',
    description: 'Fields of a role changed (only the changed fields, after the change)',
    data: z.object({
      role_id: id,
      company_id: id,
      changes: z.record(z.string(), z.unknown()),
      changed_by: id,
    }),
  },
  'role.opened': { aggregate: 'role', description: 'A role opened (or reopened)', data: ZRoleStatusChange },
  'role.released': {
    aggregate: 'role',
    description:
      'A role’s first look ended (its window passed, or the company switched it off): every recruiter it is shared with sees it now',
    data: z.object({ role_id: id, company_id: id, title: z.string(), released_at: z.iso.datetime() }),
  },
  'role.paused': { aggregate: 'role', description: 'A role was paused', data: ZRoleStatusChange },
  'role.closed': {
    aggregate: 'role',
    description: 'A role was closed or filled (`new_status` says which)',
    data: ZRoleStatusChange,
  },
  'application.submitted': {
    aggregate: 'application',
    description: 'A recruiter submitted a candidate to a role',
    data: z.object({
      application_id: id,
      role_id: id,
      role_title: z.string(),
      company_id: id,
      candidate_id: id,
      recruiter_id: id,
      submitted_by: id,
    }),
  },
  'application.stage_changed': {
    aggregate: 'application',
    description: 'An application moved stage (forward, back with a reason, rejected or withdrawn)',
    data: z.object({
      application_id: id,
      role_id: id,
      role_title: z.string(),
      company_id: id,
      candidate_id: id,
      recruiter_id: id,
      old_stage: z.string(),
      new_stage: z.string(),
      reason: z.string().nullable(),
      changed_by: id.nullable(),
    }),
  },
  'placement.created': {
    aggregate: 'placement',
    description: 'A hire made a placement, with its guarantee and fee inputs',
    data: z.object({
      placement_id: id,
      application_id: id,
      role_id: id,
      company_id: id,
      candidate_id: id,
      base_salary: z.object({ amount: z.string().regex(/^\d+$/), currency: z.string().length(3) }),
      start_date: z.iso.date(),
      guarantee_ends_on: z.iso.date(),
      fee_rate_bps: z.number().int(),
      fee_rule_version: z.string(),
      splits: z.array(ZSplit),
    }),
  },
  'placement.splits_proposed': {
    aggregate: 'placement',
    description: 'Someone proposed a new split of the recruiters’ share; the others must agree',
    data: z.object({
      placement_id: id,
      company_id: id,
      proposed_by: id,
      splits: z.array(ZSplit),
      previous_recruiter_ids: z.array(id),
    }),
  },
  'placement.splits_agreed': {
    aggregate: 'placement',
    description: 'Every recruiter on the placement agreed to its split',
    data: z.object({ placement_id: id, company_id: id, splits: z.array(ZSplit) }),
  },
  'placement.fell_off': {
    aggregate: 'placement',
    description: 'The hire left inside the guarantee period',
    data: z.object({
      placement_id: id,
      company_id: id,
      role_id: id,
      fell_off_on: z.iso.date(),
      reason: z.string(),
    }),
  },
  'ownership.duplicate_blocked': {
    aggregate: 'ownership_dispute',
    description: 'A submission was refused because another recruiter holds the right to represent',
    data: z.object({
      dispute_id: id,
      company_id: id,
      role_id: id.nullable(),
      holder_recruiter_id: id,
      claimant_recruiter_id: id,
      matched_on: z.array(z.string()),
    }),
  },
  'ownership.dispute_opened': {
    aggregate: 'ownership_dispute',
    description: 'The refused recruiter disputed the holder’s right',
    data: z.object({
      dispute_id: id,
      company_id: id,
      holder_recruiter_id: id,
      claimant_recruiter_id: id,
    }),
  },
  'ownership.dispute_resolved': {
    aggregate: 'ownership_dispute',
    description: 'A platform admin upheld or overturned the holder’s right',
    data: z.object({
      dispute_id: id,
      outcome: z.enum(['upheld', 'overturned']),
      company_id: id,
      holder_recruiter_id: id,
      claimant_recruiter_id: id,
    }),
  },
})

declare module '../../kernel/outbox/events.ts' {
  interface EventCatalog extends EventsOf<typeof RECRUITING_EVENTS> {}
}

export type RecruitingEvent = keyof typeof RECRUITING_EVENTS

/** Writes one marketplace event in the transaction of the change it describes. */
export async function emit<E extends RecruitingEvent>(
  tx: AnyTx,
  type: E,
  aggregateId: string,
  data: EventData<E>,
): Promise<void> {
  await writeEvents(tx, [{ type, aggregateId, data } as NewEvent])
}
