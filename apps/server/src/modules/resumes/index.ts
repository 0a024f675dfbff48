import type { AppModule } from '../../kernel/module.ts'
import { provideDocumentProcessor } from '../documents/index.ts'
import './errors.ts'
import { resumesRoute } from './route.ts'
import { resumeRoutes } from './routes.ts'

export type { DocumentForProcessing, DocumentProcessor } from '../documents/index.ts'
export { PARSER_VERSION } from './parsing/parse-resume.ts'

import { resumeProcessor } from './processor.ts'

export { resumeProcessor }

// Every uploaded resume is parsed as the documents service processes it (its status says how it went).
provideDocumentProcessor('resume', resumeProcessor)

/**
 * Resume parsing: reads an uploaded resume (PDF or DOCX, from the documents service) into the
 * candidate form's fields with the evidence of each, serves the uploader a pre-filled draft, and
 * measures the parser by what recruiters finally saved. See README.md.
 */
export const resumesModule: AppModule = {
  name: 'resumes',
  schemas: ['resumes'],
  routes(app, ctx) {
    resumesRoute.mount(app, ctx, resumeRoutes)
  },
}
