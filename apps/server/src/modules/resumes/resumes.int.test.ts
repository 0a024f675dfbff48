import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  makeCompany,
  makeRecruiter,
  makeTeamMember,
  platformAdmin,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { type DocumentForProcessing, DocumentProcessingError } from '../documents/index.ts'
import { CORPUS_DIR } from './evaluation/evaluate-corpus.ts'
import { resumeProcessor } from './index.ts'
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE } from './parsing/extract-text.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-12-01T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

const corpusFile = (name: string) => new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, name)))
const query = async (text: string, params: unknown[]) =>
  (await database.current.pool.query(text, params)).rows

/** What the documents job does: the processor in a transaction as the system, with the bytes. */
async function processResume(
  uploadedBy: string,
  bytes: Uint8Array,
  mediaType = PDF_MEDIA_TYPE,
  over: Partial<DocumentForProcessing> = {},
): Promise<string> {
  const document: DocumentForProcessing = {
    id: crypto.randomUUID(),
    kind: 'resume',
    mediaType,
    fileName: mediaType === PDF_MEDIA_TYPE ? 'resume.pdf' : 'resume.docx',
    sizeBytes: bytes.length,
    ownerKind: 'candidate',
    entityType: null,
    entityId: null,
    uploadedBy,
    ...over,
  }
  await inTransaction(w.ctx.db, systemActor('documents.process'), (tx) =>
    resumeProcessor({ tx, document, bytes, clock }),
  )
  return document.id
}

const SAVED = {
  full_name: 'Dana Levi',
  email: 'dana.levi@example.com',
  phone: '+972 52-345-6789',
  location: 'Tel Aviv-Yafo, Israel',
  current_title: 'Senior Backend Engineer',
  years_experience: 11,
  skills: ['Node.js', 'TypeScript', 'PostgreSQL', 'Kafka', 'Python', 'Docker', 'Go'],
}

