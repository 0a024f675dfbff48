/**
 * A period [from, to) cut into the whole UTC days a daily summary table answers and the partial
 * days at its ends, which are read from the raw rows: together exactly the period, nothing twice.
 * Daily summaries (`ats.placement_days`, `billing.takings_days`) are read this way, so a period
 * that starts or ends mid-day (30 days ending now) gives the same figure as the raw rows.
 */
export interface DaySplit {
  /** Whole days [dayFrom, dayTo), as YYYY-MM-DD (UTC); empty when equal. */
  dayFrom: string
  dayTo: string
  /** The partial day at the start, [headFrom, headTo); empty when equal. */
  headFrom: Date
  headTo: Date
  /** The partial day at the end, [tailFrom, tailTo); empty when equal. */
  tailFrom: Date
  tailTo: Date
}

const DAY = 86_400_000
const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY) * DAY)
const ceilDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY) * DAY)
const ymd = (d: Date) => d.toISOString().slice(0, 10)

export function splitDays(from: Date, to: Date): DaySplit {
  const first = ceilDay(from)
  const last = floorDay(to)
  if (first < last)
    return {
      dayFrom: ymd(first),
      dayTo: ymd(last),
      headFrom: from,
      headTo: first,
      tailFrom: last,
      tailTo: to,
    }
  // no whole day inside: the raw rows answer the whole period
  return { dayFrom: ymd(first), dayTo: ymd(first), headFrom: from, headTo: to, tailFrom: to, tailTo: to }
}
