import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeRecruiter,
  ofairPerson,
  platformAdmin,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import { makePerson } from '../../../../../packages/testing/src/factories/splits-people.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { connectDatabase } from '../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { FlagCache } from './cache.ts'
import { bucketOf, flagVariant, isFeatureEnabled } from './index.ts'

/** Feature flags through the API: CRUD, targeting, history and audit, bad input, concurrency. */
const database = useTestDatabase()
const clock = new FixedClock('2026-06-01T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let admin: any

const q = async (text: string, params: unknown[] = []) =>
  (await database.current.pool.query(text, params)).rows

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  admin = await platformAdmin(w)
})
afterAll(async () => app?.stop())

describe('admin CRUD and history', () => {
  it('creates, reads, edits at its version, lists history with before/after/why, and deletes', async () => {
    const created = await api(w, admin).post('/api/admin/flags', {
      key: 'test.crud',
      kind: 'boolean',
      description: 'A test flag',
      percentage: 0,
      reason: 'Trying it',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ key: 'test.crud', enabled: true, version: 1, percentage: 0 })
    expect(created.body.variants).toEqual({ on: true, off: false })

    const got = await api(w, admin).get('/api/admin/flags/test.crud')
    expect(got.status).toBe(200)
    const list = await api(w, admin).get('/api/admin/flags')
    expect(list.body.data.map((f: { key: string }) => f.key)).toContain('test.crud')

    const edited = await api(w, admin).patch('/api/admin/flags/test.crud', {
      version: 1,
      percentage: 30,
      rules: [{ attribute: 'role', values: ['recruiter'] }],
      reason: 'Recruiters first',
    })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ version: 2, percentage: 30 })
    expect(edited.body.rules).toEqual([{ attribute: 'role', values: ['recruiter'], variant: 'on' }])

    const history = await api(w, admin).get('/api/admin/flags/test.crud/history')
    expect(history.body.data.map((c: { action: string }) => c.action)).toEqual(['updated', 'created'])
    expect(history.body.data[0]).toMatchObject({ reason: 'Recruiters first', actor_user_id: admin.userId })
    expect(history.body.data[0].before.percentage).toBe(0)
    expect(history.body.data[0].after.percentage).toBe(30)
    // the kernel audit log has it too
    const audit = await q(
      `select action from platform.audit_log where action like 'flag.%' and after->>'key' = 'test.crud'`,
    )
    expect(audit.map((r) => r.action).sort()).toEqual(['flag.created', 'flag.updated'])

    expect((await api(w, admin).delete('/api/admin/flags/test.crud?version=1')).body.code).toBe(
      'flag_version_stale',
    )
    expect((await api(w, admin).delete('/api/admin/flags/test.crud?version=2&reason=done')).status).toBe(204)
    expect((await api(w, admin).get('/api/admin/flags/test.crud')).status).toBe(404)
    const after = await api(w, admin).get('/api/admin/flags/test.crud/history')
    expect(after.body.data[0]).toMatchObject({ action: 'deleted', reason: 'done', after: null })
    // history is append-only
    await expect(q(`delete from flags.flag_changes where flag_key = 'test.crud'`)).rejects.toThrow(
      /append-only/,
    )
  })

  it('only platform admins manage flags', async () => {
    const rec = await makeRecruiter(w)
    expect((await api(w, rec).get('/api/admin/flags')).status).toBe(403)
    expect((await api(w, rec).post('/api/admin/flags', { key: 'test.nope', kind: 'boolean' })).status).toBe(
      403,
    )
    expect((await api(w).get('/api/admin/flags')).status).toBe(401)
  })
})

