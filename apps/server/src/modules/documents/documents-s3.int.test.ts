import { type S3TestServer, startS3TestServer } from '@app/s3-test-server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  api,
  makeCandidate,
  makeRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { pdf } from './test-files.ts'

/** The whole path on S3: upload streamed into the bucket, processed from it, downloaded by a presigned link, purged. */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let s3: S3TestServer
let w: World

beforeAll(async () => {
  s3 = await startS3TestServer({ buckets: ['splits-documents'] })
  app = await startTestApp(database.current.url, {
    env: {
      DOCUMENTS_STORAGE: 's3',
      S3_BUCKET: 'splits-documents',
      S3_ENDPOINT: s3.url,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
  })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
})
afterAll(async () => {
  await app?.stop()
  await s3?.stop()
})

it('uploads to the bucket, processes from it, downloads by a presigned link, and purges on delete', async () => {
  const rachel = await makeRecruiter(w)
  const person = await makeCandidate(w, rachel)
  const bytes = pdf({ pages: 1, text: 'On S3' })
  const form = new FormData()
  form.append('kind', 'resume')
  form.append('entity_type', 'candidate')
  form.append('entity_id', person.id)
  form.append('file', new Blob([Buffer.from(bytes)]), 'cv.pdf')
  const up = await fetch(`${w.baseUrl}/api/documents/upload`, {
    method: 'POST',
    headers: rachel.headers,
    body: form,
  })
  expect(up.status).toBe(201)
  const { id } = (await up.json()) as { id: string }
  const bucket = s3.buckets.get('splits-documents')!
  expect([...bucket.keys()]).toEqual([
    expect.stringMatching(new RegExp(`^candidate/${person.id}/${id}\\.pdf$`)),
  ])
  const ready = await eventually(
    'processed',
    async () => {
      const res = await api(w, rachel).get(`/api/documents/${id}`)
      return res.body.status === 'ready' ? res.body : undefined
    },
    15_000,
  )
  expect(ready.download_url.startsWith(s3.url)).toBe(true)
  const file = await fetch(ready.download_url)
  expect(file.status).toBe(200)
  expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes)
  expect((await api(w, rachel).delete(`/api/documents/${id}`)).status).toBe(204)
  await eventually('purged from the bucket', () => bucket.size === 0, 10_000)
  expect((await fetch(ready.download_url)).status).toBe(404)
})
