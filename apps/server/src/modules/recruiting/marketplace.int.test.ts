import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../packages/testing/src/api-client.ts'
import { addAcmeCompany } from '../../../../../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { verifyAuditChain } from '../../kernel/audit/audit.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { demoPersonasSeed } from '../identity/seed.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

const roleBody = (over: Record<string, unknown> = {}) => ({
  company_id: ids.acme,
  title: 'Senior Robotics Software Engineer',
  description: 'Build motion planning for warehouse robots. C++, ROS, Rust.',
  function: 'engineering',
  industry: 'ai',
  seniority: 'senior',
  location: 'Boston, MA',
  country: 'US',
  work_mode: 'hybrid',
  salary: { min: '16000000', max: '20000000', currency: 'USD' },
  ...over,
})
const candidateBody = (over: Record<string, unknown> = {}) => ({
  full_name: 'Jane Doe',
  current_title: 'Robotics Engineer',
  location: 'Cambridge, MA',
  country: 'US',
  skills: ['ROS', 'C++', 'Motion planning'],
  email: 'jane.doe@gmail.com',
  phone: '+1 617 555 0142',
  linkedin_url: 'https://www.linkedin.com/in/jane-doe-robotics/',
  salary_expectation: { min: '17000000', max: '19000000', currency: 'USD' },
  consent: { method: 'email', text_version: 'rtr-2026-01' },
  ...over,
})

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx, { paymentTerms: 'net_60', billingEmail: 'ap@acme.demo' })
  for (const [key, email] of Object.entries({
    dana: 'dana@acme.demo',
    eli: 'eli@acme.demo',
    rachel: 'rachel@recruiters.demo',
    tom: 'tom@talentbridge.demo',
    admin: 'admin@splits.demo',
    noa: 'noa@candidate.demo',
  })) {
    s[key] = await sessionFor(app.ctx, { email })
  }
  ids.tomRecruiter = (await as('tom').get('/api/recruiters/me')).body.id
  ids.rachelRecruiter = (await as('rachel').get('/api/recruiters/me')).body.id
  // another company with its own admin, to prove tenants do not see each other
  const globex = await as('admin').post('/api/companies', {
    name: 'Globex',
    payment_terms: 'net_30',
    industry: 'fintech',
  })
  ids.globex = globex.body.id
  await as('admin').post(`/api/companies/${ids.globex}/team`, {
    email: 'hank@globex.demo',
    display_name: 'Hank Scorpio',
    role: 'company_admin',
  })
  s.hank = await sessionFor(app.ctx, { email: 'hank@globex.demo' })
})
afterAll(async () => app?.stop())

