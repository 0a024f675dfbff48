/**
 * Polls `read` until it gives a value (anything but `undefined` or `false`) and returns it; after
 * `timeoutMs` it fails naming `what`. For work the server finishes after answering: jobs, webhooks,
 * outbox consumers.
 */
export async function eventually<T>(
  what: string,
  read: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (value !== undefined && value !== false) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
