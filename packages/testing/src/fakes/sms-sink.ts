import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SmsSinkMessage {
  /** The Authorization header the provider client sent. */
  auth: string | undefined
  body: { channel: string; to: string; from: string; text: string }
}

/**
 * A local SMS/WhatsApp provider that speaks the HTTP protocol of `HttpSmsChannel` and keeps every
 * message: point SMS_PROVIDER_URL at `url`.
 */
export async function startSmsSink(): Promise<{
  url: string
  texts: SmsSinkMessage[]
  close(): Promise<void>
}> {
  const texts: SmsSinkMessage[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      texts.push({ auth: req.headers.authorization, body: JSON.parse(body) })
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `sms-${texts.length}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    texts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
