import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { MatrixContext, RouteCase } from '../../security/route-cases.ts'
import type { ResumesDatabase } from './database.ts'
import { parseResumeText } from './parsing/parse-resume.ts'
import { storeParse } from './service.ts'

/** A resume parsed for the demo recruiter (Rachel), once per matrix run: another recruiter's target. */
const made = new WeakMap<object, Promise<string>>()
function rachelsResume(m: MatrixContext): Promise<string> {
  let p = made.get(m.ctx)
  if (!p) {
    p = (async () => {
      const documentId = crypto.randomUUID()
      const uploadedBy = await m.userId('recruiter')
      const text = 'Jo Matrix\njo.matrix@example.com\nExperience\nEngineer, Acme  2019 – 2021'
      await inTransaction<void, ResumesDatabase>(m.ctx.db, systemActor('route-matrix'), (tx) =>
        storeParse(tx, {
          documentId,
          uploadedBy,
          mediaType: 'application/pdf',
          parse: { text, ...parseResumeText(text, new Date()) },
          parsedAt: new Date(),
        }),
      )
      return documentId
    })()
    made.set(m.ctx, p)
  }
  return p
}

const SAVED = {
  full_name: 'Jo Matrix',
  email: null,
  phone: null,
  location: null,
  current_title: null,
  years_experience: null,
  skills: [],
}

/** The uploader alone reads a draft or records its corrections; the accuracy report is admins'. */
export const resumesRouteMatrix: Record<string, RouteCase> = {
  'GET /api/resumes/:documentId/draft': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: {
      intruder: 'agency-recruiter',
      params: async (m) => ({ documentId: await rachelsResume(m) }),
      expect: 404,
    },
  },
  'POST /api/resumes/:documentId/corrections': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: {
      intruder: 'agency-recruiter',
      params: async (m) => ({ documentId: await rachelsResume(m) }),
      body: { saved: SAVED },
      expect: 404,
    },
  },
  'GET /api/admin/resumes/accuracy': { access: 'roles', wrongRole: 'recruiter' },
}
