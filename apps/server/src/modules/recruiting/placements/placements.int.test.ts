import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  advance,
  api,
  hire,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  submitCandidate,
  type World,
} from '../../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'
import { verifyAuditChain } from '../../../kernel/audit/audit.ts'
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

/** A placement whose split is 50/50 between the submitting recruiter and the role's job owner. */
async function placementWithJobOwner() {
  const company = await makeCompany(w)
  const [recruiter, owner] = [await makeRecruiter(w), await makeRecruiter(w)]
  const role = await makeRole(w, company, { job_owner_recruiter_id: owner.recruiterId })
  const application = await submitCandidate(w, recruiter, role.id, (await makeCandidate(w, recruiter)).id)
  const hired = await hire(w, company.admin, application)
  return {
    company,
    recruiter,
    owner,
    placementId: hired.placement_id as string,
    candidateId: application.candidate.id as string,
  }
}

describe('hiring', () => {
  it('hires: a placement with its guarantee, fee inputs and a 50/50 split with the job owner; the role fills', async () => {
    const [acme, globex] = [await makeCompany(w, { payment_terms: 'net_60' }), await makeCompany(w)]
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const role = await makeRole(w, acme, { job_owner_recruiter_id: tom.recruiterId })
    const application = await submitCandidate(w, rachel, role.id, (await makeCandidate(w, rachel)).id)
    await advance(w, acme.admin, application, 'offer')
    const at = `/api/applications/${application.id}/hire`
    const terms = { base_salary: { amount: '18500000', currency: 'USD' }, start_date: '2026-06-01' }
    expect((await api(w, rachel).post(at, terms)).status).toBe(403)
    const zero = await api(w, acme.admin).post(at, {
      ...terms,
      base_salary: { amount: '0', currency: 'USD' },
    })
    expect({ status: zero.status, field: zero.body.errors?.[0]?.field }).toEqual({
      status: 400,
      field: 'body.base_salary.amount',
    })
    const hired = await api(w, acme.admin).post(at, terms)
    expect(hired.status).toBe(201)
    expect(hired.body.application).toMatchObject({ stage: 'hired', placement_id: hired.body.placement_id })
    const pl = await api(w, rachel).get(`/api/placements/${hired.body.placement_id}`)
    expect(pl.body).toMatchObject({
      base_salary: { amount: '18500000', currency: 'USD' },
      start_date: '2026-06-01',
      guarantee_days: 90,
      guarantee_ends_on: '2026-08-30',
      fee_rate_bps: 2000,
      fee_rule_version: 'splits-fee-2026.1',
      payment_terms: 'net_60',
      status: 'active',
      split_status: 'pending',
      version: 1,
    })
    expect(
      pl.body.splits.map((x: { fee_role: string; share_bps: number }) => [x.fee_role, x.share_bps]),
    ).toEqual([
      ['candidate_recruiter', 5000],
      ['job_owner', 5000],
    ])
    expect((await api(w, rachel).get(`/api/roles/${role.id}`)).body).toMatchObject({
      status: 'filled',
      hired_count: 1,
    })
    expect((await api(w, globex.admin).get(`/api/placements/${hired.body.placement_id}`)).status).toBe(404)
    const listed = async (who: Parameters<typeof api>[1]) =>
      (await api(w, who).get('/api/placements')).body.data.map((p: { id: string }) => p.id)
    expect(await listed(rachel)).toEqual([hired.body.placement_id])
    expect(await listed(tom)).toEqual([hired.body.placement_id])
    expect(await listed(globex.admin)).toEqual([])
  })

  it('lets a recruiter on a placement see the placed person’s profile but not their contact details', async () => {
    const { owner, candidateId } = await placementWithJobOwner()
    const seen = await api(w, owner).get(`/api/candidates/${candidateId}`)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ yours: false, contacts: null, notes: null })
  })
})

