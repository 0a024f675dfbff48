import createClient, { type Middleware } from 'openapi-fetch'
import { ApiError } from './api-error'
import { csrf } from './csrf'
import type { paths } from './schema'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const csrfHeader: Middleware = {
  onRequest({ request }) {
    const token = csrf.get()
    if (token && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', token)
  },
}

// Throwing here makes every call either resolve with data or reject with ApiError, which is the
// contract TanStack Query wants (see use-api.ts).
const problemDetails: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await ApiError.fromResponse(response)
  },
  onError({ error }) {
    if (error instanceof ApiError) return error
    // An aborted query (navigation, refetch) is not a failure to report.
    if (error instanceof DOMException && error.name === 'AbortError') return error
    return ApiError.network(error)
  },
}

/** Typed client for the server's JSON API; paths and bodies come from the generated schema.d.ts. */
export const api = createClient<paths>({ credentials: 'same-origin' })
api.use(csrfHeader, problemDetails)

export { ApiError, errorMessage, type FieldError, isAuthError, isNotFound, type Problem } from './api-error'
export { csrf } from './csrf'
