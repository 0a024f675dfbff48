import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
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
import { FixedClock } from '../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { pdf, png } from '../documents/test-files.ts'
import { runChatDigest } from '../recruiting/conversations/digest.ts'
import { openConversation } from './index.ts'

const database = useTestDatabase()
// a past time: e-mail jobs the digest enqueues start at once
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => app?.stop())

const db = () => database.current.db
const n = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(db())).rows[0]!.n

async function upload(who: TestSession, bytes: Uint8Array, name: string, kind = 'message_attachment') {
  const form = new FormData()
  form.append('kind', kind)
  form.append('file', new Blob([Buffer.from(bytes)]), name)
  const res = await fetch(`${w.baseUrl}/api/documents/upload`, {
    method: 'POST',
    headers: who.headers,
    body: form,
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/** Uploads a file as a draft and waits for the Document Service to process it. */
async function readyDraft(who: TestSession, bytes: Uint8Array, name: string, kind = 'message_attachment') {
  const up = await upload(who, bytes, name, kind)
  expect(up.status).toBe(201)
  return eventually(
    `document ${up.body.id} processed`,
    async () => {
      const r = await api(w, who).get(`/api/documents/${up.body.id}`)
      return ['ready', 'failed'].includes(r.body?.status) ? r.body : undefined
    },
    15_000,
  )
}

async function world() {
  const company = await makeCompany(w)
  const manager = await makeTeamMember(w, company)
  const rachel = await makeRecruiter(w)
  const role = await makeRole(w, company)
  const candidate = await makeCandidate(w, rachel)
  const application = await submitCandidate(w, rachel, role.id, candidate.id)
  const thread = await api(w, rachel).get(`/api/applications/${application.id}/messages`)
  return {
    company,
    manager,
    rachel,
    role,
    candidate,
    application,
    conv: thread.body.conversation_id as string,
  }
}

const withKey = (who: TestSession, key: string): TestSession => ({
  ...who,
  headers: { ...who.headers, 'idempotency-key': key },
})

async function download(who: TestSession, path: string) {
  const res = await fetch(`${w.baseUrl}${path}`, { headers: who.headers })
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

const messageCount = (conv: string) =>
  n(sql`select count(*)::int as n from conversations.messages where conversation_id = ${conv}`)
const ownerKind = async (documentId: string) =>
  (
    await sql<{
      owner_kind: string
    }>`select owner_kind from documents.documents where id = ${documentId}`.execute(db())
  ).rows[0]?.owner_kind

describe('sending a file in a Splits conversation', () => {
  it('the recruiter sends a CV; the hiring manager sees it live, lists it and downloads it (logged)', async () => {
    const x = await world()
    const cv = pdf({ pages: 2, text: 'Lena Park CV' })
    const doc = await readyDraft(x.rachel, cv, 'Lena Park CV.pdf')
    expect(doc).toMatchObject({ status: 'ready', kind: 'message_attachment', owner_kind: 'draft' })
    const ws = socketFor(x.manager)
    await ws.ready
    const sent = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'Her CV, as promised',
      document_id: doc.id,
    })
    expect(sent.status).toBe(201)
    expect(sent.body.attachment).toMatchObject({
      file_name: 'Lena Park CV.pdf',
      media_type: 'application/pdf',
      size_bytes: cv.length,
    })
    const pushed = await ws.next((e) => e.type === 'message')
    expect(pushed.message).toMatchObject({ id: sent.body.id, attachment: { id: sent.body.attachment.id } })
    ws.ws.close()

    const page = await api(w, x.manager).get(`/api/applications/${x.application.id}/messages`)
    expect(page.body.data[0].attachment).toEqual(sent.body.attachment)
    const generic = await api(w, x.manager).get(`/api/conversations/${x.conv}/messages`)
    expect(generic.body.data[0].attachment.file_name).toBe('Lena Park CV.pdf')

    // the document left the sender's drafts: it cannot be deleted or sent again
    expect(await ownerKind(doc.id)).toBe('system')
    expect((await api(w, x.rachel).delete(`/api/documents/${doc.id}`)).status).toBe(404)

    const before = await n(sql`select count(*)::int as n from platform.pii_access_log
      where subject_type = 'candidate' and subject_id = ${x.candidate.id} and 'conversation_attachment' = any(fields)`)
    const got = await download(
      x.manager,
      `/api/conversations/${x.conv}/attachments/${sent.body.attachment.id}`,
    )
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('application/pdf')
    expect(got.headers.get('content-disposition')).toContain(
      "attachment; filename*=UTF-8''Lena%20Park%20CV.pdf",
    )
    expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(got.bytes).equals(Buffer.from(cv))).toBe(true)
    const after = await n(sql`select count(*)::int as n from platform.pii_access_log
      where subject_type = 'candidate' and subject_id = ${x.candidate.id} and 'conversation_attachment' = any(fields)
        and purpose = 'conversation_attachment_download'`)
    expect(after).toBe(before + 1)
  })

  it('a file alone is a message; neither text nor file is a 400 naming body.text', async () => {
    const x = await world()
    const doc = await readyDraft(x.manager, png(), 'org-chart.png')
    const alone = await api(w, x.manager).post(`/api/conversations/${x.conv}/messages`, {
      document_id: doc.id,
    })
    expect(alone.status).toBe(201)
    expect(alone.body).toMatchObject({ text: '', attachment: { media_type: 'image/png' } })
    const empty = await api(w, x.manager).post(`/api/conversations/${x.conv}/messages`, {})
    expect(empty.status).toBe(400)
    expect(empty.body.errors[0].field).toBe('body.text')
    // the database refuses an empty message without a file, whoever writes it
    await expect(
      sql`insert into conversations.messages (conversation_id, sender_user_id, body)
          values (${x.conv}, ${x.manager.userId}, '')`.execute(db()),
    ).rejects.toThrow(/must carry an attachment/)
    await expect(
      sql`update conversations.attachments set file_name = 'x.pdf' where id = ${alone.body.attachment.id}`.execute(
        db(),
      ),
    ).rejects.toThrow()
  })

  it('only participants read a file: others get 404, and row-level security hides the row', async () => {
    const x = await world()
    const doc = await readyDraft(x.rachel, pdf(), 'cv.pdf')
    const sent = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'CV attached',
      document_id: doc.id,
    })
    const path = `/api/conversations/${x.conv}/attachments/${sent.body.attachment.id}`
    const other = await makeCompany(w)
    const tom = await makeRecruiter(w)
    const admin = await platformAdmin(w)
    for (const who of [other.admin, tom, admin]) expect((await download(who, path)).status).toBe(404)
    // the wrong conversation with the right attachment id
    const y = await world()
    expect(
      (await download(y.manager, `/api/conversations/${y.conv}/attachments/${sent.body.attachment.id}`))
        .status,
    ).toBe(404)
    // in SQL: as another recruiter the row does not exist; as a participant it does
    const visibleTo = (userId: string) =>
      inTransaction(
        app.ctx.db,
        { kind: 'user', userId, roles: ['recruiter'] },
        async (tx) =>
          (
            await sql<{ n: number }>`select count(*)::int as n from conversations.attachments
              where id = ${sent.body.attachment.id}`.execute(tx)
          ).rows[0]!.n,
      )
    expect(await visibleTo(tom.userId)).toBe(0)
    expect(await visibleTo(x.rachel.userId)).toBe(1)
  })

  it('the admin view lists files and downloads them, each download logged and audited', async () => {
    const x = await world()
    const doc = await readyDraft(x.rachel, pdf(), 'cv.pdf')
    const sent = await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, {
      text: 'CV',
      document_id: doc.id,
    })
    const admin = await platformAdmin(w)
    const transcript = await api(w, admin).get(`/api/admin/conversations/${x.conv}`)
    expect(transcript.body.messages[0].attachment.file_name).toBe('cv.pdf')
    const path = `/api/admin/conversations/${x.conv}/attachments/${sent.body.attachment.id}?purpose=dispute`
    expect((await download(admin, path)).status).toBe(200)
    expect((await download(x.company.admin, path)).status).toBe(403)
    expect(
      await n(sql`select count(*)::int as n from platform.pii_access_log
        where subject_id = ${x.candidate.id} and purpose = 'admin.dispute' and 'conversation_attachment' = any(fields)`),
    ).toBe(1)
    expect(
      await n(sql`select count(*)::int as n from platform.audit_log
        where entity_id = ${x.conv} and action = 'splits_chat.attachment_read'`),
    ).toBe(1)
  })
})

