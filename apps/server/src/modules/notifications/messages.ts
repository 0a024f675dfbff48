import { registeredRoles } from '../../kernel/http/access.ts'
import { PROBLEM_CONTENT_TYPE } from '../../kernel/http/problem.ts'
import type { AppFastify } from '../../kernel/module.ts'

/**
 * Hebrew for people of a Hebrew marketplace (OFAIR): their problem documents from these routes
 * carry a `user_message`, as OFAIR's own routes do. Which marketplace a role belongs to is the
 * role catalogue's fact; the words for notifications' refusals are ours.
 */
const HEBREW: Record<string, string> = {
  unknown_channel: 'ערוץ ההתראה אינו מוכר. אפשר לבחור: באפליקציה, דוא״ל, SMS, WhatsApp או התראות דחיפה.',
  unknown_notice_kind: 'סוג ההתראה אינו מוכר או שאינו רלוונטי לחשבון שלכם.',
  push_not_configured: 'התראות דחיפה אינן זמינות כרגע.',
  invalid_unsubscribe_token: 'הקישור להסרה מרשימת הדיוור אינו תקין.',
  validation_failed: 'חלק מהפרטים שנשלחו אינם תקינים. בדקו ונסו שוב.',
  malformed_json: 'הבקשה לא נשלחה כראוי. נסו שוב.',
  unauthenticated: 'צריך להתחבר כדי להמשיך.',
  session_expired: 'תוקף הכניסה פג. התחברו שוב.',
  forbidden: 'אין לחשבון שלכם הרשאה לפעולה הזאת.',
  csrf_failed: 'צריך לרענן את הדף ולנסות שוב.',
  not_found: 'לא מצאנו את מה שחיפשתם. ייתכן שהוסר.',
  rate_limited: 'יותר מדי ניסיונות. המתינו מעט ונסו שוב.',
  payload_too_large: 'מה ששלחתם גדול מדי.',
}
const FIELDS: Record<string, string> = {
  quiet_hours: 'שעות שקטות',
  start: 'שעת התחלה',
  end: 'שעת סיום',
  marketing_opt_in: 'הסכמה לדיוור',
  endpoint: 'כתובת ההתראות של הדפדפן',
  event_type: 'סוג ההתראה',
  channels: 'ערוצים',
}

export function hebrewNotificationMessage(code: string, errors?: { field: string }[]): string {
  if (code === 'validation_failed' && errors?.length) {
    // the most specific part that has a name (quiet_hours.start → "start time")
    const field = errors[0]!.field
      .split(/[.[\]]/)
      .reverse()
      .find((part) => FIELDS[part])
    if (field) return `השדה "${FIELDS[field]}" אינו תקין. בדקו ונסו שוב.`
  }
  return HEBREW[code] ?? 'לא ניתן לבצע את הבקשה כפי שהיא.'
}

/** Adds the Hebrew `user_message` to problems answered to people of a Hebrew marketplace. */
export function hebrewForOfair(app: AppFastify): void {
  const hebrewRoles = new Set(
    registeredRoles()
      .filter((r) => r.marketplace === 'ofair')
      .map((r) => r.role as string),
  )
  app.addHook('onSend', async (request, reply, payload) => {
    const roles = (request as { principal?: { roles?: readonly string[] } | null }).principal?.roles ?? []
    const hebrew =
      roles.some((r) => hebrewRoles.has(r)) || /^he\b/i.test(String(request.headers['accept-language'] ?? ''))
    if (!hebrew) return payload
    const type = reply.getHeader('content-type')
    if (typeof type !== 'string' || !type.startsWith(PROBLEM_CONTENT_TYPE.split(';')[0]!)) return payload
    if (typeof payload !== 'string') return payload
    try {
      const problem = JSON.parse(payload) as {
        code?: string
        user_message?: string
        errors?: { field: string }[]
      }
      if (problem.user_message || !problem.code) return payload
      return JSON.stringify({
        ...problem,
        user_message: hebrewNotificationMessage(problem.code, problem.errors),
      })
    } catch {
      return payload
    }
  })
}
