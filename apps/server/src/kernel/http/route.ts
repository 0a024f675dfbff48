import type { FastifyReply, FastifyRequest, FastifySchema, FastifySchemaCompiler } from 'fastify'
import { validatorCompiler } from 'fastify-type-provider-zod'
import type { Transaction } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { anonymousActor, inTransaction, type TransactionOptions } from '../db/transaction.ts'
import type { ErrorStatus } from '../errors.ts'
import type { AppFastify } from '../module.ts'
import { type Access, actorOf, type Principal } from './access.ts'
import {
  claimIdempotencyKey,
  IDEMPOTENCY_HEADER,
  idempotencyKeyOf,
  releaseIdempotencyKey,
  requestHash,
  storeIdempotentAnswer,
} from './idempotency.ts'
import { ZProblem } from './schemas.ts'

/**
 * One way to write an HTTP route: declare it, validate its input, call one service, return.
 *
 * The runner resolves the caller once (who the principal is in the module's marketplace), runs
 * the handler in one transaction as that caller (row-level security sees who it is), turns dates
 * and bigints into strings, and documents the route for the API reference: operationId, tags,
 * security scheme and every problem answer it can give. Errors are mapped once, by the server's
 * error handler. Handlers never open transactions or catch errors themselves.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Marks an operation whose body may be absent; the API document's `requestBody.required` follows it. */
export const BODY_OPTIONAL = 'x-body-optional'

/** What a handler may return where the schema says string: a Date or a bigint becomes one on the wire. */
export type Wire<T> = T extends string
  ? string | Date | bigint
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined

/** The principal alone: the caller of modules that need no more. */
export interface BaseCaller {
  principal: Principal | null
}

export interface RouteInput<TCaller, TTx, TParams, TQuery, TBody> {
  caller: TCaller
  /** The request's transaction, as the caller. Absent on routes declared `transaction: false`. */
  tx: TTx
  params: TParams
  query: TQuery
  body: TBody
  ctx: AppContext
  request: FastifyRequest
  reply: FastifyReply
}

export interface RouteSpec<
  TCaller,
  TTx,
  TParams extends z.ZodType | undefined,
  TQuery extends z.ZodType | undefined,
  TBody extends z.ZodType | undefined,
  TResponse extends z.ZodType | null,
> {
  method: HttpMethod
  url: string
  /** Unique, camelCase: what SDK generators name the method (`listRoles`, `createCandidate`). */
  operationId: string
  summary: string
  description?: string
  /** Defaults to the module's tag. */
  tags?: readonly string[]
  access: Access
  params?: TParams
  query?: TQuery
  body?: TBody
  /**
   * A multipart/form-data body: documented with this schema, but not parsed or validated by the
   * runner; the handler reads it as a stream (`request.parts()`, in a scope with @fastify/multipart).
   */
  formData?: z.ZodType
  /** The success body; `null` for 204 No Content. */
  response: TResponse
  /** 200 by default (204 when `response` is null). */
  status?: 200 | 201 | 202 | 204
  /**
   * Problem answers beyond those the declaration implies (400 for input, 401/403 for access,
   * 404 for an id in the path): e.g. 409 for a state conflict, 429 for a limit.
   */
  errors?: readonly ErrorStatus[]
  /** Cookie-authenticated mutations need the CSRF header unless false (sign-in steps). */
  csrf?: boolean
  formBody?: boolean
  /** A public route that still wants to know who calls. */
  optionalAuth?: boolean
  /** Isolation and retries of the request's transaction, or false for a handler without one. */
  transaction?: TransactionOptions | false
  /** Left out of the API reference (test hooks, the web app). */
  hide?: boolean
  /**
   * Money-moving commands: accept an `Idempotency-Key` header with Stripe's meaning (a replay
   * returns the first answer; the same key with a different request is a 409).
   */
  idempotent?: boolean
  handler(
    input: RouteInput<TCaller, TTx, Infer<TParams>, Infer<TQuery>, Infer<TBody>>,
    // biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler may simply end (void) or return nothing
  ): Promise<TResponse extends z.ZodType ? Wire<z.input<TResponse>> : undefined | null | void>
}

