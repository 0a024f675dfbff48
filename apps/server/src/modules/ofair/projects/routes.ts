import { ZIdParams } from '../../../kernel/http/schemas.ts'
import { ofairRoute as route, who } from '../route.ts'
import { leadProject, projectView } from './queries.ts'
import { ZMilestoneIn, ZMilestoneParams, ZMilestoneStatusIn, ZProject, ZProjectUpdateIn } from './schemas.ts'
import { addMilestone, advanceMilestone, postProjectUpdate } from './service.ts'

const tags = ['ofair-projects']

export const projectRoutes = [
  route.define({
    method: 'GET',
    url: '/api/ofair/leads/:id/project',
    operationId: 'getOfairLeadProject',
    summary: 'The project of an accepted lead: milestones and the performer’s status updates',
    description: 'Only the lead’s owner and the performer see it; anyone else gets a 404.',
    tags,
    access: who.members,
    params: ZIdParams,
    response: ZProject,
    handler: ({ tx, caller, params }) => leadProject(tx, caller, params.id),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/projects/:id',
    operationId: 'getOfairProject',
    summary: 'A project, for its two sides',
    tags,
    access: who.members,
    params: ZIdParams,
    response: ZProject,
    handler: ({ tx, caller, params }) => projectView(tx, caller, params.id),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/projects/:id/milestones',
    operationId: 'addOfairProjectMilestone',
    summary: 'Either side adds a milestone (title, optional due date and amount)',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZMilestoneIn,
    status: 201,
    response: ZProject,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await addMilestone(tx, caller, params.id, body, ctx.clock.now())
      return projectView(tx, caller, params.id)
    },
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/projects/:id/milestones/:milestone_id',
    operationId: 'advanceOfairProjectMilestone',
    summary: 'The performer moves a milestone one step forward (pending → in_progress → done)',
    description:
      'Another step is a 409 `milestone_transition_not_allowed`; a stale version a 409 `version_conflict`; the lead’s owner a 403.',
    tags,
    access: who.members,
    params: ZMilestoneParams,
    body: ZMilestoneStatusIn,
    errors: [409],
    response: ZProject,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await advanceMilestone(tx, caller, params.id, params.milestone_id, body, ctx.clock.now())
      return projectView(tx, caller, params.id)
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/projects/:id/updates',
    operationId: 'postOfairProjectUpdate',
    summary: 'The performer posts a status update for the lead’s owner (plain text)',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZProjectUpdateIn,
    status: 201,
    response: ZProject,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await postProjectUpdate(tx, caller, params.id, body.body, ctx.clock.now())
      return projectView(tx, caller, params.id)
    },
  }),
]
