import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../../packages/testing/src/eventually.ts'
import {
  advance,
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  platformAdmin,
  submitCandidate,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import { inTransaction } from '../../../kernel/db/transaction.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

/** A company with a hiring manager, a role, and Rachel's candidate submitted to it; Tom and Globex are outsiders. */
async function world() {
  const [acme, globex] = [await makeCompany(w), await makeCompany(w)]
  const eli = await makeTeamMember(w, acme, 'hiring_manager')
  const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
  const role = await makeRole(w, acme)
  const person = await makeCandidate(w, rachel, { full_name: 'Lena Park' })
  const application = await submitCandidate(w, rachel, role.id, person.id)
  return { acme, globex, eli, rachel, tom, role, person, application }
}

const count = async (q: string, params: unknown[]) =>
  (await database.current.pool.query(q, params)).rows[0].n as number

describe('notes and their visibility', () => {
  it('shows each kind to the right side only, from both sides, to outsiders never', async () => {
    const { acme, globex, eli, rachel, tom, application } = await world()
    const url = `/api/applications/${application.id}/notes`
    const post = (who: Parameters<typeof api>[1], body: Record<string, unknown>) =>
      api(w, who).post(url, body)

    const pitch = await post(rachel, {
      kind: 'pitch',
      body: 'Lena shipped the ROS2 migration at Boston Dynamics.',
    })
    expect(pitch.status).toBe(201)
    expect(pitch.body).toMatchObject({ kind: 'pitch', visibility: 'both', author: { side: 'recruiter' } })
    const rachelsOwn = await post(rachel, {
      kind: 'internal_note',
      body: 'She wants 20% more than the range.',
    })
    expect(rachelsOwn.body.visibility).toBe('recruiter')
    const teamOwn = await post(eli, { kind: 'internal_note', body: 'Budget is tight this quarter.' })
    expect(teamOwn.body.visibility).toBe('company')
    const privateFeedback = await post(eli, {
      kind: 'interview_feedback',
      body: 'Strong on systems, weak on testing.',
      recommendation: 'yes',
      ratings: [{ criterion_key: 'technical_skills', rating: 3 }],
    })
    expect(privateFeedback.status).toBe(201)
    expect(privateFeedback.body).toMatchObject({
      visibility: 'company',
      ratings: [
        { criterion_key: 'technical_skills', criterion_name: 'Technical skills', weight: 2, rating: 3 },
      ],
    })
    const sharedFeedback = await post(acme.admin, {
      kind: 'interview_feedback',
      body: 'Great communicator.',
      recommendation: 'strong_yes',
      share: true,
      ratings: [
        { criterion_key: 'technical_skills', rating: 4 },
        { criterion_key: 'communication', rating: 4 },
      ],
    })
    expect(sharedFeedback.body.visibility).toBe('both')
    const decision = await post(eli, { kind: 'decision_note', body: 'Moving to an offer.' })
    expect(decision.body.visibility).toBe('both')
    const keptDecision = await post(eli, {
      kind: 'decision_note',
      body: 'Offer at the low end.',
      share: false,
    })
    expect(keptDecision.body.visibility).toBe('company')

    const ids = (r: { body: { data: { id: string }[] } }) => r.body.data.map((n) => n.id)
    const recruiterView = await api(w, rachel).get(url)
    expect(recruiterView.status).toBe(200)
    expect(ids(recruiterView)).toEqual([
      pitch.body.id,
      rachelsOwn.body.id,
      sharedFeedback.body.id,
      decision.body.id,
    ])
    expect(recruiterView.body.viewer).toEqual({
      sides: ['recruiter'],
      can_write: ['information_request', 'information_response', 'pitch', 'internal_note'],
    })
    // the recruiter's summary counts only the feedback shared with her
    expect(recruiterView.body.summary).toMatchObject({
      feedback_count: 1,
      recommendations: { strong_no: 0, no: 0, yes: 0, strong_yes: 1 },
      weighted_average: 4,
    })
    const teamView = await api(w, eli).get(url)
    expect(ids(teamView)).toEqual([
      pitch.body.id,
      teamOwn.body.id,
      privateFeedback.body.id,
      sharedFeedback.body.id,
      decision.body.id,
      keptDecision.body.id,
    ])
    expect(teamView.body.summary.feedback_count).toBe(2)
    expect(teamView.body.summary.recommendations).toEqual({ strong_no: 0, no: 0, yes: 1, strong_yes: 1 })
    // technical skills: (3 + 4) / 2; communication: 4; weighted (3·2 + 4·2 + 4·1) / 5
    const tech = teamView.body.summary.criteria.find((c: { key: string }) => c.key === 'technical_skills')
    expect(tech).toMatchObject({ count: 2, average: 3.5 })
    expect(teamView.body.summary.weighted_average).toBe(3.6)
    // platform admins read every note, and write none
    const admin = await platformAdmin(w)
    expect((await api(w, admin).get(url)).body.data).toHaveLength(7)
    expect((await post(admin, { kind: 'internal_note', body: 'admin' })).status).toBe(403)
    // outsiders: another company's admin, another recruiter — the application does not exist for them
    for (const outsider of [globex.admin, tom]) {
      expect((await api(w, outsider).get(url)).status).toBe(404)
      const r = await post(outsider, { kind: 'information_request', body: 'Who is this?' })
      expect(r.status).toBe(404)
      expect(r.body.code).toBe('not_found')
    }
    // wrong side for the kind
    expect((await post(eli, { kind: 'pitch', body: 'A pitch from the company' })).status).toBe(403)
    const wrong = await post(rachel, {
      kind: 'interview_feedback',
      body: 'I interviewed her myself',
      recommendation: 'yes',
    })
    expect(wrong.status).toBe(403)
    expect(
      await count('select count(*)::int as n from ats.application_notes where application_id = $1', [
        application.id,
      ]),
    ).toBe(7)
  })

  it('applies the same rule in SQL (row-level security), and keeps notes append-only', async () => {
    const { eli, rachel, tom, globex, application } = await world()
    const url = `/api/applications/${application.id}/notes`
    await api(w, rachel).post(url, { kind: 'internal_note', body: 'recruiter only' })
    await api(w, eli).post(url, { kind: 'internal_note', body: 'company only' })
    await api(w, eli).post(url, { kind: 'information_request', body: 'both sides' })
    const bodiesAs = async (userId: string, roles: string[]) =>
      (
        await inTransaction(app.ctx.db, { kind: 'user', userId, roles }, (tx) =>
          sql<{
            body: string
          }>`select body from ats.application_notes where application_id = ${application.id} order by created_at, id`.execute(
            tx,
          ),
        )
      ).rows.map((r) => r.body)
    expect(await bodiesAs(rachel.userId, ['recruiter'])).toEqual(['recruiter only', 'both sides'])
    expect(await bodiesAs(eli.userId, [])).toEqual(['company only', 'both sides'])
    expect(await bodiesAs(tom.userId, ['recruiter'])).toEqual([])
    expect(await bodiesAs(globex.admin.userId, [])).toEqual([])
    // a note written for the other side, or as someone else, is refused by the policy
    const forge = (userId: string, roles: string[], side: string, author: string) =>
      inTransaction(app.ctx.db, { kind: 'user', userId, roles }, (tx) =>
        sql`insert into ats.application_notes (application_id, kind, author_user_id, author_side, visibility, body)
            values (${application.id}, 'internal_note', ${author}, ${side}, ${side}, 'forged')`.execute(tx),
      )
    await expect(forge(rachel.userId, ['recruiter'], 'company', rachel.userId)).rejects.toThrow(
      /row-level security/,
    )
    await expect(forge(tom.userId, ['recruiter'], 'recruiter', tom.userId)).rejects.toThrow(
      /row-level security/,
    )
    await expect(forge(rachel.userId, ['recruiter'], 'recruiter', eli.userId)).rejects.toThrow(
      /row-level security/,
    )
    // never changed or deleted, not even by the owner of the tables
    await expect(
      database.current.pool.query(
        `update ats.application_notes set body = 'changed' where application_id = $1`,
        [application.id],
      ),
    ).rejects.toThrow()
    await expect(
      database.current.pool.query(`delete from ats.application_notes where application_id = $1`, [
        application.id,
      ]),
    ).rejects.toThrow()
  })

  it('refuses bad input with a clear 400 naming the field, keeps markup as text, changes nothing', async () => {
    const { eli, rachel, application } = await world()
    const url = `/api/applications/${application.id}/notes`
    const before = await count(
      'select count(*)::int as n from ats.application_notes where application_id = $1',
      [application.id],
    )
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'pitch', body: 'x'.repeat(10_001) }, 'body.body'],
      [{ kind: 'pitch', body: '   ' }, 'body.body'],
      [{ kind: 'gossip', body: 'hi' }, 'body.kind'],
      [{ kind: 'pitch', body: 'hi', html: '<b>' }, 'body'],
      [{ kind: 'pitch', body: 'hi', recommendation: 'yes' }, 'body.recommendation'],
      [{ kind: 'pitch', body: 'hi', share: true }, 'body.share'],
      [{ kind: 'information_response', body: 'hi' }, 'body.request_note_id'],
    ]
    // the list takes no parameters: paging or filters it does not have are refused, not ignored
    for (const query of ['limit=-1', 'kind=gossip', 'starting_after=x']) {
      const r = await api(w, rachel).get(`${url}?${query}`)
      expect(r.status, query).toBe(400)
      expect(JSON.stringify(r.body.errors), query).toContain(`querystring.${query.split('=')[0]}`)
    }
    for (const [body, field] of cases) {
      const r = await api(w, rachel).post(url, body)
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(r.body.code).toBe('validation_failed')
      expect(JSON.stringify(r.body.errors ?? r.body)).toContain(field)
    }
    const feedbackCases: [Record<string, unknown>, string][] = [
      [{ kind: 'interview_feedback', body: 'ok' }, 'body.recommendation'],
      [{ kind: 'interview_feedback', body: 'ok', recommendation: 'maybe' }, 'body.recommendation'],
      [
        {
          kind: 'interview_feedback',
          body: 'ok',
          recommendation: 'yes',
          ratings: [{ criterion_key: 'charisma', rating: 3 }],
        },
        'body.ratings[0].criterion_key',
      ],
      [
        {
          kind: 'interview_feedback',
          body: 'ok',
          recommendation: 'yes',
          ratings: [{ criterion_key: 'communication', rating: 5 }],
        },
        'body.ratings.0.rating',
      ],
      [
        {
          kind: 'interview_feedback',
          body: 'ok',
          recommendation: 'yes',
          ratings: [
            { criterion_key: 'communication', rating: 2 },
            { criterion_key: 'communication', rating: 3 },
          ],
        },
        'body.ratings[1].criterion_key',
      ],
      // an interview that is not one of this application's
      [
        { kind: 'interview_feedback', body: 'ok', recommendation: 'yes', interview_id: crypto.randomUUID() },
        'body.interview_id',
      ],
    ]
    for (const [body, field] of feedbackCases) {
      const r = await api(w, eli).post(url, body)
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(JSON.stringify(r.body.errors ?? r.body)).toContain(field)
    }
    expect(
      await count('select count(*)::int as n from ats.application_notes where application_id = $1', [
        application.id,
      ]),
    ).toBe(before)
    const markup = '<script>alert(1)</script><b>bold</b> & more'
    const stored = await api(w, rachel).post(url, { kind: 'pitch', body: markup })
    expect(stored.body.body).toBe(markup)
    expect((await api(w, eli).get(url)).body.data[0].body).toBe(markup)
  })
})

