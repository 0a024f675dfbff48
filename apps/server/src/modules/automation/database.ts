import type { Transaction } from 'kysely'
import type { AutomationSchema } from '../../kernel/db/schema/automation.ts'

/** Automation's own tables; the modules it acts on are reached through their services. */
export type AutomationDatabase = AutomationSchema
export type AutomationTx = Transaction<AutomationDatabase>
