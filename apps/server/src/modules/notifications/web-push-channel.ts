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
      await webpush.sendNotification(
        { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
        JSON.stringify(payload),
        {
          vapidDetails: this.keys,
          TTL: options.ttlSeconds ?? 24 * 3600,
          urgency: options.urgent ? 'high' : 'normal',
          contentEncoding: 'aes128gcm',
          timeout: 10_000,
        },
      )
      return { ok: true }
    } catch (err) {
      const e = err as { statusCode?: number; message: string; body?: string }
      const status = e.statusCode
      // 404/410: the subscription expired or was withdrawn; remove it
      if (status === 404 || status === 410)
        return { ok: false, gone: true, retryable: false, error: `push service answered ${status}` }
      return {
        ok: false,
        gone: false,
        retryable: status === undefined || status === 429 || status >= 500,
        error: status
          ? `push service answered ${status}${e.body ? `: ${String(e.body).slice(0, 200)}` : ''}`
          : e.message,
      }
    }
  }
}

/** A fresh VAPID pair (demo mode without configured keys: kept in memory, never written anywhere). */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys()
}