describe('information requests', () => {
  it('stays open until the other side answers, once; answers of another application are refused', async () => {
    const { eli, rachel, role, application } = await world()
    const other = await submitCandidate(w, rachel, role.id, (await makeCandidate(w, rachel)).id)
    const url = `/api/applications/${application.id}/notes`
    const request = await api(w, eli).post(url, {
      kind: 'information_request',
      body: 'Notice period? Visa status?',
    })
    expect(request.status).toBe(201)
    expect(request.body.answered_by_note_id).toBeNull()
    expect((await api(w, rachel).get(url)).body.open_requests).toBe(1)
    // the asking side does not answer its own request
    const self = await api(w, eli).post(url, {
      kind: 'information_response',
      body: 'Answering myself',
      request_note_id: request.body.id,
    })
    expect(self.status).toBe(403)
    // a request of another application
    const mismatch = await api(w, rachel).post(`/api/applications/${other.id}/notes`, {
      kind: 'information_response',
      body: 'Four weeks.',
      request_note_id: request.body.id,
    })
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.code).toBe('request_mismatch')
    // a note that is no request
    const pitch = await api(w, rachel).post(url, { kind: 'pitch', body: 'She is great' })
    const notARequest = await api(w, eli).post(url, {
      kind: 'information_response',
      body: 'Thanks',
      request_note_id: pitch.body.id,
    })
    expect(notARequest.status).toBe(400)
    expect(notARequest.body.code).toBe('request_mismatch')

    // 20 identical answers at once: exactly one is written
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, rachel).post(url, {
          kind: 'information_response',
          body: 'Four weeks notice; US citizen.',
          request_note_id: request.body.id,
        }),
      ),
    )
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    expect(answers.find((r) => r.status === 409)?.body.code).toBe('request_already_answered')
    expect(
      await count(`select count(*)::int as n from ats.application_notes where request_note_id = $1`, [
        request.body.id,
      ]),
    ).toBe(1)
    const after = await api(w, eli).get(url)
    expect(after.body.open_requests).toBe(0)
    const answered = after.body.data.find((n: { id: string }) => n.id === request.body.id)
    expect(answered.answered_by_note_id).toBe(answers.find((r) => r.status === 201)?.body.id)
  })

  it('tells the other side about requests, answers and new feedback; never the author; internal notes nobody', async () => {
    const { acme, eli, rachel, application } = await world()
    const url = `/api/applications/${application.id}/notes`
    const titles = async (who: Parameters<typeof api>[1]) =>
      ((await api(w, who).get('/api/notifications')).body.data as { title: string }[]).map((n) => n.title)
    const request = await api(w, eli).post(url, { kind: 'information_request', body: 'Notice period?' })
    await eventually('Rachel hears of the request', async () =>
      (await titles(rachel)).some((t) => t.includes('asks about Lena Park')) ? true : undefined,
    )
    await api(w, rachel).post(url, {
      kind: 'information_response',
      body: 'Four weeks.',
      request_note_id: request.body.id,
    })
    await eventually('Eli hears of the answer', async () =>
      (await titles(eli)).some((t) => t.includes('answered your question about Lena Park'))
        ? true
        : undefined,
    )
    await api(w, acme.admin).post(url, {
      kind: 'interview_feedback',
      body: 'Solid.',
      recommendation: 'yes',
      share: true,
    })
    await eventually('Rachel hears of shared feedback', async () =>
      (await titles(rachel)).some((t) => t.startsWith('Interview feedback on Lena Park')) ? true : undefined,
    )
    await eventually('Eli hears of the feedback', async () =>
      (await titles(eli)).some((t) => t.startsWith('Interview feedback on Lena Park')) ? true : undefined,
    )
    await api(w, eli).post(url, { kind: 'internal_note', body: 'nobody hears of this' })
    await api(w, eli).post(url, { kind: 'interview_feedback', body: 'private', recommendation: 'no' })
    // the relay has handled everything written so far once the admin hears of Eli's private feedback
    await eventually('the admin hears of private feedback', async () =>
      (await titles(acme.admin)).filter((t) => t.startsWith('Interview feedback on Lena Park')).length === 1
        ? true
        : undefined,
    )
    expect((await titles(rachel)).filter((t) => t.startsWith('Interview feedback'))).toHaveLength(1)
    expect((await titles(eli)).filter((t) => t.startsWith('Interview feedback'))).toHaveLength(1)
    expect((await titles(acme.admin)).some((t) => t.includes('asks about'))).toBe(false)
  })
})

