import { access } from '../../kernel/http/access.ts'
import { PROBLEM_CONTENT_TYPE } from '../../kernel/http/problem.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'
import type { AppFastify } from '../../kernel/module.ts'
import { type OfairCaller, resolveOfairCaller } from './caller.ts'
import type { OfairDatabase } from './database.ts'
import { hebrewMessage } from './messages.ts'

/** OFAIR's route kit: handlers run on OFAIR's tables, with the caller resolved once per request. */
export const ofairRoute = moduleRoutes<OfairDatabase, OfairCaller>({
  tag: 'ofair',
  resolveCaller: (tx, principal) => resolveOfairCaller(tx, principal),
})

const MEMBERS = ['consumer', 'professional', 'ofair_admin'] as const

/** Who may call what, with the rule in words (the API reference shows it). */
export const who = {
  anyone: access.public('Anyone; no personal data.'),
  members: access.roles(MEMBERS, 'Any OFAIR member (consumer, professional or admin).'),
  consumer: access.roles(['consumer'], 'OFAIR consumers, for their own requests and profile.'),
  professional: access.roles(['professional'], 'OFAIR professionals.'),
  professionalOrAdmin: access.roles(['professional', 'ofair_admin'], 'OFAIR professionals and admins.'),
  leadPeople: access.roles(
    MEMBERS,
    'The lead’s owner, professionals (an active lead; a closed one only if they take part in it) and admins. Row-level security applies the same rule.',
  ),
  admin: access.roles(['ofair_admin'], 'OFAIR admins; each read of personal data is logged.'),
}

/**
 * Mounts OFAIR routes in a scope of their own whose problem documents always carry a Hebrew
 * `user_message`: the kernel's answers (validation, access, limits) get one from their code and
 * field; services that throw with their own message keep it.
 */
export function hebrewProblems(app: AppFastify): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type')
    if (typeof type !== 'string' || !type.startsWith(PROBLEM_CONTENT_TYPE.split(';')[0]!)) return payload
    if (typeof payload !== 'string') return payload
    try {
      const problem = JSON.parse(payload) as {
        code?: string
        user_message?: string
        errors?: { field: string; message: string }[]
      }
      if (problem.user_message || !problem.code) return payload
      return JSON.stringify({ ...problem, user_message: hebrewMessage(problem.code, problem.errors) })
    } catch {
      return payload
    }
  })
}