describe('roles', () => {
  it('refuses bad role input with a 400 naming the field, changing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ salary: { min: '20000000', max: '16000000', currency: 'USD' } }, 'body.salary.max'],
      [{ salary: { min: '1', max: '2', currency: 'XYZ' } }, 'body.salary.currency'],
      [{ salary: { min: '1.5', max: '2', currency: 'USD' } }, 'body.salary.min'],
      [{ fee_rate_bps: 12000 }, 'body.fee_rate_bps'],
      [{ fee_rate_bps: -1 }, 'body.fee_rate_bps'],
      [{ guarantee_days: -5 }, 'body.guarantee_days'],
      [{ seniority: 'wizard' }, 'body.seniority'],
      [{ title: '' }, 'body.title'],
      [{ surprise: true }, 'body.surprise'],
    ]
    for (const [over, field] of cases) {
      const r = await as('dana').post('/api/roles', roleBody(over))
      expect({ over, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({
        over,
        status: 400,
        field,
      })
    }
    const count = await database.current.pool.query('select count(*)::int as n from ats.roles')
    expect(count.rows[0].n).toBe(0)
  })

  it('lets the hiring team post a draft that recruiters cannot see until it opens', async () => {
    const created = await as('dana').post(
      '/api/roles',
      roleBody({ job_owner_recruiter_id: ids.tomRecruiter }),
    )
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      status: 'draft',
      fee_rate_bps: 2000,
      guarantee_days: 90,
      can_manage: true,
      version: 1,
    })
    expect(created.body.salary).toEqual({ min: '16000000', max: '20000000', currency: 'USD' })
    ids.role = created.body.id
    expect((await as('rachel').get(`/api/roles/${ids.role}`)).status).toBe(404)
    expect((await as('hank').get(`/api/roles/${ids.role}`)).status).toBe(404)
    expect((await as('rachel').post('/api/roles', roleBody())).status).toBe(403)
    expect((await as('hank').post('/api/roles', roleBody())).status).toBe(403) // another company's admin

    const opened = await as('eli').post(`/api/roles/${ids.role}/status`, { status: 'open' })
    expect(opened.body.status).toBe('open')
    const seen = await as('rachel').get(`/api/roles/${ids.role}`)
    expect(seen.body).toMatchObject({ status: 'open', can_manage: false, company: { name: 'Acme Robotics' } })
  })

  it('refuses a status change that is not allowed, naming the allowed ones', async () => {
    const r = await as('dana').post(`/api/roles/${ids.role}/status`, { status: 'draft' })
    expect(r.status).toBe(409)
    expect(r.body.code).toBe('invalid_state_transition')
    expect(r.body.allowed).toEqual(['paused', 'filled', 'closed'])
  })

  it('keeps every change in the history and guards concurrent edits with a version', async () => {
    const edit = await as('dana').patch(`/api/roles/${ids.role}`, {
      title: 'Staff Robotics Software Engineer',
      version: 2,
    })
    expect(edit.status).toBe(200)
    expect(edit.body.version).toBe(3)
    const stale = await as('eli').patch(`/api/roles/${ids.role}`, { location: 'Remote', version: 2 })
    expect(stale.status).toBe(409)
    const history = await as('dana').get(`/api/roles/${ids.role}/history`)
    expect(history.body.data.map((h: { change: string }) => h.change)).toEqual([
      'created',
      'status_changed',
      'updated',
    ])
    expect(history.body.data[2]).toMatchObject({
      before: { title: 'Senior Robotics Software Engineer' },
      after: { title: 'Staff Robotics Software Engineer' },
      changed_by_name: 'Dana Cohen',
    })
  })

  it('lists and filters the marketplace with cursor pagination', async () => {
    for (const [title, fn, location, min] of [
      ['Account Executive', 'sales', 'London, UK', '9000000'],
      ['Data Engineer', 'data', 'Tel Aviv, IL', '12000000'],
      ['Product Designer', 'design', 'Remote', '11000000'],
    ] as const) {
      const r = await as('dana').post(
        '/api/roles',
        roleBody({ title, function: fn, location, salary: { min, max: '21000000', currency: 'USD' } }),
      )
      await as('dana').post(`/api/roles/${r.body.id}/status`, { status: 'open' })
    }
    const all = await as('rachel').get('/api/roles')
    expect(all.body.data).toHaveLength(4)
    expect(
      (await as('rachel').get('/api/roles?function=data')).body.data.map((r: { title: string }) => r.title),
    ).toEqual(['Data Engineer'])
    expect((await as('rachel').get('/api/roles?location=london')).body.data).toHaveLength(1)
    expect((await as('rachel').get('/api/roles?q=designer')).body.data).toHaveLength(1)
    expect((await as('rachel').get('/api/roles?q=robotics')).body.data).toHaveLength(1)
    const rich = await as('rachel').get('/api/roles?salary_currency=USD&salary_max=10000000')
    expect(rich.body.data.map((r: { title: string }) => r.title)).toEqual(['Account Executive'])
    const p1 = await as('rachel').get('/api/roles?limit=3')
    expect(p1.body.has_more).toBe(true)
    const p2 = await as('rachel').get(`/api/roles?limit=3&starting_after=${p1.body.next_cursor}`)
    expect(p2.body.data).toHaveLength(1)
    expect(new Set([...p1.body.data, ...p2.body.data].map((r: { id: string }) => r.id)).size).toBe(4)
    expect((await as('rachel').get('/api/roles?starting_after=garbage')).body.code).toBe('invalid_cursor')
    expect((await as('hank').get('/api/roles')).body.data).toHaveLength(0) // Globex has no roles; Acme's are not his
  })

  it('shows a role limited to assigned recruiters only to them', async () => {
    const r = await as('dana').post(
      '/api/roles',
      roleBody({ title: 'Confidential VP Engineering', seniority: 'executive', visibility: 'assigned' }),
    )
    ids.secretRole = r.body.id
    await as('dana').post(`/api/roles/${ids.secretRole}/status`, { status: 'open' })
    await as('dana').put(`/api/roles/${ids.secretRole}/assignments`, { recruiter_ids: [ids.tomRecruiter] })
    expect((await as('tom').get(`/api/roles/${ids.secretRole}`)).status).toBe(200)
    expect((await as('rachel').get(`/api/roles/${ids.secretRole}`)).status).toBe(404)
    expect((await as('rachel').get('/api/roles?q=confidential')).body.data).toHaveLength(0)
  })
})

