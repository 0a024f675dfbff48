import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { loadConfig } from '../../config/config.ts'
import { systemClock } from '../clock.ts'
import type { AppContext } from '../context.ts'
import { createLogger } from '../logger.ts'
import { access, noAuthenticator } from './access.ts'
import { createMetrics } from './metrics.ts'
import { moduleRoutes } from './route.ts'
import { buildServer } from './server.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }

beforeAll(async () => {
  app = await startTestApp(database.current.url, { env: { BODY_LIMIT_BYTES: '2048' } })
})
afterAll(async () => {
  await app.stop()
})

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${app.baseUrl}${path}`, init)
  const text = await res.text()
  let body: Record<string, unknown> = {}
  try {
    body = JSON.parse(text)
  } catch {
    body = { text }
  }
  return { status: res.status, headers: res.headers, body, text }
}

const postJson = (path: string, body: string, contentType = 'application/json') =>
  call(path, { method: 'POST', headers: { 'content-type': contentType }, body })

describe('probes and descriptions', () => {
  it('answers /health and /ready', async () => {
    expect((await call('/health')).body).toMatchObject({ status: 'ok' })
    expect((await call('/ready')).body).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok' },
    })
  })

  it("serves an OpenAPI 3.1 document that states each route's access rule", async () => {
    const { body } = await call('/openapi.json')
    expect(body.openapi).toBe('3.1.0')
    const paths = body.paths as Record<string, Record<string, { description?: string }>>
    expect(paths['/api/admin/jobs']!.get!.description).toContain('Roles: platform_admin')
    expect(paths['/api/_test/slow']).toBeUndefined() // hidden test hook
  })

  it('exports Prometheus metrics with per-route latency and pool stats', async () => {
    await call('/health')
    const { text, headers } = await call('/metrics')
    expect(headers.get('content-type')).toContain('text/plain')
    expect(text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/health"/)
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/health",status="200"\}/)
    expect(text).toMatch(/db_pool_connections\{state="total"\}/)
    expect(text).toMatch(/job_queue_jobs\{queue="platform.verify_audit_chain",state="queued"\}/)
  })

  it('sets security headers and keeps CORS off by default', async () => {
    const { headers } = await call('/health', { headers: { origin: 'https://evil.example' } })
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('request ids', () => {
  it('generates one per request and returns it', async () => {
    const a = await call('/health')
    const b = await call('/health')
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'))
  })
  it('keeps a well-formed incoming id and replaces a malformed one', async () => {
    expect(
      (await call('/health', { headers: { 'x-request-id': 'edge-42.abc' } })).headers.get('x-request-id'),
    ).toBe('edge-42.abc')
    const bad = await call('/health', { headers: { 'x-request-id': 'no spaces <script>' } })
    expect(bad.headers.get('x-request-id')).not.toContain('<')
  })
})

describe('error envelope', () => {
  const expectProblem = (r: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
    expect(r.status).toBe(status)
    expect(r.headers.get('content-type')).toContain('application/problem+json')
    expect(r.body).toMatchObject({
      status,
      code,
      type: `/api/errors#${code}`,
      request_id: r.headers.get('x-request-id'),
    })
    expect(typeof r.body.title).toBe('string')
    expect(typeof r.body.detail).toBe('string')
  }

  it('accepts a valid body', async () => {
    const r = await postJson('/api/_test/echo', JSON.stringify({ name: 'Dana', count: 2 }))
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ name: 'Dana', count: 2 })
  })

  it('malformed JSON → 400 malformed_json', async () => {
    expectProblem(await postJson('/api/_test/echo', '{"name": "Dana", '), 400, 'malformed_json')
  })

  it('wrong type → 400 validation_failed naming the field', async () => {
    const r = await postJson('/api/_test/echo', JSON.stringify({ name: 'Dana', count: 'two' }))
    expectProblem(r, 400, 'validation_failed')
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'body.count' })])
  })

  it('missing field → 400 naming it', async () => {
    const r = await postJson('/api/_test/echo', JSON.stringify({ count: 1 }))
    expectProblem(r, 400, 'validation_failed')
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'body.name' })])
  })

  it('unknown field → 400 naming it', async () => {
    const r = await postJson('/api/_test/echo', JSON.stringify({ name: 'Dana', count: 1, admin: true }))
    expectProblem(r, 400, 'validation_failed')
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'body.admin' })])
  })

  it('bad query parameter → 400 naming it', async () => {
    const r = await call('/api/_test/slow?ms=soon')
    expectProblem(r, 400, 'validation_failed')
    expect((r.body.errors as { field: string }[])[0]!.field).toBe('querystring.ms')
  })

  it('oversized body → 413 payload_too_large', async () => {
    const r = await postJson('/api/_test/echo', JSON.stringify({ name: 'x'.repeat(5000), count: 1 }))
    expectProblem(r, 413, 'payload_too_large')
  })

  it('unsupported content type → 415', async () => {
    expectProblem(await postJson('/api/_test/echo', 'name=Dana', 'text/plain'), 415, 'unsupported_media_type')
  })

  it('a NUL character anywhere → 400 naming the field, on every route at once (issue 7 §5)', async () => {
    const inBody = await postJson('/api/_test/echo', JSON.stringify({ name: 'Da\u0000na', count: 1 }))
    expectProblem(inBody, 400, 'validation_failed')
    expect(inBody.body.errors).toEqual([expect.objectContaining({ field: 'body.name' })])
    const nested = await postJson(
      '/api/_test/echo',
      JSON.stringify({ name: 'Dana', count: 1, tags: ['ok', '\u0000'] }),
    )
    expect(nested.body.errors).toEqual([expect.objectContaining({ field: 'body.tags.1' })])
    const inQuery = await call('/api/_test/slow?ms=%00')
    expectProblem(inQuery, 400, 'validation_failed')
    expect(inQuery.body.errors).toEqual([expect.objectContaining({ field: 'querystring.ms' })])
    // a route without a query schema is covered too
    const unschemed = await call('/health?x=%00')
    expect(unschemed.status).toBe(400)
  })

  it('half of a surrogate pair → 400 naming the field (it would be stored as U+FFFD, not as sent)', async () => {
    // JSON.stringify escapes a lone surrogate as \ud800: the server parses it back into one
    const lone = await postJson('/api/_test/echo', JSON.stringify({ name: 'Da\uD800na', count: 1 }))
    expectProblem(lone, 400, 'validation_failed')
    expect(lone.body.errors).toEqual([
      expect.objectContaining({ field: 'body.name', message: expect.stringMatching(/surrogate/) }),
    ])
    const trailing = await postJson(
      '/api/_test/echo',
      JSON.stringify({ name: 'ok', count: 1, tags: ['\uDC00'] }),
    )
    expect(trailing.body.errors).toEqual([expect.objectContaining({ field: 'body.tags.0' })])
    // a whole pair (an emoji) is fine
    const emoji = await postJson('/api/_test/echo', JSON.stringify({ name: 'Dana 👋', count: 1 }))
    expect(emoji.status).toBe(200)
    expect(emoji.body.name).toBe('Dana 👋')
  })

  it('an over-long path → 414 as a problem document that does not echo the address (issue 7 §10)', async () => {
    const long = `/api/roles/${'a'.repeat(600)}`
    const r = await call(long)
    expectProblem(r, 414, 'uri_too_long')
    expect(r.text).not.toContain('a'.repeat(300))
    expect(r.headers.get('content-type')).toContain('application/problem+json')
  })

  it('API answers are never cached (they may carry personal data); the web app’s assets are', async () => {
    expect((await call('/api/errors')).headers.get('cache-control')).toBe('no-store')
    expect((await call('/api/no-such-thing')).headers.get('cache-control')).toBe('no-store')
    expect((await call('/api/admin/jobs')).headers.get('cache-control')).toBe('no-store')
  })

  it('unknown route → 404 route_not_found', async () => {
    expectProblem(await call('/api/no-such-thing'), 404, 'route_not_found')
    expectProblem(await call('/api/no-such-thing', { method: 'DELETE' }), 404, 'route_not_found')
  })

  it('a route that needs a role, called anonymously → 401', async () => {
    expectProblem(await call('/api/admin/jobs'), 401, 'unauthenticated')
  })

  it('an unexpected error → 500 with a request id and nothing internal', async () => {
    const r = await call('/api/_test/boom')
    expectProblem(r, 500, 'internal_error')
    expect(r.text).not.toContain('secret')
    expect(r.text).not.toContain('postgres://')
    expect(r.text).not.toContain('stack')
    expect(r.body.detail).toContain(String(r.body.request_id))
  })

  it('readiness turns 503 when the database is behind the code', async () => {
    await database.current.pool.query(`insert into platform.schema_migrations (version, name, checksum, duration_ms)
      values (1, 'x', 'x', 0) on conflict do nothing`)
    const client = await database.current.pool.connect()
    try {
      await client.query('begin')
      await client.query('delete from platform.schema_migrations')
      // readiness reads through the app's own pool, so commit the change for it to see, then restore
      await client.query('commit')
      const r = await call('/ready')
      expectProblem(r, 503, 'service_unavailable')
      expect(r.body.checks).toEqual({ database: 'ok', migrations: 'behind' })
    } finally {
      client.release()
    }
  })
})

