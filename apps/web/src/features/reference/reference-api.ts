import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type Reference = ResponseBody<'/api/recruiting/reference', 'get'>

export const referenceKeys = {
  all: ['recruiting', 'reference'] as const,
}

/** Vocabularies, allowed transitions and defaults; they change only with a deploy. */
export function useReference() {
  return useQuery({
    queryKey: referenceKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/recruiting/reference', { signal })),
    staleTime: Number.POSITIVE_INFINITY,
  })
}