describe('the resume processor', () => {
  it('parses a PDF into a draft with evidence, read only by its uploader, the reveal logged', async () => {
    const rachel = await makeRecruiter(w)
    const documentId = await processResume(rachel.userId, corpusFile('01-dana-levi-backend.pdf'))
    const res = await api(w, rachel).get(`/api/resumes/${documentId}/draft`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      document_id: documentId,
      language: 'en',
      warnings: [],
      form: {
        full_name: 'Dana Levi',
        email: 'dana.levi@example.com',
        phone: '+972523456789',
        location: 'Tel Aviv, Israel',
        current_title: 'Senior Backend Engineer',
        years_experience: 11,
      },
      evidence: { full_name: { snippet: 'Dana Levi', offset: 0 }, phone: { snippet: '+972 52-345-6789' } },
    })
    expect(res.body.form.skills).toEqual(expect.arrayContaining(['Node.js', 'Kafka', 'PostgreSQL']))
    expect(res.body.employers.map((p: { employer: string }) => p.employer)).toEqual([
      'Payoneer',
      'Fiverr',
      'Check Point',
    ])
    expect(res.body.education[0]).toMatchObject({
      degree: 'B.Sc. Computer Science',
      institution: 'Tel Aviv University',
    })
    const log = await query(
      'select actor_user_id, purpose, fields from platform.pii_access_log where subject_id = $1',
      [documentId],
    )
    expect(log).toEqual([
      {
        actor_user_id: rachel.userId,
        purpose: 'resume_import_draft',
        fields: ['full_name', 'email', 'phone', 'location'],
      },
    ])
  })

  it('parses a Hebrew DOCX, and a retried job replaces the parse instead of adding one', async () => {
    const rachel = await makeRecruiter(w)
    const bytes = corpusFile('09-tamar-friedman-he-hr-docx.docx')
    const id = crypto.randomUUID()
    await processResume(rachel.userId, bytes, DOCX_MEDIA_TYPE, { id })
    await processResume(rachel.userId, bytes, DOCX_MEDIA_TYPE, { id })
    expect(await query('select count(*)::int as n from resumes.parses where document_id = $1', [id])).toEqual(
      [{ n: 1 }],
    )
    const res = await api(w, rachel).get(`/api/resumes/${id}/draft`)
    expect(res.body).toMatchObject({
      language: 'he',
      form: {
        full_name: 'תמר פרידמן',
        phone: '+972532223344',
        location: 'תל אביב',
        current_title: 'מגייסת בכירה',
      },
    })
  })

  it('stores a resume in another language with its warning, not garbage', async () => {
    const rachel = await makeRecruiter(w)
    const documentId = await processResume(rachel.userId, corpusFile('11-anna-petrova-ru.pdf'))
    const res = await api(w, rachel).get(`/api/resumes/${documentId}/draft`)
    expect(res.body.language).toBe('unsupported')
    expect(res.body.warnings.map((x: { code: string }) => x.code)).toEqual(['language_unsupported'])
    expect(res.body.form).toMatchObject({
      full_name: null,
      current_title: null,
      email: 'anna.petrova@example.ru',
    })
  })

  it('fails the document with a stable code for files it cannot read, storing nothing', async () => {
    const rachel = await makeRecruiter(w)
    const cases: [Uint8Array, string, string][] = [
      [
        new TextEncoder().encode('%PDF-1.7\n this is not really a pdf'),
        PDF_MEDIA_TYPE,
        'unreadable_document',
      ],
      [new Uint8Array(0), PDF_MEDIA_TYPE, 'unreadable_document'],
      [new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), DOCX_MEDIA_TYPE, 'unreadable_document'],
      [corpusFile('01-dana-levi-backend.pdf'), 'image/png', 'unsupported_media_type'],
    ]
    for (const [bytes, type, code] of cases) {
      const id = crypto.randomUUID()
      const err = await processResume(rachel.userId, bytes, type, { id }).catch((e) => e)
      expect(err).toBeInstanceOf(DocumentProcessingError)
      expect(err.code).toBe(code)
      expect(
        await query('select count(*)::int as n from resumes.parses where document_id = $1', [id]),
      ).toEqual([{ n: 0 }])
    }
    const notResume = await processResume(
      rachel.userId,
      corpusFile('01-dana-levi-backend.pdf'),
      PDF_MEDIA_TYPE,
      {
        kind: 'contract',
      },
    ).catch((e) => e)
    expect(notResume.code).toBe('not_a_resume')
  })
})

describe('GET /api/resumes/:documentId/draft', () => {
  it('is 404 for another recruiter, for an unknown document, and refused to a hiring team', async () => {
    const rachel = await makeRecruiter(w)
    const other = await makeRecruiter(w)
    const documentId = await processResume(rachel.userId, corpusFile('02-michael-chen-frontend.pdf'))
    const theirs = await api(w, other).get(`/api/resumes/${documentId}/draft`)
    expect(theirs.status).toBe(404)
    expect(theirs.body.code).toBe('resume_not_found')
    expect((await api(w, rachel).get(`/api/resumes/${crypto.randomUUID()}/draft`)).status).toBe(404)
    const bad = await api(w, rachel).get('/api/resumes/not-a-uuid/draft')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('documentId')
    const company = await makeCompany(w)
    const manager = await makeTeamMember(w, company)
    expect((await api(w, manager).get(`/api/resumes/${documentId}/draft`)).status).toBe(403)
    expect(
      await query('select count(*)::int as n from platform.pii_access_log where subject_id = $1', [
        documentId,
      ]),
    ).toEqual([{ n: 0 }])
  })
})

