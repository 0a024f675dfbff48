import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type World } from '../../../../../../packages/testing/src/factories/index.ts'
import {
  makeConsumerLead,
  makeProfessional,
  ofairAdmin,
  ofairPerson,
  propose,
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

async function acceptedJob() {
  const owner = await ofairPerson(w, 'consumer')
  const [performer, loser, stranger] = await Promise.all([
    makeProfessional(w),
    makeProfessional(w),
    makeProfessional(w),
  ])
  const lead = await makeConsumerLead(w, owner, { category_id: 'electricity' })
  const proposal = await propose(w, performer, lead.id)
  await propose(w, loser, lead.id)
  expect(
    (await api(w, owner.session).post(`/api/ofair/proposals/${proposal.id}/accept`, { consent: true }))
      .status,
  ).toBe(200)
  return { owner, performer, loser, stranger, leadId: lead.id as string }
}

describe('OFAIR projects', () => {
  it('an accepted proposal becomes a project: milestones move pending → in_progress → done, the performer posts updates, both sides see it', async () => {
    const { owner, performer, leadId } = await acceptedJob()
    const p = await api(w, owner.session).get(`/api/ofair/leads/${leadId}/project`)
    expect(p.status).toBe(200)
    expect(p.body).toMatchObject({
      lead_id: leadId,
      you: { is_owner: true, is_performer: false },
      performer: { id: performer.professionalId },
      milestones: [],
      updates: [],
      progress: { done: 0, total: 0 },
    })
    const id = p.body.id

    const added = await api(w, performer.session).post(`/api/ofair/projects/${id}/milestones`, {
      title: 'החלפת לוח חשמל',
      due_date: '2026-12-20',
      amount: { amount: '50000', currency: 'ILS' },
    })
    expect(added.status).toBe(201)
    const byOwner = await api(w, owner.session).post(`/api/ofair/projects/${id}/milestones`, {
      title: 'בדיקה עם הלקוחה',
    })
    expect(byOwner.status).toBe(201)
    const m = added.body.milestones[0]
    expect(m).toMatchObject({ status: 'pending', due_date: '2026-12-20', amount: { amount: '50000' } })

    const url = `/api/ofair/projects/${id}/milestones/${m.id}`
    // the owner does not move milestones; a jump and a stale version are refused
    expect((await api(w, owner.session).put(url, { status: 'in_progress', version: m.version })).status).toBe(
      403,
    )
    const jump = await api(w, performer.session).put(url, { status: 'done', version: m.version })
    expect(jump.status).toBe(409)
    expect(jump.body.code).toBe('milestone_transition_not_allowed')
    expect(jump.body.user_message).toMatch(/[א-ת]/)
    const started = await api(w, performer.session).put(url, { status: 'in_progress', version: m.version })
    expect(started.status).toBe(200)
    const stale = await api(w, performer.session).put(url, { status: 'done', version: m.version })
    expect(stale.status).toBe(409)
    expect(stale.body.code).toBe('version_conflict')
    const done = await api(w, performer.session).put(url, { status: 'done', version: m.version + 1 })
    expect(done.status).toBe(200)
    expect(done.body.progress).toEqual({ done: 1, total: 2 })
    const back = await api(w, performer.session).put(url, { status: 'pending', version: m.version + 2 })
    expect(back.status).toBe(409)

    const update = await api(w, performer.session).post(`/api/ofair/projects/${id}/updates`, {
      body: 'הלוח הוחלף, <b>נשאר</b> רק לבדוק',
    })
    expect(update.status).toBe(201)
    expect(
      (await api(w, owner.session).post(`/api/ofair/projects/${id}/updates`, { body: 'אני' })).status,
    ).toBe(403)
    const seen = await api(w, owner.session).get(`/api/ofair/projects/${id}`)
    expect(seen.body.updates.map((u: { body: string }) => u.body)).toEqual([
      'הלוח הוחלף, <b>נשאר</b> רק לבדוק',
    ])
    expect(seen.body.milestones.map((x: { status: string }) => x.status)).toEqual(['done', 'pending'])
  })

  it('only the two sides see a project; bad input is a 400 naming the field', async () => {
    const { owner, performer, loser, stranger, leadId } = await acceptedJob()
    const id = (await api(w, performer.session).get(`/api/ofair/leads/${leadId}/project`)).body.id
    const admin = await ofairAdmin(w)
    const outsider = await ofairPerson(w, 'consumer')
    for (const who of [loser, stranger, admin, outsider]) {
      expect((await api(w, who.session).get(`/api/ofair/leads/${leadId}/project`)).status).toBe(404)
      expect((await api(w, who.session).get(`/api/ofair/projects/${id}`)).status).toBe(404)
      expect(
        (await api(w, who.session).post(`/api/ofair/projects/${id}/milestones`, { title: 'חטיפה' })).status,
      ).toBe(404)
      expect(
        (await api(w, who.session).post(`/api/ofair/projects/${id}/updates`, { body: 'x' })).status,
      ).toBe(404)
    }
    const bad: [unknown, string][] = [
      [{ title: '' }, 'body.title'],
      [{ title: 'x'.repeat(121) }, 'body.title'],
      [{ title: 'שלב', due_date: '2026-13-01' }, 'body.due_date'],
      [{ title: 'שלב', amount: { amount: '-5', currency: 'ILS' } }, 'body.amount'],
      [{ title: 'שלב', extra: 1 }, 'body'],
    ]
    for (const [body, field] of bad) {
      const r = await api(w, owner.session).post(`/api/ofair/projects/${id}/milestones`, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.errors?.[0]?.field ?? '').toContain(field)
      expect(r.body.user_message).toMatch(/[א-ת]/)
    }
    const empty = await api(w, performer.session).post(`/api/ofair/projects/${id}/updates`, { body: '  ' })
    expect(empty.status).toBe(400)
    const view = await api(w, owner.session).get(`/api/ofair/projects/${id}`)
    expect(view.body.milestones).toEqual([])
    expect(view.body.updates).toEqual([])
    // a lead without an accepted proposal has no project
    const open = await makeConsumerLead(w, owner)
    expect((await api(w, owner.session).get(`/api/ofair/leads/${open.id}/project`)).status).toBe(404)
  })
})
