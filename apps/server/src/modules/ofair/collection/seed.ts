import { sql } from 'kysely'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { kindBalancesByOwner } from '../../ledger/index.ts'
import type { OfairDatabase } from '../database.ts'
import { OFAIR_BOOK, OFAIR_CURRENCY } from '../settlement/index.ts'

/**
 * Demo data of the payment side: the professionals the demo jobs left with money owed to them
 * (referral fees) choose a bank transfer with made-up bank details — most of them — or a credit
 * to the next invoice, so the admin's "create a batch" has transfers to put in it. One insert;
 * cards are not seeded (a token must come from the provider's page).
 */
export const demoCollectionSeed: SeedStep = {
  name: 'ofair.demo_collection',
  version: 1,
  description: 'OFAIR demo payout preferences (bank transfer or invoice credit)',
  after: ['ofair.demo_settlement'],
  async run(ctx) {
    return inTransaction<Record<string, unknown>, OfairDatabase>(ctx.db, systemActor('seed'), async (tx) => {
      const balances = await kindBalancesByOwner(tx, {
        book: OFAIR_BOOK,
        ownerType: 'professional',
        kind: 'pro_balance',
        currency: OFAIR_CURRENCY,
      })
      const owed = [...balances]
        .filter(([, b]) => b.posted > 0n)
        .map(([key]) => key.split(':')[0]!)
        .sort()
      if (owed.length === 0) return { skipped: 'nobody is owed money' }
      const r = await sql<{ professional_id: string }>`
        insert into ofair.payout_preferences (professional_id, method, bank_code, branch_code, account_number)
        select id,
               case when n % 4 = 3 then 'invoice_credit' else 'bank_transfer' end,
               case when n % 4 = 3 then null else (array['10','11','12','20','31'])[1 + n % 5] end,
               case when n % 4 = 3 then null else lpad((600 + n)::text, 3, '0') end,
               case when n % 4 = 3 then null else (1000000 + n * 7919)::text end
        from unnest(${owed}::uuid[]) with ordinality as t(id, n)
        on conflict (professional_id) do nothing
        returning professional_id`.execute(tx)
      return { preferences: r.rows.length }
    })
  },
}
