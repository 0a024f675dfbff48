import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { uuidv7 } from '../../kernel/ids.ts'
import type { SeedStep } from '../../kernel/module.ts'
import { writeEvents } from '../../kernel/outbox/events.ts'
import { allPlacementIds, type PlacementFacts, placementFacts } from '../recruiting/index.ts'
import type { DocumentsTx } from './database.ts'
import { documentStorage } from './storage/holder.ts'
import { pdf } from './test-files.ts'

const DEMO_RESUMES = 6

/**
 * A resume (a small PDF made in code) for the first placed candidates of the demo marketplace,
 * uploaded by the recruiter who placed them; processing makes them ready in the background. Runs
 * again harmlessly: a candidate who has a document already gets none.
 */
export const demoDocumentsSeed: SeedStep = {
  name: 'documents.demo_resumes',
  version: 1,
  description: 'Resumes of a few placed demo candidates',
  after: ['recruiting.demo_marketplace'],
  async run(ctx) {
    const storage = documentStorage()
    return inTransaction(ctx.db, systemActor('seed'), async (tx: DocumentsTx) => {
      const facts: PlacementFacts[] = []
      for (const id of (await allPlacementIds(tx)).slice(0, DEMO_RESUMES)) {
        const f = await placementFacts(tx, id)
        if (f && !facts.some((x) => x.candidate.id === f.candidate.id)) facts.push(f)
      }
      await fs.mkdir(storage.stagingDir, { recursive: true })
      let added = 0
      for (const f of facts) {
        const existing = await tx
          .selectFrom('documents.documents')
          .select('id')
          .where('entity_type', '=', 'candidate')
          .where('entity_id', '=', f.candidate.id)
          .executeTakeFirst()
        if (existing) continue
        const bytes = pdf({ pages: 1, text: `${f.candidate.name} - ${f.role.title}` })
        const id = uuidv7()
        const key = `candidate/${f.candidate.id}/${id}.pdf`
        const staged = path.join(storage.stagingDir, `${id}.upload`)
        await fs.writeFile(staged, bytes)
        await storage.put(key, staged, { size: bytes.length, mediaType: 'application/pdf' })
        await tx
          .insertInto('documents.documents')
          .values({
            id,
            kind: 'resume',
            owner_kind: 'candidate',
            entity_type: 'candidate',
            entity_id: f.candidate.id,
            storage_key: key,
            file_name: `${f.candidate.name} resume.pdf`,
            media_type: 'application/pdf',
            size_bytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            uploaded_by: f.submittingRecruiter.userId,
          })
          .execute()
        await writeEvents(tx, [
          {
            type: 'document.uploaded',
            aggregateId: id,
            data: {
              document_id: id,
              kind: 'resume',
              entity_type: 'candidate',
              entity_id: f.candidate.id,
              uploaded_by: f.submittingRecruiter.userId,
            },
          },
        ])
        added++
      }
      return { resumes: added }
    })
  },
}
