import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { identityRouteMatrix } from './route-matrix.ts'

/** Every identity route is on the route runner: named, tagged and documented, none by the transition hack. */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }

beforeAll(async () => {
  app = await startTestApp(database.current.url, { role: 'web', env: { DEMO_MODE: 'true' } })
})
afterAll(async () => app?.stop())

describe('identity in the API reference', () => {
  it('names and tags every identity operation itself (no derived legacy operationId)', async () => {
    const doc = (await (await fetch(`${app.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>
    }
    const operations = Object.keys(identityRouteMatrix).map((key) => {
      const [method, url] = key.split(' ') as [string, string]
      const path = url.replace(/:([A-Za-z]+)/g, '{$1}')
      const op = doc.paths[path]?.[method.toLowerCase()]
      return { key, operationId: op?.operationId, tags: op?.tags }
    })
    expect(operations.filter((o) => !o.operationId || o.operationId.startsWith('legacy'))).toEqual([])
    expect(new Set(operations.flatMap((o) => o.tags ?? []))).toEqual(
      new Set(['auth', 'account', 'admin', 'dev']),
    )
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length)
  })
})
