import type { Transaction } from 'kysely'
import type { ResumesSchema } from '../../kernel/db/schema/resumes.ts'

/** Resume parsing's own tables; other modules reach them only through `index.ts`. */
export type ResumesDatabase = ResumesSchema
export type ResumesTx = Transaction<ResumesDatabase>
