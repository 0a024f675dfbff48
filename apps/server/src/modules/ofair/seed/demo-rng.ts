/** A small seeded generator (mulberry32 over a string hash) for demo data; never for secrets. */
export interface DemoRng {
  next(): number
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  sample<T>(items: readonly T[], k: number): T[]
  oneOf<K extends string>(weights: Readonly<Record<K, number>>): K
}

export function demoRng(seed: string): DemoRng {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  let a = h >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(next() * items.length)]!
  }
  const sample = <T>(items: readonly T[], k: number): T[] => {
    const a2 = [...items]
    for (let i = a2.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[a2[i], a2[j]] = [a2[j]!, a2[i]!]
    }
    return a2.slice(0, Math.max(0, k))
  }
  const oneOf = <K extends string>(weights: Readonly<Record<K, number>>): K => {
    const entries = Object.entries(weights) as [K, number][]
    let x = next() * entries.reduce((s, [, w]) => s + w, 0)
    for (const [k, w] of entries) {
      x -= w
      if (x < 0) return k
    }
    return entries[entries.length - 1]![0]
  }
  return { next, int, chance: (p) => next() < p, pick, sample, oneOf }
}
