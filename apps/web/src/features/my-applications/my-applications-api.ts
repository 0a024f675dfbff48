import { useInfiniteQuery } from '@tanstack/react-query'
import { ApiError } from '../../api/client'
import { afterCursor, cursorPages } from '../../api/cursor-pages'
import type { Stage } from '../applications/applications-api'

/** A candidate's own application, as GET /api/me/applications returns it (read-only). */
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
  if (!response.ok) throw await ApiError.fromResponse(response)
  return { available: true, page: (await response.json()) as MyApplicationsPage }
}

export const myApplicationsKeys = {
  all: ['me', 'applications'] as const,
}

const PATH = '/api/me/applications'

/** The signed-in candidate's applications, newest first, a page at a time ("Load more"). */
export function useMyApplications(enabled = true) {
  const pages = useInfiniteQuery({
    queryKey: myApplicationsKeys.all,
    ...cursorPages,
    getNextPageParam: (last: MyApplicationsResult) =>
      last.available ? cursorPages.getNextPageParam(last.page) : undefined,
    queryFn: ({ pageParam, signal }) => fetchMyApplications(pageParam, signal),
    enabled,
  })
  return { pages, listed: true as boolean | undefined }
}
