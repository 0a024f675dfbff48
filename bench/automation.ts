/**
 * Automation rules: what evaluating the active rules adds to an event's handling, at 100 active
 * rules on the event's type (rules compiled and held in memory per trigger, refreshed by NOTIFY as
 * a server holds them). Target ≤ 2 ms per event. Measured inside the consumer's transaction: no
 * rule matching (memory only), one rule matching (the rule and breaker re-read, an execution
 * created under its rate-limit lock), the first event after a rule change (recompiling 100 rules),
 * and, for comparison, no rule matching without the LISTEN connection (the settings read per event).
 */
import { randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { FixedClock } from '../apps/server/src/kernel/clock.ts'
import type { AppContext } from '../apps/server/src/kernel/context.ts'
import { connectDatabase } from '../apps/server/src/kernel/db/database.ts'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { createLogger } from '../apps/server/src/kernel/logger.ts'
import type { AutomationDatabase } from '../apps/server/src/modules/automation/database.ts'
import {
  bumpGeneration,
  listenForRuleChanges,
  onEvent,
  stopListeningForRuleChanges,
} from '../apps/server/src/modules/automation/engine.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'

const RULES = Number(process.argv.find((a) => a.startsWith('--rules='))?.slice(8) ?? 100)
const EVENTS = Number(process.argv.find((a) => a.startsWith('--events='))?.slice(9) ?? 2000)

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

async function main() {
  const server = await startThrowawayPostgres()
  const url = await createMigratedDatabase(server.url, 'bench_automation')
  const database = connectDatabase(url, { poolMax: 4, applicationName: 'bench' })
  const ctx = {
    clock: new FixedClock('2026-12-02T10:00:00Z'),
    log: createLogger({ level: 'silent', pretty: false }),
  } as unknown as AppContext
  try {
    // 100 active rules on application.stage_changed with conditions of 2–4 leaves each
    const values = Array.from({ length: RULES }, (_, i) => ({
      name: `rule ${i}`,
      trigger_kind: 'event',
      trigger_key: 'application.stage_changed',
      conditions: JSON.stringify({
        all: [
          { field: 'new_stage', op: 'in', value: ['screening', 'interview'] },
          { field: 'role_title', op: 'eq', value: i === 0 ? 'MATCH' : `Role ${i}` },
          ...(i % 2
            ? [
                {
                  any: [
                    { field: 'reason', op: 'exists' },
                    { field: 'old_stage', op: 'neq', value: 'offer' },
                  ],
                },
              ]
            : []),
        ],
      }),
      summary: `rule ${i}`,
      action_type: 'notify_recruiter',
      action_params: '{}',
      requires_approval: true,
      active: true,
      max_per_hour: 1_000_000,
      max_per_day: 1_000_000,
    }))
    await inTransaction<void, AutomationDatabase>(database.db, systemActor('bench'), async (tx) => {
      await tx.insertInto('automation.automation_rules').values(values).execute()
      await tx.updateTable('automation.settings').set({ breaker_max_executions: 1_000_000 }).execute()
    })
    const event = (title: string) => ({
      event_id: randomUUID(),
      event: 'application.stage_changed',
      aggregate: { type: 'application', id: randomUUID() },
      data: {
        application_id: randomUUID(),
        role_id: randomUUID(),
        role_title: title,
        company_id: randomUUID(),
        candidate_id: randomUUID(),
        recruiter_id: randomUUID(),
        old_stage: 'submitted',
        new_stage: 'screening',
        reason: null,
        changed_by: null,
      },
    })
    const measure = async (n: number, title: string, before?: (tx: never) => Promise<void>) => {
      const base: number[] = []
      const withRules: number[] = []
      for (let i = 0; i < n; i++) {
        await inTransaction<void, AutomationDatabase>(database.db, systemActor('bench'), async (tx) => {
          if (before) await before(tx as never)
          const t0 = performance.now()
          await tx.selectFrom('automation.settings').select('paused').execute() // a baseline round trip
          const t1 = performance.now()
          await onEvent(ctx, tx, event(title))
          const t2 = performance.now()
          base.push(t1 - t0)
          withRules.push(t2 - t1)
        })
      }
      return { base, withRules }
    }
    await listenForRuleChanges(url, ctx.log)
    await measure(50, 'warm-up')
    const none = await measure(EVENTS, 'nothing matches')
    const one = await measure(Math.min(EVENTS, 500), 'MATCH')
    const cold = await measure(50, 'nothing matches', (tx) => bumpGeneration(tx))
    await stopListeningForRuleChanges()
    await measure(50, 'warm-up')
    const unheard = await measure(EVENTS, 'nothing matches')
    const row = (what: string, m: { base: number[]; withRules: number[] }) => ({
      case: what,
      events: m.withRules.length,
      'p50 ms': pct(m.withRules, 50).toFixed(3),
      'p95 ms': pct(m.withRules, 95).toFixed(3),
      'p99 ms': pct(m.withRules, 99).toFixed(3),
      'one round trip p50 ms': pct(m.base, 50).toFixed(3),
    })
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    )
    console.log(`automation: per-event evaluation overhead at ${RULES} active rules on the event's type`)
    console.table([
      row('no rule matches (cache warm)', none),
      row('one rule matches (execution created)', one),
      row('first event after a rule change (recompile)', cold),
      row('no rule matches, without LISTEN (settings read per event)', unheard),
    ])
  } finally {
    await database.db.destroy()
    await server.stop()
  }
}

await main()
