import type { AppContext } from '../../kernel/context.ts'

/**
 * Whether automation rules run (flag key `automation.rules`). The only switch: the event consumer
 * and the scheduled job ask it before evaluating.
 */
export async function enabled(
  _ctx: AppContext,
  _key: 'automation.rules',
  _subject: string | null,
): Promise<boolean> {
  return true /* LEAD: wire to flags */
}
