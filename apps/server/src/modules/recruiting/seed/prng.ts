/**
 * A small seeded pseudo-random generator (sfc32, seeded through cyrb128) for demo data: the same
 * seed gives the same sequence on every machine and every run. Never use it for secrets.
 */
export class Rng {
  #a: number
  #b: number
  #c: number
  #d: number
  readonly seed: string

  constructor(seed: string) {
    this.seed = seed
    ;[this.#a, this.#b, this.#c, this.#d] = cyrb128(seed)
    for (let i = 0; i < 15; i++) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const a = this.#a
    const b = this.#b
    const c = this.#c
    const d = this.#d
    const t = (((a + b) | 0) + d) | 0
    this.#d = (d + 1) | 0
    this.#a = b ^ (b >>> 9)
    this.#b = (c + (c << 3)) | 0
    const r = (c << 21) | (c >>> 11)
    this.#c = (r + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** One of `entries`, each with a relative weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0)
    let x = this.next() * total
    for (const [v, w] of entries) {
      x -= w
      if (x < 0) return v
    }
    return entries[entries.length - 1]![0]
  }

  /** One of the keys of `weights`, each with its relative weight: `oneOf({ open: 6, paused: 1 })`. */
  oneOf<K extends string>(weights: Readonly<Record<K, number>>): K {
    return this.weighted(Object.entries(weights) as [K, number][])
  }

  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items]
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[a[i], a[j]] = [a[j]!, a[i]!]
    }
    return a
  }

  /** `k` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, k))
  }

  /** Roughly normal (Irwin–Hall of 4 uniforms), mean 0 and standard deviation 1. */
  gauss(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3)
  }

  /** An independent stream for one part of the data, so that changing one part leaves the others as they were. */
  fork(label: string): Rng {
    return new Rng(`${this.seed}/${label}`)
  }

  /** 8 random hex digits. */
  hex8(): string {
    return Math.floor(this.next() * 4294967296)
      .toString(16)
      .padStart(8, '0')
  }
}

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/**
 * A UUIDv7 (as `platform.uuid_v7()` makes them) whose time part is `ms` and whose random part
 * comes from `rng`: ids sort like the rows' creation times, and are the same on every run.
 */
export function seededUuidV7(ms: number, rng: Rng): string {
  const b = Buffer.alloc(16)
  b.writeUIntBE(Math.max(0, Math.floor(ms)), 0, 6)
  for (let i = 6; i < 16; i += 2) b.writeUInt16BE(Math.floor(rng.next() * 65536), i)
  b[6] = (b[6]! & 0x0f) | 0x70
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000

/** 'YYYY-MM-DD' of a UTC instant. */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** Midnight UTC of the day of `ms`. */
export const startOfDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS
