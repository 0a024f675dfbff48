import type { Transaction } from 'kysely'
import type { DocumentsSchema } from '../../kernel/db/schema/documents.ts'
import type { IdentityDirectory } from '../identity/index.ts'

/** The tables documents code may name: its own schema and identity's directory (names only). */
export type DocumentsDatabase = DocumentsSchema & IdentityDirectory
export type DocumentsTx = Transaction<DocumentsDatabase>
