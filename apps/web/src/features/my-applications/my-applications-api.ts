import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { ApiError } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { Stage } from '../applications/applications-api'

/**
 * A candidate's own application, as GET /api/me/applications will return it. That endpoint is not
 * in the server's OpenAPI document yet (the server team adds it), so it is typed here and called
 * without the generated client; `npm run api:types` will bring the real type once it exists.
 */
export interface MyApplication {
  id: string
  role_title: string
  company_name: string
  stage: Stage
  submitted_at: string
  stage_changed_at: string
}

interface MyApplicationsPage {
  data: MyApplication[]
  has_more: boolean
  next_cursor?: string | null
}

/** What the list shows: a page of applications, or "not available yet" while the endpoint is missing. */
export type MyApplicationsResult = { available: true; page: MyApplicationsPage } | { available: false }

const PAGE_SIZE = 25

async function fetchMyApplications(
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<MyApplicationsResult> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...afterCursor(cursor) })
  let response: Response
  try {
    response = await fetch(`${PATH}?${query}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw ApiError.network(cause)
  }
  // Until the server ships the endpoint it answers 404: the screen says so kindly, not as an error.
  if (response.status === 404) return { available: false }
  if (!response.ok) throw await ApiError.fromResponse(response)
  return { available: true, page: (await response.json()) as MyApplicationsPage }
}

export const myApplicationsKeys = {
  all: ['me', 'applications'] as const,
  available: ['openapi', 'me-applications'] as const,
}

const PATH = '/api/me/applications'

/**
 * Whether the server has the endpoint yet, from its OpenAPI document (asked once): calling a
 * missing route would only put a 404 in the console. If the document cannot be read, try the call.
 * Remove this probe once the server ships GET /api/me/applications.
 */
function useEndpointListed(enabled: boolean) {
  return useQuery({
    queryKey: myApplicationsKeys.available,
    queryFn: async ({ signal }) => {
      try {
        const response = await fetch('/openapi.json', { headers: { accept: 'application/json' }, signal })
        if (!response.ok) return true
        const doc = (await response.json()) as { paths?: Record<string, { get?: unknown }> }
        return Boolean(doc.paths?.[PATH]?.get)
      } catch (cause) {
        if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
        return true
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    enabled,
  })
}

/** The signed-in candidate's applications, newest first, a page at a time ("Load more"). */
export function useMyApplications(enabled = true) {
  const listed = useEndpointListed(enabled)
  const pages = useInfiniteQuery({
    queryKey: myApplicationsKeys.all,
    ...cursorPages,
    getNextPageParam: (last: MyApplicationsResult) =>
      last.available ? cursorPages.getNextPageParam(last.page) : undefined,
    queryFn: ({ pageParam, signal }) => fetchMyApplications(pageParam, signal),
    enabled: enabled && listed.data === true,
  })
  return { pages, listed: listed.isPending ? undefined : listed.data === true }
}
