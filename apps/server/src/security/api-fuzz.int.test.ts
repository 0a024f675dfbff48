import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionFor } from '../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../app.ts'
import { DEMO_PERSONAS } from '../modules/identity/personas.ts'
import { demoPersonasSeed } from '../modules/identity/seed.ts'

/**
 * The outsider's probe as a test: every operation of `/openapi.json`, called by a stranger and by
 * people of each marketplace with broken input — wrong types, NUL characters, huge strings,
 * negative and enormous numbers, unknown fields, ids that exist nowhere. Nothing may answer 5xx,
 * and every refusal is a problem document with a stable `code`. (A 5xx here is a validation gap
 * or a bug the schemas let through.)
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }

type Schema = {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  enum?: unknown[]
  format?: string
}
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: Schema }
type Operation = {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
}
type Document = {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

const NUL = 'a\u0000b'
const HUGE = 'x'.repeat(70_000)
const WEIRD_STRINGS = [
  NUL,
  HUGE,
  '',
  ' ',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  "'; drop table x; --",
  '\uFFFF\uD800',
]
const WEIRD_NUMBERS = [-1, 0, 1e21, Number.MAX_SAFE_INTEGER + 2, 3.5, -9_999_999_999]

function resolve(doc: Document, schema: Schema | undefined): Schema {
  let s = schema ?? {}
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop()!] ?? {}
  return s
}

function typeOf(s: Schema): string {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null') ?? 'string'
  return s.type ?? (s.properties ? 'object' : s.items ? 'array' : 'string')
}

/** A plausible value of a schema (so that one broken field at a time reaches deeper checks). */
function plausible(doc: Document, schema: Schema | undefined, depth = 0): unknown {
  const s = resolve(doc, schema)
  const alt = s.anyOf ?? s.oneOf
  if (alt?.length) return plausible(doc, alt.find((x) => resolve(doc, x).type !== 'null') ?? alt[0], depth)
  if (s.allOf?.length) return plausible(doc, s.allOf[0], depth)
  if (s.enum?.length) return s.enum[0]
  switch (typeOf(s)) {
    case 'object': {
      if (depth > 3) return {}
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = plausible(doc, v, depth + 1)
      return out
    }
    case 'array':
      return depth > 3 ? [] : [plausible(doc, s.items, depth + 1)]
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return true
    default:
      return s.format === 'uuid' ? randomUUID() : s.format === 'date' ? '2026-12-01' : 'text'
  }
}

/** Bodies with one thing wrong each, plus shapes that are wrong as a whole. */
function brokenBodies(doc: Document, schema: Schema | undefined): unknown[] {
  const s = resolve(doc, schema)
  const base = plausible(doc, s)
  const bodies: unknown[] = [null, [], 'text', 42, { unknown_field_xyz: 1 }, {}]
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    for (const key of Object.keys(base)) {
      const prop = resolve(doc, s.properties?.[key])
      const kind = typeOf(prop)
      const wrong: unknown[] =
        kind === 'string'
          ? [...WEIRD_STRINGS, 12, { a: 1 }]
          : kind === 'integer' || kind === 'number'
            ? [...WEIRD_NUMBERS, '12', 'abc', NUL]
            : kind === 'array'
              ? ['x', [NUL], Array.from({ length: 2000 }, () => 'x')]
              : kind === 'object'
                ? ['x', [], { [NUL]: NUL }]
                : ['x', NUL]
      for (const w of wrong) bodies.push({ ...(base as object), [key]: w })
    }
    bodies.push({ ...(base as object), unknown_field_xyz: true })
    bodies.push(base)
  }
  return bodies
}

function brokenPathValues(): string[] {
  return [randomUUID(), 'not-an-id', '-1', '99999999999999999999', encodeURIComponent(NUL), 'x'.repeat(300)]
}

function brokenQueries(params: Parameter[]): Record<string, string>[] {
  const query = params.filter((p) => p.in === 'query')
  const out: Record<string, string>[] = [{}]
  for (const p of query) {
    for (const v of ['-1', 'abc', NUL, 'x'.repeat(5000), '99999999999999999999', '1e3', ''])
      out.push({ [p.name]: v })
  }
  return out
}

