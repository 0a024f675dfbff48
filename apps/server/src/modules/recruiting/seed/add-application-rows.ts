import type { App, DemoContext, Representation } from './types.ts'
import { APPLICATION_NOTES } from './words.ts'

/** The applications' rows and stage histories. Sorts `apps` by submission time. */
export function addApplicationRows(ctx: DemoContext, apps: App[], reps: ReadonlyMap<string, Representation>) {
  const rng = ctx.rng.notes
  apps.sort((a, b) => a.times[0]! - b.times[0]!)
  for (const app of apps) {
    const last = app.times[app.times.length - 1]!
    ctx.plan.applications.push({
      id: app.id,
      role_id: app.role.id,
      company_id: app.role.company.id,
      candidate_id: app.candidate.id,
      recruiter_id: app.candidate.recruiter.id,
      representation_id: reps.get(`${app.candidate.id}:${app.role.company.id}`)!.id,
      stage: app.path[app.path.length - 1]!,
      note: rng.chance(0.4) ? rng.pick(APPLICATION_NOTES) : null,
      closed_reason: app.reason,
      submitted_at: new Date(app.times[0]!),
      stage_changed_at: new Date(last),
      updated_at: new Date(last),
      version: app.path.length,
    })
    app.path.forEach((stage, i) => {
      ctx.plan.stageHistory.push({
        id: ctx.uuid(app.times[i]!),
        application_id: app.id,
        from_stage: i === 0 ? null : app.path[i - 1]!,
        to_stage: stage,
        changed_by: app.by[i]!,
        changed_at: new Date(app.times[i]!),
        reason: i === app.path.length - 1 && app.reason ? app.reason : null,
      })
    })
  }
}
