import { Readable } from 'node:stream'

/**
 * CSV for spreadsheets (RFC 4180, CRLF, a BOM so Excel reads the Hebrew as UTF-8). A cell that a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return before
 * one; a plain number such as -12.50 excepted) gets a leading apostrophe and is quoted; quotes are doubled; a cell with a comma, quote or
 * line break is quoted.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let s = value instanceof Date ? value.toISOString() : String(value)
  // a plain number ("-12.50") is data, not a formula
  const formula = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)
  if (formula) s = `'${s}`
  return formula || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

export const CSV_BOM = '\uFEFF'

/**
 * A CSV body read a batch at a time: `next(after)` returns the next rows after the cursor (in a
 * short transaction of its own) and the cursor of the last one, or null at the end. Memory stays
 * one batch whatever the number of rows.
 */
export function csvStream<C>(
  header: readonly string[],
  next: (after: C | null) => Promise<{ lines: string[]; cursor: C | null }>,
): Readable {
  return Readable.from(
    (async function* () {
      yield CSV_BOM + csvLine(header)
      let cursor: C | null = null
      for (;;) {
        const batch = await next(cursor)
        if (batch.lines.length > 0) yield batch.lines.join('')
        if (batch.cursor === null) return
        cursor = batch.cursor
      }
    })(),
  )
}

/** Shekels from agorot for a spreadsheet: "1234.50". */
export function shekelsCell(minor: bigint | null | undefined): string {
  if (minor === null || minor === undefined) return ''
  const sign = minor < 0n ? '-' : ''
  const abs = minor < 0n ? -minor : minor
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`
}
