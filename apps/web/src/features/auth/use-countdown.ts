import { useCallback, useEffect, useState } from 'react'

/** Seconds left until a deadline, ticking once a second; start(n) sets a new deadline n seconds away. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [deadline, setDeadline] = useState(0)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (deadline <= Date.now()) return
    const timer = window.setInterval(() => {
      setNow(Date.now())
      if (Date.now() >= deadline) window.clearInterval(timer)
    }, 1000)
    return () => window.clearInterval(timer)
  }, [deadline])

  const start = useCallback((seconds: number) => {
    setNow(Date.now())
    setDeadline(Date.now() + seconds * 1000)
  }, [])

  return [Math.max(0, Math.ceil((deadline - now) / 1000)), start]
}