describe('candidates, representation and duplicates', () => {
  it('adds a candidate and refuses a recruiter’s own duplicate', async () => {
    const created = await as('rachel').post('/api/candidates', candidateBody())
    expect(created.status).toBe(201)
    expect(created.body.warnings).toEqual([])
    expect(created.body.candidate).toMatchObject({
      yours: true,
      consent: { method: 'email' },
      contacts: { email: 'jane.doe@gmail.com' },
    })
    ids.jane = created.body.candidate.id
    const again = await as('rachel').post(
      '/api/candidates',
      candidateBody({ email: 'Jane.Doe+jobs@GMAIL.com', phone: null, linkedin_url: null }),
    )
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      code: 'duplicate_candidate',
      existing_candidate_id: ids.jane,
      matched_on: ['email'],
    })
  })

  it('refuses bad candidate input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email' }, 'body.email'],
      [{ salary_expectation: { min: '9', max: '1', currency: 'USD' } }, 'body.salary_expectation_max'],
      [{ salary_expectation: { min: '9', max: '10', currency: 'DOGE' } }, 'body.salary_expectation.currency'],
      [{ linkedin_url: 'linkedin' }, 'body.linkedin_url'],
      [{ full_name: '' }, 'body.full_name'],
    ]
    for (const [over, field] of cases) {
      const r = await as('rachel').post(
        '/api/candidates',
        candidateBody({ ...over, email: (over.email as string) ?? 'x@y.demo' }),
      )
      expect({ over, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({
        over,
        status: 400,
        field,
      })
    }
  })

  it('submits a represented candidate, granting the right to represent for 12 months', async () => {
    const r = await as('rachel').post('/api/applications', {
      role_id: ids.role,
      candidate_id: ids.jane,
      note: 'Strong ROS background',
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({
      stage: 'submitted',
      ownership: 'verified',
      allowed_next: ['screening', 'rejected', 'withdrawn'],
    })
    expect(r.body.represented_until.slice(0, 10)).toBe('2027-05-04')
    ids.app = r.body.id
    const twice = await as('rachel').post('/api/applications', { role_id: ids.role, candidate_id: ids.jane })
    expect(twice.status).toBe(409)
  })

  it('warns a second recruiter and blocks their submission of the same person to the same company, recording it', async () => {
    const tomsJane = await as('tom').post(
      '/api/candidates',
      candidateBody({ email: 'JaneDoe@gmail.com', phone: null }),
    )
    expect(tomsJane.status).toBe(201)
    expect(tomsJane.body.warnings).toEqual([
      {
        matched_on: ['email', 'linkedin'],
        yours: false,
        candidate_id: null,
        represented_to: [
          { company_id: ids.acme, company_name: 'Acme Robotics', expires_at: '2027-05-04T09:00:00.000Z' },
        ],
      },
    ])
    ids.tomsJane = tomsJane.body.candidate.id
    const blocked = await as('tom').post('/api/applications', {
      role_id: ids.secretRole,
      candidate_id: ids.tomsJane,
    })
    expect(blocked.status).toBe(409)
    expect(blocked.body).toMatchObject({ code: 'duplicate_candidate', matched_on: ['email', 'linkedin'] })
    expect(blocked.body.detail).toContain('Acme Robotics until 2027-05-04')
    ids.dispute = blocked.body.dispute_id
    const record = await as('tom').get(`/api/ownership/disputes/${ids.dispute}`)
    expect(record.body).toMatchObject({
      status: 'recorded',
      holder: { name: 'Rachel Green' },
      claimant: { name: 'Tom Baker' },
    })
    expect(
      (
        await database.current.pool.query(
          'select count(*)::int as n from ats.applications where candidate_id = $1',
          [ids.tomsJane],
        )
      ).rows[0].n,
    ).toBe(0)
  })

  it('lets the blocked recruiter dispute and a platform admin resolve it with a reason', async () => {
    expect(
      (
        await as('rachel').post(`/api/ownership/disputes/${ids.dispute}/dispute`, {
          reason: 'I am the holder, not the claimant',
        })
      ).status,
    ).toBe(403)
    const disputed = await as('tom').post(`/api/ownership/disputes/${ids.dispute}/dispute`, {
      reason: 'Jane replied to my outreach on 2 May, before Rachel’s submission',
    })
    expect(disputed.body).toMatchObject({ status: 'disputed', representation: { ownership: 'disputed' } })
    expect(
      (
        await as('tom').post(`/api/ownership/disputes/${ids.dispute}/resolve`, {
          outcome: 'overturned',
          reason: 'x'.repeat(12),
        })
      ).status,
    ).toBe(403)
    const noReason = await as('admin').post(`/api/ownership/disputes/${ids.dispute}/resolve`, {
      outcome: 'upheld',
      reason: 'short',
    })
    expect(noReason.status).toBe(400)
    const resolved = await as('admin').post(`/api/ownership/disputes/${ids.dispute}/resolve`, {
      outcome: 'upheld',
      reason: 'Rachel’s consent record (email, 4 May) predates any evidence from Tom',
    })
    expect(resolved.body).toMatchObject({ status: 'upheld', representation: { ownership: 'verified' } })
    const audit = await database.current.pool.query(
      `select action from platform.audit_log where entity_id = $1 order by seq`,
      [ids.dispute],
    )
    expect(audit.rows.map((r) => r.action)).toEqual(['ownership.disputed', 'ownership.dispute_resolved'])
  })

  it('refuses submissions without consent, of someone else’s candidate, and to paused or hidden roles', async () => {
    const noConsent = await as('rachel').post(
      '/api/candidates',
      candidateBody({
        full_name: 'No Consent',
        email: 'nc@x.demo',
        phone: null,
        linkedin_url: null,
        consent: null,
      }),
    )
    const r1 = await as('rachel').post('/api/applications', {
      role_id: ids.role,
      candidate_id: noConsent.body.candidate.id,
    })
    expect(r1.status).toBe(422)
    expect(r1.body.errors[0]).toEqual({ field: 'body.candidate_id', message: 'has no consent on record' })
    expect(
      (await as('tom').post('/api/applications', { role_id: ids.role, candidate_id: ids.jane })).status,
    ).toBe(404)
    expect(
      (await as('rachel').post('/api/applications', { role_id: ids.secretRole, candidate_id: ids.jane }))
        .status,
    ).toBe(404)
    const paused = await as('dana').post('/api/roles', roleBody({ title: 'Paused role' }))
    await as('dana').post(`/api/roles/${paused.body.id}/status`, { status: 'open' })
    await as('dana').post(`/api/roles/${paused.body.id}/status`, { status: 'paused' })
    const r4 = await as('rachel').post('/api/applications', {
      role_id: paused.body.id,
      candidate_id: ids.jane,
    })
    expect(r4.status).toBe(409)
    expect(r4.body.detail).toMatch(/paused/)
  })

  it('keeps candidates private: RLS, 404s across tenants, and a logged reveal for the company', async () => {
    expect((await as('tom').get(`/api/candidates/${ids.jane}`)).status).toBe(404)
    expect((await as('hank').get(`/api/candidates/${ids.jane}`)).status).toBe(404)
    expect((await as('hank').get(`/api/applications/${ids.app}`)).status).toBe(404)
    const seen = await as('eli').get(`/api/candidates/${ids.jane}`)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ yours: false, contacts: { email: 'jane.doe@gmail.com' }, notes: null })
    const log = await database.current.pool.query(
      `select actor_user_id, purpose, fields from platform.pii_access_log where subject_id = $1`,
      [ids.jane],
    )
    expect(log.rows).toEqual([
      {
        actor_user_id: s.eli!.userId,
        purpose: 'company.candidate_review',
        fields: ['email', 'phone', 'linkedin_url'],
      },
    ])
    // the owner reading her own candidate is not a reveal
    await as('rachel').get(`/api/candidates/${ids.jane}`)
    expect(
      (
        await database.current.pool.query(
          `select count(*)::int as n from platform.pii_access_log where subject_id = $1`,
          [ids.jane],
        )
      ).rows[0].n,
    ).toBe(1)
    // a forgotten WHERE clause still shows Tom only his own candidates
    const visible = await inTransaction(
      app.ctx.db,
      { kind: 'user', userId: s.tom!.userId, roles: ['recruiter'] },
      (tx) => sql<{ n: number }>`select count(*)::int as n from ats.candidates`.execute(tx),
    )
    expect(visible.rows[0]!.n).toBe(1)
    expect((await as('rachel').get('/api/candidates?q=jane')).body.data).toHaveLength(1)
    expect((await as('tom').get('/api/candidates')).body.data.map((c: { id: string }) => c.id)).toEqual([
      ids.tomsJane,
    ])
  })
})

