import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  platformAdmin,
  submitCandidate,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { raiseSignal } from './signals.ts'

/**
 * Planted fraud in a generated marketplace: a clean network stays quiet; a duplicate person, a
 * candidate ring, a bot and a record edited after a refused duplicate are each flagged once, with
 * evidence; a serious signal holds the recruiter's submissions until an admin lifts it.
 */
const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let admin: Awaited<ReturnType<typeof platformAdmin>>
const companies: TestCompany[] = []
const roles: { id: string }[][] = []

type Signal = {
  id: string
  type: string
  severity: string
  status: string
  subject_recruiter_id: string | null
  evidence: Record<string, unknown>
  explanation: string
}

async function signals(query = ''): Promise<Signal[]> {
  const res = await api(w, admin).get(`/api/admin/fraud/signals?limit=100${query}`)
  expect(res.status).toBe(200)
  return res.body.data
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function drained() {
  // every fraud consumer has handled everything written so far
  await eventually(
    'fraud consumers idle',
    async () => {
      const r = await database.current.pool.query<{ n: number }>(
        `select count(*)::int as n from platform.outbox o
          where o.event_type in ('application.submitted', 'ownership.duplicate_blocked')
            and not exists (select 1 from fraud.recruiter_actions a where a.event_id = o.event_id)`,
      )
      return r.rows[0]!.n === 0
    },
    20_000,
  )
  await pause(800)
}

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  admin = await platformAdmin(w)
  // holds refuse people's work: they need fraud.throttling switched on (a fresh database has no flags)
  const flag = await api(w, admin).post('/api/admin/flags', {
    key: 'fraud.throttling',
    kind: 'boolean',
    description: 'Holds on recruiters with open high or critical signals',
    percentage: 100,
    reason: 'The fraud tests exercise holds',
  })
  expect(flag.status).toBe(201)
  for (let i = 0; i < 3; i++) {
    const c = await makeCompany(w)
    companies.push(c)
    roles.push([await makeRole(w, c), await makeRole(w, c)])
  }
}, 120_000)
afterAll(async () => app?.stop())

describe('a clean marketplace', () => {
  it('stays quiet: distinct people submitted at a human pace raise nothing', async () => {
    const recruiters = await Promise.all(Array.from({ length: 4 }, () => makeRecruiter(w)))
    for (const [i, r] of recruiters.entries()) {
      for (let k = 0; k < 3; k++) {
        const cand = await makeCandidate(w, r, {
          full_name: `Clean Person ${i}-${k}`,
          current_title: `Title ${i}-${k}`,
        })
        await submitCandidate(w, r, roles[k % 3]![i % 2]!.id, cand.id)
        await pause(50 + ((i * 37 + k * 91) % 200))
      }
    }
    await drained()
    const raised = await signals()
    const mine = raised.filter((s) => recruiters.some((r) => r.recruiterId === s.subject_recruiter_id))
    expect(mine).toEqual([])
  }, 120_000)
})