describe('scorecards', () => {
  it('offers a default template, lets the hiring team set criteria, refuses others and stale versions', async () => {
    const { acme, eli, rachel, globex, tom, role, application } = await world()
    const url = `/api/roles/${role.id}/scorecard`
    const first = await api(w, rachel).get(url)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ is_default: true, version: 0, can_edit: false })
    expect(first.body.criteria.map((c: { key: string }) => c.key)).toEqual([
      'technical_skills',
      'relevant_experience',
      'problem_solving',
      'communication',
      'motivation_fit',
    ])
    const criteria = [
      { name: 'ROS & C++', description: 'Real-time robotics code', weight: 3 },
      { name: 'System design', weight: 2 },
      { key: 'communication', name: 'Communication' },
    ]
    const put = await api(w, eli).put(url, { criteria, version: 0 as unknown as number })
    // version 0 is no version a client sends (min 1): the first save sends none
    expect(put.status).toBe(400)
    const saved = await api(w, eli).put(url, { criteria })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({
      is_default: false,
      version: 1,
      can_edit: true,
      updated_by_name: eli.name,
    })
    expect(saved.body.criteria).toEqual([
      { key: 'ros_c', name: 'ROS & C++', description: 'Real-time robotics code', weight: 3 },
      { key: 'system_design', name: 'System design', description: '', weight: 2 },
      { key: 'communication', name: 'Communication', description: '', weight: 1 },
    ])
    // a stale version loses
    const stale = await api(w, acme.admin).put(url, { criteria: [{ name: 'Only this' }], version: 1 })
    expect(stale.status).toBe(200)
    const lost = await api(w, eli).put(url, { criteria, version: 1 })
    expect(lost.status).toBe(409)
    expect(lost.body.code).toBe('version_conflict')
    // others
    expect((await api(w, rachel).put(url, { criteria })).status).toBe(403)
    expect((await api(w, globex.admin).put(url, { criteria })).status).toBe(404)
    expect((await api(w, globex.admin).get(url)).status).toBe(404)
    expect((await api(w, tom).get(url)).status).toBe(200) // an open role shared with everyone
    // bad input
    const dup = await api(w, eli).put(url, { criteria: [{ name: 'Skills' }, { name: 'skills' }], version: 2 })
    expect(dup.status).toBe(400)
    expect(dup.body.errors[0].field).toBe('body.criteria[1].name')
    expect((await api(w, eli).put(url, { criteria: [] })).status).toBe(400)
    expect((await api(w, eli).put(url, { criteria: [{ name: 'x', weight: 9 }] })).status).toBe(400)
    // feedback is rated on the current criteria; old ratings keep their names
    const feedback = await api(w, eli).post(`/api/applications/${application.id}/notes`, {
      kind: 'interview_feedback',
      body: 'ok',
      recommendation: 'no',
      ratings: [{ criterion_key: 'only_this', rating: 2 }],
    })
    expect(feedback.status).toBe(201)
    const summary = (await api(w, eli).get(`/api/applications/${application.id}/notes`)).body.summary
    expect(summary.criteria).toEqual([
      { key: 'only_this', name: 'Only this', weight: 1, count: 1, average: 2 },
    ])
  })
})

