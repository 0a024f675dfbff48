import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import {
  advance,
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  ok,
  platformAdmin,
  submitCandidate,
  type TestCompany,
  type TestRecruiter,
  type World,
} from '../../../../../packages/testing/src/factories/index.ts'
import type { TestPerson } from '../../../../../packages/testing/src/factories/splits-people.ts'
import { startTestApp } from '../../../../../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import type { RunningApp } from '../../app.ts'
import { FixedClock } from '../../kernel/clock.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import type { AutomationDatabase } from './database.ts'
import {
  onEvent,
  RULES_CHANNEL,
  RUN_EXECUTION_JOB,
  requeueStaleApproved,
  runApprovedExecution,
} from './engine.ts'
import { enabled } from './flag.ts'

/** Automation rules end to end over HTTP and the outbox: rules, approvals, limits, the breaker. */
const database = useTestDatabase()
const clock = new FixedClock('2026-05-04T09:00:00Z')
let app: RunningApp & { baseUrl: string }
let w: World
let admin: TestPerson
let company: TestCompany
let rachel: TestRecruiter
let role: { id: string }

const q = async <T = Record<string, unknown>>(text: string, args: unknown[] = []) =>
  (await database.current.pool.query(text, args)).rows as T[]

const RULES = '/api/admin/automation/rules'
const EXECS = '/api/admin/automation/executions'

const screeningRule = (over: Record<string, unknown> = {}) => ({
  name: `Advance screened candidates ${randomUUID().slice(0, 6)}`,
  trigger: { kind: 'event', key: 'application.stage_changed' },
  conditions: {
    all: [
      { field: 'new_stage', op: 'eq', value: 'screening' },
      { field: 'role_id', op: 'eq', value: role.id },
    ],
  },
  action: { type: 'advance_application', params: { to_stage: 'interview' } },
  ...over,
})

async function newApplicationAtScreening() {
  const cand = await makeCandidate(w, rachel)
  const application = await submitCandidate(w, rachel, role.id, cand.id)
  return advance(w, company.admin, application, 'screening')
}

async function pendingFor(ruleId: string, subjectId: string) {
  return eventually('a pending execution', async () => {
    const page = ok('list', await api(w, admin).get(`${EXECS}?rule_id=${ruleId}&subject_id=${subjectId}`))
    return page.data.length === 1 && page.data[0]
  })
}

/** An execution once the queue has run it (no longer approved). */
async function settledState(id: string) {
  return eventually('the queued execution ran', async () => {
    const e = ok('get', await api(w, admin).get(`${EXECS}/${id}`))
    return e.state !== 'approved' && e
  })
}

/** Synthetic events straight into the evaluator, in their own transactions (as the consumer runs). */
function feed(events: { event_id: string; data: Record<string, unknown> }[]) {
  return Promise.all(
    events.map((e) =>
      inTransaction<unknown, AutomationDatabase>(app.ctx.db, systemActor('automation.evaluate_rules'), (tx) =>
        onEvent(app.ctx, tx, {
          event_id: e.event_id,
          event: 'application.stage_changed',
          aggregate: { type: 'application', id: String(e.data.application_id) },
          data: e.data,
        }),
      ),
    ),
  )
}

const syntheticStageChange = (over: Record<string, unknown> = {}) => ({
  application_id: randomUUID(),
  role_id: randomUUID(),
  role_title: 'Synthetic',
  company_id: company.id,
  candidate_id: randomUUID(),
  recruiter_id: rachel.recruiterId,
  old_stage: 'submitted',
  new_stage: 'screening',
  reason: null,
  changed_by: null,
  ...over,
})

beforeAll(async () => {
  app = await startTestApp(database.current.url, { clock })
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  admin = await platformAdmin(w)
  company = await makeCompany(w)
  rachel = await makeRecruiter(w)
  role = await makeRole(w, company)
})
afterAll(async () => app?.stop())

