import type { Role } from '../../kernel/http/access.ts'

/** Every way a notice can reach a person. */
export const CHANNELS = ['in_app', 'email', 'sms', 'whatsapp', 'push'] as const
export type Channel = (typeof CHANNELS)[number]
/** The channels that send a message out (in-app is the bell, written in the caller's transaction). */
export type OutboundChannel = Exclude<Channel, 'in_app'>
export const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c)

/**
 * The kinds of notice people can receive, declared by the modules that send them: the label the
 * preferences page shows, who can receive them (their roles), so that a person's preferences
 * list only what may reach them, and which channels are on until the person chooses. Notifications
 * knows no producer: a new module declares its kinds and calls `notify`.
 */
export interface NoticeKind {
  kind: string
  module: string
  label: string
  audience: readonly Role[]
  /** Channels on by default (in-app and email unless declared otherwise). */
  defaults: Record<Channel, boolean>
  /** Sent at once even in the person's quiet hours (a security or money emergency). */
  urgent: boolean
  /** Marketing: reaches only people who opted in (with the time), whatever the channels say. */
  marketing: boolean
  /**
   * Held in the default quiet hours (22:00-07:00 Israel time) for people who never set theirs
   * (OFAIR's kinds). Quiet hours a person saved apply to every kind that reaches them.
   */
  quietHours: boolean
}

export interface NoticeKindDeclaration {
  label: string
  audience: readonly Role[]
  /** Also by text message by default (OFAIR's professionals sign in by phone). */
  sms?: boolean
  defaults?: Partial<Record<Channel, boolean>>
  urgent?: boolean
  marketing?: boolean
  quietHours?: boolean
}

const registry = new Map<string, NoticeKind>()

export function defineNoticeKinds<const T extends Record<string, NoticeKindDeclaration>>(
  module: string,
  kinds: T,
): T {
  for (const [kind, d] of Object.entries(kinds)) {
    if (!/^[a-z][a-z_]*\.[a-z][a-z_.]*$/.test(kind))
      throw new Error(`notice kind ${kind} must look like "noun.verb_ed"`)
    const existing = registry.get(kind)
    if (existing && existing.module !== module) {
      throw new Error(`notice kind ${kind} is declared by both ${existing.module} and ${module}`)
    }
    registry.set(kind, {
      kind,
      module,
      label: d.label,
      audience: d.audience,
      defaults: {
        in_app: true,
        email: !d.marketing,
        sms: d.sms ?? false,
        whatsapp: false,
        push: false,
        ...d.defaults,
      },
      urgent: d.urgent ?? false,
      marketing: d.marketing ?? false,
      quietHours: d.quietHours ?? false,
    })
  }
  return kinds
}

/** Every kind, or those that may reach a person with these roles. */
export function noticeKinds(roles?: readonly Role[]): readonly NoticeKind[] {
  const all = [...registry.values()]
  return roles ? all.filter((k) => k.audience.some((r) => roles.includes(r))) : all
}

export function noticeKind(kind: string): NoticeKind | undefined {
  return registry.get(kind)
}

export function isNoticeKind(kind: string): boolean {
  return registry.has(kind)
}
