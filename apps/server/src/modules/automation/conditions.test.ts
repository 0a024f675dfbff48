import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ConditionNode,
  compileConditions,
  describeConditions,
  type FieldSpec,
  type Leaf,
  validateConditions,
} from './conditions.ts'

const FIELDS: FieldSpec[] = [
  { path: 'stage', type: 'string', values: ['submitted', 'screening', 'interview'] },
  { path: 'days', type: 'number' },
  { path: 'salary.currency', type: 'string' },
  { path: 'flag', type: 'boolean' },
]

const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({
    field: fc.constant('days'),
    op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte' as const),
    value: fc.integer({ min: -5, max: 30 }),
  }),
  fc.record({
    field: fc.constant('stage'),
    op: fc.constantFrom('eq', 'neq' as const),
    value: fc.constantFrom('submitted', 'screening', 'interview'),
  }),
  fc.record({ field: fc.constant('flag'), op: fc.constantFrom('eq', 'neq' as const), value: fc.boolean() }),
) as fc.Arbitrary<Leaf>

const tree: fc.Arbitrary<ConditionNode> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
})).node as fc.Arbitrary<ConditionNode>

const facts = fc.record({
  stage: fc.constantFrom('submitted', 'screening', 'interview'),
  days: fc.integer({ min: -5, max: 30 }),
  flag: fc.boolean(),
})

/** A slow, obviously right interpreter to hold the compiled closures to. */
function interpret(n: ConditionNode, f: Record<string, unknown>): boolean {
  if ('all' in n) return n.all.every((c) => interpret(c, f))
  if ('any' in n) return n.any.some((c) => interpret(c, f))
  const v = f[n.field] as number | string | boolean
  const w = n.value as number | string | boolean
  switch (n.op) {
    case 'eq':
      return v === w
    case 'neq':
      return v !== w
    case 'gt':
      return v > w
    case 'gte':
      return v >= w
    case 'lt':
      return v < w
    case 'lte':
      return v <= w
    default:
      throw new Error('not generated')
  }
}

describe('conditions', () => {
  it('compiled conditions agree with a plain interpreter on any tree and any facts', () => {
    fc.assert(
      fc.property(tree, facts, (t, f) => {
        validateConditions(t, FIELDS)
        expect(compileConditions(t)(f)).toBe(interpret(t, f))
      }),
      { numRuns: 2000 },
    )
  })

  it('negation: neq is exactly not eq; not_in exactly not in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1 }),
        (d, xs) => {
          const f = { days: d }
          expect(compileConditions({ field: 'days', op: 'neq', value: xs[0] })(f)).toBe(
            !compileConditions({ field: 'days', op: 'eq', value: xs[0] })(f),
          )
          expect(compileConditions({ field: 'days', op: 'not_in', value: xs })(f)).toBe(
            !compileConditions({ field: 'days', op: 'in', value: xs })(f),
          )
        },
      ),
    )
  })

  it('an empty all is true and an empty any is false; a missing field never compares', () => {
    expect(compileConditions({ all: [] })({})).toBe(true)
    expect(compileConditions({ any: [] })({})).toBe(false)
    expect(compileConditions({ field: 'days', op: 'gte', value: 0 })({})).toBe(false)
    expect(
      compileConditions({ field: 'salary.currency', op: 'eq', value: 'ILS' })({
        salary: { currency: 'ILS' },
      }),
    ).toBe(true)
    expect(
      compileConditions({ field: 'salary.currency', op: 'exists', value: false })({ salary: null }),
    ).toBe(true)
  })

  it('every generated tree is described in words naming each field it uses', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const text = describeConditions(t)
        const fields = JSON.stringify(t).match(/"field":"([a-z.]+)"/g) ?? []
        for (const f of fields) expect(text).toContain(f.slice(9, -1).replaceAll('_', ' '))
      }),
    )
  })

  it('refuses an unknown field with automation_unknown_field, naming where', () => {
    expect(() => validateConditions({ all: [{ field: 'nope', op: 'eq', value: 1 }] }, FIELDS)).toThrowError(
      expect.objectContaining({ code: 'automation_unknown_field' }),
    )
    expect(() => validateConditions({ field: 'days', op: 'contains', value: 'x' }, FIELDS)).toThrowError(
      expect.objectContaining({ code: 'automation_invalid_condition' }),
    )
    expect(() => validateConditions({ field: 'days', op: 'gt', value: '3' }, FIELDS)).toThrowError(
      expect.objectContaining({ code: 'automation_invalid_condition' }),
    )
    expect(() => validateConditions({ field: 'stage', op: 'eq', value: 'hired' }, FIELDS)).toThrowError(
      expect.objectContaining({ code: 'automation_invalid_condition' }),
    )
  })

  it('reads like a sentence', () => {
    expect(
      describeConditions({
        all: [
          { field: 'stage', op: 'eq', value: 'screening' },
          {
            any: [
              { field: 'days', op: 'gte', value: 7 },
              { field: 'flag', op: 'eq', value: true },
            ],
          },
        ],
      }),
    ).toBe('stage is “screening” and (days is at least 7 or flag is true)')
  })
})
