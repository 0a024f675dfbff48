import { PROBLEM_CONTENT_TYPE } from '../../kernel/http/problem.ts'
import type { AppFastify } from '../../kernel/module.ts'

/**
 * What people read when a chat action is refused, in Hebrew (OFAIR, right to left) or English
 * (the request's Accept-Language). Generic words: no marketplace's vocabulary.
 */
const MESSAGES: Record<'he' | 'en', Record<string, string>> = {
  he: {
    validation_failed: 'ההודעה אינה תקינה: עד 2,000 תווים, טקסט בלבד.',
    not_found: 'השיחה לא נמצאה, או שאינכם משתתפים בה.',
    not_a_participant: 'רק המשתתפים בשיחה יכולים לעשות זאת.',
    conversation_blocked: 'השיחה חסומה: אחד המשתתפים חסם אותה, ולא ניתן לשלוח בה הודעות.',
    rate_limited: 'שלחתם הרבה הודעות ברצף. המתינו כמה שניות ונסו שוב.',
    unauthenticated: 'צריך להתחבר כדי להמשיך.',
    forbidden: 'אין לחשבון שלכם הרשאה לפעולה הזאת.',
    csrf_failed: 'צריך לרענן את הדף ולנסות שוב.',
    payload_too_large: 'ההודעה ארוכה מדי.',
    default: 'לא ניתן לבצע את הפעולה כרגע.',
  },
  en: {
    validation_failed:
      'The message is not valid: plain text up to 2,000 characters (HTML tags are not allowed).',
    not_found: 'No such conversation, or you do not take part in it.',
    not_a_participant: 'Only the conversation’s participants can do this.',
    conversation_blocked: 'This conversation is blocked: a participant blocked it, so no one can write.',
    rate_limited: 'You sent many messages in a row. Wait a few seconds and try again.',
    unauthenticated: 'Sign in to continue.',
    forbidden: 'Your account may not do this.',
    csrf_failed: 'Reload the page and try again.',
    payload_too_large: 'The message is too long.',
    default: 'This cannot be done right now.',
  },
}

export function conversationMessage(code: string, locale: 'he' | 'en' = 'he'): string {
  const table = MESSAGES[locale]
  return table[code] ?? table.default!
}

/** Hebrew unless the caller prefers English. */
export function localeOf(acceptLanguage: string | undefined): 'he' | 'en' {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'he'
}

/** Every problem of the conversation routes carries a `user_message` people can read. */
export function userMessages(app: AppFastify): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = reply.getHeader('content-type')
    if (typeof type !== 'string' || !type.startsWith(PROBLEM_CONTENT_TYPE.split(';')[0]!)) return payload
    if (typeof payload !== 'string') return payload
    try {
      const problem = JSON.parse(payload) as { code?: string; user_message?: string }
      if (problem.user_message || !problem.code) return payload
      const locale = localeOf(request.headers['accept-language'])
      return JSON.stringify({ ...problem, user_message: conversationMessage(problem.code, locale) })
    } catch {
      return payload
    }
  })
}
