import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { deserializeState, type State, serializeState } from './state.ts'

export function loadState(file: string): State | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  return deserializeState(text)
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function saveState(file: string, state: State): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, serializeState(state))
  renameSync(tmp, file)
}

/** Coalesces bursts of changes into one write after `delayMs`. */
export function debouncedSaver(file: string, getState: () => State, delayMs = 200) {
  let timer: NodeJS.Timeout | null = null
  let closed = false
  return {
    schedule(): void {
      if (timer || closed) return
      timer = setTimeout(() => {
        timer = null
        saveState(file, getState())
      }, delayMs)
      timer.unref()
    },
    /** Writes now; with `close`, later changes (a request still finishing) are not written. */
    flush(close = false): void {
      if (timer) clearTimeout(timer)
      timer = null
      if (!closed) saveState(file, getState())
      closed ||= close
    },
  }
}
