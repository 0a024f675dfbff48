import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { DEMO_PERSONAS } from '../personas.ts'
import { demoPersonasSeed } from '../seed.ts'

/** Demo mode: the personas, the dev outbox, and a visitor trying every persona from one browser. */
const database = useTestDatabase()
const clock = new FixedClock('2026-03-01T09:00:00Z')
let app: RunningApp & { baseUrl: string }

beforeAll(async () => {
  app = await startTestApp(database.current.url, {
    clock,
    // an address ceiling as low as the old per-address limits: demo mode must not apply it
    env: { DEMO_MODE: 'true', SIGN_IN_ADDRESS_LIMIT_PER_HOUR: '5', SIGN_IN_ADDRESS_LIMIT_PER_DAY: '10' },
  })
  await demoPersonasSeed.run(app.ctx, () => {})
})
afterAll(async () => app?.stop())

async function call(path: string, init: { body?: unknown; cookie?: string } = {}) {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: init.body ? 'POST' : 'GET',
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie ? { cookie: `sid=${init.cookie}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, any>,
    cookie: /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1],
  }
}

/** The newest code the dev outbox holds for a recipient, once one newer than `after` arrived. */
async function codeFor(recipient: string, after: Set<string>): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const box = await call(`/api/dev/outbox?recipient=${encodeURIComponent(recipient)}`)
    const fresh = (box.body.data as { id: string; body: string }[]).find((m) => !after.has(m.id))
    if (fresh) return /(?<!\d)(\d{6})(?!\d)/.exec(fresh.body)![1]!
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`no code for ${recipient}`)
}

const seenIds = async (recipient: string) =>
  new Set(
    (
      (await call(`/api/dev/outbox?recipient=${encodeURIComponent(recipient)}`)).body.data as { id: string }[]
    ).map((m) => m.id),
  )

describe('demo mode', () => {
  it('lets a visitor switch between every persona, one after another, from one address', async () => {
    const personas = (await call('/api/dev/personas')).body.data as {
      name: string
      email: string | null
      phone: string | null
      marketplace: 'splits' | 'ofair'
    }[]
    expect(personas.map((p) => p.name)).toEqual(DEMO_PERSONAS.map((p) => p.name))
    let cookie: string | undefined
    const signedInAs: string[] = []
    // every persona once, then the first six again: well past the old five-an-hour address limit
    for (const persona of [...personas, ...personas.slice(0, 6)]) {
      clock.advance(61_000) // the same persona's number may get one code a minute, in demo mode too
      const recipient = persona.email ?? `+972${persona.phone!.replace(/\D/g, '').slice(1)}`
      const seen = await seenIds(recipient)
      const start = persona.email
        ? await call('/api/auth/email/start', { body: { email: persona.email } })
        : await call('/api/auth/phone/start', { body: { phone: persona.phone } })
      expect({ persona: persona.name, status: start.status }).toEqual({ persona: persona.name, status: 202 })
      const code = await codeFor(recipient, seen)
      const verified = await call('/api/auth/verify', {
        body: { challenge_id: start.body.challenge_id, code },
        ...(cookie ? { cookie } : {}),
      })
      expect(verified.status).toBe(200)
      cookie = verified.cookie
      const me = await call('/api/auth/session', { ...(cookie ? { cookie } : {}) })
      signedInAs.push(me.body.user.display_name)
    }
    expect(signedInAs).toEqual([...personas, ...personas.slice(0, 6)].map((p) => p.name))
  })

  it('still limits each destination: the same persona twice within a minute waits', async () => {
    clock.advance(3600_000)
    expect((await call('/api/auth/email/start', { body: { email: 'dana@acme.demo' } })).status).toBe(202)
    const again = await call('/api/auth/email/start', { body: { email: 'dana@acme.demo' } })
    expect(again.status).toBe(429)
    expect(again.body.detail).toMatch(/to this destination/)
  })

  it('refuses a NUL character in the unauthenticated dev outbox query with a 400 naming the field', async () => {
    const res = await call('/api/dev/outbox?recipient=%00')
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'querystring.recipient', message: expect.stringMatching(/NUL/) }],
    })
    const inside = await call('/api/dev/outbox?recipient=a%00b%40example.test')
    expect(inside.status).toBe(400)
    expect(inside.body.errors[0].field).toBe('querystring.recipient')
  })
})
