import type { Role } from '../../kernel/http/access.ts'

/**
 * The kinds of notice people can receive, declared by the modules that send them: the label the
 * preferences page shows, and who can receive them (their roles), so that a person's preferences
 * list only what may reach them. Notifications knows no producer: a new module declares its kinds
 * and calls `notify`.
 */
export interface NoticeKind {
  kind: string
  module: string
  label: string
  audience: readonly Role[]
  /**
   * Also sent as a text message to people with a mobile number (OFAIR's professionals sign in by
   * phone and often have no email address). Per-person SMS preferences come with OFAIR III.
   */
  sms: boolean
}

const registry = new Map<string, NoticeKind>()

export function defineNoticeKinds<
  const T extends Record<string, { label: string; audience: readonly Role[]; sms?: boolean }>,
>(module: string, kinds: T): T {
  for (const [kind, { label, audience, sms }] of Object.entries(kinds)) {
    if (!/^[a-z][a-z_]*\.[a-z][a-z_.]*$/.test(kind))
      throw new Error(`notice kind ${kind} must look like "noun.verb_ed"`)
    const existing = registry.get(kind)
    if (existing && existing.module !== module) {
      throw new Error(`notice kind ${kind} is declared by both ${existing.module} and ${module}`)
    }
    registry.set(kind, { kind, module, label, audience, sms: sms ?? false })
  }
  return kinds
}

/** Every kind, or those that may reach a person with these roles. */
export function noticeKinds(roles?: readonly Role[]): readonly NoticeKind[] {
  const all = [...registry.values()]
  return roles ? all.filter((k) => k.audience.some((r) => roles.includes(r))) : all
}

export function isNoticeKind(kind: string): boolean {
  return registry.has(kind)
}

/** Whether a kind also goes out as a text message. */
export function sendsSms(kind: string): boolean {
  return registry.get(kind)?.sms ?? false
}
