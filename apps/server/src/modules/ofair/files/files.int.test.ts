import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { World } from '../../../../../../packages/testing/src/factories/index.ts'
import { type OfairPerson, ofairPerson } from '../../../../../../packages/testing/src/factories/ofair.ts'
import { startTestApp } from '../../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../../app.ts'

const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let w: World
let person: OfairPerson

beforeAll(async () => {
  app = await startTestApp(database.current.url)
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  person = await ofairPerson(w, 'consumer')
})
afterAll(async () => app?.stop())

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d1d3b50000000049454e44ae426082',
  'hex',
)

const upload = (body: Buffer, name: string, purpose = 'certificate') =>
  fetch(`${app.baseUrl}/api/ofair/files?purpose=${purpose}&name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { ...person.session.headers, 'content-type': 'application/octet-stream' },
    body,
  })

const stored = async () =>
  (
    await sql<{
      n: number
    }>`select count(*)::int as n from ofair.files where owner_user_id = ${person.id}`.execute(
      database.current.db,
    )
  ).rows[0]!.n

describe('private files', () => {
  it('keeps an image and hands out a short-lived signed link that only works unaltered', async () => {
    const r = await upload(PNG, 'תעודה.png')
    expect(r.status).toBe(201)
    const file = (await r.json()) as { id: string; mime: string; url: string }
    expect(file.mime).toBe('image/png')
    const got = await fetch(new URL(file.url, app.baseUrl))
    expect(got.status).toBe(200)
    expect(Buffer.from(await got.arrayBuffer())).toEqual(PNG)
    const forged = new URL(file.url, app.baseUrl)
    forged.searchParams.set('expires', String(Number(forged.searchParams.get('expires') ?? 0) + 3600))
    expect((await fetch(forged)).status).toBeGreaterThanOrEqual(400)
  })

  it('refuses a wrong type (by its bytes, whatever its name) and an oversized file, in Hebrew, storing nothing', async () => {
    const before = await stored()
    const text = await upload(Buffer.from('<script>alert(1)</script>'), 'נראה-כמו.png')
    expect(text.status).toBe(415)
    const textBody = (await text.json()) as { code: string; user_message: string }
    expect(textBody.code).toBe('file_type_not_allowed')
    expect(textBody.user_message).toMatch(/[א-ת]/)
    // just over 5 MB: the service refuses it; far over: the body is cut off before it is read
    for (const [extra, code] of [
      [5 * 1024 * 1024, 'file_too_large'],
      [8 * 1024 * 1024, 'payload_too_large'],
    ] as const) {
      const big = await upload(Buffer.concat([PNG, Buffer.alloc(extra)]), 'גדול.png')
      expect(big.status).toBe(413)
      const bigBody = (await big.json()) as { code: string; user_message: string }
      expect(bigBody.code).toBe(code)
      expect(bigBody.user_message).toMatch(/[א-ת]/)
    }
    expect(await stored()).toBe(before)
  })
})
