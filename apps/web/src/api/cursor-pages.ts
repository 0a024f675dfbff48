import { keepPreviousData } from '@tanstack/react-query'

/** The page envelope every keyset-paged list returns (see the server's kernel/http/pagination.ts). */
interface CursorPage {
  has_more: boolean
  next_cursor?: string | null
}

/**
 * The useInfiniteQuery options every "Load more" list shares: the next page starts after the
 * cursor the last page returned, and the previous rows stay on screen while a new filter loads.
 */
export const cursorPages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: CursorPage) => (last.has_more && last.next_cursor ? last.next_cursor : undefined),
  placeholderData: keepPreviousData,
}

/** The query parameter that asks for the page after `cursor` (nothing for the first page). */
export function afterCursor(cursor: string | undefined): { starting_after?: string } {
  return cursor ? { starting_after: cursor } : {}
}
