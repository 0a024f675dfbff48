import type { CrossTenantCase, MatrixContext, RouteCase } from '../../security/route-cases.ts'

/** A resume of Rachel's candidate (made once per app): another recruiter must not reach it. */
const documentIds = new WeakMap<object, Promise<string>>()
const rachelsResume = (body?: unknown): CrossTenantCase => ({
  intruder: 'third-recruiter',
  expect: 404,
  params: async (m: MatrixContext) => {
    const made =
      documentIds.get(m.ctx) ??
      (async () => {
        const { candidate } = await m.fixture()
        const form = new FormData()
        form.append('kind', 'resume')
        form.append('entity_type', 'candidate')
        form.append('entity_id', candidate)
        form.append('file', new Blob(['Resume\nSkills: TypeScript\n'], { type: 'text/plain' }), 'resume.txt')
        const res = await fetch(`${m.ctx.config.http.publicUrl}/api/documents/upload`, {
          method: 'POST',
          headers: await m.headers('recruiter'),
          body: form,
        })
        return ((await res.json()) as { id: string }).id
      })()
    documentIds.set(m.ctx, made)
    return { id: await made }
  },
  ...(body !== undefined ? { body } : {}),
})

/**
 * Who may call each document route (see security/route-matrix.ts): Splits Network members; row-level
 * security shows each document by its owning record's rules (documents.int.test.ts proves them).
 */
export const documentsRouteMatrix: Record<string, RouteCase> = {
  'POST /api/documents/upload': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/documents': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/documents/entity/:entityType/:entityId': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: {
      intruder: 'third-recruiter',
      expect: 404,
      params: async (m) => ({ entityType: 'candidate', entityId: (await m.fixture()).candidate }),
    },
  },
  'GET /api/documents/:id': { access: 'roles', wrongRole: 'candidate', crossTenant: rachelsResume() },
  'POST /api/documents/:id/attach': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: rachelsResume({
      entity_type: 'candidate',
      entity_id: '0190a0b0-0000-7000-8000-000000000001',
    }),
  },
  'DELETE /api/documents/:id': { access: 'roles', wrongRole: 'candidate', crossTenant: rachelsResume() },
  'GET /api/documents/:id/content': {
    access: 'public',
    why: 'A signed, expiring link is the permission (the API issues it only to those who may see the document).',
  },
}
