/**
 * Chat fan-out (issue 12): 500 WebSocket connections (250 conversations of two people), messages
 * sent over HTTP (`POST /api/conversations/:id/messages`: validation, rate limit, insert, NOTIFY at
 * commit) and received on the other person's socket (LISTEN → read as the reader → push). Latency
 * is from just before the POST to the push arriving; target p99 ≤ 100 ms.
 *
 * Two phases: steady (each conversation sends a message every `--interval` ms for `--seconds`),
 * then bursts (every conversation at once, `--bursts` times). With `--processes 2` the sockets are
 * split over two app instances on one database (the push crosses processes through NOTIFY); sends
 * go to the first. The server(s) and the load generator share this Node process and the two cores.
 *
 * `--splits`: the conversations are Splits Network application threads (`splits_application`,
 * issue 13): every push runs recruiting's presenter (who may see the candidate's contact details)
 * for its reader, and sends are plain-text checked (markup refused). The subjects are synthetic
 * ids: the presenter's application lookup misses, so it masks (one query per reader and push).
 *
 * `node bench/chat.ts [--connections 500] [--seconds 10] [--interval 5000] [--bursts 3] [--processes 1] [--splits]`
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import WebSocket from 'ws'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'
import { sessionOfUser, type TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const CONNECTIONS = arg('connections', 500)
const SECONDS = arg('seconds', 10)
const INTERVAL = arg('interval', 5000)
const BURSTS = arg('bursts', 3)
const PROCESSES = arg('processes', 1)
const PAIRS = Math.floor(CONNECTIONS / 2)
const SUBJECT_KIND = process.argv.includes('--splits') ? 'splits_application' : 'bench_pair'

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const ms = (n: number) => `${n.toFixed(1)} ms`

function report(label: string, latencies: number[], expected: number) {
  const s = [...latencies].sort((a, b) => a - b)
  console.log(
    `${label.padEnd(36)} delivered ${String(s.length).padStart(5)}/${expected}  p50 ${ms(percentile(s, 50))}  p95 ${ms(percentile(s, 95))}  p99 ${ms(percentile(s, 99))}  max ${ms(s[s.length - 1] ?? Number.NaN)}`,
  )
}

async function main() {
  const pg = await startThrowawayPostgres({ durability: 'fast' })
  const url = await createMigratedDatabase(pg.url, 'bench_chat')
  const apps: Awaited<ReturnType<typeof startTestApp>>[] = []
  for (let i = 0; i < PROCESSES; i++) apps.push(await startTestApp(url, { role: i === 0 ? 'all' : 'web' }))
  const main = apps[0]!
  try {
    // 2 × PAIRS people, one conversation per pair, made directly (the set-up is not measured)
    const setupStarted = performance.now()
    const pairs = await inTransaction(main.ctx.db, systemActor('bench'), async (tx) => {
      const users = await sql<{ id: string }>`insert into identity.users (display_name)
        select 'Bench ' || g from generate_series(1, ${PAIRS * 2}) g returning id`.execute(tx)
      const ids = users.rows.map((r) => r.id)
      const out: { conversation: string; a: string; b: string }[] = []
      for (let i = 0; i < PAIRS; i++) {
        const conv = await sql<{
          id: string
        }>`insert into conversations.conversations (subject_kind, subject_id)
          values (${SUBJECT_KIND}, platform.uuid_v7()) returning id`.execute(tx)
        const a = ids[2 * i]!
        const b = ids[2 * i + 1]!
        await sql`insert into conversations.participants (conversation_id, user_id, role)
          values (${conv.rows[0]!.id}, ${a}, 'a'), (${conv.rows[0]!.id}, ${b}, 'b')`.execute(tx)
        out.push({ conversation: conv.rows[0]!.id, a, b })
      }
      return out
    })
    const sessions = new Map<string, TestSession>()
    for (const p of pairs) {
      sessions.set(p.a, await sessionOfUser(main.ctx, p.a))
      sessions.set(p.b, await sessionOfUser(main.ctx, p.b))
    }

    // every person's socket; person i on process i % PROCESSES
    const started = new Map<string, number>()
    const latencies: number[] = []
    const fanout: number[] = []
    const sockets: WebSocket[] = []
    let n = 0
    await Promise.all(
      [...sessions.values()].map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            const app = apps[n++ % apps.length]!
            const ws = new WebSocket(`${app.baseUrl.replace(/^http/, 'ws')}/api/conversations/socket`, {
              headers: { cookie: s.headers.cookie!, origin: app.baseUrl },
            })
            sockets.push(ws)
            ws.on('message', (data) => {
              const e = JSON.parse(String(data)) as {
                type: string
                message?: { text: string; sender_user_id: string; created_at: string }
              }
              if (e.type === 'ready') return resolve()
              if (e.type !== 'message' || !e.message || e.message.sender_user_id === s.userId) return
              const t0 = started.get(e.message.text)
              if (t0 !== undefined) latencies.push(performance.now() - t0)
              // the push alone: from the row's insert (created_at, this machine's clock) to arrival
              fanout.push(Date.now() - Date.parse(e.message.created_at))
            })
            ws.on('error', reject)
          }),
      ),
    )
    console.log(
      `set-up: ${PAIRS} conversations (${SUBJECT_KIND}), ${sockets.length} WebSocket connections on ${PROCESSES} process(es) in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    )

    let seq = 0
    let refused = 0
    const send = async (p: (typeof pairs)[number]) => {
      const text = `bench ${++seq}`
      const s = sessions.get(p.a)!
      started.set(text, performance.now())
      const res = await fetch(`${main.baseUrl}/api/conversations/${p.conversation}/messages`, {
        method: 'POST',
        headers: { ...s.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      })
      const answer = await res.text()
      if (res.status !== 201 && refused === 0) console.log(answer.slice(0, 300))
      if (res.status !== 201 && refused++ === 0) console.log(`first refusal: ${res.status}`)
    }
    const drain = () => new Promise((r) => setTimeout(r, 1500))

    // warm-up (not counted): one message per conversation, sessions and plans cached
    for (let i = 0; i < pairs.length; i += 25) await Promise.all(pairs.slice(i, i + 25).map((p) => send(p)))
    await drain()
    latencies.splice(0)
    fanout.splice(0)
    const warm = seq

    // steady: each conversation every INTERVAL ms, phases spread evenly
    const steadyStart = performance.now()
    const timers: NodeJS.Timeout[] = []
    const inflight: Promise<void>[] = []
    pairs.forEach((p, i) => {
      const first = setTimeout(
        () => {
          inflight.push(send(p))
          timers.push(setInterval(() => inflight.push(send(p)), INTERVAL))
        },
        (i * INTERVAL) / pairs.length,
      )
      timers.push(first)
    })
    await new Promise((r) => setTimeout(r, SECONDS * 1000))
    for (const t of timers) clearInterval(t)
    await Promise.all(inflight)
    await drain()
    const steadySent = seq - warm
    const rate = steadySent / ((performance.now() - steadyStart - 1500) / 1000)
    report(`steady (~${Math.round(rate)} msg/s), send→push`, latencies.splice(0), steadySent)
    report('steady, insert→push', fanout.splice(0), steadySent)

    // bursts: every conversation at once
    const burst: number[] = []
    const burstFanout: number[] = []
    for (let b = 0; b < BURSTS; b++) {
      const before = seq
      await Promise.all(pairs.map((p) => send(p)))
      await drain()
      burst.push(...latencies.splice(0))
      burstFanout.push(...fanout.splice(0))
      if (seq - before !== pairs.length) throw new Error('burst size')
      // the per-sender limit is 20 messages per 10 s: stay under it
      await new Promise((r) => setTimeout(r, 1000))
    }
    report(`bursts (${BURSTS} × ${pairs.length}), send→push`, burst, BURSTS * pairs.length)
    report('bursts, insert→push', burstFanout, BURSTS * pairs.length)
    if (refused > 0) console.log(`refused sends: ${refused}`)
    const connections = apps.reduce((sum, a) => sum + (a.ctx.services.conversationHub?.connections ?? 0), 0)
    console.log(`sockets registered by the server(s) at the end: ${connections}`)
    for (const ws of sockets) ws.close()
  } finally {
    for (const a of apps.reverse()) await a.stop()
    await pg.stop()
  }
}

await main()
