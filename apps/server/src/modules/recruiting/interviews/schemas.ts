import { z } from 'zod'
import { ZVersion } from '../reference/schemas.ts'

export const INTERVIEW_KINDS = ['phone', 'video', 'onsite'] as const
export const INTERVIEW_STATUSES = ['proposed', 'confirmed', 'completed', 'cancelled'] as const
export const ZInterviewKind = z.enum(INTERVIEW_KINDS)
export const ZInterviewStatus = z.enum(INTERVIEW_STATUSES)

const ZStart = z
  .string()
  .max(40)
  .describe(
    'The wall-clock time in `time_zone` ("2027-03-26T10:00"), or an instant with its offset ("2027-03-26T07:00:00Z"). A wall time that happens twice (clocks going back) is its first occurrence; one that never happens (clocks jumping forward) is refused.',
  )
const ZSlotsIn = z
  .array(z.strictObject({ start: ZStart }))
  .min(1)
  .max(5)
  .describe('One to five times the candidate can choose from')
const ZDuration = z.number().int().min(15).max(480).describe('Minutes, 15 to 480')
const ZTimeZone = z.string().min(1).max(64).describe('IANA time zone of the meeting, e.g. Asia/Jerusalem')
const ZLink = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable()
  .optional()
  .describe('Meeting link (any provider), http(s)')
const ZNote = z.string().trim().min(1).max(2000)

export const ZProposal = z.strictObject({
  application_id: z.uuid(),
  kind: ZInterviewKind,
  duration_minutes: ZDuration,
  time_zone: ZTimeZone,
  slots: ZSlotsIn,
  interviewer_user_ids: z
    .array(z.uuid())
    .min(1)
    .max(10)
    .describe('People of the company’s hiring team who interview'),
  meeting_link: ZLink,
  location: z.string().trim().max(500).nullable().optional(),
  agenda: z.string().trim().max(2000).nullable().optional(),
})

export const ZConfirm = z.strictObject({ slot_id: z.uuid(), version: ZVersion.optional() })
export const ZDecline = z.strictObject({
  note: ZNote.describe('Why none of the times work, or which times would'),
  version: ZVersion.optional(),
})
export const ZReschedule = z.strictObject({
  slots: ZSlotsIn,
  duration_minutes: ZDuration.optional(),
  time_zone: ZTimeZone.optional(),
  meeting_link: ZLink,
  location: z.string().trim().max(500).nullable().optional(),
  note: z.string().trim().max(2000).optional(),
  version: ZVersion.optional(),
})
export const ZCancel = z.strictObject({ reason: ZNote, version: ZVersion.optional() })
export const ZComplete = z.strictObject({ version: ZVersion.optional() })

export const ZInterviewListQuery = z.strictObject({
  scope: z
    .enum(['upcoming', 'past', 'all'])
    .default('upcoming')
    .describe('upcoming: proposed, or confirmed and not yet ended; past: ended, completed or cancelled'),
  status: ZInterviewStatus.optional(),
  application_id: z.uuid().optional(),
  role_id: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('At most this many (1-100)'),
  starting_after: z
    .string()
    .max(500)
    .optional()
    .describe('The `next_cursor` of the previous page (of the same scope)'),
})

const ZPersonRef = z.object({ user_id: z.string(), name: z.string() })
export const ZInterview = z.object({
  id: z.string(),
  application_id: z.string(),
  role: z.object({ id: z.string(), title: z.string() }),
  company: z.object({ id: z.string(), name: z.string() }),
  candidate: z.object({ id: z.string(), name: z.string() }),
  recruiter: z.object({ id: z.string(), user_id: z.string(), name: z.string() }),
  status: ZInterviewStatus,
  awaiting: z.enum(['recruiter', 'team']).nullable().describe('While proposed: who acts next'),
  kind: ZInterviewKind,
  duration_minutes: z.number().int(),
  time_zone: z.string(),
  meeting_link: z.string().nullable(),
  location: z.string().nullable(),
  agenda: z.string().nullable(),
  starts_at: z.iso.datetime().nullable().describe('The confirmed time (UTC)'),
  ends_at: z.iso.datetime().nullable(),
  sequence: z.number().int().describe('The calendar invitation’s SEQUENCE'),
  recruiter_note: z.string().nullable(),
  cancel_reason: z.string().nullable(),
  completable: z.boolean().describe('Confirmed and ended: the hiring team may mark it completed'),
  feedback_link: z.string().describe('Where interviewers give their feedback'),
  version: z.number().int(),
  interviewers: z.array(ZPersonRef),
  slots: z.array(
    z.object({
      id: z.string(),
      round: z.number().int(),
      starts_at: z.iso.datetime(),
      ends_at: z.iso.datetime(),
      status: z.enum(['open', 'chosen', 'declined', 'withdrawn']),
    }),
  ),
  history: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      from_status: z.string().nullable(),
      to_status: z.string(),
      sequence: z.number().int(),
      starts_at: z.iso.datetime().nullable(),
      note: z.string().nullable(),
      changed_by_name: z.string().nullable(),
      changed_at: z.iso.datetime(),
    }),
  ),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
})
export const ZInterviewList = z.object({
  data: z.array(ZInterview),
  has_more: z.boolean(),
  next_cursor: z.string().nullable().describe('Pass as `starting_after` for the next page; null at the end'),
})