describe('rules are checked against the trigger event’s payload schema', () => {
  it('an unknown field is a 422 automation_unknown_field; an impossible action 422 automation_action_not_permitted; nothing is created', async () => {
    const before = (await q('select count(*)::int as n from automation.automation_rules'))[0]!.n
    const unknown = await api(w, admin).post(
      RULES,
      screeningRule({ conditions: { all: [{ field: 'new_stage_typo', op: 'eq', value: 'screening' }] } }),
    )
    expect(unknown.status).toBe(422)
    expect(unknown.body.code).toBe('automation_unknown_field')
    const badType = await api(w, admin).post(
      RULES,
      screeningRule({ conditions: { field: 'new_stage', op: 'gt', value: 3 } }),
    )
    expect(badType.status).toBe(422)
    expect(badType.body.code).toBe('automation_invalid_condition')
    const notPermitted = await api(w, admin).post(RULES, {
      name: 'Advance on role opening',
      trigger: { kind: 'event', key: 'role.opened' },
      conditions: { all: [] },
      action: { type: 'advance_application', params: {} },
    })
    expect(notPermitted.status).toBe(422)
    expect(notPermitted.body.code).toBe('automation_action_not_permitted')
    const unknownTrigger = await api(w, admin).post(
      RULES,
      screeningRule({ trigger: { kind: 'event', key: 'nope.happened' } }),
    )
    expect(unknownTrigger.status).toBe(422)
    expect(unknownTrigger.body.code).toBe('automation_unknown_trigger')
    const recruiter = await api(w, rachel).post(RULES, screeningRule())
    expect(recruiter.status).toBe(403)
    expect((await q('select count(*)::int as n from automation.automation_rules'))[0]!.n).toBe(before)
  })

  it('the summary reads the rule back; nested dotted fields of the payload are known', async () => {
    const rule = ok(
      'create',
      await api(w, admin).post(RULES, {
        name: 'Big placements',
        trigger: { kind: 'event', key: 'placement.created' },
        conditions: {
          any: [
            { field: 'base_salary.currency', op: 'in', value: ['USD', 'ILS'] },
            { field: 'fee_rate_bps', op: 'gte', value: 2000 },
          ],
        },
        action: { type: 'remind_hiring_managers', params: { message: 'Welcome your new hire' } },
      }),
    )
    expect(rule.active).toBe(false)
    expect(rule.summary).toContain(
      'base salary › currency is one of “USD”, “ILS” or fee rate bps is at least 2000',
    )
    expect(rule.summary).toContain('after an admin approves')
    const stale = await api(w, admin).patch(`${RULES}/${rule.id}`, { version: 99, name: 'x' })
    expect(stale.status).toBe(409)
    const renamed = ok(
      'patch',
      await api(w, admin).patch(`${RULES}/${rule.id}`, { version: rule.version, name: 'Renamed' }),
    )
    expect(renamed.version).toBe(rule.version + 1)
  })
})

