import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  makeConsumerLead,
  makeProfessional,
  type OfairPerson,
  ofairAdmin,
  ofairPerson,
  propose,
  type TestProfessional,
} from '../../../../../../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  await app?.stop()
})

const ils = (amount: string) => ({ amount, currency: 'ILS' })

/** A consumer's request in Tel Aviv taken by `performer`: accepted, then (by default) completed and confirmed. */
async function job(
  owner: OfairPerson,
  performer: TestProfessional,
  stage: 'accepted' | 'completed' | 'confirmed' = 'confirmed',
) {
  const lead = await makeConsumerLead(w, owner, { category_id: 'electricity' })
  const proposal = await propose(w, performer, lead.id, '80000')
  expect(
    (await api(w, owner.session).post(`/api/ofair/proposals/${proposal.id}/accept`, { consent: true }))
      .status,
  ).toBe(200)
  if (stage !== 'accepted') {
    const done = await api(w, performer.session).post(`/api/ofair/proposals/${proposal.id}/complete`, {
      final_amount: ils('80000'),
    })
    expect(done.status).toBe(200)
  }
  if (stage === 'confirmed') {
    expect((await api(w, owner.session).post(`/api/ofair/proposals/${proposal.id}/confirm`)).status).toBe(200)
  }
  return { leadId: lead.id as string, proposalId: proposal.id as string }
}

async function aggregate(proId: string) {
  const r = await sql<{ rating_sum: number; review_count: number; rating_counts: number[] }>`
    select rating_sum, review_count, rating_counts from ofair.professionals where id = ${proId}`.execute(
    w.ctx.db,
  )
  return r.rows[0]!
}

/** The aggregate recomputed from the visible review rows. */
async function recomputed(proId: string) {
  const r = await sql<{ rating: number }>`
    select rating from ofair.professional_reviews where professional_id = ${proId} and hidden_at is null`.execute(
    w.ctx.db,
  )
  const counts = [0, 0, 0, 0, 0]
  for (const x of r.rows) counts[x.rating - 1]! += 1
  return {
    rating_sum: r.rows.reduce((s, x) => s + x.rating, 0),
    review_count: r.rows.length,
    rating_counts: counts,
  }
}