describe('refusals: a clear 4xx with a stable code, nothing changed', () => {
  it('the upload refuses a file too large or of another type (the Document Service)', async () => {
    const x = await world()
    const big = await upload(x.rachel, new Uint8Array(10 * 1024 * 1024 + 10).fill(32), 'big.pdf')
    expect(big.status).toBe(413)
    expect(big.body.code).toBe('document_too_large')
    const text = await upload(x.rachel, new TextEncoder().encode('hello'), 'notes.txt')
    expect(text.status).toBe(415)
    expect(text.body.code).toBe('document_type_not_allowed')
    const onRecord = new FormData()
    onRecord.append('kind', 'message_attachment')
    onRecord.append('entity_type', 'candidate')
    onRecord.append('entity_id', x.candidate.id)
    onRecord.append('file', new Blob([Buffer.from(pdf())]), 'cv.pdf')
    const r = await fetch(`${w.baseUrl}/api/documents/upload`, {
      method: 'POST',
      headers: x.rachel.headers,
      body: onRecord,
    })
    expect(r.status).toBe(400)
  })

  it('refuses others’ documents, wrong types and sizes, unready or failed files, outsiders, blocks, text-only conversations', async () => {
    const x = await world()
    const url = `/api/applications/${x.application.id}/messages`
    const send = (who: TestSession, documentId: string, to = url) =>
      api(w, who).post(to, { text: 'see file', document_id: documentId })
    const expectRefused = async (
      r: Awaited<ReturnType<typeof send>>,
      status: number,
      code: string,
      documentId?: string,
      stays = 'draft',
    ) => {
      expect(r.status).toBe(status)
      expect(r.body.code).toBe(code)
      if (documentId) expect(await ownerKind(documentId)).toBe(stays)
    }
    // someone else's draft
    const mine = await readyDraft(x.manager, pdf(), 'brief.pdf')
    await expectRefused(await send(x.rachel, mine.id), 403, 'attachment_not_yours', mine.id)
    // a document of a record (a candidate's resume the recruiter uploaded)
    const form = new FormData()
    form.append('kind', 'resume')
    form.append('entity_type', 'candidate')
    form.append('entity_id', x.candidate.id)
    form.append('file', new Blob([Buffer.from(pdf())]), 'resume.pdf')
    const resume = (await (
      await fetch(`${w.baseUrl}/api/documents/upload`, {
        method: 'POST',
        headers: x.rachel.headers,
        body: form,
      })
    ).json()) as { id: string }
    await expectRefused(await send(x.rachel, resume.id), 403, 'attachment_not_yours', resume.id, 'candidate')
    // a random id
    await expectRefused(
      await send(x.rachel, '01900000-0000-7000-8000-000000000000'),
      403,
      'attachment_not_yours',
    )
    // kind `other` takes text and 25 MB: a message does not
    const notes = await readyDraft(x.rachel, new TextEncoder().encode('plain notes'), 'notes.txt', 'other')
    await expectRefused(await send(x.rachel, notes.id), 415, 'attachment_type_not_allowed', notes.id)
    const huge = await readyDraft(x.rachel, pdf({ text: 'x'.repeat(11 * 1024 * 1024) }), 'huge.pdf', 'other')
    await expectRefused(await send(x.rachel, huge.id), 413, 'attachment_too_large', huge.id)
    // processing failed (an encrypted PDF)
    const locked = await readyDraft(x.rachel, pdf({ encrypted: true }), 'locked.pdf')
    expect(locked.status).toBe('failed')
    await expectRefused(await send(x.rachel, locked.id), 422, 'attachment_failed', locked.id)
    // still being processed
    const pending = (
      await sql<{ id: string }>`insert into documents.documents
        (kind, owner_kind, storage_key, file_name, media_type, size_bytes, sha256, uploaded_by)
        values ('message_attachment', 'draft', ${`test/${x.rachel.userId}/pending.pdf`}, 'pending.pdf',
                'application/pdf', 100, ${'a'.repeat(64)}, ${x.rachel.userId}) returning id`.execute(db())
    ).rows[0]!.id
    await expectRefused(await send(x.rachel, pending), 409, 'attachment_not_ready', pending)
    // a conversation one is not in
    const y = await world()
    const good = await readyDraft(x.rachel, pdf(), 'cv.pdf')
    await expectRefused(
      await send(x.rachel, good.id, `/api/conversations/${y.conv}/messages`),
      404,
      'not_found',
      good.id,
    )
    await expectRefused(
      await send(x.rachel, good.id, `/api/applications/${y.application.id}/messages`),
      404,
      'not_found',
      good.id,
    )
    // a blocked conversation
    await api(w, x.manager).put(`/api/conversations/${x.conv}/block`, { blocked: true })
    await expectRefused(await send(x.rachel, good.id), 403, 'conversation_blocked', good.id)
    await api(w, x.manager).put(`/api/conversations/${x.conv}/block`, { blocked: false })
    // a conversation whose subject takes text only (as OFAIR's)
    const textOnly = await inTransaction(app.ctx.db, systemActor('test'), (tx) =>
      openConversation(tx, {
        subjectKind: 'test_text_only',
        subjectId: x.role.id,
        participants: [
          { userId: x.rachel.userId, role: 'a' },
          { userId: x.manager.userId, role: 'b' },
        ],
      }),
    )
    await expectRefused(
      await send(x.rachel, good.id, `/api/conversations/${textOnly}/messages`),
      422,
      'attachments_not_allowed',
      good.id,
    )
    expect(await messageCount(x.conv)).toBe(0)
    expect(await messageCount(textOnly)).toBe(0)
    expect(
      await n(
        sql`select count(*)::int as n from conversations.attachments where conversation_id = ${x.conv}`,
      ),
    ).toBe(0)
    // and the same file then goes through
    expect((await send(x.rachel, good.id)).status).toBe(201)
  })
})

