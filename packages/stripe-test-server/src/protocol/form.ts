import { ApiFailure } from './errors.ts'

/** A decoded form value: Stripe's bracket syntax builds nested hashes and arrays out of flat pairs. */
export type FormValue = string | FormValue[] | FormHash
export interface FormHash {
  [key: string]: FormValue
}

// Keys that would let a request reach Object.prototype through a nested assignment.
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Parses `application/x-www-form-urlencoded` the way Stripe reads it: `a[b][c]=1` nests,
 * `a[0][x]=1` and `a[]=1` build arrays, and a hash whose keys are 0..n-1 becomes an array
 * (stripe-node writes arrays with explicit indices). `metadata` stays a hash even with numeric keys.
 */
export function parseForm(body: string): FormHash {
  const root: FormHash = {}
  if (body === '') return root
  for (const pair of body.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const rawKey = eq === -1 ? pair : pair.slice(0, eq)
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1)
    const key = decode(rawKey)
    const value = decode(rawValue)
    assign(root, splitKey(key), value, key)
  }
  return normalize(root, []) as FormHash
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    throw ApiFailure.invalidRequest(`Invalid URL encoding: ${s.slice(0, 40)}`)
  }
}

function splitKey(key: string): string[] {
  const open = key.indexOf('[')
  if (open === -1) return [key]
  const segments = [key.slice(0, open)]
  const rest = key.slice(open)
  const re = /\[([^\]]*)\]/g
  let consumed = 0
  for (let m = re.exec(rest); m !== null; m = re.exec(rest)) {
    if (m.index !== consumed) break
    segments.push(m[1] ?? '')
    consumed = re.lastIndex
  }
  if (consumed !== rest.length) throw ApiFailure.invalidRequest(`Invalid parameter name: ${key}`)
  return segments
}

// `[]` segments append; they are turned into numeric keys so that normalize() can build arrays.
const APPEND = '\u0000append'

function assign(target: FormHash, path: string[], value: string, fullKey: string): void {
  let node = target
  for (let i = 0; i < path.length; i++) {
    let seg = path[i] as string
    if (FORBIDDEN_SEGMENTS.has(seg)) throw ApiFailure.invalidRequest(`Invalid parameter name: ${fullKey}`)
    if (seg === '' && i > 0) seg = `${APPEND}${Object.keys(node).length}`
    else if (seg === '') throw ApiFailure.invalidRequest(`Invalid parameter name: ${fullKey}`)
    const last = i === path.length - 1
    const existing = node[seg]
    if (last) {
      if (existing !== undefined && typeof existing !== 'string') {
        throw ApiFailure.invalidRequest(`Invalid hash: ${path.slice(0, i + 1).join('.')} is also a hash`)
      }
      node[seg] = value
      return
    }
    if (existing === undefined) {
      const child: FormHash = {}
      node[seg] = child
      node = child
    } else if (typeof existing === 'string' || Array.isArray(existing)) {
      // An empty string next to nested keys is how clients unset a hash; nested keys win.
      if (existing === '') {
        const child: FormHash = {}
        node[seg] = child
        node = child
      } else {
        throw ApiFailure.invalidRequest(`Invalid hash for parameter ${path.slice(0, i + 1).join('.')}`)
      }
    } else {
      node = existing
    }
  }
}

function normalize(value: FormValue, path: string[]): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value
  const keys = Object.keys(value)
  const inMetadata = path.at(-1) === 'metadata'
  const entries = keys.map((k) => [k, normalize(value[k] as FormValue, [...path, k])] as const)
  if (!inMetadata && keys.length > 0 && keys.every(isIndexKey)) {
    const indexed = entries
      .map(([k, v]) => [k.startsWith(APPEND) ? Number(k.slice(APPEND.length)) : Number(k), v] as const)
      .sort((a, b) => a[0] - b[0])
    return indexed.map(([, v]) => v)
  }
  const out: FormHash = {}
  for (const [k, v] of entries) out[k] = v
  return out
}

function isIndexKey(k: string): boolean {
  return k.startsWith(APPEND) || /^(0|[1-9]\d{0,5})$/.test(k)
}

/** A stable text form of decoded parameters, used to compare an idempotent replay with its original. */
export function canonicalParams(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalParams).join(',')}]`
  const keys = Object.keys(value).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalParams(value[k] as FormValue)}`).join(',')}}`
}
