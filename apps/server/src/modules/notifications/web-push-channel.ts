import webpush from 'web-push'

export interface VapidKeys {
  publicKey: string
  privateKey: string
  /** `mailto:` or https contact the push services may use. */
  subject: string
}

export interface StoredSubscription {
  endpoint: string
  p256dh: string
  auth: string
}

export type PushResult = { ok: true } | { ok: false; gone: boolean; retryable: boolean; error: string }

/**
 * Web push (RFC 8030 with VAPID, RFC 8292, and aes128gcm payload encryption, RFC 8291) through the
 * `web-push` package: the browser's push service (FCM, Mozilla, Apple) gets an encrypted POST;
 * our service worker (`apps/web/public/sw.js`) shows it.
 */
export class WebPushChannel {
  readonly keys: VapidKeys
  constructor(keys: VapidKeys) {
    this.keys = keys
  }

  async send(
    sub: StoredSubscription,
    payload: { title: string; body: string; url: string; tag?: string },
    options: { urgent?: boolean; ttlSeconds?: number } = {},
  ): Promise<PushResult> {
    try {
      // web-push encrypts (aes128gcm) and signs (VAPID JWT); we POST it ourselves with fetch, so
      // the same code reaches a local push-service sink over http in tests
      const req = webpush.generateRequestDetails(
        { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
        JSON.stringify(payload),
        {
          vapidDetails: this.keys,
          TTL: options.ttlSeconds ?? 24 * 3600,
          urgency: options.urgent ? 'high' : 'normal',
          contentEncoding: 'aes128gcm',
        },
      )
      const res = await fetch(req.endpoint, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        ...(req.body ? { body: new Uint8Array(req.body as Buffer) } : {}),
        signal: AbortSignal.timeout(10_000),
      })
      if (res.ok) return { ok: true }
      const body = await res.text().catch(() => '')
      const status = res.status
      // 404/410: the subscription expired or was withdrawn; remove it
      if (status === 404 || status === 410)
        return { ok: false, gone: true, retryable: false, error: `push service answered ${status}` }
      return {
        ok: false,
        gone: false,
        retryable: status === 429 || status >= 500,
        error: `push service answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}`,
      }
    } catch (err) {
      return { ok: false, gone: false, retryable: true, error: (err as Error).message }
    }
  }
}

/** A fresh VAPID pair (demo mode without configured keys: kept in memory, never written anywhere). */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys()
}