describe('the split agreement', () => {
  it('agrees a split that sums to exactly 100%, by every recruiter on it', async () => {
    const { company, recruiter, owner, placementId } = await placementWithJobOwner()
    const eli = await makeTeamMember(w, company, 'hiring_manager')
    const put = (who: Parameters<typeof api>[1], splits: unknown[]) =>
      api(w, who).put(`/api/placements/${placementId}/splits`, { splits })
    const short = await put(recruiter, [
      { fee_role: 'candidate_recruiter', recruiter_id: recruiter.recruiterId, share_bps: 6000 },
      { fee_role: 'job_owner', recruiter_id: owner.recruiterId, share_bps: 3500 },
    ])
    expect(short.status).toBe(400)
    expect(short.body.detail).toMatch(/sum to 95%/)
    const twice = await put(recruiter, [
      { fee_role: 'candidate_recruiter', recruiter_id: recruiter.recruiterId, share_bps: 5000 },
      { fee_role: 'candidate_recruiter', recruiter_id: owner.recruiterId, share_bps: 5000 },
    ])
    expect(twice.status).toBe(400)
    expect(
      (
        await put(eli, [
          { fee_role: 'candidate_recruiter', recruiter_id: recruiter.recruiterId, share_bps: 10000 },
        ])
      ).status,
    ).toBe(403)
    const proposed = await put(recruiter, [
      { fee_role: 'candidate_recruiter', recruiter_id: recruiter.recruiterId, share_bps: 6000 },
      { fee_role: 'job_owner', recruiter_id: owner.recruiterId, share_bps: 4000 },
    ])
    expect(proposed.body.split_status).toBe('pending')
    expect(proposed.body.splits.filter((x: { agreed_at: string | null }) => x.agreed_at)).toHaveLength(1)
    const agreed = await api(w, owner).post(`/api/placements/${placementId}/splits/agree`, {
      version: proposed.body.version,
    })
    expect(agreed.body.split_status).toBe('agreed')
    expect((await api(w, owner).post(`/api/placements/${placementId}/splits/agree`)).status).toBe(409)
  })

  it('lets the job owner on the split propose a new split too (it was a 500: the application is not theirs to read)', async () => {
    const { recruiter, owner, placementId } = await placementWithJobOwner()
    const proposed = await api(w, owner).put(`/api/placements/${placementId}/splits`, {
      splits: [
        { fee_role: 'candidate_recruiter', recruiter_id: recruiter.recruiterId, share_bps: 4000 },
        { fee_role: 'job_owner', recruiter_id: owner.recruiterId, share_bps: 6000 },
      ],
    })
    expect(proposed.status).toBe(200)
    expect(proposed.body.splits.find((s: { agreed_at: string | null }) => s.agreed_at)?.recruiter_id).toBe(
      owner.recruiterId,
    )
    const wrong = await api(w, owner).put(`/api/placements/${placementId}/splits`, {
      splits: [{ fee_role: 'candidate_recruiter', recruiter_id: owner.recruiterId, share_bps: 10000 }],
    })
    expect({ status: wrong.status, field: wrong.body.errors?.[0]?.field }).toEqual({
      status: 422,
      field: 'body.splits',
    })
  })

  it('records a fall-off only inside the guarantee, by the company’s admin', async () => {
    const { company, placementId } = await placementWithJobOwner()
    const eli = await makeTeamMember(w, company, 'hiring_manager')
    const off = (who: Parameters<typeof api>[1], date: string) =>
      api(w, who).post(`/api/placements/${placementId}/fall-off`, { reason: 'Left after four weeks', date })
    expect((await off(eli, '2026-07-01')).status).toBe(403)
    const late = await off(company.admin, '2026-09-15')
    expect(late.status).toBe(422)
    expect(late.body.errors[0].field).toBe('body.date')
    const ok = await off(company.admin, '2026-07-01')
    expect(ok.body).toMatchObject({
      status: 'fell_off',
      fell_off_on: '2026-07-01',
      fall_off_reason: 'Left after four weeks',
    })
    expect((await off(company.admin, '2026-07-02')).status).toBe(409)
  })
})

