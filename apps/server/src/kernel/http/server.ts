import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import fastifyHelmet from '@fastify/helmet'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyRequest, LogController } from 'fastify'
import {
  createSerializerCompiler,
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { AppError } from '../errors.ts'
import { uuidv7 } from '../ids.ts'
import type { AppFastify, AppModule } from '../module.ts'
import { bigintToString } from '../outbox/events.ts'
import { type Access, describeAccess, type Principal } from './access.ts'
import { addressNotFound, MAX_PATH_SEGMENT, sendProblem, toProblem } from './problem.ts'
import { BODY_OPTIONAL } from './route.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required on every route (checked at start-up). */
    access?: Access
    /** Cookie-authenticated mutations need the CSRF header unless set to false (sign-in endpoints). */
    csrf?: boolean
    /** Accept application/x-www-form-urlencoded bodies (HTML form posts); JSON only otherwise. */
    formBody?: boolean
    /** A public route that still wants to know who is calling (e.g. "who am I"). Others skip the lookup. */
    optionalAuth?: boolean
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

/** Routes registered by plugins we trust and that are public by nature (the API reference UI). */
const PLUGIN_PUBLIC_PREFIXES = ['/docs']
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

export interface RegisteredRoute {
  method: string
  url: string
  access: Access
  csrf: boolean
}

export async function buildServer(ctx: AppContext, modules: readonly AppModule[]): Promise<AppFastify> {
  const { config } = ctx
  const app = Fastify({
    loggerInstance: ctx.log,
    // one line per request is written by our onResponse hook instead of Fastify's two
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    bodyLimit: config.http.bodyLimitBytes,
    // a hop count becomes proxy-addr's "trust the nearest n hops" function
    trustProxy:
      typeof config.http.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, i: number) =>
              i < hops
          )(config.http.trustProxy)
        : config.http.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7()
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_SEGMENT },
    ajv: { customOptions: { removeAdditional: false } },
    // Fastify's own answers for addresses it cannot route (a path segment over maxParamLength,
    // malformed percent-encoding) go through our problem documents too.
    frameworkErrors: (err, request, reply) => {
      const { problem } = toProblem(request, err)
      return sendProblem(reply, problem)
    },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(createSerializerCompiler({ replacer: bigintToString }))
  app.decorateRequest('principal', null)

  // ---- every route must say who may call it -------------------------------------------------
  const routes: RegisteredRoute[] = []
  app.decorate('registeredRoutes', routes)
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD')
    let declared = route.config?.access
    if (!declared && PLUGIN_PUBLIC_PREFIXES.some((p) => route.url === p || route.url.startsWith(`${p}/`))) {
      declared = { kind: 'public', rule: 'API reference' }
    }
    if (!declared) {
      throw new Error(`Route ${methods.join(',')} ${route.url} has no access declaration (config.access)`)
    }
    route.config = { ...route.config, access: declared }
    // The API document is a product: every documented operation is named (SDKs and Postman use it)
    const documented = route.schema as { hide?: boolean; operationId?: string } | undefined
    if (documented && !documented.hide && !documented.operationId) {
      throw new Error(
        `Route ${methods.join(',')} ${route.url} has no operationId (declare it with moduleRoutes().define)`,
      )
    }
    for (const method of methods) {
      routes.push({ method, url: route.url, access: declared, csrf: route.config?.csrf !== false })
    }
    // Document the access rule in the API reference.
    const schema = route.schema as { description?: string; hide?: boolean } | undefined
    if (schema && !schema.hide && !schema.description?.includes('**Access:**')) {
      schema.description = [schema.description, `**Access:** ${describeAccess(declared)}`]
        .filter(Boolean)
        .join('\n\n')
    }
  })

  // ---- headers, request ids, CORS -------------------------------------------------------------
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.env === 'production',
  })
  await app.register(fastifyCookie)
  await app.register(fastifyFormbody)
  // Bodies are JSON; form posts only where a route opts in (see `formBody`).
  app.removeContentTypeParser('text/plain')
  // Text PostgreSQL cannot store as given is refused for every route at once, before any schema
  // runs, naming the field (a route without a schema for a part is covered too): NUL can never be
  // stored, and half of a UTF-16 surrogate pair would be stored silently as U+FFFD — not what was sent.
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const found = unstorableText(value)
      if (found === undefined) continue
      const name = found.field ? `${where}.${found.field}` : where
      throw new AppError('validation_failed', `${name}: ${found.message}`, {
        errors: [{ field: name, message: found.message }],
      })
    }
  })
  app.addHook('preValidation', async (request) => {
    const type = request.headers['content-type']
    if (type?.startsWith('application/x-www-form-urlencoded') && !request.routeOptions.config.formBody) {
      throw new AppError('unsupported_media_type', 'This endpoint accepts application/json bodies only')
    }
  })

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    const origin = request.headers.origin
    if (origin && config.http.corsOrigins.includes(origin)) {
      reply.header('access-control-allow-origin', origin)
      reply.header('access-control-allow-credentials', 'true')
      reply.header('vary', 'Origin')
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
        return reply
          .header('access-control-allow-methods', 'GET,POST,PUT,PATCH,DELETE')
          .header(
            'access-control-allow-headers',
            'content-type,authorization,x-csrf-token,idempotency-key,x-request-id',
          )
          .header('access-control-max-age', '600')
          .status(204)
          .send()
      }
    }
  })

  // ---- authentication and authorisation, from each route's declaration ----------------------
  // onRequest runs after routing but before the body is read: a caller without the right
  // credentials gets 401/403 before we parse or validate anything they sent.
  app.addHook('onRequest', async (request) => {
    const declared = request.routeOptions.config.access
    if (!declared) return // unmatched route: the not-found handler answers
    // Static files, probes and sign-in steps do not need to know the caller: no session lookup.
    if (declared.kind === 'public' && !request.routeOptions.config.optionalAuth) return
    let found: Principal | null = null
    try {
      found = await ctx.auth.authenticate(request)
    } catch (err) {
      // a stale cookie or a bad token does not stop anyone from reading a public page
      if (declared.kind !== 'public') throw err
    }
    if (declared.kind === 'public') {
      request.principal = found?.suspended ? null : found
      return
    }
    request.principal = found
    const principal = found
    if (!principal) throw new AppError('unauthenticated', 'Sign in to use this endpoint')
    if (principal.suspended) throw new AppError('account_suspended', 'This account is suspended')
    if (declared.kind === 'roles' && !principal.roles.some((r) => declared.roles.includes(r))) {
      throw new AppError('forbidden', `This endpoint needs one of the roles: ${declared.roles.join(', ')}`)
    }
    if (
      principal.via === 'session' &&
      !SAFE_METHODS.has(request.method) &&
      request.routeOptions.config.csrf !== false &&
      request.headers['x-csrf-token'] !== principal.csrfToken
    ) {
      throw new AppError('csrf_failed', 'Send the x-csrf-token header you received at sign-in')
    }
  })

  // ---- shutdown: in-flight responses close their connection, so close() need not wait for
  // keep-alive sockets to time out ---------------------------------------------------------------
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
    app.server.closeIdleConnections()
  })
  // A client that hangs up does not stop its handler: close waits for handlers, not only sockets,
  // so nothing is still using the database pool when it closes.
  const inFlight = new Set<FastifyRequest>()
  app.addHook('onRequest', async (request) => {
    // a WebSocket upgrade is not a request in flight: its module closes its sockets at stop
    if (request.raw.headers.upgrade?.toLowerCase() === 'websocket') return
    inFlight.add(request)
  })
  app.addHook('onSend', async (request, reply) => {
    inFlight.delete(request)
    if (closing) reply.header('connection', 'close')
    // API answers may carry someone's personal data: never stored by browsers or proxies, unless
    // a route chose its own policy (the web app's static files do)
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
  })
  app.addHook('onResponse', async (request) => {
    inFlight.delete(request)
  })
  app.addHook('onClose', async () => {
    const deadline = Date.now() + config.shutdownTimeoutMs
    while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    if (inFlight.size > 0)
      ctx.log.warn({ in_flight: inFlight.size }, 'shutdown: requests still running at the deadline')
  })

  // ---- metrics and one log line per request ---------------------------------------------------
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    const labels = { method: request.method, route, status: String(reply.statusCode) }
    const seconds = reply.elapsedTime / 1000
    ctx.metrics.httpDuration.observe(labels, seconds)
    ctx.metrics.httpRequests.inc(labels)
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    )
  })

  // ---- errors ---------------------------------------------------------------------------------
  app.setErrorHandler(async (err, request, reply) => {
    const { problem, unexpected, headers } = toProblem(request, err)
    if (unexpected) request.log.error({ err }, 'unhandled error')
    else if (problem.status >= 500) request.log.warn({ err }, problem.detail)
    return sendProblem(reply, problem, headers)
  })
  app.setNotFoundHandler(async (request, reply) => sendProblem(reply, addressNotFound(request)))

  // ---- API reference --------------------------------------------------------------------------
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Referral marketplace platform API',
        version: '1.0.0',
        license: { name: 'Proprietary', url: `${config.http.publicUrl}/docs` },
        contact: { name: 'Platform team', url: `${config.http.publicUrl}/docs` },
        description:
          'One API for Splits Network and OFAIR. Errors are RFC 9457 problem documents with a stable `code` ' +
          '(see `GET /api/errors`). Lists use cursor pagination (`limit`, `starting_after`, `has_more`).',
      },
      // relative: the API is served at the origin the document was fetched from
      servers: [{ url: '/', description: 'This deployment' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sid' },
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // @fastify/swagger marks every body required; a route whose body is optional says otherwise
    transformObject: (doc) =>
      markOptionalBodies('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject),
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true })

  for (const module of modules) {
    if (module.routes) await module.routes(app as AppFastify, ctx)
  }
  return app as AppFastify
}