describe('planted fraud', () => {
  it('the same person under a second record, submitted again to the company, is flagged once', async () => {
    const r = await makeRecruiter(w)
    const first = await makeCandidate(w, r, { full_name: 'Dana Double', current_title: 'Staff Engineer' })
    const second = await makeCandidate(w, r, { full_name: 'dana  DOUBLE', current_title: 'Staff Engineer' })
    await submitCandidate(w, r, roles[0]![0]!.id, first.id)
    const app2 = await submitCandidate(w, r, roles[0]![1]!.id, second.id)
    const sig = await eventually(
      'duplicate flagged',
      async () => (await signals(`&type=duplicate_submission&recruiter_id=${r.recruiterId}`))[0],
    )
    expect(sig).toMatchObject({ severity: 'high', status: 'active' })
    expect(sig.evidence).toMatchObject({ same_recruiter: true })
    expect(sig.explanation).toContain('name+title')
    const detail = (await api(w, admin).get(`/api/admin/fraud/signals/${sig.id}`)).body
    expect(detail.entities.application_ids).toContain(app2.id)
    expect(detail.history).toEqual([expect.objectContaining({ from_status: null, to_status: 'active' })])
    // a high signal holds the recruiter: at most 3 a day, and they already used 2
    const holds = (await api(w, admin).get('/api/admin/fraud/holds?status=active')).body.data
    expect(holds).toEqual(
      expect.arrayContaining([expect.objectContaining({ recruiter_id: r.recruiterId, daily_limit: 3 })]),
    )
    // admins hear of it in-app
    const inbox = (await api(w, admin).get('/api/notifications')).body.data as { link: string }[]
    expect(inbox.some((n) => n.link === `/admin/fraud/${sig.id}`)).toBe(true)
    // the decision log has the flag
    const log = await api(w, admin).get(`/api/admin/decisions?source=fraud&subject_id=${r.recruiterId}`)
    expect(log.body.data.some((d: { kind: string }) => d.kind === 'flag')).toBe(true)
  }, 60_000)

  it('a ring of recruiters passing people round is flagged once', async () => {
    const [a, b, c] = [await makeRecruiter(w), await makeRecruiter(w), await makeRecruiter(w)]
    const hand = async (from: TestRecruiter, to: TestRecruiter, n: number) => {
      const email = `ring-${n}-${Date.now()}@people.test`
      const x = await makeCandidate(w, from, { email, full_name: `Ring Person ${n}` })
      await submitCandidate(w, from, roles[0]![0]!.id, x.id)
      const y = await makeCandidate(w, to, { email, full_name: `Ring Person ${n}` })
      await submitCandidate(w, to, roles[1]![0]!.id, y.id)
    }
    await hand(a, b, 1)
    await hand(b, c, 2)
    await hand(c, a, 3)
    const sig = await eventually('ring flagged', async () =>
      (await signals('&type=circular_sharing')).find((s) => s.subject_recruiter_id === a.recruiterId),
    )
    expect((sig.evidence as { members: number }).members).toBe(3)
    expect(sig.severity).toBe('high')
    await hand(a, b, 4) // the ring again: same members, no second signal
    await drained()
    const ringsOfThem = (await signals('&type=circular_sharing')).filter((s) =>
      [a, b, c].some((r) => r.recruiterId === s.subject_recruiter_id),
    )
    expect(ringsOfThem).toHaveLength(1)
  }, 60_000)

  it('a bot submitting at a constant pace is flagged and held; lifting the hold lets it submit', async () => {
    const bot = await makeRecruiter(w)
    const cands = []
    for (let i = 0; i < 14; i++)
      cands.push(await makeCandidate(w, bot, { full_name: `Bot Person ${i}`, current_title: `Bot ${i}` }))
    const t0 = Date.now()
    for (let i = 0; i < 12; i++) {
      await pause(Math.max(0, t0 + i * 700 - Date.now()))
      await submitCandidate(w, bot, roles[2]![i % 2]!.id, cands[i]!.id)
    }
    const sig = await eventually(
      'bot flagged',
      async () => (await signals(`&type=automated_behaviour&recruiter_id=${bot.recruiterId}`))[0],
      20_000,
    )
    expect(['high', 'critical']).toContain(sig.severity)
    expect(Number(sig.evidence.cv)).toBeLessThan(0.1)
    // held: the next submission is refused, nothing written
    const refused = await api(w, bot).post('/api/applications', {
      role_id: roles[1]![1]!.id,
      candidate_id: cands[12]!.id,
    })
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('recruiter_on_fraud_hold')
    // lifting: bad input first, then concurrent lifts (one wins)
    expect((await api(w, admin).post(`/api/admin/fraud/holds/${bot.recruiterId}/lift`, {})).status).toBe(400)
    const lifts = await Promise.all(
      Array.from({ length: 5 }, () =>
        api(w, admin).post(`/api/admin/fraud/holds/${bot.recruiterId}/lift`, {
          reason: 'Spoke to them: a bulk import tool, now stopped',
        }),
      ),
    )
    expect(lifts.map((l) => l.status).sort()).toEqual([200, 409, 409, 409, 409])
    expect(lifts.find((l) => l.status === 409)!.body.code).toBe('fraud_hold_not_active')
    await submitCandidate(w, bot, roles[1]![1]!.id, cands[12]!.id)
    const log = await api(w, admin).get(
      `/api/admin/decisions?source=fraud&kind=override&subject_id=${bot.recruiterId}`,
    )
    expect(log.body.data[0]).toMatchObject({ human_decision: 'lifted' })
  }, 90_000)

  it('identity fields edited right after a refused duplicate are flagged', async () => {
    const holder = await makeRecruiter(w)
    const sneaky = await makeRecruiter(w)
    const email = `manip-${Date.now()}@people.test`
    const held = await makeCandidate(w, holder, { email })
    await submitCandidate(w, holder, roles[2]![0]!.id, held.id)
    const copy = await makeCandidate(w, sneaky, { email })
    const blocked = await api(w, sneaky).post('/api/applications', {
      role_id: roles[2]![1]!.id,
      candidate_id: copy.id,
    })
    expect(blocked.status).toBe(409)
    await drained()
    const edit = await api(w, sneaky).patch(`/api/candidates/${copy.id}`, {
      email: `other-${email}`,
      phone: '+1 617 555 0101',
    })
    expect(edit.status).toBe(200)
    const sig = await eventually(
      'manipulation flagged',
      async () => (await signals(`&type=profile_manipulation&recruiter_id=${sneaky.recruiterId}`))[0],
    )
    expect(sig.severity).toBe('high')
    expect(sig.evidence.fields).toEqual(['email', 'phone'])
  }, 60_000)
})

