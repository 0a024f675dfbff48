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
