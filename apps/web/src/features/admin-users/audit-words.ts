import type { TFunction } from 'i18next'
import { roleLabelKey } from '../../components/role-badge'
import { ROLES, type Role } from '../../lib/roles'
import type { AuditEntry } from './users-api'

export type AuditTone = 'red' | 'teal' | 'blue' | 'orange' | 'gray'

export interface AuditWords {
  /** What happened, as a sentence. */
  text: string
  tone: AuditTone
  /** Set for actions this screen has no words for: the raw change, for support. */
  raw?: { before: unknown; after: unknown }
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The recorded change in words a person reads ("Suspended: spam reports"), not the stored codes. */
export function auditWords(entry: AuditEntry, t: TFunction): AuditWords {
  const after = record(entry.after)
  const before = record(entry.before)
  const role = (value: unknown) => {
    const code = text(value)
    return isRole(code) ? t(roleLabelKey(code)) : code.replaceAll('_', ' ')
  }
  switch (entry.action) {
    case 'identity.user_suspended': {
      const sessions = Number(after.sessions_revoked ?? 0)
      return {
        tone: 'red',
        text: [
          t('admin.users.audit.words.suspended', { reason: text(after.suspended_reason) }),
          sessions > 0 ? t('admin.users.audit.words.signedOutDevices', { count: sessions }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      }
    }
    case 'identity.user_reactivated':
      return { tone: 'teal', text: t('admin.users.audit.words.reactivated') }
    case 'identity.role_granted':
      return {
        tone: 'blue',
        text: t('admin.users.audit.words.roleGranted', {
          role: role(after.role),
          organization: text(after.organization),
        }),
      }
    case 'identity.role_revoked':
      return {
        tone: 'orange',
        text: t('admin.users.audit.words.roleRevoked', {
          role: role(before.role),
          organization: text(before.organization),
        }),
      }
    case 'identity.sessions_revoked':
      return {
        tone: 'orange',
        text: t('admin.users.audit.words.sessionsRevoked', { count: Number(after.sessions_revoked ?? 0) }),
      }
    case 'identity.invitation_accepted':
      return {
        tone: 'teal',
        text: t('admin.users.audit.words.invitationAccepted', {
          role: role(after.role),
          organization: text(after.organization),
        }),
      }
    case 'identity.invitation_declined':
      return {
        tone: 'gray',
        text: t('admin.users.audit.words.invitationDeclined', {
          role: role(after.role),
          organization: text(after.organization),
        }),
      }
    default: {
      // a change this screen has no words for yet: its name made readable, and the raw record
      const name = entry.action.split('.').at(-1) ?? entry.action
      const readable = name.replaceAll('_', ' ')
      return {
        tone: 'gray',
        text: readable.charAt(0).toUpperCase() + readable.slice(1),
        raw: { before: entry.before, after: entry.after },
      }
    }
  }
}
