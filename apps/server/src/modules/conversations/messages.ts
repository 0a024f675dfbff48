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
    attachments_not_allowed: 'בשיחה הזאת אפשר לשלוח טקסט בלבד, בלי קבצים.',
    attachment_not_yours: 'אפשר לצרף רק קובץ שהעליתם בעצמכם ועוד לא נשלח.',
    attachment_not_ready: 'הקובץ עדיין בבדיקה. נסו שוב בעוד רגע.',
    attachment_failed: 'הקובץ לא עבר את הבדיקות (למשל PDF מוצפן או פגום).',
    attachment_too_large: 'הקובץ גדול מ-10 MB.',
    attachment_type_not_allowed: 'אפשר לשלוח רק קובצי PDF, Word ‏(DOCX), PNG ו-JPEG.',
    attachment_already_used: 'הקובץ כבר נשלח או נמחק.',
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
    attachments_not_allowed: 'Files cannot be sent in this conversation.',
    attachment_not_yours: 'Only a file you uploaded yourself and have not sent yet can be attached.',
    attachment_not_ready: 'The file is still being checked. Try again in a moment.',
    attachment_failed: 'The file did not pass our checks (for example an encrypted or damaged PDF).',
    attachment_too_large: 'The file is larger than 10 MB.',
    attachment_type_not_allowed: 'Only PDF, Word (DOCX), PNG and JPEG files can be sent.',
    attachment_already_used: 'The file was already sent or deleted.',
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
