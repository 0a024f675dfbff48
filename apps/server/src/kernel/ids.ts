import { createHash, randomBytes } from 'node:crypto'

// Randomness drawn 4 KiB at a time: a system call per id (one per request) is costly on small VMs.
let pool = randomBytes(4096)
let offset = 0
function random16(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomBytes(4096)
    offset = 0
  }
  const b = Buffer.from(pool.subarray(offset, offset + 16))
  offset += 16
  return b
}

/** A time-ordered UUID (RFC 9562 version 7), matching `platform.uuid_v7()` in SQL. */
export function uuidv7(now: number = Date.now()): string {
  const b = random16()
  b.writeUIntBE(now, 0, 6)
  b[6] = (b[6]! & 0x0f) | 0x70
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A stable UUID for a name (`invoice:…:issued`): name-based, shaped like RFC 9562 version 8. For
 * things that must happen once per name, such as a notice about one document.
 */
export function uuidFromName(name: string): string {
  const h = createHash('sha256').update(name).digest()
  h[6] = (h[6]! & 0x0f) | 0x80
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}
