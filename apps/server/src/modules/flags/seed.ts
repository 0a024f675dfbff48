import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { SeedStep } from '../../kernel/module.ts'
import type { FlagsDatabase } from './database.ts'
import type { FlagRule, FlagValue } from './evaluate.ts'
import { viewOf } from './store.ts'

const DAY = 86_400_000
const BOOL = { on: true, off: false }

interface SeedFlag {
  key: string
  description: string
  kind: 'boolean' | 'variant'
  variants?: Record<string, FlagValue>
  default_variant?: string
  rollout_variant?: string
  rules?: FlagRule[]
  percentage: number
  client_visible?: boolean
  /** The percentage it started at, days ago (a change in its history). */
  startedAt?: { percentage: number; daysAgo: number }
}

/** The flags other modules check (on, so the product works on first start) and two rollouts. */
export const DEMO_FLAGS: readonly SeedFlag[] = [
  {
    key: 'automation.rules',
    description: 'Workflow automation rules run on events',
    kind: 'boolean',
    percentage: 100,
  },
  {
    key: 'fraud.detection',
    description: 'Fraud signals are scored and flagged for review',
    kind: 'boolean',
    percentage: 100,
  },
  {
    key: 'fraud.throttling',
    description: 'Suspicious senders are throttled',
    kind: 'boolean',
    percentage: 100,
  },
  {
    key: 'metrics.health_dashboard',
    description: 'The marketplace health dashboard',
    kind: 'boolean',
    percentage: 100,
    client_visible: true,
  },
  {
    key: 'metrics.alerts',
    description: 'Alerts when a health metric crosses its threshold',
    kind: 'boolean',
    percentage: 100,
  },
  {
    key: 'flags.change_history',
    description: 'The change history panel of the flag admin screen (rolled out to admins first)',
    kind: 'boolean',
    rules: [{ attribute: 'role', values: ['platform_admin'], variant: 'on' }],
    percentage: 25,
    client_visible: true,
    startedAt: { percentage: 10, daysAgo: 7 },
  },
  {
    key: 'recruiting.role_card_layout',
    description: 'Which role card layout recruiters see (an A/B test)',
    kind: 'variant',
    variants: { compact: 'compact', detailed: 'detailed' },
    default_variant: 'compact',
    rollout_variant: 'detailed',
    rules: [{ attribute: 'plan_tier', values: ['pro', 'agency'], variant: 'detailed', percentage: 50 }],
    percentage: 20,
    client_visible: true,
  },
]

/** Demo flags with a little history; ≈ one statement per table. */
export const demoFlagsSeed: SeedStep = {
  name: 'flags.demo_flags',
  version: 1,
  description: 'Feature flags the modules check, a percentage rollout and an A/B test, with history',
  after: [],
  async run(ctx) {
    const now = ctx.clock.now()
    return inTransaction<Record<string, unknown>, FlagsDatabase>(ctx.db, systemActor('seed'), async (tx) => {
      const rows = await tx
        .insertInto('flags.flags')
        .values(
          DEMO_FLAGS.map((f) => {
            const at = new Date(now.getTime() - (f.startedAt?.daysAgo ?? 30) * DAY)
            return {
              key: f.key,
              description: f.description,
              kind: f.kind,
              variants: JSON.stringify(f.variants ?? BOOL),
              default_variant: f.default_variant ?? 'off',
              rollout_variant: f.rollout_variant ?? 'on',
              enabled: true,
              rules: JSON.stringify(f.rules ?? []),
              rollout_bp: Math.round((f.startedAt?.percentage ?? f.percentage) * 100),
              client_visible: f.client_visible ?? false,
              created_at: at,
              updated_at: at,
            }
          }),
        )
        .onConflict((oc) => oc.column('key').doNothing())
        .returningAll()
        .execute()
      if (rows.length === 0) return { flags: 'already seeded' }
      const created = rows.map((r) => ({
        flag_key: r.key,
        action: 'created',
        changed_at: r.created_at,
        before: null,
        after: JSON.stringify(viewOf(r)),
        reason: 'Demo data',
      }))
      const raised = []
      for (const f of DEMO_FLAGS) {
        const row = rows.find((r) => r.key === f.key)
        if (!row || !f.startedAt) continue
        const at = new Date(now.getTime() - 2 * DAY)
        const after = await tx
          .updateTable('flags.flags')
          .set({ rollout_bp: Math.round(f.percentage * 100), updated_at: at, version: 2 })
          .where('key', '=', f.key)
          .returningAll()
          .executeTakeFirstOrThrow()
        raised.push({
          flag_key: f.key,
          action: 'updated',
          changed_at: at,
          before: JSON.stringify(viewOf(row)),
          after: JSON.stringify(viewOf(after)),
          reason: `No errors at ${f.startedAt.percentage} %: widening the rollout`,
        })
      }
      await tx
        .insertInto('flags.flag_changes')
        .values([...created, ...raised])
        .execute()
      return { flags: rows.length, changes: created.length + raised.length }
    })
  },
}
