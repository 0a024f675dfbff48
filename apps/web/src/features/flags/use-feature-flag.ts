import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { flagKeys } from './flags-api'

/** The caller's client-visible flags (GET /api/flags), read once and shared by every hook. */
export function useEvaluatedFlags() {
  return useQuery({
    queryKey: flagKeys.evaluated,
    queryFn: ({ signal }) => unwrap(api.GET('/api/flags', { signal })),
    staleTime: 60_000,
  })
}

/**
 * Whether a client-visible boolean flag is on for the signed-in person; `fallback` while the
 * flags load or when the flag is unknown (or not client-visible).
 */
export function useFeatureFlag(key: string, fallback = false): boolean {
  const flags = useEvaluatedFlags()
  const value = flags.data?.flags[key]?.value
  return typeof value === 'boolean' ? value : fallback
}

/** A client-visible variant flag's variant name, or `fallback`. */
export function useFlagVariant(key: string, fallback: string): string {
  const flags = useEvaluatedFlags()
  return flags.data?.flags[key]?.variant ?? fallback
}