/** `requestBody.required: false` where the route marked its body optional (`x-body-optional`, removed). */
// biome-ignore lint/suspicious/noExplicitAny: the generated OpenAPI document
export function markOptionalBodies(doc: any) {
  for (const path of Object.values(doc.paths ?? {}) as Record<string, Record<string, unknown>>[]) {
    for (const op of Object.values(path)) {
      if (!op || typeof op !== 'object' || !(BODY_OPTIONAL in op)) continue
      delete op[BODY_OPTIONAL]
      if (op.requestBody && typeof op.requestBody === 'object') {
        ;(op.requestBody as { required?: boolean }).required = false
      }
    }
  }
  return doc
}

const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)'
const SURROGATE_MESSAGE = 'must be well-formed Unicode (it holds half of a surrogate pair)'

const textProblem = (s: string): string | undefined =>
  s.includes('\u0000') ? NUL_MESSAGE : s.isWellFormed() ? undefined : SURROGATE_MESSAGE

/**
 * The first string (or object key) PostgreSQL cannot store as sent — a NUL character or a lone
 * surrogate — as its dotted path ('' for the value itself) and what is wrong; undefined if none.
 */
export function unstorableText(value: unknown, path = ''): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    const message = textProblem(value)
    return message ? { field: path, message } : undefined
  }
  // a raw body kept as bytes (a signed webhook) is checked by its route, not here
  if (Buffer.isBuffer(value)) return undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], path ? `${path}.${i}` : String(i))
      if (found !== undefined) return found
    }
    return undefined
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = path ? `${path}.${k}` : k
      const message = textProblem(k)
      if (message) return { field: key, message }
      const found = unstorableText(v, key)
      if (found !== undefined) return found
    }
  }
  return undefined
}

export function registeredRoutes(app: AppFastify): RegisteredRoute[] {
  return (app as unknown as { registeredRoutes: RegisteredRoute[] }).registeredRoutes
}

/** Convenience for handlers: the principal of a route that required one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Sign in to use this endpoint')
  return request.principal
}
