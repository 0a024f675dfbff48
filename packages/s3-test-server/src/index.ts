import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expectedSignature, sameHex, sha256Hex } from './sigv4.ts'

/**
 * A local, stateful S3 for tests and demos: enough of the REST protocol for the official
 * `@aws-sdk/client-s3` (path-style addressing) to run unchanged against it. PutObject, GetObject,
 * HeadObject, DeleteObject, and presigned GET URLs; every request must carry a valid AWS Signature
 * Version 4 (in the Authorization header or, presigned, in the query) for the configured key.
 * Payload hashes are checked when the client sends one; aws-chunked bodies are decoded (their
 * per-chunk signatures are not checked). Objects live in memory.
 */
export interface S3TestServerOptions {
  accessKeyId?: string
  secretAccessKey?: string
  region?: string
  buckets?: readonly string[]
  /** The clock presigned URLs expire by (tests move it). */
  now?: () => Date
}

export interface StoredObject {
  body: Buffer
  contentType: string
  etag: string
  lastModified: Date
}

export interface S3TestServer {
  url: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  buckets: Map<string, Map<string, StoredObject>>
  /** Requests refused for their signature (tests check nothing slipped through unsigned). */
  refused: number
  stop(): Promise<void>
}

const xml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`

export async function startS3TestServer(options: S3TestServerOptions = {}): Promise<S3TestServer> {
  const accessKeyId = options.accessKeyId ?? 'AKIATESTSERVER000001'
  const secretAccessKey = options.secretAccessKey ?? 'test-server-secret-key-0000000000000000'
  const region = options.region ?? 'us-east-1'
  const now = options.now ?? (() => new Date())
  const buckets = new Map<string, Map<string, StoredObject>>(
    (options.buckets ?? ['documents']).map((b) => [b, new Map()]),
  )
  const state = { refused: 0 }

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body?: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        ...(typeof body === 'string' ? { 'content-type': 'application/xml' } : {}),
        ...headers,
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    try {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      let body: Buffer = Buffer.concat(chunks)
      const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2) as [string, string?]
      const auth = authenticate(req, rawPath, rawQuery, body)
      if (auth !== 'ok') {
        state.refused++
        return send(403, xml(auth.code, auth.message))
      }
      const parts = rawPath.split('/').slice(1)
      const bucket = buckets.get(decodeURIComponent(parts[0] ?? ''))
      if (!bucket) return send(404, xml('NoSuchBucket', 'The specified bucket does not exist'))
      const key = parts.slice(1).map(decodeURIComponent).join('/')
      if (!key) return send(400, xml('InvalidRequest', 'Bucket operations are not supported'))
      const query = new URLSearchParams(rawQuery)
      switch (req.method) {
        case 'PUT': {
          const encoding = String(req.headers['content-encoding'] ?? '')
          const declared = String(req.headers['x-amz-content-sha256'] ?? '')
          if (encoding.includes('aws-chunked') || declared.startsWith('STREAMING-'))
            body = decodeChunked(body)
          const etag = `"${sha256Hex(body).slice(0, 32)}"`
          bucket.set(key, {
            body,
            contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'),
            etag,
            lastModified: now(),
          })
          return send(200, '', { etag })
        }
        case 'GET':
        case 'HEAD': {
          const object = bucket.get(key)
          if (!object)
            return send(
              404,
              req.method === 'HEAD' ? '' : xml('NoSuchKey', 'The specified key does not exist.'),
            )
          return send(200, object.body, {
            'content-type': query.get('response-content-type') ?? object.contentType,
            'content-length': String(object.body.length),
            etag: object.etag,
            'last-modified': object.lastModified.toUTCString(),
            ...(query.get('response-content-disposition')
              ? { 'content-disposition': query.get('response-content-disposition')! }
              : {}),
          })
        }
        case 'DELETE':
          bucket.delete(key)
          return send(204)
        default:
          return send(405, xml('MethodNotAllowed', `${req.method} is not supported`))
      }
    } catch (err) {
      send(500, xml('InternalError', (err as Error).message))
    }
  })

  function authenticate(
    req: http.IncomingMessage,
    path: string,
    rawQuery: string,
    body: Buffer,
  ): 'ok' | { code: string; message: string } {
    const denied = (code: string, message: string) => ({ code, message })
    const query = new URLSearchParams(rawQuery)
    const header = req.headers.authorization
    if (header) {
      const m =
        /^AWS4-HMAC-SHA256 Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
          header,
        )
      if (!m) return denied('AuthorizationHeaderMalformed', 'The authorization header is malformed')
      const [access, ...scope] = m[1]!.split('/')
      if (access !== accessKeyId) return denied('InvalidAccessKeyId', 'The AWS access key id does not exist')
      const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '')
      if (!payloadHash) return denied('InvalidRequest', 'Missing x-amz-content-sha256')
      if (/^[0-9a-f]{64}$/.test(payloadHash) && payloadHash !== sha256Hex(body)) {
        return denied('XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 does not match')
      }
      const expected = expectedSignature({
        method: req.method ?? 'GET',
        path,
        rawQuery,
        headers: req.headers,
        signedHeaders: m[2]!.split(';'),
        payloadHash,
        amzDate: String(req.headers['x-amz-date'] ?? ''),
        scope: scope.join('/'),
        secret: secretAccessKey,
      })
      return sameHex(expected, m[3]!)
        ? 'ok'
        : denied('SignatureDoesNotMatch', 'The request signature does not match')
    }
    if (query.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256') {
      const [access, ...scope] = (query.get('X-Amz-Credential') ?? '').split('/')
      if (access !== accessKeyId) return denied('InvalidAccessKeyId', 'The AWS access key id does not exist')
      const amzDate = query.get('X-Amz-Date') ?? ''
      const t = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)
      const expires = Number(query.get('X-Amz-Expires') ?? '0')
      if (!t || !(expires > 0 && expires <= 604800))
        return denied('AuthorizationQueryParametersError', 'Bad X-Amz-Date or X-Amz-Expires')
      const signedAt = Date.UTC(+t[1]!, +t[2]! - 1, +t[3]!, +t[4]!, +t[5]!, +t[6]!)
      if (now().getTime() > signedAt + expires * 1000) return denied('AccessDenied', 'Request has expired')
      const expected = expectedSignature({
        method: req.method ?? 'GET',
        path,
        rawQuery,
        headers: req.headers,
        signedHeaders: (query.get('X-Amz-SignedHeaders') ?? 'host').split(';'),
        payloadHash: 'UNSIGNED-PAYLOAD',
        amzDate,
        scope: scope.join('/'),
        secret: secretAccessKey,
        excludeQuery: 'X-Amz-Signature',
      })
      return sameHex(expected, query.get('X-Amz-Signature') ?? '')
        ? 'ok'
        : denied('SignatureDoesNotMatch', 'The request signature does not match')
    }
    return denied('AccessDenied', 'Anonymous access is not allowed')
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    accessKeyId,
    secretAccessKey,
    region,
    buckets,
    get refused() {
      return state.refused
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}

/** An aws-chunked body: `<hex size>[;chunk-signature=…]\r\n<data>\r\n` … `0…\r\n` then trailers. */
function decodeChunked(body: Buffer): Buffer {
  const out: Buffer[] = []
  let at = 0
  for (;;) {
    const eol = body.indexOf('\r\n', at)
    if (eol < 0) throw new Error('damaged aws-chunked body')
    const size = Number.parseInt(body.subarray(at, eol).toString('latin1').split(';')[0]!, 16)
    if (!Number.isFinite(size)) throw new Error('damaged aws-chunked body')
    if (size === 0) break
    out.push(body.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
  return Buffer.concat(out)
}