describe('an event rule with approval', () => {
  it('dry run, activate, a pending execution; 20 concurrent approvals: one wins, the others 409; undo moves it back', async () => {
    // history first: one application reached screening before the rule existed
    await newApplicationAtScreening()
    const rule = ok('create', await api(w, admin).post(RULES, screeningRule()))
    const dry = await eventually('the past event is seen', async () => {
      const d = ok('dry run', await api(w, admin).post(`${RULES}/${rule.id}/dry-run`))
      return d.matched >= 1 && d
    })
    expect(dry.would_act).toBe(dry.matched)
    expect(dry.sample[0].facts.new_stage).toBe('screening')
    expect(
      (
        await q('select count(*)::int as n from automation.automation_executions where rule_id = $1', [
          rule.id,
        ])
      )[0]!.n,
    ).toBe(0)

    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const application = await newApplicationAtScreening()
    const pending = await pendingFor(rule.id, application.id)
    expect(pending.state).toBe('pending')

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api(w, admin).post(`${EXECS}/${pending.id}/approve`)),
    )
    const won = answers.filter((a) => a.status === 200)
    expect(won).toHaveLength(1)
    expect(
      answers
        .filter((a) => a.status === 409)
        .every((a) => a.body.code === 'automation_execution_already_decided'),
    ).toBe(true)
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19)
    // stored approved (who, when) and queued: the job runs it
    expect(won[0]!.body).toMatchObject({ state: 'approved', decided_by: admin.userId })
    expect(won[0]!.body.decided_at).toBeTruthy()
    const done = await settledState(pending.id)
    expect(done.state).toBe('executed')
    expect(done.undoable).toBe(true)
    expect(done.attempts).toBe(1)
    // acted through recruiting's own command: stage, history and event
    const [app1] = await q<{ stage: string }>('select stage from ats.applications where id = $1', [
      application.id,
    ])
    expect(app1!.stage).toBe('interview')
    const history = await q(
      'select to_stage, reason from ats.application_stage_history where application_id = $1 order by changed_at',
      [application.id],
    )
    expect(history.at(-1)).toMatchObject({
      to_stage: 'interview',
      reason: expect.stringContaining('Automation rule'),
    })
    const log = await q(
      'select kind, human_decision from intelligence.decision_audit_log where source = $1 and subject_id = $2 order by seq',
      ['automation', pending.id],
    )
    expect(log.map((l) => l.human_decision)).toEqual(['approved', 'executed'])

    const undone = ok('undo', await api(w, admin).post(`${EXECS}/${pending.id}/undo`))
    expect(undone.state).toBe('undone')
    const [app2] = await q<{ stage: string }>('select stage from ats.applications where id = $1', [
      application.id,
    ])
    expect(app2!.stage).toBe('screening')
    const again = await api(w, admin).post(`${EXECS}/${pending.id}/undo`)
    expect(again.status).toBe(409)
  })

  it('reject needs a reason, once; a refused action fails with the module’s reason and can be retried', async () => {
    const rule = ok('create', await api(w, admin).post(RULES, screeningRule()))
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const a1 = await newApplicationAtScreening()
    const p1 = await pendingFor(rule.id, a1.id)
    expect((await api(w, admin).post(`${EXECS}/${p1.id}/reject`, { reason: ' ' })).status).toBe(400)
    const rejected = ok(
      'reject',
      await api(w, admin).post(`${EXECS}/${p1.id}/reject`, { reason: 'Client asked to wait' }),
    )
    expect(rejected).toMatchObject({ state: 'rejected', reason: 'Client asked to wait' })
    const twice = await api(w, admin).post(`${EXECS}/${p1.id}/approve`)
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('automation_execution_already_decided')

    const a2 = await newApplicationAtScreening()
    const p2 = await pendingFor(rule.id, a2.id)
    // the hiring team rejects the candidate meanwhile: recruiting refuses the move
    ok(
      'reject app',
      await api(w, company.admin).post(`/api/applications/${a2.id}/stage`, {
        to: 'rejected',
        reason: 'Not a fit',
      }),
    )
    const queued = ok(
      'approve',
      await api(w, admin).post(`${EXECS}/${p2.id}/approve`, { reason: 'Looks right to me' }),
    )
    expect(queued).toMatchObject({ state: 'approved', reason: 'Looks right to me' })
    const failed = await settledState(p2.id)
    expect(failed).toMatchObject({ state: 'failed', error_code: 'invalid_state_transition', attempts: 1 })
    const [stillRejected] = await q<{ stage: string }>('select stage from ats.applications where id = $1', [
      a2.id,
    ])
    expect(stillRejected!.stage).toBe('rejected')
    const retried = ok('retry', await api(w, admin).post(`${EXECS}/${p2.id}/retry`))
    expect(retried).toMatchObject({ state: 'approved', attempts: 1 })
    expect(await settledState(p2.id)).toMatchObject({ state: 'failed', attempts: 2 })
    const retryAgain = await api(w, admin).post(`${EXECS}/${p1.id}/retry`)
    expect(retryAgain.status).toBe(409)
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })
})