describe('the pipeline', () => {
  it('moves one stage at a time, by the hiring team, with reasons where needed', async () => {
    const move = (who: string, to: string, reason?: string) =>
      as(who).post(`/api/applications/${ids.app}/stage`, { to, ...(reason ? { reason } : {}) })
    const jump = await move('eli', 'offer')
    expect(jump.status).toBe(409)
    expect(jump.body.allowed).toEqual(['screening', 'rejected', 'withdrawn'])
    expect((await move('rachel', 'screening')).status).toBe(403)
    expect((await move('hank', 'screening')).status).toBe(404)
    expect((await move('eli', 'screening')).body.stage).toBe('screening')
    expect((await move('eli', 'interview')).body.stage).toBe('interview')
    expect((await move('eli', 'hired')).status).toBe(422)
    expect((await move('dana', 'offer')).body.stage).toBe('offer')
    const detail = await as('rachel').get(`/api/applications/${ids.app}`)
    expect(
      detail.body.history.map(
        (h: { to_stage: string; changed_by_name: string }) => `${h.to_stage}:${h.changed_by_name}`,
      ),
    ).toEqual([
      'submitted:Rachel Green',
      'screening:Eli Ben-David',
      'interview:Eli Ben-David',
      'offer:Dana Cohen',
    ])
  })

  it('requires a reason to reject, and lets only the submitting recruiter withdraw', async () => {
    const other = await as('rachel').post(
      '/api/candidates',
      candidateBody({ full_name: 'Sam Lee', email: 'sam@lee.demo', phone: null, linkedin_url: null }),
    )
    const data = await as('dana').get('/api/roles?function=data')
    const app2 = await as('rachel').post('/api/applications', {
      role_id: data.body.data[0].id,
      candidate_id: other.body.candidate.id,
    })
    expect((await as('eli').post(`/api/applications/${app2.body.id}/stage`, { to: 'rejected' })).status).toBe(
      400,
    )
    expect(
      (await as('eli').post(`/api/applications/${app2.body.id}/stage`, { to: 'withdrawn' })).status,
    ).toBe(403)
    const withdrawn = await as('rachel').post(`/api/applications/${app2.body.id}/stage`, {
      to: 'withdrawn',
      reason: 'Accepted another offer',
    })
    expect(withdrawn.body).toMatchObject({
      stage: 'withdrawn',
      closed_reason: 'Accepted another offer',
      allowed_next: [],
    })
    expect(
      (await as('eli').post(`/api/applications/${app2.body.id}/stage`, { to: 'screening' })).status,
    ).toBe(409)
  })

  it('hires: a placement with its guarantee, fee inputs and a 50/50 split with the job owner; the role fills', async () => {
    expect(
      (
        await as('rachel').post(`/api/applications/${ids.app}/hire`, {
          base_salary: { amount: '18500000', currency: 'USD' },
          start_date: '2026-06-01',
        })
      ).status,
    ).toBe(403)
    const bad = await as('dana').post(`/api/applications/${ids.app}/hire`, {
      base_salary: { amount: '0', currency: 'USD' },
      start_date: '2026-06-01',
    })
    expect(bad.status).toBe(400)
    const hired = await as('dana').post(`/api/applications/${ids.app}/hire`, {
      base_salary: { amount: '18500000', currency: 'USD' },
      start_date: '2026-06-01',
    })
    expect(hired.status).toBe(201)
    ids.placement = hired.body.placement_id
    const pl = await as('rachel').get(`/api/placements/${ids.placement}`)
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
    })
    expect(
      pl.body.splits.map((x: { fee_role: string; share_bps: number }) => [x.fee_role, x.share_bps]),
    ).toEqual([
      ['candidate_recruiter', 5000],
      ['job_owner', 5000],
    ])
    expect((await as('rachel').get(`/api/roles/${ids.role}`)).body).toMatchObject({
      status: 'filled',
      hired_count: 1,
    })
    expect((await as('hank').get(`/api/placements/${ids.placement}`)).status).toBe(404)
  })

  it('agrees a split that sums to exactly 100%, by every recruiter on it', async () => {
    const put = (who: string, splits: unknown[]) =>
      as(who).put(`/api/placements/${ids.placement}/splits`, { splits })
    const short = await put('rachel', [
      { fee_role: 'candidate_recruiter', recruiter_id: ids.rachelRecruiter, share_bps: 6000 },
      { fee_role: 'job_owner', recruiter_id: ids.tomRecruiter, share_bps: 3500 },
    ])
    expect(short.status).toBe(400)
    expect(short.body.detail).toMatch(/sum to 95%/)
    const twice = await put('rachel', [
      { fee_role: 'candidate_recruiter', recruiter_id: ids.rachelRecruiter, share_bps: 5000 },
      { fee_role: 'candidate_recruiter', recruiter_id: ids.tomRecruiter, share_bps: 5000 },
    ])
    expect(twice.status).toBe(400)
    expect(
      (
        await put('eli', [
          { fee_role: 'candidate_recruiter', recruiter_id: ids.rachelRecruiter, share_bps: 10000 },
        ])
      ).status,
    ).toBe(403)
    const proposed = await put('rachel', [
      { fee_role: 'candidate_recruiter', recruiter_id: ids.rachelRecruiter, share_bps: 6000 },
      { fee_role: 'job_owner', recruiter_id: ids.tomRecruiter, share_bps: 4000 },
    ])
    expect(proposed.body.split_status).toBe('pending')
    expect(proposed.body.splits.filter((x: { agreed_at: string | null }) => x.agreed_at)).toHaveLength(1)
    const agreed = await as('tom').post(`/api/placements/${ids.placement}/splits/agree`)
    expect(agreed.body.split_status).toBe('agreed')
  })

  it('records a fall-off only inside the guarantee, by the company’s admin', async () => {
    const off = (who: string, date: string) =>
      as(who).post(`/api/placements/${ids.placement}/fall-off`, { reason: 'Left after four weeks', date })
    expect((await off('eli', '2026-07-01')).status).toBe(403)
    const late = await off('dana', '2026-09-15')
    expect(late.status).toBe(422)
    expect(late.body.errors[0].field).toBe('body.date')
    const ok = await off('dana', '2026-07-01')
    expect(ok.body).toMatchObject({
      status: 'fell_off',
      fell_off_on: '2026-07-01',
      fall_off_reason: 'Left after four weeks',
    })
    expect((await off('dana', '2026-07-02')).status).toBe(409)
  })

  it('wrote the seeds’ events to the outbox, in order, with their payloads', async () => {
    const { rows } = await database.current.pool.query(
      `select event_type, payload from platform.outbox where aggregate_id in ($1, $2, $3) order by seq`,
      [ids.role, ids.app, ids.placement],
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
      application_id: ids.app,
      role_id: ids.role,
      candidate_id: ids.jane,
      old_stage: 'submitted',
      new_stage: 'screening',
      changed_by: s.eli!.userId,
    })
    expect(rows[9].payload).toMatchObject({ new_status: 'filled' })
    expect(await verifyAuditChain(app.ctx.db)).toMatchObject({ ok: true })
  })
})

