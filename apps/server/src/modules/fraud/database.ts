import type { Transaction } from 'kysely'
import type { FraudSchema } from '../../kernel/db/schema/fraud.ts'

/** Fraud's own tables; the marketplace comes through recruiting's services. */
export type FraudDatabase = FraudSchema
export type FraudTx = Transaction<FraudDatabase>