describe('the queue of approved executions', () => {
  it('pending → approved → executed: a job delivered 20 times at once (and a late redelivery) acts once', async () => {
    const rule = ok('create', await api(w, admin).post(RULES, screeningRule()))
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const application = await newApplicationAtScreening()
    const pending = await pendingFor(rule.id, application.id)
    // approved as the approval stores it, but with no job of its own: the 20 deliveries below are the only runs
    await q(
      "update automation.automation_executions set state = 'approved', decided_by = $2, decided_at = now() where id = $1",
      [pending.id, admin.userId],
    )
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.ctx.jobs.runInline(RUN_EXECUTION_JOB, { execution_id: pending.id }, app.ctx.log),
      ),
    )
    const counted = outcomes.map((o) => (o as { outcome: string }).outcome)
    expect(counted.filter((o) => o === 'executed')).toHaveLength(1)
    expect(counted.filter((o) => o === 'skipped')).toHaveLength(19)
    const late = await app.ctx.jobs.runInline(RUN_EXECUTION_JOB, { execution_id: pending.id }, app.ctx.log)
    expect(late).toEqual({ outcome: 'skipped' })
    const moves = await q(
      "select count(*)::int as n from ats.application_stage_history where application_id = $1 and to_stage = 'interview'",
      [application.id],
    )
    expect(moves[0]!.n).toBe(1)
    const e = ok('get', await api(w, admin).get(`${EXECS}/${pending.id}`))
    expect(e).toMatchObject({ state: 'executed', attempts: 1, undoable: true })
    expect(e.undo_note).toContain('previous stage')
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })

  it('an approved execution whose job was lost is queued again after 10 minutes, and runs once', async () => {
    const rule = ok('create', await api(w, admin).post(RULES, screeningRule()))
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const application = await newApplicationAtScreening()
    const pending = await pendingFor(rule.id, application.id)
    // approved with no job (as if it was lost), 11 minutes ago
    await q(
      "update automation.automation_executions set state = 'approved', decided_by = $2, decided_at = $3, updated_at = $3 where id = $1",
      [pending.id, admin.userId, new Date(clock.now().getTime() - 11 * 60_000)],
    )
    const fresh = await requeueStaleApproved(app.ctx, { olderThanMinutes: 12 })
    expect(fresh.requeued).toBe(0)
    const [a, b] = await Promise.all([requeueStaleApproved(app.ctx), requeueStaleApproved(app.ctx)])
    expect(a!.requeued + b!.requeued).toBeGreaterThanOrEqual(1)
    expect(await settledState(pending.id)).toMatchObject({ state: 'executed', attempts: 1 })
    const moves = await q(
      "select count(*)::int as n from ats.application_stage_history where application_id = $1 and to_stage = 'interview'",
      [application.id],
    )
    expect(moves[0]!.n).toBe(1)
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })

  it('switched off, approved executions wait (paused, visible); switched on, the requeue job runs each once', async () => {
    const rule = ok('create', await api(w, admin).post(RULES, screeningRule()))
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const [one, two] = [await newApplicationAtScreening(), await newApplicationAtScreening()]
    const [p1, p2] = [await pendingFor(rule.id, one.id), await pendingFor(rule.id, two.id)]
    // p2 approved while on, but its job not yet run (as if queued just before the switch-off)
    await q(
      "update automation.automation_executions set state = 'approved', decided_by = $2, decided_at = now() where id = $1",
      [p2.id, admin.userId],
    )
    const flag = ok(
      'switch off',
      await api(w, admin).post('/api/admin/flags', {
        key: 'automation.rules',
        kind: 'boolean',
        enabled: false,
        reason: 'Pause automation',
      }),
    )
    try {
      // an admin approves while off: recorded; its job finds automation off and leaves it waiting, with the note
      await eventually('automation switched off', async () => !(await enabled(app.ctx, 'automation.rules')))
      const approved = ok('approve', await api(w, admin).post(`${EXECS}/${p1.id}/approve`, { reason: 'ok' }))
      // the answer already says it waits (the flags are in this process's memory)
      expect(approved).toMatchObject({ state: 'approved', paused: true })
      const waiting = await eventually('the approval paused', async () => {
        const e = ok('get', await api(w, admin).get(`${EXECS}/${p1.id}`))
        return e.paused && e
      })
      expect(waiting).toMatchObject({
        state: 'approved',
        paused: true,
        error: 'paused: automation switched off',
      })
      const decided = await q(
        "select human_decision from intelligence.decision_audit_log where subject_id = $1 and human_decision = 'approved'",
        [p1.id],
      )
      expect(decided).toHaveLength(1)
      // the job of the one approved before: it finds automation off and leaves it approved, paused
      expect(await app.ctx.jobs.runInline(RUN_EXECUTION_JOB, { execution_id: p2.id }, app.ctx.log)).toEqual({
        outcome: 'paused',
      })
      expect(ok('get', await api(w, admin).get(`${EXECS}/${p2.id}`))).toMatchObject({
        state: 'approved',
        paused: true,
        error: 'paused: automation switched off',
      })
      // still off: the requeue job queues nothing, even long after
      clock.set(new Date(clock.now().getTime() + 30 * 60_000).toISOString())
      expect(await requeueStaleApproved(app.ctx)).toEqual({ requeued: 0, paused: true })
      await new Promise((r) => setTimeout(r, 500))
      const stillWaiting = await q<{ state: string }>(
        'select state from automation.automation_executions where id = any($1::uuid[])',
        [[p1.id, p2.id]],
      )
      expect(stillWaiting.map((r) => r.state)).toEqual(['approved', 'approved'])
      const none = await q(
        "select count(*)::int as n from ats.application_stage_history where application_id = any($1::uuid[]) and to_stage = 'interview'",
        [[one.id, two.id]],
      )
      expect(none[0]!.n).toBe(0)
    } finally {
      ok(
        'switch on',
        await api(w, admin).patch('/api/admin/flags/automation.rules', {
          version: flag.version,
          enabled: true,
          percentage: 100,
          reason: 'Resume automation',
        }),
      )
    }
    // on again (the flag cache hears the change): the paused ones are queued at once, whatever their
    // age (twice at the same time: still one run each)
    await eventually('automation switched on', async () => enabled(app.ctx, 'automation.rules'))
    const [a, b] = await Promise.all([requeueStaleApproved(app.ctx), requeueStaleApproved(app.ctx)])
    expect(a!.requeued + b!.requeued).toBeGreaterThanOrEqual(2)
    for (const p of [p1, p2]) {
      expect(await settledState(p.id)).toMatchObject({
        state: 'executed',
        attempts: 1,
        paused: false,
        error: null,
      })
    }
    const moves = await q<{ application_id: string; n: number }>(
      "select application_id, count(*)::int as n from ats.application_stage_history where application_id = any($1::uuid[]) and to_stage = 'interview' group by application_id",
      [[one.id, two.id]],
    )
    expect(moves.map((m) => m.n)).toEqual([1, 1])
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })

  it('a passing failure keeps it approved and the job retries; the last attempt fails it; an admin retries it (failed → approved)', async () => {
    const rule = ok(
      'create',
      await api(w, admin).post(RULES, {
        name: 'Tell a broken recruiter',
        trigger: { kind: 'event', key: 'application.stage_changed' },
        conditions: { field: 'role_title', op: 'eq', value: 'Broken' },
        action: { type: 'notify_recruiter', params: {} },
      }),
    )
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    // a recruiter id the database cannot read: not a refusal by a module, an unexpected error
    const data = syntheticStageChange({ role_title: 'Broken', recruiter_id: 'not-a-uuid' })
    await feed([{ event_id: randomUUID(), data }])
    const pending = await pendingFor(rule.id, String(data.application_id))
    await q(
      "update automation.automation_executions set state = 'approved', decided_by = $2, decided_at = now() where id = $1",
      [pending.id, admin.userId],
    )
    await expect(
      app.ctx.jobs.runInline(RUN_EXECUTION_JOB, { execution_id: pending.id }, app.ctx.log),
    ).rejects.toThrow(/will be retried/)
    expect(ok('get', await api(w, admin).get(`${EXECS}/${pending.id}`))).toMatchObject({
      state: 'approved',
      attempts: 1,
      error_code: 'internal',
    })
    expect(await runApprovedExecution(app.ctx, pending.id, { final: true })).toBe('failed')
    expect(ok('get', await api(w, admin).get(`${EXECS}/${pending.id}`))).toMatchObject({
      state: 'failed',
      attempts: 2,
    })
    const retried = ok('retry', await api(w, admin).post(`${EXECS}/${pending.id}/retry`))
    expect(retried).toMatchObject({ state: 'approved', decided_by: admin.userId })
    const log = await q<{ human_decision: string }>(
      'select human_decision from intelligence.decision_audit_log where source = $1 and subject_id = $2 order by seq',
      ['automation', pending.id],
    )
    expect(log.map((l) => l.human_decision)).toEqual(['retried'])
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })

  it('a notification cannot be unsent: undo answers 409 automation_not_undoable with the reason, nothing changes', async () => {
    const rule = ok(
      'create',
      await api(w, admin).post(RULES, {
        name: 'Tell the recruiter (undo?)',
        trigger: { kind: 'event', key: 'application.stage_changed' },
        conditions: { field: 'role_title', op: 'eq', value: 'Unsendable' },
        action: { type: 'notify_recruiter', params: { message: 'Heads up' } },
      }),
    )
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const data = syntheticStageChange({ role_title: 'Unsendable' })
    await feed([{ event_id: randomUUID(), data }])
    const pending = await pendingFor(rule.id, String(data.application_id))
    ok('approve', await api(w, admin).post(`${EXECS}/${pending.id}/approve`))
    const done = await settledState(pending.id)
    expect(done).toMatchObject({ state: 'executed', undoable: false })
    expect(done.undo_note).toContain('cannot be unsent')
    const undo = await api(w, admin).post(`${EXECS}/${pending.id}/undo`)
    expect(undo.status).toBe(409)
    expect(undo.body.code).toBe('automation_not_undoable')
    expect(undo.body.detail ?? undo.body.message ?? '').toContain('cannot be unsent')
    expect(ok('get', await api(w, admin).get(`${EXECS}/${pending.id}`)).state).toBe('executed')
    const t = ok('templates', await api(w, admin).get('/api/admin/automation/templates'))
    const undoable = Object.fromEntries(
      t.actions.map((a: { type: string; undoable: boolean }) => [a.type, a.undoable]),
    )
    expect(undoable).toEqual({
      advance_application: true,
      notify_recruiter: false,
      remind_hiring_managers: false,
      release_guarantee_hold: true,
    })
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })
})

