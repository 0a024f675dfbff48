import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { accountBalance } from './balances.ts'
import { type AccountRef, defineBook } from './books.ts'
import { createHold, expireDueHolds, resolveHold } from './holds.ts'
import { type PostingCommand, post, reverse } from './post.ts'
import { reconcileLedger } from './reconcile.ts'

const database = useTestDatabase()

defineBook('test', {
  cash: { normalSide: 'debit', allowNegative: false, shards: 1, description: 'money we hold' },
  wallet: { normalSide: 'credit', allowNegative: false, shards: 1, description: 'money we owe a person' },
  revenue: { normalSide: 'credit', allowNegative: false, shards: 8, description: 'our income (sharded)' },
  debt: { normalSide: 'credit', allowNegative: true, shards: 1, description: 'may go negative' },
  world: { normalSide: 'debit', allowNegative: true, shards: 1, description: 'outside money' },
})

const world: AccountRef = { book: 'test', ownerType: 'external', kind: 'world', currency: 'USD' }
const cash: AccountRef = { book: 'test', ownerType: 'platform', kind: 'cash', currency: 'USD' }
const wallet = (id: string, currency = 'USD'): AccountRef => ({
  book: 'test',
  ownerType: 'person',
  ownerId: id,
  kind: 'wallet',
  currency,
})

const run = <T>(fn: (tx: AnyTx) => Promise<T>) => inTransaction(database.current.db, systemActor('test'), fn)

function transfer(
  from: AccountRef,
  to: AccountRef,
  amount: bigint,
  key: string = randomUUID(),
): PostingCommand {
  return {
    book: 'test',
    idempotencyKey: key,
    kind: 'test.transfer',
    reference: { type: 'test', id: key },
    description: 'a transfer',
    effectiveAt: new Date('2026-12-01T00:00:00Z'),
    lines: [
      { account: from, direction: 'debit', amount, currency: from.currency },
      { account: to, direction: 'credit', amount, currency: to.currency },
    ],
  }
}
/** Money arrives from outside into a person's wallet (cash up, wallet up). */
const fund = (person: string, amount: bigint) =>
  run((tx) =>
    post(tx, {
      ...transfer(world, wallet(person), amount),
      lines: [
        { account: cash, direction: 'debit', amount, currency: 'USD' },
        { account: wallet(person), direction: 'credit', amount, currency: 'USD' },
      ],
    }),
  )
const payOut = (person: string, amount: bigint, key?: string) =>
  run((tx) =>
    post(tx, {
      ...transfer(wallet(person), cash, amount, key),
      lines: [
        { account: wallet(person), direction: 'debit', amount, currency: 'USD' },
        { account: cash, direction: 'credit', amount, currency: 'USD' },
      ],
    }),
  )
const balance = (ref: AccountRef) => run((tx) => accountBalance(tx, ref))
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  )