interface Finding {
  who: string
  method: string
  path: string
  status: number
  detail: string
}

beforeAll(async () => {
  app = await startTestApp(database.current.url, { role: 'web', env: { DEMO_MODE: 'true' } })
  await demoPersonasSeed.run(app.ctx, () => {})
}, 120_000)
afterAll(async () => app?.stop())

describe('the API under broken input', () => {
  it('answers every operation with a 4xx problem (never a 5xx), whoever calls', async () => {
    const doc = (await (await fetch(`${app.baseUrl}/openapi.json`)).json()) as Document
    const who: { name: string; headers: Record<string, string> }[] = [{ name: 'stranger', headers: {} }]
    for (const key of ['platform-admin', 'recruiter', 'company-admin', 'ofair-electrician']) {
      const p = DEMO_PERSONAS.find((x) => x.key === key)
      if (!p) continue
      const s = await sessionFor(app.ctx, p.email ? { email: p.email } : { phone: p.phone! })
      who.push({ name: key, headers: s.headers })
    }
    const findings: Finding[] = []
    let calls = 0
    const statuses = new Map<number, number>()
    // a signed-in caller must stay signed in, or the probe only tests the door
    const signedOut = new Map<string, string>()
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    )
    for (const { path, method, op } of operations) {
      // the probe may not sign itself out or wipe what the next calls need
      if (/\/api\/auth\/(sign-out|revoke|session)$|\/api\/account\/sessions$/.test(path)) continue
      const params = op.parameters ?? []
      const pathValues = brokenPathValues()
      const jsonSchema = op.requestBody?.content?.['application/json']?.schema
      const bodies = op.requestBody ? brokenBodies(doc, jsonSchema) : [undefined]
      const queries = brokenQueries(params)
      for (const caller of who) {
        const cases: { url: string; body: unknown }[] = []
        for (const v of pathValues) {
          const url = path.replace(/\{[^}]+\}/g, v)
          cases.push({ url, body: bodies[bodies.length - 1] })
        }
        const base = path.replace(/\{[^}]+\}/g, randomUUID())
        for (const q of queries) cases.push({ url: `${base}?${new URLSearchParams(q)}`, body: bodies.at(-1) })
        for (const b of bodies) cases.push({ url: base, body: b })
        for (const c of cases) {
          calls++
          const res = await fetch(`${app.baseUrl}${c.url}`, {
            method,
            headers: {
              ...caller.headers,
              ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            body: c.body !== undefined && method !== 'GET' ? JSON.stringify(c.body) : undefined,
          })
          const text = await res.text()
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          if (res.status === 401 && caller.name !== 'stranger')
            signedOut.set(caller.name, `${method} ${c.url.slice(0, 80)}`)
          // 503 is a deliberate answer (a provider not configured here), never a crash
          if (res.status >= 500 && res.status !== 503) {
            findings.push({
              who: caller.name,
              method,
              path: c.url.slice(0, 120),
              status: res.status,
              detail: text.slice(0, 200),
            })
          } else if (res.status >= 400) {
            const type = res.headers.get('content-type') ?? ''
            let code: unknown
            try {
              code = (JSON.parse(text) as { code?: unknown }).code
            } catch {
              code = undefined
            }
            if (!type.includes('problem+json') || typeof code !== 'string') {
              findings.push({
                who: caller.name,
                method,
                path: c.url.slice(0, 120),
                status: res.status,
                detail: `not a problem document: ${type} ${text.slice(0, 120)}`,
              })
            }
          }
        }
      }
    }
    // one line per operation and status is enough to act on
    const seen = new Set<string>()
    const distinct = findings.filter((f) => {
      const key = `${f.method} ${f.path.split('?')[0]} ${f.status}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    console.info(`api probe: ${operations.length} operations, ${calls} calls`, Object.fromEntries(statuses))
    expect(calls).toBeGreaterThan(operations.length * 10)
    expect(distinct).toEqual([])
    expect(Object.fromEntries(signedOut)).toEqual({})
  }, 900_000)
})
