/**
 * Quiet hours: wall-clock times in Asia/Jerusalem (Israel moves its clocks twice a year), so the
 * arithmetic goes through the time zone database rather than a fixed offset. Pure functions.
 */
export const QUIET_TIME_ZONE = 'Asia/Jerusalem'

export interface QuietHours {
  enabled: boolean
  /** Minutes after local midnight; start > end spans midnight (22:00-07:00). */
  startMinute: number
  endMinute: number
}

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: true, startMinute: 22 * 60, endMinute: 7 * 60 }

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall-clock reading of an instant in a time zone. */
export function wallClock(at: Date, timeZone = QUIET_TIME_ZONE) {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  }
}

/** Minutes after local midnight of an instant (seconds dropped). */
export function minuteOfDay(at: Date, timeZone = QUIET_TIME_ZONE): number {
  const w = wallClock(at, timeZone)
  return w.hour * 60 + w.minute
}

function offsetMs(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

/**
 * The first instant whose local reading is at or after the given local date and minute: the
 * instant itself normally; in the spring-forward gap (a time that does not exist that day), the
 * end of the gap.
 */
export function instantOfLocal(
  date: { year: number; month: number; day: number },
  minute: number,
  timeZone = QUIET_TIME_ZONE,
  notBefore = -Infinity,
): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minute / 60), minute % 60)
  // the offsets in force half a day either side; the earliest candidate that reads back as the
  // wanted minute wins (a repeated hour in autumn: its first occurrence)
  const candidates = [
    ...new Set([-12, 0, 12].map((h) => naive - offsetMs(new Date(naive + h * 3_600_000), timeZone))),
  ]
  for (const c of candidates.sort((a, b) => a - b).filter((t) => t > notBefore)) {
    const w = wallClock(new Date(c), timeZone)
    if (
      w.year === date.year &&
      w.month === date.month &&
      w.day === date.day &&
      w.hour * 60 + w.minute === minute
    )
      return new Date(c)
  }
  // in the gap: the clocks jumped over it; the gap ends at the later candidate's transition
  const after = Math.max(...candidates)
  let lo = after - 2 * 3_600_000
  let hi = after + 2 * 3_600_000
  const reached = (t: number) => {
    const w = wallClock(new Date(t), timeZone)
    const sameDay = Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(date.year, date.month - 1, date.day)
    return sameDay > 0 || (sameDay === 0 && w.hour * 60 + w.minute >= minute)
  }
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000
    if (reached(mid)) hi = mid
    else lo = mid
  }
  return new Date(hi)
}

/** Whether a local minute of the day falls in the quiet period. */
export function isQuietMinute(q: QuietHours, minute: number): boolean {
  if (!q.enabled || q.startMinute === q.endMinute) return false
  return q.startMinute < q.endMinute
    ? minute >= q.startMinute && minute < q.endMinute
    : minute >= q.startMinute || minute < q.endMinute
}

export function isQuiet(q: QuietHours, at: Date, timeZone = QUIET_TIME_ZONE): boolean {
  return isQuietMinute(q, minuteOfDay(at, timeZone))
}

/**
 * When a message that is ready at `now` may go out: `now` outside quiet hours, else the end of the
 * quiet period (the next local `endMinute`, today or tomorrow).
 */
export function sendAfterQuietHours(q: QuietHours, now: Date, timeZone = QUIET_TIME_ZONE): Date {
  const minute = minuteOfDay(now, timeZone)
  if (!isQuietMinute(q, minute)) return now
  const today = wallClock(now, timeZone)
  if (minute < q.endMinute) return instantOfLocal(today, q.endMinute, timeZone, now.getTime())
  // after the start, before midnight: the end is tomorrow (local calendar day + 1)
  const noon = Date.UTC(today.year, today.month - 1, today.day, 12)
  const tomorrow = new Date(noon + 86_400_000)
  return instantOfLocal(
    { year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate() },
    q.endMinute,
    timeZone,
    now.getTime(),
  )
}

export const parseClock = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return h! * 60 + m!
}
export const formatClock = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