describe('bad input changes nothing', () => {
  it('answers clear 4xx codes', async () => {
    const before = await q('select count(*)::int as n from flags.flags')
    const cases: [unknown, number, string][] = [
      [
        { key: 'test.bad', kind: 'boolean', rules: [{ attribute: 'shoe_size' }] },
        422,
        'flag_unknown_targeting_key',
      ],
      [
        { key: 'test.bad', kind: 'boolean', rules: [{ attribute: 'shoe_size', values: ['44'] }] },
        422,
        'flag_unknown_targeting_key',
      ],
      [{ key: 'test.bad', kind: 'boolean', percentage: 101 }, 422, 'flag_invalid_percentage'],
      [{ key: 'test.bad', kind: 'boolean', percentage: -1 }, 422, 'flag_invalid_percentage'],
      [
        {
          key: 'test.bad',
          kind: 'boolean',
          rules: [{ attribute: 'role', values: ['recruiter'], percentage: 150 }],
        },
        422,
        'flag_invalid_percentage',
      ],
      [
        { key: 'test.bad', kind: 'boolean', rules: [{ attribute: 'role', values: [] }] },
        422,
        'flag_invalid_rule',
      ],
      [
        { key: 'test.bad', kind: 'variant', variants: { a: 1, b: 2 }, default_variant: 'c' },
        422,
        'flag_invalid_variants',
      ],
      [{ key: 'test.bad', kind: 'boolean', variants: { yes: 1, no: 0 } }, 422, 'flag_invalid_variants'],
      [{ key: 'Not A Key', kind: 'boolean' }, 400, 'validation_failed'],
      [{ key: 'test.bad', kind: 'maybe' }, 400, 'validation_failed'],
    ]
    for (const [body, status, code] of cases) {
      const res = await api(w, admin).post('/api/admin/flags', body)
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code })
    }
    expect(await q('select count(*)::int as n from flags.flags')).toEqual(before)
    expect(await q(`select * from flags.flag_changes where flag_key = 'test.bad'`)).toEqual([])

    // an edit with a bad rule or a stale version changes nothing either
    await api(w, admin).post('/api/admin/flags', { key: 'test.edit', kind: 'boolean', percentage: 5 })
    const bad = await api(w, admin).patch('/api/admin/flags/test.edit', {
      version: 1,
      percentage: 50,
      rules: [{ attribute: 'shoe_size', values: ['44'] }],
    })
    expect([bad.status, bad.body.code]).toEqual([422, 'flag_unknown_targeting_key'])
    const stale = await api(w, admin).patch('/api/admin/flags/test.edit', { version: 7, percentage: 50 })
    expect([stale.status, stale.body.code]).toEqual([409, 'flag_version_stale'])
    expect((await api(w, admin).get('/api/admin/flags/test.edit')).body).toMatchObject({
      version: 1,
      percentage: 5,
    })
    expect((await api(w, admin).patch('/api/admin/flags/test.nothing', { version: 1 })).status).toBe(404)
  })
})

describe('concurrency', () => {
  it('of 20 concurrent creates of one key exactly one wins; of 20 edits at one version exactly one', async () => {
    const creates = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, admin).post('/api/admin/flags', {
          key: 'test.race',
          kind: 'boolean',
          description: `try ${i}`,
        }),
      ),
    )
    expect(creates.filter((r) => r.status === 201)).toHaveLength(1)
    expect(creates.filter((r) => r.status === 409).every((r) => r.body.code === 'flag_key_taken')).toBe(true)
    expect(creates.filter((r) => r.status === 409)).toHaveLength(19)
    const edits = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(w, admin).patch('/api/admin/flags/test.race', { version: 1, percentage: i }),
      ),
    )
    expect(edits.filter((r) => r.status === 200)).toHaveLength(1)
    expect(edits.filter((r) => r.status === 409)).toHaveLength(19)
    const changes = await q(`select action from flags.flag_changes where flag_key = 'test.race'`)
    expect(changes).toHaveLength(2)
  })
})

