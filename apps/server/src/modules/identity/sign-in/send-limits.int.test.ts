import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type SmsSinkMessage, startSmsSink } from '../../../../../../packages/testing/src/fakes/sms-sink.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'

/**
 * Sign-in send limits: strict per destination (1 a minute, 5 an hour, 10 a day), and a
 * configurable abuse ceiling per client address (an office behind one NAT address must still
 * sign in). Checked and recorded atomically, so concurrent requests cannot slip past either.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-03-01T09:00:00Z')
let sink: Awaited<ReturnType<typeof startSmsSink>>
const apps: (RunningApp & { baseUrl: string })[] = []
let app: RunningApp & { baseUrl: string }

async function start(env: Record<string, string> = {}) {
  const started = await startTestApp(database.current.url, {
    clock,
    role: 'web',
    env: { DEMO_MODE: 'false', SMS_PROVIDER_URL: sink.url, SMS_PROVIDER_TOKEN: 'sink-token', ...env },
  })
  apps.push(started)
  return started
}

beforeAll(async () => {
  sink = await startSmsSink()
  app = await start({ SIGN_IN_ADDRESS_LIMIT_PER_HOUR: '30', SIGN_IN_ADDRESS_LIMIT_PER_DAY: '200' })
})
afterAll(async () => {
  for (const a of apps) await a.stop()
  await sink?.close()
})
beforeEach(() => {
  clock.advance(2 * 24 * 3600_000) // every window of earlier tests is over
})

async function phoneStart(base: string, phone: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/auth/phone/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ phone }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers }
}

/** Distinct valid Israeli mobiles (052-2…: the 052-1… block is not allocated). */
const mobile = (i: number) => `052${String(2_000_000 + i * 7919).padStart(7, '0')}`
const e164 = (i: number) => `+972${mobile(i).slice(1)}`

/** Sends happen in the background after the answer: wait until the sink has settled. */
async function settled(texts: SmsSinkMessage[], expected: number): Promise<SmsSinkMessage[]> {
  for (let i = 0; i < 100 && texts.length < expected; i++) await new Promise((r) => setTimeout(r, 50))
  await new Promise((r) => setTimeout(r, 300)) // and nothing more arrives
  return texts
}

const challengeIps = async (since: Date) =>
  (
    await database.current.pool.query<{ ip: string }>(
      'select host(ip) as ip from identity.sign_in_challenges where created_at >= $1 order by created_at',
      [since],
    )
  ).rows.map((r) => r.ip)

describe('sign-in send limits under concurrency', () => {
  it('lets 100 concurrent starts from one address to different numbers send at most the address ceiling', async () => {
    const before = sink.texts.length
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => phoneStart(app.baseUrl, mobile(i))),
    )
    const accepted = results.filter((r) => r.status === 202).length
    const refused = results.filter((r) => r.status === 429)
    expect({ accepted, refused: refused.length }).toEqual({ accepted: 30, refused: 70 })
    const sent = (await settled(sink.texts, before + 30)).slice(before)
    expect(sent).toHaveLength(30)
    expect(new Set(sent.map((t) => t.body.to)).size).toBe(30)
    // the refusal says it is this network, not the number, in Hebrew, and when to come back
    const refusal = refused[0]!
    expect(refusal.body.detail).toMatch(/from this network address/)
    expect(refusal.body.user_message).toMatch(/מהרשת או מהמכשיר/)
    expect(refusal.body.user_message).not.toMatch(/למספר הזה/)
    expect(Number(refusal.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('sends exactly one code when 20 starts to the same number arrive at once', async () => {
    const before = sink.texts.length
    const results = await Promise.all(Array.from({ length: 20 }, () => phoneStart(app.baseUrl, mobile(500))))
    expect(results.map((r) => r.status).sort()).toEqual([202, ...Array(19).fill(429)])
    const sent = (await settled(sink.texts, before + 1)).slice(before)
    expect(sent.map((t) => t.body.to)).toEqual([e164(500)])
    // the per-number refusal blames the number, with the wait
    const refusal = results.find((r) => r.status === 429)!
    expect(refusal.body.user_message).toMatch(/נשלחו יותר מדי קודים למספר הזה/)
    expect(refusal.headers.get('retry-after')).toBe('60')
  })

  it('keeps the per-number limits strict while the address is far from its ceiling', async () => {
    expect((await phoneStart(app.baseUrl, mobile(600))).status).toBe(202)
    clock.advance(30_000)
    const tooSoon = await phoneStart(app.baseUrl, mobile(600))
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.body.retry_after_seconds).toBe(30)
    // other numbers from the same address go through
    for (let i = 601; i < 611; i++) expect((await phoneStart(app.baseUrl, mobile(i))).status).toBe(202)
  })
})

describe('the client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const direct = await start({ SIGN_IN_ADDRESS_LIMIT_PER_HOUR: '3' })
    const since = clock.now()
    const forged = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}` })
    for (let i = 0; i < 3; i++)
      expect((await phoneStart(direct.baseUrl, mobile(700 + i), forged(i))).status).toBe(202)
    const fourth = await phoneStart(direct.baseUrl, mobile(703), forged(3))
    expect(fourth.status).toBe(429)
    expect(await challengeIps(since)).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1'])
  })

  it('takes the forwarded client address behind a trusted proxy, and limits that address', async () => {
    const proxied = await start({ SIGN_IN_ADDRESS_LIMIT_PER_HOUR: '3', TRUST_PROXY: '127.0.0.1' })
    const since = clock.now()
    const from = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}` })
    for (let i = 0; i < 4; i++)
      expect((await phoneStart(proxied.baseUrl, mobile(800 + i), from(i))).status).toBe(202)
    expect(await challengeIps(since)).toEqual(['203.0.113.0', '203.0.113.1', '203.0.113.2', '203.0.113.3'])
    // one forwarded address still meets its own ceiling
    for (let i = 0; i < 2; i++)
      expect((await phoneStart(proxied.baseUrl, mobile(810 + i), from(0))).status).toBe(202)
    expect((await phoneStart(proxied.baseUrl, mobile(812), from(0))).status).toBe(429)
  })
})
