import type { Transaction } from 'kysely'
import { access, type Principal } from '../../kernel/http/access.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import type { ResumesDatabase } from './database.ts'

/** Who is asking: the parse and its corrections belong to one person, the uploader. */
export interface ResumesCaller {
  principal: Principal | null
  userId: string
}

export const resumesRoute = moduleRoutes<ResumesDatabase, ResumesCaller>({
  tag: 'resumes',
  resolveCaller: async (_tx: Transaction<ResumesDatabase>, principal) => ({
    principal,
    userId: principal?.userId ?? '',
  }),
})

export const who = {
  uploader: access.roles(['recruiter'], 'The recruiter who uploaded the resume; anyone else gets 404.'),
  admin: access.roles(['platform_admin'], 'Platform admins: counts only, no resume’s contents.'),
}