describe('dedupe', () => {
  it('20 concurrent detector runs of the same pattern write one signal, one history row, one hold', async () => {
    const r = await makeRecruiter(w)
    const raise = () =>
      inTransaction(w.ctx.db, systemActor('test'), (tx) =>
        raiseSignal(
          w.ctx,
          tx,
          {
            type: 'velocity',
            severity: 'high',
            confidence: 90,
            explanation: 'planted for the test',
            evidence: { planted: true },
            subjectRecruiterId: r.recruiterId,
            entities: { recruiter_ids: [r.recruiterId] },
            dedupeKey: `test:${r.recruiterId}`,
            detectorVersion: 'test',
          },
          clock.now(),
        ),
      )
    const ids = await Promise.all(Array.from({ length: 20 }, raise))
    expect(ids.filter(Boolean)).toHaveLength(1)
    const q = (text: string) => database.current.pool.query<{ n: number }>(text, [r.recruiterId])
    expect(
      (await q('select count(*)::int as n from fraud.fraud_signals where subject_recruiter_id = $1')).rows[0]!
        .n,
    ).toBe(1)
    expect(
      (
        await q(
          'select count(*)::int as n from fraud.signal_history h join fraud.fraud_signals s on s.id = h.signal_id where s.subject_recruiter_id = $1',
        )
      ).rows[0]!.n,
    ).toBe(1)
    expect(
      (await q("select count(*)::int as n from fraud.holds where recruiter_id = $1 and status = 'active'"))
        .rows[0]!.n,
    ).toBe(1)
  })
})

describe('review', () => {
  it('moves only along active → reviewed → resolved | false_positive, notes required, one of 20 concurrent resolves wins', async () => {
    const [sig] = await signals('&status=active')
    expect(sig).toBeDefined()
    const url = `/api/admin/fraud/signals/${sig!.id}`
    expect((await api(w, admin).post(`${url}/review`, {})).status).toBe(400)
    expect((await api(w, admin).post(`${url}/review`, { notes: 'Looking into it' })).status).toBe(200)
    const again = await api(w, admin).post(`${url}/review`, { notes: 'Again' })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('fraud_signal_transition_invalid')
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, admin).post(`${url}/resolve`, { notes: 'Confirmed and handled' }),
      ),
    )
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19)
    expect((await api(w, admin).post(`${url}/dismiss`, { notes: 'too late' })).status).toBe(409)
    const detail = (await api(w, admin).get(url)).body
    expect(detail.history.map((h: { to_status: string }) => h.to_status)).toEqual([
      'active',
      'reviewed',
      'resolved',
    ])
    expect(detail.resolution_notes).toBe('Confirmed and handled')
    const decisions = await api(w, admin).get('/api/admin/decisions?source=fraud&kind=decision')
    expect(
      decisions.body.data.filter((d: { human_decision: string }) => d.human_decision === 'confirmed'),
    ).toHaveLength(1)
  }, 60_000)

  it('pages most severe first; only platform admins may look', async () => {
    const all = await signals()
    const ranks = all.map((s) => ['low', 'medium', 'high', 'critical'].indexOf(s.severity))
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
    const p1 = (await api(w, admin).get('/api/admin/fraud/signals?limit=1')).body
    const p2 = (await api(w, admin).get(`/api/admin/fraud/signals?limit=1&starting_after=${p1.next_cursor}`))
      .body
    expect(p2.data[0].id).toBe(all[1]!.id)
    expect((await api(w, admin).get('/api/admin/fraud/signals?starting_after=nope')).status).toBe(400)
    // a well-formed cursor with values no page ever gave: a 400 naming the field, never a 500
    const forged = (v: unknown[]) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const zero = '00000000-0000-0000-0000-000000000000'
    for (const cursor of [
      [3.5, '2026-01-01T00:00:00.000Z', zero],
      [99_999_999_999, '2026-01-01T00:00:00.000Z', zero],
      [-1, '2026-01-01T00:00:00.000Z', zero],
      [3, '-271821-04-20T00:00:00.000Z', zero],
      [3, '+275760-09-13T00:00:00.000Z', zero],
      [3, '2026-01-01', zero],
    ]) {
      const r = await api(w, admin).get(`/api/admin/fraud/signals?starting_after=${forged(cursor)}`)
      expect(r.status, JSON.stringify(cursor)).toBe(400)
      expect(r.body.code).toBe('invalid_cursor')
      expect(r.body.errors[0].field).toBe('querystring.starting_after')
    }
    expect((await api(w, admin).get('/api/admin/fraud/signals?severity=huge')).status).toBe(400)
    const r = await makeRecruiter(w)
    expect((await api(w, r).get('/api/admin/fraud/signals')).status).toBe(403)
  })
})
