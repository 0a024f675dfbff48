/**
 * Time zones and iCalendar (RFC 5545 / RFC 5546), without a library: IANA zones through the
 * runtime's Intl (its tz database), and invitations with DTSTART/DTEND in the interview's own zone
 * (TZID) together with a VTIMEZONE that lists that zone's actual transitions around the event, so
 * a calendar that knows the zone by name (Google, Apple) and one that reads the VTIMEZONE (Outlook)
 * put it at the same instant, also across a DST change. Pure: property-tested in ics.test.ts.
 */

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/**
 * The zone's canonical IANA name, or null when it is not one ("Mars/Base", "+03:00", "EST5EDT"
 * aliases are accepted as the runtime resolves them). Fixed offsets are refused: a meeting lives in
 * a place, whose clock may change.
 */
export function canonicalTimeZone(name: string): string | null {
  if (name === 'UTC' || name === 'Etc/UTC') return 'UTC'
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){1,2}$/.test(name) || name.length > 64) return null
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
    // keep the name as the tz database spells it (ICU would turn Asia/Kolkata into Asia/Calcutta)
    const listed = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === name.toLowerCase())
    return listed ?? (resolved.toLowerCase() === name.toLowerCase() ? resolved : name)
  } catch {
    return null
  }
}

export interface LocalTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** The wall-clock time in the zone at an instant. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = formatter(timeZone).formatToParts(instant)
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  return {
    year: n('year'),
    month: n('month'),
    day: n('day'),
    hour: n('hour'),
    minute: n('minute'),
    second: n('second'),
  }
}

const asUtcMs = (l: LocalTime) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second)

/** The zone's offset from UTC at an instant, in minutes (Jerusalem in summer: +180). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000
  return Math.round((asUtcMs(localTime(new Date(ms), timeZone)) - ms) / MINUTE)
}

/**
 * The instant at which the zone's clocks show this wall time. A time that happens twice (clocks
 * going back) is its first occurrence; a time that never happens (clocks jumping forward) is null.
 */
export function zonedToInstant(local: LocalTime, timeZone: string): Date | null {
  const wall = asUtcMs(local)
  const candidates = new Set(
    [wall - DAY, wall + DAY].map((probe) => wall - offsetMinutes(new Date(probe), timeZone) * MINUTE),
  )
  const matches = [...candidates].filter((t) => asUtcMs(localTime(new Date(t), timeZone)) === wall)
  return matches.length ? new Date(Math.min(...matches)) : null
}

/** "2027-03-26T10:00" (or with seconds) as wall-clock parts; null when malformed. */
export function parseLocal(text: string): LocalTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text)
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as number[]
  const l = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second ?? 0 }
  const back = new Date(asUtcMs(l))
  if (back.getUTCMonth() + 1 !== l.month || back.getUTCDate() !== l.day || l.hour > 23 || l.minute > 59)
    return null
  return l
}

export interface Transition {
  at: Date
  from: number
  to: number
}

/** The zone's offset changes between two instants (to the minute), oldest first. */
export function transitions(timeZone: string, from: Date, to: Date): Transition[] {
  const found: Transition[] = []
  let t = Math.floor(from.getTime() / MINUTE) * MINUTE
  let off = offsetMinutes(new Date(t), timeZone)
  // clocks change at most a few times a year, never twice within two days
  const step = 2 * DAY
  while (t < to.getTime()) {
    const next = Math.min(t + step, to.getTime())
    const nextOff = offsetMinutes(new Date(next), timeZone)
    if (nextOff !== off) {
      // bisect to the minute: lo has the old offset, hi the new one
      let [lo, hi] = [t, next]
      while (hi - lo > MINUTE) {
        const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / MINUTE)) * MINUTE
        if (offsetMinutes(new Date(mid), timeZone) === off) lo = mid
        else hi = mid
      }
      found.push({ at: new Date(hi), from: off, to: nextOff })
      off = nextOff
    }
    t = next
  }
  return found
}

// --- iCalendar text -----------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const icsLocal = (l: LocalTime) =>
  `${pad(l.year, 4)}${pad(l.month)}${pad(l.day)}T${pad(l.hour)}${pad(l.minute)}${pad(l.second)}`
