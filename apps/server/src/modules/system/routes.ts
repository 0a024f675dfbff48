import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { currentMigrationVersion, readMigrationFiles } from '../../kernel/db/migrate.ts'
import { AppError, errorCatalog } from '../../kernel/errors.ts'
import { access } from '../../kernel/http/access.ts'
import { addressNotFound, sendProblem } from '../../kernel/http/problem.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { jobAdminRoutes } from './admin-routes.ts'
import { systemRoute } from './route.ts'

const ZHealth = z.object({ status: z.literal('ok'), uptime_seconds: z.number() })
const ZReady = z.object({
  status: z.literal('ready'),
  checks: z.object({ database: z.literal('ok'), migrations: z.literal('ok') }),
  migration_version: z.number().int(),
})

const ZErrorCatalog = z.object({
  data: z.array(
    z.object({
      code: z.string(),
      status: z.number().int(),
      title: z.string(),
      module: z.string().describe('The module that defines the code (kernel codes apply everywhere)'),
    }),
  ),
})

/** A query string that accepts no parameters, so a typo is a 400 rather than silently ignored. */
const ZNoQuery = z.strictObject({})

export function systemRoutes(app: AppFastify, ctx: AppContext): void {
  const latestMigration = readMigrationFiles().at(-1)?.version ?? 0
  const started = Date.now()

  systemRoute.mount(app, ctx, [
    systemRoute.define({
      method: 'GET',
      url: '/health',
      operationId: 'getHealth',
      summary: 'Liveness: the process is up',
      access: access.public('Liveness probe.'),
      transaction: false,
      query: ZNoQuery,
      response: ZHealth,
      handler: async () => ({
        status: 'ok' as const,
        uptime_seconds: Math.round((Date.now() - started) / 1000),
      }),
    }),

    systemRoute.define({
      method: 'GET',
      url: '/ready',
      operationId: 'getReadiness',
      summary: 'Readiness: database reachable and migrations current (503 otherwise)',
      access: access.public('Readiness probe.'),
      transaction: false,
      query: ZNoQuery,
      errors: [503],
      response: ZReady,
      handler: async ({ request }) => {
        let database: 'ok' | 'unreachable' = 'ok'
        let migrations: 'ok' | 'behind' | 'unknown' = 'unknown'
        let version = 0
        try {
          await sql`select 1`.execute(ctx.db)
          version = await currentMigrationVersion(ctx.pool)
          migrations = version >= latestMigration ? 'ok' : 'behind'
        } catch (err) {
          request.log.warn({ err }, 'readiness check: database unreachable')
          database = 'unreachable'
        }
        if (database !== 'ok' || migrations !== 'ok') {
          throw new AppError(
            'service_unavailable',
            `Not ready: database ${database}, migrations ${migrations}`,
            {
              meta: {
                checks: { database, migrations },
                migration_version: version,
                expected_version: latestMigration,
              },
            },
          )
        }
        return {
          status: 'ready' as const,
          checks: { database: 'ok' as const, migrations: 'ok' as const },
          migration_version: version,
        }
      },
    }),

    systemRoute.define({
      method: 'GET',
      url: '/api/errors',
      operationId: 'listErrorCodes',
      summary: 'Every error code the API can return, with its HTTP status',
      access: access.public(),
      transaction: false,
      query: ZNoQuery,
      response: ZErrorCatalog,
      handler: async () => ({
        data: errorCatalog().map(({ code, status, title, module }) => ({ code, status, title, module })),
      }),
    }),
    ...jobAdminRoutes,
  ])

  // Not JSON operations (text exposition, the document itself): left out of the API reference.
  app.get(
    '/metrics',
    {
      config: {
        access: access.public(
          'Prometheus scrape; needs `Authorization: Bearer $METRICS_TOKEN` when that is set.',
        ),
      },
      schema: { hide: true },
    },
    async (request, reply) => {
      const token = ctx.config.http.metricsToken
      if (token && request.headers.authorization !== `Bearer ${token}`) {
        throw new AppError('unauthenticated', 'Metrics need the bearer token configured in METRICS_TOKEN')
      }
      reply.type(ctx.metrics.registry.contentType)
      return ctx.metrics.registry.metrics()
    },
  )

  app.get(
    '/openapi.json',
    { config: { access: access.public('The API description.') }, schema: { hide: true } },
    async () => app.swagger(),
  )

  if (ctx.config.testHooks) {
    app.get(
      '/api/_test/slow',
      {
        config: { access: access.public('Test hook (TEST_HOOKS=true only).') },
        schema: {
          hide: true,
          querystring: z.strictObject({ ms: z.coerce.number().int().min(0).max(30_000) }),
        },
      },
      async (request) => {
        await new Promise((r) => setTimeout(r, request.query.ms))
        return { slept_ms: request.query.ms }
      },
    )
    app.get(
      '/api/_test/boom',
      { config: { access: access.public('Test hook (TEST_HOOKS=true only).') }, schema: { hide: true } },
      async () => {
        throw new Error('secret internal detail: connection string postgres://user:pw@db')
      },
    )
    app.post(
      '/api/_test/echo',
      {
        config: { access: access.public('Test hook (TEST_HOOKS=true only).') },
        schema: {
          hide: true,
          body: z.strictObject({
            name: z.string().min(1).max(100),
            count: z.number().int().min(0),
            tags: z.array(z.string()).max(5).optional(),
          }),
        },
      },
      async (request) => request.body,
    )
  }
}

/** Serves the built web app; unknown non-API paths get index.html so client-side routes work. */
export async function webAppRoutes(app: AppFastify, ctx: AppContext): Promise<void> {
  const dist = ctx.config.webDistDir
  const built = fs.existsSync(path.join(dist, 'index.html'))
  await app.register(fastifyStatic, { root: built ? dist : process.cwd(), serve: false })
  app.get(
    '/*',
    { config: { access: access.public('The web app (static files).') }, schema: { hide: true } },
    async (request, reply) => {
      const urlPath = request.url.split('?')[0] ?? '/'
      if (urlPath.startsWith('/api/')) return sendProblem(reply, addressNotFound(request))
      if (!built) {
        return reply
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><title>Web UI not built</title><p>The web UI is not built. Run <code>npm run build</code>.</p>',
          )
      }
      let decoded: string
      try {
        decoded = decodeURIComponent(urlPath)
      } catch {
        decoded = '/'
      }
      const relative = path
        .normalize(decoded)
        .replace(/^(\.\.(\/|\\|$))+/, '')
        .replace(/^\/+/, '')
      const file = path.join(dist, relative)
      if (relative && file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const immutable = relative.startsWith('assets/')
        return reply.sendFile(relative, {
          maxAge: immutable ? 31_536_000_000 : 0,
          immutable,
          cacheControl: true,
        })
      }
      reply.header('cache-control', 'no-cache')
      return reply.sendFile('index.html')
    },
  )
}
