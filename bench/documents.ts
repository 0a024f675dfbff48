/**
 * Document uploads: throughput (MB/s) of streamed multipart uploads of 20 MB, and the server's
 * memory while one arrives. Streaming means the file goes to disk as it arrives: the server's
 * resident memory should stay far below the file's size, whatever the size.
 *
 *   node bench/documents.ts            # 5 uploads of 20 MB (plus one warm-up)
 *   node bench/documents.ts --runs 10 --megabytes 24
 *
 * The server runs in this process (the test app, web role, on a throwaway PostgreSQL, local storage
 * in a temporary folder); the client streams the file from disk, so it holds no copy either. Memory is
 * sampled every 10 ms: resident set size (RSS), heap used and ArrayBuffers (Buffers, including
 * chunks already passed on but not yet collected) above the level just before the upload.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pipeline } from 'node:stream/promises'
import { makeRecruiter } from '../packages/testing/src/factories/index.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = arg('runs', 5)
const MEGABYTES = arg('megabytes', 20)
const MB = 1024 * 1024

async function makeFile(file: string, bytes: number): Promise<void> {
  // a PDF: header, one page, then padding in a comment-free stream, then the end marker
  const head = Buffer.from(
    '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << >>\nstream\n',
  )
  const tail = Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
  const out = fs.createWriteStream(file)
  out.write(head)
  const chunk = Buffer.alloc(MB, 0x61)
  let left = bytes - head.length - tail.length
  while (left > 0) {
    const part = chunk.subarray(0, Math.min(left, chunk.length))
    if (!out.write(part)) await new Promise<void>((r) => out.once('drain', () => r()))
    left -= part.length
  }
  out.end(tail)
  await new Promise<void>((r) => out.once('finish', () => r()))
}

function upload(
  baseUrl: string,
  headers: Record<string, string>,
  file: string,
  size: number,
): Promise<number> {
  const boundary = `----bench${Date.now()}`
  const pre = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  )
  const post = Buffer.from(`\r\n--${boundary}--\r\n`)
  const url = new URL('/api/documents/upload', baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(pre.length + size + post.length),
      },
    })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.write(pre)
    pipeline(fs.createReadStream(file), req, { end: false })
      .then(() => req.end(post))
      .catch(reject)
  })
}

async function main() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'bench-documents-'))
  const pg = await startThrowawayPostgres({ durability: 'fast' })
  const url = await createMigratedDatabase(pg.url, 'bench_documents')
  // the web role alone: processing (which reads a whole document back to check it) would run in
  // this process during the next upload and blur what the upload itself holds
  const app = await startTestApp(url, { role: 'web', env: { DOCUMENTS_DIR: path.join(dir, 'store') } })
  try {
    const w = { ctx: app.ctx, baseUrl: app.baseUrl }
    const person = await makeRecruiter(w)
    const file = path.join(dir, 'upload.pdf')
    const size = MEGABYTES * MB
    await makeFile(file, size)
    await upload(app.baseUrl, person.headers, file, size) // warm-up
    const rows: string[] = []
    const throughput: number[] = []
    let peakRss = 0
    let peakHeap = 0
    let peakExternal = 0
    for (let i = 0; i < RUNS; i++) {
      globalThis.gc?.()
      const base = process.memoryUsage()
      let rss = 0
      let heap = 0
      let external = 0
      const sampler = setInterval(() => {
        const m = process.memoryUsage()
        rss = Math.max(rss, m.rss - base.rss)
        heap = Math.max(heap, m.heapUsed - base.heapUsed)
        external = Math.max(external, m.arrayBuffers - base.arrayBuffers)
      }, 10)
      const started = performance.now()
      const status = await upload(app.baseUrl, person.headers, file, size)
      const seconds = (performance.now() - started) / 1000
      clearInterval(sampler)
      if (status !== 201) throw new Error(`upload answered ${status}`)
      throughput.push(MEGABYTES / seconds)
      peakRss = Math.max(peakRss, rss)
      peakHeap = Math.max(peakHeap, heap)
      peakExternal = Math.max(peakExternal, external)
      rows.push(
        `run ${i + 1}: ${seconds.toFixed(2)} s, ${(MEGABYTES / seconds).toFixed(1)} MB/s; above baseline: RSS +${(rss / MB).toFixed(1)} MB, heap +${(heap / MB).toFixed(1)} MB, buffers +${(external / MB).toFixed(1)} MB`,
      )
    }
    const sorted = [...throughput].sort((a, b) => a - b)
    console.log(`Document upload: ${RUNS} streamed uploads of ${MEGABYTES} MB (multipart, local storage)`)
    for (const r of rows) console.log(`  ${r}`)
    console.log(
      `  throughput median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} MB/s; peak memory above baseline: RSS +${(peakRss / MB).toFixed(1)} MB, heap +${(peakHeap / MB).toFixed(1)} MB, buffers +${(peakExternal / MB).toFixed(1)} MB (file ${MEGABYTES} MB)`,
    )
  } finally {
    await app.stop()
    await pg.stop()
    await fsp.rm(dir, { recursive: true, force: true })
  }
}

await main()
