import { sql } from 'kysely'
import { verifyAuditChain } from '../../kernel/audit/audit.ts'
import type { Db } from '../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'

/**
 * Proves the ledger from its own rows, independently of the code that wrote them:
 * 1. every posting's entries sum to zero per currency (and each has two or more);
 * 2. every account's counters equal the sums of its entries (posted) and of its open holds (pending);
 * 3. no account that may not go negative is negative;
 * 4. the audit hash chain is intact.
 * Entries are read in id ranges so that progress can be shown on tens of millions of rows.
 */
export interface ReconciliationCheck {
  name: 'postings_balance' | 'balances_match_entries' | 'no_forbidden_negative' | 'audit_chain_intact'
  ok: boolean
  detail: string
}

export interface Reconciliation {
  ok: boolean
  checked_at: string
  entries: number
  checks: ReconciliationCheck[]
}

export type ReconcileProgress = (step: string, done: number, total: number) => void

const BATCH = 1_000_000

// biome-ignore lint/suspicious/noExplicitAny: the process's handle; the queries are raw SQL
export async function reconcileLedger(db: Db<any>, onProgress?: ReconcileProgress): Promise<Reconciliation> {
  return inTransaction(
    db,
    systemActor('ledger.reconcile'),
    async (tx) => {
      // one snapshot for every check: rows committed during the run do not make it disagree with itself
      const bounds = (
        await sql<{
          lo: string | null
          hi: string | null
        }>`select min(id)::text as lo, max(id)::text as hi from ledger.entries`.execute(tx)
      ).rows[0]!
      const lo = BigInt(bounds.lo ?? '1')
      const hi = BigInt(bounds.hi ?? '0')
      const total = Number(hi >= lo ? hi - lo + 1n : 0n)

      // 1 and 2 in one pass over the entries
      const open = new Map<string, bigint>() // posting:currency → running sum, kept while non-zero
      const partial = new Map<string, number>() // posting → entries seen, kept while fewer than two

      const perAccount = new Map<string, { d: bigint; c: bigint }>()
      for (let from = lo; from <= hi; from += BigInt(BATCH)) {
        const to = from + BigInt(BATCH) - 1n
        // only postings that do not close inside the batch come back: the violators, and the few
        // whose entries straddle a batch boundary (resolved when the next batch adds the rest)
        const postings = await sql<{ posting_id: string; currency: string; s: string; n: number }>`
          select posting_id, currency, sum(case direction when 'debit' then amount else -amount end)::text as s,
                 count(*)::int as n
            from ledger.entries where id between ${from.toString()}::bigint and ${to.toString()}::bigint
           group by posting_id, currency
          having sum(case direction when 'debit' then amount else -amount end) <> 0 or count(*) < 2`.execute(
          tx,
        )
        for (const r of postings.rows) {
          const key = `${r.posting_id}:${r.currency}`
          const sum = (open.get(key) ?? 0n) + BigInt(r.s)
          if (sum === 0n) open.delete(key)
          else open.set(key, sum)
          const seen = (partial.get(r.posting_id) ?? 0) + r.n
          if (seen >= 2) partial.delete(r.posting_id)
          else partial.set(r.posting_id, seen)
        }
        const accounts = await sql<{ account_id: string; d: string; c: string }>`
          select account_id,
                 coalesce(sum(amount) filter (where direction = 'debit'), 0)::text as d,
                 coalesce(sum(amount) filter (where direction = 'credit'), 0)::text as c
            from ledger.entries where id between ${from.toString()}::bigint and ${to.toString()}::bigint
           group by account_id`.execute(tx)
        for (const r of accounts.rows) {
          const a = perAccount.get(r.account_id) ?? { d: 0n, c: 0n }
          a.d += BigInt(r.d)
          a.c += BigInt(r.c)
          perAccount.set(r.account_id, a)
        }
        onProgress?.('entries', Math.min(total, Number(to - lo + 1n)), total)
      }
      const { empty, postings } = (
        await sql<{ empty: number; postings: number }>`select
            (select count(*)::int from ledger.postings p
              where not exists (select 1 from ledger.entries e where e.posting_id = p.id)) as empty,
            (select count(*)::int from ledger.postings) as postings`.execute(tx)
      ).rows[0]!
      const lonely = [...partial.keys()]
      const unbalanced = [...open.keys()]
      const checks: ReconciliationCheck[] = [
        {
          name: 'postings_balance',
          ok: unbalanced.length === 0 && lonely.length === 0 && empty === 0,
          detail:
            unbalanced.length || lonely.length || empty
              ? `${unbalanced.length} posting(s) do not sum to zero (e.g. ${unbalanced.slice(0, 3).join(', ')}); ${lonely.length + empty} have fewer than two entries`
              : `${postings} postings, each summing to zero per currency`,
        },
      ]

      const accounts = await sql<{
        id: string
        code: string
        debits_posted: bigint
        credits_posted: bigint
        debits_pending: bigint
        credits_pending: bigint
        held_debit: string
        held_credit: string
        normal_side: string
        allow_negative: boolean
      }>`select a.id, a.code, a.debits_posted, a.credits_posted, a.debits_pending, a.credits_pending,
                a.normal_side, a.allow_negative,
                coalesce((select sum(h.amount) from ledger.holds h where h.status = 'pending' and h.debit_account_id = a.id), 0)::text as held_debit,
                coalesce((select sum(h.amount) from ledger.holds h where h.status = 'pending' and h.credit_account_id = a.id), 0)::text as held_credit
           from ledger.accounts a`.execute(tx)
      const mismatched: string[] = []
      const negative: string[] = []
      for (const a of accounts.rows) {
        const sums = perAccount.get(a.id) ?? { d: 0n, c: 0n }
        if (
          sums.d !== a.debits_posted ||
          sums.c !== a.credits_posted ||
          BigInt(a.held_debit) !== a.debits_pending ||
          BigInt(a.held_credit) !== a.credits_pending
        ) {
          mismatched.push(a.code)
        }
        const credit = a.normal_side === 'credit'
        const out = credit ? a.debits_posted + a.debits_pending : a.credits_posted + a.credits_pending
        const inflow = credit ? a.credits_posted : a.debits_posted
        if (!a.allow_negative && out > inflow) negative.push(a.code)
      }
      onProgress?.('accounts', accounts.rows.length, accounts.rows.length)
      checks.push({
        name: 'balances_match_entries',
        ok: mismatched.length === 0,
        detail: mismatched.length
          ? `${mismatched.length} account(s) disagree with their entries or holds (e.g. ${mismatched.slice(0, 3).join(', ')})`
          : `${accounts.rows.length} accounts equal the sums of their entries and open holds`,
      })
      checks.push({
        name: 'no_forbidden_negative',
        ok: negative.length === 0,
        detail: negative.length
          ? `${negative.length} account(s) below zero that may not be (e.g. ${negative.slice(0, 3).join(', ')})`
          : 'no account that may not go negative is negative',
      })
      // in the same snapshot, on the same connection
      const audit = await verifyAuditChain(tx, (done, all) => onProgress?.('audit chain', done, all))
      checks.push({
        name: 'audit_chain_intact',
        ok: audit.ok,
        detail: audit.ok
          ? `${audit.rows} audit ${audit.rows === 1 ? 'row chains' : 'rows chain'} to ${audit.lastHash.slice(0, 12)}…`
          : `audit row ${audit.brokenSeq} does not verify: ${audit.reason}`,
      })
      return {
        ok: checks.every((c) => c.ok),
        checked_at: new Date().toISOString(),
        entries: total,
        checks,
      }
    },
    { isolation: 'repeatable read' },
  )
}
