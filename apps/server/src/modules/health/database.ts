import type { Transaction } from 'kysely'
import type { HealthSchema } from '../../kernel/db/schema/health.ts'

/** Marketplace health's own tables; the figures come through recruiting's and billing's services. */
export type HealthDatabase = HealthSchema
export type HealthTx = Transaction<HealthDatabase>