// biome-ignore lint/suspicious/noExplicitAny: a registry of routes with every kind of schema
export type AnyRouteSpec<TCaller = any, TTx = any> = RouteSpec<TCaller, TTx, any, any, any, any>

/**
 * How a module's routes learn who calls: a resolver run inside the request's transaction. It must
 * derive the caller from the principal and from facts that never change once they exist (a
 * recruiter profile's id, a company's id): the result is then kept with the principal object,
 * which identity's session cache reuses for a few seconds and replaces whenever the person
 * changes, so a busy client does not pay for it on every request.
 */
export interface RouteBinding<DB, TCaller extends BaseCaller> {
  /** The API reference section of the module's routes, unless a route names its own. */
  tag: string
  resolveCaller?: (tx: Transaction<DB>, principal: Principal | null, ctx: AppContext) => Promise<TCaller>
}

export interface ModuleRoutes<DB, TCaller extends BaseCaller> {
  /** Declares a route (typed by its schemas); `mount` registers a list of them. */
  define<
    TParams extends z.ZodType | undefined = undefined,
    TQuery extends z.ZodType | undefined = undefined,
    TBody extends z.ZodType | undefined = undefined,
    TResponse extends z.ZodType | null = null,
  >(
    spec: RouteSpec<TCaller, Transaction<DB>, TParams, TQuery, TBody, TResponse>,
  ): AnyRouteSpec<TCaller, Transaction<DB>>
  mount(app: AppFastify, ctx: AppContext, specs: readonly AnyRouteSpec<TCaller, Transaction<DB>>[]): void
  binding: RouteBinding<DB, TCaller>
}

/**
 * The route kit of a module: `DB` is the module's own tables (the compiler refuses others'),
 * `TCaller` what it knows about the person calling.
 */
export function moduleRoutes<DB, TCaller extends BaseCaller = BaseCaller>(
  binding: RouteBinding<DB, TCaller>,
): ModuleRoutes<DB, TCaller> {
  // callers kept with their principal object (see RouteBinding); gone with it
  const callers = new WeakMap<Principal, TCaller>()
  return {
    binding,
    define: (spec) => spec as AnyRouteSpec<TCaller, Transaction<DB>>,
    mount(app, ctx, specs) {
      for (const spec of specs) mountRoute(app, ctx, binding, spec, callers)
    },
  }
}

const PATH_PARAM = /:([A-Za-z_]+)/g

