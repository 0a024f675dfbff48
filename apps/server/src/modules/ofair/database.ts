import type { Transaction } from 'kysely'
import type { OfairSchema } from '../../kernel/db/schema/ofair.ts'
import type { IdentityDirectory } from '../identity/index.ts'

/**
 * The tables OFAIR code may name: its own schema and identity's published directory view (names,
 * no contacts). Phones and other contacts of identity come through identity's services.
 */
export type OfairDatabase = OfairSchema & IdentityDirectory
export type OfairTx = Transaction<OfairDatabase>
