import type { AppModule } from '../../kernel/module.ts'
import './errors.ts'
import { resumesRoute } from './route.ts'
import { resumeRoutes } from './routes.ts'

export type { DocumentForProcessing, DocumentProcessor } from './document-contract.ts'
export { PARSER_VERSION } from './parsing/parse-resume.ts'
export { resumeProcessor } from './processor.ts'

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
