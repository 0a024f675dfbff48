import type { AppContext } from '../../../kernel/context.ts'
import { lockKey, updatedOrConflict, versionConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import { uuidFromName } from '../../../kernel/ids.ts'
import { organizationMemberIds } from '../../identity/index.ts'
import { defineNoticeKinds, type Notice, notify } from '../../notifications/index.ts'
import { loadApplication } from '../applications/queries.ts'
import { moveToInterviewStage } from '../applications/stage.ts'
import { onTeam, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { canonicalTimeZone, localTime, parseLocal, zonedToInstant } from './ics.ts'
import { calendarPart, invitationText, KIND_WORDS } from './invitation.ts'
import { getInterview, type InterviewDetails, type InterviewRow, loadInterview } from './queries.ts'
import './errors.ts'

/** Who hears about interviews (never the person who acted, except the calendar invitation itself). */
export const INTERVIEW_NOTICES = defineNoticeKinds('recruiting', {
  'interview.proposed': {
    label: 'Interview times are proposed for your candidate',
    audience: ['recruiter'],
  },
  'interview.confirmed': {
    label: 'An interview is confirmed (with the calendar invitation)',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
  'interview.declined': {
    label: 'A recruiter asks for other interview times',
    audience: ['company_admin', 'hiring_manager'],
  },
  'interview.rescheduled': {
    label: 'An interview is rescheduled',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
  'interview.cancelled': {
    label: 'An interview is cancelled',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
  'interview.reminder': {
    label: 'Reminders 24 hours and 1 hour before an interview',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
  'interview.feedback_requested': {
    label: 'An interview you gave has ended: your feedback is asked',
    audience: ['company_admin', 'hiring_manager'],
  },
})

const CLOSED_STAGES = ['hired', 'rejected', 'withdrawn']
const MINUTE = 60_000

export const feedbackLink = (i: { application_id: string; id: string }) =>
  `/splits/applications/${i.application_id}?tab=feedback&interview=${i.id}`

/** "Tue 26 Mar 2027, 10:00 (Asia/Jerusalem)": times in the interview's own zone, named. */
export function whenWords(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at)
  return `${text} (${timeZone})`
}

function fieldError(
  code:
    | 'validation_failed'
    | 'unprocessable'
    | 'interview_in_past'
    | 'interview_too_far_ahead'
    | 'invalid_time_zone',
  field: string,
  message: string,
): AppError {
  return new AppError(code, `${field}: ${message}`, { errors: [{ field, message }] })
}

function timeZoneOf(name: string, field: string): string {
  const tz = canonicalTimeZone(name)
  if (!tz)
    throw fieldError('invalid_time_zone', field, `${name} is not an IANA time zone (e.g. Asia/Jerusalem)`)
  return tz
}

/** How far ahead an interview may be proposed (year 9999 is nobody's plan, and past any calendar). */
export const MAX_DAYS_AHEAD = 365
const DAY = 86_400_000

/** The slots as instants: wall times in the zone, or instants with an offset; future, not overlapping each other. */
export function slotInstants(
  slots: readonly { start: string }[],
  timeZone: string,
  durationMinutes: number,
  now: Date,
): { start: Date; end: Date }[] {
  const out = slots.map((s, k) => {
    const field = `body.slots[${k}].start`
    let start: Date | null
    if (/(Z|[+-]\d{2}:\d{2})$/.test(s.start)) {
      const ms = Date.parse(s.start)
      start =
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s.start) &&
        Number.isFinite(ms)
          ? new Date(ms)
          : null
      if (!start)
        throw fieldError(
          'validation_failed',
          field,
          'is not a date-time (2027-03-26T10:00 in the time zone, or an ISO instant with its offset)',
        )
    } else {
      const local = parseLocal(s.start)
      if (!local)
        throw fieldError(
          'validation_failed',
          field,
          'is not a date-time (2027-03-26T10:00 in the time zone, or an ISO instant with its offset)',
        )
      start = zonedToInstant(local, timeZone)
      if (!start) {
        throw fieldError(
          'unprocessable',
          field,
          `${s.start} does not exist in ${timeZone} (the clocks jump forward then)`,
        )
      }
    }
    if (start.getTime() <= now.getTime()) throw fieldError('interview_in_past', field, 'is in the past')
    if (start.getTime() > now.getTime() + MAX_DAYS_AHEAD * DAY)
      throw fieldError('interview_too_far_ahead', field, `is more than ${MAX_DAYS_AHEAD} days ahead`)
    return { start, end: new Date(start.getTime() + durationMinutes * MINUTE) }
  })
  const sorted = out.map((s, k) => ({ ...s, k })).sort((a, b) => a.start.getTime() - b.start.getTime())
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.start < sorted[k - 1]!.end) {
      throw fieldError(
        'validation_failed',
        `body.slots[${sorted[k]!.k}].start`,
        'overlaps another proposed time',
      )
    }
  }
  return out
}

async function insertSlots(
  tx: RecruitingTx,
  interview: { id: string; candidate_id: string },
  round: number,
  slots: readonly { start: Date; end: Date }[],
): Promise<void> {
  // one candidate's proposals one at a time: the exclusion constraint decides, without deadlocks
  // between transactions that each hold a conflicting slot the other waits on
  await lockKey(tx, `interview-slots:${interview.candidate_id}`)
  try {
    await tx
      .insertInto('ats.interview_slots')
      .values(
        slots.map((s) => ({
          interview_id: interview.id,
          candidate_id: interview.candidate_id,
          round,
          starts_at: s.start,
          ends_at: s.end,
        })),
      )
      .execute()
  } catch (err) {
    if ((err as { constraint?: string }).constraint === 'interview_slots_do_not_overlap') {
      throw new AppError(
        'interview_overlap',
        'body.slots: the candidate already has an interview (proposed or confirmed) at one of these times',
        { errors: [{ field: 'body.slots', message: 'overlaps another interview of the candidate' }] },
      )
    }
    throw err
  }
}

async function history(
  tx: RecruitingTx,
  i: { id: string },
  h: {
    action: string
    from: string | null
    to: string
    sequence: number
    startsAt?: Date | null
    note?: string | null
    by: string | null
    now: Date
  },
) {
  await tx
    .insertInto('ats.interview_history')
    .values({
      interview_id: i.id,
      action: h.action,
      from_status: h.from,
      to_status: h.to,
      sequence: h.sequence,
      starts_at: h.startsAt ?? null,
      note: h.note ?? null,
      changed_by: h.by,
      changed_at: h.now,
    })
    .execute()
}

function checkVersion(row: InterviewRow, expected: number | undefined) {
  if (expected !== undefined && expected !== row.version) throw versionConflict('The interview', expected)
}

function refuseState(row: InterviewRow, action: string, allowed: string): never {
  throw new AppError(
    'invalid_state_transition',
    `An interview that is ${row.status} cannot be ${action} (only one that is ${allowed})`,
    {
      meta: { status: row.status, awaiting: row.awaiting },
    },
  )
}

/** One optimistic UPDATE from the state it was read in: of racing changes exactly one wins. */
async function update(
  tx: RecruitingTx,
  row: InterviewRow,
  set: Record<string, unknown>,
  expected: number | undefined,
) {
  updatedOrConflict(
    await tx
      .updateTable('ats.interviews')
      .set({ ...set, version: row.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .where('status', '=', row.status)
      .returning('id')
      .executeTakeFirst(),
    'The interview',
    expected,
  )
}

const teamUserIds = (i: InterviewDetails) => [
  ...new Set([i.proposed_by, ...i.interviewers.map((p) => p.user_id)]),
]

function notices(
  i: InterviewDetails,
  kind: keyof typeof INTERVIEW_NOTICES,
  sourceId: string,
  userIds: readonly string[],
  except: string | null,
  words: { title: string; body: string; link?: string },
  calendar?: Notice['calendar'],
): Notice[] {
  return [...new Set(userIds)]
    .filter((u) => u !== except)
    .map((userId) => ({
      kind,
      userId,
      sourceId: uuidFromName(sourceId),
      title: words.title,
      body: words.body,
      link: words.link ?? `/splits/interviews/${i.id}`,
      ...(calendar ? { calendar } : {}),
    }))
}

const subject = (i: InterviewDetails) => `${i.candidate_name} – ${i.role_title}`

/** The hiring team proposes times for an interview on an application; the recruiter is told. */
export async function proposeInterview(
  ctx: AppContext,
  tx: RecruitingTx,
  caller: SplitsCaller,
  input: {
    application_id: string
    kind: string
    duration_minutes: number
    time_zone: string
    slots: { start: string }[]
    interviewer_user_ids: string[]
    meeting_link?: string | null | undefined
    location?: string | null | undefined
    agenda?: string | null | undefined
  },
): Promise<string> {
  const now = ctx.clock.now()
  const app = await loadApplication(tx, input.application_id)
  if (!onTeam(caller, app.company_id)) {
    throw new AppError('forbidden', 'Only the company’s hiring team can propose interviews')
  }
  if (CLOSED_STAGES.includes(app.stage)) {
    throw new AppError('invalid_state_transition', `The application is ${app.stage}: no more interviews`, {
      meta: { stage: app.stage },
    })
  }
  const timeZone = timeZoneOf(input.time_zone, 'body.time_zone')
  const slots = slotInstants(input.slots, timeZone, input.duration_minutes, now)
  const company = await tx
    .selectFrom('ats.companies')
    .select('organization_id')
    .where('id', '=', app.company_id)
    .executeTakeFirstOrThrow()
  const team = new Set(
    await organizationMemberIds(tx, company.organization_id, ['company_admin', 'hiring_manager']),
  )
  input.interviewer_user_ids.forEach((u, k) => {
    if (!team.has(u)) {
      throw fieldError(
        'unprocessable',
        `body.interviewer_user_ids[${k}]`,
        'is not on the company’s hiring team',
      )
    }
  })
  const interview = await tx
    .insertInto('ats.interviews')
    .values({
      application_id: app.id,
      role_id: app.role_id,
      company_id: app.company_id,
      candidate_id: app.candidate_id,
      recruiter_id: app.recruiter_id,
      status: 'proposed',
      awaiting: 'recruiter',
      kind: input.kind,
      duration_minutes: input.duration_minutes,
      time_zone: timeZone,
      meeting_link: input.meeting_link ?? null,
      location: input.location || null,
      agenda: input.agenda || null,
      proposed_by: caller.userId,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'candidate_id'])
    .executeTakeFirstOrThrow()
  await insertSlots(tx, interview, 1, slots)
  await tx
    .insertInto('ats.interview_interviewers')
    .values(
      [...new Set(input.interviewer_user_ids)].map((user_id) => ({ interview_id: interview.id, user_id })),
    )
    .execute()
  await history(tx, interview, {
    action: 'proposed',
    from: null,
    to: 'proposed',
    sequence: 0,
    by: caller.userId,
    now,
  })
  const i = await getInterview(tx, interview.id)
  const times = slots.map((s) => `• ${whenWords(s.start, timeZone)}`).join('\n')
  await notify(
    ctx,
    tx,
    notices(i, 'interview.proposed', `interview:${i.id}:proposed`, [i.recruiter_user_id], caller.userId, {
      title: `Interview times proposed: ${subject(i)}`,
      body: `${i.company_name} proposes a ${KIND_WORDS[i.kind as keyof typeof KIND_WORDS].toLowerCase()} interview (${i.duration_minutes} min) with ${i.candidate_name}. Choose a time with your candidate:\n${times}`,
    }),
  )
  return interview.id
}

/** The submitting recruiter confirms one of the open times: invitations go to everyone. */
export async function confirmInterview(
  ctx: AppContext,
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  input: { slot_id: string; version?: number | undefined },
): Promise<void> {
  const now = ctx.clock.now()
  const row = await loadInterview(tx, id)
  if (!(caller.recruiterId && caller.recruiterId === row.recruiter_id)) {
    throw new AppError('forbidden', 'Only the recruiter who submitted the candidate can confirm a time')
  }
  checkVersion(row, input.version)
  if (row.status !== 'proposed' || row.awaiting !== 'recruiter')
    refuseState(row, 'confirmed', 'proposed and waiting for you')
  const slot = await tx
    .selectFrom('ats.interview_slots')
    .select(['id', 'starts_at', 'ends_at', 'status', 'round'])
    .where('id', '=', input.slot_id)
    .where('interview_id', '=', id)
    .executeTakeFirst()
  if (slot?.status !== 'open' || slot.round !== row.round) {
    throw fieldError('unprocessable', 'body.slot_id', 'is not one of the interview’s open times')
  }
  if (slot.starts_at.getTime() <= now.getTime())
    throw fieldError('interview_in_past', 'body.slot_id', 'that time has passed')
  const invitedBefore = await tx
    .selectFrom('ats.interview_history')
    .select('id')
    .where('interview_id', '=', id)
    .where('action', '=', 'confirmed')
    .executeTakeFirst()
  const sequence = invitedBefore ? row.sequence + 1 : row.sequence
  await update(
    tx,
    row,
    {
      status: 'confirmed',
      awaiting: null,
      starts_at: slot.starts_at,
      ends_at: slot.ends_at,
      sequence,
      confirmed_by: caller.userId,
      updated_at: now,
    },
    input.version,
  )
  await tx
    .updateTable('ats.interview_slots')
    .set({ status: 'withdrawn' })
    .where('interview_id', '=', id)
    .where('status', '=', 'open')
    .where('id', '<>', slot.id)
    .execute()
  await tx.updateTable('ats.interview_slots').set({ status: 'chosen' }).where('id', '=', slot.id).execute()
  await history(tx, row, {
    action: 'confirmed',
    from: 'proposed',
    to: 'confirmed',
    sequence,
    startsAt: slot.starts_at,
    by: caller.userId,
    now,
  })
  const i = await getInterview(tx, id)
  // the pipeline follows: a candidate with an interview booked is at the interview stage
  await moveToInterviewStage(tx, row.application_id, {
    userId: caller.userId,
    reason: `Interview confirmed for ${whenWords(slot.starts_at, i.time_zone)}`,
    now,
  })
  const ics = await invitationText(ctx, tx, i, 'REQUEST', {
    start: slot.starts_at,
    end: slot.ends_at,
    sequence,
  })
  await notify(
    ctx,
    tx,
    notices(
      i,
      'interview.confirmed',
      `interview:${i.id}:confirmed:${sequence}`,
      [...teamUserIds(i), i.recruiter_user_id],
      null,
      {
        title: `Interview confirmed: ${subject(i)}`,
        body: `${whenWords(slot.starts_at, i.time_zone)}, ${i.duration_minutes} min, ${KIND_WORDS[i.kind as keyof typeof KIND_WORDS].toLowerCase()}${i.meeting_link ? ` — ${i.meeting_link}` : ''}${i.location ? ` — ${i.location}` : ''}. The calendar invitation is attached.`,
      },
      calendarPart('REQUEST', ics),
    ),
  )
}

/** The recruiter declines the proposed times and asks for others, with a note. */
export async function declineInterview(
  ctx: AppContext,
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  input: { note: string; version?: number | undefined },
): Promise<void> {
  const now = ctx.clock.now()
  const row = await loadInterview(tx, id)
  if (!(caller.recruiterId && caller.recruiterId === row.recruiter_id)) {
    throw new AppError('forbidden', 'Only the recruiter who submitted the candidate can decline the times')
  }
  checkVersion(row, input.version)
  if (row.status !== 'proposed' || row.awaiting !== 'recruiter')
    refuseState(row, 'declined', 'proposed and waiting for you')
  await update(tx, row, { awaiting: 'team', recruiter_note: input.note, updated_at: now }, input.version)
  await tx
    .updateTable('ats.interview_slots')
    .set({ status: 'declined' })
    .where('interview_id', '=', id)
    .where('status', '=', 'open')
    .execute()
  await history(tx, row, {
    action: 'declined',
    from: 'proposed',
    to: 'proposed',
    sequence: row.sequence,
    note: input.note,
    by: caller.userId,
    now,
  })
  const i = await getInterview(tx, id)
  await notify(
    ctx,
    tx,
    notices(
      i,
      'interview.declined',
      `interview:${i.id}:declined:${row.version}`,
      teamUserIds(i),
      caller.userId,
      {
        title: `Other interview times asked: ${subject(i)}`,
        body: `${i.recruiter_name} asks for other times: “${input.note}”`,
      },
    ),
  )
}

/**
 * The hiring team proposes new times (a new round; the earlier times are withdrawn, kept in the
 * history). A confirmed interview's calendar event is withdrawn (CANCEL, SEQUENCE up) until the
 * recruiter confirms a new time, which is sent under the same UID with a higher SEQUENCE.
 */
export async function rescheduleInterview(
  ctx: AppContext,
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  input: {
    slots: { start: string }[]
    duration_minutes?: number | undefined
    time_zone?: string | undefined
    meeting_link?: string | null | undefined
    location?: string | null | undefined
    note?: string | undefined
    version?: number | undefined
  },
): Promise<void> {
  const now = ctx.clock.now()
  const row = await loadInterview(tx, id)
  if (!onTeam(caller, row.company_id))
    throw new AppError('forbidden', 'Only the company’s hiring team can reschedule')
  checkVersion(row, input.version)
  if (row.status !== 'proposed' && row.status !== 'confirmed')
    refuseState(row, 'rescheduled', 'proposed or confirmed')
  const timeZone = input.time_zone ? timeZoneOf(input.time_zone, 'body.time_zone') : row.time_zone
  const duration = input.duration_minutes ?? row.duration_minutes
  const slots = slotInstants(input.slots, timeZone, duration, now)
  const wasConfirmed = row.status === 'confirmed'
  const sequence = wasConfirmed ? row.sequence + 1 : row.sequence
  const round = row.round + 1
  const before = wasConfirmed ? await getInterview(tx, id) : null
  await update(
    tx,
    row,
    {
      status: 'proposed',
      awaiting: 'recruiter',
      starts_at: null,
      ends_at: null,
      sequence,
      round,
      time_zone: timeZone,
      duration_minutes: duration,
      ...(input.meeting_link !== undefined ? { meeting_link: input.meeting_link } : {}),
      ...(input.location !== undefined ? { location: input.location || null } : {}),
      recruiter_note: null,
      reminder_24h_at: null,
      reminder_1h_at: null,
      updated_at: now,
    },
    input.version,
  )
  await tx
    .updateTable('ats.interview_slots')
    .set({ status: 'withdrawn' })
    .where('interview_id', '=', id)
    .where('status', 'in', ['open', 'chosen'])
    .execute()
  await insertSlots(tx, row, round, slots)
  await history(tx, row, {
    action: 'rescheduled',
    from: row.status,
    to: 'proposed',
    sequence,
    startsAt: row.starts_at,
    note: input.note ?? null,
    by: caller.userId,
    now,
  })
  const i = await getInterview(tx, id)
  const times = slots.map((s) => `• ${whenWords(s.start, timeZone)}`).join('\n')
  const out = notices(
    i,
    'interview.rescheduled',
    `interview:${i.id}:rescheduled:${round}`,
    [i.recruiter_user_id],
    caller.userId,
    {
      title: `Interview rescheduled: ${subject(i)}`,
      body: `${i.company_name} proposes new times${input.note ? ` (“${input.note}”)` : ''}. Choose one with your candidate:\n${times}`,
    },
  )
  if (before && row.starts_at && row.ends_at) {
    // the old time is off everyone's calendar until a new one is confirmed
    const ics = await invitationText(ctx, tx, before, 'CANCEL', {
      start: row.starts_at,
      end: row.ends_at,
      sequence,
    })
    const calendarNotices = notices(
      i,
      'interview.rescheduled',
      `interview:${i.id}:rescheduled:${round}:calendar`,
      [...teamUserIds(i), i.recruiter_user_id],
      null,
      {
        title: `Interview moved: ${subject(i)}`,
        body: `The interview on ${whenWords(row.starts_at, row.time_zone)} no longer holds: new times are proposed. The calendar cancellation is attached.`,
      },
      calendarPart('CANCEL', ics),
    )
    out.push(...calendarNotices)
  }
  await notify(ctx, tx, out)
}

/** Either side cancels, with a reason; a confirmed interview's invitation is withdrawn (CANCEL). */
export async function cancelInterview(
  ctx: AppContext,
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  input: { reason: string; version?: number | undefined },
): Promise<void> {
  const now = ctx.clock.now()
  const row = await loadInterview(tx, id)
  const team = onTeam(caller, row.company_id)
  const recruiter = caller.recruiterId !== null && caller.recruiterId === row.recruiter_id
  if (!team && !recruiter)
    throw new AppError('forbidden', 'Only the hiring team or the submitting recruiter can cancel')
  checkVersion(row, input.version)
  if (row.status !== 'proposed' && row.status !== 'confirmed')
    refuseState(row, 'cancelled', 'proposed or confirmed')
  const wasConfirmed = row.status === 'confirmed'
  const sequence = wasConfirmed ? row.sequence + 1 : row.sequence
  await update(
    tx,
    row,
    {
      status: 'cancelled',
      awaiting: null,
      sequence,
      cancel_reason: input.reason,
      cancelled_by: caller.userId,
      updated_at: now,
    },
    input.version,
  )
  await tx
    .updateTable('ats.interview_slots')
    .set({ status: 'withdrawn' })
    .where('interview_id', '=', id)
    .where('status', 'in', ['open', 'chosen'])
    .execute()
  await history(tx, row, {
    action: 'cancelled',
    from: row.status,
    to: 'cancelled',
    sequence,
    startsAt: row.starts_at,
    note: input.reason,
    by: caller.userId,
    now,
  })
  const i = await getInterview(tx, id)
  const when = row.starts_at ? ` on ${whenWords(row.starts_at, row.time_zone)}` : ''
  const words = {
    title: `Interview cancelled: ${subject(i)}`,
    body: `The interview${when} is cancelled: “${input.reason}”${wasConfirmed ? '. The calendar cancellation is attached.' : ''}`,
  }
  const everyone = [...teamUserIds(i), i.recruiter_user_id]
  const ics =
    wasConfirmed && row.starts_at && row.ends_at
      ? await invitationText(ctx, tx, i, 'CANCEL', { start: row.starts_at, end: row.ends_at, sequence })
      : null
  await notify(
    ctx,
    tx,
    // with a calendar event to remove, the one who cancelled gets the cancellation too
    notices(
      i,
      'interview.cancelled',
      `interview:${i.id}:cancelled`,
      everyone,
      ics ? null : caller.userId,
      words,
      ics ? calendarPart('CANCEL', ics) : undefined,
    ),
  )
}

/** The hiring team marks a confirmed interview that has ended as completed; feedback is asked if not yet. */
export async function completeInterview(
  ctx: AppContext,
  tx: RecruitingTx,
  caller: SplitsCaller,
  id: string,
  input: { version?: number | undefined },
): Promise<void> {
  const now = ctx.clock.now()
  const row = await loadInterview(tx, id)
  if (!onTeam(caller, row.company_id))
    throw new AppError('forbidden', 'Only the company’s hiring team can complete an interview')
  checkVersion(row, input.version)
  if (row.status !== 'confirmed') refuseState(row, 'completed', 'confirmed')
  if (!row.ends_at || row.ends_at.getTime() > now.getTime()) {
    throw new AppError(
      'interview_not_ended',
      `The interview ends at ${row.ends_at?.toISOString()}: complete it afterwards`,
      {
        meta: { ends_at: row.ends_at?.toISOString() },
      },
    )
  }
  await update(
    tx,
    row,
    { status: 'completed', completed_at: now, completed_by: caller.userId, updated_at: now },
    input.version,
  )
  await history(tx, row, {
    action: 'completed',
    from: 'confirmed',
    to: 'completed',
    sequence: row.sequence,
    startsAt: row.starts_at,
    by: caller.userId,
    now,
  })
  await requestFeedback(ctx, tx, id, now)
}

/**
 * Asks the interviewers for their feedback, once per interview: the claim is an UPDATE of
 * `feedback_requested_at` from null, so a job running twice, or a completion racing the job,
 * asks once.
 */
export async function requestFeedback(
  ctx: AppContext,
  tx: RecruitingTx,
  id: string,
  now: Date,
): Promise<boolean> {
  const claimed = await tx
    .updateTable('ats.interviews')
    .set({ feedback_requested_at: now })
    .where('id', '=', id)
    .where('feedback_requested_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  if (!claimed) return false
  const i = await getInterview(tx, id)
  await notify(
    ctx,
    tx,
    notices(
      i,
      'interview.feedback_requested',
      `interview:${i.id}:feedback`,
      i.interviewers.map((p) => p.user_id),
      null,
      {
        title: `Your feedback: ${subject(i)}`,
        body: `The interview on ${i.starts_at ? whenWords(i.starts_at, i.time_zone) : ''} has ended. Please give your feedback while it is fresh.`,
        link: feedbackLink(i),
      },
    ),
  )
  return true
}

/** Local wall time words for tests and the seed: "2027-03-26T10:00" of an instant in a zone. */
export function wallTime(at: Date, timeZone: string): string {
  const l = localTime(at, timeZone)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${l.year}-${p(l.month)}-${p(l.day)}T${p(l.hour)}:${p(l.minute)}`
}