function mountRoute<DB, TCaller extends BaseCaller>(
  app: AppFastify,
  ctx: AppContext,
  binding: RouteBinding<DB, TCaller>,
  spec: AnyRouteSpec<TCaller, Transaction<DB>>,
  callers: WeakMap<Principal, TCaller>,
): void {
  if (!/^[a-z][A-Za-z0-9]+$/.test(spec.operationId)) {
    throw new Error(`Route ${spec.method} ${spec.url}: operationId "${spec.operationId}" must be camelCase`)
  }
  const status = spec.status ?? (spec.response === null ? 204 : 200)
  const response: Record<number, z.ZodType> = {}
  // a 204 is documented too (SDK generators expect a success answer on every operation)
  response[status] = spec.response ?? z.null().describe('No content')
  for (const code of problemStatuses(spec)) response[code] = ZProblem
  if (spec.idempotent) response[409] = ZProblem

  const resolve = async (tx: Transaction<DB>, principal: Principal | null): Promise<TCaller> => {
    if (!binding.resolveCaller) return { principal } as TCaller
    const known = principal ? callers.get(principal) : undefined
    if (known) return known
    const caller = await binding.resolveCaller(tx, principal, ctx)
    if (principal) callers.set(principal, caller)
    return caller
  }

  app.route({
    method: spec.method,
    url: spec.url,
    config: {
      access: spec.access,
      ...(spec.csrf === false ? { csrf: false } : {}),
      ...(spec.formBody ? { formBody: true } : {}),
      ...(spec.optionalAuth ? { optionalAuth: true } : {}),
    },
    schema: {
      operationId: spec.operationId,
      tags: [...(spec.tags ?? [binding.tag])],
      summary: spec.summary,
      ...(spec.description || spec.idempotent
        ? {
            description: [
              spec.description,
              spec.idempotent
                ? 'Send an `Idempotency-Key` header (any unique string, e.g. a UUID) to make retries safe: a replay returns the first answer, the same key with a different request is a 409 `idempotency_key_reused`.'
                : undefined,
            ]
              .filter(Boolean)
              .join('\n\n'),
          }
        : {}),
      ...(spec.idempotent
        ? {
            headers: z.object({
              [IDEMPOTENCY_HEADER]: z
                .string()
                .min(1)
                .max(255)
                .optional()
                .describe('Makes the request safe to retry (see the description)'),
            }),
          }
        : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      // a body the route accepts absent (`.optional()`): the document says so (see server.ts)
      ...(spec.body?.safeParse(undefined).success ? { [BODY_OPTIONAL]: true } : {}),
      ...(spec.formData ? { body: spec.formData, consumes: ['multipart/form-data'] } : {}),
      response,
      security: spec.access.kind === 'public' ? [] : [{ session: [] }, { bearer: [] }],
      ...(spec.hide ? { hide: true } : {}),
    },
    ...(spec.formData
      ? {
          // the body is a stream the handler reads; the other parts are validated as usual
          validatorCompiler: ((req: Parameters<typeof validatorCompiler>[0]) =>
            req.httpPart === 'body'
              ? () => ({ value: undefined })
              : validatorCompiler(req)) as unknown as FastifySchemaCompiler<FastifySchema>,
        }
      : {}),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = request.principal
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        ctx,
        request,
        reply,
      }
      let result: unknown
      if (spec.transaction === false) {
        const actor = principal ? actorOf(principal) : anonymousActor
        // A handler that manages its own transactions (it calls a provider between them) claims its
        // Idempotency-Key in a short transaction of its own: a twin arriving meanwhile is told the
        // first is in progress; a failure releases the key so that a retry runs.
        const key = spec.idempotent ? idempotencyKeyOf(request.headers) : undefined
        const scope = principal?.userId ?? 'anonymous'
        const path = request.url.split('?')[0] ?? request.url
        if (key) {
          const hash = requestHash(request.method, request.url, request.body)
          const stored = await inTransaction(ctx.db, actor, (tx) =>
            claimIdempotencyKey(tx, { scope, key, hash, method: request.method, path }),
          )
          if (stored) {
            reply.header('idempotent-replayed', 'true')
            return reply.status(stored.status).send(stored.body ?? undefined)
          }
        }
        try {
          const caller = binding.resolveCaller
            ? await inTransaction(ctx.db, actor, (tx) => resolve(tx as unknown as Transaction<DB>, principal))
            : ({ principal } as TCaller)
          result = await spec.handler({ ...input, caller, tx: undefined as unknown as Transaction<DB> })
        } catch (err) {
          if (key)
            await inTransaction(ctx.db, actor, (tx) => releaseIdempotencyKey(tx, scope, key)).catch(() => {})
          throw err
        }
        if (key) {
          const wire = spec.response === null ? null : toWire(result)
          await inTransaction(ctx.db, actor, (tx) =>
            storeIdempotentAnswer(tx, scope, key, { status, body: wire }),
          )
        }
      } else {
        const key = spec.idempotent ? idempotencyKeyOf(request.headers) : undefined
        const scope = principal?.userId ?? 'anonymous'
        const path = request.url.split('?')[0] ?? request.url
        const held = holdBodyUntilCommit(reply)
        const outcome = await inTransaction(
          ctx.db,
          principal ? actorOf(principal) : anonymousActor,
          async (kyselyTx) => {
            const tx = kyselyTx as unknown as Transaction<DB>
            if (key) {
              const hash = requestHash(request.method, request.url, request.body)
              const stored = await claimIdempotencyKey(tx, { scope, key, hash, method: request.method, path })
              if (stored) return { replayed: stored }
            }
            const caller = await resolve(tx, principal)
            const value = await spec.handler({ ...input, reply: held.reply, caller, tx })
            const wire = spec.response === null || value === held.reply ? null : toWire(value)
            if (key) await storeIdempotentAnswer(tx, scope, key, { status, body: wire })
            return { wire }
          },
          { ...(spec.transaction ?? {}), requestId: request.id },
        ).catch((err: unknown) => {
          held.discard()
          throw err
        })
        if ('replayed' in outcome && outcome.replayed) {
          held.discard()
          reply.header('idempotent-replayed', 'true')
          if (spec.response === null) return reply.status(outcome.replayed.status).send()
          return reply.status(outcome.replayed.status).send(outcome.replayed.body)
        }
        result = 'wire' in outcome ? outcome.wire : undefined
        // the handler answered with its own body (a file, a page): it leaves only now, after the commit
        if (held.body) return reply.send(held.body.payload)
        if (reply.sent) return reply
        if (spec.response === null) return reply.status(status).send()
        return reply.status(status).send(result)
      }
      if (reply.sent) return reply
      if (spec.response === null) return reply.status(status).send()
      return reply.status(status).send(toWire(result))
    },
  })
}

