import type { AppContext } from '../../kernel/context.ts'
import { isFeatureEnabled } from '../flags/index.ts'

/** The flags behind this module's capabilities. */
export const HEALTH_FLAGS = {
  dashboard: 'metrics.health_dashboard',
  alerts: 'metrics.alerts',
} as const
export type HealthFlag = (typeof HEALTH_FLAGS)[keyof typeof HEALTH_FLAGS]

/**
 * Whether a capability is on for `subject` (a user id, or 'system' for jobs). The one place flags
 * are read. A database without the flag (a fresh test database) has it on.
 */
export async function enabled(ctx: AppContext, key: HealthFlag, subject: string): Promise<boolean> {
  const userId = subject === 'system' ? null : subject
  return isFeatureEnabled(ctx, key, { userId, marketplace: 'splits' }, true)
}