/** An instant as an iCalendar UTC DATE-TIME: 20270326T070000Z. */
export const icsUtc = (d: Date) => `${icsLocal(localTime(d, 'UTC'))}Z`
const icsOffset = (minutes: number) => {
  const a = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${pad(a % 60)}`
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/** Parameter values with characters that need quoting are quoted (and may not contain quotes). */
const paramValue = (s: string) => {
  const clean = s.replace(/["\r\n]/g, '')
  return /[;:,]/.test(clean) ? `"${clean}"` : clean
}

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const enc = new TextEncoder()
  if (enc.encode(line).length <= 75) return line
  const out: string[] = []
  let current = ''
  let size = 0
  for (const ch of line) {
    const n = enc.encode(ch).length
    const limit = out.length === 0 ? 75 : 74 // continuation lines start with a space
    if (size + n > limit) {
      out.push(current)
      current = ''
      size = 0
    }
    current += ch
    size += n
  }
  out.push(current)
  return out.join('\r\n ')
}

/** The VTIMEZONE for the zone: the observance in force a year before `around`, and every change until a year after. */
export function vtimezone(timeZone: string, around: Date): string[] {
  const from = new Date(around.getTime() - 366 * DAY)
  const to = new Date(around.getTime() + 366 * DAY)
  const changes = transitions(timeZone, from, to)
  const offsets = [offsetMinutes(from, timeZone), ...changes.map((c) => c.to)]
  const standard = Math.min(...offsets)
  const observance = (start: LocalTime, fromOff: number, toOff: number) => {
    const kind = toOff > standard ? 'DAYLIGHT' : 'STANDARD'
    return [
      `BEGIN:${kind}`,
      `DTSTART:${icsLocal(start)}`,
      `TZOFFSETFROM:${icsOffset(fromOff)}`,
      `TZOFFSETTO:${icsOffset(toOff)}`,
      `END:${kind}`,
    ]
  }
  const first = offsets[0]!
  // the observance already in force at the window's start (its onset: the start itself)
  const lines = [
    `BEGIN:VTIMEZONE`,
    `TZID:${timeZone}`,
    ...observance(localTime(from, timeZone), first, first),
  ]
  for (const c of changes) {
    // DTSTART of an observance is the local time of the change, read on the clock before it
    const before = new Date(c.at.getTime() + c.from * MINUTE)
    lines.push(...observance(localTime(before, 'UTC'), c.from, c.to))
  }
  lines.push('END:VTIMEZONE')
  return lines
}

export interface Attendee {
  name: string
  email: string
  role?: 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT'
}

export interface InvitationInput {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH'
  uid: string
  sequence: number
  stamp: Date
  start: Date
  end: Date
  timeZone: string
  summary: string
  description: string
  location?: string | null
  url?: string | null
  organizer: { name: string; email: string }
  attendees: readonly Attendee[]
}

/**
 * One VEVENT in a VCALENDAR: DTSTART/DTEND with TZID and the zone's VTIMEZONE (UTC when the zone
 * is UTC). METHOD:REQUEST invites (or updates, with a higher SEQUENCE); METHOD:CANCEL withdraws,
 * under the same UID. CRLF line ends, folded at 75 octets.
 */
export function buildInvitation(i: InvitationInput): string {
  const utc = i.timeZone === 'UTC'
  const when = (d: Date, name: 'DTSTART' | 'DTEND') =>
    utc ? `${name}:${icsUtc(d)}` : `${name};TZID=${i.timeZone}:${icsLocal(localTime(d, i.timeZone))}`
  const cancelled = i.method === 'CANCEL'
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Splits Network//Interviews//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${i.method}`,
    ...(utc ? [] : vtimezone(i.timeZone, i.start)),
    'BEGIN:VEVENT',
    `UID:${i.uid}`,
    `SEQUENCE:${i.sequence}`,
    `DTSTAMP:${icsUtc(i.stamp)}`,
    when(i.start, 'DTSTART'),
    when(i.end, 'DTEND'),
    `SUMMARY:${escapeText(i.summary)}`,
    `DESCRIPTION:${escapeText(i.description)}`,
    ...(i.location ? [`LOCATION:${escapeText(i.location)}`] : []),
    ...(i.url ? [`URL:${i.url.replace(/[\r\n]/g, '')}`] : []),
    `ORGANIZER;CN=${paramValue(i.organizer.name)}:mailto:${i.organizer.email}`,
    ...i.attendees.map(
      (a) =>
        `ATTENDEE;CN=${paramValue(a.name)};ROLE=${a.role ?? 'REQ-PARTICIPANT'};PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${a.email}`,
    ),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    ...(cancelled
      ? []
      : [
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${escapeText(i.summary)}`,
          'TRIGGER:-PT15M',
          'END:VALARM',
        ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

// --- reading it back (tests, and anyone checking an invitation) ---------------------------------

export interface ParsedProperty {
  name: string
  params: Record<string, string>
  value: string
}

/** Unfolds and splits an iCalendar text into properties (a minimal reader: enough to check ours). */
export function parseIcs(text: string): ParsedProperty[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '')
  return unfolded
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      // the value starts at the first colon outside a quoted parameter value
      let quoted = false
      let at = -1
      for (let k = 0; k < line.length; k++) {
        if (line[k] === '"') quoted = !quoted
        else if (line[k] === ':' && !quoted) {
          at = k
          break
        }
      }
      const [head, value] = [line.slice(0, at), line.slice(at + 1)]
      const [name, ...ps] = head.split(';')
      const params: Record<string, string> = {}
      for (const p of ps) {
        const eq = p.indexOf('=')
        params[p.slice(0, eq)] = p.slice(eq + 1).replace(/^"|"$/g, '')
      }
      return { name: name!, params, value }
    })
}

/**
 * The instant a DATE-TIME value of a parsed calendar means: UTC ("…Z"), or local in the TZID,
 * resolved through the calendar's own VTIMEZONE observances (not the runtime's tz database).
 */
export function resolveIcsTime(props: readonly ParsedProperty[], prop: ParsedProperty): Date {
  const v = prop.value
  const local = {
    year: Number(v.slice(0, 4)),
    month: Number(v.slice(4, 6)),
    day: Number(v.slice(6, 8)),
    hour: Number(v.slice(9, 11)),
    minute: Number(v.slice(11, 13)),
    second: Number(v.slice(13, 15)),
  }
  if (v.endsWith('Z')) return new Date(asUtcMs(local))
  const tzid = prop.params.TZID
  // the observances of that VTIMEZONE, in order: (onset as local time on the old clock, from, to)
  const obs: { onset: number; from: number; to: number }[] = []
  let inZone = false
  let current: Partial<{ onset: number; from: number; to: number }> = {}
  const off = (s: string) => (s[0] === '-' ? -1 : 1) * (Number(s.slice(1, 3)) * 60 + Number(s.slice(3, 5)))
  for (const p of props) {
    if (p.name === 'TZID' && !inZone) inZone = p.value === tzid
    if (!inZone) continue
    if (p.name === 'END' && p.value === 'VTIMEZONE') break
    if (p.name === 'DTSTART')
      current.onset = asUtcMs({
        year: Number(p.value.slice(0, 4)),
        month: Number(p.value.slice(4, 6)),
        day: Number(p.value.slice(6, 8)),
        hour: Number(p.value.slice(9, 11)),
        minute: Number(p.value.slice(11, 13)),
        second: Number(p.value.slice(13, 15)),
      })
    if (p.name === 'TZOFFSETFROM') current.from = off(p.value)
    if (p.name === 'TZOFFSETTO') current.to = off(p.value)
    if (p.name === 'END' && (p.value === 'STANDARD' || p.value === 'DAYLIGHT')) {
      obs.push(current as { onset: number; from: number; to: number })
      current = {}
    }
  }
  if (obs.length === 0) throw new Error(`no VTIMEZONE for ${tzid}`)
  const wall = asUtcMs(local)
  // the last observance whose onset (as a UTC instant) is not after the wall time read in its offset
  let offset = obs[0]!.to
  for (const o of obs) {
    const onsetUtc = o.onset - o.from * MINUTE
    if (wall - o.to * MINUTE >= onsetUtc) offset = o.to
  }
  return new Date(wall - offset * MINUTE)
}
