import type { CrossTenantCase, MatrixContext, RouteCase } from '../../../security/route-cases.ts'

const made = new WeakMap<MatrixContext, Promise<string>>()

/**
 * An interview Acme proposes for Noa's open application (the fixture's recruiter submitted her to
 * the open role), made once per matrix run through the API.
 */
function acmeInterview(m: MatrixContext): Promise<string> {
  let id = made.get(m)
  if (!id) {
    id = (async () => {
      const f = await m.fixture()
      // the matrix test points the public address at the running server
      const baseUrl = m.ctx.config.http.publicUrl.replace(/\/$/, '')
      const headers = { 'content-type': 'application/json', ...(await m.headers('company-admin')) }
      const apps = (await (
        await fetch(`${baseUrl}/api/applications?role_id=${f.openRole}&stage=submitted`, { headers })
      ).json()) as { data: { id: string }[] }
      const res = await fetch(`${baseUrl}/api/interviews`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          application_id: apps.data[0]!.id,
          kind: 'video',
          duration_minutes: 30,
          time_zone: 'Europe/London',
          slots: [{ start: '2031-01-15T10:00' }],
          interviewer_user_ids: [await m.userId('hiring-manager')],
        }),
      })
      return ((await res.json()) as { id: string }).id
    })()
    made.set(m, id)
  }
  return id
}

const intruder = (who: 'third-recruiter' | 'other-company-admin', body?: unknown): CrossTenantCase => ({
  intruder: who,
  params: async (m) => ({ id: await acmeInterview(m) }),
  expect: 404,
  ...(body !== undefined ? { body } : {}),
})

/** Who may call each interview route (composed into recruiting's matrix). */
export const interviewRouteMatrix: Record<string, RouteCase> = {
  'POST /api/interviews': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/interviews': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: { intruder: 'third-recruiter', params: async () => ({}), expect: 'empty-list' },
  },
  'GET /api/interviews/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: intruder('third-recruiter'),
  },
  'POST /api/interviews/:id/confirm': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: intruder('third-recruiter', { slot_id: '01890000-0000-7000-8000-000000000000' }),
  },
  'POST /api/interviews/:id/decline': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: intruder('third-recruiter', { note: 'not mine' }),
  },
  'POST /api/interviews/:id/reschedule': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: intruder('other-company-admin', { slots: [{ start: '2031-01-16T10:00' }] }),
  },
  'POST /api/interviews/:id/cancel': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: intruder('other-company-admin', { reason: 'not ours' }),
  },
  'POST /api/interviews/:id/complete': {
    access: 'roles',
    wrongRole: 'recruiter',
    crossTenant: intruder('other-company-admin', {}),
  },
  'GET /api/interviews/:id/invite.ics': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: intruder('other-company-admin'),
  },
}
