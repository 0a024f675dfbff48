import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCandidate,
  makeRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import type { TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { inTransaction } from '../../kernel/db/transaction.ts'
import {
  type DocumentForProcessing,
  DocumentProcessingError,
  provideDocumentProcessor,
  readDocumentBytes,
} from './index.ts'
import { failStalledDocuments, STALLED_AFTER_MINUTES } from './processing.ts'
import { pdf } from './test-files.ts'

/** The contract other modules plug into: a processor per kind, and reading a document's bytes. */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let dir: string
const seen: DocumentForProcessing[] = []

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'documents-processor-'))
  provideDocumentProcessor('resume', async ({ document, bytes }) => {
    seen.push(document)
    if (new TextDecoder('latin1').decode(bytes).includes('UNREADABLE')) {
      throw new DocumentProcessingError('resume_unreadable', 'No text could be read from the resume')
    }
    // a processor that keeps failing in an unexpected way: the job retries, the document stays processing
    if (new TextDecoder('latin1').decode(bytes).includes('FLAKY')) throw new Error('the parser crashed')
  })
  app = await startTestApp(database.current.url, { env: { DOCUMENTS_DIR: dir } })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  await app?.stop()
  await fs.rm(dir, { recursive: true, force: true })
})

async function upload(who: TestSession, candidateId: string, bytes: Uint8Array) {
  const form = new FormData()
  form.append('kind', 'resume')
  form.append('entity_type', 'candidate')
  form.append('entity_id', candidateId)
  form.append('file', new Blob([Buffer.from(bytes)]), 'cv.pdf')
  const res = await fetch(`${w.baseUrl}/api/documents/upload`, {
    method: 'POST',
    headers: who.headers,
    body: form,
  })
  return ((await res.json()) as { id: string }).id
}

const settled = (who: TestSession, id: string) =>
  eventually(
    'processed',
    async () => {
      const res = await api(w, who).get(`/api/documents/${id}`)
      return ['ready', 'failed'].includes(res.body.status) ? res.body : undefined
    },
    15_000,
  )

it('runs the kind’s processor with the document and its bytes; its error fails the document with its code', async () => {
  const rachel = await makeRecruiter(w)
  const tom = await makeRecruiter(w)
  const person = await makeCandidate(w, rachel)
  const good = await upload(rachel, person.id, pdf({ text: 'Lena Park' }))
  expect((await settled(rachel, good)).status).toBe('ready')
  expect(seen.find((d) => d.id === good)).toMatchObject({
    kind: 'resume',
    mediaType: 'application/pdf',
    fileName: 'cv.pdf',
    ownerKind: 'candidate',
    entityType: 'candidate',
    entityId: person.id,
    uploadedBy: rachel.userId,
  })
  const bad = await upload(rachel, person.id, pdf({ text: 'UNREADABLE' }))
  const failed = await settled(rachel, bad)
  expect(failed).toMatchObject({ status: 'failed', failure: { code: 'resume_unreadable' } })

  // readDocumentBytes: as the caller's transaction sees it (row-level security), ready documents only
  const bytes = await inTransaction(
    app.ctx.db,
    { kind: 'user', userId: rachel.userId, roles: ['recruiter'] },
    (tx) => readDocumentBytes(tx, { isPlatformAdmin: false }, good),
  )
  expect(bytes.mediaType).toBe('application/pdf')
  expect(new TextDecoder('latin1').decode(bytes.bytes)).toContain('Lena Park')
  await expect(
    inTransaction(app.ctx.db, { kind: 'user', userId: tom.userId, roles: ['recruiter'] }, (tx) =>
      readDocumentBytes(tx, { isPlatformAdmin: false }, good),
    ),
  ).rejects.toMatchObject({ code: 'not_found' })
  await expect(
    inTransaction(app.ctx.db, { kind: 'user', userId: rachel.userId, roles: ['recruiter'] }, (tx) =>
      readDocumentBytes(tx, { isPlatformAdmin: false }, bad),
    ),
  ).rejects.toMatchObject({ code: 'conflict' })
})

it('a document whose processing never finishes is failed by the sweeper after half an hour, with its event', async () => {
  const rachel = await makeRecruiter(w)
  const person = await makeCandidate(w, rachel)
  const id = await upload(rachel, person.id, pdf({ text: 'FLAKY' }))
  await eventually(
    'processing',
    async () =>
      (await api(w, rachel).get(`/api/documents/${id}`)).body.status === 'processing' ? true : undefined,
    15_000,
  )
  // not yet: a live retry may still finish it
  expect((await failStalledDocuments(app.ctx, new Date())).failed).toBe(0)
  const later = new Date(Date.now() + (STALLED_AFTER_MINUTES + 1) * 60_000)
  expect((await failStalledDocuments(app.ctx, later)).failed).toBeGreaterThanOrEqual(1)
  const doc = (await api(w, rachel).get(`/api/documents/${id}`)).body
  expect(doc).toMatchObject({ status: 'failed', failure: { code: 'processing_stalled' } })
  // a second sweep finds nothing more to do for it; the ready and failed documents were never touched
  expect((await failStalledDocuments(app.ctx, later)).failed).toBe(0)
  const events = await sql<{ failure_code: string | null }>`
    select payload->>'failure_code' as failure_code from platform.outbox
    where event_type = 'document.processed' and aggregate_id = ${id}`.execute(app.ctx.db)
  expect(events.rows).toEqual([{ failure_code: 'processing_stalled' }])
})
