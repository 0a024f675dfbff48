import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { AppError } from '../../kernel/errors.ts'
import { accountBalance } from './balances.ts'
import { type AccountRef, defineBook } from './books.ts'
import { createHold, resolveHold } from './holds.ts'
import { type PostingCommand, post, reverse } from './post.ts'
import { reconcileLedger } from './reconcile.ts'

/**
 * Model-based test: random sequences of postings, holds, partial posts, voids, reversals and
 * replays run against the real ledger and a tiny in-memory model of it. After every step each
 * wallet's posted, pending and available amounts equal the model's; after every sequence the
 * reconciliation holds.
 */
const database = useTestDatabase()

defineBook('model', {
  pool: { normalSide: 'debit', allowNegative: true, shards: 1, description: 'outside money' },
  wallet: { normalSide: 'credit', allowNegative: false, shards: 1, description: 'a person’s money' },
})

interface Model {
  wallets: Map<number, { posted: bigint; pendingOut: bigint }>
  holds: { id: string; person: number; amount: bigint; open: boolean }[]
  postings: {
    id: string
    command: PostingCommand
    lines: { person: number; delta: bigint }[]
    reversed: boolean
  }[]
}

interface Real {
  run: string
  persons: string[]
}

const PEOPLE = 3
const run = <T>(fn: (tx: AnyTx) => Promise<T>) => inTransaction(database.current.db, systemActor('model'), fn)
const pool: AccountRef = { book: 'model', ownerType: 'external', kind: 'pool', currency: 'EUR' }
const walletOf = (real: Real, i: number): AccountRef => ({
  book: 'model',
  ownerType: 'person',
  ownerId: real.persons[i]!,
  kind: 'wallet',
  currency: 'EUR',
})
const outcome = (p: Promise<unknown>) =>
  p.then(
    (v) => ({ ok: true as const, value: v }),
    (e: unknown) => ({ ok: false as const, code: e instanceof AppError ? e.code : String(e) }),
  )
const w = (m: Model, i: number) => m.wallets.get(i) ?? { posted: 0n, pendingOut: 0n }
const available = (m: Model, i: number) => w(m, i).posted - w(m, i).pendingOut

async function check(m: Model, r: Real) {
  for (let i = 0; i < PEOPLE; i++) {
    const b = await run((tx) => accountBalance(tx, walletOf(r, i)))
    expect({ posted: b.posted, pendingOut: b.pendingOut, available: b.available }).toEqual({
      posted: w(m, i).posted,
      pendingOut: w(m, i).pendingOut,
      available: available(m, i),
    })
  }
}

function applyLines(m: Model, lines: { person: number; delta: bigint }[]) {
  for (const l of lines)
    m.wallets.set(l.person, { ...w(m, l.person), posted: w(m, l.person).posted + l.delta })
}

/** A posting moving `amount` from (person or pool) to (person or pool). */
class Move implements fc.AsyncCommand<Model, Real> {
  readonly from: number | null
  readonly to: number | null
  readonly amount: bigint
  constructor(from: number | null, to: number | null, amount: bigint) {
    this.from = from
    this.to = to
    this.amount = amount
  }
  check = (_m: Readonly<Model>) => this.from !== this.to
  async run(m: Model, r: Real) {
    const key = randomUUID()
    const fromRef = this.from === null ? pool : walletOf(r, this.from)
    const toRef = this.to === null ? pool : walletOf(r, this.to)
    const command: PostingCommand = {
      book: 'model',
      idempotencyKey: key,
      kind: 'model.move',
      reference: { type: 'model', id: key },
      description: 'move',
      effectiveAt: new Date('2026-12-01T00:00:00Z'),
      lines: [
        { account: fromRef, direction: 'debit', amount: this.amount, currency: 'EUR' },
        { account: toRef, direction: 'credit', amount: this.amount, currency: 'EUR' },
      ],
    }
    const expectOk = this.from === null || available(m, this.from) >= this.amount
    const result = await outcome(run((tx) => post(tx, command)))
    expect(result.ok ? 'ok' : result.code).toBe(expectOk ? 'ok' : 'insufficient_funds')
    if (result.ok) {
      const lines = [
        ...(this.from === null ? [] : [{ person: this.from, delta: -this.amount }]),
        ...(this.to === null ? [] : [{ person: this.to, delta: this.amount }]),
      ]
      applyLines(m, lines)
      m.postings.push({
        id: (result.value as { postingId: string }).postingId,
        command,
        lines,
        reversed: false,
      })
    }
    await check(m, r)
  }
  toString = () => `Move(${this.from}→${this.to}, ${this.amount})`
}

class Replay implements fc.AsyncCommand<Model, Real> {
  readonly index: number
  constructor(index: number) {
    this.index = index
  }
  check = (m: Readonly<Model>) => m.postings.length > 0
  async run(m: Model, r: Real) {
    const p = m.postings[this.index % m.postings.length]!
    const result = await run((tx) => post(tx, p.command))
    expect(result).toEqual({ postingId: p.id, replayed: true })
    await check(m, r)
  }
  toString = () => `Replay(${this.index})`
}

