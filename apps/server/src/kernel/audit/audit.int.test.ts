import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import { inTransaction, systemActor } from '../db/transaction.ts'
import { encodeCursor } from '../http/pagination.ts'
import { uuidv7 } from '../ids.ts'
import { appendAudit, auditTrail, verifyAuditChain } from './audit.ts'

const database = useTestDatabase()

describe('audit log', () => {
  it('chains concurrent writers into one verifiable sequence', async () => {
    const db = database.current.db
    const userId = uuidv7()
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inTransaction(
          db,
          { kind: 'user', userId, roles: ['platform_admin'] },
          (tx) =>
            appendAudit(tx, {
              action: 'payout.released',
              entityType: 'payout',
              entityId: `p${i}`,
              before: { status: 'held' },
              after: { status: 'released', amount: 1000n + BigInt(i) },
              actorRole: 'platform_admin',
            }),
          { requestId: `req-${i}` },
        ),
      ),
    )
    const result = await verifyAuditChain(db)
    expect(result).toMatchObject({ ok: true, rows: 40 })
    const rows = await db.selectFrom('platform.audit_log').selectAll().orderBy('seq').execute()
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(rows[0]!.actor_user_id).toBe(userId) // defaulted from the transaction's actor
    expect(rows[0]!.request_id).toMatch(/^req-/)
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
  })

  it('refuses UPDATE, DELETE and TRUNCATE, even from the owner', async () => {
    const { pool } = database.current
    await expect(
      pool.query(`update platform.audit_log set action = 'payout.voided' where seq = 1`),
    ).rejects.toThrow(/append-only: UPDATE refused/)
    await expect(pool.query('delete from platform.audit_log where seq = 1')).rejects.toThrow(
      /append-only: DELETE refused/,
    )
    await expect(pool.query('truncate platform.audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/)
  })

  it('refuses writes to the audit log from the application role other than INSERT', async () => {
    await expect(
      inTransaction(database.current.db, systemActor('test'), (tx) =>
        sql`update platform.audit_log set action = 'x.y' where seq = 2`.execute(tx),
      ),
    ).rejects.toThrow(/permission denied|append-only/)
  })

  it('detects an edit made by a superuser with the trigger disabled, and names the row', async () => {
    const { pool, db } = database.current
    const client = await pool.connect()
    try {
      await client.query('alter table platform.audit_log disable trigger audit_log_no_update')
      await client.query(
        `update platform.audit_log set after = '{"status":"released","amount":"999999"}' where seq = 17`,
      )
      await client.query('alter table platform.audit_log enable trigger audit_log_no_update')
    } finally {
      client.release()
    }
    const result = await verifyAuditChain(db, undefined, 5) // small batches: the break is found across batches
    expect(result).toEqual({ ok: false, rows: 16, brokenSeq: 17, reason: 'content does not match its hash' })
  })

  it('detects a deleted row in the middle of the chain', async () => {
    const { pool, db } = database.current
    const client = await pool.connect()
    try {
      await client.query('alter table platform.audit_log disable trigger audit_log_no_update')
      await client.query(
        `update platform.audit_log set after = a.after from (select after from platform.audit_log where seq = 16) a where seq = 17`,
      )
      await client.query('delete from platform.audit_log where seq = 9')
      await client.query('alter table platform.audit_log enable trigger audit_log_no_update')
    } finally {
      client.release()
    }
    const result = await verifyAuditChain(db)
    expect(result).toMatchObject({ ok: false, brokenSeq: 9 })
  })
})

describe('audit trail of one entity', () => {
  it('lists its entries newest first, and page by page exactly as in one page', async () => {
    const db = database.current.db
    for (const [entityId, n] of [
      ['w1', 5],
      ['w2', 2],
      ['w1', 2],
    ] as const) {
      for (let i = 0; i < n; i++) {
        await inTransaction(db, systemActor('test'), (tx) =>
          appendAudit(tx, { action: 'widget.turned', entityType: 'widget', entityId, after: { i } }),
        )
      }
    }
    const read = (limit: number, startingAfter?: string) =>
      inTransaction(db, systemActor('test'), (tx) =>
        auditTrail(tx, { entityType: 'widget', entityId: 'w1', limit, startingAfter }),
      )
    const all = await read(100)
    expect(all.data).toHaveLength(7)
    expect(all.has_more).toBe(false)
    expect(all.data.every((e) => e.entityId === 'w1' && e.action === 'widget.turned')).toBe(true)
    const seqs = all.data.map((e) => e.seq)
    expect([...seqs].sort((a, b) => (a > b ? -1 : 1))).toEqual(seqs)

    const walked: bigint[] = []
    let cursor: string | undefined
    for (;;) {
      const page = await read(1, cursor)
      walked.push(...page.data.map((e) => e.seq))
      if (!page.has_more) break
      cursor = page.next_cursor!
    }
    expect(walked).toEqual(seqs)
    await expect(read(1, encodeCursor(['12abc']))).rejects.toMatchObject({ code: 'invalid_cursor' })
  })
})
