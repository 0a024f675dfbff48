import type { paths } from './schema'

type JsonBody<R> = R extends { content: { 'application/json': infer Body } } ? Body : never

/** The 200 JSON body of an endpoint, e.g. ResponseBody<'/api/admin/jobs', 'get'>. */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: infer R }
}
  ? JsonBody<R>
  : never