/**
 * The handler's reply, with its body held back until the request's transaction has committed. A
 * handler that sends a file or a page itself (`reply.type(…).send(body)`) would otherwise answer
 * before the commit: the client could read, act and find its own change not there yet; and a
 * transaction retried after a serialization failure would answer twice. Status and headers pass
 * through; only `send` waits. A held stream that is never sent is destroyed.
 */
function holdBodyUntilCommit(reply: FastifyReply): {
  reply: FastifyReply
  readonly body: { payload: unknown } | undefined
  discard(): void
} {
  let body: { payload: unknown } | undefined
  const drop = () => {
    const payload = body?.payload as { destroy?: () => void } | undefined
    if (payload && typeof payload.destroy === 'function') payload.destroy()
    body = undefined
  }
  const proxy: FastifyReply = new Proxy(reply, {
    get(target, prop) {
      if (prop === 'send')
        return (payload?: unknown) => {
          drop() // a retried transaction's earlier answer
          body = { payload }
          return proxy
        }
      if (prop === 'sent') return false
      // a reply is thenable (it settles once sent): a handler returning this one would wait forever
      if (prop === 'then') return undefined
      const value = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args)
        return out === target ? proxy : out
      }
    },
  })
  return {
    reply: proxy,
    get body() {
      return body
    },
    discard: drop,
  }
}

/** The problem answers a route can give, from what it declares. */
export function problemStatuses(
  spec: Pick<AnyRouteSpec, 'access' | 'params' | 'query' | 'body' | 'formData' | 'errors' | 'url'>,
): number[] {
  const codes = new Set<number>(spec.errors ?? [])
  if (spec.params || spec.query || spec.body || spec.formData) codes.add(400)
  if (spec.access.kind !== 'public') {
    codes.add(401)
    codes.add(403)
  }
  if ([...spec.url.matchAll(PATH_PARAM)].length > 0) codes.add(404)
  if (codes.size === 0) codes.add(400)
  return [...codes].sort()
}

/** Dates become ISO strings and bigints decimal strings, everywhere in a response body. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return value.map(toWire)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = toWire(v)
    return out
  }
  return value
}
