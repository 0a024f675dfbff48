import { z } from 'zod'
import { ZUuid } from '../../../kernel/http/schemas.ts'
import { plainText } from '../reviews/schemas.ts'
import { ZIsoDate, ZMoneyOut, ZShekelsIn, ZVersionIn } from '../schemas.ts'

/** API shapes of OFAIR projects: an accepted job's milestones and the performer's status updates. */

export const MILESTONE_STATUSES = ['pending', 'in_progress', 'done'] as const

export const ZMilestoneParams = z.strictObject({ id: ZUuid, milestone_id: ZUuid })

export const ZMilestoneIn = z.strictObject({
  title: plainText(120)
    .refine((s) => s.trim().length > 0, { message: 'must not be empty' })
    .describe('What will be done, 1-120 characters'),
  due_date: ZIsoDate.nullable().optional(),
  amount: ZShekelsIn.nullable()
    .optional()
    .describe('Optional: the part of the price this milestone stands for'),
})
export type TMilestoneIn = z.infer<typeof ZMilestoneIn>

export const ZMilestoneStatusIn = z.strictObject({
  status: z.enum(MILESTONE_STATUSES).describe('One step forward: pending → in_progress → done'),
  version: ZVersionIn,
})

export const ZProjectUpdateIn = z.strictObject({
  body: plainText(2000)
    .refine((s) => s.trim().length > 0, { message: 'must not be empty' })
    .describe('A status update for the lead’s owner, plain text, 1-2,000 characters'),
})

export const ZMilestone = z.object({
  id: z.string(),
  title: z.string(),
  due_date: z.string().nullable(),
  amount: ZMoneyOut.nullable(),
  status: z.enum(MILESTONE_STATUSES),
  done_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  version: z.number().int(),
})

export const ZProject = z.object({
  id: z.string(),
  lead_id: z.string(),
  proposal_id: z.string(),
  title: z.string(),
  performer: z.object({ id: z.string(), display_name: z.string() }),
  you: z.object({ is_owner: z.boolean(), is_performer: z.boolean() }),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  milestones: z.array(ZMilestone),
  updates: z.array(z.object({ id: z.string(), body: z.string(), created_at: z.iso.datetime() })),
  created_at: z.iso.datetime(),
})