class Reverse implements fc.AsyncCommand<Model, Real> {
  readonly index: number
  constructor(index: number) {
    this.index = index
  }
  check = (m: Readonly<Model>) => m.postings.length > 0
  async run(m: Model, r: Real) {
    const p = m.postings[this.index % m.postings.length]!
    const overdraws = p.lines.some((l) => l.delta > 0n && available(m, l.person) < l.delta)
    const result = await outcome(
      run((tx) =>
        reverse(tx, p.id, { idempotencyKey: randomUUID(), reason: 'model', effectiveAt: new Date() }),
      ),
    )
    const expected = p.reversed ? 'invalid_state_transition' : overdraws ? 'insufficient_funds' : 'ok'
    expect(result.ok ? 'ok' : result.code).toBe(expected)
    if (result.ok) {
      p.reversed = true
      applyLines(
        m,
        p.lines.map((l) => ({ person: l.person, delta: -l.delta })),
      )
    }
    await check(m, r)
  }
  toString = () => `Reverse(${this.index})`
}

class Hold implements fc.AsyncCommand<Model, Real> {
  readonly person: number
  readonly amount: bigint
  constructor(person: number, amount: bigint) {
    this.person = person
    this.amount = amount
  }
  check = () => true
  async run(m: Model, r: Real) {
    const key = randomUUID()
    const expectOk = available(m, this.person) >= this.amount
    const result = await outcome(
      run((tx) =>
        createHold(tx, {
          book: 'model',
          idempotencyKey: key,
          from: walletOf(r, this.person),
          to: pool,
          amount: this.amount,
          currency: 'EUR',
          reference: { type: 'model', id: key },
          description: 'hold',
        }),
      ),
    )
    expect(result.ok ? 'ok' : result.code).toBe(expectOk ? 'ok' : 'insufficient_funds')
    if (result.ok) {
      const { holdId } = result.value as { holdId: string }
      m.holds.push({ id: holdId, person: this.person, amount: this.amount, open: true })
      m.wallets.set(this.person, {
        ...w(m, this.person),
        pendingOut: w(m, this.person).pendingOut + this.amount,
      })
    }
    await check(m, r)
  }
  toString = () => `Hold(${this.person}, ${this.amount})`
}

class Resolve implements fc.AsyncCommand<Model, Real> {
  readonly index: number
  readonly action: 'post' | 'void'
  readonly part: number
  constructor(index: number, action: 'post' | 'void', part: number) {
    this.index = index
    this.action = action
    this.part = part
  }
  check = (m: Readonly<Model>) => m.holds.length > 0
  async run(m: Model, r: Real) {
    const h = m.holds[this.index % m.holds.length]!
    const amount = this.action === 'post' ? (h.amount * BigInt(this.part)) / 100n || 1n : 0n
    const result = await outcome(
      run((tx) =>
        resolveHold(
          tx,
          h.id,
          this.action === 'post'
            ? { action: 'post', amount, idempotencyKey: randomUUID(), description: 'post' }
            : { action: 'void' },
          new Date(),
        ),
      ),
    )
    expect(result.ok ? 'ok' : result.code).toBe(h.open ? 'ok' : 'invalid_state_transition')
    if (result.ok) {
      h.open = false
      const cur = w(m, h.person)
      m.wallets.set(h.person, {
        posted: cur.posted - amount,
        pendingOut: cur.pendingOut - h.amount,
      })
    }
    await check(m, r)
  }
  toString = () => `Resolve(${this.index}, ${this.action}, ${this.part}%)`
}

const person = fc.integer({ min: 0, max: PEOPLE - 1 })
const orPool = fc.option(person, { nil: null })
const amount = fc.bigInt({ min: 1n, max: 500n })
const commands = [
  fc.tuple(orPool, orPool, amount).map(([f, t, a]) => new Move(f, t, a)),
  amount.map((a) => new Move(null, 0, a * 3n)),
  fc.nat().map((i) => new Replay(i)),
  fc.nat().map((i) => new Reverse(i)),
  fc.tuple(person, amount).map(([p, a]) => new Hold(p, a)),
  fc
    .tuple(fc.nat(), fc.constantFrom<'post' | 'void'>('post', 'void'), fc.integer({ min: 1, max: 100 }))
    .map(([i, a, part]) => new Resolve(i, a, part)),
]

describe('the ledger against a model', () => {
  it('agrees with the model after every step of random sequences, and reconciles after each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        const real: Real = { run: randomUUID(), persons: Array.from({ length: PEOPLE }, () => randomUUID()) }
        const model: Model = { wallets: new Map(), holds: [], postings: [] }
        await fc.asyncModelRun(() => ({ model, real }), cmds)
        const proof = await reconcileLedger(database.current.db)
        expect(proof.checks.filter((c) => !c.ok)).toEqual([])
      }),
      { numRuns: 40 },
    )
  }, 300_000)
})
