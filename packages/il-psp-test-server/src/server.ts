import { createHmac, randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local, stateful test server speaking an Israeli-gateway-style protocol, modelled on Cardcom's
 * REST v11 (LowProfile hosted pages, token transactions, recurring payments; `TerminalNumber` and
 * `ApiName` in the JSON body) with PayPlus-style signed callbacks: the header `X-Signature` is
 * base64(HMAC-SHA256(secret, raw body)) and the body carries `EventId` and `Timestamp`.
 *
 * Amounts are minor units (agorot) in `AmountMinor` (Cardcom sends shekels as a decimal `Amount`;
 * minor units keep our arithmetic exact). Idempotency: a transaction with a known
 * `ExternalUniqTranId` answers the first result again and charges nothing.
 */
export const DEFAULT_TERMINAL = 1000
export const DEFAULT_API_NAME = 'il-psp-test'
export const DEFAULT_WEBHOOK_SECRET = 'il-psp-test-webhook-secret'

/** How a card (and every token made from it) behaves when charged. */
export type Behaviour = 'approve' | 'decline' | 'error'

/** Test cards: any other 16-digit number is approved. */
export const TEST_CARDS: Record<string, { brand: string; behaviour: Behaviour; tokenise: boolean }> = {
  '4580000000000000': { brand: 'visa', behaviour: 'approve', tokenise: true },
  '5326140280779844': { brand: 'mastercard', behaviour: 'approve', tokenise: true },
  // saved fine, every later charge declined (insufficient funds): the collection retry path
  '4000000000000341': { brand: 'visa', behaviour: 'decline', tokenise: true },
  // refused on the hosted page itself
  '4000000000000002': { brand: 'visa', behaviour: 'decline', tokenise: false },
}

export interface IlPspTestServerOptions {
  port?: number
  host?: string
  terminal?: number
  apiName?: string
  webhookSecret?: string
  /** JSON file to load state from and save it to after changes (demo mode). */
  stateFile?: string
  /** Webhook delivery attempts (default 3, 200 ms apart). */
  webhookAttempts?: number
  /** Milliseconds since the epoch, for webhook timestamps (default Date.now). */
  clock?: () => number
}

interface Session {
  id: string
  operation: 'CreateTokenOnly' | 'ChargeAndCreateToken' | 'ChargeOnly'
  amountMinor: number
  returnValue: string
  successUrl: string
  failedUrl: string
  webhookUrl: string | null
  status: 'pending' | 'completed' | 'failed'
  result: Record<string, unknown> | null
  createdAt: number
}
interface TokenRow {
  token: string
  last4: string
  brand: string
  expMonth: number
  expYear: number
  behaviour: Behaviour
}
interface Transaction {
  id: string
  externalId: string | null
  token: string | null
  amountMinor: number
  status: 'approved' | 'declined'
  responseCode: number
  at: number
}
interface Recurring {
  id: string
  token: string
  amountMinor: number
  intervalDays: number
  active: boolean
  returnValue: string
}
interface State {
  sessions: Record<string, Session>
  tokens: Record<string, TokenRow>
  transactions: Transaction[]
  recurring: Record<string, Recurring>
}

export interface IlPspTestServer {
  url: string
  terminal: number
  apiName: string
  webhookSecret: string
  readonly state: State
  /** Approved charges so far (tests count them). */
  chargeCount(): number
  /** The next `n` API calls answer 500 (an injected outage). */
  failNext(n: number): void
  /** Makes an existing token approve, decline or fail with 5xx from now on. */
  setTokenBehaviour(token: string, behaviour: Behaviour): void
  /** Webhooks the server sent (delivered or not), newest last. */
  deliveries: { url: string; body: string; status: number | null }[]
  stop(): Promise<void>
}

export function signBody(secret: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64')
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > 256 * 1024) {
        reject(new Error('too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function hostedPage(session: Session, error?: string): string {
  const amount =
    session.operation === 'CreateTokenOnly' ? '' : `<p>לתשלום: ₪${(session.amountMinor / 100).toFixed(2)}</p>`
  return `<!doctype html><html lang="he" dir="rtl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>דף תשלום מאובטח (בדיקות)</title>
<style>body{font-family:sans-serif;max-width:420px;margin:24px auto;padding:0 16px}label{display:block;margin:12px 0 4px}
input{width:100%;padding:8px;font-size:16px;box-sizing:border-box}button{margin-top:16px;padding:10px 16px;font-size:16px;width:100%}
.err{color:#b00020}.note{color:#555;font-size:13px}</style></head><body>
<h1>דף תשלום מאובטח</h1><p class="note">שרת בדיקות של ספק סליקה. אין להזין כרטיס אמיתי.</p>${amount}
${error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/pay/${session.id}">
<label for="card">מספר כרטיס</label><input id="card" name="card" inputmode="numeric" dir="ltr" autocomplete="off" value="4580000000000000">
<label for="exp">תוקף (MM/YY)</label><input id="exp" name="exp" dir="ltr" value="12/30">
<label for="cvv">CVV</label><input id="cvv" name="cvv" dir="ltr" value="123">
<button type="submit">${session.operation === 'CreateTokenOnly' ? 'שמירת הכרטיס' : 'תשלום'}</button>
</form></body></html>`
}

export async function startIlPspTestServer(options: IlPspTestServerOptions = {}): Promise<IlPspTestServer> {
  const terminal = options.terminal ?? DEFAULT_TERMINAL
  const apiName = options.apiName ?? DEFAULT_API_NAME
  const secret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET
  const clock = options.clock ?? Date.now
  const attempts = options.webhookAttempts ?? 3
  let state: State = { sessions: {}, tokens: {}, transactions: [], recurring: {} }
  if (options.stateFile) {
    try {
      state = JSON.parse(readFileSync(options.stateFile, 'utf8')) as State
    } catch {
      // no state yet
    }
  }
  let saveTimer: NodeJS.Timeout | null = null
  const changed = () => {
    if (!options.stateFile || saveTimer) return
    saveTimer = setTimeout(() => {
      saveTimer = null
      try {
        writeFileSync(options.stateFile!, JSON.stringify(state))
      } catch {
        // demo state is best effort
      }
    }, 100)
    saveTimer.unref()
  }
  let failures = 0
  const deliveries: IlPspTestServer['deliveries'] = []
  const pending = new Set<Promise<void>>()

  const deliver = (url: string, payload: Record<string, unknown>) => {
    const body = JSON.stringify({
      EventId: `evt_${randomUUID()}`,
      Timestamp: new Date(clock()).toISOString(),
      TerminalNumber: terminal,
      ...payload,
    })
    const record = { url, body, status: null as number | null }
    deliveries.push(record)
    const run = (async () => {
      for (let i = 0; i < attempts; i++) {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-signature': signBody(secret, body),
              'user-agent': 'il-psp-test-server',
            },
            body,
            signal: AbortSignal.timeout(5000),
          })
          record.status = res.status
          await res.arrayBuffer().catch(() => undefined)
          if (res.status < 500) return
        } catch {
          record.status = 0
        }
        await new Promise((r) => setTimeout(r, 200))
      }
    })()
    pending.add(run)
    void run.finally(() => pending.delete(run))
  }

  const charge = (token: TokenRow | null, amountMinor: number, externalId: string | null): Transaction => {
    if (externalId) {
      const known = state.transactions.find((t) => t.externalId === externalId)
      if (known) return known
    }
    const approved = !token || token.behaviour === 'approve'
    const tx: Transaction = {
      id: `${Date.now().toString().slice(-8)}${String(state.transactions.length + 1).padStart(4, '0')}`,
      externalId,
      token: token?.token ?? null,
      amountMinor,
      status: approved ? 'approved' : 'declined',
      responseCode: approved ? 0 : 51,
      at: clock(),
    }
    state.transactions.push(tx)
    changed()
    return tx
  }

  const txOut = (t: Transaction) => ({
    ResponseCode: t.responseCode,
    Description: t.responseCode === 0 ? 'OK' : 'Declined: insufficient funds',
    TranzactionId: t.id,
    AmountMinor: t.amountMinor,
    Token: t.token,
  })

  const api: Record<string, (b: Record<string, unknown>) => [number, unknown]> = {
    '/api/v11/LowProfile/Create': (b) => {
      const operation = String(b.Operation ?? 'ChargeOnly') as Session['operation']
      if (!['CreateTokenOnly', 'ChargeAndCreateToken', 'ChargeOnly'].includes(operation)) {
        return [200, { ResponseCode: 5001, Description: 'Unknown Operation' }]
      }
      const amountMinor = Number(b.AmountMinor ?? 0)
      if (operation !== 'CreateTokenOnly' && !(Number.isSafeInteger(amountMinor) && amountMinor > 0)) {
        return [200, { ResponseCode: 5002, Description: 'AmountMinor must be a positive integer' }]
      }
      if (typeof b.SuccessRedirectUrl !== 'string' || typeof b.FailedRedirectUrl !== 'string') {
        return [
          200,
          { ResponseCode: 5003, Description: 'SuccessRedirectUrl and FailedRedirectUrl are required' },
        ]
      }
      const s: Session = {
        id: randomUUID(),
        operation,
        amountMinor: operation === 'CreateTokenOnly' ? 0 : amountMinor,
        returnValue: String(b.ReturnValue ?? ''),
        successUrl: b.SuccessRedirectUrl,
        failedUrl: b.FailedRedirectUrl,
        webhookUrl: typeof b.WebHookUrl === 'string' ? b.WebHookUrl : null,
        status: 'pending',
        result: null,
        createdAt: clock(),
      }
      state.sessions[s.id] = s
      changed()
      return [
        200,
        { ResponseCode: 0, Description: 'OK', LowProfileId: s.id, Url: `${server.url}/pay/${s.id}` },
      ]
    },
    '/api/v11/LowProfile/GetLpResult': (b) => {
      const s = state.sessions[String(b.LowProfileId ?? '')]
      if (!s) return [200, { ResponseCode: 5100, Description: 'No such LowProfileId' }]
      return [
        200,
        { ResponseCode: 0, LowProfileId: s.id, Status: s.status, ReturnValue: s.returnValue, ...s.result },
      ]
    },
    '/api/v11/Transactions/Transaction': (b) => {
      const token = state.tokens[String(b.Token ?? '')]
      if (!token) return [200, { ResponseCode: 5200, Description: 'Unknown token' }]
      const amountMinor = Number(b.AmountMinor)
      if (!(Number.isSafeInteger(amountMinor) && amountMinor > 0)) {
        return [200, { ResponseCode: 5002, Description: 'AmountMinor must be a positive integer' }]
      }
      const externalId = typeof b.ExternalUniqTranId === 'string' ? b.ExternalUniqTranId : null
      if (token.behaviour === 'error' && !state.transactions.some((t) => t.externalId === externalId)) {
        return [503, { ResponseCode: 9999, Description: 'Gateway unavailable (injected)' }]
      }
      return [200, txOut(charge(token, amountMinor, externalId))]
    },
    '/api/v11/RecurringPayments/Add': (b) => {
      const token = state.tokens[String(b.Token ?? '')]
      if (!token) return [200, { ResponseCode: 5200, Description: 'Unknown token' }]
      const r: Recurring = {
        id: randomUUID(),
        token: token.token,
        amountMinor: Number(b.AmountMinor ?? 0),
        intervalDays: Number(b.IntervalDays ?? 30),
        active: true,
        returnValue: String(b.ReturnValue ?? ''),
      }
      state.recurring[r.id] = r
      changed()
      return [200, { ResponseCode: 0, RecurringId: r.id }]
    },
    '/api/v11/RecurringPayments/Delete': (b) => {
      const r = state.recurring[String(b.RecurringId ?? '')]
      if (!r) return [200, { ResponseCode: 5300, Description: 'No such RecurringId' }]
      r.active = false
      changed()
      return [200, { ResponseCode: 0 }]
    },
  }

  const completeSession = (s: Session, card: string, exp: string): string | null => {
    const digits = card.replace(/\D/g, '')
    if (!/^\d{16}$/.test(digits)) return 'מספר כרטיס לא תקין'
    const m = /^(\d{2})\/(\d{2})$/.exec(exp.trim())
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return 'תוקף לא תקין'
    const known = TEST_CARDS[digits]
    if (known && !known.tokenise) {
      s.status = 'failed'
      s.result = { OperationResponse: 51, Description: 'Declined' }
      return null
    }
    const row: TokenRow = {
      token: randomUUID(),
      last4: digits.slice(-4),
      brand:
        known?.brand ?? (digits.startsWith('5') ? 'mastercard' : digits.startsWith('3') ? 'amex' : 'visa'),
      expMonth: Number(m[1]),
      expYear: 2000 + Number(m[2]),
      behaviour: known?.behaviour ?? 'approve',
    }
    let tx: Transaction | null = null
    if (s.operation !== 'CreateTokenOnly') {
      tx = charge(row, s.amountMinor, `lp:${s.id}`)
      if (tx.status !== 'approved') {
        s.status = 'failed'
        s.result = { OperationResponse: tx.responseCode, Description: 'Declined' }
        return null
      }
    }
    if (s.operation !== 'ChargeOnly') state.tokens[row.token] = row
    s.status = 'completed'
    s.result = {
      OperationResponse: 0,
      TokenInfo:
        s.operation === 'ChargeOnly'
          ? null
          : {
              Token: row.token,
              CardLast4: row.last4,
              Brand: row.brand,
              CardMonth: row.expMonth,
              CardYear: row.expYear,
            },
      TranzactionInfo: tx ? { TranzactionId: tx.id, AmountMinor: tx.amountMinor } : null,
    }
    return null
  }

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = (req.method ?? 'GET').toUpperCase()
    let raw: string
    try {
      raw = await readBody(req)
    } catch {
      return json(res, 413, { ResponseCode: 413, Description: 'Body too large' })
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204)
      return res.end()
    }
    const page = /^\/pay\/([0-9a-f-]{36})$/.exec(url.pathname)
    if (page) {
      const s = state.sessions[page[1]!]
      if (!s) {
        res.writeHead(404, { 'content-type': 'text/plain' })
        return res.end('No such payment page')
      }
      if (method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return res.end(hostedPage(s))
      }
      if (method === 'POST') {
        if (s.status !== 'pending') {
          res.writeHead(303, { location: s.status === 'completed' ? s.successUrl : s.failedUrl })
          return res.end()
        }
        const form = new URLSearchParams(raw)
        const error = completeSession(s, form.get('card') ?? '', form.get('exp') ?? '')
        if (error) {
          res.writeHead(422, { 'content-type': 'text/html; charset=utf-8' })
          return res.end(hostedPage(s, error))
        }
        changed()
        if (s.webhookUrl) {
          deliver(s.webhookUrl, {
            Type: 'LowProfile',
            LowProfileId: s.id,
            ReturnValue: s.returnValue,
            Operation: s.operation,
            Status: s.status,
            ...s.result,
          })
        }
        const done = (s as Session).status === 'completed'
        const target = new URL(done ? s.successUrl : s.failedUrl)
        target.searchParams.set('lowprofileid', s.id)
        res.writeHead(303, { location: target.toString() })
        return res.end()
      }
    }
    if (method !== 'POST' || !api[url.pathname])
      return json(res, 404, { ResponseCode: 404, Description: 'Not found' })
    if (failures > 0) {
      failures--
      return json(res, 500, { ResponseCode: 9999, Description: 'Internal error (injected)' })
    }
    let body: Record<string, unknown>
    try {
      body = JSON.parse(raw) as Record<string, unknown>
    } catch {
      return json(res, 400, { ResponseCode: 400, Description: 'Malformed JSON' })
    }
    if (Number(body.TerminalNumber) !== terminal || body.ApiName !== apiName) {
      return json(res, 200, { ResponseCode: 401, Description: 'Bad TerminalNumber or ApiName' })
    }
    const [status, out] = api[url.pathname]!(body)
    return json(res, status, out)
  }

  const http = createServer((req, res) => {
    onRequest(req, res).catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { ResponseCode: 500, Description: String(e) })
      else res.end()
    })
  })
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const port = (http.address() as AddressInfo).port
  const server: IlPspTestServer = {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    terminal,
    apiName,
    webhookSecret: secret,
    get state() {
      return state
    },
    chargeCount: () => state.transactions.filter((t) => t.status === 'approved').length,
    failNext(n) {
      failures = n
    },
    setTokenBehaviour(token, behaviour) {
      const row = state.tokens[token]
      if (!row) throw new Error(`no such token ${token}`)
      row.behaviour = behaviour
    },
    deliveries,
    async stop() {
      await Promise.allSettled([...pending])
      if (saveTimer) {
        clearTimeout(saveTimer)
        saveTimer = null
        if (options.stateFile) writeFileSync(options.stateFile, JSON.stringify(state))
      }
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
  return server
}
