import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildInvitation,
  canonicalTimeZone,
  foldLine,
  localTime,
  offsetMinutes,
  parseIcs,
  parseLocal,
  resolveIcsTime,
  transitions,
  zonedToInstant,
} from './ics.ts'

const ZONES = [
  'Asia/Jerusalem',
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
]
const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2032, 0, 1) / 60_000 })
  .map((m) => new Date(m * 60_000))

const invitation = (
  start: Date,
  timeZone: string,
  over: Partial<Parameters<typeof buildInvitation>[0]> = {},
) =>
  buildInvitation({
    method: 'REQUEST',
    uid: 'interview-1@splits.test',
    sequence: 0,
    stamp: new Date('2026-01-01T00:00:00Z'),
    start,
    end: new Date(start.getTime() + 45 * 60_000),
    timeZone,
    summary: 'Interview',
    description: 'Hello',
    organizer: { name: 'Acme via Splits Network', email: 'no-reply@splits.test' },
    attendees: [{ name: 'Dana', email: 'dana@acme.test' }],
    ...over,
  })

const eventProp = (text: string, name: string) => {
  const all = parseIcs(text)
  const from = all.findIndex((p) => p.name === 'BEGIN' && p.value === 'VEVENT')
  return { all, prop: all.slice(from).find((p) => p.name === name)! }
}

describe('time zones', () => {
  it('names: IANA zones yes, offsets and inventions no', () => {
    expect(canonicalTimeZone('Asia/Jerusalem')).toBe('Asia/Jerusalem')
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires')
    expect(canonicalTimeZone('UTC')).toBe('UTC')
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata')
    expect(canonicalTimeZone('asia/jerusalem')).toBe('Asia/Jerusalem')
    for (const bad of ['Mars/Base', '+03:00', '', 'Asia', 'Asia/Jerusalem; DROP', 'a/'.repeat(40)]) {
      expect(canonicalTimeZone(bad)).toBeNull()
    }
  })

  it('clock changes: the gap does not exist, the overlap is its first occurrence', () => {
    const l = (s: string) => parseLocal(s)!
    // Israel, Friday 27 March 2026 02:00 → 03:00; Sunday 25 October 2026 02:00 → 01:00
    expect(zonedToInstant(l('2026-03-27T02:30'), 'Asia/Jerusalem')).toBeNull()
    expect(zonedToInstant(l('2026-03-27T03:00'), 'Asia/Jerusalem')?.toISOString()).toBe(
      '2026-03-27T00:00:00.000Z',
    )
    expect(zonedToInstant(l('2026-10-25T01:30'), 'Asia/Jerusalem')?.toISOString()).toBe(
      '2026-10-24T22:30:00.000Z',
    )
    // New York, 8 March 2026 02:00 → 03:00; 1 November 2026 02:00 → 01:00
    expect(zonedToInstant(l('2026-03-08T02:15'), 'America/New_York')).toBeNull()
    expect(zonedToInstant(l('2026-11-01T01:30'), 'America/New_York')?.toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    )
    // London, 29 March 2026 01:00 → 02:00; 25 October 2026 02:00 → 01:00
    expect(zonedToInstant(l('2026-03-29T01:30'), 'Europe/London')).toBeNull()
    expect(zonedToInstant(l('2026-10-25T01:30'), 'Europe/London')?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    )
    expect(parseLocal('2026-02-30T10:00')).toBeNull()
    expect(parseLocal('2026-02-03T24:00')).toBeNull()
  })

  it('finds each transition to the minute', () => {
    const t = transitions(
      'Asia/Jerusalem',
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    )
    expect(t.map((x) => [x.at.toISOString(), x.from, x.to])).toEqual([
      ['2026-03-27T00:00:00.000Z', 120, 180],
      ['2026-10-24T23:00:00.000Z', 180, 120],
    ])
    expect(
      transitions('Asia/Tokyo', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')),
    ).toEqual([])
  })

  it('property: a wall time read at an instant maps back to that instant (or, in an overlap, to its first occurrence)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (t, zone) => {
        const back = zonedToInstant(localTime(t, zone), zone)!
        expect(back).not.toBeNull()
        expect(back.getTime()).toBeLessThanOrEqual(t.getTime())
        expect(localTime(back, zone)).toEqual(localTime(t, zone))
        if (back.getTime() !== t.getTime()) {
          // only in an overlap: the offset differs by the change between the two
          expect(offsetMinutes(back, zone)).not.toBe(offsetMinutes(t, zone))
        }
      }),
      { numRuns: 400 },
    )
  })
})