describe('safety', () => {
  it('an event never fires a rule twice, even delivered 20 times at once', async () => {
    const rule = ok(
      'create',
      await api(w, admin).post(RULES, {
        name: 'Tell the recruiter (once)',
        trigger: { kind: 'event', key: 'application.stage_changed' },
        conditions: { field: 'role_title', op: 'eq', value: 'Twenty twins' },
        action: { type: 'notify_recruiter', params: {} },
      }),
    )
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const event = { event_id: randomUUID(), data: syntheticStageChange({ role_title: 'Twenty twins' }) }
    await feed(Array.from({ length: 20 }, () => event))
    expect(
      (
        await q('select count(*)::int as n from automation.automation_executions where rule_id = $1', [
          rule.id,
        ])
      )[0]!.n,
    ).toBe(1)
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })

  it('rules are held in memory: a change is heard (NOTIFY), and a change not heard yet cannot act', async () => {
    const rule = ok(
      'create',
      await api(w, admin).post(RULES, {
        name: 'Cached rule',
        trigger: { kind: 'event', key: 'application.stage_changed' },
        conditions: { field: 'role_title', op: 'eq', value: 'Cached' },
        action: { type: 'notify_recruiter', params: {} },
      }),
    )
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const fed = await feed([{ event_id: randomUUID(), data: syntheticStageChange({ role_title: 'Cached' }) }])
    expect(fed[0]).toMatchObject({ created: 1 })
    // let the activation's own NOTIFY arrive, then warm the memory with an event that matches nothing
    await new Promise((r) => setTimeout(r, 300))
    await feed([{ event_id: randomUUID(), data: syntheticStageChange({ role_title: 'Warm-up' }) }])
    // switched off behind the process's back (no generation bump, no NOTIFY): the memory still
    // holds the rule, but `fire` reads it again under its lock and creates nothing
    await q('update automation.automation_rules set active = false where id = $1', [rule.id])
    const stale = await feed([
      { event_id: randomUUID(), data: syntheticStageChange({ role_title: 'Cached' }) },
    ])
    expect(stale[0]).toMatchObject({ stale: 1 })
    // a NOTIFY from any process drops this process's copy: the rule is no longer evaluated at all
    await q(`select pg_notify('${RULES_CHANNEL}', '')`)
    await eventually('the change is heard', async () => {
      const r = (await feed([
        { event_id: randomUUID(), data: syntheticStageChange({ role_title: 'Cached' }) },
      ])) as Record<string, number>[]
      // the rule is no longer among the evaluated ones: nothing to re-check, nothing stale
      return r[0]!.stale === undefined && r[0]!.created === undefined
    })
    expect(
      (
        await q('select count(*)::int as n from automation.automation_executions where rule_id = $1', [
          rule.id,
        ])
      )[0]!.n,
    ).toBe(1)
  })

  it('a runaway rule without approval is stopped by its limit: the excess is throttled, not created', async () => {
    const rule = ok(
      'create',
      await api(w, admin).post(RULES, {
        name: 'Runaway',
        trigger: { kind: 'event', key: 'application.stage_changed' },
        conditions: { field: 'role_title', op: 'eq', value: 'Runaway' },
        action: { type: 'notify_recruiter', params: { message: 'again' } },
        requires_approval: false,
        max_per_hour: 3,
        max_per_day: 10,
      }),
    )
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const events = Array.from({ length: 12 }, () => ({
      event_id: randomUUID(),
      data: syntheticStageChange({ role_title: 'Runaway' }),
    }))
    await feed(events)
    const queued = await q<{ state: string }>(
      'select state, reason from automation.automation_executions where rule_id = $1',
      [rule.id],
    )
    expect(queued).toHaveLength(3)
    // no approval asked: through the same queue (approved, then run by the job)
    expect(queued.every((r) => r.state === 'approved' || r.state === 'executed')).toBe(true)
    const rows = await eventually('the queue ran them', async () => {
      const r = await q<{ state: string }>(
        'select state, error from automation.automation_executions where rule_id = $1',
        [rule.id],
      )
      return r.every((x) => x.state !== 'approved') && r
    })
    expect(
      rows.map((r) => r.state),
      JSON.stringify(rows),
    ).toEqual(['executed', 'executed', 'executed'])
    const bell = await q(
      'select count(*)::int as n from notifications.inbox where user_id = $1 and type = $2',
      [rachel.userId, 'automation.reminder'],
    )
    expect(bell[0]!.n).toBeGreaterThanOrEqual(3)
    const metrics = ok('metrics', await api(w, admin).get('/api/admin/automation/metrics'))
    const m = metrics.data.find((x: { rule_id: string }) => x.rule_id === rule.id)
    expect(m).toMatchObject({ fired: 3, executed: 3, throttled: 9, minutes_saved: 15 })
    // an hour later it may act again (3 more)
    clock.advance(3_600_000 + 1000)
    await feed(
      Array.from({ length: 5 }, () => ({
        event_id: randomUUID(),
        data: syntheticStageChange({ role_title: 'Runaway' }),
      })),
    )
    expect(
      (
        await q('select count(*)::int as n from automation.automation_executions where rule_id = $1', [
          rule.id,
        ])
      )[0]!.n,
    ).toBe(6)
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })

  it('the global circuit breaker pauses every rule past its limit until an admin resets it', async () => {
    await q('update automation.settings set breaker_max_executions = 5, breaker_window_minutes = 10')
    clock.advance(3_600_000)
    const rule = ok(
      'create',
      await api(w, admin).post(RULES, {
        name: 'Flood',
        trigger: { kind: 'event', key: 'application.stage_changed' },
        conditions: { field: 'role_title', op: 'eq', value: 'Flood' },
        action: { type: 'notify_recruiter', params: {} },
        max_per_hour: 1000,
        max_per_day: 1000,
      }),
    )
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    for (let i = 0; i < 10; i++)
      await feed([{ event_id: randomUUID(), data: syntheticStageChange({ role_title: 'Flood' }) }])
    const n = (
      await q('select count(*)::int as n from automation.automation_executions where rule_id = $1', [rule.id])
    )[0]!.n
    expect(n).toBe(6)
    const breaker = ok('breaker', await api(w, admin).get('/api/admin/automation/breaker'))
    expect(breaker.paused).toBe(true)
    expect(breaker.reason).toContain('executions')
    const flags = await q(
      "select kind from intelligence.decision_audit_log where source = 'automation' and kind = 'flag'",
    )
    expect(flags.length).toBeGreaterThanOrEqual(1)
    expect(
      (
        await q(
          "select count(*)::int as n from platform.audit_log where action = 'automation.breaker_tripped'",
        )
      )[0]!.n,
    ).toBe(1)
    // reset: rules run again (what came before the reset no longer counts)
    const reset = ok(
      'reset',
      await api(w, admin).post('/api/admin/automation/breaker/reset', { reason: 'Flood rule fixed' }),
    )
    expect(reset.paused).toBe(false)
    await feed([{ event_id: randomUUID(), data: syntheticStageChange({ role_title: 'Flood' }) }])
    expect(
      (
        await q('select count(*)::int as n from automation.automation_executions where rule_id = $1', [
          rule.id,
        ])
      )[0]!.n,
    ).toBe(7)
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
    await q('update automation.settings set breaker_max_executions = 300')
  })
})