describe('a recruiter on a placement', () => {
  it('sees the placed person’s profile but not their contact details', async () => {
    const seen = await as('tom').get(`/api/candidates/${ids.jane}`)
    expect(seen.status).toBe(200)
    expect(seen.body).toMatchObject({ full_name: 'Jane Doe', yours: false, contacts: null })
  })
})

describe('a recruiter who has never opened their profile', () => {
  it('is in the recruiter directory from the moment the role is granted, and sees the marketplace', async () => {
    await inTransaction(app.ctx.db, systemActor('test'), async (tx) => {
      const splits = await tx
        .selectFrom('identity.organizations')
        .select('id')
        .where('slug', '=', 'splits-network')
        .executeTakeFirstOrThrow()
      const u = await tx
        .insertInto('identity.users')
        .values({ display_name: 'New Recruiter' })
        .returning('id')
        .executeTakeFirstOrThrow()
      await tx
        .insertInto('identity.user_contacts')
        .values({ user_id: u.id, email: 'new@recruiters.demo' })
        .execute()
      await tx
        .insertInto('identity.memberships')
        .values({ user_id: u.id, organization_id: splits.id, role: 'recruiter' })
        .execute()
    })
    expect((await as('dana').get('/api/recruiters?q=New%20Recruiter')).body.data).toEqual([
      expect.objectContaining({ display_name: 'New Recruiter', plan_tier: 'starter' }),
    ])
    s.newcomer = await sessionFor(app.ctx, { email: 'new@recruiters.demo' })
    const roles = await as('newcomer').get('/api/roles')
    expect(roles.status).toBe(200)
    expect(roles.body.data.length).toBeGreaterThan(0)
  })

  it('lists only my companies with mine=true, with my place on the team, and counts roles by status', async () => {
    const mine = await as('dana').get('/api/companies?mine=true')
    expect(mine.body.data).toEqual([
      expect.objectContaining({ id: ids.acme, name: 'Acme Robotics', my_role: 'company_admin' }),
    ])
    expect((await as('rachel').get('/api/companies?mine=true')).body.data).toEqual([])
    const acme = await as('dana').get(`/api/companies/${ids.acme}`)
    expect(acme.body.roles_by_status).toMatchObject({ filled: 1, open: 4, paused: 1 })
  })
})
