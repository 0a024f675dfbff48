import { appendAudit } from '../../kernel/audit/audit.ts'
import { AppError } from '../../kernel/errors.ts'
import type { FlagsTx } from './database.ts'
import {
  type FlagRule,
  type FlagValue,
  TARGETING_ATTRIBUTES,
  type TargetingAttribute,
  toBasisPoints,
  toPercentage,
} from './evaluate.ts'

/** A flag on the wire and in the admin screen. */
export interface FlagView {
  key: string
  description: string
  kind: 'boolean' | 'variant'
  variants: Record<string, FlagValue>
  default_variant: string
  rollout_variant: string
  enabled: boolean
  rules: FlagRule[]
  percentage: number
  client_visible: boolean
  created_at: Date
  updated_at: Date
  updated_by: string | null
  version: number
}

export interface RuleInput {
  attribute: string
  values?: string[] | undefined
  variant?: string | undefined
  percentage?: number | undefined
}

export interface FlagChanges {
  description?: string | undefined
  variants?: Record<string, unknown> | undefined
  default_variant?: string | undefined
  rollout_variant?: string | undefined
  enabled?: boolean | undefined
  rules?: RuleInput[] | undefined
  percentage?: number | undefined
  client_visible?: boolean | undefined
}

export interface CreateFlagInput extends FlagChanges {
  key: string
  kind: 'boolean' | 'variant'
}

export interface Actor {
  userId: string | null
  role: string
}

const BOOLEAN_VARIANTS = { on: true, off: false } as const

type Row = Awaited<ReturnType<typeof selectFlag>>

function selectFlag(tx: FlagsTx, key: string, lock = false) {
  const q = tx.selectFrom('flags.flags').selectAll().where('key', '=', key)
  return (lock ? q.forUpdate() : q).executeTakeFirst()
}

export function viewOf(row: NonNullable<Row>): FlagView {
  return {
    key: row.key,
    description: row.description,
    kind: row.kind as FlagView['kind'],
    variants: row.variants as Record<string, FlagValue>,
    default_variant: row.default_variant,
    rollout_variant: row.rollout_variant,
    enabled: row.enabled,
    rules: row.rules as FlagRule[],
    percentage: toPercentage(row.rollout_bp),
    client_visible: row.client_visible,
    created_at: row.created_at,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
    version: row.version,
  }
}

function checkPercentage(p: number, field: string): void {
  if (!Number.isFinite(p) || p < 0 || p > 100) {
    throw new AppError('flag_invalid_percentage', `${field} must be between 0 and 100 (got ${p})`, {
      errors: [{ field: `body.${field}`, message: 'between 0 and 100' }],
    })
  }
}

const variantError = (message: string, field: string) =>
  new AppError('flag_invalid_variants', message, { errors: [{ field: `body.${field}`, message }] })

/** The whole flag as it would be stored, checked: every failure before anything is written. */
function normalize(kind: FlagView['kind'], input: FlagChanges, base?: FlagView) {
  const variants: Record<string, FlagValue> =
    kind === 'boolean'
      ? { ...BOOLEAN_VARIANTS }
      : ((input.variants as Record<string, FlagValue> | undefined) ?? base?.variants ?? {})
  if (kind === 'boolean' && input.variants !== undefined) {
    const names = Object.keys(input.variants).sort().join(',')
    if (names !== 'off,on' || input.variants.on !== true || input.variants.off !== false)
      throw variantError('A boolean flag’s variants are exactly {"on": true, "off": false}', 'variants')
  }
  const names = Object.keys(variants)
  if (names.length < 2 || names.length > 20)
    throw variantError('A flag needs between 2 and 20 variants', 'variants')
  for (const n of names)
    if (!/^[a-z0-9][a-z0-9_-]{0,39}$/i.test(n)) throw variantError(`Bad variant name “${n}”`, 'variants')
  const defaultVariant =
    input.default_variant ?? base?.default_variant ?? (kind === 'boolean' ? 'off' : names[0]!)
  const rolloutVariant =
    input.rollout_variant ?? base?.rollout_variant ?? (kind === 'boolean' ? 'on' : names[1]!)
  if (!(defaultVariant in variants)) throw variantError(`No variant “${defaultVariant}”`, 'default_variant')
  if (!(rolloutVariant in variants)) throw variantError(`No variant “${rolloutVariant}”`, 'rollout_variant')
  const percentage = input.percentage ?? base?.percentage ?? 0
  checkPercentage(percentage, 'percentage')
  const rules: FlagRule[] = (input.rules ?? base?.rules ?? []).map((r, i) => {
    if (!TARGETING_ATTRIBUTES.includes(r.attribute as TargetingAttribute)) {
      throw new AppError(
        'flag_unknown_targeting_key',
        `Rule ${i + 1} targets “${r.attribute}”; flags can target ${TARGETING_ATTRIBUTES.join(', ')}`,
        {
          errors: [
            { field: `body.rules.${i}.attribute`, message: `one of ${TARGETING_ATTRIBUTES.join(', ')}` },
          ],
        },
      )
    }
    if (r.percentage !== undefined) checkPercentage(r.percentage, `rules.${i}.percentage`)
    const values = [...new Set(r.values ?? [])]
    if (values.length === 0)
      throw new AppError('flag_invalid_rule', `Rule ${i + 1} lists no values to match`, {
        errors: [{ field: `body.rules.${i}.values`, message: 'at least one value' }],
      })
    const variant = r.variant ?? rolloutVariant
    if (!(variant in variants)) throw variantError(`No variant “${variant}”`, `rules.${i}.variant`)
    return {
      attribute: r.attribute as TargetingAttribute,
      values,
      variant,
      ...(r.percentage !== undefined ? { percentage: r.percentage } : {}),
    }
  })
  return {
    variants,
    default_variant: defaultVariant,
    rollout_variant: rolloutVariant,
    rules,
    rollout_bp: toBasisPoints(percentage),
  }
}

