import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  platformAdmin,
  submitCandidate,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import type { TestSession } from '../../../../../packages/testing/src/sessions.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { docx, honestZipBomb, lyingZipBomb, pdf, plainZip, png } from './test-files.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'documents-int-'))
  app = await startTestApp(database.current.url, { env: { DOCUMENTS_DIR: dir } })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  await app?.stop()
  await fs.rm(dir, { recursive: true, force: true })
})

interface Upload {
  kind?: string
  entity_type?: string
  entity_id?: string
  name?: string
  bytes: Uint8Array
  /** The Content-Type the client claims (never believed). */
  claimed?: string
}

async function upload(who: TestSession, u: Upload) {
  const form = new FormData()
  form.append('kind', u.kind ?? 'resume')
  if (u.entity_type) form.append('entity_type', u.entity_type)
  if (u.entity_id) form.append('entity_id', u.entity_id)
  form.append(
    'file',
    new Blob([Buffer.from(u.bytes)], { type: u.claimed ?? 'application/pdf' }),
    u.name ?? 'resume.pdf',
  )
  const res = await fetch(`${w.baseUrl}/api/documents/upload`, {
    method: 'POST',
    headers: who.headers,
    body: form,
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

const settled = (who: TestSession, id: string) =>
  eventually(
    `document ${id} processed`,
    async () => {
      const res = await api(w, who).get(`/api/documents/${id}`)
      return ['ready', 'failed'].includes(res.body?.status) ? res.body : undefined
    },
    15_000,
  )

const count = async (q: string, params: unknown[]) =>
  Number((await database.current.pool.query(q, params)).rows[0].n)

async function world() {
  const acme = await makeCompany(w)
  const eli = await makeTeamMember(w, acme, 'hiring_manager')
  const [rachel, tom] = [await makeRecruiter(w), await makeRecruiter(w)]
  const role = await makeRole(w, acme)
  const person = await makeCandidate(w, rachel, { full_name: 'Lena Park' })
  return { acme, eli, rachel, tom, role, person }
}

describe('uploading and reading documents', () => {
  it('stores a resume for a candidate, processes it to ready, and downloads it by a signed link', async () => {
    const { rachel, person } = await world()
    const bytes = pdf({ pages: 2, text: 'Lena Park' })
    const up = await upload(rachel, {
      entity_type: 'candidate',
      entity_id: person.id,
      bytes,
      claimed: 'text/html',
    })
    expect(up.status).toBe(201)
    expect(up.body).toMatchObject({
      kind: 'resume',
      owner_kind: 'candidate',
      entity_type: 'candidate',
      entity_id: person.id,
      media_type: 'application/pdf',
      size_bytes: bytes.length,
      status: 'pending',
      failure: null,
      file_name: 'resume.pdf',
    })
    const ready = await settled(rachel, up.body.id)
    expect(ready.status).toBe('ready')
    expect(ready.processed_at).not.toBeNull()
    const file = await fetch(`${w.baseUrl}${ready.download_url}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''resume.pdf")
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes)
    // an altered link opens nothing
    const altered = await fetch(`${w.baseUrl}${ready.download_url.replace(/sig=./, 'sig=A')}`)
    expect(altered.status).toBe(403)
    // the download link's issue is logged as a reveal of the candidate's personal data
    expect(
      await count(
        `select count(*) n from platform.pii_access_log where subject_id = $1 and purpose = 'document_download'`,
        [person.id],
      ),
    ).toBeGreaterThan(0)
    // lists: the entity's, and mine with filters
    const list = await api(w, rachel).get(`/api/documents/entity/candidate/${person.id}`)
    expect(list.status).toBe(200)
    expect(list.body.data.map((d: { id: string }) => d.id)).toEqual([up.body.id])
    const filtered = await api(w, rachel).get('/api/documents?kind=resume&status=ready&mine=true')
    expect(filtered.body.data.map((d: { id: string }) => d.id)).toContain(up.body.id)
    const none = await api(w, rachel).get('/api/documents?kind=contract')
    expect(none.body.data).toEqual([])
  })

  it('takes Word documents and text, reading the type from the content whatever the client says', async () => {
    const { rachel, person } = await world()
    const word = await upload(rachel, {
      entity_type: 'candidate',
      entity_id: person.id,
      bytes: docx(),
      name: 'cv.docx',
      claimed: 'image/png',
    })
    expect(word.status).toBe(201)
    expect(word.body.media_type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect((await settled(rachel, word.body.id)).status).toBe('ready')
    const text = await upload(rachel, {
      entity_type: 'candidate',
      entity_id: person.id,
      bytes: new TextEncoder().encode('Lena Park\nמהנדסת תוכנה\nSkills: TypeScript, PostgreSQL\n'),
      name: 'notes',
    })
    expect(text.status).toBe(201)
    expect(text.body.media_type).toBe('text/plain')
  })

  it('pages through a list by its cursor, newest first', async () => {
    const { rachel, person } = await world()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const up = await upload(rachel, {
        entity_type: 'candidate',
        entity_id: person.id,
        bytes: pdf({ text: `v${i}` }),
      })
      ids.push(up.body.id)
    }
    const first = await api(w, rachel).get(`/api/documents/entity/candidate/${person.id}?limit=2`)
    expect(first.body.has_more).toBe(true)
    const second = await api(w, rachel).get(
      `/api/documents/entity/candidate/${person.id}?limit=2&starting_after=${first.body.next_cursor}`,
    )
    const third = await api(w, rachel).get(
      `/api/documents/entity/candidate/${person.id}?limit=2&starting_after=${second.body.next_cursor}`,
    )
    expect(
      [...first.body.data, ...second.body.data, ...third.body.data].map((d: { id: string }) => d.id),
    ).toEqual(ids.reverse())
    expect(third.body.has_more).toBe(false)
    const bad = await api(w, rachel).get(`/api/documents?starting_after=nonsense`)
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe('invalid_cursor')
  })
})

describe('bad input: a clear 4xx with a stable code, nothing kept', () => {
  it('refuses what it can tell at once', async () => {
    const { rachel, person } = await world()
    const on = { entity_type: 'candidate', entity_id: person.id }
    const cases: [Upload, number, string][] = [
      [{ ...on, bytes: new Uint8Array(0) }, 400, 'document_empty'],
      [
        { ...on, bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), name: 'resume.pdf' },
        415,
        'document_type_not_allowed',
      ],
      [{ ...on, bytes: png(), name: 'photo.png' }, 415, 'document_type_not_allowed'],
      [{ ...on, bytes: plainZip(), name: 'resume.docx' }, 415, 'document_type_not_allowed'],
      [{ ...on, bytes: docx(), name: 'resume.pdf' }, 415, 'document_type_mismatch'],
      [{ ...on, bytes: honestZipBomb(20), name: 'bomb.docx' }, 422, 'document_unsafe_archive'],
      [{ ...on, bytes: pdf({ text: 'x'.repeat(100) }), kind: 'contract' }, 400, 'validation_failed'],
      [{ ...on, bytes: pdf(), kind: 'passport' }, 400, 'validation_failed'],
      [{ bytes: pdf(), entity_type: 'candidate' }, 400, 'validation_failed'],
      [{ ...on, entity_id: 'not-a-uuid', bytes: pdf() }, 400, 'validation_failed'],
    ]
    for (const [u, status, code] of cases) {
      const res = await upload(rachel, u)
      expect({ name: u.name, kind: u.kind, status: res.status, code: res.body?.code }).toEqual({
        name: u.name,
        kind: u.kind,
        status,
        code,
      })
    }
    expect(await count('select count(*) n from documents.documents where entity_id = $1', [person.id])).toBe(
      0,
    )
    // nothing left in staging either
    expect((await fs.readdir(path.join(dir, 'staging')).catch(() => [])).length).toBe(0)
  })

  it('cuts an upload larger than its kind allows, keeping nothing', async () => {
    const { rachel, person } = await world()
    const big = new Uint8Array(10 * 1024 * 1024 + 10)
    big.set(pdf())
    const res = await upload(rachel, { entity_type: 'candidate', entity_id: person.id, bytes: big })
    expect(res.status).toBe(413)
    expect(res.body.code).toBe('document_too_large')
    expect(await count('select count(*) n from documents.documents where entity_id = $1', [person.id])).toBe(
      0,
    )
  })

  it('answers a body that is not multipart with 415 and a broken one with 400', async () => {
    const { rachel } = await world()
    const json = await api(w, rachel).post('/api/documents/upload', { kind: 'resume' })
    expect(json.status).toBe(415)
    const broken = await fetch(`${w.baseUrl}/api/documents/upload`, {
      method: 'POST',
      headers: { ...rachel.headers, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nresume\r\n--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7',
    })
    expect(broken.status).toBeGreaterThanOrEqual(400)
    expect(broken.status).toBeLessThan(500)
    const noFile = new FormData()
    noFile.append('kind', 'resume')
    const missing = await fetch(`${w.baseUrl}/api/documents/upload`, {
      method: 'POST',
      headers: rachel.headers,
      body: noFile,
    })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { code: string }).code).toBe('document_multipart_invalid')
  })

  it('fails, with its code, what only processing finds: encrypted and empty PDFs, a zip bomb whose directory lies', async () => {
    const { rachel, person } = await world()
    const on = { entity_type: 'candidate', entity_id: person.id }
    const cases: [Upload, string][] = [
      [{ ...on, bytes: pdf({ encrypted: true }) }, 'pdf_encrypted'],
      [{ ...on, bytes: pdf({ pages: 0 }) }, 'pdf_empty'],
      [{ ...on, bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n') }, 'pdf_damaged'],
      [{ ...on, bytes: lyingZipBomb(20), name: 'cv.docx' }, 'docx_unsafe'],
    ]
    for (const [u, code] of cases) {
      const up = await upload(rachel, u)
      expect(up.status).toBe(201)
      const done = await settled(rachel, up.body.id)
      expect({ status: done.status, code: done.failure?.code }).toEqual({ status: 'failed', code })
      expect(done.failure.message.length).toBeGreaterThan(5)
    }
  })
})

describe('who sees what', () => {
  it('follows the candidate: the representing recruiter, then the hiring team once submitted; never another recruiter', async () => {
    const { rachel, tom, eli, role, person, acme } = await world()
    const up = await upload(rachel, { entity_type: 'candidate', entity_id: person.id, bytes: pdf() })
    const id = up.body.id
    expect((await api(w, tom).get(`/api/documents/${id}`)).status).toBe(404)
    expect((await api(w, tom).get(`/api/documents/entity/candidate/${person.id}`)).status).toBe(404)
    expect((await api(w, tom).get('/api/documents')).body.data).toEqual([])
    expect((await api(w, tom).delete(`/api/documents/${id}`)).status).toBe(404)
    expect((await upload(tom, { entity_type: 'candidate', entity_id: person.id, bytes: pdf() })).status).toBe(
      404,
    )
    expect((await api(w, eli).get(`/api/documents/${id}`)).status).toBe(404)
    await submitCandidate(w, rachel, role.id, person.id)
    expect((await api(w, eli).get(`/api/documents/${id}`)).status).toBe(200)
    // the team sees it but may not change the recruiter's candidate's documents
    expect((await api(w, acme.admin).delete(`/api/documents/${id}`)).status).toBe(403)
    expect((await upload(eli, { entity_type: 'candidate', entity_id: person.id, bytes: pdf() })).status).toBe(
      403,
    )
    // a platform admin sees it, and the read is logged
    const admin = await platformAdmin(w)
    expect((await api(w, admin).get(`/api/documents/${id}`)).status).toBe(200)
    expect(
      await count(
        `select count(*) n from platform.pii_access_log where subject_id = $1 and purpose = 'admin_document_download'`,
        [person.id],
      ),
    ).toBe(1)
  })

  it('gives a role’s job description to its team and the recruiters who see the role; a company’s contract to its team', async () => {
    const { rachel, eli, role, acme } = await world()
    const other = await makeCompany(w)
    const jd = await upload(eli, {
      kind: 'job_description',
      entity_type: 'role',
      entity_id: role.id,
      bytes: pdf(),
    })
    expect(jd.status).toBe(201)
    expect(jd.body.owner_kind).toBe('company')
    expect((await api(w, rachel).get(`/api/documents/${jd.body.id}`)).status).toBe(200)
    expect((await api(w, other.admin).get(`/api/documents/${jd.body.id}`)).status).toBe(404)
    expect(
      (
        await upload(rachel, {
          kind: 'job_description',
          entity_type: 'role',
          entity_id: role.id,
          bytes: pdf(),
        })
      ).status,
    ).toBe(403)
    const contract = await upload(acme.admin, {
      kind: 'contract',
      entity_type: 'company',
      entity_id: acme.id,
      bytes: docx(),
      name: 'msa.docx',
    })
    expect(contract.status).toBe(201)
    expect((await api(w, eli).get(`/api/documents/${contract.body.id}`)).status).toBe(200)
    expect((await api(w, rachel).get(`/api/documents/${contract.body.id}`)).status).toBe(404)
    expect((await api(w, other.admin).get(`/api/documents/entity/company/${acme.id}`)).status).toBe(404)
  })

  it('keeps the rule in SQL too: row-level security hides another recruiter’s candidate’s documents', async () => {
    const { rachel, tom, person } = await world()
    const up = await upload(rachel, { entity_type: 'candidate', entity_id: person.id, bytes: pdf() })
    const client = await database.current.pool.connect()
    try {
      await client.query('begin')
      await client.query('set local role app_runtime')
      await client.query(
        `select set_config('app.user_id', $1, true), set_config('app.roles', 'recruiter', true), set_config('app.actor_kind', 'user', true)`,
        [tom.userId],
      )
      const seen = await client.query('select id from documents.documents where id = $1', [up.body.id])
      expect(seen.rows).toEqual([])
      await client.query(`select set_config('app.user_id', $1, true)`, [rachel.userId])
      const own = await client.query('select id from documents.documents where id = $1', [up.body.id])
      expect(own.rows).toHaveLength(1)
    } finally {
      await client.query('rollback')
      client.release()
    }
  })

  it('keeps drafts to their uploader until attached, once', async () => {
    const { rachel, tom, person } = await world()
    const draft = await upload(rachel, { bytes: docx(), name: 'new-cv.docx' })
    expect(draft.status).toBe(201)
    expect(draft.body).toMatchObject({ owner_kind: 'draft', entity_type: null })
    expect((await api(w, tom).get(`/api/documents/${draft.body.id}`)).status).toBe(404)
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, rachel).post(`/api/documents/${draft.body.id}/attach`, {
          entity_type: 'candidate',
          entity_id: person.id,
        }),
      ),
    )
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(1)
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(19)
    const attached = await api(w, rachel).get(`/api/documents/${draft.body.id}`)
    expect(attached.body).toMatchObject({
      owner_kind: 'candidate',
      entity_type: 'candidate',
      entity_id: person.id,
    })
  })
})

describe('deleting', () => {
  it('soft-deletes once of 20 concurrent tries; the document, its link and its bytes are gone, its record stays', async () => {
    const { rachel, person } = await world()
    const up = await upload(rachel, { entity_type: 'candidate', entity_id: person.id, bytes: pdf() })
    const got = await settled(rachel, up.body.id)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api(w, rachel).delete(`/api/documents/${up.body.id}`)),
    )
    expect(results.filter((r) => r.status === 204)).toHaveLength(1)
    expect(results.filter((r) => r.status === 404)).toHaveLength(19)
    expect((await api(w, rachel).get(`/api/documents/${up.body.id}`)).status).toBe(404)
    expect((await fetch(`${w.baseUrl}${got.download_url}`)).status).toBe(404)
    expect(
      await count('select count(*) n from documents.documents where id = $1 and deleted_at is not null', [
        up.body.id,
      ]),
    ).toBe(1)
    await eventually(
      'bytes purged',
      async () =>
        (await fs.readdir(path.join(dir, 'objects', 'candidate', person.id)).catch(() => [])).length === 0,
      10_000,
    )
  })

  it('keeps the per-record limit under 20 concurrent uploads', async () => {
    const { rachel, person } = await world()
    await database.current.pool.query(
      `insert into documents.documents (kind, owner_kind, entity_type, entity_id, storage_key, file_name, media_type, size_bytes, sha256, uploaded_by)
       select 'other', 'candidate', 'candidate', $1::uuid, 'fill/' || g || '-' || $1::text, 'x.pdf', 'application/pdf', 1, repeat('a', 64), $2::uuid
       from generate_series(1, 95) g`,
      [person.id, rachel.userId],
    )
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        upload(rachel, { entity_type: 'candidate', entity_id: person.id, bytes: pdf() }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(5)
    expect(results.filter((r) => r.status === 409 && r.body.code === 'document_entity_limit')).toHaveLength(
      15,
    )
  })
})
