import { createECDH, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import webpush from 'web-push'
import { api, type World } from '../../../../../packages/testing/src/factories/index.ts'
import {
  type OfairPerson,
  ofairAdmin,
  ofairPerson,
} from '../../../../../packages/testing/src/factories/ofair.ts'
import { startSmsSink } from '../../../../../packages/testing/src/fakes/sms-sink.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import '../ofair/notices.ts'
import { attemptDelivery } from './jobs.ts'
import { type Notice, notify } from './notify.ts'

/** A local HTTP endpoint recording requests; answers with the next queued status (else 201). */
async function startSink(path = '/') {
  const got: { headers: http.IncomingHttpHeaders; body: Buffer; url: string }[] = []
  const statuses: number[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks), url: req.url ?? '' })
      const status = statuses.shift() ?? 201
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ messages: [{ id: `wamid.${got.length}` }] }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    got,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A browser's PushSubscription (a real P-256 key pair and auth secret) at the sink. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  return {
    endpoint,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  }
}

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let sms: Awaited<ReturnType<typeof startSmsSink>>
let whatsapp: Awaited<ReturnType<typeof startSink>>
let pushService: Awaited<ReturnType<typeof startSink>>
// real time, unless a test pins it (quiet hours depend on the hour in Israel)
let pinned: Date | undefined
const clock = { now: () => pinned ?? new Date() }
// 12:00 in Israel (IDT) on a summer day in the past: no quiet hours, jobs due at once
const MIDDAY = new Date('2026-07-14T09:00:00Z')
const vapid = webpush.generateVAPIDKeys()

beforeAll(async () => {
  ;[sms, whatsapp, pushService] = await Promise.all([
    startSmsSink(),
    startSink('/v21.0/1234/messages'),
    startSink('/push'),
  ])
  app = await startTestApp(database.current.url, {
    clock,
    env: {
      SMS_PROVIDER_URL: sms.url,
      WHATSAPP_PROVIDER_URL: whatsapp.url,
      WHATSAPP_TOKEN: 'wa-test-token',
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: 'mailto:ops@ofair.test',
    },
  })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  await app?.stop()
  await Promise.all([sms?.close(), whatsapp?.close(), pushService?.close()])
})

const db = () => database.current.db

async function tell(notices: Notice[], at: Date = MIDDAY) {
  pinned = at
  try {
    return await inTransaction(app.ctx.db, systemActor('test'), (tx) => notify(app.ctx, tx, notices))
  } finally {
    pinned = undefined
  }
}

const notice = (userId: string, over: Partial<Notice> = {}): Notice => ({
  kind: 'ofair_referral.offered',
  userId,
  title: 'דני (Danny) הפנה אליכם עבודה',
  body: '"החלפת דוד" — עמלת הפניה מצטברת 20%.',
  link: '/ofair/referrals',
  sourceId: crypto.randomUUID(),
  ...over,
})

const deliveriesOf = async (userId: string, sourceId: string) =>
  (
    await sql<{
      channel: string
      status: string
      attempts: number
      last_error: string | null
      send_after: Date
    }>`
      select channel, status, attempts, last_error, send_after from notifications.deliveries
       where user_id = ${userId} and source_id = ${sourceId} order by channel`.execute(db())
  ).rows

const pref = (body: { data: { event_type: string }[] }, kind: string) =>
  body.data.find((p) => p.event_type === kind)