describe('events', () => {
  it('writes the seeds’ events to the outbox, in order, with their payloads', async () => {
    const company = await makeCompany(w)
    const eli = await makeTeamMember(w, company, 'hiring_manager')
    const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
    const role = await makeRole(w, company, { job_owner_recruiter_id: tom.recruiterId })
    await api(w, company.admin).patch(`/api/roles/${role.id}`, { title: 'Staff Robotics Software Engineer' })
    const person = await makeCandidate(w, rachel)
    const application = await submitCandidate(w, rachel, role.id, person.id)
    await advance(w, eli, application, 'offer')
    const hired = await hire(w, company.admin, { ...application, stage: 'offer' })
    const placementId = hired.placement_id
    await api(w, rachel).put(`/api/placements/${placementId}/splits`, {
      splits: [
        { fee_role: 'candidate_recruiter', recruiter_id: rachel.recruiterId, share_bps: 6000 },
        { fee_role: 'job_owner', recruiter_id: tom.recruiterId, share_bps: 4000 },
      ],
    })
    await api(w, tom).post(`/api/placements/${placementId}/splits/agree`)
    await api(w, company.admin).post(`/api/placements/${placementId}/fall-off`, {
      reason: 'Left early',
      date: '2026-07-01',
    })

    const { rows } = await database.current.pool.query(
      'select event_type, payload from platform.outbox where aggregate_id in ($1, $2, $3) order by seq',
      [role.id, application.id, placementId],
    )
    expect(rows.map((r) => r.event_type)).toEqual([
      'role.created',
      'role.opened',
      'role.updated',
      'application.submitted',
      'application.stage_changed',
      'application.stage_changed',
      'application.stage_changed',
      'application.stage_changed',
      'placement.created',
      'role.closed',
      // a proposal tells everyone on the split (issue 7 §15)
      'placement.splits_proposed',
      'placement.splits_agreed',
      'placement.fell_off',
    ])
    expect(rows[4].payload).toMatchObject({
      application_id: application.id,
      role_id: role.id,
      candidate_id: person.id,
      old_stage: 'submitted',
      new_stage: 'screening',
      changed_by: eli.userId,
    })
    expect(rows[9].payload).toMatchObject({ new_status: 'filled' })
    expect(await verifyAuditChain(app.ctx.db)).toMatchObject({ ok: true })
  })
})

describe('concurrent changes to a split (issue 7 §9)', () => {
  it('lets exactly one of concurrent proposals made from the same version win', async () => {
    const { recruiter, owner, placementId } = await placementWithJobOwner()
    const loaded = (await api(w, recruiter).get(`/api/placements/${placementId}`)).body
    const answers = await Promise.all(
      [6000, 7000, 8000, 9000].map((share, i) =>
        api(w, i % 2 ? owner : recruiter).put(`/api/placements/${placementId}/splits`, {
          version: loaded.version,
          splits: [
            { fee_role: 'candidate_recruiter', recruiter_id: recruiter.recruiterId, share_bps: share },
            { fee_role: 'job_owner', recruiter_id: owner.recruiterId, share_bps: 10_000 - share },
          ],
        }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409])
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'version_conflict')).toBe(
      true,
    )
  })

  it('agrees a split once when both recruiters agree at the same time', async () => {
    const { recruiter, owner, placementId } = await placementWithJobOwner()
    const answers = await Promise.all(
      [recruiter, owner].map((r) => api(w, r).post(`/api/placements/${placementId}/splits/agree`)),
    )
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    const after = (await api(w, recruiter).get(`/api/placements/${placementId}`)).body
    expect(after.split_status).toBe('agreed')
    expect(after.splits.every((s: { agreed_at: string | null }) => s.agreed_at !== null)).toBe(true)
  })

  it('refuses to agree to a split that changed since it was read', async () => {
    const { recruiter, owner, placementId } = await placementWithJobOwner()
    const seen = (await api(w, owner).get(`/api/placements/${placementId}`)).body
    await api(w, recruiter).put(`/api/placements/${placementId}/splits`, {
      splits: [
        { fee_role: 'candidate_recruiter', recruiter_id: recruiter.recruiterId, share_bps: 9000 },
        { fee_role: 'job_owner', recruiter_id: owner.recruiterId, share_bps: 1000 },
      ],
    })
    const stale = await api(w, owner).post(`/api/placements/${placementId}/splits/agree`, {
      version: seen.version,
    })
    expect({ status: stale.status, code: stale.body.code }).toEqual({ status: 409, code: 'version_conflict' })
  })

  it('records one fall-off of concurrent ones', async () => {
    const { company, placementId } = await placementWithJobOwner()
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api(w, company.admin).post(`/api/placements/${placementId}/fall-off`, {
          reason: 'Left after four weeks',
          date: '2026-07-01',
        }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409])
  })
})
