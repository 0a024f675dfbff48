import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  candidateBody,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  platformAdmin,
  submitCandidate,
  uniqueTag,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { FixedClock } from '../../../kernel/clock.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

/** Two recruiters record the same person; the first submits, the second is blocked: a recorded dispute. */
async function blockedSubmission() {
  const company = await makeCompany(w)
  const [holder, claimant] = [await makeRecruiter(w), await makeRecruiter(w)]
  const person = candidateBody()
  const role = await makeRole(w, company)
  const held = await makeCandidate(w, holder, person)
  await submitCandidate(w, holder, role.id, held.id)
  const claimed = await makeCandidate(w, claimant, person)
  const blocked = await api(w, claimant).post('/api/applications', {
    role_id: role.id,
    candidate_id: claimed.id,
  })
  expect(blocked.status).toBe(409)
  return { company, holder, claimant, disputeId: blocked.body.dispute_id as string }
}

describe('the right to represent', () => {
  it('warns a second recruiter and blocks their submission of the same person to the same company, recording it', async () => {
    const company = await makeCompany(w)
    const [rachel, tom] = [
      await makeRecruiter(w, { name: 'Rachel Green' }),
      await makeRecruiter(w, { name: 'Tom Baker' }),
    ]
    const tag = uniqueTag()
    const jane = candidateBody({
      full_name: 'Jane Doe',
      email: `jane.doe.${tag}@gmail.com`,
      linkedin_url: `https://www.linkedin.com/in/jane-${tag}/`,
    })
    const [role, secretRole] = [await makeRole(w, company), await makeRole(w, company)]
    const held = await makeCandidate(w, rachel, jane)
    await submitCandidate(w, rachel, role.id, held.id)

    const toms = await api(w, tom).post('/api/candidates', { ...jane, email: `JaneDoe.${tag}@gmail.com` })
    expect(toms.status).toBe(201)
    expect(toms.body.warnings).toEqual([
      {
        matched_on: ['email', 'linkedin'],
        yours: false,
        candidate_id: null,
        represented_to: [
          { company_id: company.id, company_name: company.name, expires_at: '2027-05-04T09:00:00.000Z' },
        ],
      },
    ])
    const check = await api(w, tom).post('/api/candidates/duplicate-check', { email: jane.email })
    expect(check.body.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ matched_on: ['email'], yours: false, candidate_id: null }),
        expect.objectContaining({ matched_on: ['email'], yours: true, candidate_id: toms.body.candidate.id }),
      ]),
    )
    const blocked = await api(w, tom).post('/api/applications', {
      role_id: secretRole.id,
      candidate_id: toms.body.candidate.id,
    })
    expect(blocked.status).toBe(409)
    expect(blocked.body).toMatchObject({ code: 'duplicate_candidate', matched_on: ['email', 'linkedin'] })
    expect(blocked.body.detail).toContain(`${company.name} until 2027-05-04`)
    const record = await api(w, tom).get(`/api/ownership/disputes/${blocked.body.dispute_id}`)
    expect(record.body).toMatchObject({
      status: 'recorded',
      holder: { name: 'Rachel Green' },
      claimant: { name: 'Tom Baker' },
      representation: { ownership: 'verified' },
    })
    expect(
      (await api(w, rachel).get('/api/ownership/disputes')).body.data.map((d: { id: string }) => d.id),
    ).toEqual([blocked.body.dispute_id])
    // a third recruiter, and the company, see nothing of it
    const third = await makeRecruiter(w)
    expect((await api(w, third).get(`/api/ownership/disputes/${blocked.body.dispute_id}`)).status).toBe(404)
    expect(
      (await api(w, company.admin).get(`/api/ownership/disputes/${blocked.body.dispute_id}`)).status,
    ).toBe(403)
    const applications = await database.current.pool.query(
      'select count(*)::int as n from ats.applications where candidate_id = $1',
      [toms.body.candidate.id],
    )
    expect(applications.rows[0].n).toBe(0)
  })

  it('lets the blocked recruiter dispute and a platform admin resolve it with a reason, audited', async () => {
    const { holder, claimant, disputeId } = await blockedSubmission()
    expect(
      (
        await api(w, holder).post(`/api/ownership/disputes/${disputeId}/dispute`, {
          reason: 'I am the holder, not the claimant',
        })
      ).status,
    ).toBe(403)
    const disputed = await api(w, claimant).post(`/api/ownership/disputes/${disputeId}/dispute`, {
      reason: 'Jane replied to my outreach on 2 May, before the other submission',
    })
    expect(disputed.body).toMatchObject({ status: 'disputed', representation: { ownership: 'disputed' } })
    expect(
      (
        await api(w, claimant).post(`/api/ownership/disputes/${disputeId}/resolve`, {
          outcome: 'overturned',
          reason: 'x'.repeat(12),
        })
      ).status,
    ).toBe(403)
    const admin = await platformAdmin(w)
    const noReason = await api(w, admin).post(`/api/ownership/disputes/${disputeId}/resolve`, {
      outcome: 'upheld',
      reason: 'short',
    })
    expect(noReason.status).toBe(400)
    const resolved = await api(w, admin).post(`/api/ownership/disputes/${disputeId}/resolve`, {
      outcome: 'upheld',
      reason: 'The consent record (email, 4 May) predates any evidence from the claimant',
    })
    expect(resolved.body).toMatchObject({ status: 'upheld', representation: { ownership: 'verified' } })
    const audit = await database.current.pool.query(
      'select action from platform.audit_log where entity_id = $1 order by seq',
      [disputeId],
    )
    expect(audit.rows.map((r) => r.action)).toEqual(['ownership.disputed', 'ownership.dispute_resolved'])
  })

  it('passes the right to the claimant when a dispute is overturned', async () => {
    const { disputeId } = await blockedSubmission()
    const admin = await platformAdmin(w)
    const resolved = await api(w, admin).post(`/api/ownership/disputes/${disputeId}/resolve`, {
      outcome: 'overturned',
      reason: 'The claimant engaged the person first, with written consent',
    })
    expect(resolved.body).toMatchObject({ status: 'overturned', representation: { status: 'revoked' } })
    const reps = await database.current.pool.query(
      `select r.status, r.ownership from ats.representations r join ats.ownership_disputes d
         on d.claimant_candidate_id = r.candidate_id where d.id = $1`,
      [disputeId],
    )
    expect(reps.rows).toEqual([{ status: 'active', ownership: 'verified' }])
  })
})

describe('concurrent decisions on a dispute (issue 7 §9)', () => {
  it('resolves a dispute once when admins decide at the same time', async () => {
    const { disputeId } = await blockedSubmission()
    const admin = await platformAdmin(w)
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api(w, admin).post(`/api/ownership/disputes/${disputeId}/resolve`, {
          outcome: i % 2 ? 'overturned' : 'upheld',
          reason: 'Decided on the consent record and the dates',
        }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409])
    const audit = await database.current.pool.query(
      `select count(*)::int as n from platform.audit_log where entity_id = $1 and action = 'ownership.dispute_resolved'`,
      [disputeId],
    )
    expect(audit.rows[0].n).toBe(1)
  })

  it('opens a dispute once when the claimant sends it twice at the same time', async () => {
    const { claimant, disputeId } = await blockedSubmission()
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        api(w, claimant).post(`/api/ownership/disputes/${disputeId}/dispute`, {
          reason: 'The person replied to my outreach first',
        }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409])
  })
})
