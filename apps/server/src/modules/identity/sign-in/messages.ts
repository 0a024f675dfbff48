import type { OutboundMessage } from '../../notifications/index.ts'
import type { Marketplace } from '../sessions/service.ts'

/** What OFAIR people read when a sign-in step fails (problem documents' `user_message`). */
export const hebrew = {
  invalidPhone: 'מספר הטלפון אינו מספר נייד ישראלי תקין. נסו למשל 050-123-4567.',
  rateLimited: (wait: string) => `נשלחו יותר מדי קודים למספר הזה. אפשר לבקש קוד חדש בעוד ${wait}.`,
  addressRateLimited: (wait: string) =>
    `התקבלו יותר מדי בקשות כניסה מהרשת או מהמכשיר הזה. אפשר לנסות שוב בעוד ${wait}.`,
  sendFailed: 'לא הצלחנו לשלוח את הקוד כרגע. נסו שוב בעוד דקה.',
  codeInvalid: 'הקוד שגוי. בדקו את ההודעה ונסו שוב.',
  codeExpired: 'תוקף הקוד פג. בקשו קוד חדש.',
  tooManyAttempts: 'הוזנו יותר מדי קודים שגויים. בקשו קוד חדש.',
  codeUsed: 'כבר השתמשו בקוד הזה. בקשו קוד חדש.',
  suspended: 'החשבון מושעה. פנו לתמיכה.',
}

/** A wait in words: 45 seconds, 12 minutes, 3 hours (Hebrew on OFAIR). */
export function waitText(seconds: number, marketplace: Marketplace): string {
  if (marketplace === 'ofair') {
    if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} שניות`
    if (seconds < 5400) return `${Math.ceil(seconds / 60)} דקות`
    return `${Math.ceil(seconds / 3600)} שעות`
  }
  if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} seconds`
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} minutes`
  return `${Math.ceil(seconds / 3600)} hours`
}

/** The texts people receive when they sign in: English email for Splits Network, Hebrew SMS for OFAIR. */
export function signInEmail(input: {
  to: string
  code: string
  link: string
  minutes: number
}): OutboundMessage {
  return {
    channel: 'email',
    to: input.to,
    subject: `Your Splits Network sign-in code: ${input.code}`,
    text: [
      `Your sign-in code is ${input.code}.`,
      '',
      `Or open this link to sign in: ${input.link}`,
      '',
      `The code and the link work once and expire in ${input.minutes} minutes.`,
      'If you did not ask to sign in, ignore this email; nobody can sign in without it.',
    ].join('\n'),
    html: `<p>Your sign-in code is <strong style="font-size:20px;letter-spacing:2px">${input.code}</strong>.</p>
<p><a href="${input.link}">Sign in to Splits Network</a></p>
<p style="color:#666">The code and the link work once and expire in ${input.minutes} minutes. If you did not ask to sign in, ignore this email.</p>`,
  }
}

export function signInSms(input: {
  to: string
  code: string
  minutes: number
  channel: 'sms' | 'whatsapp'
}): OutboundMessage {
  return {
    channel: input.channel,
    to: input.to,
    text: `קוד הכניסה שלך ל-OFAIR: ${input.code}. הקוד תקף ל-${input.minutes} דקות. אין למסור אותו לאף אחד.`,
  }
}
