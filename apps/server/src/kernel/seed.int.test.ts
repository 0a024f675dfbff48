import { afterAll, beforeAll, expect, it } from 'vitest'
import { useTestDatabase } from '../../../../packages/testing/src/test-database.ts'
import { createAppContext } from '../app.ts'
import { loadConfig } from '../config/config.ts'
import type { AppContext } from './context.ts'
import type { DatabaseHandle } from './db/database.ts'
import { createLogger } from './logger.ts'
import type { AppModule, SeedStep } from './module.ts'
import { runSeeds } from './seed.ts'

const database = useTestDatabase()
let ctx: AppContext
let handle: DatabaseHandle

beforeAll(() => {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.current.url, LOG_LEVEL: 'silent' })
  ;({ ctx, database: handle } = createAppContext(config, database.current.url, {
    log: createLogger({ level: 'silent', pretty: false }),
    modules: [],
    work: false,
  }))
})
afterAll(async () => handle?.close())

it('runs a step that names what it needs alongside the others, and every other step after all before it', async () => {
  const log: string[] = []
  const step = (name: string, ms: number, after?: string[]): SeedStep => ({
    name,
    version: 1,
    description: name,
    ...(after ? { after } : {}),
    async run() {
      log.push(`${name}:start`)
      await new Promise((r) => setTimeout(r, ms))
      log.push(`${name}:end`)
      return { ms }
    },
  })
  const modules: AppModule[] = [
    { name: 'one', seeds: [step('people', 50)] },
    { name: 'two', seeds: [step('splits', 300)] },
    { name: 'three', seeds: [step('ofair', 100, ['people'])] },
    { name: 'four', seeds: [step('last', 10)] },
  ]
  await runSeeds(ctx, modules, () => {})
  // ofair starts while splits runs and ends first; the last step waits for both
  expect(log.indexOf('ofair:start')).toBeLessThan(log.indexOf('splits:end'))
  expect(log.indexOf('ofair:end')).toBeLessThan(log.indexOf('splits:end'))
  expect(log.indexOf('last:start')).toBeGreaterThan(log.indexOf('splits:end'))
  expect(log.indexOf('people:end')).toBeLessThan(log.indexOf('ofair:start'))
  // recorded once: a second run does nothing
  log.length = 0
  await runSeeds(ctx, modules, () => {})
  expect(log).toEqual([])
})
