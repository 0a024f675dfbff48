import { z } from 'zod'
import { ZIdParams } from '../../kernel/http/schemas.ts'
import { intelligenceRoute as route, who } from './caller.ts'
import { agreementSeries, listDecisions, verifyDecisionChain } from './decisions.ts'
import { fairnessReport } from './fairness.ts'
import { recruiterFitForRole } from './fit.ts'
import { listModels, refitModel } from './learning.ts'
import { decideMatch, getMatch, listMatches, presentOne, submissionPrefill } from './matches.ts'
import { tellRecruiterOfAcceptance } from './notices.ts'
import {
  ZAccepted,
  ZDecisionList,
  ZDecisionQuery,
  ZFairness,
  ZMatch,
  ZMatchList,
  ZMatchQuery,
  ZModelVersion,
  ZRecruiterFit,
  ZRejectBody,
} from './schemas.ts'

const tags = ['matching']
const adminTags = ['matching-admin']
const NOT_YOURS =
  'A suggestion the caller may not see answers 404; one already decided answers 409 match_already_decided.'

/** Explainable matching: suggestions to review, decisions, the decision log and the model. */
export const matchingRoutes = [
  route.define({
    method: 'GET',
    url: '/api/matches',
    operationId: 'listMatches',
    summary: 'Suggested matches to review, best first, each factor explained',
    description:
      'A recruiter gets suggestions for the candidates they represent on open roles they can see; a hiring team for its company’s roles (a profile, not a name, until a recruiter submits); platform admins all. Only scores at or above the configured threshold are listed. Keyset-paged by score.',
    tags,
    access: who.reviewers,
    query: ZMatchQuery,
    response: ZMatchList,
    handler: async ({ tx, caller, query, ctx }) => ({
      ...(await listMatches(tx, caller, query, ctx.config.matching.threshold)),
      threshold: ctx.config.matching.threshold,
    }),
  }),

  route.define({
    method: 'GET',
    url: '/api/matches/:id',
    operationId: 'getMatch',
    summary: 'One suggested match with its factors',
    description: 'A suggestion the caller may not see answers 404.',
    tags,
    access: who.reviewers,
    params: ZIdParams,
    response: ZMatch,
    handler: async ({ tx, caller, params, ctx }) =>
      presentOne(tx, await getMatch(tx, caller, params.id, ctx.config.matching.threshold)),
  }),

  route.define({
    method: 'POST',
    url: '/api/matches/:id/accept',
    operationId: 'acceptMatch',
    summary: 'Accept a suggestion: get the submission it pre-fills (nothing is submitted)',
    description: `The recruiter reviews the pre-filled submission and sends it with POST /api/applications. ${NOT_YOURS}`,
    tags,
    access: who.reviewers,
    params: ZIdParams,
    errors: [409],
    response: ZAccepted,
    handler: async ({ tx, caller, params, ctx }) => {
      const threshold = ctx.config.matching.threshold
      await decideMatch(tx, caller, params.id, { kind: 'accepted' }, threshold, ctx.clock.now())
      const row = await getMatch(tx, caller, params.id, threshold)
      const match = await presentOne(tx, row)
      await tellRecruiterOfAcceptance(ctx, tx, caller, row, match.role.company_name)
      return { match, prefill: submissionPrefill(row) }
    },
  }),

  route.define({
    method: 'POST',
    url: '/api/matches/:id/reject',
    operationId: 'rejectMatch',
    summary: 'Reject a suggestion, saying why',
    description: `The reason is kept in the decision log and teaches the next model. ${NOT_YOURS}`,
    tags,
    access: who.reviewers,
    params: ZIdParams,
    body: ZRejectBody,
    errors: [409],
    response: ZMatch,
    handler: async ({ tx, caller, params, body, ctx }) => {
      const threshold = ctx.config.matching.threshold
      await decideMatch(
        tx,
        caller,
        params.id,
        { kind: 'rejected', reason: body.reason },
        threshold,
        ctx.clock.now(),
      )
      return presentOne(tx, await getMatch(tx, caller, params.id, threshold))
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/matches/recruiter-fit',
    operationId: 'recruiterFitForRole',
    summary: 'Recruiters who fit a role, each score explained',
    description:
      'Specialisation, placements in the role’s function and industry, time to placement and current workload. Advice for the hiring team: nothing is sent. Another company’s role answers 404.',
    tags,
    access: who.team,
    query: z.strictObject({ role_id: z.uuid() }),
    response: ZRecruiterFit,
    handler: async ({ tx, caller, query }) => recruiterFitForRole(tx, caller, query.role_id),
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/decisions',
    operationId: 'listDecisions',
    summary: 'The decision audit log: suggestions, human decisions and overrides, model changes',
    description:
      'Newest first, keyset-paged, with the AI-vs-human agreement rate per day over the period and a verification of the hash chain.',
    tags: adminTags,
    access: who.admin,
    query: ZDecisionQuery,
    response: ZDecisionList,
    handler: async ({ tx, query, ctx }) => {
      const now = ctx.clock.now()
      const from = query.from
        ? new Date(`${query.from}T00:00:00Z`)
        : new Date(now.getTime() - 90 * 86_400_000)
      const to = query.to
        ? new Date(`${query.to}T00:00:00Z`)
        : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))
      const page = await listDecisions(tx, {
        kind: query.kind,
        source: query.source,
        match_id: query.match_id,
        subject_id: query.subject_id,
        agrees: query.agrees === undefined ? undefined : query.agrees === 'true',
        from: from.toISOString(),
        to: to.toISOString(),
        cursor: query.starting_after,
        limit: query.limit,
      })
      return {
        ...page,
        data: page.data.map((d) => ({
          ...d,
          seq: d.seq.toString(),
          factors: d.factors as Record<string, unknown> | Record<string, unknown>[] | null,
        })),
        agreement: await agreementSeries(tx, from, to),
        chain: await verifyDecisionChain(tx),
      }
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/matching/models',
    operationId: 'listMatchingModels',
    summary: 'Versions of the matching model with their weights and evaluation',
    tags: adminTags,
    access: who.admin,
    response: z.object({ data: z.array(ZModelVersion) }),
    handler: async ({ tx }) => ({ data: (await listModels(tx)) as never }),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/matching/models/refit',
    operationId: 'refitMatchingModel',
    summary: 'Fit new weights from decided suggestions; promoted only if better on held-out outcomes',
    description: 'Too few outcomes (or only one kind) answer 409 not_enough_outcomes.',
    tags: adminTags,
    access: who.admin,
    status: 201,
    errors: [409],
    response: ZModelVersion,
    handler: async ({ tx, caller, ctx }) => (await refitModel(tx, ctx.clock.now(), caller.role)) as never,
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/matching/fairness',
    operationId: 'matchingFairness',
    summary: 'Selection rates per model version by country and seniority, four-fifths ratio flagged',
    tags: adminTags,
    access: who.admin,
    response: ZFairness,
    handler: async ({ tx }) => ({ data: await fairnessReport(tx) }),
  }),
]
