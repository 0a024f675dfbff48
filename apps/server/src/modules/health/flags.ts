import type { AppContext } from '../../kernel/context.ts'

/** The flags behind this module's capabilities. */
export const HEALTH_FLAGS = {
  dashboard: 'metrics.health_dashboard',
  alerts: 'metrics.alerts',
} as const
export type HealthFlag = (typeof HEALTH_FLAGS)[keyof typeof HEALTH_FLAGS]

/** Whether a capability is on for `subject` (a user id, or 'system' for jobs). The one place flags are read. */
export async function enabled(_ctx: AppContext, _key: HealthFlag, _subject: string): Promise<boolean> {
  return true /* LEAD: wire to flags */
}
