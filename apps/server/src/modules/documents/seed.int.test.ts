import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { demoPersonasSeed } from '../identity/seed.ts'
import { demoMarketplaceSeed } from '../recruiting/seed/demo-marketplace.ts'
import { demoDocumentsSeed } from './seed.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'documents-seed-'))
  app = await startTestApp(database.current.url, { env: { DOCUMENTS_DIR: dir } })
  await demoPersonasSeed.run(app.ctx, () => {})
  await demoMarketplaceSeed.run(app.ctx, () => {})
}, 120_000)
afterAll(async () => {
  await app?.stop()
  await fs.rm(dir, { recursive: true, force: true })
})

it('gives a few placed demo candidates a resume that processing makes ready, fast and once', async () => {
  const started = performance.now()
  const first = await demoDocumentsSeed.run(app.ctx, () => {})
  const ms = performance.now() - started
  expect(first?.resumes).toBeGreaterThan(0)
  expect(ms).toBeLessThan(1000)
  expect(await demoDocumentsSeed.run(app.ctx, () => {})).toEqual({ resumes: 0 })
  await eventually(
    'demo resumes ready',
    async () =>
      Number(
        (
          await database.current.pool.query(
            `select count(*) n from documents.documents where status <> 'ready'`,
          )
        ).rows[0].n,
      ) === 0,
    20_000,
  )
  console.log(`documents.demo_resumes: ${first?.resumes} resumes in ${ms.toFixed(0)} ms`)
})
