import { z } from 'zod'
import { AppError } from '../../../kernel/errors.ts'
import { access } from '../../../kernel/http/access.ts'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route, SPLITS_ROLES, TEAM } from '../route.ts'
import { invitationText } from './invitation.ts'
import { interviewOut } from './presenter.ts'
import { getInterview, listInterviews } from './queries.ts'
import {
  ZCancel,
  ZComplete,
  ZConfirm,
  ZDecline,
  ZInterview,
  ZInterviewList,
  ZInterviewListQuery,
  ZProposal,
  ZReschedule,
} from './schemas.ts'
import {
  cancelInterview,
  completeInterview,
  confirmInterview,
  declineInterview,
  proposeInterview,
  rescheduleInterview,
} from './service.ts'

const tags = ['interviews']
const viewers = access.roles(
  SPLITS_ROLES,
  'The submitting recruiter, the company’s hiring team, platform admins (enforced again by row-level security).',
)
const team = access.roles(
  TEAM,
  'The company’s hiring team (company admins, hiring managers) and platform admins.',
)
const recruiter = access.roles(['recruiter'], 'The recruiter who submitted the candidate.')
const sides = access.roles(
  ['recruiter', ...TEAM],
  'The company’s hiring team or the recruiter who submitted the candidate.',
)
const versionNote =
  'Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.'

/** Interviews on applications: proposals, confirmation, reschedule, cancel, completion, the invitation. */
export const interviewRoutes = [
  route.define({
    method: 'POST',
    url: '/api/interviews',
    operationId: 'proposeInterview',
    summary: 'Propose interview times for an application (hiring team)',
    description:
      'One to five times, in the meeting’s IANA time zone. Refused: a time in the past (422 interview_in_past) or more than a year ahead (422 interview_too_far_ahead), one overlapping another proposed or confirmed interview of the candidate (409 interview_overlap, checked by an exclusion constraint), a time zone that is not one (400 invalid_time_zone), interviewers not on the company’s hiring team (422).',
    tags,
    access: team,
    body: ZProposal,
    status: 201,
    errors: [409, 422],
    response: ZInterview,
    handler: async ({ tx, caller, body, ctx }) => {
      const id = await proposeInterview(ctx, tx, caller, body)
      return interviewOut(await getInterview(tx, id), ctx.clock.now())
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/interviews',
    operationId: 'listInterviews',
    summary: 'My interviews: upcoming (soonest first) or past',
    description:
      'A recruiter’s (their candidates’), a hiring team’s (their companies’), a platform admin’s (all). Filters: scope, status, application, role. Paged: pass `next_cursor` as `starting_after` (interviews at the same time are neither skipped nor repeated).',
    tags,
    access: viewers,
    query: ZInterviewListQuery,
    response: ZInterviewList,
    handler: async ({ tx, caller, query, ctx }) => {
      const now = ctx.clock.now()
      const page = await listInterviews(tx, caller, query, now)
      return { ...page, data: page.data.map((i) => interviewOut(i, now)) }
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/interviews/:id',
    operationId: 'getInterview',
    summary: 'One interview with its times, interviewers and history',
    tags,
    access: viewers,
    params: ZIdParams,
    response: ZInterview,
    handler: async ({ tx, params, ctx }) => interviewOut(await getInterview(tx, params.id), ctx.clock.now()),
  }),
  route.define({
    method: 'POST',
    url: '/api/interviews/:id/confirm',
    operationId: 'confirmInterview',
    summary: 'Confirm one of the proposed times for your candidate (the submitting recruiter)',
    description: `Sends the calendar invitation (METHOD:REQUEST) to the interviewers and you. ${versionNote}`,
    tags,
    access: recruiter,
    params: ZIdParams,
    body: ZConfirm,
    errors: [409, 422],
    response: ZInterview,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await confirmInterview(ctx, tx, caller, params.id, body)
      return interviewOut(await getInterview(tx, params.id), ctx.clock.now())
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/interviews/:id/decline',
    operationId: 'declineInterview',
    summary: 'None of the times work: ask the hiring team for others, with a note',
    description: versionNote,
    tags,
    access: recruiter,
    params: ZIdParams,
    body: ZDecline,
    errors: [409],
    response: ZInterview,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await declineInterview(ctx, tx, caller, params.id, body)
      return interviewOut(await getInterview(tx, params.id), ctx.clock.now())
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/interviews/:id/reschedule',
    operationId: 'rescheduleInterview',
    summary: 'Propose new times (hiring team); the earlier ones stay in the history',
    description: `A confirmed interview’s calendar event is cancelled (SEQUENCE up) until a new time is confirmed under the same UID. ${versionNote}`,
    tags,
    access: team,
    params: ZIdParams,
    body: ZReschedule,
    errors: [409, 422],
    response: ZInterview,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await rescheduleInterview(ctx, tx, caller, params.id, body)
      return interviewOut(await getInterview(tx, params.id), ctx.clock.now())
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/interviews/:id/cancel',
    operationId: 'cancelInterview',
    summary: 'Cancel an interview, with a reason (hiring team or the submitting recruiter)',
    description: `A confirmed interview’s attendees get METHOD:CANCEL. ${versionNote}`,
    tags,
    access: sides,
    params: ZIdParams,
    body: ZCancel,
    errors: [409],
    response: ZInterview,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await cancelInterview(ctx, tx, caller, params.id, body)
      return interviewOut(await getInterview(tx, params.id), ctx.clock.now())
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/interviews/:id/complete',
    operationId: 'completeInterview',
    summary:
      'Mark an interview that has ended as completed (hiring team); interviewers are asked for feedback',
    description: `Before its end: 409 interview_not_ended. ${versionNote}`,
    tags,
    access: team,
    params: ZIdParams,
    body: ZComplete,
    errors: [409],
    response: ZInterview,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await completeInterview(ctx, tx, caller, params.id, body)
      return interviewOut(await getInterview(tx, params.id), ctx.clock.now())
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/interviews/:id/invite.ics',
    operationId: 'downloadInterviewInvitation',
    summary: 'The interview’s calendar invitation (RFC 5545 .ics)',
    description:
      'Confirmed or completed: METHOD:REQUEST at the confirmed time; cancelled after confirmation: METHOD:CANCEL. The event has a stable UID and the current SEQUENCE; times carry the meeting’s TZID with its VTIMEZONE. Before a time is confirmed: 409.',
    tags,
    access: viewers,
    params: ZIdParams,
    errors: [409],
    response: z.string().describe('text/calendar'),
    handler: async ({ tx, params, reply, ctx }) => {
      const i = await getInterview(tx, params.id)
      const confirmed = [...i.history].reverse().find((h) => h.action === 'confirmed')
      const live = i.status === 'confirmed' || i.status === 'completed'
      const at = live ? i.starts_at : confirmed && i.status === 'cancelled' ? confirmed.starts_at : null
      if (!at) {
        throw new AppError(
          'invalid_state_transition',
          'No time is confirmed yet: there is no invitation to download',
          {
            meta: { status: i.status },
          },
        )
      }
      const end = new Date(at.getTime() + i.duration_minutes * 60_000)
      const ics = await invitationText(ctx, tx, i, live ? 'REQUEST' : 'CANCEL', {
        start: at,
        end: live && i.ends_at ? i.ends_at : end,
        sequence: i.sequence,
      })
      return reply
        .type('text/calendar; charset=utf-8; method=' + (live ? 'REQUEST' : 'CANCEL'))
        .header('content-disposition', `attachment; filename="interview-${i.id}.ics"`)
        .send(ics)
    },
  }),
]
