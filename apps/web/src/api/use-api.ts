/**
 * How screens talk to the API:
 *
 *   const jobs = useQuery({
 *     queryKey: ['admin', 'jobs'],
 *     queryFn: ({ signal }) => unwrap(api.GET('/api/admin/jobs', { signal })),
 *   })
 *
 * Wrap such hooks per feature (features/<area>/<area>-api.ts) with a query-key factory, and
 * invalidate those keys from mutations. Errors are always ApiError; render them with <ErrorAlert>.
 */

interface FetchResult<T> {
  data?: T
  response: Response
}

/** Resolves to the response body; failures already rejected with ApiError in the client middleware. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data } = await call
  return data as T
}
