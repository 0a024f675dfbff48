import type { Transaction } from 'kysely'
import type { IntelligenceSchema } from '../../kernel/db/schema/intelligence.ts'

/** Matching's own tables; roles, candidates and recruiters come through recruiting's services. */
export type IntelligenceDatabase = IntelligenceSchema
export type IntelligenceTx = Transaction<IntelligenceDatabase>
