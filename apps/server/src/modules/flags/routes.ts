import type { FastifyReply } from 'fastify'
import type { AppContext } from '../../kernel/context.ts'
import { flagsRoute as route, who } from './caller.ts'
import {
  ZCreateFlag,
  ZDeleteQuery,
  ZEvaluatedFlags,
  ZFlag,
  ZFlagHistory,
  ZFlagKeyParams,
  ZFlagList,
  ZUpdateFlag,
} from './schemas.ts'
import { clientFlags, subjectOfPrincipal } from './service.ts'
import { createFlag, deleteFlag, flagHistory, getFlag, listFlags, updateFlag } from './store.ts'

const tags = ['flags-admin']
const BAD_INPUT =
  'A rule on an attribute flags cannot target answers 422 flag_unknown_targeting_key; a percentage outside 0–100 answers 422 flag_invalid_percentage; an unknown variant 422 flag_invalid_variants. Nothing is changed on error.'

/**
 * Drops this process's cached flags now (other processes hear NOTIFY at commit) and again once the
 * answer is sent, i.e. after the commit, so no evaluation keeps what was read in between.
 */
function invalidateOnCommit(ctx: AppContext, reply: FastifyReply): void {
  ctx.services.flags?.cache.invalidate()
  reply.raw.once('finish', () => ctx.services.flags?.cache.invalidate())
}

const actorOf = (principal: { userId: string } | null) => ({
  userId: principal?.userId ?? null,
  role: 'platform_admin',
})

/** Feature flags: the admin's CRUD and history, and the web app's evaluated flags. */
export const flagRoutes = [
  route.define({
    method: 'GET',
    url: '/api/admin/flags',
    operationId: 'listFlags',
    summary: 'Every feature flag with its state, targeting rules and rollout',
    tags,
    access: who.admin,
    response: ZFlagList,
    handler: async ({ tx }) => ({ data: await listFlags(tx) }),
  }),

  route.define({
    method: 'POST',
    url: '/api/admin/flags',
    operationId: 'createFlag',
    summary: 'Create a feature flag',
    description: `A key in use answers 409 flag_key_taken (of concurrent creates, exactly one wins). ${BAD_INPUT}`,
    tags,
    access: who.admin,
    body: ZCreateFlag,
    status: 201,
    errors: [409, 422],
    response: ZFlag,
    handler: async ({ tx, body, caller, ctx, reply }) => {
      invalidateOnCommit(ctx, reply)
      return createFlag(tx, body, actorOf(caller.principal), ctx.clock.now())
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/flags/:key',
    operationId: 'getFlag',
    summary: 'One feature flag',
    tags,
    access: who.admin,
    params: ZFlagKeyParams,
    errors: [404],
    response: ZFlag,
    handler: async ({ tx, params }) => getFlag(tx, params.key),
  }),

  route.define({
    method: 'PATCH',
    url: '/api/admin/flags/:key',
    operationId: 'updateFlag',
    summary: 'Change a feature flag (kill switch, rules, rollout…) at the version you saw',
    description: `A stale \`version\` answers 409 flag_version_stale. ${BAD_INPUT}`,
    tags,
    access: who.admin,
    params: ZFlagKeyParams,
    body: ZUpdateFlag,
    errors: [404, 409, 422],
    response: ZFlag,
    handler: async ({ tx, params, body, caller, ctx, reply }) => {
      invalidateOnCommit(ctx, reply)
      const { version, ...changes } = body
      return updateFlag(tx, params.key, version, changes, actorOf(caller.principal), ctx.clock.now())
    },
  }),

  route.define({
    method: 'DELETE',
    url: '/api/admin/flags/:key',
    operationId: 'deleteFlag',
    summary: 'Delete a feature flag (its history stays)',
    description:
      'A stale `version` answers 409 flag_version_stale. Code asking for a deleted flag gets its default.',
    tags,
    access: who.admin,
    params: ZFlagKeyParams,
    query: ZDeleteQuery,
    errors: [404, 409],
    response: null,
    handler: async ({ tx, params, query, caller, ctx, reply }) => {
      invalidateOnCommit(ctx, reply)
      await deleteFlag(
        tx,
        params.key,
        query.version,
        query.reason ?? null,
        actorOf(caller.principal),
        ctx.clock.now(),
      )
    },
  }),

  route.define({
    method: 'GET',
    url: '/api/admin/flags/:key/history',
    operationId: 'flagHistory',
    summary: 'A flag’s changes, newest first: who, when, before, after and why',
    tags,
    access: who.admin,
    params: ZFlagKeyParams,
    response: ZFlagHistory,
    handler: async ({ tx, params }) => ({ data: await flagHistory(tx, params.key) }),
  }),

  route.define({
    method: 'GET',
    url: '/api/flags',
    operationId: 'evaluatedFlags',
    summary: 'The client-visible feature flags, evaluated for the caller',
    tags: ['flags'],
    access: who.anyone,
    optionalAuth: true,
    response: ZEvaluatedFlags,
    handler: async ({ tx, caller, ctx }) => ({
      flags: (await clientFlags(
        ctx,
        await subjectOfPrincipal(tx, caller.principal, ctx.clock.now()),
      )) as never,
    }),
  }),
]