describe('concurrency', () => {
  it('20 concurrent identical sends with one Idempotency-Key make one message', async () => {
    const x = await world()
    const doc = await readyDraft(x.rachel, pdf(), 'cv.pdf')
    const keyed = withKey(x.rachel, `send-${doc.id}`)
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, keyed).post(`/api/applications/${x.application.id}/messages`, {
          text: 'CV',
          document_id: doc.id,
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19)
    expect(await messageCount(x.conv)).toBe(1)
  })

  it('20 concurrent sends of one file without a key: one message, the others refused', async () => {
    const x = await world()
    const doc = await readyDraft(x.rachel, pdf(), 'cv.pdf')
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(w, x.rachel).post(`/api/conversations/${x.conv}/messages`, { document_id: doc.id }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${r.body.code}`))).toEqual(
      new Set(['403 attachment_not_yours']),
    )
    expect(
      await n(sql`select count(*)::int as n from conversations.attachments where document_id = ${doc.id}`),
    ).toBe(1)
  })
})

describe('the unread e-mail digest', () => {
  it('names the files with their sizes', async () => {
    const x = await world()
    const cv = pdf({ text: 'Lena' })
    const doc = await readyDraft(x.rachel, cv, 'Lena CV.pdf')
    await api(w, x.rachel).post(`/api/applications/${x.application.id}/messages`, { document_id: doc.id })
    // 20 minutes later: the message is unread for more than 15
    const ran = await runChatDigest({
      ...app.ctx,
      clock: { now: () => new Date(Date.now() + 20 * 60_000) },
    } as never)
    expect(ran.emailed).toBeGreaterThanOrEqual(2)
    // the e-mail (queued for the person's delivery time): its text names the file and its size
    const email = (
      await sql<{ body: string }>`select data->>'text' as body from pgboss.job
        where data->>'user_id' = ${x.manager.userId} and data->>'text' like ${'%Lena CV.pdf%'}`.execute(db())
    ).rows[0]!
    expect(email.body).toMatch(/File: Lena CV\.pdf \(\d+ (bytes|KB)\)\./)
  })
})

function socketFor(who: TestSession) {
  const url = `${app.baseUrl.replace(/^http/, 'ws')}/api/conversations/socket`
  const ws = new WebSocket(url, { headers: { cookie: who.headers.cookie!, origin: app.baseUrl } })
  const events: Record<string, unknown>[] = []
  const waiting: {
    test: (e: Record<string, unknown>) => boolean
    resolve: (e: Record<string, unknown>) => void
  }[] = []
  ws.on('message', (data) => {
    const e = JSON.parse(String(data)) as Record<string, unknown>
    events.push(e)
    for (const x of [...waiting]) {
      if (x.test(e)) {
        waiting.splice(waiting.indexOf(x), 1)
        x.resolve(e)
      }
    }
  })
  const next = (test: (e: Record<string, unknown>) => boolean, ms = 5000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = events.find(test)
      if (found) return resolve(found)
      const t = setTimeout(() => reject(new Error(`no event in ${ms} ms: ${JSON.stringify(events)}`)), ms)
      waiting.push({
        test,
        resolve: (e) => {
          clearTimeout(t)
          resolve(e)
        },
      })
    })
  return { ws, next, ready: next((e) => e.type === 'ready') }
}
