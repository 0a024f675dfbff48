/**
 * Files in Splits Network conversations (issue 13 §1): what a file adds to a message.
 *
 * - upload → ready: a PDF uploaded as a `message_attachment` draft until the Document Service has
 *   processed it (`--megabytes`, default 1 and 9);
 * - send: `POST /api/applications/:id/messages` with a ready file vs text only (the file's checks,
 *   the move out of the drafts, the attachment row), and send → push on the other side's socket;
 * - download: `GET /api/conversations/:id/attachments/:aid` of the 9 MB file (row-level security,
 *   the PII reveal, streamed from storage): time and MB/s.
 *
 * The server and the load generator share this process and the machine's two cores.
 * `node bench/chatattach.ts [--sends 15] [--downloads 5]`
 */
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { pdf } from '../apps/server/src/modules/documents/test-files.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  submitCandidate,
  type World,
} from '../packages/testing/src/factories/index.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'
import type { TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const SENDS = arg('sends', 15)
const DOWNLOADS = arg('downloads', 5)

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN
}
const line = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(44)} n=${String(xs.length).padStart(3)}  p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`,
  )

async function main() {
  const pg = await startThrowawayPostgres({ durability: 'fast' })
  const url = await createMigratedDatabase(pg.url, 'bench_chatattach')
  const app = await startTestApp(url)
  const w: World = { ctx: app.ctx, baseUrl: app.baseUrl }
  try {
    const company = await makeCompany(w)
    const manager = await makeTeamMember(w, company)
    const rachel = await makeRecruiter(w)
    const role = await makeRole(w, company)
    const candidate = await makeCandidate(w, rachel)
    const application = await submitCandidate(w, rachel, role.id, candidate.id)
    const thread = await api(w, rachel).get(`/api/applications/${application.id}/messages`)
    const conv = thread.body.conversation_id as string

    const upload = async (who: TestSession, bytes: Uint8Array, name: string) => {
      const form = new FormData()
      form.append('kind', 'message_attachment')
      form.append('file', new Blob([Buffer.from(bytes)]), name)
      const res = await fetch(`${w.baseUrl}/api/documents/upload`, {
        method: 'POST',
        headers: who.headers,
        body: form,
      })
      const id = ((await res.json()) as { id: string }).id
      for (;;) {
        const d = await api(w, who).get(`/api/documents/${id}`)
        if (d.body.status === 'ready') return id
        if (d.body.status === 'failed')
          throw new Error(`processing failed: ${JSON.stringify(d.body.failure)}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    }

    // upload → ready
    for (const mb of [1, 9]) {
      const bytes = pdf({ text: 'x'.repeat(mb * 1024 * 1024) })
      const times: number[] = []
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now()
        await upload(rachel, bytes, `cv-${mb}mb.pdf`)
        times.push(performance.now() - t0)
      }
      line(`upload → ready, ${(bytes.length / 1024 / 1024).toFixed(1)} MB PDF`, times)
    }

    // the other side's socket
    const ws = new WebSocket(`${app.baseUrl.replace(/^http/, 'ws')}/api/conversations/socket`, {
      headers: { cookie: manager.headers.cookie!, origin: app.baseUrl },
    })
    const arrived = new Map<string, number>()
    const waiters = new Map<string, (t: number) => void>()
    ws.on('message', (data) => {
      const e = JSON.parse(String(data)) as { type: string; message?: { id: string } }
      if (e.type !== 'message' || !e.message) return
      const t = performance.now()
      arrived.set(e.message.id, t)
      waiters.get(e.message.id)?.(t)
    })
    await new Promise((r) => ws.once('message', r))
    const pushedAt = (id: string) =>
      arrived.has(id)
        ? Promise.resolve(arrived.get(id)!)
        : new Promise<number>((resolve) => waiters.set(id, resolve))

    const small = pdf({ pages: 2, text: 'Lena Park CV' })
    const drafts: string[] = []
    for (let i = 0; i < SENDS; i++) drafts.push(await upload(rachel, small, `cv-${i}.pdf`))
    const sendText: number[] = []
    const sendFile: number[] = []
    const pushFile: number[] = []
    const url = `/api/applications/${application.id}/messages`
    // paced, the text from the other side: the rate limit is 20 messages per 10 s per sender
    for (let i = 0; i < SENDS; i++) {
      let t0 = performance.now()
      await api(w, manager).post(url, { text: `update ${i}` })
      sendText.push(performance.now() - t0)
      t0 = performance.now()
      const sent = await api(w, rachel).post(url, { text: `CV ${i}`, document_id: drafts[i] })
      const answered = performance.now()
      if (sent.status !== 201) throw new Error(`send ${sent.status} ${JSON.stringify(sent.body)}`)
      sendFile.push(answered - t0)
      pushFile.push((await pushedAt(sent.body.id)) - t0)
      await new Promise((r) => setTimeout(r, 700))
    }
    line('send, text only', sendText)
    line('send, text + file', sendFile)
    line('send → push to the other side, with file', pushFile)
    ws.close()

    // download of the large file
    const big = pdf({ text: 'x'.repeat(9 * 1024 * 1024) })
    const bigId = await upload(rachel, big, 'portfolio.pdf')
    const sent = await api(w, rachel).post(url, { document_id: bigId })
    const path = `/api/conversations/${conv}/attachments/${sent.body.attachment.id}`
    const times: number[] = []
    for (let i = 0; i < DOWNLOADS; i++) {
      const t0 = performance.now()
      const res = await fetch(`${w.baseUrl}${path}`, { headers: manager.headers })
      const got = new Uint8Array(await res.arrayBuffer())
      times.push(performance.now() - t0)
      if (got.length !== big.length) throw new Error('short download')
    }
    line(`download ${(big.length / 1024 / 1024).toFixed(1)} MB (logged)`, times)
    console.log(
      `download throughput p50 ${(big.length / 1024 / 1024 / (pct(times, 50) / 1000)).toFixed(0)} MB/s`,
    )
  } finally {
    await app.stop()
    await pg.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
