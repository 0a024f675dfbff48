import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  HAIFA,
  makeConsumerLead,
  makeProfessional,
  makeProLead,
  type OfairPerson,
  ofairAdmin,
  ofairPerson,
  propose,
  type TestProfessional,
} from '../../../../../../packages/testing/src/factories/ofair.ts'
import type { TestSession } from '../../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { jerusalemDate } from '../invoicing/rules.ts'
import { csvCell } from './csv.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let admin: OfairPerson
let consumer: OfairPerson
let pro: TestProfessional
let other: TestProfessional

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  admin = await ofairAdmin(w)
  consumer = await ofairPerson(w, 'consumer', 'צרכנית בדיקה')
  ;[pro, other] = (await Promise.all([makeProfessional(w), makeProfessional(w)])) as [
    TestProfessional,
    TestProfessional,
  ]
})
afterAll(async () => {
  await app?.stop()
})

const raw = async (session: TestSession | undefined, path: string) => {
  const res = await fetch(`${w.baseUrl}${path}`, { headers: { ...(session?.headers ?? {}) } })
  const bytes = Buffer.from(await res.arrayBuffer())
  return { status: res.status, type: res.headers.get('content-type'), bytes, text: bytes.toString('utf8') }
}

/** Parses the CSV we write (RFC 4180 quoting, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

describe('OFAIR admin: who may call', () => {
  it('every other persona gets 403 on every new route; anonymous 401', async () => {
    const paths: [string, string, unknown?][] = [
      ['GET', '/api/ofair/admin/leads'],
      ['GET', '/api/ofair/admin/exports/leads.csv'],
      ['GET', '/api/ofair/admin/analytics?from=2026-01-01&to=2026-12-31'],
      ['GET', '/api/ofair/admin/exports/analytics.csv?from=2026-01-01&to=2026-12-31'],
      ['GET', '/api/ofair/admin/users'],
      ['POST', `/api/ofair/admin/users/${consumer.id}/suspend`, { reason: 'בדיקה' }],
      ['POST', `/api/ofair/admin/users/${consumer.id}/reactivate`, { reason: 'בדיקה' }],
      ['POST', `/api/ofair/admin/users/${consumer.id}/contacts`, { reason: 'בדיקה' }],
      ['GET', `/api/ofair/admin/disputes/${consumer.id}`],
      ['GET', '/api/ofair/admin/pii-reads'],
      ['GET', '/api/ofair/admin/contact-access-logs'],
    ]
    for (const who of [consumer.session, pro.session]) {
      for (const [method, path, body] of paths) {
        const r = method === 'GET' ? await api(w, who).get(path) : await api(w, who).post(path, body)
        expect(r.status, `${method} ${path}`).toBe(403)
        expect(r.body.user_message).toMatch(/[א-ת]/)
      }
    }
    for (const [method, path, body] of paths) {
      const r = method === 'GET' ? await api(w).get(path) : await api(w).post(path, body)
      expect(r.status, `${method} ${path}`).toBe(401)
    }
  })
})

describe('OFAIR admin: leads', () => {
  it('searches by words, category, city, type, owner, days and the client’s phone digits (logged)', async () => {
    const a = await makeConsumerLead(w, consumer, { title: 'דליפה מתחת לכיור אדום', category_id: 'plumbing' })
    const b = await makeProLead(w, pro, { title: 'התקנת שקע בחיפה', locality_id: HAIFA })
    const list = (q: string) => api(w, admin.session).get(`/api/ofair/admin/leads?limit=100&${q}`)
    const ids = async (q: string) => ((await list(q)).body.data as { id: string }[]).map((l) => l.id)
    expect(await ids(`q=${encodeURIComponent('כיור אדום')}`)).toEqual([a.id])
    expect(await ids(`locality_id=${HAIFA}&type=professional_referral`)).toContain(b.id)
    expect(await ids(`locality_id=${HAIFA}`)).not.toContain(a.id)
    expect(await ids('category_id=plumbing')).toContain(a.id)
    expect(await ids('category_id=plumbing')).not.toContain(b.id)
    expect(await ids(`owner_user_id=${consumer.id}`)).toEqual([a.id])
    expect(await ids('from=2000-01-01&to=2000-01-31')).toEqual([])
    const today = jerusalemDate(new Date()) // the back office counts Israeli days
    expect(await ids(`from=${today}&status=active`)).toEqual(expect.arrayContaining([a.id, b.id]))

    const phone = consumer.phone!
    const before = await app.ctx.db
      .selectFrom('platform.pii_access_log' as never)
      .select(sql<number>`count(*)::int`.as('n'))
      .where('subject_type' as never, '=', 'ofair.lead_search' as never)
      .executeTakeFirstOrThrow()
    expect(await ids(`phone_digits=${phone.slice(-4)}`)).toContain(a.id)
    const after = await app.ctx.db
      .selectFrom('platform.pii_access_log' as never)
      .select(sql<number>`count(*)::int`.as('n'))
      .where('subject_type' as never, '=', 'ofair.lead_search' as never)
      .executeTakeFirstOrThrow()
    expect((after as { n: number }).n).toBe((before as { n: number }).n + 1)

    // bad input: a 400 naming the field, in Hebrew
    for (const [q, field] of [
      ['phone_digits=12', 'phone_digits'],
      ['from=2026-13-01', 'from'],
      ['from=2026-05-02&to=2026-05-01', 'to'],
      ['locality_id=abc', 'locality_id'],
      ['status=open', 'status'],
      ['sort=title', 'sort'],
    ] as const) {
      const r = await list(q)
      expect(r.status, q).toBe(400)
      expect(JSON.stringify(r.body.errors)).toContain(field)
      expect(r.body.user_message).toMatch(/[א-ת]/)
    }
  })

  it('paging newest first never skips or repeats a row while leads are published meanwhile', async () => {
    const mine = await ofairPerson(w, 'consumer', 'עמוד עמוד')
    const first = await Promise.all(
      Array.from({ length: 12 }, (_, i) => makeConsumerLead(w, mine, { title: `עבודה מספר ${i + 1}` })),
    )
    const seen: string[] = []
    let cursor: string | null = null
    let page = 0
    do {
      const r: { status: number; body: { data: { id: string }[]; next_cursor: string | null } } = await api(
        w,
        admin.session,
      ).get(
        `/api/ofair/admin/leads?owner_user_id=${mine.id}&limit=5${cursor ? `&starting_after=${cursor}` : ''}`,
      )
      expect(r.status).toBe(200)
      seen.push(...r.body.data.map((l) => l.id))
      cursor = r.body.next_cursor
      // new leads published between pages, several at once
      if (page++ < 2)
        await Promise.all(
          Array.from({ length: 4 }, (_, i) => makeConsumerLead(w, mine, { title: `חדשה ${page}-${i}` })),
        )
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual(expect.arrayContaining(first.map((l) => l.id)))
  })

  it('exports CSV with the same filters, escaping quotes, commas and formula cells', async () => {
    const evil = await ofairPerson(w, 'consumer', 'צרכן CSV')
    const titles = ['=HYPERLINK("http://x","y")', '+972 test', '-2+3', '@SUM(A1)', 'פסיק, ו"מרכאות"']
    for (const title of titles) await makeConsumerLead(w, evil, { title })
    const r = await raw(admin.session, `/api/ofair/admin/exports/leads.csv?owner_user_id=${evil.id}`)
    expect(r.status).toBe(200)
    expect(r.type).toMatch(/^text\/csv/)
    expect(r.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(r.text.startsWith('\uFEFFid,created_at,status')).toBe(true)
    const rows = parseCsv(r.text)
    expect(rows).toHaveLength(titles.length + 1)
    const exported = rows.slice(1).map((row) => row[5])
    expect(exported).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("http://x","y")`,
        `'+972 test`,
        `'-2+3`,
        `'@SUM(A1)`,
        'פסיק, ו"מרכאות"',
      ]),
    )
    // no cell of the file starts with a formula character
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@]|^-(?!\d+(\.\d+)?$)/)
    expect(csvCell('-12.50')).toBe('-12.50')
    expect(csvCell('\t=1')).toBe(`"'\t=1"`)
    // a bad filter: 400 before anything is streamed
    expect((await raw(admin.session, '/api/ofair/admin/exports/leads.csv?to=2026-99-01')).status).toBe(400)
  })

  it('streams more than one batch (a thousand rows each) without a gap', async () => {
    const bulk = await ofairPerson(w, 'consumer', 'רבים')
    await sql`insert into ofair.leads (type, title, short_description, category_id, locality_id, lat, lng,
      created_by_user_id, platform_commission_bps, created_at)
      select 'consumer', 'בכמות ' || g, 'תיאור', 'plumbing', 362, 32.08, 34.78, ${bulk.id}::uuid, 1000,
             now() - (g % 7) * interval '1 second'
        from generate_series(1, 2345) g`.execute(app.ctx.db)
    const r = await raw(admin.session, `/api/ofair/admin/exports/leads.csv?owner_user_id=${bulk.id}`)
    const rows = parseCsv(r.text).slice(1)
    expect(rows).toHaveLength(2345)
    expect(new Set(rows.map((x) => x[0])).size).toBe(2345)
  })
})

describe('OFAIR admin: people', () => {
  it('lists OFAIR people with masked contacts and their professional profile; admins only see contacts with a reason (logged)', async () => {
    const r = await api(w, admin.session).get(`/api/ofair/admin/users?q=${encodeURIComponent(pro.name)}`)
    expect(r.status).toBe(200)
    const row = r.body.data.find((u: { id: string }) => u.id === pro.id)
    expect(row).toMatchObject({
      status: 'active',
      professional: { id: pro.professionalId, status: 'verified' },
    })
    expect(row.phone_masked).toContain('***')
    expect(JSON.stringify(r.body)).not.toContain(pro.phone!)
    const roles = await api(w, admin.session).get('/api/ofair/admin/users?role=ofair_admin&limit=100')
    expect(roles.body.data.map((u: { id: string }) => u.id)).toContain(admin.id)

    expect((await api(w, admin.session).post(`/api/ofair/admin/users/${pro.id}/contacts`, {})).status).toBe(
      400,
    )
    const c = await api(w, admin.session).post(`/api/ofair/admin/users/${pro.id}/contacts`, {
      reason: 'בירור תלונה',
    })
    expect(c.status).toBe(200)
    expect(c.body.phone).toBe(pro.phone)
    const log = await api(w, admin.session).get(`/api/ofair/admin/pii-reads?subject_id=${pro.id}`)
    expect(log.body.data[0]).toMatchObject({
      subject_type: 'ofair.user',
      subject_id: pro.id,
      subject_name: pro.name,
      purpose: 'בירור תלונה',
      actor: { user_id: admin.id },
    })
  })

  it('suspends with a reason: sessions end, sign-in refused; 20 at once → one wins; reactivates; admins and self out of reach', async () => {
    const victim = await ofairPerson(w, 'consumer', 'מושעה לבדיקה')
    expect((await api(w, victim.session).get('/api/account/sessions')).status).toBe(200)
    const bad = await api(w, admin.session).post(`/api/ofair/admin/users/${victim.id}/suspend`, {
      reason: '',
    })
    expect(bad.status).toBe(400)
    const all = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, admin.session).post(`/api/ofair/admin/users/${victim.id}/suspend`, {
          reason: 'הטרדה של בעלי מקצוע',
        }),
      ),
    )
    expect(all.filter((r) => r.status === 200)).toHaveLength(1)
    expect(all.filter((r) => r.status === 409)).toHaveLength(19)
    expect(all.find((r) => r.status === 409)!.body.user_message).toMatch(/[א-ת]/)
    expect((await api(w, victim.session).get('/api/account/sessions')).status).toBe(401)
    const listed = await api(w, admin.session).get('/api/ofair/admin/users?status=suspended&limit=100')
    expect(listed.body.data.find((u: { id: string }) => u.id === victim.id)).toMatchObject({
      suspended_reason: 'הטרדה של בעלי מקצוע',
    })
    const audit = await sql<{
      action: string
      actor_role: string
    }>`select action, actor_role from platform.audit_log
      where entity_id = ${victim.id} and action like 'identity.user_%' order by seq`.execute(app.ctx.db)
    expect(audit.rows).toEqual([{ action: 'identity.user_suspended', actor_role: 'ofair_admin' }])

    const back = await api(w, admin.session).post(`/api/ofair/admin/users/${victim.id}/reactivate`, {
      reason: 'התנצל',
    })
    expect(back.body).toMatchObject({ status: 'active' })

    const anotherAdmin = await ofairPerson(w, 'ofair_admin', 'מנהל שני')
    expect(
      (
        await api(w, admin.session).post(`/api/ofair/admin/users/${anotherAdmin.id}/suspend`, {
          reason: 'נסיון',
        })
      ).status,
    ).toBe(403)
    expect(
      (await api(w, admin.session).post(`/api/ofair/admin/users/${admin.id}/suspend`, { reason: 'נסיון' }))
        .status,
    ).toBe(403)
    // someone of the other marketplace only: not found here
    const splitsOnly = await sql<{ id: string }>`select u.id from identity.users u where not exists (
      select 1 from identity.memberships m join identity.organizations o on o.id = m.organization_id
       where m.user_id = u.id and o.marketplace = 'ofair') limit 1`.execute(app.ctx.db)
    if (splitsOnly.rows[0])
      expect(
        (
          await api(w, admin.session).post(`/api/ofair/admin/users/${splitsOnly.rows[0].id}/suspend`, {
            reason: 'נסיון',
          })
        ).status,
      ).toBe(404)
  })
})

describe('OFAIR admin: disputes and logs', () => {
  it('a dispute in detail: job, amounts, parties, the opener’s statement; the access log filters and logs its own reads', async () => {
    const lead = await makeProLead(w, pro, { referrer_share_percentage: 20 })
    const proposal = await propose(w, other, lead.id, '100000')
    expect(
      (await api(w, pro.session).post(`/api/ofair/proposals/${proposal.id}/accept`, { consent: true }))
        .status,
    ).toBe(200)
    const done = await api(w, other.session).post(`/api/ofair/proposals/${proposal.id}/complete`, {
      final_amount: { amount: '100000', currency: 'ILS' },
    })
    expect(done.status).toBe(200)
    const disputed = await api(w, pro.session).post(`/api/ofair/proposals/${proposal.id}/dispute`, {
      reason: 'העבודה לא הושלמה',
    })
    expect(disputed.status).toBe(200)
    const queue = await api(w, admin.session).get('/api/ofair/admin/disputes?status=open')
    const id = queue.body.data.find((d: { lead_id: string }) => d.lead_id === lead.id).id
    const d = await api(w, admin.session).get(`/api/ofair/admin/disputes/${id}`)
    expect(d.status).toBe(200)
    expect(d.body).toMatchObject({
      status: 'open',
      opened_by_role: 'owner',
      lead: { id: lead.id, category: expect.any(String) },
      payment: { final_amount: { amount: '100000', currency: 'ILS' }, status: 'disputed' },
    })
    expect(d.body.statements).toEqual([
      expect.objectContaining({ side: 'owner', text: 'העבודה לא הושלמה' }),
      expect.objectContaining({ side: 'performer', text: null }),
    ])
    expect((await api(w, admin.session).get(`/api/ofair/admin/disputes/${lead.id}`)).status).toBe(404)

    // the admin reads the client's details: logged as admin; the log filters by role and lead
    expect((await api(w, admin.session).get(`/api/ofair/leads/${lead.id}/client`)).status).toBe(200)
    const logs = await api(w, admin.session).get(
      `/api/ofair/admin/contact-access-logs?lead_id=${lead.id}&accessor_role=admin`,
    )
    expect(logs.body.data.length).toBeGreaterThan(0)
    expect(logs.body.data.every((l: { accessor_role: string }) => l.accessor_role === 'admin')).toBe(true)
    const owner = await api(w, admin.session).get(
      `/api/ofair/admin/contact-access-logs?lead_id=${lead.id}&accessor_role=owner&from=2000-01-01&to=2000-01-02`,
    )
    expect(owner.body.data).toEqual([])
    const reads = await api(w, admin.session).get(`/api/ofair/admin/pii-reads?subject_id=${lead.id}`)
    expect(reads.body.data[0]).toMatchObject({
      subject_type: 'ofair.contact_access_log',
      fields: ['ip', 'user_agent'],
    })
  })
})

describe('OFAIR admin: analytics', () => {
  it('counts leads, proposals, acceptances and completions per month and group; CSV; bad periods refused', async () => {
    const lead = await makeConsumerLead(w, consumer, { category_id: 'plumbing' })
    await propose(w, pro, lead.id, '50000')
    const today = jerusalemDate(new Date()) // the back office counts Israeli days
    const r = await api(w, admin.session).get(
      `/api/ofair/admin/analytics?from=${today.slice(0, 8)}01&to=${today}&granularity=month&group_by=category`,
    )
    expect(r.status).toBe(200)
    const plumbing = r.body.groups.find((g: { key: string }) => g.key === 'plumbing')
    expect(plumbing.leads).toBeGreaterThanOrEqual(1)
    expect(plumbing.proposals).toBeGreaterThanOrEqual(1)
    expect(r.body.total.leads).toBe(
      r.body.periods.reduce((s: number, p: { leads: number }) => s + p.leads, 0),
    )
    // straight from the tables
    const truth = await sql<{ n: number }>`select count(*)::int as n from ofair.leads
      where created_at >= date_trunc('month', now() at time zone 'Asia/Jerusalem') at time zone 'Asia/Jerusalem'`.execute(
      app.ctx.db,
    )
    expect(r.body.total.leads).toBe(truth.rows[0]!.n)
    const byCity = await api(w, admin.session).get(
      `/api/ofair/admin/analytics?from=${today}&to=${today}&granularity=week&group_by=city`,
    )
    expect(
      byCity.body.groups.some((g: { name: string }) => g.name === 'תל אביב-יפו' || g.name.length > 0),
    ).toBe(true)

    const csv = await raw(admin.session, `/api/ofair/admin/exports/analytics.csv?from=${today}&to=${today}`)
    expect(csv.status).toBe(200)
    expect(parseCsv(csv.text)[0]).toEqual([
      'period',
      'key',
      'name',
      'leads',
      'proposals',
      'accepted',
      'completed',
      'conversion_rate',
      'acceptance_rate',
    ])
    for (const q of [
      'from=2026-02-01&to=2026-01-01',
      'from=2020-01-01&to=2026-01-01',
      'to=2026-01-01',
      'from=2026-01-01&to=2026-02-01&group_by=street',
    ]) {
      const bad = await api(w, admin.session).get(`/api/ofair/admin/analytics?${q}`)
      expect(bad.status, q).toBe(400)
    }
  })

  it('on 100,000 leads the query answers right (its time and plan printed)', async () => {
    const owner = await ofairPerson(w, 'consumer', 'עומס')
    await sql`insert into ofair.leads (type, title, short_description, category_id, locality_id, lat, lng,
      created_by_user_id, platform_commission_bps, created_at)
      select 'consumer', 'עומס ' || g, 'תיאור', (array['plumbing','electricity','painting','cleaning'])[1 + g % 4],
             (array[362, 140, 57, 307])[1 + (g / 7) % 4], 32.08, 34.78, ${owner.id}::uuid, 1000,
             timestamptz '2025-01-01' + (g % 365) * interval '1 day' + (g % 1000) * interval '1 second'
        from generate_series(1, 100000) g`.execute(app.ctx.db)
    await sql`insert into ofair.proposals (lead_id, professional_id, price_minor, description, status, rejected_reason, decided_at)
      select l.id, ${pro.professionalId}::uuid, 10000, 'הצעה', 'rejected', 'lead_closed', now()
        from ofair.leads l where l.created_by_user_id = ${owner.id}::uuid and l.title like '%0'`.execute(
      app.ctx.db,
    )
    await sql`analyze ofair.leads`.execute(app.ctx.db)
    await sql`analyze ofair.proposals`.execute(app.ctx.db)
    const t0 = performance.now()
    const r = await api(w, admin.session).get(
      '/api/ofair/admin/analytics?from=2025-01-01&to=2025-12-31&granularity=week&group_by=city',
    )
    const ms = performance.now() - t0
    expect(r.status).toBe(200)
    expect(r.body.total.leads).toBe(100000)
    expect(r.body.total.proposals).toBe(10000)
    const t1 = performance.now()
    await api(w, admin.session).get(
      '/api/ofair/admin/analytics?from=2025-01-01&to=2025-12-31&granularity=month&group_by=category',
    )
    const warm = performance.now() - t1
    console.log(
      `analytics over 100,000 leads: weeks × cities ${ms.toFixed(0)} ms (first), months × categories ${warm.toFixed(0)} ms`,
    )
    const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers off, costs off)
      with proposal_counts as (select p.lead_id, count(*) n from ofair.proposals p join ofair.leads pl on pl.id = p.lead_id
       where pl.created_at >= timestamptz '2025-01-01' and pl.created_at < timestamptz '2026-01-01' group by p.lead_id)
      select date_trunc('week', l.created_at at time zone 'Asia/Jerusalem'), l.locality_id, count(*), sum(pc.n)
        from ofair.leads l left join proposal_counts pc on pc.lead_id = l.id
       where l.created_at >= timestamptz '2025-01-01' and l.created_at < timestamptz '2026-01-01' group by 1, 2`.execute(
      app.ctx.db,
    )
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'))
  }, 120_000)
})
