import { z } from 'zod'
import { access } from '../../../kernel/http/access.ts'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { recruitingRoute as route, SPLITS_ROLES, TEAM } from '../route.ts'
import { noteOut } from './presenter.ts'
import { listNotes } from './queries.ts'
import { ZNote, ZNoteIn, ZNotes, ZScorecard, ZScorecardIn } from './schemas.ts'
import { getScorecard, putScorecard } from './scorecard.ts'
import { addNote } from './service.ts'

const VISIBILITY =
  'Each kind has a visibility: information requests, responses and pitches are read by both sides; interview feedback by the hiring team unless shared (`share: true`); decision notes by both sides unless kept (`share: false`); internal notes by the author’s side only. Platform admins read all and write none. Row-level security applies the same rule.'

/** Typed notes and feedback on applications; scorecards on roles. See notes/README section in recruiting/README.md. */
export const noteRoutes = [
  route.define({
    method: 'GET',
    url: '/api/applications/:id/notes',
    operationId: 'listApplicationNotes',
    summary: 'Notes and feedback on an application you can see, with the scorecard summary',
    description: VISIBILITY,
    tags: ['applications'],
    access: access.roles(
      SPLITS_ROLES,
      'The submitting recruiter and the company’s hiring team (each sees its side’s notes), platform admins.',
    ),
    params: ZIdParams,
    // no paging or filters: an unknown parameter is a 400, not silently ignored
    query: z.strictObject({}),
    response: ZNotes,
    handler: async ({ tx, caller, params }) => {
      const notes = await listNotes(tx, caller, params.id)
      return { ...notes, data: notes.data.map(noteOut) }
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/applications/:id/notes',
    operationId: 'addApplicationNote',
    summary:
      'Add a note: information request or response, pitch, interview feedback, decision or internal note',
    description: `${VISIBILITY} Notes are never edited or deleted: a correction is a new note. An information request is answered once, by the other side (409 request_already_answered after that).`,
    tags: ['applications'],
    access: access.roles(
      ['recruiter', 'company_admin', 'hiring_manager'],
      'The submitting recruiter (pitches, requests, responses, internal notes) and the company’s hiring team (every kind but pitches).',
    ),
    params: ZIdParams,
    body: ZNoteIn,
    status: 201,
    errors: [409],
    response: ZNote,
    handler: async ({ tx, caller, params, body, ctx }) =>
      noteOut(await addNote(tx, caller, params.id, body, ctx.clock.now())),
  }),

  route.define({
    method: 'GET',
    url: '/api/roles/:id/scorecard',
    operationId: 'getRoleScorecard',
    summary:
      'The criteria candidates for a role are rated on (the default template until the team sets its own)',
    tags: ['roles'],
    access: access.roles(SPLITS_ROLES, 'Whoever may see the role.'),
    params: ZIdParams,
    response: ZScorecard,
    handler: async ({ tx, caller, params }) => getScorecard(tx, caller, params.id),
  }),

  route.define({
    method: 'PUT',
    url: '/api/roles/:id/scorecard',
    operationId: 'putRoleScorecard',
    summary: 'Set a role’s scorecard criteria (name, description, weight 1-5)',
    description:
      'Replaces the list. Send the `version` you loaded: a change made by someone else since answers 409 version_conflict. Feedback already given keeps the names and weights it was rated with.',
    tags: ['roles'],
    access: access.roles(TEAM, 'The company’s hiring team and platform admins.'),
    params: ZIdParams,
    body: ZScorecardIn,
    errors: [409],
    response: ZScorecard,
    handler: async ({ tx, caller, params, body, ctx }) =>
      putScorecard(tx, caller, params.id, body, ctx.clock.now()),
  }),
]
