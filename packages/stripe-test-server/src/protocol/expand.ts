import { ApiFailure } from './errors.ts'

type Lookup = (id: string) => unknown

/**
 * Applies `expand[]` paths (`latest_charge`, `latest_charge.balance_transaction`,
 * `data.balance_transaction` on lists) to a copy of `value`, replacing ids with the objects.
 */
export function expandObject(value: unknown, paths: readonly string[], lookup: Lookup): unknown {
  if (paths.length === 0) return value
  const copy = structuredClone(value)
  for (const path of paths) {
    const segments = path.split('.')
    if (segments.length > 4) {
      throw ApiFailure.invalidRequest(
        `You cannot expand more than 4 levels of a property. Property: ${path}`,
        {
          param: 'expand',
        },
      )
    }
    expandAt(copy, segments, path, lookup)
  }
  return copy
}

function expandAt(node: unknown, segments: string[], path: string, lookup: Lookup): void {
  if (node === null || typeof node !== 'object') return
  const [head, ...rest] = segments
  if (head === undefined) return
  if (Array.isArray(node)) {
    for (const item of node) expandAt(item, segments, path, lookup)
    return
  }
  const record = node as Record<string, unknown>
  if (!(head in record)) {
    throw ApiFailure.invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' })
  }
  let child = record[head]
  if (typeof child === 'string') {
    const found = lookup(child)
    if (found === undefined) {
      throw ApiFailure.invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' })
    }
    child = structuredClone(found)
    record[head] = child
  }
  if (rest.length > 0) expandAt(child, rest, path, lookup)
}