describe('preferences per kind and channel', () => {
  let pro: OfairPerson
  beforeAll(async () => {
    pro = await ofairPerson(w, 'professional')
  })

  it('defaults: OFAIR professionals get SMS and push besides in-app and email; no WhatsApp until chosen', async () => {
    const res = await api(w, pro.session).get('/api/notifications/preferences')
    expect(res.status).toBe(200)
    expect(pref(res.body, 'ofair_referral.offered')).toMatchObject({
      in_app: true,
      email: true,
      sms: true,
      push: true,
      whatsapp: false,
      marketing: false,
    })
    // marketing is listed, and off by default
    expect(pref(res.body, 'ofair_marketing.news')).toMatchObject({ marketing: true, email: false })
    // only kinds that may reach a professional
    expect(res.body.data.every((p: { event_type: string }) => !p.event_type.startsWith('application'))).toBe(
      true,
    )
  })

  it('saves channels; channels not named keep their value; the older in_app/email form still works', async () => {
    const res = await api(w, pro.session).put('/api/notifications/preferences', {
      preferences: [{ event_type: 'ofair_referral.offered', channels: { whatsapp: true, email: false } }],
    })
    expect(res.status).toBe(200)
    expect(pref(res.body, 'ofair_referral.offered')).toMatchObject({
      whatsapp: true,
      email: false,
      sms: true,
      push: true,
    })
    const legacy = await api(w, pro.session).put('/api/notifications/preferences', {
      preferences: [{ event_type: 'ofair_referral.offered', in_app: false, email: true }],
    })
    expect(pref(legacy.body, 'ofair_referral.offered')).toMatchObject({
      in_app: false,
      email: true,
      whatsapp: true,
      sms: true,
    })
  })

  it('an unknown channel or kind: 400 with a stable code, the field, a Hebrew message, and nothing saved', async () => {
    const before = (await api(w, pro.session).get('/api/notifications/preferences')).body
    const badChannel = await api(w, pro.session).put('/api/notifications/preferences', {
      preferences: [
        { event_type: 'ofair_proposal.decided', channels: { sms: false } },
        { event_type: 'ofair_referral.offered', channels: { fax: true } },
      ],
    })
    expect(badChannel.status).toBe(400)
    expect(badChannel.body).toMatchObject({
      code: 'unknown_channel',
      errors: [{ field: 'preferences.1.channels.fax' }],
    })
    expect(badChannel.body.user_message).toMatch(/ערוץ ההתראה אינו מוכר/)
    const badKind = await api(w, pro.session).put('/api/notifications/preferences', {
      preferences: [{ event_type: 'ofair_nothing.happened', channels: { sms: true } }],
    })
    expect(badKind.status).toBe(400)
    expect(badKind.body).toMatchObject({
      code: 'unknown_notice_kind',
      errors: [{ field: 'preferences.0.event_type' }],
    })
    expect(badKind.body.user_message).toMatch(/סוג ההתראה/)
    // a real kind that cannot reach a professional (Splits Network's)
    const notMine = await api(w, pro.session).put('/api/notifications/preferences', {
      preferences: [{ event_type: 'application.submitted', in_app: false }],
    })
    expect(notMine.status).toBe(400)
    expect(notMine.body.code).toBe('unknown_notice_kind')
    // a stray field: the kernel's validation names it, in Hebrew too
    const stray = await api(w, pro.session).put('/api/notifications/preferences', {
      preferences: [{ event_type: 'ofair_referral.offered', fax: true }],
    })
    expect(stray.status).toBe(400)
    expect(stray.body.code).toBe('validation_failed')
    expect(stray.body.user_message).toBeTruthy()
    expect((await api(w, pro.session).get('/api/notifications/preferences')).body).toEqual(before)
    expect((await api(w).get('/api/notifications/preferences')).status).toBe(401)
  })

  it('20 concurrent saves of the same choice all succeed and leave one row', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, pro.session).put('/api/notifications/preferences', {
          preferences: [{ event_type: 'ofair_job.confirmed', channels: { whatsapp: i % 2 === 0 } }],
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
    const rows = await sql<{ n: number }>`select count(*)::int as n from notifications.preferences
      where user_id = ${pro.id} and event_type = 'ofair_job.confirmed'`.execute(db())
    expect(rows.rows[0]!.n).toBe(1)
  })
})

