import { Writable } from 'node:stream'
import pino from 'pino'
import type { Logger } from '../../../apps/server/src/kernel/logger.ts'

/** A JSON logger whose lines the test can read, e.g. to prove secrets never reach the logs. */
export function captureLogger(level = 'debug'): { log: Logger; lines: string[]; text: () => string } {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk))
      callback()
    },
  })
  return { log: pino({ level }, stream), lines, text: () => lines.join('') }
}