describe('route declarations', () => {
  it('refuse to start when a route has no access declaration', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.current.url })
    const ctx = {
      config,
      log: createLogger({ level: 'silent', pretty: false }),
      clock: systemClock,
      metrics: createMetrics(),
      auth: noAuthenticator,
      services: {},
    } as unknown as AppContext
    await expect(
      buildServer(ctx, [{ name: 'careless', routes: (a) => void a.get('/api/oops', async () => ({})) }]),
    ).rejects.toThrow(/GET \/api\/oops has no access declaration/)
    await expect(
      buildServer(ctx, [
        {
          name: 'careful',
          routes: (a) => void a.get('/api/fine', { config: { access: access.public() } }, async () => ({})),
        },
      ]).then((s) => s.close()),
    ).resolves.toBeUndefined()
  })
})

describe('content types', () => {
  it('refuses a form-encoded body on a JSON endpoint', async () => {
    const r = await postJson('/api/_test/echo', 'name=Dana&count=1', 'application/x-www-form-urlencoded')
    expect(r.status).toBe(415)
    expect(r.body.code).toBe('unsupported_media_type')
  })
})

describe('a handler that answers with its own body (a page, a file)', () => {
  it('answers only after its transaction commits, and a failure after the send is the answer', async () => {
    const kit = moduleRoutes({ tag: 'test' })
    let handlerDone = false
    const routes = [
      kit.define({
        method: 'GET',
        url: '/api/_page',
        operationId: 'testPage',
        summary: 'a page',
        access: access.public(),
        response: z.string(),
        handler: async ({ reply }) => {
          reply.type('text/html').header('x-made', 'yes').send('<p>page</p>')
          await new Promise((r) => setTimeout(r, 150)) // the handler goes on after sending
          handlerDone = true
          return reply
        },
      }),
      kit.define({
        method: 'GET',
        url: '/api/_page_then_fail',
        operationId: 'testPageThenFail',
        summary: 'a page, then a failure',
        access: access.public(),
        response: z.string(),
        handler: async ({ reply }) => {
          reply.type('text/html').send('<p>too early</p>')
          throw new Error('the write after the page failed')
        },
      }),
    ]
    const server = await buildServer(app.ctx, [
      { name: 'pages', routes: (a) => kit.mount(a, app.ctx, routes) },
    ])
    const url = await server.listen({ port: 0, host: '127.0.0.1' })
    try {
      const page = await fetch(`${url}/api/_page`, { signal: AbortSignal.timeout(5000) })
      const doneWhenReceived = handlerDone
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toContain('text/html')
      expect(page.headers.get('x-made')).toBe('yes')
      expect(await page.text()).toBe('<p>page</p>')
      expect(doneWhenReceived).toBe(true)
      const failed = await fetch(`${url}/api/_page_then_fail`)
      expect(failed.status).toBe(500)
      expect(await failed.text()).not.toContain('too early')
    } finally {
      await server.close()
    }
  })
})
