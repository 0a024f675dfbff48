import { invalid } from '../../kernel/errors.ts'

/** The periods a home offers; a custom range is `from`/`to` instead. */
export const HOME_PERIODS = ['30d', '90d', '12m', 'ytd'] as const
export type HomePeriod = (typeof HOME_PERIODS)[number]

export interface HomeWindow {
  key: HomePeriod | 'custom'
  /** [from, to): the period shown. */
  from: Date
  to: Date
  /** [prevFrom, prevTo): the period it is compared with. */
  prevFrom: Date
  prevTo: Date
  bucket: 'week' | 'month'
  /** Every bucket's first day (YYYY-MM-DD, UTC), oldest first: charts show empty weeks too. */
  buckets: string[]
}

const DAY = 86_400_000
const MAX_CUSTOM_DAYS = 366 * 3
const EPOCH = new Date(0)
const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
const addMonths = (d: Date, n: number) =>
  new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + n,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  )

/**
 * The window of a home, in UTC. 30 and 90 days end now and are compared with the same length just
 * before; 12 months and the year to date are compared with the same span a year earlier (so a
 * seasonal business compares like with like). A custom range covers whole days, `to` included.
 */
export function homeWindow(
  now: Date,
  q: { period?: HomePeriod | undefined; from?: string | undefined; to?: string | undefined },
): HomeWindow {
  if (q.from !== undefined || q.to !== undefined) {
    if (q.period !== undefined) throw invalid('querystring.period', 'give either period or from/to, not both')
    if (q.from === undefined) throw invalid('querystring.from', 'is required with to')
    if (q.to === undefined) throw invalid('querystring.to', 'is required with from')
    const from = new Date(`${q.from}T00:00:00Z`)
    const to = new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY)
    if (Number.isNaN(from.getTime())) throw invalid('querystring.from', 'must be a date (YYYY-MM-DD)')
    if (Number.isNaN(to.getTime())) throw invalid('querystring.to', 'must be a date (YYYY-MM-DD)')
    // a period that has not begun has nothing to show (and 9999-12-31's day after is no date)
    if (from > utcDay(now)) throw invalid('querystring.from', 'must not be after today')
    if (from < EPOCH) throw invalid('querystring.from', 'must be on or after 1970-01-01')
    if (to <= from) throw invalid('querystring.to', 'must not be before from')
    if (to.getTime() - from.getTime() > MAX_CUSTOM_DAYS * DAY)
      throw invalid('querystring.to', 'the range may span at most 3 years')
    const span = to.getTime() - from.getTime()
    const bucket = span <= 120 * DAY ? 'week' : 'month'
    return finish('custom', from, to, new Date(from.getTime() - span), from, bucket)
  }
  const key = q.period ?? '30d'
  switch (key) {
    case '30d':
    case '90d': {
      const days = key === '30d' ? 30 : 90
      const from = new Date(now.getTime() - days * DAY)
      return finish(key, from, now, new Date(from.getTime() - days * DAY), from, 'week')
    }
    case '12m': {
      const from = addMonths(now, -12)
      return finish(key, from, now, addMonths(from, -12), from, 'month')
    }
    case 'ytd': {
      // the year of the last moment before now: at midnight on 1 January it is the year just ended
      // (an empty period has nothing to show and no buckets)
      const from = new Date(Date.UTC(new Date(now.getTime() - 1).getUTCFullYear(), 0, 1))
      return finish(key, from, now, addMonths(from, -12), addMonths(now, -12), 'month')
    }
  }
}

function finish(
  key: HomeWindow['key'],
  from: Date,
  to: Date,
  prevFrom: Date,
  prevTo: Date,
  bucket: 'week' | 'month',
): HomeWindow {
  return { key, from, to, prevFrom, prevTo, bucket, buckets: bucketsOf(from, to, bucket) }
}

/** The first day of each week (Monday) or month touching [from, to), as PostgreSQL's date_trunc names them. */
export function bucketsOf(from: Date, to: Date, bucket: 'week' | 'month'): string[] {
  let d = utcDay(from)
  if (bucket === 'week') d = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY)
  else d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
  const out: string[] = []
  while (d < to) {
    out.push(d.toISOString().slice(0, 10))
    d =
      bucket === 'week'
        ? new Date(d.getTime() + 7 * DAY)
        : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
  }
  return out
}
