/** `s` as a literal inside a LIKE / ILIKE pattern: `%`, `_` and the escape character match themselves. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`)

/** A LIKE / ILIKE pattern matching any text that contains `s` as typed. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`
