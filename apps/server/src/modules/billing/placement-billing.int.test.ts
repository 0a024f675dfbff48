import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../packages/testing/src/api-client.ts'
import { addAcmeCompany } from '../../../../../packages/testing/src/fixtures.ts'
import { sessionFor, type TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { demoPersonasSeed } from '../identity/seed.ts'
import { verifyPayoutAuditChain } from './payout-audit.ts'

/**
 * GET /api/placements/{id}/billing: the statement, or `null` while billing has not made it yet (a
 * web-only process here, so the placement event is never handled), without a 404 for the
 * placement's parties; a 404 for everyone else, as for the statement itself. And a company admin's
 * own change of billing settings is audited on the chain they cannot read.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
const s: Record<string, TestSession> = {}
const ids: Record<string, string> = {}
const as = (who: string) => apiClient(app.baseUrl, s[who])

beforeAll(async () => {
  app = await startTestApp(database.current.url, { role: 'web' })
  await demoPersonasSeed.run(app.ctx, () => {})
  ids.acme = await addAcmeCompany(app.ctx, { paymentTerms: 'net_30' })
  for (const [key, email] of Object.entries({
    dana: 'dana@acme.demo',
    eli: 'eli@acme.demo',
    rachel: 'rachel@recruiters.demo',
    tom: 'tom@talentbridge.demo',
    admin: 'admin@splits.demo',
  })) {
    s[key] = await sessionFor(app.ctx, { email })
  }
  const role = await as('dana').post('/api/roles', {
    company_id: ids.acme,
    title: 'Controls Engineer',
    description: 'Build things.',
    function: 'engineering',
    seniority: 'senior',
    work_mode: 'remote',
    salary: { min: '10000000', max: '20000000', currency: 'USD' },
    openings: 1,
  })
  await as('dana').post(`/api/roles/${role.body.id}/status`, { status: 'open' })
  const cand = await as('rachel').post('/api/candidates', {
    full_name: 'Grace Hopper',
    email: `${randomUUID()}@example.com`,
    consent: { method: 'email', text_version: 'rtr-2026-01' },
  })
  const application = await as('rachel').post('/api/applications', {
    role_id: role.body.id,
    candidate_id: cand.body.candidate.id,
  })
  for (const to of ['screening', 'interview', 'offer']) {
    await as('dana').post(`/api/applications/${application.body.id}/stage`, { to })
  }
  const hired = await as('dana').post(`/api/applications/${application.body.id}/hire`, {
    base_salary: { amount: '15000000', currency: 'USD' },
    start_date: '2026-06-01',
  })
  expect(hired.status).toBe(201)
  ids.placement = hired.body.placement_id
})
afterAll(async () => app?.stop())

describe('a placement’s billing before its statement is made', () => {
  it('answers statement: null to every party, where the statement route answers 404', async () => {
    for (const who of ['rachel', 'dana', 'eli', 'admin']) {
      const r = await as(who).get(`/api/placements/${ids.placement}/billing`)
      expect(r.status, who).toBe(200)
      expect(r.body, who).toEqual({ placement_id: ids.placement, statement: null })
    }
    expect((await as('rachel').get(`/api/placements/${ids.placement}/statement`)).status).toBe(404)
  })

  it('still tells nobody else that the placement exists', async () => {
    expect((await as('tom').get(`/api/placements/${ids.placement}/billing`)).status).toBe(404)
    expect((await as('tom').get(`/api/placements/${randomUUID()}/billing`)).status).toBe(404)
    expect((await as('rachel').get('/api/placements/not-an-id/billing')).status).toBe(400)
  })
})

describe('a company admin’s billing settings', () => {
  it('saves them (audited in the hash chain the admin cannot read), then refuses a stale version', async () => {
    // A row on the chain already (a platform admin's contract proposal): Dana's row must follow it.
    const proposed = await as('admin').post('/api/contracts', {
      company_id: ids.acme,
      fee_percentage_bps: 1800,
      contract_start_date: '2030-01-01',
    })
    expect(proposed.status).toBe(201)
    const url = `/api/companies/${ids.acme}/billing-settings`
    expect((await as('dana').get(url)).body).toMatchObject({ fall_off_policy: 'refund', version: 0 })
    const body = {
      invoice_grouping: 'per_placement',
      issue_on: 'hire',
      fall_off_policy: 'credit',
      version: 0,
    }
    const saved = await as('dana').put(url, body)
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ fall_off_policy: 'credit', version: 1 })
    expect((await as('dana').put(url, body)).body.code).toBe('version_conflict')
    const trail = await as('admin').get(`/api/admin/payout-audit?entity_type=company&entity_id=${ids.acme}`)
    expect(trail.body.data).toHaveLength(1)
    expect(trail.body.data[0]).toMatchObject({
      action: 'company.billing_settings_changed',
      changed_by: s.dana!.userId,
      changed_by_role: 'company_admin',
      new_value: { fall_off_policy: 'credit' },
    })
    expect(await verifyPayoutAuditChain(app.ctx.db)).toMatchObject({ ok: true })
    // Dana still reads no audit row herself.
    expect((await as('dana').get('/api/admin/payout-audit')).status).toBe(403)
  })
})
