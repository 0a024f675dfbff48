import type { OutboundMessage } from '../../notifications/index.ts'

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
