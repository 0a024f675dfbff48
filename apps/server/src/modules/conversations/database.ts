import type { Transaction } from 'kysely'
import type { ConversationsSchema } from '../../kernel/db/schema/conversations.ts'
import type { IdentityDirectory } from '../identity/index.ts'

/** The tables conversations code may name: its own schema and identity's directory (names only). */
export type ConversationsDatabase = ConversationsSchema & IdentityDirectory
export type ConversationsTx = Transaction<ConversationsDatabase>
