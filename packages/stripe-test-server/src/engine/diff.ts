/** `previous_attributes` for an update event: the old values of the top-level keys that changed. */
export function changedKeys<T extends object>(before: T, after: T): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key as string] = before[key]
  }
  return out
}
