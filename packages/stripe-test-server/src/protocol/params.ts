import { ApiFailure } from './errors.ts'
import type { FormHash, FormValue } from './form.ts'

export type Metadata = Record<string, string>

/**
 * Typed, validated access to one request's decoded parameters. Unknown names are refused the way
 * Stripe refuses them (`parameter_unknown`), so a client typo fails here as it would in test mode.
 */
export class Params {
  readonly raw: FormHash
  private readonly prefix: string

  private constructor(raw: FormHash, prefix: string) {
    this.raw = raw
    this.prefix = prefix
  }

  /** `allowed` lists the accepted top-level names; `expand` is always accepted. */
  static of(raw: FormHash, allowed: readonly string[]): Params {
    const params = new Params(raw, '')
    params.refuseUnknown([...allowed, 'expand'])
    return params
  }

  private name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key
  }

  private refuseUnknown(allowed: readonly string[]): void {
    for (const key of Object.keys(this.raw)) {
      if (!allowed.includes(key)) {
        throw ApiFailure.invalidRequest(`Received unknown parameter: ${this.name(key)}`, {
          code: 'parameter_unknown',
          param: this.name(key),
        })
      }
    }
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined
  }

  /** Absent → undefined; an empty string (Stripe's "unset") → null. */
  string(key: string): string | null | undefined {
    const v = this.raw[key]
    if (v === undefined) return undefined
    if (typeof v !== 'string') throw this.invalid(key, 'Invalid string')
    return v === '' ? null : v
  }

  requiredString(key: string): string {
    const v = this.string(key)
    if (v === undefined || v === null) throw this.missing(key)
    return v
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const v = this.string(key)
    if (v === undefined || v === null) return undefined
    if (!(values as readonly string[]).includes(v)) {
      throw ApiFailure.invalidRequest(`Invalid ${this.name(key)}: must be one of ${values.join(', ')}`, {
        param: this.name(key),
      })
    }
    return v as T
  }

  integer(key: string): number | undefined {
    const v = this.raw[key]
    if (v === undefined) return undefined
    if (typeof v !== 'string' || !/^-?\d{1,16}$/.test(v)) {
      throw ApiFailure.invalidRequest(`Invalid integer: ${typeof v === 'string' ? v : '(hash)'}`, {
        code: 'parameter_invalid_integer',
        param: this.name(key),
      })
    }
    const n = Number(v)
    if (!Number.isSafeInteger(n)) throw this.invalid(key, 'This value must be less than or equal to 99999999')
    return n
  }

  requiredInteger(key: string): number {
    const v = this.integer(key)
    if (v === undefined) throw this.missing(key)
    return v
  }

  boolean(key: string): boolean | undefined {
    const v = this.raw[key]
    if (v === undefined || v === '') return undefined
    if (v === 'true') return true
    if (v === 'false') return false
    throw this.invalid(key, 'Invalid boolean')
  }

  strings(key: string): string[] | undefined {
    const v = this.raw[key]
    if (v === undefined) return undefined
    if (v === '') return []
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw this.invalid(key, 'Invalid array')
    return v as string[]
  }

  /** A nested hash checked against its own allow-list; undefined when absent or unset. */
  nested(key: string, allowed: readonly string[]): Params | undefined {
    const v = this.raw[key]
    if (v === undefined || v === '') return undefined
    if (typeof v === 'string' || Array.isArray(v)) throw this.invalid(key, 'Invalid hash')
    const child = new Params(v, this.name(key))
    child.refuseUnknown(allowed)
    return child
  }

  /** A hash whose keys are free (e.g. `capabilities[<name>]`), each value a nested Params. */
  entries(key: string, allowedInEach: readonly string[]): Array<[string, Params]> {
    const v = this.raw[key]
    if (v === undefined || v === '') return []
    if (typeof v === 'string' || Array.isArray(v)) throw this.invalid(key, 'Invalid hash')
    return Object.keys(v).map((k) => {
      const inner = v[k] as FormValue
      if (typeof inner === 'string' || Array.isArray(inner))
        throw this.invalid(`${key}][${k}`, 'Invalid hash')
      const child = new Params(inner, `${this.name(key)}[${k}]`)
      child.refuseUnknown(allowedInEach)
      return [k, child] as [string, Params]
    })
  }

  /** An array of hashes (`items[0][price]=…`), each checked against its own allow-list. */
  hashes(key: string, allowedInEach: readonly string[]): Params[] {
    const v = this.raw[key]
    if (v === undefined || v === '') return []
    if (!Array.isArray(v)) throw this.invalid(key, 'Invalid array')
    return v.map((item, i) => {
      if (typeof item === 'string' || Array.isArray(item)) throw this.invalid(`${key}][${i}`, 'Invalid hash')
      const child = new Params(item, `${this.name(key)}[${i}]`)
      child.refuseUnknown(allowedInEach)
      return child
    })
  }

  expand(): string[] {
    return this.strings('expand') ?? []
  }

  /**
   * Applies `metadata[...]` to `current`: an empty value removes a key and `metadata=` clears all.
   * Limits as documented: 50 keys, key up to 40 characters, value up to 500.
   */
  metadata(current: Metadata = {}): Metadata {
    const v = this.raw.metadata
    if (v === undefined) return current
    if (v === '') return {}
    if (typeof v === 'string' || Array.isArray(v)) throw this.invalid('metadata', 'Invalid hash')
    const next: Metadata = { ...current }
    for (const [k, value] of Object.entries(v)) {
      if (typeof value !== 'string') throw this.invalid(`metadata][${k}`, 'Invalid string')
      if (k.length > 40) {
        throw ApiFailure.invalidRequest(`Metadata keys can have up to 40 characters. '${k}' is too long.`, {
          param: 'metadata',
        })
      }
      if (value.length > 500) {
        throw ApiFailure.invalidRequest(`Metadata values can have up to 500 characters (key '${k}').`, {
          param: 'metadata',
        })
      }
      if (value === '') delete next[k]
      else next[k] = value
    }
    if (Object.keys(next).length > 50) {
      throw ApiFailure.invalidRequest('You can specify up to 50 keys in metadata.', { param: 'metadata' })
    }
    return next
  }

  missing(key: string): ApiFailure {
    return ApiFailure.invalidRequest(`Missing required param: ${this.name(key)}.`, {
      code: 'parameter_missing',
      param: this.name(key),
    })
  }

  invalid(key: string, what: string): ApiFailure {
    return ApiFailure.invalidRequest(`${what}: ${this.name(key)}`, { param: this.name(key) })
  }
}
