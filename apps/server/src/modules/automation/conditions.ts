import { z } from 'zod'
import { AppError } from '../../kernel/errors.ts'

/**
 * The conditions language: a tree of AND (`all`) / OR (`any`) groups whose leaves compare one
 * field of the trigger's facts with a value. Validated against the trigger's field list (an
 * unknown field is a 422), compiled once into a closure, and rendered as a sentence.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'date'
export interface FieldSpec {
  path: string
  type: FieldType
  /** Allowed values when the schema enumerates them. */
  values?: readonly string[]
}

export const OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'contains',
  'exists',
] as const
export type Operator = (typeof OPERATORS)[number]

const ZScalar = z.union([z.string().max(500), z.number().finite(), z.boolean()])
export const ZLeaf = z.strictObject({
  field: z.string().min(1).max(200),
  op: z.enum(OPERATORS),
  value: z.union([ZScalar, z.array(ZScalar).max(100)]).optional(),
})
export type Leaf = z.infer<typeof ZLeaf>
export type ConditionNode = Leaf | { all: ConditionNode[] } | { any: ConditionNode[] }

/** Groups nest three deep (enough for "A and (B or (C and D))"), which keeps the API document flat. */
const group = <T extends z.ZodType>(inner: T) =>
  z.union([
    ZLeaf,
    z.strictObject({ all: z.array(inner).max(50) }),
    z.strictObject({ any: z.array(inner).max(50) }),
  ])
export const ZCondition = group(group(group(ZLeaf))) as unknown as z.ZodType<ConditionNode>

const ORDERED: readonly Operator[] = ['gt', 'gte', 'lt', 'lte']
const OPS_OF: Record<FieldType, readonly Operator[]> = {
  string: ['eq', 'neq', 'in', 'not_in', 'contains', 'exists'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'exists'],
  boolean: ['eq', 'neq', 'exists'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'exists'],
}

function invalid(path: string, message: string): never {
  throw new AppError('automation_invalid_condition', `${path}: ${message}`, {
    errors: [{ field: path, message }],
  })
}

function checkScalar(path: string, spec: FieldSpec, v: unknown) {
  const ok =
    spec.type === 'number'
      ? typeof v === 'number'
      : spec.type === 'boolean'
        ? typeof v === 'boolean'
        : spec.type === 'date'
          ? typeof v === 'string' && !Number.isNaN(Date.parse(v))
          : typeof v === 'string'
  if (!ok) invalid(path, `${spec.path} is a ${spec.type}; ${JSON.stringify(v)} is not`)
  if (spec.values && typeof v === 'string' && !spec.values.includes(v))
    invalid(path, `${spec.path} is one of ${spec.values.join(', ')}`)
}

/** Refuses a tree naming a field the trigger lacks (422 automation_unknown_field) or an ill-typed leaf. */
export function validateConditions(
  node: ConditionNode,
  fields: readonly FieldSpec[],
  path = 'body.conditions',
): void {
  if ('all' in node || 'any' in node) {
    const list = 'all' in node ? node.all : node.any
    const key = 'all' in node ? 'all' : 'any'
    for (const [i, c] of list.entries()) validateConditions(c, fields, `${path}.${key}[${i}]`)
    return
  }
  const spec = fields.find((f) => f.path === node.field)
  if (!spec) {
    throw new AppError(
      'automation_unknown_field',
      `${path}.field: the trigger has no field "${node.field}"; it has ${fields.map((f) => f.path).join(', ')}`,
      {
        errors: [{ field: `${path}.field`, message: `unknown field ${node.field}` }],
        meta: { field: node.field, fields: fields.map((f) => f.path) },
      },
    )
  }
  if (!OPS_OF[spec.type].includes(node.op))
    invalid(`${path}.op`, `${node.op} does not apply to a ${spec.type} (use ${OPS_OF[spec.type].join(', ')})`)
  if (node.op === 'exists') {
    if (node.value !== undefined && typeof node.value !== 'boolean')
      invalid(`${path}.value`, 'exists takes true or false')
    return
  }
  if (node.value === undefined) invalid(`${path}.value`, 'a value is required')
  if (node.op === 'in' || node.op === 'not_in') {
    if (!Array.isArray(node.value) || node.value.length === 0)
      invalid(`${path}.value`, `${node.op} takes a list`)
    for (const v of node.value as unknown[]) checkScalar(`${path}.value`, spec, v)
    return
  }
  if (Array.isArray(node.value)) invalid(`${path}.value`, `${node.op} takes one value`)
  if (node.op === 'contains' && typeof node.value !== 'string')
    invalid(`${path}.value`, 'contains takes text')
  checkScalar(`${path}.value`, spec, node.value)
}

export type Facts = Readonly<Record<string, unknown>>
export type Predicate = (facts: Facts) => boolean

function getter(path: string): (facts: Facts) => unknown {
  const parts = path.split('.')
  if (parts.length === 1) return (f) => f[path]
  return (f) => {
    let v: unknown = f
    for (const p of parts) {
      if (v === null || typeof v !== 'object') return undefined
      v = (v as Record<string, unknown>)[p]
    }
    return v
  }
}

function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return null
}

/** One closure per tree (rules are compiled once per cache generation, not per event). */
export function compileConditions(node: ConditionNode): Predicate {
  if ('all' in node) {
    const parts = node.all.map(compileConditions)
    return (f) => {
      for (const p of parts) if (!p(f)) return false
      return true
    }
  }
  if ('any' in node) {
    const parts = node.any.map(compileConditions)
    return (f) => {
      for (const p of parts) if (p(f)) return true
      return false
    }
  }
  const get = getter(node.field)
  const value = node.value
  switch (node.op) {
    case 'exists': {
      const want = value !== false
      return (f) => {
        const v = get(f)
        return (v !== undefined && v !== null) === want
      }
    }
    case 'eq':
      return (f) => get(f) === value
    case 'neq':
      return (f) => get(f) !== value
    case 'in': {
      const set = new Set(value as unknown[])
      return (f) => set.has(get(f))
    }
    case 'not_in': {
      const set = new Set(value as unknown[])
      return (f) => !set.has(get(f))
    }
    case 'contains': {
      const needle = String(value).toLowerCase()
      return (f) => {
        const v = get(f)
        return typeof v === 'string' && v.toLowerCase().includes(needle)
      }
    }
    default: {
      const op = node.op
      return (f) => {
        const c = compare(get(f), value)
        if (c === null) return false
        return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0
      }
    }
  }
}

const OP_WORDS: Record<Operator, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  exists: 'is set',
}

export const fieldLabel = (path: string) => path.replaceAll('_', ' ').replaceAll('.', ' › ')

const show = (v: unknown): string =>
  Array.isArray(v) ? v.map(show).join(', ') : typeof v === 'string' ? `“${v}”` : String(v)

/** The conditions in words: `stage is “screening” and (days in stage is at least 7 or …)`. */
export function describeConditions(node: ConditionNode, nested = false): string {
  if ('all' in node || 'any' in node) {
    const list = 'all' in node ? node.all : node.any
    if (list.length === 0) return 'always'
    const text = list.map((c) => describeConditions(c, true)).join('all' in node ? ' and ' : ' or ')
    return nested && list.length > 1 ? `(${text})` : text
  }
  if (node.op === 'exists')
    return `${fieldLabel(node.field)} ${node.value === false ? 'is not set' : 'is set'}`
  return `${fieldLabel(node.field)} ${OP_WORDS[node.op]} ${show(node.value)}`
}

/** Ordered operators compare only like with like (used by the property tests). */
export const isOrdered = (op: Operator) => ORDERED.includes(op)
