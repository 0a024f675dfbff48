import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * AWS Signature Version 4, as S3 checks it: the canonical request, the string to sign and the
 * signing key (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html).
 */
export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept, everything else %XX). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/** The query string sorted by name then value, each part encoded once; `exclude` left out. */
export function canonicalQuery(rawQuery: string, exclude?: string): string {
  if (!rawQuery) return ''
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf('=')
      const k = decodeURIComponent((i < 0 ? p : p.slice(0, i)).replace(/\+/g, '%20'))
      const v = i < 0 ? '' : decodeURIComponent(p.slice(i + 1).replace(/\+/g, '%20'))
      return [uriEncode(k), uriEncode(v)] as const
    })
    .filter(([k]) => k !== exclude)
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  return pairs.map(([k, v]) => `${k}=${v}`).join('&')
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request')
}

export interface SignatureInput {
  method: string
  /** The path as sent (already URI-encoded by the client). */
  path: string
  rawQuery: string
  headers: Record<string, string | string[] | undefined>
  signedHeaders: string[]
  payloadHash: string
  amzDate: string
  scope: string
  secret: string
  /** Left out of the canonical query (the presigned URL's own signature). */
  excludeQuery?: string
}

export function expectedSignature(input: SignatureInput): string {
  const canonicalHeaders = input.signedHeaders
    .map((h) => {
      const v = input.headers[h]
      const value = (Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ')
      return `${h}:${value}\n`
    })
    .join('')
  const request = [
    input.method,
    input.path,
    canonicalQuery(input.rawQuery, input.excludeQuery),
    canonicalHeaders,
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n')
  const stringToSign = ['AWS4-HMAC-SHA256', input.amzDate, input.scope, sha256Hex(request)].join('\n')
  const [date, region, service] = input.scope.split('/')
  return createHmac('sha256', signingKey(input.secret, date!, region!, service!))
    .update(stringToSign)
    .digest('hex')
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
