import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { type S3TestServer, startS3TestServer } from '@app/s3-test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localStorage } from './local.ts'
import { s3Storage } from './s3.ts'
import { type DocumentStorage, readAll } from './storage.ts'

/**
 * One contract, both back ends: local disk, and S3 through the official SDK against the local
 * S3-compatible test server (which checks every request's SigV4 signature).
 */
let s3: S3TestServer
let root: string
const backends: Record<string, () => DocumentStorage> = {}

beforeAll(async () => {
  s3 = await startS3TestServer({ buckets: ['documents'] })
  root = await mkdtemp(path.join(os.tmpdir(), 'documents-storage-'))
  backends.local = () => localStorage(root)
  backends.s3 = () =>
    s3Storage({
      bucket: 'documents',
      region: s3.region,
      endpoint: s3.url,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    })
})
afterAll(async () => {
  await s3?.stop()
  await rm(root, { recursive: true, force: true })
})

async function stage(storage: DocumentStorage, bytes: Uint8Array): Promise<string> {
  const { mkdir } = await import('node:fs/promises')
  await mkdir(storage.stagingDir, { recursive: true })
  const file = path.join(storage.stagingDir, `${crypto.randomUUID()}.upload`)
  await writeFile(file, bytes)
  return file
}

for (const name of ['local', 's3']) {
  describe(`document storage: ${name}`, () => {
    it('stores a staged file, reads it back whole and by stream, and knows its size', async () => {
      const storage = backends[name]!()
      const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 251)
      const key = `candidate/${crypto.randomUUID()}/resume.pdf`
      await storage.put(key, await stage(storage, bytes), {
        size: bytes.length,
        mediaType: 'application/pdf',
      })
      expect(await storage.head(key)).toEqual({ size: bytes.length })
      expect(new Uint8Array((await readAll(storage, key))!)).toEqual(bytes)
    })

    it('answers undefined for what is not there, and deletes for good (twice is harmless)', async () => {
      const storage = backends[name]!()
      const key = `company/${crypto.randomUUID()}/contract.docx`
      expect(await storage.head(key)).toBeUndefined()
      expect(await storage.stream(key)).toBeUndefined()
      await storage.put(key, await stage(storage, Uint8Array.from([1, 2, 3])), {
        size: 3,
        mediaType: 'text/plain',
      })
      await storage.delete(key)
      await storage.delete(key)
      expect(await storage.head(key)).toBeUndefined()
      expect(await readAll(storage, key)).toBeUndefined()
    })

    it('removes the staged file once stored', async () => {
      const storage = backends[name]!()
      const staged = await stage(storage, Uint8Array.from([9, 9]))
      await storage.put(`system/${crypto.randomUUID()}.txt`, staged, { size: 2, mediaType: 'text/plain' })
      await expect(import('node:fs/promises').then((fs) => fs.access(staged))).rejects.toThrow()
    })
  })
}

describe('S3 presigned links', () => {
  it('download the object with the name and type asked for, until they expire; altered ones do not', async () => {
    const storage = backends.s3!()
    const key = `candidate/${crypto.randomUUID()}/cv.pdf`
    const bytes = new TextEncoder().encode('%PDF-1.7 presigned')
    await storage.put(key, await stage(storage, bytes), { size: bytes.length, mediaType: 'application/pdf' })
    const url = (await storage.presignedUrl(key, {
      seconds: 60,
      fileName: 'Lena Park CV.pdf',
      mediaType: 'application/pdf',
    }))!
    const ok = await fetch(url)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('application/pdf')
    expect(ok.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''Lena%20Park%20CV.pdf")
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(bytes)
    const refusedBefore = s3.refused
    // one hex digit of the signature changed (to another digit: it may already be 0)
    const altered = url.replace(
      /X-Amz-Signature=(.)/,
      (_, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
    )
    expect(altered).not.toBe(url)
    expect((await fetch(altered)).status).toBe(403)
    expect((await fetch(url.replace(/cv\.pdf/, 'other.pdf'))).status).toBe(403)
    expect(s3.refused).toBe(refusedBefore + 2)
  })

  it('refuse unsigned requests and wrong keys', async () => {
    expect((await fetch(`${s3.url}/documents/anything`)).status).toBe(403)
    const wrong = s3Storage({
      bucket: 'documents',
      region: s3.region,
      endpoint: s3.url,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: 'not-the-secret',
      forcePathStyle: true,
    })
    await expect(wrong.head('x')).rejects.toThrow()
  })

  it('local disk has no presigned links (the server’s own signed route serves it)', async () => {
    expect(
      await backends.local!().presignedUrl('x', { seconds: 60, fileName: 'a', mediaType: 'text/plain' }),
    ).toBeUndefined()
  })
})
