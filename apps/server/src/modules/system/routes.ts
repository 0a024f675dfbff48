import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { currentMigrationVersion, readMigrationFiles } from '../../kernel/db/migrate.ts'
import { AppError, ERROR_STATUS, ERROR_TITLE, type ErrorCode } from '../../kernel/errors.ts'
import { access } from '../../kernel/http/access.ts'
import { problemOf, sendProblem } from '../../kernel/http/problem.ts'
import { ZProblem } from '../../kernel/http/schemas.ts'
import type { AppFastify } from '../../kernel/module.ts'

const ZHealth = z.object({ status: z.literal('ok'), uptime_seconds: z.number() })
const ZReady = z.object({
  status: z.literal('ready'),
  checks: z.object({ database: z.literal('ok'), migrations: z.literal('ok') }),
  migration_version: z.number().int(),
})

export function systemRoutes(app: AppFastify, ctx: AppContext): void {
  const latestMigration = readMigrationFiles().at(-1)?.version ?? 0
  const started = Date.now()

  app.get(
    '/health',
    {
      config: { access: access.public('Liveness probe.') },
      schema: { tags: ['system'], summary: 'Liveness: the process is up', response: { 200: ZHealth } },
    },
    async () => ({ status: 'ok' as const, uptime_seconds: Math.round((Date.now() - started) / 1000) }),
  )

  app.get(
    '/ready',
    {
      config: { access: access.public('Readiness probe.') },
      schema: {
        tags: ['system'],
        summary: 'Readiness: database reachable and migrations current (503 otherwise)',
        response: { 200: ZReady, 503: ZProblem },
      },
    },
    async (request, reply) => {
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
        return sendProblem(
          reply,
          problemOf(
            request,
            'service_unavailable',
            `Not ready: database ${database}, migrations ${migrations}`,
            {
              meta: {
                checks: { database, migrations },
                migration_version: version,
                expected_version: latestMigration,
              },
            },
          ),
        )
      }
      return {
        status: 'ready' as const,
        checks: { database: 'ok' as const, migrations: 'ok' as const },
        migration_version: version,
      }
    },
  )

  app.get(
    '/metrics',
    {
      config: {
        access: access.public(
          'Prometheus scrape; needs `Authorization: Bearer $METRICS_TOKEN` when that is set.',
        ),
      },
      schema: { tags: ['system'], summary: 'Prometheus metrics (text exposition format)', hide: true },
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
    {
      config: { access: access.public('The API description.') },
      schema: { tags: ['system'], summary: 'OpenAPI 3.1 description of this API', hide: true },
    },
    async () => app.swagger(),
  )

  app.get(
    '/api/errors',
    {
      config: { access: access.public() },
      schema: {
        tags: ['system'],
        summary: 'Every error code the API can return, with its HTTP status',
        response: {
          200: z.object({
            data: z.array(z.object({ code: z.string(), status: z.number().int(), title: z.string() })),
          }),
        },
      },
    },
    async () => ({
      data: (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => ({
        code,
        status: ERROR_STATUS[code],
        title: ERROR_TITLE[code],
      })),
    }),
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
      const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/')
      if (urlPath.startsWith('/api/')) {
        return sendProblem(reply, problemOf(request, 'route_not_found', `No endpoint GET ${urlPath}`))
      }
      if (!built) {
        return reply
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><title>Web UI not built</title><p>The web UI is not built. Run <code>npm run build</code>.</p>',
          )
      }
      const relative = path
        .normalize(urlPath)
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