describe('OFAIR reviews', () => {
  it('the owner rates a confirmed job; the rating, the distribution and the public page follow; the professional replies once', async () => {
    const owner = await ofairPerson(w, 'consumer', 'רותם ישראלי')
    const performer = await makeProfessional(w)
    const { proposalId } = await job(owner, performer)

    const before = await api(w, owner.session).get(`/api/ofair/proposals/${proposalId}/review`)
    expect(before.body).toMatchObject({ can_review: true, can_reply: false, review: null })
    // the confirmation asks the owner for a rating, in the bell, linking to the lead's page
    const ask = await eventually('the request to rate the job', async () => {
      const list = await api(w, owner.session).get('/api/notifications')
      return (list.body.data as { type: string; title: string; link: string }[]).find(
        (n) => n.type === 'ofair_review.requested',
      )
    })
    expect(ask.title).toContain('איך הייתה העבודה עם')
    expect(ask.link).toMatch(/^\/ofair\/leads\/[0-9a-f-]{36}$/)

    const text = 'עבודה מצוינת <script>alert(1)</script> & "מומלץ"\nשורה שנייה'
    const rated = await api(w, owner.session).post(`/api/ofair/proposals/${proposalId}/review`, {
      rating: 4,
      body: text,
    })
    expect(rated.status).toBe(201)
    // stored and answered as the plain text it is (the web renders text, never HTML)
    expect(rated.body.review).toMatchObject({ rating: 4, body: text, reviewer: 'רותם · תל אביב-יפו' })
    expect(rated.body.can_review).toBe(false)

    expect(await aggregate(performer.professionalId)).toEqual({
      rating_sum: 4,
      review_count: 1,
      rating_counts: [0, 0, 0, 1, 0],
    })
    const pub = await api(w).get(`/api/ofair/professionals/${performer.professionalId}/reviews`)
    expect(pub.status).toBe(200)
    expect(pub.body.summary).toEqual({ average: 4, count: 1, distribution: [0, 0, 0, 1, 0] })
    expect(pub.body.reviews.data).toHaveLength(1)
    expect(pub.body.reviews.data[0]).toMatchObject({ rating: 4, reply: null })
    const profile = await api(w).get(`/api/ofair/professionals/${performer.professionalId}`)
    expect(profile.body).toMatchObject({ rating: 4, review_count: 1 })
    expect(profile.body.recent_reviews[0]).toMatchObject({ rating: 4, reviewer: 'רותם · תל אביב-יפו' })

    // the performer sees a reply box and replies once
    const mine = await api(w, performer.session).get(`/api/ofair/proposals/${proposalId}/review`)
    expect(mine.body).toMatchObject({ can_review: false, can_reply: true })
    const reviewId = rated.body.review.id
    const reply = await api(w, performer.session).post(`/api/ofair/reviews/${reviewId}/reply`, {
      body: 'תודה רבה!',
    })
    expect(reply.status).toBe(200)
    const again = await api(w, performer.session).post(`/api/ofair/reviews/${reviewId}/reply`, {
      body: 'שוב',
    })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('already_replied')
    expect(again.body.user_message).toMatch(/[א-ת]/)
    const withReply = await api(w).get(`/api/ofair/professionals/${performer.professionalId}/reviews`)
    expect(withReply.body.reviews.data[0].reply).toMatchObject({ body: 'תודה רבה!' })

    // the outbox has the events of the change
    const events = await sql<{ type: string }>`
      select event_type as type from platform.outbox where aggregate_id = ${reviewId} order by seq`.execute(
      w.ctx.db,
    )
    expect(events.rows.map((e) => e.type)).toEqual(['ofair_review.created', 'ofair_review.replied'])
  })

  it('refuses with a code and a Hebrew message, changing nothing: not confirmed, twice, bad input, the wrong person', async () => {
    const owner = await ofairPerson(w, 'consumer')
    const [performer, stranger] = await Promise.all([makeProfessional(w), makeProfessional(w)])
    const accepted = await job(owner, performer, 'accepted')
    const completed = await job(owner, performer, 'completed')
    const confirmed = await job(owner, performer)

    for (const j of [accepted, completed]) {
      const r = await api(w, owner.session).post(`/api/ofair/proposals/${j.proposalId}/review`, { rating: 5 })
      expect(r.status).toBe(409)
      expect(r.body.code).toBe('job_not_confirmed')
      expect(r.body.user_message).toMatch(/[א-ת]/)
    }

    const url = `/api/ofair/proposals/${confirmed.proposalId}/review`
    const bad: [unknown, string][] = [
      [{ rating: 0 }, 'body.rating'],
      [{ rating: 6 }, 'body.rating'],
      [{ rating: 4.5 }, 'body.rating'],
      [{ rating: '5' }, 'body.rating'],
      [{}, 'body.rating'],
      [{ rating: 5, body: 'x'.repeat(1001) }, 'body.body'],
      [{ rating: 5, body: 'שלום\u0007' }, 'body.body'],
      [{ rating: 5, body: 'שלום\u0000' }, 'body.body'],
      [{ rating: 5, stars: 5 }, 'body'],
    ]
    for (const [body, field] of bad) {
      const r = await api(w, owner.session).post(url, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.user_message).toMatch(/[א-ת]/)
      expect(r.body.errors?.[0]?.field ?? '', JSON.stringify(body)).toContain(field)
    }
    // not the owner: the performer and an admin are refused, a stranger finds nothing
    const admin = await ofairAdmin(w)
    expect((await api(w, performer.session).post(url, { rating: 5 })).status).toBe(403)
    expect((await api(w, admin.session).post(url, { rating: 5 })).status).toBe(403)
    expect((await api(w, stranger.session).post(url, { rating: 5 })).status).toBe(404)
    expect((await api(w, stranger.session).get(url)).status).toBe(404)
    expect((await api(w).post(url, { rating: 5 })).status).toBe(401)
    expect(await aggregate(performer.professionalId)).toEqual({
      rating_sum: 0,
      review_count: 0,
      rating_counts: [0, 0, 0, 0, 0],
    })

    expect((await api(w, owner.session).post(url, { rating: 2, body: '' })).status).toBe(201)
    const twice = await api(w, owner.session).post(url, { rating: 5 })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('already_reviewed')
    expect(twice.body.user_message).toMatch(/[א-ת]/)

    // replies: only the reviewed professional, a non-empty plain text
    const reviewId = (await api(w, owner.session).get(url)).body.review.id
    const replyUrl = `/api/ofair/reviews/${reviewId}/reply`
    expect((await api(w, stranger.session).post(replyUrl, { body: 'לא שלי' })).status).toBe(403)
    expect((await api(w, owner.session).post(replyUrl, { body: 'אני הלקוח' })).status).toBe(403)
    expect((await api(w, performer.session).post(replyUrl, { body: '   ' })).status).toBe(400)
    expect((await api(w, performer.session).post(replyUrl, { body: 'x'.repeat(1001) })).status).toBe(400)
    expect(
      (
        await api(w, performer.session).post(
          '/api/ofair/reviews/00000000-0000-7000-8000-000000000000/reply',
          {
            body: 'x',
          },
        )
      ).status,
    ).toBe(404)
    expect(await aggregate(performer.professionalId)).toEqual({
      rating_sum: 2,
      review_count: 1,
      rating_counts: [0, 1, 0, 0, 0],
    })
  })

  it('20 concurrent reviews of one job: exactly one is kept', async () => {
    const owner = await ofairPerson(w, 'consumer')
    const performer = await makeProfessional(w)
    const { proposalId } = await job(owner, performer)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, owner.session).post(`/api/ofair/proposals/${proposalId}/review`, { rating: (i % 5) + 1 }),
      ),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    const refused = answers.filter((a) => a.status !== 201)
    expect(refused).toHaveLength(19)
    for (const r of refused) expect(r.body.code).toBe('already_reviewed')
    const agg = await aggregate(performer.professionalId)
    expect(agg.review_count).toBe(1)
    expect(agg).toEqual(await recomputed(performer.professionalId))
  })

  it('an admin hides an abusive review (audited, out of the rating) and shows it again; settings make reviews anonymous', async () => {
    const owner = await ofairPerson(w, 'consumer', 'דנה כהן')
    const [performer, otherPro] = await Promise.all([makeProfessional(w), makeProfessional(w)])
    const a = await job(owner, performer)
    const b = await job(owner, performer)
    await api(w, owner.session).post(`/api/ofair/proposals/${a.proposalId}/review`, { rating: 5 })
    const abusive = await api(w, owner.session).post(`/api/ofair/proposals/${b.proposalId}/review`, {
      rating: 1,
      body: 'נוכל!!!',
    })
    const reviewId = abusive.body.review.id
    const admin = await ofairAdmin(w)
    const hideUrl = `/api/ofair/admin/reviews/${reviewId}/hide`

    expect((await api(w, otherPro.session).post(hideUrl, { reason: 'x' })).status).toBe(403)
    expect((await api(w, owner.session).post(hideUrl, { reason: 'x' })).status).toBe(403)
    const noReason = await api(w, admin.session).post(hideUrl, { reason: '' })
    expect(noReason.status).toBe(400)
    expect(noReason.body.user_message).toContain('סיבה')

    const hidden = await api(w, admin.session).post(hideUrl, { reason: 'שפה פוגענית' })
    expect(hidden.status).toBe(200)
    expect(hidden.body).toMatchObject({
      hidden: true,
      hidden_reason: 'שפה פוגענית',
      reviewer_display: 'דנה · תל אביב-יפו',
    })
    const pub = await api(w).get(`/api/ofair/professionals/${performer.professionalId}/reviews`)
    expect(pub.body.summary).toEqual({ average: 5, count: 1, distribution: [0, 0, 0, 0, 1] })
    expect(pub.body.reviews.data.map((r: { id: string }) => r.id)).not.toContain(reviewId)
    // the reviewer and the professional still see it, marked hidden
    expect(
      (await api(w, performer.session).get(`/api/ofair/proposals/${b.proposalId}/review`)).body.review,
    ).toMatchObject({
      hidden: true,
    })

    const twice = await api(w, admin.session).post(hideUrl, { reason: 'שוב' })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('review_already_hidden')
    expect(
      (
        await api(w, admin.session).post(
          '/api/ofair/admin/reviews/00000000-0000-7000-8000-000000000000/hide',
          {
            reason: 'x',
          },
        )
      ).status,
    ).toBe(404)

    const list = await api(w, admin.session).get(
      `/api/ofair/admin/reviews?status=hidden&professional_id=${performer.professionalId}`,
    )
    expect(list.body.data.map((r: { id: string }) => r.id)).toEqual([reviewId])

    const shown = await api(w, admin.session).post(`/api/ofair/admin/reviews/${reviewId}/unhide`, {
      reason: 'נבדק מחדש',
    })
    expect(shown.status).toBe(200)
    expect(await aggregate(performer.professionalId)).toEqual({
      rating_sum: 6,
      review_count: 2,
      rating_counts: [1, 0, 0, 0, 1],
    })
    const unhideTwice = await api(w, admin.session).post(`/api/ofair/admin/reviews/${reviewId}/unhide`, {
      reason: 'x',
    })
    expect(unhideTwice.body.code).toBe('review_not_hidden')

    const audit = await sql<{ action: string; after: { reason: string } }>`
      select action, after from platform.audit_log where entity_id = ${reviewId} order by seq`.execute(
      w.ctx.db,
    )
    expect(audit.rows.map((r) => [r.action, r.after.reason])).toEqual([
      ['ofair.review_hidden', 'שפה פוגענית'],
      ['ofair.review_unhidden', 'נבדק מחדש'],
    ])

    // anonymous display
    const settings = await api(w, admin.session).get('/api/ofair/admin/review-settings')
    expect(settings.body.display_mode).toBe('first_name_city')
    const stale = await api(w, admin.session).put('/api/ofair/admin/review-settings', {
      display_mode: 'anonymous',
      version: settings.body.version + 5,
    })
    expect(stale.status).toBe(409)
    const bad = await api(w, admin.session).put('/api/ofair/admin/review-settings', {
      display_mode: 'full_name',
      version: settings.body.version,
    })
    expect(bad.status).toBe(400)
    const anon = await api(w, admin.session).put('/api/ofair/admin/review-settings', {
      display_mode: 'anonymous',
      version: settings.body.version,
    })
    expect(anon.status).toBe(200)
    const anonymous = await api(w).get(`/api/ofair/professionals/${performer.professionalId}/reviews`)
    expect(new Set(anonymous.body.reviews.data.map((r: { reviewer: string }) => r.reviewer))).toEqual(
      new Set(['לקוח/ה של OFAIR']),
    )
    const back = await api(w, admin.session).put('/api/ofair/admin/review-settings', {
      display_mode: 'first_name_city',
      version: anon.body.version,
    })
    expect(back.status).toBe(200)
  })

  it('property: after any sequence of reviews, hides and unhides the aggregate equals a recomputation', async () => {
    const admin = await ofairAdmin(w)
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('review' as const),
        job: fc.nat(3),
        rating: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({ kind: fc.constant('hide' as const), job: fc.nat(3) }),
      fc.record({ kind: fc.constant('unhide' as const), job: fc.nat(3) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        const owner = await ofairPerson(w, 'consumer')
        const performer = await makeProfessional(w)
        const jobs = await Promise.all([0, 1, 2, 3].map(() => job(owner, performer)))
        const model = new Map<number, { rating: number; hidden: boolean; id: string }>()
        for (const a of actions) {
          const j = jobs[a.job]!
          const existing = model.get(a.job)
          if (a.kind === 'review') {
            const r = await api(w, owner.session).post(`/api/ofair/proposals/${j.proposalId}/review`, {
              rating: a.rating,
            })
            expect(r.status).toBe(existing ? 409 : 201)
            if (!existing) model.set(a.job, { rating: a.rating, hidden: false, id: r.body.review.id })
          } else if (existing) {
            const r = await api(w, admin.session).post(`/api/ofair/admin/reviews/${existing.id}/${a.kind}`, {
              reason: 'בדיקה',
            })
            const effective = a.kind === 'hide' ? !existing.hidden : existing.hidden
            expect(r.status).toBe(effective ? 200 : 409)
            if (effective) existing.hidden = a.kind === 'hide'
          }
        }
        const visible = [...model.values()].filter((m) => !m.hidden)
        const agg = await aggregate(performer.professionalId)
        expect(agg).toEqual(await recomputed(performer.professionalId))
        expect(agg.review_count).toBe(visible.length)
        expect(agg.rating_sum).toBe(visible.reduce((s, m) => s + m.rating, 0))
        const pub = await api(w).get(`/api/ofair/professionals/${performer.professionalId}/reviews`)
        expect(pub.body.summary.count).toBe(visible.length)
        expect(pub.body.summary.average).toBe(
          visible.length ? Math.round((agg.rating_sum / visible.length) * 10) / 10 : null,
        )
      }),
      { numRuns: 8 },
    )
  }, 120_000)
})
