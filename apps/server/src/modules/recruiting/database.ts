import type { Transaction } from 'kysely'
import type { AtsSchema } from '../../kernel/db/schema/ats.ts'
import type { NetworkSchema } from '../../kernel/db/schema/network.ts'
import type { IdentityDirectory } from '../identity/index.ts'

/**
 * The tables recruiting code may name: its own schemas (`ats`, `network`) and identity's published
 * directory view (names, no contacts). Anything else of identity's goes through its services.
 */
export type RecruitingDatabase = AtsSchema & NetworkSchema & IdentityDirectory
export type RecruitingTx = Transaction<RecruitingDatabase>
