import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { SeedStep } from '../../kernel/module.ts'
import { openApplicationsInStage } from '../recruiting/index.ts'
import type { AutomationDatabase } from './database.ts'
import { TEMPLATES } from './registry.ts'
import { checkDraft, templateDraft } from './rules.ts'

const DAY = 86_400_000
/** Which templates start active (the payout one waits for an admin to switch it on). */
const ACTIVE = new Set(['auto_advance', 'stale_candidates', 'unreviewed_submissions'])
const REJECTED = ['The candidate is on hold at the client’s request', 'Already spoke to the recruiter today']

/**
 * The four templates as rules, with a history of executions in every state (pending ones are real
 * open applications, so approving them in the demo acts on the marketplace). A few statements.
 */
export const demoAutomationSeed: SeedStep = {
  name: 'automation.demo_rules',
  version: 1,
  description:
    'Automation rules from the templates, with executions pending, executed, rejected, failed and undone',
  after: ['recruiting.demo_marketplace'],
  async run(ctx) {
    const now = ctx.clock.now()
    return inTransaction<Record<string, unknown>, AutomationDatabase>(
      ctx.db,
      systemActor('seed'),
      async (tx) => {
        const existing = await tx.selectFrom('automation.automation_rules').select('id').limit(1).execute()
        if (existing.length) return { rules: 'already seeded' }
        const rules = await tx
          .insertInto('automation.automation_rules')
          .values(
            TEMPLATES.map((t, i) => {
              const d = templateDraft(t.key)
              return {
                name: d.name,
                description: d.description,
                template: t.key,
                trigger_kind: d.trigger.kind,
                trigger_key: d.trigger.key,
                schedule: d.trigger.schedule ?? null,
                conditions: JSON.stringify(d.conditions),
                summary: checkDraft(d).summary,
                action_type: d.action.type,
                action_params: JSON.stringify(d.action.params),
                requires_approval: true,
                active: ACTIVE.has(t.key),
                max_per_hour: d.max_per_hour,
                max_per_day: d.max_per_day,
                minutes_per_action: d.minutes_per_action,
                throttled: i === 1 ? 3 : 0,
                created_at: new Date(now.getTime() - 30 * DAY + i * 60_000),
                updated_at: new Date(now.getTime() - 30 * DAY + i * 60_000),
              }
            }),
          )
          .returning(['id', 'template'])
          .execute()
        const ruleOf = (key: string) => rules.find((r) => r.template === key)!.id
        const apps = await openApplicationsInStage(tx, now, 40)
        if (apps.length === 0) return { rules: rules.length, executions: 0 }
        type Row = {
          rule: string
          app: (typeof apps)[number]
          state: string
          ago: number
          extra?: Record<string, unknown>
        }
        const plan: Row[] = []
        const at = (i: number) => apps[i % apps.length]!
        // the approval queue: real open applications (reminders, which any application can take)
        for (let i = 0; i < 3; i++)
          plan.push({ rule: ruleOf('stale_candidates'), app: at(i), state: 'pending', ago: 0.1 + i * 0.2 })
        for (let i = 3; i < 5; i++)
          plan.push({
            rule: ruleOf('unreviewed_submissions'),
            app: at(i),
            state: 'pending',
            ago: 0.5 + i * 0.1,
          })
        // history over the last two weeks
        for (let i = 5; i < 17; i++) {
          // the undone one is an advance (the reversible kind); reminders cannot be unsent
          const state = i % 6 === 0 ? 'rejected' : i % 7 === 0 ? 'failed' : i === 15 ? 'undone' : 'executed'
          const rule =
            i % 3 === 0
              ? ruleOf('auto_advance')
              : i % 3 === 1
                ? ruleOf('stale_candidates')
                : ruleOf('unreviewed_submissions')
          plan.push({ rule, app: at(i), state, ago: 1 + (i - 5) })
        }
        const rows = plan.map((p, i) => {
          const created = new Date(now.getTime() - p.ago * DAY)
          const decided = p.state === 'pending' ? null : new Date(created.getTime() + 3_600_000)
          return {
            rule_id: p.rule,
            rule_version: 1,
            trigger_id: `${p.app.stage}@${p.app.stage_entered_at}#demo${i}`,
            trigger_type: 'schedule:applications_in_stage',
            subject_type: 'application',
            subject_id: p.app.application_id,
            facts: JSON.stringify(p.app),
            state: p.state,
            reason: p.state === 'rejected' ? REJECTED[i % REJECTED.length]! : null,
            error_code: p.state === 'failed' ? 'invalid_state_transition' : null,
            error: p.state === 'failed' ? 'The application had already moved on' : null,
            attempts: p.state === 'executed' || p.state === 'failed' || p.state === 'undone' ? 1 : 0,
            result: p.state === 'executed' || p.state === 'undone' ? JSON.stringify({ told: 1 }) : null,
            decided_at: decided,
            executed_at: p.state === 'executed' || p.state === 'undone' ? decided : null,
            undone_at: p.state === 'undone' && decided ? new Date(decided.getTime() + DAY / 2) : null,
            created_at: created,
            updated_at: decided ?? created,
          }
        })
        await tx.insertInto('automation.automation_executions').values(rows).execute()
        return { rules: rules.length, executions: rows.length }
      },
    )
  },
}
