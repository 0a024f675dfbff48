import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../../../../../packages/testing/src/api-client.ts'
import { sessionFor, type TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'

/**
 * Every money list, and the notifications list where the defect was found (issue 7 §4), pages
 * exactly over the demo data: walking one row at a time gives the same rows, in the same order, as
 * one big page — even with every row squeezed into one millisecond, apart by microseconds.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let admin: TestSession
let dana: TestSession

beforeAll(async () => {
  app = await startTestApp(database.current.url, { env: { SEED_DEMO_DATA: 'true' } })
  admin = await sessionFor(app.ctx, { email: 'admin@splits.demo' })
  dana = await sessionFor(app.ctx, { email: 'dana@acme.demo' })
  const pool = database.current.pool
  // the demo has no custom contracts: propose one for each of four companies
  const { rows: companies } = await pool.query<{ id: string }>(
    'select id from ats.companies order by id limit 4',
  )
  for (const company of companies) {
    const proposed = await apiClient(app.baseUrl, admin).post('/api/contracts', {
      company_id: company.id,
      fee_percentage_bps: 1800,
      contract_start_date: '2027-01-01',
    })
    expect(proposed.status).toBe(201)
  }
  // 130 notices for Dana written in one transaction share its now() to the microsecond
  await pool.query(
    `
    insert into notifications.inbox (id, user_id, type, title, body, link, created_at)
    select gen_random_uuid(), $1, 'placement.created', 'Notice ' || n, 'Body', null, now()
    from generate_series(1, 130) n`,
    [dana.userId],
  )
  const sameMs = `'2026-05-04T09:00:00.000Z'::timestamptz + (row_number() over (order by id)) * interval '1 microsecond'`
  for (const table of ['billing.invoices', 'billing.custom_contracts']) {
    await pool.query(
      `update ${table} t set created_at = s.at from (select id, ${sameMs} as at from ${table}) s where s.id = t.id`,
    )
  }
}, 180_000)
afterAll(async () => app?.stop())

async function walk(who: TestSession, path: string, limit: number): Promise<string[]> {
  const sep = path.includes('?') ? '&' : '?'
  const ids: string[] = []
  let cursor: string | null = null
  for (let i = 0; i < 2_000; i++) {
    const q = `${path}${sep}limit=${limit}${cursor ? `&starting_after=${encodeURIComponent(cursor)}` : ''}`
    const res = await apiClient(app.baseUrl, who).get(q)
    expect(res.status, q).toBe(200)
    ids.push(...res.body.data.map((r: { id: string; seq?: string }) => r.id ?? r.seq))
    if (!res.body.has_more) return ids
    cursor = res.body.next_cursor
  }
  throw new Error(`${path} did not end`)
}

describe('exact cursors on the money lists and the notifications list', () => {
  const lists: [string, () => TestSession, () => Promise<string> | string, number][] = [
    ['notifications', () => dana, () => '/api/notifications', 130],
    ['invoices (finance)', () => admin, () => '/api/invoices', 10],
    ['invoices (the company)', () => dana, () => '/api/invoices', 3],
    ['custom contracts', () => admin, () => '/api/contracts', 4],
    ['payout audit trail', () => admin, () => '/api/admin/payout-audit', 3],
    ['ledger accounts', () => admin, () => '/api/admin/ledger/accounts', 10],
    [
      'ledger entries of the busiest account',
      () => admin,
      async () => {
        const { rows } = await database.current.pool.query<{ id: string }>(
          `select account_id as id from ledger.entries group by 1 order by count(*) desc limit 1`,
        )
        return `/api/admin/ledger/accounts/${rows[0]!.id}/entries`
      },
      10,
    ],
  ]
  for (const [name, who, pathOf, atLeast] of lists) {
    it(`walks ${name} with page sizes 1 and 7 and gets one big page`, async () => {
      const path = await pathOf()
      const all = await walk(who(), path, 100)
      expect(all.length).toBeGreaterThanOrEqual(atLeast)
      expect(new Set(all).size).toBe(all.length)
      expect(await walk(who(), path, 1)).toEqual(all)
      expect(await walk(who(), path, 7)).toEqual(all)
    }, 120_000)
  }
})