describe('iCalendar', () => {
  it('property: DTSTART and DTEND read back through the calendar’s own VTIMEZONE are the instants', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (start, zone) => {
        const text = invitation(start, zone)
        const { all, prop } = eventProp(text, 'DTSTART')
        expect(resolveIcsTime(all, prop).toISOString()).toBe(start.toISOString())
        const end = eventProp(text, 'DTEND')
        expect(resolveIcsTime(all, end.prop).getTime()).toBe(start.getTime() + 45 * 60_000)
        if (zone === 'UTC') expect(prop.value.endsWith('Z')).toBe(true)
        else expect(prop.params.TZID).toBe(zone)
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it('around DST changes in Jerusalem, New York and London', () => {
    for (const [zone, iso, local] of [
      ['Asia/Jerusalem', '2026-03-27T07:00:00Z', '20260327T100000'], // the day clocks went forward
      ['Asia/Jerusalem', '2026-03-26T08:00:00Z', '20260326T100000'], // the day before (UTC+2)
      ['Asia/Jerusalem', '2026-10-25T08:00:00Z', '20261025T100000'], // the day clocks went back
      ['America/New_York', '2026-03-08T14:00:00Z', '20260308T100000'],
      ['America/New_York', '2026-11-01T15:00:00Z', '20261101T100000'],
      ['Europe/London', '2026-03-29T09:00:00Z', '20260329T100000'],
      ['Europe/London', '2026-10-25T10:00:00Z', '20261025T100000'],
    ] as const) {
      const text = invitation(new Date(iso), zone)
      const { all, prop } = eventProp(text, 'DTSTART')
      expect(prop.value).toBe(local)
      expect(resolveIcsTime(all, prop).toISOString()).toBe(new Date(iso).toISOString())
      expect(text).toContain(`TZID:${zone}`)
      expect(text).toMatch(/BEGIN:DAYLIGHT[\s\S]*END:DAYLIGHT/)
    }
  })

  it('is well formed: CRLF, folded at 75 octets without splitting characters, text escaped', () => {
    const text = invitation(new Date('2026-06-01T07:00:00Z'), 'Asia/Jerusalem', {
      summary: 'ראיון: דנה כהן – מהנדסת, בכירה; שלב 2',
      description: `Line one\nLine two, with; specials \\ and a long tail ${'x'.repeat(200)}`,
      method: 'CANCEL',
      sequence: 3,
    })
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    const all = parseIcs(text)
    const get = (n: string) => all.find((p) => p.name === n)?.value
    expect(get('METHOD')).toBe('CANCEL')
    expect(get('STATUS')).toBe('CANCELLED')
    expect(get('SEQUENCE')).toBe('3')
    expect(get('SUMMARY')).toBe('ראיון: דנה כהן – מהנדסת\\, בכירה\\; שלב 2')
    expect(get('DESCRIPTION')).toContain('Line one\\nLine two\\, with\\; specials \\\\ and')
    expect(text).not.toContain('BEGIN:VALARM')
  })

  it('property: folding never splits a character and unfolds to the line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `DESCRIPTION:${s.replace(/[\r\n]/g, '')}`
        const folded = foldLine(line)
        for (const part of folded.split('\r\n'))
          expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75)
        expect(folded.replace(/\r\n /g, '')).toBe(line)
      }),
    )
  })
})
