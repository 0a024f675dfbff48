import type { TFunction } from 'i18next'

// Intl formatters are costly to build, so keep one per language and style.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

export function formatDateTime(value: string | Date, lang: string): string {
  let format = dateTimeFormats.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })
    dateTimeFormats.set(lang, format)
  }
  return format.format(typeof value === 'string' ? new Date(value) : value)
}

export function formatNumber(value: number, lang: string): string {
  let format = numberFormats.get(lang)
  if (!format) {
    format = new Intl.NumberFormat(lang)
    numberFormats.set(lang, format)
  }
  return format.format(value)
}

/** +972523456789 → 052-345-6789 (how Israelis write mobile numbers); anything else unchanged. */
export function formatPhone(e164: string): string {
  if (!/^\+972\d{9}$/.test(e164)) return e164
  const national = `0${e164.slice(4)}`
  return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()

/** A date without the time: "May 4, 2027". Calendar dates (YYYY-MM-DD) are not shifted by time zone. */
export function formatDate(value: string | Date, lang: string): string {
  const calendarDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
  const key = `${lang}:${calendarDate ? 'utc' : 'local'}`
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      dateStyle: 'medium',
      ...(calendarDate ? { timeZone: 'UTC' } : {}),
    })
    dateFormats.set(key, format)
  }
  return format.format(typeof value === 'string' ? new Date(value) : value)
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
]

/** "3 days ago", "in 2 months", "now" in the page's language. */
export function formatRelative(value: string | Date, lang: string, now: number = Date.now()): string {
  let format = relativeFormats.get(lang)
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })
    relativeFormats.set(lang, format)
  }
  let amount = ((typeof value === 'string' ? Date.parse(value) : value.getTime()) - now) / 1000
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit)
    amount /= size
  }
  return format.format(Math.round(amount), 'year')
}

/** Whole days from a timestamp to now (0 on the same day). */
export function daysSince(value: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(value)) / 86_400_000))
}

/** Today's date as YYYY-MM-DD in UTC, for date inputs' defaults. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/**
 * Today's date as YYYY-MM-DD in Israel: OFAIR counts Israeli days, and between midnight in Israel
 * and midnight UTC the UTC date is still yesterday's.
 */
export function israelTodayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jerusalem',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/**
 * "splits-fee-2026.1" → "2026 fee rules, revision 1"; the fee engine's "splits-fee-2026-12" → "Fee
 * rules of December 2026" (and its settings, "splits-fee-config-2026-12"); an unknown code is named
 * as a version.
 */
export function describeFeeRules(code: string, t: TFunction, lang = 'en'): string {
  const match = /^splits-fee-(\d{4})\.(\d+)$/.exec(code)
  if (match) return t('splits.codes.feeRules', { year: match[1]!, revision: match[2]! })
  const monthly = /^splits-fee-(config-)?(\d{4})-(\d{2})$/.exec(code)
  if (monthly) {
    const month = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(monthly[2]), Number(monthly[3]) - 1, 1)),
    )
    return t(monthly[1] ? 'splits.codes.feeSettingsMonth' : 'splits.codes.feeRulesMonth', { month })
  }
  return t('splits.codes.unknownVersion', { code })
}

/** "rtr-2026-01" → "Right to represent, January 2026 version" (month in the page's language). */
export function describeConsentText(code: string, lang: string, t: TFunction): string {
  const match = /^rtr-(\d{4})-(\d{2})$/.exec(code)
  if (!match) return t('splits.codes.unknownVersion', { code })
  const month = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  )
  return t('splits.codes.consentText', { month })
}
