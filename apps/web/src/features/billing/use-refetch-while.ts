import { useEffect, useRef } from 'react'

/**
 * Asks again every `everyMs` while `waiting` holds, at most `times` times: for money that a
 * background step books right after a change (a new statement after a split is agreed, refunds
 * after a fall-off). The count starts again when `waiting` turns false.
 */
export function useRefetchWhile(waiting: boolean, refetch: () => unknown, everyMs = 2_000, times = 30) {
  const count = useRef(0)
  const latest = useRef(refetch)
  latest.current = refetch
  useEffect(() => {
    if (!waiting) {
      count.current = 0
      return
    }
    const timer = setInterval(() => {
      if (count.current >= times) return clearInterval(timer)
      count.current++
      latest.current()
    }, everyMs)
    return () => clearInterval(timer)
  }, [waiting, everyMs, times])
}
