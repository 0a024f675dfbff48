import type { TestSession } from './sessions.ts'

export interface ApiResponse {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response fields
  body: any
  headers: Headers
}

/** A tiny JSON client for integration tests: `api(base).as(session).post('/api/roles', {...})`. */
export function apiClient(baseUrl: string, session?: TestSession) {
  const call = async (method: string, path: string, body?: unknown): Promise<ApiResponse> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(session?.headers ?? {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    delete: (path: string) => call('DELETE', path),
    as: (s: TestSession) => apiClient(baseUrl, s),
  }
}