describe('moving back a stage', () => {
  it('needs a reason, is the hiring team’s, and keeps who, when, from → to and why', async () => {
    const { eli, rachel, globex, application } = await world()
    const atInterview = await advance(w, eli, application, 'interview')
    expect(atInterview.allowed_back).toEqual(['submitted', 'screening'])
    const url = `/api/applications/${application.id}/stage`
    const noReason = await api(w, eli).post(url, { to: 'screening' })
    expect(noReason.status).toBe(400)
    expect(noReason.body).toMatchObject({
      code: 'reason_required',
      errors: [{ field: 'body.reason', message: 'is required when moving back a stage' }],
    })
    expect((await api(w, eli).post(url, { to: 'screening', reason: '   ' })).body.code).toBe(
      'reason_required',
    )
    expect((await api(w, rachel).post(url, { to: 'screening', reason: 'mine' })).status).toBe(403)
    expect((await api(w, globex.admin).post(url, { to: 'screening', reason: 'theirs' })).status).toBe(404)
    const unchanged = await api(w, eli).get(`/api/applications/${application.id}`)
    expect(unchanged.body.stage).toBe('interview')
    const back = await api(w, eli).post(url, {
      to: 'screening',
      reason: 'The panel wants a second technical screen',
      version: unchanged.body.version,
    })
    expect(back.status).toBe(200)
    expect(back.body).toMatchObject({ stage: 'screening', allowed_back: ['submitted'] })
    expect(back.body.history.at(-1)).toMatchObject({
      from_stage: 'interview',
      to_stage: 'screening',
      changed_by: eli.userId,
      changed_by_name: eli.name,
      changed_at: '2026-05-04T09:00:00.000Z',
      reason: 'The panel wants a second technical screen',
    })
    // forward again, one step at a time
    expect((await api(w, eli).post(url, { to: 'interview' })).body.stage).toBe('interview')
    // the recruiter hears of it, with the reason
    await eventually('Rachel hears of the move back', async () => {
      const r = await api(w, rachel).get('/api/notifications')
      return (r.body.data as { body: string }[]).some((n) => n.body.includes('second technical screen'))
        ? true
        : undefined
    })
    // SQL refuses a step back without a reason in the history, and a closed application moving back
    await expect(
      database.current.pool.query(
        `insert into ats.application_stage_history (application_id, from_stage, to_stage) values ($1, 'offer', 'submitted')`,
        [application.id],
      ),
    ).rejects.toThrow(/stage_back_needs_reason/)
    await api(w, eli).post(url, { to: 'rejected', reason: 'Went elsewhere' })
    const closed = await api(w, eli).post(url, { to: 'interview', reason: 'Came back' })
    expect(closed.status).toBe(409)
    expect(closed.body.code).toBe('invalid_state_transition')
  })

  it('of 20 concurrent moves back from the same version, exactly one wins', async () => {
    const { eli, application } = await world()
    const at = await advance(w, eli, application, 'offer')
    const moves = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, eli).post(`/api/applications/${application.id}/stage`, {
          to: 'interview',
          reason: 'Offer on hold',
          version: at.version,
        }),
      ),
    )
    expect(moves.filter((r) => r.status === 200)).toHaveLength(1)
    expect(moves.filter((r) => r.status === 409)).toHaveLength(19)
    expect(
      await count(
        `select count(*)::int as n from ats.application_stage_history where application_id = $1 and to_stage = 'interview' and from_stage = 'offer'`,
        [application.id],
      ),
    ).toBe(1)
  })
})
