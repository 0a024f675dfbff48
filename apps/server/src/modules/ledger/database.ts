import type { Transaction } from 'kysely'
import type { LedgerSchema } from '../../kernel/db/schema/ledger.ts'

/** The ledger's own tables: other modules never name them, they call the ledger's services. */
export type LedgerDatabase = LedgerSchema
export type LedgerTx = Transaction<LedgerDatabase>
