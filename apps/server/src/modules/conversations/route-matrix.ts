import type { RouteCase } from '../../security/route-cases.ts'

/**
 * Who may call each conversation route (see security/route-matrix.ts). Participants only: row-level
 * security hides everyone else's conversations and their files (404), proved in
 * ofair/chat/chat.int.test.ts and conversations/attachments.int.test.ts.
 */
export const conversationsRouteMatrix: Record<string, RouteCase> = {
  'GET /api/conversations': { access: 'authenticated' },
  'GET /api/conversations/:id/messages': { access: 'authenticated' },
  'POST /api/conversations/:id/messages': { access: 'authenticated' },
  'POST /api/conversations/:id/read': { access: 'authenticated' },
  'GET /api/conversations/:id/attachments/:attachmentId': { access: 'authenticated' },
  'POST /api/conversations/:id/messages/:messageId/report': { access: 'authenticated' },
  'PUT /api/conversations/:id/block': { access: 'authenticated' },
  'GET /api/conversations/socket': { access: 'authenticated' },
}