describe('targeting and evaluation', () => {
  it('targets by role, organisation, marketplace, plan tier and percentage; the kill switch wins', async () => {
    const rec = await makeRecruiter(w)
    const candidate = await makePerson(w.ctx, { roles: ['candidate'] })
    const consumer = await ofairPerson(w, 'consumer')
    await api(w, admin).post('/api/admin/flags', {
      key: 'test.target',
      kind: 'boolean',
      client_visible: true,
      rules: [
        { attribute: 'role', values: ['recruiter'] },
        { attribute: 'marketplace', values: ['ofair'] },
      ],
    })
    const flagsOf = async (who: unknown) =>
      (await api(w, who as any).get('/api/flags')).body.flags['test.target']
    expect(await flagsOf(rec)).toEqual({ value: true, variant: 'on', reason: 'TARGETING_MATCH' })
    expect(await flagsOf(candidate)).toEqual({ value: false, variant: 'off', reason: 'DEFAULT' })
    expect(await flagsOf(consumer.session)).toEqual({ value: true, variant: 'on', reason: 'TARGETING_MATCH' })
    expect((await api(w).get('/api/flags')).body.flags['test.target']).toMatchObject({ value: false })

    // the service other modules call, through OpenFeature
    const ctx = app.ctx
    expect(await isFeatureEnabled(ctx, 'test.target', { userId: rec.userId, roles: ['recruiter'] })).toBe(
      true,
    )
    expect(
      await isFeatureEnabled(ctx, 'test.target', { organizationIds: ['x'], marketplace: 'splits' }),
    ).toBe(false)
    expect(await isFeatureEnabled(ctx, 'test.unknown', {})).toBe(false)
    expect(await isFeatureEnabled(ctx, 'test.unknown', {}, true)).toBe(true)

    // kill switch
    await api(w, admin).patch('/api/admin/flags/test.target', { version: 1, enabled: false })
    expect(await flagsOf(rec)).toEqual({ value: false, variant: 'off', reason: 'DISABLED' })
    expect(await isFeatureEnabled(ctx, 'test.target', { roles: ['recruiter'] })).toBe(false)

    // organisation and plan tier
    await api(w, admin).post('/api/admin/flags', {
      key: 'test.tier',
      kind: 'boolean',
      rules: [
        { attribute: 'organization_id', values: ['11111111-1111-4111-8111-111111111111'] },
        { attribute: 'plan_tier', values: ['pro'] },
      ],
    })
    expect(
      await isFeatureEnabled(ctx, 'test.tier', { organizationIds: ['11111111-1111-4111-8111-111111111111'] }),
    ).toBe(true)
    expect(await isFeatureEnabled(ctx, 'test.tier', { planTier: 'pro' })).toBe(true)
    expect(await isFeatureEnabled(ctx, 'test.tier', { planTier: 'starter' })).toBe(false)
  })

  it('a percentage rollout serves the subjects whose stable bucket is below it', async () => {
    await api(w, admin).post('/api/admin/flags', { key: 'test.pct', kind: 'boolean', percentage: 40 })
    const ids = Array.from(
      { length: 400 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    )
    const on = await Promise.all(ids.map((id) => isFeatureEnabled(app.ctx, 'test.pct', { userId: id })))
    ids.forEach((id, i) => {
      expect(on[i]).toBe(bucketOf('test.pct', id) < 4000)
    })
    const share = on.filter(Boolean).length / ids.length
    expect(share).toBeGreaterThan(0.3)
    expect(share).toBeLessThan(0.5)
  })

  it('a change made by another process reaches this cache (NOTIFY at commit, else the 2 s TTL)', async () => {
    await api(w, admin).post('/api/admin/flags', { key: 'test.elsewhere', kind: 'boolean', percentage: 0 })
    expect(await isFeatureEnabled(app.ctx, 'test.elsewhere', { userId: 'u' })).toBe(false)
    await q(`update flags.flags set rollout_bp = 10000, version = version + 1 where key = 'test.elsewhere'`)
    await eventually('seen', () => isFeatureEnabled(app.ctx, 'test.elsewhere', { userId: 'u' }))
  })

  it('an evaluation inside a transaction never waits for a pool connection once the flags were read', async () => {
    await api(w, admin).post('/api/admin/flags', { key: 'test.pool', kind: 'boolean' })
    // one connection: the transaction below holds it, as twenty concurrent ones hold a real pool
    const small = connectDatabase(database.current.url, { poolMax: 1, applicationName: 'flags-test' })
    const cache = new FlagCache(
      { db: small.db, databaseUrl: database.current.url, log: app.ctx.log },
      { ttlMs: 0 },
    )
    try {
      expect((await cache.all()).size).toBeGreaterThan(0)
      const loads = cache.loads
      const inside = await inTransaction(small.db, systemActor('test'), async () => {
        const started = Date.now()
        const flags = await cache.all() // past its TTL: answered from memory, read again later
        return { flags, ms: Date.now() - started }
      })
      expect(inside.flags.size).toBeGreaterThan(0)
      expect(inside.ms).toBeLessThan(1000)
      await eventually('read again once the connection is free', async () => cache.loads > loads)
    } finally {
      await cache.stop()
      await small.close()
    }
  })

  it('variant flags serve their variant and value', async () => {
    await api(w, admin).post('/api/admin/flags', {
      key: 'test.layout',
      kind: 'variant',
      variants: { compact: { rows: 3 }, detailed: { rows: 8 } },
      default_variant: 'compact',
      rollout_variant: 'detailed',
      rules: [{ attribute: 'user_id', values: ['u-1'], variant: 'detailed' }],
    })
    expect(await flagVariant(app.ctx, 'test.layout', { userId: 'u-1' })).toEqual({
      variant: 'detailed',
      value: { rows: 8 },
      reason: 'TARGETING_MATCH',
    })
    expect(await flagVariant(app.ctx, 'test.layout', { userId: 'u-2' })).toMatchObject({ variant: 'compact' })
    const details = await app.ctx.services.flags!.client.getObjectDetails(
      'test.layout',
      {},
      { targetingKey: 'u-1' },
    )
    expect(details).toMatchObject({ variant: 'detailed', reason: 'TARGETING_MATCH', value: { rows: 8 } })
    const wrongType = await app.ctx.services.flags!.client.getBooleanDetails('test.layout', true, {})
    expect(wrongType).toMatchObject({ value: true, errorCode: 'TYPE_MISMATCH' })
  })
})
