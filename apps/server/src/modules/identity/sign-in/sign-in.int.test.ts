import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import { captureLogger } from '../../../../../../packages/testing/src/log-capture.ts'
import { freePort } from '../../../../../../packages/testing/src/postgres.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { demoPersonasSeed } from '../seed.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-03-01T09:00:00Z')
const logs = captureLogger()
let app: RunningApp & { baseUrl: string }
const mails: { to: string[]; raw: string }[] = []
const texts: {
  auth: string | undefined
  body: { channel: string; to: string; from: string; text: string }
}[] = []
let smtp: SMTPServer
let sink: http.Server

beforeAll(async () => {
  const smtpPort = await freePort()
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve))
  sink = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      texts.push({ auth: req.headers.authorization, body: JSON.parse(body) })
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `sms-${texts.length}` }))
    })
  })
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve))
  app = await startTestApp(database.current.url, {
    clock,
    log: logs.log,
    env: {
      DEMO_MODE: 'false',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMS_PROVIDER_URL: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/send`,
      SMS_PROVIDER_TOKEN: 'sink-token',
      LOG_LEVEL: 'debug',
    },
  })
  await demoPersonasSeed.run(app.ctx, () => {})
})
afterAll(async () => {
  await app?.stop()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  sink.close()
})
beforeEach(() => {
  clock.advance(24 * 3600_000) // a new day: rate-limit windows of earlier tests are over
})

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers }
}

/** Every request here comes from 127.0.0.1 (trustProxy is off): the per-address ceiling applies across tests, hence the clock jumps. */
/** Delivery is asynchronous: these wait for a message newer than the ones already seen. */
const seen = { mails: new Map<string, number>(), texts: new Map<string, number>() }
const nextOf = <T>(list: T[], key: string, index: Map<string, number>, match: (m: T) => boolean) => {
  const mine = list.filter(match)
  const before = index.get(key) ?? 0
  if (mine.length <= before) return undefined
  index.set(key, mine.length)
  return mine.at(-1)
}
const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')
const nextMail = (to: string) =>
  eventually(`an email to ${to}`, () => nextOf(mails, to, seen.mails, (m) => m.to.includes(to)))
const codeFromMail = async (to: string) => /code is (\d{6})/.exec(unfold((await nextMail(to)).raw))![1]!
const linkFromMail = async (to: string) =>
  /#token=(ml_[A-Za-z0-9_-]{43})/.exec(unfold((await nextMail(to)).raw))![1]!
const codeFromText = async (to: string) => {
  const t = await eventually(`a text to ${to}`, () => nextOf(texts, to, seen.texts, (x) => x.body.to === to))
  return /(\d{6})/.exec(t.body.text)![1]!
}
const cookieOf = (headers: Headers) => /sid=([^;]+)/.exec(headers.get('set-cookie') ?? '')?.[1]

describe('email sign-in (Splits Network)', () => {
  it('sends a code by SMTP and exchanges it for a cookie session', async () => {
    const start = await call('/api/auth/email/start', { body: { email: 'Rachel@Recruiters.demo' } })
    expect(start.status).toBe(202)
    expect(start.body.sent_to).toBe('r***@recruiters.demo')
    const code = await codeFromMail('rachel@recruiters.demo')
    const verify = await call('/api/auth/verify', { body: { challenge_id: start.body.challenge_id, code } })
    expect(verify.status).toBe(200)
    expect(verify.body.user).toMatchObject({
      display_name: 'Rachel Green',
      roles: expect.arrayContaining(['recruiter', 'consumer']),
    })
    expect(verify.body.token).toBeUndefined()
    const setCookie = verify.headers.get('set-cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).not.toMatch(/Secure/) // http://localhost: Secure would stop the browser sending it
    const session = await call('/api/auth/session', {
      headers: { cookie: `sid=${cookieOf(verify.headers)}` },
    })
    expect(session.body).toMatchObject({ signed_in: true, csrf_token: verify.body.csrf_token })
  })

  it('answers the same for an unknown address, sends nothing, and no code works', async () => {
    const before = mails.length
    const start = await call('/api/auth/email/start', { body: { email: 'nobody@nowhere.demo' } })
    expect(start.status).toBe(202)
    expect(Object.keys(start.body).sort()).toEqual(['challenge_id', 'expires_at', 'sent_to'])
    await new Promise((r) => setTimeout(r, 300))
    expect(mails).toHaveLength(before)
    const verify = await call('/api/auth/verify', {
      body: { challenge_id: start.body.challenge_id, code: '123456' },
    })
    expect(verify.status).toBe(422)
    expect(verify.body.code).toBe('code_invalid')
  })

  it('refuses a non-address with a 400 naming the field', async () => {
    const r = await call('/api/auth/email/start', { body: { email: 'rachel at recruiters' } })
    expect(r.status).toBe(400)
    expect(r.body.errors).toEqual([{ field: 'body.email', message: 'is not an email address' }])
  })

  it('locks a challenge after five wrong codes, counting down', async () => {
    const start = await call('/api/auth/email/start', { body: { email: 'dana@acme.demo' } })
    const good = await codeFromMail('dana@acme.demo')
    const wrong = good === '000000' ? '111111' : '000000'
    const remaining: number[] = []
    for (let i = 0; i < 4; i++) {
      const r = await call('/api/auth/verify', {
        body: { challenge_id: start.body.challenge_id, code: wrong },
      })
      expect(r.status).toBe(422)
      remaining.push(r.body.attempts_remaining)
    }
    expect(remaining).toEqual([4, 3, 2, 1])
    const fifth = await call('/api/auth/verify', {
      body: { challenge_id: start.body.challenge_id, code: wrong },
    })
    expect(fifth.status).toBe(429)
    const right = await call('/api/auth/verify', {
      body: { challenge_id: start.body.challenge_id, code: good },
    })
    expect(right.status).toBe(429) // locked: even the right code no longer works
  })

  it('refuses an expired code and a used one', async () => {
    const start = await call('/api/auth/email/start', { body: { email: 'eli@acme.demo' } })
    const code = await codeFromMail('eli@acme.demo')
    clock.advance(11 * 60_000)
    const late = await call('/api/auth/verify', { body: { challenge_id: start.body.challenge_id, code } })
    expect(late.status).toBe(422)
    expect(late.body.code).toBe('code_expired')

    clock.advance(2 * 60_000)
    const again = await call('/api/auth/email/start', { body: { email: 'eli@acme.demo' } })
    const code2 = await codeFromMail('eli@acme.demo')
    expect(
      (await call('/api/auth/verify', { body: { challenge_id: again.body.challenge_id, code: code2 } }))
        .status,
    ).toBe(200)
    const replay = await call('/api/auth/verify', {
      body: { challenge_id: again.body.challenge_id, code: code2 },
    })
    expect(replay.status).toBe(422)
    expect(replay.body.detail).toMatch(/already been used/)
  })

  it('a newer code replaces the older one', async () => {
    const first = await call('/api/auth/email/start', { body: { email: 'noa@candidate.demo' } })
    const firstCode = await codeFromMail('noa@candidate.demo')
    clock.advance(61_000)
    await call('/api/auth/email/start', { body: { email: 'noa@candidate.demo' } })
    await codeFromMail('noa@candidate.demo')
    const old = await call('/api/auth/verify', {
      body: { challenge_id: first.body.challenge_id, code: firstCode },
    })
    expect(old.body.code).toBe('code_expired')
  })

  it('signs in with the magic link only on POST, once', async () => {
    await call('/api/auth/email/start', { body: { email: 'tom@talentbridge.demo' } })
    const token = await linkFromMail('tom@talentbridge.demo')
    // a mail scanner fetching the link gets the web page and uses nothing up
    const page = await fetch(`${app.baseUrl}/auth/magic`)
    expect(page.status).toBe(200)
    const first = await call('/api/auth/magic-link', { body: { token } })
    expect(first.status).toBe(200)
    expect(first.body.user.display_name).toBe('Tom Baker')
    const replay = await call('/api/auth/magic-link', { body: { token } })
    expect(replay.status).toBe(422)
    expect(replay.body.code).toBe('code_invalid')
    const forged = await call('/api/auth/magic-link', { body: { token: `ml_${'A'.repeat(43)}` } })
    expect(forged.status).toBe(422)
  })
})

describe('send limits', () => {
  it('allows one code a minute, five an hour and ten a day per destination', async () => {
    const send = () => call('/api/auth/email/start', { body: { email: 'admin@splits.demo' } })
    expect((await send()).status).toBe(202)
    const tooSoon = await send()
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.body.retry_after_seconds).toBe(60)
    clock.advance(30_000)
    expect((await send()).body.retry_after_seconds).toBe(30)
    let sent = 1
    while (sent < 5) {
      clock.advance(61_000)
      expect((await send()).status).toBe(202)
      sent++
    }
    clock.advance(61_000)
    const hourly = await send()
    expect(hourly.status).toBe(429)
    expect(hourly.body.detail).toMatch(/5 sign-in code\(s\) per hour/)
    for (let i = 0; i < 5; i++) {
      clock.advance(61 * 60_000)
      expect((await send()).status).toBe(202)
      sent++
    }
    clock.advance(61 * 60_000)
    const daily = await send()
    expect(daily.status).toBe(429)
    expect(daily.body.detail).toMatch(/10 sign-in code\(s\) per day/)
    expect(sent).toBe(10)
  })

  it('also limits one client address across destinations, at a ceiling an office can live with', async () => {
    // every request here comes from 127.0.0.1: 30 codes an hour to different addresses (the
    // default ceiling, SIGN_IN_ADDRESS_LIMIT_PER_HOUR), then the address is refused
    clock.advance(24 * 3600_000)
    for (let i = 0; i < 30; i++) {
      const r = await call('/api/auth/email/start', { body: { email: `a${i}@nowhere.demo` } })
      expect(r.status).toBe(202)
    }
    const other = await call('/api/auth/email/start', { body: { email: 'a30@nowhere.demo' } })
    expect(other.status).toBe(429)
    expect(other.body.detail).toMatch(/from this network address/)
    expect(other.body.user_message).toMatch(/from your network or device/)
  })
})

describe('phone sign-in (OFAIR)', () => {
  it.each(['052-345-6789', '+972 52-345-6789', '972523456789', '00972523456789'])(
    'normalises %s and texts a Hebrew code through the provider',
    async (phone) => {
      clock.advance(24 * 3600_000)
      const start = await call('/api/auth/phone/start', { body: { phone } })
      expect(start.status).toBe(202)
      expect(start.body.sent_to).toBe('+972 52-***-6789')
      const code = await codeFromText('+972523456789')
      const sms = texts.at(-1)!
      expect(sms.auth).toBe('Bearer sink-token')
      expect(sms.body).toMatchObject({ channel: 'sms', to: '+972523456789', from: 'OFAIR' })
      expect(sms.body.text).toContain('קוד הכניסה שלך ל-OFAIR')
      const verify = await call('/api/auth/verify', { body: { challenge_id: start.body.challenge_id, code } })
      expect(verify.status).toBe(200)
      expect(verify.body).toMatchObject({ marketplace: 'ofair', is_new_user: false })
      expect(verify.body.user.display_name).toBe('משה לוי')
    },
  )

  it.each([
    ['02-123-4567', 'a landline'],
    ['058-123-4567', 'an unallocated block'],
    ['+1 202 555 0143', 'a foreign number'],
  ])('refuses %s (%s) with a Hebrew message', async (phone) => {
    const r = await call('/api/auth/phone/start', { body: { phone } })
    expect(r.status).toBe(400)
    expect(r.body.errors).toEqual([{ field: 'body.phone', message: 'is not a valid Israeli mobile number' }])
    expect(r.body.user_message).toContain('מספר נייד ישראלי')
  })

  it('gives Hebrew messages for limits and wrong codes', async () => {
    const start = await call('/api/auth/phone/start', { body: { phone: '054-234-5678' } })
    const again = await call('/api/auth/phone/start', { body: { phone: '054-234-5678' } })
    expect(again.status).toBe(429)
    expect(again.body.user_message).toMatch(/נשלחו יותר מדי קודים.*60 שניות/)
    const code = await codeFromText('+972542345678')
    const wrong = await call('/api/auth/verify', {
      body: { challenge_id: start.body.challenge_id, code: code === '999999' ? '999998' : '999999' },
    })
    expect(wrong.status).toBe(422)
    expect(wrong.body.user_message).toBe('הקוד שגוי. בדקו את ההודעה ונסו שוב.')
  })

  it('signs a new number up as an OFAIR consumer', async () => {
    const start = await call('/api/auth/phone/start', { body: { phone: '050-765-4321' } })
    const code = await codeFromText('+972507654321')
    const verify = await call('/api/auth/verify', { body: { challenge_id: start.body.challenge_id, code } })
    expect(verify.status).toBe(200)
    expect(verify.body).toMatchObject({ is_new_user: true, marketplace: 'ofair' })
    expect(verify.body.user).toMatchObject({ phone: '+972507654321', roles: ['consumer'], locale: 'he' })
  })
})

describe('sessions', () => {
  async function signIn(email: string, delivery?: 'token', previousCookie?: string) {
    clock.advance(24 * 3600_000)
    const start = await call('/api/auth/email/start', { body: { email } })
    const code = await codeFromMail(email)
    const r = await call('/api/auth/verify', {
      body: {
        challenge_id: start.body.challenge_id,
        code,
        ...(delivery ? { session_delivery: delivery } : {}),
      },
      ...(previousCookie ? { headers: { cookie: `sid=${previousCookie}` } } : {}),
    })
    expect(r.status).toBe(200)
    return {
      cookie: cookieOf(r.headers),
      csrf: r.body.csrf_token as string,
      token: r.body.token as string | undefined,
      body: r.body,
    }
  }

  it('rotates on sign-in: the session this browser held before ends', async () => {
    const first = await signIn('rachel@recruiters.demo')
    const second = await signIn('rachel@recruiters.demo', undefined, first.cookie)
    expect(second.cookie).not.toBe(first.cookie)
    expect((await call('/api/account', { headers: { cookie: `sid=${first.cookie}` } })).status).toBe(401)
    expect((await call('/api/account', { headers: { cookie: `sid=${second.cookie}` } })).status).toBe(200)
  })

  it('needs the CSRF header on cookie mutations, not on bearer ones', async () => {
    const s = await signIn('dana@acme.demo')
    const noHeader = await call('/api/account', {
      method: 'PATCH',
      body: { display_name: 'Dana C.' },
      headers: { cookie: `sid=${s.cookie}` },
    })
    expect(noHeader.status).toBe(403)
    expect(noHeader.body.code).toBe('csrf_failed')
    const wrong = await call('/api/account', {
      method: 'PATCH',
      body: { display_name: 'Dana C.' },
      headers: { cookie: `sid=${s.cookie}`, 'x-csrf-token': 'x'.repeat(43) },
    })
    expect(wrong.status).toBe(403)
    const ok = await call('/api/account', {
      method: 'PATCH',
      body: { display_name: 'Dana C.' },
      headers: { cookie: `sid=${s.cookie}`, 'x-csrf-token': s.csrf },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.display_name).toBe('Dana C.')

    const api = await signIn('dana@acme.demo', 'token')
    expect(api.cookie).toBeUndefined()
    const viaBearer = await call('/api/account', {
      method: 'PATCH',
      body: { display_name: 'Dana Cohen' },
      headers: { authorization: `Bearer ${api.token}` },
    })
    expect(viaBearer.status).toBe(200)
  })

  it('signs out server-side and lists and revokes other sessions', async () => {
    const laptop = await signIn('eli@acme.demo')
    const phone = await signIn('eli@acme.demo', 'token')
    const list = await call('/api/account/sessions', { headers: { cookie: `sid=${laptop.cookie}` } })
    expect(list.body.data.filter((s: { current: boolean }) => s.current)).toHaveLength(1)
    const phoneSession = list.body.data.find((s: { current: boolean }) => !s.current)
    const revoke = await call(`/api/account/sessions/${phoneSession.id}`, {
      method: 'DELETE',
      headers: { cookie: `sid=${laptop.cookie}`, 'x-csrf-token': laptop.csrf },
    })
    expect(revoke.status).toBe(204)
    expect((await call('/api/account', { headers: { authorization: `Bearer ${phone.token}` } })).status).toBe(
      401,
    )

    // someone else's session id: 404, and it stays alive
    const other = await signIn('noa@candidate.demo')
    const otherId = (await call('/api/account/sessions', { headers: { cookie: `sid=${other.cookie}` } })).body
      .data[0].id
    const foreign = await call(`/api/account/sessions/${otherId}`, {
      method: 'DELETE',
      headers: { cookie: `sid=${laptop.cookie}`, 'x-csrf-token': laptop.csrf },
    })
    expect(foreign.status).toBe(404)
    expect((await call('/api/account', { headers: { cookie: `sid=${other.cookie}` } })).status).toBe(200)

    const out = await call('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: `sid=${laptop.cookie}`, 'x-csrf-token': laptop.csrf },
    })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/sid=;/)
    expect((await call('/api/account', { headers: { cookie: `sid=${laptop.cookie}` } })).status).toBe(401)
    const seedRevoke = await call('/api/auth/revoke', {
      method: 'POST',
      headers: { cookie: `sid=${other.cookie}`, 'x-csrf-token': other.csrf },
    })
    expect(seedRevoke.status).toBe(204)
    expect((await call('/api/account', { headers: { cookie: `sid=${other.cookie}` } })).status).toBe(401)
  })

  it('expires after the idle time, with a session_expired answer', async () => {
    const s = await signIn('tom@talentbridge.demo')
    clock.advance(73 * 3600_000)
    const r = await call('/api/account', { headers: { cookie: `sid=${s.cookie}` } })
    expect(r.status).toBe(401)
    expect(r.body.code).toBe('session_expired')
    // a public page still answers, as anonymous
    expect((await call('/api/auth/session', { headers: { cookie: `sid=${s.cookie}` } })).body).toEqual({
      signed_in: false,
      demo_mode: false,
    })
  })

  it('refuses a suspended person even while a session is still open', async () => {
    const s = await signIn('noa@candidate.demo')
    await database.current.pool.query(
      `update identity.users set status = 'suspended', suspended_reason = 'test' where id = $1`,
      [s.body.user.id],
    )
    const r = await call('/api/account', { headers: { cookie: `sid=${s.cookie}` } })
    expect(r.status).toBe(403)
    expect(r.body.code).toBe('account_suspended')
    await database.current.pool.query(
      `update identity.users set status = 'active', suspended_reason = null where id = $1`,
      [s.body.user.id],
    )
  })

  it('never writes a code, a link token or a session token to the logs', async () => {
    const s = await signIn('rachel@recruiters.demo', 'token')
    const everything = logs.text()
    expect(everything).toContain('sign-in code requested')
    for (const mail of mails) {
      const code = /code is (\d{6})/.exec(unfold(mail.raw))?.[1]
      if (code) expect(everything).not.toContain(`"${code}"`)
      const link = /(ml_[A-Za-z0-9_-]{43})/.exec(unfold(mail.raw))?.[1]
      if (link) expect(everything).not.toContain(link)
    }
    expect(everything).not.toContain(s.token!)
  })
})
