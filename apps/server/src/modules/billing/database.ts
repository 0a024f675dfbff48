import type { Transaction } from 'kysely'
import type { BillingSchema } from '../../kernel/db/schema/billing.ts'

/** Billing's own tables; placements, companies and the ledger are reached through their modules. */
export type BillingDatabase = BillingSchema
export type BillingTx = Transaction<BillingDatabase>