describe('POST /api/resumes/:documentId/corrections and the accuracy report', () => {
  it('stores the per-field diff once, without contact values, and reports correction rates', async () => {
    const rachel = await makeRecruiter(w)
    const documentId = await processResume(rachel.userId, corpusFile('01-dana-levi-backend.pdf'))
    const res = await api(w, rachel).post(`/api/resumes/${documentId}/corrections`, {
      saved: SAVED,
      candidate_id: crypto.randomUUID(),
    })
    expect(res.status).toBe(201)
    const byField = Object.fromEntries(res.body.fields.map((f: { field: string }) => [f.field, f]))
    expect(byField.full_name.outcome).toBe('kept')
    expect(byField.email.outcome).toBe('kept')
    expect(byField.phone.outcome).toBe('kept') // the same number, written differently
    expect(byField.location.outcome).toBe('changed')
    expect(byField.current_title.outcome).toBe('kept')
    expect(byField.years_experience.outcome).toBe('kept')
    expect(byField.skills).toMatchObject({ outcome: 'changed', added: 1, kept: 6 })
    expect(byField.skills.removed).toBeGreaterThanOrEqual(1)
    const [stored] = await query('select diff from resumes.corrections where id = $1', [res.body.id])
    expect(JSON.stringify(stored.diff)).not.toContain('dana.levi@example.com')
    expect(stored.diff.location).toEqual({ outcome: 'changed' })
    expect(stored.diff.skills.added).toEqual(['Go'])

    const again = await api(w, rachel).post(`/api/resumes/${documentId}/corrections`, { saved: SAVED })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('resume_corrections_recorded')

    const admin = await platformAdmin(w)
    const report = await api(w, admin).get('/api/admin/resumes/accuracy')
    expect(report.status).toBe(200)
    const version = report.body.versions[0]
    expect(version.corrections).toBeGreaterThanOrEqual(1)
    const location = version.fields.find((f: { field: string }) => f.field === 'location')
    expect(location.changed).toBeGreaterThanOrEqual(1)
    expect(location.correction_rate).toBeGreaterThan(0)
    expect(version.skills.recall).toBeLessThan(1)
    expect((await api(w, rachel).get('/api/admin/resumes/accuracy')).status).toBe(403)
  })

  it('refuses bad input naming the field, and another recruiter’s resume, changing nothing', async () => {
    const rachel = await makeRecruiter(w)
    const other = await makeRecruiter(w)
    const documentId = await processResume(
      rachel.userId,
      corpusFile('05-sarah-johnson-sales-docx.docx'),
      DOCX_MEDIA_TYPE,
    )
    const cases: [unknown, string][] = [
      [{ saved: { ...SAVED, years_experience: -1 } }, 'years_experience'],
      [{ saved: { ...SAVED, skills: 'Go' } }, 'skills'],
      [{ saved: { ...SAVED, extra: 1 } }, 'extra'],
      [{ saved: SAVED, candidate_id: 'x' }, 'candidate_id'],
      [{}, 'saved'],
    ]
    for (const [body, field] of cases) {
      const res = await api(w, rachel).post(`/api/resumes/${documentId}/corrections`, body)
      expect(res.status, field).toBe(400)
      expect(JSON.stringify(res.body), field).toContain(field)
    }
    const theirs = await api(w, other).post(`/api/resumes/${documentId}/corrections`, { saved: SAVED })
    expect(theirs.status).toBe(404)
    expect(
      await query(
        'select count(*)::int as n from resumes.corrections c join resumes.parses p on p.id = c.parse_id where p.document_id = $1',
        [documentId],
      ),
    ).toEqual([{ n: 0 }])
  })

  it('records exactly one correction when twenty identical saves race', async () => {
    const rachel = await makeRecruiter(w)
    const documentId = await processResume(rachel.userId, corpusFile('07-emily-rodriguez-design.pdf'))
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, rachel).post(`/api/resumes/${documentId}/corrections`, { saved: SAVED }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(19)
    expect(
      await query(
        'select count(*)::int as n from resumes.corrections c join resumes.parses p on p.id = c.parse_id where p.document_id = $1',
        [documentId],
      ),
    ).toEqual([{ n: 1 }])
  })
})
