/**
 * Ledger throughput, side by side in one run on one database (fsync on):
 *   - two-entry postings through the ledger's own code (an actor transaction around `post`)
 *     vs the same writes as a minimal raw-SQL function (the machine's limit), alternating A B A B;
 *   - four-way split postings (payer → two recruiters + the sharded platform revenue);
 *   - reconciliation of 10,000,000 entries (bulk-loaded, then proven by reconcileLedger).
 * Targets (issue 8): two-entry ≥ 70% of raw and ≥ 3,000/s with p99 ≤ 50 ms at 32 clients;
 * four-way ≥ 1,500/s; reconciliation of 10M entries ≤ 60 s.
 * `node bench/ledger.ts [--seconds 10] [--entries 10000000] [--skip-reconcile]`
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { type AccountRef, defineBook } from '../apps/server/src/modules/ledger/books.ts'
import { post } from '../apps/server/src/modules/ledger/post.ts'
import { reconcileLedger } from '../apps/server/src/modules/ledger/reconcile.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const SECONDS = arg('seconds', 10)
const ENTRIES = arg('entries', 10_000_000)
const CLIENTS = 32
const WALLETS = 10_000

defineBook('bench', {
  wallet: { normalSide: 'credit', allowNegative: false, shards: 1, description: 'a person' },
  revenue: { normalSide: 'credit', allowNegative: false, shards: 16, description: 'platform revenue' },
  world: { normalSide: 'debit', allowNegative: true, shards: 1, description: 'outside money' },
})

const wallet = (i: number): AccountRef => ({
  book: 'bench',
  ownerType: 'person',
  ownerId: `p${i}`,
  kind: 'wallet',
  currency: 'USD',
})

interface Figures {
  perSecond: number
  p50: number
  p99: number
  errors: number
}

async function drive(seconds: number, clients: number, op: () => Promise<void>): Promise<Figures> {
  const latencies: number[] = []
  let errors = 0
  const until = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now()
        try {
          await op()
          latencies.push(performance.now() - t)
        } catch {
          errors++
        }
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors }
}

const RAW_FUNCTION = `
create schema if not exists bench_raw;
-- The same writes as ledger.post for a two-entry posting, with nothing else: the machine's limit.
create or replace function bench_raw.transfer(p_from text, p_to text, p_amount bigint, p_key text) returns void
language plpgsql as $$
declare
  v_posting uuid;
  a record;
begin
  insert into ledger.postings (book, idempotency_key, request_hash, kind, reference_type, reference_id, description, effective_at)
  values ('bench', p_key, repeat('0', 64), 'raw.transfer', 'bench', p_key, 'raw', now()) returning id into v_posting;
  perform 1 from ledger.accounts where code in (p_from, p_to) order by id for update;
  update ledger.accounts set debits_posted = debits_posted + p_amount, version = version + 1 where code = p_from
    returning id, version, credits_posted - debits_posted as bal into a;
  insert into ledger.entries (posting_id, account_id, direction, amount, currency, balance_after, account_version)
  values (v_posting, a.id, 'debit', p_amount, 'USD', a.bal, a.version);
  update ledger.accounts set credits_posted = credits_posted + p_amount, version = version + 1 where code = p_to
    returning id, version, credits_posted - debits_posted as bal into a;
  insert into ledger.entries (posting_id, account_id, direction, amount, currency, balance_after, account_version)
  values (v_posting, a.id, 'credit', p_amount, 'USD', a.bal, a.version);
end $$;`

async function main() {
  const server = await startThrowawayPostgres({ durability: 'full' })
  const url = await createMigratedDatabase(server.url, 'bench_ledger')
  const database = connectDatabase(url, { poolMax: CLIENTS + 2, applicationName: 'bench-ledger' })
  const raw = new pg.Pool({ connectionString: url, max: CLIENTS + 2 })
  const pick = () => Math.floor(Math.random() * WALLETS)
  try {
    await raw.query(RAW_FUNCTION)
    // every wallet starts rich enough to send for the whole run
    process.stdout.write(`funding ${WALLETS} wallets…\n`)
    for (let i = 0; i < WALLETS; i += 500) {
      await inTransaction(database.db, systemActor('bench'), async (tx) => {
        for (let j = i; j < Math.min(WALLETS, i + 500); j++) {
          await post(tx, {
            book: 'bench',
            idempotencyKey: `fund:${j}`,
            kind: 'bench.fund',
            reference: { type: 'bench', id: String(j) },
            description: 'funding',
            effectiveAt: new Date(),
            lines: [
              {
                account: { book: 'bench', ownerType: 'external', kind: 'world', currency: 'USD' },
                direction: 'debit',
                amount: 10_000_000_000n,
                currency: 'USD',
              },
              { account: wallet(j), direction: 'credit', amount: 10_000_000_000n, currency: 'USD' },
            ],
          })
        }
      })
    }
    const code = (i: number) => `bench:person:p${i}:wallet:USD:0`
    const ledgerTwo = async () => {
      const a = pick()
      let b = pick()
      while (b === a) b = pick()
      const key = randomUUID()
      await inTransaction(database.db, systemActor('bench'), (tx) =>
        post(tx, {
          book: 'bench',
          idempotencyKey: key,
          kind: 'bench.transfer',
          reference: { type: 'bench', id: key },
          description: 'transfer',
          effectiveAt: new Date(),
          lines: [
            { account: wallet(a), direction: 'debit', amount: 100n, currency: 'USD' },
            { account: wallet(b), direction: 'credit', amount: 100n, currency: 'USD' },
          ],
        }),
      )
    }
    const rawTwo = async () => {
      const a = pick()
      let b = pick()
      while (b === a) b = pick()
      await raw.query('select bench_raw.transfer($1, $2, 100, $3)', [code(a), code(b), randomUUID()])
    }
    const ledgerSplit = async () => {
      const payer = pick()
      let r1 = pick()
      let r2 = pick()
      while (r1 === payer) r1 = pick()
      while (r2 === payer || r2 === r1) r2 = pick()
      const key = randomUUID()
      await inTransaction(database.db, systemActor('bench'), (tx) =>
        post(tx, {
          book: 'bench',
          idempotencyKey: key,
          kind: 'bench.split',
          reference: { type: 'bench', id: key },
          description: 'placement fee split',
          effectiveAt: new Date(),
          lines: [
            { account: wallet(payer), direction: 'debit', amount: 10_000n, currency: 'USD' },
            { account: wallet(r1), direction: 'credit', amount: 4_500n, currency: 'USD' },
            { account: wallet(r2), direction: 'credit', amount: 3_500n, currency: 'USD' },
            {
              account: {
                book: 'bench',
                ownerType: 'platform',
                kind: 'revenue',
                currency: 'USD',
                shardKey: key,
              },
              direction: 'credit',
              amount: 2_000n,
              currency: 'USD',
            },
          ],
        }),
      )
    }

    // warm-up, then A B A B so drift of the shared machine falls on both
    await drive(2, CLIENTS, ledgerTwo)
    await drive(2, CLIENTS, rawTwo)
    const rounds: { ledger: Figures; raw: Figures }[] = []
    for (let r = 0; r < 2; r++) {
      const ledger = await drive(SECONDS, CLIENTS, ledgerTwo)
      const rawF = await drive(SECONDS, CLIENTS, rawTwo)
      rounds.push({ ledger, raw: rawF })
    }
    const split = await drive(SECONDS, CLIENTS, ledgerSplit)
    const row = (name: string, f: Figures) => ({
      scenario: name,
      'postings/s': Math.round(f.perSecond),
      'p50 ms': f.p50.toFixed(1),
      'p99 ms': f.p99.toFixed(1),
      errors: f.errors,
    })
    console.log(`\nLedger postings, ${CLIENTS} clients, ${SECONDS} s each, fsync on`)
    console.table([
      ...rounds.flatMap((r, i) => [
        row(`two-entry, ledger code (round ${i + 1})`, r.ledger),
        row(`two-entry, raw SQL (round ${i + 1})`, r.raw),
      ]),
      row('four-way split, ledger code', split),
    ])
    const ratios = rounds.map((r) => r.ledger.perSecond / r.raw.perSecond)
    console.log(
      `ledger / raw SQL, pair by pair: ${ratios.map((x) => `${(x * 100).toFixed(0)}%`).join(', ')} (target ≥ 70%)`,
    )

    if (!process.argv.includes('--skip-reconcile')) {
      process.stdout.write(`\nloading ${ENTRIES.toLocaleString()} entries for reconciliation…\n`)
      const loaded = performance.now()
      await bulkLoad(raw, ENTRIES)
      console.log(`loaded in ${((performance.now() - loaded) / 1000).toFixed(0)} s`)
      const t = performance.now()
      let last = ''
      const result = await reconcileLedger(database.db, (step, done, total) => {
        const line = `${step} ${Math.round((done / Math.max(total, 1)) * 100)}%`
        if (line !== last) process.stdout.write(`\r  ${line.padEnd(30)}`)
        last = line
      })
      const seconds = (performance.now() - t) / 1000
      process.stdout.write('\n')
      console.log(
        `reconciliation of ${result.entries.toLocaleString()} entries: ${seconds.toFixed(1)} s (target ≤ 60 s), ${result.ok ? 'all four checks pass' : `FAILED: ${JSON.stringify(result.checks)}`}`,
      )
    }
  } finally {
    await raw.end()
    await database.close()
    await server.stop()
  }
}

/** Balanced two-entry postings written in bulk (bypassing the functions), counters kept consistent. */
async function bulkLoad(raw: pg.Pool, entries: number) {
  const postings = Math.floor(entries / 2)
  const chunk = 500_000
  await raw.query('alter table ledger.entries disable trigger user')
  await raw.query('alter table ledger.postings disable trigger user')
  try {
    const accounts = (
      await raw.query<{ id: string }>(
        `select id from ledger.accounts where book = 'bench' and kind = 'wallet' order by id`,
      )
    ).rows.map((r) => r.id)
    await raw.query('create temporary table acc (n int primary key, id uuid)')
    await raw.query(
      'insert into acc select t.ord - 1, t.id from unnest($1::uuid[]) with ordinality as t(id, ord)',
      [accounts],
    )
    const n = accounts.length
    for (let done = 0; done < postings; done += chunk) {
      const count = Math.min(chunk, postings - done)
      await raw.query(
        `with p as (
           insert into ledger.postings (book, idempotency_key, request_hash, kind, reference_type, reference_id, description, effective_at)
           select 'bench', 'bulk:' || ($1::bigint + g), repeat('0', 64), 'bench.bulk', 'bench', g::text, 'bulk', now()
             from generate_series(1, $2::bigint) g
           returning id, reference_id::bigint as g)
         insert into ledger.entries (posting_id, account_id, direction, amount, currency, balance_after, account_version)
         select p.id, a.id, d.direction, 1, 'USD', 0, -(($1::bigint + p.g) * 2 + d.k)
           from p
           cross join (values ('debit', 0), ('credit', 1)) d(direction, k)
           join acc a on a.n = ((p.g * 7 + d.k) % $3)`,
        [done, count, n],
      )
      process.stdout.write(`\r  ${Math.min(postings, done + count).toLocaleString()} postings`)
    }
    process.stdout.write('\n')
    // the counters follow the entries, as ledger.post would have kept them
    await raw.query(`update ledger.accounts a set
        debits_posted = s.d, credits_posted = s.c
      from (select account_id, coalesce(sum(amount) filter (where direction = 'debit'), 0) as d,
                   coalesce(sum(amount) filter (where direction = 'credit'), 0) as c
              from ledger.entries group by account_id) s
     where s.account_id = a.id`)
  } finally {
    await raw.query('alter table ledger.entries enable trigger user')
    await raw.query('alter table ledger.postings enable trigger user')
  }
}

await main()