describe('quiet hours and marketing consent', () => {
  it('defaults to 22:00-07:00 Israel time; saves new hours; refuses equal or malformed times', async () => {
    const pro = await ofairPerson(w, 'professional')
    const me = api(w, pro.session)
    const initial = await me.get('/api/notifications/settings')
    expect(initial.body).toMatchObject({
      quiet_hours: { enabled: true, start: '22:00', end: '07:00', time_zone: 'Asia/Jerusalem' },
      marketing: { opted_in: false, opted_in_at: null },
      push: { public_key: vapid.publicKey, subscriptions: 0 },
    })
    const saved = await me.put('/api/notifications/settings', {
      quiet_hours: { enabled: true, start: '23:15', end: '06:30' },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.quiet_hours).toMatchObject({ start: '23:15', end: '06:30' })
    const same = await me.put('/api/notifications/settings', {
      quiet_hours: { enabled: true, start: '06:30', end: '06:30' },
    })
    expect(same.status).toBe(400)
    expect(same.body.errors[0].field).toBe('quiet_hours.end')
    const malformed = await me.put('/api/notifications/settings', {
      quiet_hours: { enabled: true, start: '25:00', end: '06:30' },
    })
    expect(malformed.status).toBe(400)
    expect(malformed.body.user_message).toMatch(/שעת התחלה/)
    expect((await me.get('/api/notifications/settings')).body.quiet_hours).toMatchObject({
      start: '23:15',
      end: '06:30',
    })
  })

  it('holds non-urgent messages until the quiet period ends (not dropped); in-app and urgent ones go at once', async () => {
    const pro = await ofairPerson(w, 'professional')
    // 23:30 in Israel (IDT, UTC+3), in the future so that nothing is sent meanwhile
    const lateEvening = new Date('2030-07-14T20:30:00Z')
    const n = notice(pro.id)
    await tell([n], lateEvening)
    const rows = await deliveriesOf(pro.id, n.sourceId)
    // (email too: logged, then skipped when due, as phone people have no address)
    expect(rows.map((r) => r.channel)).toEqual(['email', 'push', 'sms'])
    for (const r of rows) expect(r.send_after).toEqual(new Date('2030-07-15T04:00:00Z')) // 07:00 IDT
    const job = await sql<{ start_after: Date }>`select start_after from pgboss.job
      where name = 'notifications.send_sms' and data->>'user_id' = ${pro.id}`.execute(db())
    expect(job.rows[0]!.start_after).toEqual(new Date('2030-07-15T04:00:00Z'))
    const inbox = await sql<{
      n: number
    }>`select count(*)::int as n from notifications.inbox where user_id = ${pro.id}`.execute(db())
    expect(inbox.rows[0]!.n).toBe(1)

    const urgent = notice(pro.id, { urgent: true })
    await tell([urgent], lateEvening)
    for (const r of await deliveriesOf(pro.id, urgent.sourceId)) expect(r.send_after).toEqual(lateEvening)
  })

  it('marketing reaches only people who opted in (time kept), with an opt-out link that works', async () => {
    const [no, yes] = await Promise.all([ofairPerson(w, 'professional'), ofairPerson(w, 'consumer')])
    await api(w, yes.session).put('/api/notifications/preferences', {
      preferences: [{ event_type: 'ofair_marketing.news', channels: { sms: true } }],
    })
    await api(w, no.session).put('/api/notifications/preferences', {
      preferences: [{ event_type: 'ofair_marketing.news', channels: { sms: true } }],
    })
    const optIn = await api(w, yes.session).put('/api/notifications/settings', { marketing_opt_in: true })
    expect(optIn.body.marketing.opted_in).toBe(true)
    expect(optIn.body.marketing.opted_in_at).toBeTruthy()
    const m = (userId: string) =>
      notice(userId, {
        kind: 'ofair_marketing.news',
        title: 'מבצע חורף',
        body: 'חודש ראשון חינם למנויים.',
        link: '/ofair',
      })
    const told = await tell([m(no.id), m(yes.id)])
    expect(told.inApp).toBe(1)
    const rows = await sql<{
      user_id: string
    }>`select user_id from notifications.deliveries where kind = 'ofair_marketing.news'`.execute(db())
    expect(rows.rows.map((r) => r.user_id)).toEqual([yes.id])
    // the text carries the opt-out link; following it turns marketing off
    await expect
      .poll(() => sms.texts.filter((t) => t.body.to === yes.phone).length, { timeout: 15_000 })
      .toBe(1)
    const text = sms.texts.find((t) => t.body.to === yes.phone)!.body.text
    const token = /unsubscribe\?token=([0-9a-f-]{36})/.exec(text)?.[1]
    expect(token).toBeTruthy()
    expect((await api(w).post('/api/notifications/marketing/unsubscribe', { token })).status).toBe(204)
    const after = (await api(w, yes.session).get('/api/notifications/settings')).body.marketing
    expect(after).toMatchObject({ opted_in: false })
    expect(after.opted_out_at).toBeTruthy()
    const bad = await api(w).post('/api/notifications/marketing/unsubscribe', { token: crypto.randomUUID() })
    expect(bad.status).toBe(404)
    expect(bad.body.code).toBe('invalid_unsubscribe_token')
    expect((await tell([m(yes.id)])).inApp).toBe(0)
  })
})

describe('channels: SMS, WhatsApp and web push through local sinks, with the delivery log', () => {
  it('routes one notice to each chosen channel; WhatsApp as a Cloud-API template; push encrypted with VAPID', async () => {
    const pro = await ofairPerson(w, 'professional')
    const me = api(w, pro.session)
    await me.put('/api/notifications/preferences', {
      preferences: [{ event_type: 'ofair_referral.offered', channels: { whatsapp: true } }],
    })
    const sub = browserSubscription(`${pushService.url}/${pro.id}`)
    const subscribed = await me.post('/api/notifications/push/subscriptions', sub)
    expect(subscribed.status).toBe(201)
    // a second time (the browser re-subscribes): still one
    expect((await me.post('/api/notifications/push/subscriptions', sub)).status).toBe(201)
    expect((await me.get('/api/notifications/settings')).body.push.subscriptions).toBe(1)

    const n = notice(pro.id)
    const told = await tell([n])
    expect(told).toMatchObject({ inApp: 1, deliveries: 4 })
    await expect
      .poll(
        async () =>
          (await deliveriesOf(pro.id, n.sourceId)).map(
            (r) => `${r.channel}:${r.status}${r.status === 'retrying' ? r.last_error : ''}`,
          ),
        {
          timeout: 20_000,
        },
      )
      .toEqual(['email:skipped', 'push:sent', 'sms:sent', 'whatsapp:sent'])

    const text = sms.texts.find((t) => t.body.to === pro.phone)!
    expect(text.body.text).toContain('דני (Danny) הפנה אליכם עבודה')
    const wa = whatsapp.got.find((g) => JSON.parse(g.body.toString()).to === pro.phone!.replace('+', ''))!
    expect(wa.headers.authorization).toBe('Bearer wa-test-token')
    expect(JSON.parse(wa.body.toString())).toMatchObject({
      messaging_product: 'whatsapp',
      type: 'template',
      template: {
        name: 'ofair_referral_offered',
        language: { code: 'he' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: n.title }, { type: 'text' }, { type: 'text' }] },
        ],
      },
    })
    const push = pushService.got.find((g) => g.url.endsWith(pro.id))!
    expect(push.headers['content-encoding']).toBe('aes128gcm')
    expect(push.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=/)
    expect(push.headers.authorization).toContain(`k=${vapid.publicKey}`)
    expect(push.headers.ttl).toBeTruthy()
    // encrypted: the title is not readable in the body
    expect(push.body.toString('utf8')).not.toContain('Danny')
    expect(push.body.length).toBeGreaterThan(100)

    // telling twice about the same thing sends nothing more
    expect((await tell([n])).deliveries).toBe(0)
  })

  it('an expired subscription (410) is removed and the delivery marked failed; a refused WhatsApp (400) too', async () => {
    const pro = await ofairPerson(w, 'professional')
    const me = api(w, pro.session)
    await me.put('/api/notifications/preferences', {
      preferences: [{ event_type: 'ofair_proposal.decided', channels: { whatsapp: true, sms: false } }],
    })
    await me.post(
      '/api/notifications/push/subscriptions',
      browserSubscription(`${pushService.url}/gone-${pro.id}`),
    )
    pushService.statuses.push(410)
    whatsapp.statuses.push(400)
    const n = notice(pro.id, { kind: 'ofair_proposal.decided', title: 'ההצעה שלכם התקבלה' })
    await tell([n])
    await expect
      .poll(async () => (await deliveriesOf(pro.id, n.sourceId)).map((r) => `${r.channel}:${r.status}`), {
        timeout: 20_000,
      })
      .toEqual(['email:skipped', 'push:failed', 'whatsapp:failed'])
    const rows = await deliveriesOf(pro.id, n.sourceId)
    expect(rows[0]!.last_error).toBe('no email address')
    expect(rows[1]!.last_error).toMatch(/subscription expired.*410/)
    expect(rows[2]!.last_error).toMatch(/WhatsApp provider answered 400/)
    expect(rows.every((r) => r.attempts === 1)).toBe(true)
    expect((await me.get('/api/notifications/settings')).body.push.subscriptions).toBe(0)

    // the admins see them, filtered; a professional may not look
    const admin = await ofairAdmin(w)
    const failed = await api(w, admin.session).get(
      `/api/admin/notifications/deliveries?status=failed&channel=whatsapp&user_id=${pro.id}`,
    )
    expect(failed.status).toBe(200)
    expect(failed.body.data).toHaveLength(1)
    expect(failed.body.data[0]).toMatchObject({
      channel: 'whatsapp',
      status: 'failed',
      kind: 'ofair_proposal.decided',
      user_name: pro.name,
    })
    expect((await api(w, pro.session).get('/api/admin/notifications/deliveries')).status).toBe(403)
    const badFilter = await api(w, admin.session).get('/api/admin/notifications/deliveries?channel=fax')
    expect(badFilter.status).toBe(400)
  })

  it('retries: a provider error is logged as retrying, the next attempt sends; the last attempt gives up', async () => {
    const pro = await ofairPerson(w, 'professional')
    const n = notice(pro.id, { kind: 'ofair_job.confirmed', title: 'העבודה אושרה' })
    // log the delivery without the queue running it
    await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
      tx
        .insertInto('notifications.deliveries' as never)
        .values({
          user_id: pro.id,
          kind: n.kind,
          channel: 'whatsapp',
          source_id: n.sourceId,
          title: n.title,
        } as never)
        .execute(),
    )
    const id = (
      await sql<{
        id: string
      }>`select id from notifications.deliveries where source_id = ${n.sourceId}`.execute(db())
    ).rows[0]!.id
    const send = () =>
      app.ctx.services.messages.send({
        channel: 'whatsapp',
        to: pro.phone!,
        text: 'x',
        template: { name: 'ofair_job_confirmed', language: 'he', params: ['x'] },
      })
    whatsapp.statuses.push(503)
    await expect(attemptDelivery(app.ctx, id, { retryCount: 0 }, send)).rejects.toThrow(/503/)
    expect((await deliveriesOf(pro.id, n.sourceId))[0]).toMatchObject({
      status: 'retrying',
      attempts: 1,
      last_error: expect.stringMatching(/503/),
    })
    await attemptDelivery(app.ctx, id, { retryCount: 1 }, send)
    expect((await deliveriesOf(pro.id, n.sourceId))[0]).toMatchObject({
      status: 'sent',
      attempts: 2,
      last_error: null,
    })
    // the seventh attempt failing is the end
    whatsapp.statuses.push(503)
    await expect(attemptDelivery(app.ctx, id, { retryCount: 6 }, send)).rejects.toThrow(/503/)
    expect((await deliveriesOf(pro.id, n.sourceId))[0]).toMatchObject({ status: 'failed', attempts: 3 })
  })

  it('push subscriptions: bad keys or endpoints are refused (400), unsubscribe removes mine only', async () => {
    const [a, b] = await Promise.all([ofairPerson(w, 'professional'), ofairPerson(w, 'professional')])
    const bad = await api(w, a.session).post('/api/notifications/push/subscriptions', {
      endpoint: 'javascript:alert(1)',
      keys: { p256dh: 'x', auth: 'y' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.user_message).toBeTruthy()
    const sub = browserSubscription(`${pushService.url}/shared-${a.id}`)
    await api(w, a.session).post('/api/notifications/push/subscriptions', sub)
    // b cannot remove a's subscription
    expect(
      (await api(w, b.session).post('/api/notifications/push/unsubscribe', { endpoint: sub.endpoint }))
        .status,
    ).toBe(204)
    expect((await api(w, a.session).get('/api/notifications/settings')).body.push.subscriptions).toBe(1)
    expect(
      (await api(w, a.session).post('/api/notifications/push/unsubscribe', { endpoint: sub.endpoint }))
        .status,
    ).toBe(204)
    expect((await api(w, a.session).get('/api/notifications/settings')).body.push.subscriptions).toBe(0)
  })
})

describe('OFAIR: subscribers hear about new leads first', () => {
  it('a delayed notice waits in a job (in-app too) and is told when it runs', async () => {
    const pro = await ofairPerson(w, 'professional')
    const n = notice(pro.id, {
      kind: 'ofair_lead.matching',
      title: 'עבודה חדשה באזור שלכם',
      delayMinutes: 30,
    })
    const told = await tell([n], new Date())
    expect(told).toMatchObject({ inApp: 0, later: 1 })
    const job = await sql<{
      start_after: Date
      data: { notice: Notice }
    }>`select start_after, data from pgboss.job
      where name = 'notifications.notify_later' and data->'notice'->>'userId' = ${pro.id}`.execute(db())
    expect(job.rows[0]!.start_after.getTime() - Date.now()).toBeGreaterThan(29 * 60_000)
    // run it now as the queue would then
    await app.ctx.jobs.runInline('notifications.notify_later', job.rows[0]!.data, app.ctx.log)
    const inbox = await sql<{
      n: number
    }>`select count(*)::int as n from notifications.inbox where user_id = ${pro.id}`.execute(db())
    expect(inbox.rows[0]!.n).toBe(1)
  })
})
