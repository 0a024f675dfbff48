import type { App, DemoContext, Representation } from './types.ts'

/** One representation per candidate and company, from the first submission there; keyed `candidate id:company id`. */
export function generateRepresentations(ctx: DemoContext, apps: readonly App[]): Map<string, Representation> {
  const reps = new Map<string, Representation>()
  for (const app of [...apps].sort((a, b) => a.times[0]! - b.times[0]!)) {
    const key = `${app.candidate.id}:${app.role.company.id}`
    if (!reps.has(key))
      reps.set(key, {
        id: ctx.uuid(app.times[0]!),
        candidate: app.candidate,
        company: app.role.company,
        start: app.times[0]!,
      })
  }
  return reps
}
