import type { IdentitySchema } from '../../../kernel/db/schema/identity.ts'
import { NonRetryableJobError } from '../../../kernel/jobs/define-job.ts'
import { defineConsumer } from '../../../kernel/outbox/events.ts'
import { roleWords } from './service.ts'

/** Emails the invitee: who invited them, to what, and where to sign in to accept. */
export const invitationEmailConsumer = defineConsumer<'invitation.created', IdentitySchema>({
  name: 'identity.email_invitation',
  description: 'Email an invitation to join an organisation to the invited address',
  events: ['invitation.created'],
  handle: async (_tx, event, ctx) => {
    const d = event.data
    const base = ctx.config.http.publicUrl
    const until = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(d.expires_at),
    )
    const sent = await ctx.services.messages.send({
      channel: 'email',
      to: d.email,
      subject: `${d.invited_by_name} invited you to ${d.organization_name} on Splits Network`,
      text: [
        `Hello ${d.display_name},`,
        '',
        `${d.invited_by_name} invited you to join ${d.organization_name} as ${roleWords(d.role)}.`,
        // after signing in, the account page lists the invitation with Accept and Decline
        `Sign in with this email address to accept or decline: ${base}/sign-in?next=${encodeURIComponent('/splits/account')}`,
        '',
        `The invitation is open until ${until}. If you do not know ${d.organization_name}, ignore this email; nothing happens unless you accept.`,
      ].join('\n'),
    })
    if (!sent.ok) {
      if (!sent.retryable) throw new NonRetryableJobError(sent.error)
      throw new Error(sent.error)
    }
    return { sent: true }
  },
})