async function recordChange(
  tx: FlagsTx,
  key: string,
  action: 'created' | 'updated' | 'deleted',
  actor: Actor,
  at: Date,
  before: FlagView | null,
  after: FlagView | null,
  reason: string | null,
): Promise<void> {
  const json = (v: FlagView | null) => (v ? JSON.stringify(v) : null)
  await tx
    .insertInto('flags.flag_changes')
    .values({
      flag_key: key,
      action,
      actor_user_id: actor.userId,
      changed_at: at,
      before: json(before),
      after: json(after),
      reason,
    })
    .execute()
  await appendAudit(tx, {
    action: `flag.${action}`,
    entityType: 'flag',
    entityId: null,
    before: before ?? undefined,
    after: after ?? undefined,
    actorRole: actor.role,
  })
}

export async function listFlags(tx: FlagsTx): Promise<FlagView[]> {
  const rows = await tx.selectFrom('flags.flags').selectAll().orderBy('key').execute()
  return rows.map(viewOf)
}

export async function getFlag(tx: FlagsTx, key: string): Promise<FlagView> {
  const row = await selectFlag(tx, key)
  if (!row) throw new AppError('not_found', `No flag ${key}`)
  return viewOf(row)
}

/** Creates a flag; a key in use answers 409 flag_key_taken (of concurrent creates exactly one wins). */
export async function createFlag(
  tx: FlagsTx,
  input: CreateFlagInput & { reason?: string | undefined },
  actor: Actor,
  at: Date,
): Promise<FlagView> {
  const n = normalize(input.kind, input)
  const row = await tx
    .insertInto('flags.flags')
    .values({
      key: input.key,
      description: input.description ?? '',
      kind: input.kind,
      variants: JSON.stringify(n.variants),
      default_variant: n.default_variant,
      rollout_variant: n.rollout_variant,
      enabled: input.enabled ?? true,
      rules: JSON.stringify(n.rules),
      rollout_bp: n.rollout_bp,
      client_visible: input.client_visible ?? false,
      created_at: at,
      updated_at: at,
      updated_by: actor.userId,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('flag_key_taken', `A flag ${input.key} already exists`)
  const view = viewOf(row)
  await recordChange(tx, input.key, 'created', actor, at, null, view, input.reason ?? null)
  return view
}

function assertVersion(current: FlagView, expected: number): void {
  if (current.version !== expected)
    throw new AppError(
      'flag_version_stale',
      `Flag ${current.key} is at version ${current.version}, not ${expected}`,
      {
        meta: { current_version: current.version },
      },
    )
}

/** Changes a flag at `version` (else 409 flag_version_stale), keeping before/after in its history. */
export async function updateFlag(
  tx: FlagsTx,
  key: string,
  version: number,
  changes: FlagChanges & { reason?: string | undefined },
  actor: Actor,
  at: Date,
): Promise<FlagView> {
  const row = await selectFlag(tx, key, true)
  if (!row) throw new AppError('not_found', `No flag ${key}`)
  const before = viewOf(row)
  assertVersion(before, version)
  const n = normalize(before.kind, changes, before)
  const updated = await tx
    .updateTable('flags.flags')
    .set({
      description: changes.description ?? before.description,
      variants: JSON.stringify(n.variants),
      default_variant: n.default_variant,
      rollout_variant: n.rollout_variant,
      enabled: changes.enabled ?? before.enabled,
      rules: JSON.stringify(n.rules),
      rollout_bp: n.rollout_bp,
      client_visible: changes.client_visible ?? before.client_visible,
      updated_at: at,
      updated_by: actor.userId,
      version: before.version + 1,
    })
    .where('key', '=', key)
    .returningAll()
    .executeTakeFirstOrThrow()
  const after = viewOf(updated)
  await recordChange(tx, key, 'updated', actor, at, before, after, changes.reason ?? null)
  return after
}

/** Deletes a flag at `version`; its history stays. */
export async function deleteFlag(
  tx: FlagsTx,
  key: string,
  version: number,
  reason: string | null,
  actor: Actor,
  at: Date,
): Promise<void> {
  const row = await selectFlag(tx, key, true)
  if (!row) throw new AppError('not_found', `No flag ${key}`)
  const before = viewOf(row)
  assertVersion(before, version)
  await tx.deleteFrom('flags.flags').where('key', '=', key).execute()
  await recordChange(tx, key, 'deleted', actor, at, before, null, reason)
}

export interface FlagChangeView {
  id: string
  flag_key: string
  action: 'created' | 'updated' | 'deleted'
  actor_user_id: string | null
  changed_at: Date
  before: FlagView | null
  after: FlagView | null
  reason: string | null
}

/** A flag's changes, newest first (also after it was deleted). */
export async function flagHistory(tx: FlagsTx, key: string, limit = 100): Promise<FlagChangeView[]> {
  const rows = await tx
    .selectFrom('flags.flag_changes')
    .selectAll()
    .where('flag_key', '=', key)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: String(r.id),
    flag_key: r.flag_key,
    action: r.action as FlagChangeView['action'],
    actor_user_id: r.actor_user_id,
    changed_at: r.changed_at,
    before: r.before as FlagView | null,
    after: r.after as FlagView | null,
    reason: r.reason,
  }))
}