describe('scheduled rules', () => {
  it('auto-advance after X days in a stage: once per stay in the stage', async () => {
    const application = await newApplicationAtScreening()
    const rule = ok(
      'create',
      await api(w, admin).post(RULES, {
        name: 'Auto-advance after 7 days',
        trigger: { kind: 'schedule', key: 'applications_in_stage', schedule: 'daily' },
        conditions: {
          all: [
            { field: 'stage', op: 'eq', value: 'screening' },
            { field: 'days_in_stage', op: 'gte', value: 7 },
            { field: 'application_id', op: 'eq', value: application.id },
          ],
        },
        action: { type: 'advance_application', params: { to_stage: 'interview' } },
      }),
    )
    ok('activate', await api(w, admin).post(`${RULES}/${rule.id}/activate`))
    const early = ok('run', await api(w, admin).post(`${RULES}/${rule.id}/run`))
    expect(early.matched).toBe(0)
    // eight days in screening (the clock stays: sessions would expire)
    await q(
      "update ats.applications set stage_changed_at = stage_changed_at - interval '8 days' where id = $1",
      [application.id],
    )
    const dry = ok('dry', await api(w, admin).post(`${RULES}/${rule.id}/dry-run`))
    expect(dry.would_act).toBe(1)
    const run = ok('run', await api(w, admin).post(`${RULES}/${rule.id}/run`))
    expect(run.outcomes).toEqual({ created: 1 })
    const again = ok('run', await api(w, admin).post(`${RULES}/${rule.id}/run`))
    expect(again.outcomes).toEqual({ duplicate: 1 })
    const page = ok('list', await api(w, admin).get(`${EXECS}?rule_id=${rule.id}&state=pending`))
    expect(page.data).toHaveLength(1)
    expect(ok('approve', await api(w, admin).post(`${EXECS}/${page.data[0].id}/approve`)).state).toBe(
      'approved',
    )
    expect((await settledState(page.data[0].id)).state).toBe('executed')
    ok('deactivate', await api(w, admin).post(`${RULES}/${rule.id}/deactivate`))
  })

  it('lists executions newest first with keyset pages; templates list the four of the seed', async () => {
    const first = ok('page 1', await api(w, admin).get(`${EXECS}?limit=2`))
    expect(first.data).toHaveLength(2)
    expect(first.has_more).toBe(true)
    const second = ok(
      'page 2',
      await api(w, admin).get(`${EXECS}?limit=2&starting_after=${first.next_cursor}`),
    )
    expect(second.data[0].id < first.data[1].id).toBe(true)
    expect((await api(w, admin).get(`${EXECS}?starting_after=garbage`)).status).toBe(400)
    const t = ok('templates', await api(w, admin).get('/api/admin/automation/templates'))
    expect(t.templates.map((x: { key: string }) => x.key)).toEqual([
      'auto_advance',
      'stale_candidates',
      'payout_after_guarantee',
      'unreviewed_submissions',
    ])
    expect(
      t.triggers
        .find((x: { key: string }) => x.key === 'application.stage_changed')
        .fields.map((f: { path: string }) => f.path),
    ).toContain('new_stage')
  })
})