describe('ledger postings', () => {
  it('writes a balanced posting, keeps balances, and records the balance after each entry', async () => {
    const alice = randomUUID()
    await fund(alice, 10_000n)
    await payOut(alice, 2_500n)
    expect(await balance(wallet(alice))).toMatchObject({ posted: 7_500n, available: 7_500n })
    const entries = await database.current.pool.query(
      `select e.direction, e.amount::text, e.balance_after::text from ledger.entries e
        join ledger.accounts a on a.id = e.account_id where a.owner_id = $1 order by e.account_version`,
      [alice],
    )
    expect(entries.rows).toEqual([
      { direction: 'credit', amount: '10000', balance_after: '10000' },
      { direction: 'debit', amount: '2500', balance_after: '7500' },
    ])
  })

  it('refuses unbalanced, empty, zero and cross-currency postings, changing nothing', async () => {
    const bob = randomUUID()
    await fund(bob, 100n)
    const base = transfer(wallet(bob), cash, 10n)
    expect(
      await codeOf(
        run((tx) => post(tx, { ...base, lines: [base.lines[0]!, { ...base.lines[1]!, amount: 9n }] })),
      ),
    ).toBe('unbalanced_posting')
    expect(await codeOf(run((tx) => post(tx, { ...base, lines: [base.lines[0]!] })))).toBe(
      'unbalanced_posting',
    )
    expect(
      await codeOf(
        run((tx) =>
          post(tx, {
            ...base,
            lines: [
              { ...base.lines[0]!, amount: 0n },
              { ...base.lines[1]!, amount: 0n },
            ],
          }),
        ),
      ),
    ).toBe('validation_failed')
    expect(
      await codeOf(
        run((tx) =>
          post(tx, {
            ...base,
            lines: [
              { ...base.lines[0]!, currency: 'EUR' },
              { ...base.lines[1]!, currency: 'EUR' },
            ],
          }),
        ),
      ),
    ).toBe('currency_mismatch')
    // the database refuses it too, whatever the TypeScript says
    await expect(
      database.current.pool.query(
        `select * from ledger.post('test', 'raw-unbalanced', repeat('a', 64), 'test.raw', 'test', 'x', 'raw', '{}',
           now(), '[{"code":"test:platform:-:cash:USD:0","direction":"debit","amount":"5","currency":"USD"},
                   {"code":"test:external:-:world:USD:0","direction":"credit","amount":"4","currency":"USD"}]')`,
      ),
    ).rejects.toMatchObject({ code: 'LD001' })
    expect(await balance(wallet(bob))).toMatchObject({ posted: 100n })
  })

  it('never lets an account that may not go negative go negative', async () => {
    const carol = randomUUID()
    await fund(carol, 50n)
    expect(await codeOf(payOut(carol, 51n))).toBe('insufficient_funds')
    expect(await balance(wallet(carol))).toMatchObject({ posted: 50n })
    // an account that models debt may
    const debt: AccountRef = {
      book: 'test',
      ownerType: 'person',
      ownerId: carol,
      kind: 'debt',
      currency: 'USD',
    }
    await run((tx) =>
      post(tx, {
        ...transfer(debt, cash, 70n),
        lines: [
          { account: debt, direction: 'debit', amount: 70n, currency: 'USD' },
          { account: cash, direction: 'credit', amount: 70n, currency: 'USD' },
        ],
      }),
    )
    expect(await balance(debt)).toMatchObject({ posted: -70n })
  })

  it('returns the first posting on a replay, and refuses the same key for a different posting', async () => {
    const dan = randomUUID()
    await fund(dan, 1_000n)
    const key = `payout:${dan}`
    const first = await payOut(dan, 300n, key)
    const again = await payOut(dan, 300n, key)
    expect(again).toEqual({ postingId: first.postingId, replayed: true })
    expect(await codeOf(payOut(dan, 301n, key))).toBe('idempotency_key_reused')
    expect(await balance(wallet(dan))).toMatchObject({ posted: 700n })
  })

  it('posts once when the same key arrives 20 times at once', async () => {
    const erin = randomUUID()
    await fund(erin, 1_000n)
    const key = `payout:${erin}:concurrent`
    const results = await Promise.all(Array.from({ length: 20 }, () => payOut(erin, 100n, key)))
    expect(new Set(results.map((r) => r.postingId)).size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(await balance(wallet(erin))).toMatchObject({ posted: 900n })
  })

  it('lets 16 concurrent writers drain one account without ever overdrawing it', async () => {
    const frank = randomUUID()
    await fund(frank, 10_000n)
    const attempts = await Promise.all(
      Array.from({ length: 16 }, async () => {
        let ok = 0
        for (let i = 0; i < 120; i++) if ((await codeOf(payOut(frank, 7n))) === 'ok') ok++
        return ok
      }),
    )
    const succeeded = attempts.reduce((a, b) => a + b, 0)
    expect(succeeded).toBe(Math.floor(10_000 / 7))
    expect(await balance(wallet(frank))).toMatchObject({ posted: 10_000n - 7n * BigInt(succeeded) })
  }, 120_000)

  it('spreads a hot account over shards and sums them on read', async () => {
    const revenueOf = (deal: string): AccountRef => ({
      book: 'test',
      ownerType: 'platform',
      kind: 'revenue',
      currency: 'USD',
      shardKey: deal,
    })
    for (let i = 0; i < 40; i++) {
      const deal = `deal-${i}`
      await run((tx) =>
        post(tx, {
          ...transfer(cash, revenueOf(deal), 10n),
          lines: [
            { account: cash, direction: 'debit', amount: 10n, currency: 'USD' },
            { account: revenueOf(deal), direction: 'credit', amount: 10n, currency: 'USD' },
          ],
        }),
      )
    }
    const shards = await database.current.pool.query(
      `select count(*)::int as n from ledger.accounts where book = 'test' and kind = 'revenue'`,
    )
    expect(shards.rows[0].n).toBeGreaterThan(3)
    expect(
      await balance({ book: 'test', ownerType: 'platform', kind: 'revenue', currency: 'USD' }),
    ).toMatchObject({
      posted: 400n,
    })
  })

  it('corrects by reversing, once, and never by editing', async () => {
    const gus = randomUUID()
    const funded = await fund(gus, 500n)
    const reversal = await run((tx) =>
      reverse(tx, funded.postingId, {
        idempotencyKey: `rev:${gus}`,
        reason: 'entered twice',
        effectiveAt: new Date(),
      }),
    )
    expect(reversal.replayed).toBe(false)
    expect(await balance(wallet(gus))).toMatchObject({ posted: 0n })
    // the same reversal again is a replay; another reversal is refused
    expect(
      (
        await run((tx) =>
          reverse(tx, funded.postingId, {
            idempotencyKey: `rev:${gus}`,
            reason: 'entered twice',
            effectiveAt: new Date(),
          }),
        )
      ).postingId,
    ).toBe(reversal.postingId)
    expect(
      await codeOf(
        run((tx) =>
          reverse(tx, funded.postingId, {
            idempotencyKey: `rev2:${gus}`,
            reason: 'again',
            effectiveAt: new Date(),
          }),
        ),
      ),
    ).toBe('invalid_state_transition')
    await expect(
      database.current.pool.query(`update ledger.entries set amount = 1 where posting_id = $1`, [
        funded.postingId,
      ]),
    ).rejects.toThrow(/append-only|permission denied/)
    await expect(
      database.current.pool.query(`delete from ledger.postings where id = $1`, [funded.postingId]),
    ).rejects.toThrow(/append-only|permission denied/)
  })
})

describe('ledger holds', () => {
  const holdFrom = (person: string, amount: bigint, key = randomUUID(), expiresAt: Date | null = null) =>
    run((tx) =>
      createHold(tx, {
        book: 'test',
        idempotencyKey: key,
        from: wallet(person),
        to: cash,
        amount,
        currency: 'USD',
        reference: { type: 'test', id: key },
        description: 'reserved for a payout',
        expiresAt,
      }),
    )

  it('reserves money (available drops, posted does not), then posts part of it once', async () => {
    const hana = randomUUID()
    await fund(hana, 1_000n)
    const { holdId } = await holdFrom(hana, 400n)
    expect(await balance(wallet(hana))).toMatchObject({ posted: 1_000n, pendingOut: 400n, available: 600n })
    // pending money counts against what can be spent
    expect(await codeOf(payOut(hana, 601n))).toBe('insufficient_funds')
    const posted = await run((tx) =>
      resolveHold(
        tx,
        holdId,
        { action: 'post', amount: 250n, idempotencyKey: `post:${holdId}`, description: 'paid' },
        new Date(),
      ),
    )
    expect(posted.status).toBe('posted')
    expect(await balance(wallet(hana))).toMatchObject({ posted: 750n, pendingOut: 0n, available: 750n })
    expect(await codeOf(run((tx) => resolveHold(tx, holdId, { action: 'void' }, new Date())))).toBe(
      'invalid_state_transition',
    )
  })

  it('voids, expires, refuses more than the hold, and resolves once under concurrency', async () => {
    const ivan = randomUUID()
    await fund(ivan, 1_000n)
    const a = await holdFrom(ivan, 100n)
    expect(
      await codeOf(
        run((tx) =>
          resolveHold(
            tx,
            a.holdId,
            { action: 'post', amount: 101n, idempotencyKey: randomUUID(), description: 'x' },
            new Date(),
          ),
        ),
      ),
    ).toBe('validation_failed')
    await run((tx) => resolveHold(tx, a.holdId, { action: 'void' }, new Date()))
    const b = await holdFrom(ivan, 200n, randomUUID(), new Date(Date.now() - 1000))
    expect(await run((tx) => expireDueHolds(tx, new Date()))).toBeGreaterThanOrEqual(1)
    expect(await balance(wallet(ivan))).toMatchObject({ posted: 1_000n, available: 1_000n })
    const c = await holdFrom(ivan, 300n)
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        codeOf(
          run((tx) =>
            i % 2
              ? resolveHold(tx, c.holdId, { action: 'void' }, new Date())
              : resolveHold(
                  tx,
                  c.holdId,
                  { action: 'post', amount: 300n, idempotencyKey: `c:${i}`, description: 'x' },
                  new Date(),
                ),
          ),
        ),
      ),
    )
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1)
    const status = await database.current.pool.query('select status from ledger.holds where id = $1', [
      b.holdId,
    ])
    expect(status.rows[0].status).toBe('expired')
    // the same hold key replays instead of reserving twice
    const key = randomUUID()
    const [h1, h2] = await Promise.all([holdFrom(ivan, 50n, key), holdFrom(ivan, 50n, key)])
    expect(h1.holdId).toBe(h2.holdId)
    expect(await codeOf(holdFrom(ivan, 51n, key))).toBe('idempotency_key_reused')
  })
})

describe('ledger reconciliation', () => {
  it('passes on an honest ledger and names what a tampered one got wrong', async () => {
    const clean = await run(() => reconcileLedger(database.current.db))
    expect(clean.checks.map((c) => [c.name, c.ok])).toEqual([
      ['postings_balance', true],
      ['balances_match_entries', true],
      ['no_forbidden_negative', true],
      ['audit_chain_intact', true],
    ])
    // a superuser edits an entry behind the ledger's back
    const admin = new pg.Client({ connectionString: database.current.url })
    await admin.connect()
    try {
      await admin.query('alter table ledger.entries disable trigger entries_append_only')
      await admin.query(
        `update ledger.entries set amount = amount + 1 where id = (select max(id) from ledger.entries)`,
      )
      await admin.query('alter table ledger.entries enable trigger entries_append_only')
    } finally {
      await admin.end()
    }
    const tampered = await reconcileLedger(database.current.db)
    expect(tampered.ok).toBe(false)
    expect(tampered.checks.find((c) => c.name === 'postings_balance')).toMatchObject({ ok: false })
    expect(tampered.checks.find((c) => c.name === 'balances_match_entries')).toMatchObject({ ok: false })
  })
})
