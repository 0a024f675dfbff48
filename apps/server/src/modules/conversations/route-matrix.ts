import { randomUUID } from 'node:crypto'
import type { CrossTenantCase, MatrixContext, PersonaKey, RouteCase } from '../../security/route-cases.ts'

/**
 * Who may call each conversation route (see security/route-matrix.ts). Participants only: row-level
 * security hides everyone else's conversations and their files (404), proved here on the fixture's
 * Acme application thread (another company's admin, another recruiter) and in
 * ofair/chat/chat.int.test.ts and conversations/attachments.int.test.ts.
 */
const threads = new WeakMap<object, Promise<{ id: string; messageId: string }>>()

/** The conversation of Acme's application, with a message in it from its recruiter (made once). */
function acmeThread(m: MatrixContext) {
  let thread = threads.get(m.ctx)
  if (!thread) {
    thread = (async () => {
      const f = await m.fixture()
      const url = `${m.ctx.config.http.publicUrl}/api/applications/${f.application}/messages`
      const headers = { ...(await m.headers('recruiter')), 'content-type': 'application/json' }
      const sent = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ text: 'For the team' }),
      })
      const message = (await sent.json()) as { id: string; conversation_id: string }
      if (sent.status !== 201) throw new Error(`matrix: the Acme thread: ${sent.status}`)
      return { id: message.conversation_id, messageId: message.id }
    })()
    threads.set(m.ctx, thread)
  }
  return thread
}

const outsider = (intruder: PersonaKey, body?: unknown): CrossTenantCase => ({
  intruder,
  params: async (m) => {
    const t = await acmeThread(m)
    return { id: t.id, messageId: t.messageId, attachmentId: randomUUID() }
  },
  expect: 404,
  ...(body !== undefined ? { body } : {}),
})

export const conversationsRouteMatrix: Record<string, RouteCase> = {
  'GET /api/conversations': { access: 'authenticated' },
  'GET /api/conversations/:id/messages': {
    access: 'authenticated',
    crossTenant: outsider('other-company-admin'),
  },
  'POST /api/conversations/:id/messages': {
    access: 'authenticated',
    crossTenant: outsider('third-recruiter', { text: 'let me in' }),
  },
  'POST /api/conversations/:id/read': {
    access: 'authenticated',
    crossTenant: outsider('other-company-admin', { message_id: randomUUID() }),
  },
  'GET /api/conversations/:id/attachments/:attachmentId': {
    access: 'authenticated',
    crossTenant: outsider('third-recruiter'),
  },
  'POST /api/conversations/:id/messages/:messageId/report': {
    access: 'authenticated',
    crossTenant: outsider('other-company-admin', { reason: 'spam' }),
  },
  'PUT /api/conversations/:id/block': {
    access: 'authenticated',
    crossTenant: outsider('third-recruiter', { blocked: true }),
  },
  'GET /api/conversations/socket': { access: 'authenticated' },
}
