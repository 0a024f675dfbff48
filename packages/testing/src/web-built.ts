import { ensureWebBuilt } from '../../../scripts/web-build.ts'

/** Browser tests run against apps/web/dist: build it first when its sources changed (a no-op otherwise). */
export function setup(): void {
  ensureWebBuilt()
}
