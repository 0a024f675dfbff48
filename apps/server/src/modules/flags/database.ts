import type { Transaction } from 'kysely'
import type { FlagsSchema } from '../../kernel/db/schema/flags.ts'

/** Feature flags' own tables. */
export type FlagsDatabase = FlagsSchema
export type FlagsTx = Transaction<FlagsDatabase>
