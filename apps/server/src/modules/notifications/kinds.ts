/**
 * The kinds of notice people can receive, declared by the modules that send them (with the label
 * the preferences page shows). Notifications knows no producer: a new module declares its kinds
 * and calls `notify`, and its kinds appear among everyone's preferences.
 */
export interface NoticeKind {
  kind: string
  module: string
  label: string
}

const registry = new Map<string, NoticeKind>()

export function defineNoticeKinds<const T extends Record<string, string>>(module: string, labels: T): T {
  for (const [kind, label] of Object.entries(labels)) {
    if (!/^[a-z][a-z_]*\.[a-z][a-z_.]*$/.test(kind))
      throw new Error(`notice kind ${kind} must look like "noun.verb_ed"`)
    const existing = registry.get(kind)
    if (existing && existing.module !== module) {
      throw new Error(`notice kind ${kind} is declared by both ${existing.module} and ${module}`)
    }
    registry.set(kind, { kind, module, label })
  }
  return labels
}

export function noticeKinds(): readonly NoticeKind[] {
  return [...registry.values()]
}

export function isNoticeKind(kind: string): boolean {
  return registry.has(kind)
}
