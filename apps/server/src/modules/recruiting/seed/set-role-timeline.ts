import { instantBetween } from './helpers.ts'
import { DAY_MS, HOUR_MS, type Rng } from './prng.ts'
import type { DemoContext, Role } from './types.ts'

/**
 * When `role` was created, opened, paused, resumed and closed, as its status requires; then its
 * id, which sorts by creation time.
 */
export function setRoleTimeline(ctx: DemoContext, rng: Rng, role: Role) {
  const { daysAgo } = ctx
  const t = (lo: number, hi: number) => instantBetween(rng, lo, hi)
  switch (role.status) {
    case 'draft':
      role.createdAt = daysAgo(rng.float(1, 40))
      break
    case 'filled': {
      role.closedAt = t(daysAgo(245), daysAgo(14))
      role.openedAt = role.closedAt - t(32 * DAY_MS, 95 * DAY_MS)
      role.createdAt = role.openedAt - t(0, 3 * DAY_MS)
      break
    }
    case 'closed': {
      // some closed without ever opening
      if (rng.chance(0.25)) {
        role.createdAt = t(daysAgo(200), daysAgo(12))
        role.closedAt = role.createdAt + t(3 * DAY_MS, 10 * DAY_MS)
      } else {
        role.createdAt = t(daysAgo(320), daysAgo(25))
        role.openedAt = role.createdAt + t(HOUR_MS, 2 * DAY_MS)
        role.closedAt = t(role.openedAt + 14 * DAY_MS, daysAgo(1))
      }
      break
    }
    case 'paused':
      role.createdAt = t(daysAgo(300), daysAgo(20))
      role.openedAt = role.createdAt + t(HOUR_MS, 2 * DAY_MS)
      role.pausedAt = t(role.openedAt + 10 * DAY_MS, daysAgo(1))
      break
    default: {
      // open: more recent roles than old ones
      role.createdAt = daysAgo(2 + 318 * rng.next() ** 1.25) - t(0, 6 * HOUR_MS)
      role.openedAt =
        role.createdAt + (rng.chance(0.8) ? t(10 * 60_000, 2 * DAY_MS) : t(2 * DAY_MS, 6 * DAY_MS))
      role.openedAt = Math.min(role.openedAt, daysAgo(1))
      if (role.openedAt < daysAgo(40) && rng.chance(0.12)) {
        role.pausedAt = t(role.openedAt + 7 * DAY_MS, daysAgo(20))
        role.resumedAt = role.pausedAt + t(3 * DAY_MS, 18 * DAY_MS)
      }
    }
  }
  role.id = ctx.uuid(role.createdAt)
}
