/**
 * A mixed workload against the real server on the demo data: signed-in recruiters and hiring teams
 * reading and writing at the same time, at 10 and then 50 connections, for a fixed time each.
 *
 *   recruiters  browse the role marketplace, open roles, list their candidates, pipeline,
 *               placements and notifications, poll the unread count, and submit: a fresh
 *               candidate (with consent) each time, to an open role of a company in the run
 *   hiring team list their roles, pipeline, placements and notifications, poll the unread count,
 *               move applications one allowed step (submitted → screening → interview → offer,
 *               then rejected with a reason) and edit a role with the version they last saw
 *
 * Each connection is one keep-alive socket, one request at a time (a closed loop): throughput is
 * what the server sustains, not what a generator offers. Printed per operation and overall:
 * req/s, p50 and p99 latency, non-2xx answers and socket errors (both should be 0). Then
 * `GET /health` and a signed-in `GET /api/roles/:id`, each alone at 10 connections (autocannon),
 * and their ratio.
 *
 *   node bench/mixed-workload.ts [--seconds 15] [--connections 10,50] [--probe-seconds 5]
 *   node bench/mixed-workload.ts --baseline <git-ref> [--keep-baseline] [--rounds 2]
 *
 * With --baseline, the ref is checked out in a git worktree under .scratch/ (npm ci there if
 * needed), both servers run side by side (each with its own embedded PostgreSQL) and every
 * measurement alternates between them, A B A B, so that drift of this shared machine falls on both.
 * Before each measurement the servers' outbox and job queues are left to drain.
 * See bench/README.md for how to read the figures.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { EMBEDDED_DATABASE_NAME } from '../apps/server/src/app.ts'
import { withDatabaseName } from '../apps/server/src/kernel/db/database.ts'
import { startEmbeddedPostgres } from '../apps/server/src/kernel/db/embedded-postgres.ts'
import { JOBS_SCHEMA } from '../apps/server/src/kernel/db/migrate.ts'
import { repoRoot } from '../apps/server/src/kernel/paths.ts'
import { freePort } from '../packages/testing/src/postgres.ts'
import { load, type ServerProcess, startServer } from './lib.ts'

// ---------------------------------------------------------------------------------------------
// HTTP: one keep-alive socket per connection
// ---------------------------------------------------------------------------------------------

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function send(
  agent: http.Agent,
  base: URL,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: unknown,
  localAddress?: string,
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path: url,
        ...(localAddress ? { localAddress } : {}),
        headers: payload
          ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

const json = <T>(a: Answer): T => JSON.parse(a.body) as T

// ---------------------------------------------------------------------------------------------
// The world of one server: personas, their sessions, and what they can act on
// ---------------------------------------------------------------------------------------------

interface Session {
  email: string
  headers: Record<string, string>
}

interface RoleSlot {
  id: string
  version: number
  description: string
  edits: number
}

interface Company {
  id: string
  /** Open roles recruiters can see: where submissions go. */
  openRoleIds: string[]
  /** Roles the team may edit, one edit in flight per role (taken out while edited). */
  editable: RoleSlot[]
  /** Applications at an open stage, one move in flight per application. */
  pipeline: { id: string; stage: string }[]
}

interface World {
  label: string
  base: URL
  server: ServerProcess
  dataDir: string
  recruiters: Session[]
  team: { session: Session; company: Company }[]
  companies: Company[]
  /** Role ids a recruiter opens from the marketplace. */
  marketplaceRoleIds: string[]
  /** The role and session of the isolated `GET /api/roles/:id` measurement. */
  probe: { roleId: string; cookie: string }
  candidates: number
  /** The server's database (superuser): personas at the start, then waiting for its jobs to drain. */
  db: pg.Client
  /** The embedded PostgreSQL's data directory (its postmaster.pid names the server's processes). */
  pgDir: string
}

/**
 * CPU time (ms) used so far by the app server's process and the PostgreSQL processes serving it,
 * from /proc. Unlike throughput, CPU per request hardly moves when other work shares the machine,
 * so it is the figure to compare two checkouts by on a busy two-core box.
 */
function cpuMs(w: World): { server: number; database: number } {
  const ticks = 100 // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
      // after "pid (comm) ": state ppid ... utime is field 14, stime 15 (1-based over the whole line)
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // the process ended while we looked
    }
  }
  const tree = (root: number) => {
    let sum = 0
    const queue = [root]
    while (queue.length > 0) {
      const pid = queue.pop()!
      sum += stats.get(pid)?.cpu ?? 0
      for (const [child, s] of stats) if (s.ppid === pid) queue.push(child)
    }
    return (sum * 1000) / ticks
  }
  const postmaster = Number(fs.readFileSync(path.join(w.pgDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  return { server: tree(w.server.child.pid!), database: tree(postmaster) }
}

const NEXT_STAGE: Record<string, string> = {
  submitted: 'screening',
  screening: 'interview',
  interview: 'offer',
  offer: 'rejected',
}

/** Each persona signs in from its own loopback address: the sign-in limits are per IP address. */
let nextAddress = 2
const loopback = () => {
  const n = nextAddress++
  return `127.0.${n >> 8}.${n & 255}`
}

/** The real sign-in: a code by email, read from the dev outbox, exchanged for a session cookie. */
async function signIn(base: URL, email: string): Promise<Session> {
  const agent = new http.Agent({ keepAlive: false })
  const from = loopback()
  const started = await send(agent, base, 'POST', '/api/auth/email/start', {}, { email }, from)
  if (started.status !== 202) throw new Error(`sign-in of ${email}: ${started.status} ${started.body}`)
  const { challenge_id } = json<{ challenge_id: string }>(started)
  let code: string | undefined
  for (let i = 0; i < 400 && !code; i++) {
    const box = json<{ data: { body: string }[] }>(
      await send(agent, base, 'GET', `/api/dev/outbox?recipient=${encodeURIComponent(email)}&limit=1`, {}),
    )
    code = /code is (\d{6})/.exec(box.data[0]?.body ?? '')?.[1]
    if (!code) await new Promise((r) => setTimeout(r, 50))
  }
  if (!code) throw new Error(`no sign-in code reached ${email}`)
  const verified = await send(agent, base, 'POST', '/api/auth/verify', {}, { challenge_id, code }, from)
  if (verified.status !== 200) throw new Error(`verify for ${email}: ${verified.status} ${verified.body}`)
  const cookie = /sid=[^;]+/.exec(String(verified.headers['set-cookie'] ?? ''))?.[0]
  if (!cookie) throw new Error(`no session cookie for ${email}`)
  const { csrf_token } = json<{ csrf_token: string }>(verified)
  return { email, headers: { cookie, 'x-csrf-token': csrf_token } }
}

/** A superuser connection to the server's embedded database (its own, already running). */
async function connectToServerDatabase(dataDir: string, port: number): Promise<pg.Client> {
  const embedded = await startEmbeddedPostgres({ dataDir, port }) // finds it running: reuses it
  const client = new pg.Client({ connectionString: withDatabaseName(embedded.url, EMBEDDED_DATABASE_NAME) })
  await client.connect()
  return client
}

/**
 * Who takes part: the demo recruiters with the most candidates, and the hiring teams of the
 * companies with the most open roles shared with every recruiter (Acme's Dana and Eli among them).
 * Read from the server's own database; everything after sign-in goes through the API.
 */
async function pickPersonas(client: pg.Client) {
  const recruiters = (
    await client.query<{ email: string }>(
      `select uc.email from network.recruiters r
         join identity.users u on u.id = r.user_id and u.status = 'active'
         join identity.user_contacts uc on uc.user_id = r.user_id and uc.email is not null
        order by (uc.email = 'rachel@recruiters.demo') desc,
                 (select count(*) from ats.candidates c where c.recruiter_id = r.id) desc, uc.email
        limit 8`,
    )
  ).rows.map((r) => r.email)
  const team = (
    await client.query<{ email: string; company_id: string }>(
      `with busiest as (
         select c.id, c.organization_id from ats.companies c
          order by (c.name = 'Acme Robotics') desc,
                   (select count(*) from ats.roles r where r.company_id = c.id and r.status = 'open'
                       and r.visibility = 'all') desc, c.id
          limit 4)
       select uc.email, b.id as company_id from busiest b
         join identity.memberships m on m.organization_id = b.organization_id
              and m.role in ('company_admin', 'hiring_manager')
         join identity.users u on u.id = m.user_id and u.status = 'active'
         join identity.user_contacts uc on uc.user_id = m.user_id and uc.email is not null
        order by b.id, uc.email`,
    )
  ).rows
  return { recruiters, team }
}

/**
 * Waits until no server has work left from the last measurement (events to relay, jobs due):
 * otherwise one server's notification backlog runs during the other's measurement.
 */
async function settle(worlds: World[]): Promise<void> {
  const until = performance.now() + 30_000
  for (;;) {
    let busy = 0
    for (const w of worlds) {
      const r = await w.db.query<{ n: number }>(
        `select (select count(*) from platform.outbox where relayed_at is null)
              + (select count(*) from ${JOBS_SCHEMA}.job where state in ('created', 'retry', 'active')
                    and start_after <= now()) as n`,
      )
      busy += Number(r.rows[0]!.n)
    }
    if (busy === 0) return
    if (performance.now() > until) {
      console.log(`  (still ${busy} events or jobs pending after 30 s; measuring anyway)`)
      return
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function prepareWorld(label: string, root: string): Promise<World> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-mixed-${label}-`))
  fs.chmodSync(dataDir, 0o755)
  const pgDir = path.join(dataDir, 'pg')
  const pgPort = await freePort()
  const server = await startServer(
    {
      PORT: String(await freePort()),
      EMBEDDED_PG_DIR: pgDir,
      EMBEDDED_PG_PORT: String(pgPort),
      APP_ROLE: 'all',
      LOG_LEVEL: 'warn',
    },
    { root },
  )
  const base = new URL(server.base)
  let db: pg.Client | undefined
  try {
    db = await connectToServerDatabase(pgDir, pgPort)
    const personas = await pickPersonas(db)
    const recruiters: Session[] = []
    for (const email of personas.recruiters) recruiters.push(await signIn(base, email))
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const get = async <T>(s: Session, url: string): Promise<T> => {
      const a = await send(agent, base, 'GET', url, s.headers)
      if (a.status !== 200) throw new Error(`${label}: GET ${url}: ${a.status} ${a.body}`)
      return json<T>(a)
    }

    const companies = new Map<string, Company>()
    const team: World['team'] = []
    // one session per person, even on two teams: a second code within a minute would be refused
    const sessions = new Map<string, Session>()
    for (const m of personas.team) {
      const session = sessions.get(m.email) ?? (await signIn(base, m.email))
      sessions.set(m.email, session)
      let company = companies.get(m.company_id)
      if (!company) {
        const roles = await get<{ data: { id: string; status: string; visibility: string }[] }>(
          session,
          `/api/roles?company_id=${m.company_id}&status=open,paused,draft&limit=100`,
        )
        const editable: RoleSlot[] = []
        for (const r of roles.data.slice(0, 30)) {
          const full = await get<{ version: number; description: string }>(session, `/api/roles/${r.id}`)
          editable.push({ id: r.id, version: full.version, description: full.description, edits: 0 })
        }
        const pipeline = await get<{ data: { id: string; stage: string }[] }>(
          session,
          `/api/applications?company_id=${m.company_id}&stage=submitted,screening,interview,offer&limit=100`,
        )
        const open = await get<{ data: { id: string; visibility: string }[] }>(
          recruiters[0]!,
          `/api/roles?company_id=${m.company_id}&limit=100`,
        )
        company = {
          id: m.company_id,
          // shared with every recruiter: any of them may submit
          openRoleIds: open.data.filter((r) => r.visibility === 'all').map((r) => r.id),
          editable,
          pipeline: pipeline.data.map((a) => ({ id: a.id, stage: a.stage })),
        }
        companies.set(m.company_id, company)
      }
      team.push({ session, company })
    }
    const marketplace = (
      await get<{ data: { id: string; visibility: string }[] }>(recruiters[0]!, '/api/roles?limit=100')
    ).data.filter((r) => r.visibility === 'all')
    agent.destroy()
    const world: World = {
      label,
      base,
      server,
      dataDir,
      recruiters,
      team,
      companies: [...companies.values()],
      marketplaceRoleIds: marketplace.map((r) => r.id),
      probe: { roleId: marketplace[0]!.id, cookie: recruiters[0]!.headers.cookie! },
      candidates: 0,
      db,
      pgDir,
    }
    if (!world.companies.some((c) => c.openRoleIds.length > 0))
      throw new Error(`${label}: no open role to submit to in the chosen companies`)
    return world
  } catch (err) {
    await db?.end()
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw err
  }
}

async function stopWorld(w: World): Promise<void> {
  await w.db.end()
  await w.server.stop()
  fs.rmSync(w.dataDir, { recursive: true, force: true })
}

// ---------------------------------------------------------------------------------------------
// The workload
// ---------------------------------------------------------------------------------------------

const OPS = [
  'GET /api/roles',
  'GET /api/roles/:id',
  'GET /api/candidates',
  'GET /api/applications',
  'GET /api/placements',
  'GET /api/notifications',
  'GET /api/notifications/unread-count',
  'POST /api/candidates',
  'POST /api/applications',
  'POST /api/applications/:id/stage',
  'PATCH /api/roles/:id',
] as const
type Op = (typeof OPS)[number]

interface OpStats {
  ms: number[]
  non2xx: number
  errors: number
  /** A few failing answers, to say what went wrong. */
  samples: string[]
}

interface Tally {
  seconds: number
  /** CPU used by the server and its database while the mix ran and its after-effects drained. */
  cpu: { server: number; database: number }
  ops: Map<Op, OpStats>
  /** Writes that found nothing to act on and did a read instead (should stay near 0). */
  starved: number
}

const newTally = (): Tally => ({
  seconds: 0,
  cpu: { server: 0, database: 0 },
  ops: new Map(OPS.map((o) => [o, emptyStats()])),
  starved: 0,
})
const emptyStats = (): OpStats => ({ ms: [], non2xx: 0, errors: 0, samples: [] })

function merge(into: Tally, from: Tally): void {
  into.seconds += from.seconds
  into.starved += from.starved
  into.cpu.server += from.cpu.server
  into.cpu.database += from.cpu.database
  for (const [op, s] of from.ops) {
    const t = into.ops.get(op)!
    for (const v of s.ms) t.ms.push(v)
    t.non2xx += s.non2xx
    t.errors += s.errors
    t.samples.push(...s.samples.slice(0, Math.max(0, 3 - t.samples.length)))
  }
}

/** What a recruiter and a hiring-team member do, and how often (weights, per request chosen). */
type Action =
  | 'roles'
  | 'role'
  | 'candidates'
  | 'pipeline'
  | 'placements'
  | 'notifications'
  | 'unread'
  | 'submit'
  | 'move'
  | 'edit'
const RECRUITER_MIX: [Action, number][] = [
  ['roles', 14],
  ['role', 22],
  ['candidates', 8],
  ['pipeline', 10],
  ['placements', 4],
  ['notifications', 6],
  ['unread', 16],
  ['submit', 8],
]
const TEAM_MIX: [Action, number][] = [
  ['roles', 8],
  ['role', 16],
  ['pipeline', 18],
  ['placements', 4],
  ['notifications', 6],
  ['unread', 16],
  ['move', 16],
  ['edit', 6],
]

/** A small seeded generator: both servers see the same sequence of choices. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function chooser(mix: [Action, number][], random: () => number) {
  const total = mix.reduce((s, [, w]) => s + w, 0)
  return () => {
    let r = random() * total
    for (const [a, w] of mix) {
      r -= w
      if (r < 0) return a
    }
    return mix[0]![0]
  }
}

/** Runs `connections` closed loops for `seconds`; connection i is a recruiter 3 times in 5. */
async function runMix(w: World, connections: number, seconds: number, seed: number): Promise<Tally> {
  const tally = newTally()
  const until = performance.now() + seconds * 1000
  const started = performance.now()
  const loops = Array.from({ length: connections }, async (_, i) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const random = prng(seed * 1000 + i)
    const pickInt = (n: number) => Math.floor(random() * n)
    const isRecruiter = i % 5 < 3
    const recruiter = w.recruiters[i % w.recruiters.length]!
    const member = w.team[i % w.team.length]!
    const session = isRecruiter ? recruiter : member.session
    const next = chooser(isRecruiter ? RECRUITER_MIX : TEAM_MIX, random)

    const call = async (op: Op, method: string, url: string, body?: unknown): Promise<Answer | undefined> => {
      const stats = tally.ops.get(op)!
      const t = performance.now()
      try {
        const a = await send(agent, w.base, method, url, session.headers, body)
        stats.ms.push(performance.now() - t)
        if (a.status < 200 || a.status > 299) {
          stats.non2xx++
          if (stats.samples.length < 3) stats.samples.push(`${a.status} ${url} ${a.body.slice(0, 200)}`)
          return undefined
        }
        return a
      } catch (err) {
        stats.errors++
        if (stats.samples.length < 3) stats.samples.push(`${url}: ${(err as Error).message}`)
        return undefined
      }
    }

    const read = async (action: Action) => {
      switch (action) {
        case 'roles':
          return isRecruiter
            ? call(
                'GET /api/roles',
                'GET',
                random() < 0.5 ? '/api/roles?limit=25' : '/api/roles?limit=25&q=engineer',
              )
            : call('GET /api/roles', 'GET', `/api/roles?company_id=${member.company.id}&limit=25`)
        case 'role': {
          const ids = isRecruiter ? w.marketplaceRoleIds : member.company.editable.map((r) => r.id)
          return call('GET /api/roles/:id', 'GET', `/api/roles/${ids[pickInt(ids.length)]}`)
        }
        case 'candidates':
          return call('GET /api/candidates', 'GET', '/api/candidates?limit=25')
        case 'pipeline':
          return isRecruiter
            ? call('GET /api/applications', 'GET', '/api/applications?mine=true&limit=25')
            : call(
                'GET /api/applications',
                'GET',
                `/api/applications?company_id=${member.company.id}&limit=25`,
              )
        case 'placements':
          return call('GET /api/placements', 'GET', '/api/placements?limit=25')
        case 'notifications':
          return call('GET /api/notifications', 'GET', '/api/notifications?limit=20')
        default:
          return call('GET /api/notifications/unread-count', 'GET', '/api/notifications/unread-count')
      }
    }

    const submit = async () => {
      const targets = w.companies.filter((c) => c.openRoleIds.length > 0)
      const company = targets[pickInt(targets.length)]!
      const n = ++w.candidates
      const created = await call('POST /api/candidates', 'POST', '/api/candidates', {
        full_name: `Bench Candidate ${n}`,
        current_title: 'Backend Engineer',
        location: 'Tel Aviv, Israel',
        country: 'IL',
        skills: ['go', 'postgresql'],
        email: `bench.candidate.${process.pid}.${n}@example.com`,
        consent: { method: 'email', text_version: 'rtr-2026-01' },
      })
      if (!created) return
      const candidateId = json<{ candidate: { id: string } }>(created).candidate.id
      const submitted = await call('POST /api/applications', 'POST', '/api/applications', {
        role_id: company.openRoleIds[pickInt(company.openRoleIds.length)],
        candidate_id: candidateId,
      })
      if (submitted) company.pipeline.push({ id: json<{ id: string }>(submitted).id, stage: 'submitted' })
    }

    const move = async () => {
      const app = member.company.pipeline.shift()
      if (!app) {
        tally.starved++
        return read('pipeline')
      }
      const to = NEXT_STAGE[app.stage]!
      const moved = await call(
        'POST /api/applications/:id/stage',
        'POST',
        `/api/applications/${app.id}/stage`,
        {
          to,
          ...(to === 'rejected' ? { reason: 'Went with a candidate further along in the process' } : {}),
        },
      )
      if (moved && NEXT_STAGE[to]) member.company.pipeline.push({ id: app.id, stage: to })
    }

    const edit = async () => {
      const role = member.company.editable.shift()
      if (!role) {
        tally.starved++
        return read('role')
      }
      role.edits++
      const edited = await call('PATCH /api/roles/:id', 'PATCH', `/api/roles/${role.id}`, {
        version: role.version,
        description: `${role.description}\n\n(Updated ${role.edits} times.)`.slice(0, 20_000),
      })
      if (edited) role.version = json<{ version: number }>(edited).version
      else {
        // whatever happened, start again from what the server has
        const fresh = await send(agent, w.base, 'GET', `/api/roles/${role.id}`, session.headers)
        if (fresh.status === 200) role.version = json<{ version: number }>(fresh).version
      }
      member.company.editable.push(role)
    }

    while (performance.now() < until) {
      const action = next()
      if (action === 'submit') await submit()
      else if (action === 'move') await move()
      else if (action === 'edit') await edit()
      else await read(action)
    }
    agent.destroy()
  })
  await Promise.all(loops)
  tally.seconds = (performance.now() - started) / 1000
  return tally
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** CPU milliseconds per request of a mix, the server's and its database's. */
function cpuPerRequest(t: Tally): { server: number; database: number } {
  let requests = 0
  for (const s of t.ops.values()) requests += s.ms.length
  return { server: t.cpu.server / requests, database: t.cpu.database / requests }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

interface Figures {
  rps: number
  p50: number
  p99: number
  count: number
  non2xx: number
  errors: number
}

function figures(t: Tally): Map<Op | 'all', Figures> {
  const out = new Map<Op | 'all', Figures>()
  const all: number[] = []
  let non2xx = 0
  let errors = 0
  for (const [op, s] of t.ops) {
    const sorted = [...s.ms].sort((a, b) => a - b)
    for (const v of sorted) all.push(v)
    non2xx += s.non2xx
    errors += s.errors
    out.set(op, {
      rps: s.ms.length / t.seconds,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      count: s.ms.length,
      non2xx: s.non2xx,
      errors: s.errors,
    })
  }
  all.sort((a, b) => a - b)
  out.set('all', {
    rps: all.length / t.seconds,
    p50: quantile(all, 0.5),
    p99: quantile(all, 0.99),
    count: all.length,
    non2xx,
    errors,
  })
  return out
}

const r1 = (v: number) => (Number.isFinite(v) ? +v.toFixed(1) : '-')
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? +(a / b).toFixed(2) : '-')

function mixTable(t: Tally): Record<string, string | number>[] {
  return [...figures(t)].map(([op, f]) => ({
    operation: op,
    requests: f.count,
    'req/s': r1(f.rps),
    'p50 ms': r1(f.p50),
    'p99 ms': r1(f.p99),
    'non-2xx': f.non2xx,
    errors: f.errors,
  }))
}

// ---------------------------------------------------------------------------------------------
// Baseline checkout
// ---------------------------------------------------------------------------------------------

const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()

/** A worktree of `ref` under .scratch/ (git ignores it), with its dependencies installed. */
function baselineCheckout(ref: string): { root: string; sha: string; created: boolean } {
  const sha = git('rev-parse', '--verify', `${ref}^{commit}`)
  const root = path.join(repoRoot, '.scratch', `bench-baseline-${sha.slice(0, 12)}`)
  let created = false
  if (!fs.existsSync(path.join(root, 'package.json'))) {
    git('worktree', 'add', '--detach', '--force', root, sha)
    created = true
  }
  const stamp = path.join(root, 'node_modules', '.bench-lock')
  const lock = fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== lock) {
    console.log(`npm ci in ${path.relative(repoRoot, root)} …`)
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: root,
      // npm runs on the first node on PATH: this one (Node 24), as `npm run` would
      env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    if (r.status !== 0) throw new Error(`npm ci failed in ${root}`)
    fs.writeFileSync(stamp, lock)
  }
  return { root, sha, created }
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

export interface MixedOptions {
  seconds?: number
  connections?: number[]
  baseline?: string | undefined
  keepBaseline?: boolean
  /** Length of each isolated `/health` and `GET /api/roles/:id` measurement. */
  probeSeconds?: number
  /** Measurements per checkout and level (2 with a baseline: A B A B; 1 alone). */
  rounds?: number
}

export async function benchMixed(options: MixedOptions = {}): Promise<Record<string, string | number>[]> {
  const seconds = options.seconds ?? 15
  const levels = options.connections ?? [10, 50]
  const probeSeconds = options.probeSeconds ?? 5
  const checkout = options.baseline ? baselineCheckout(options.baseline) : undefined
  // alone: one measurement per level; compared: A B A B
  const rounds = options.rounds ?? (checkout ? 2 : 1)
  const worlds: World[] = []
  // other people's work on this machine moves every figure: say how busy it was
  const loadAtStart = os.loadavg()[0]!
  try {
    console.log('starting the current checkout…')
    worlds.push(await prepareWorld('current', repoRoot))
    if (checkout) {
      console.log(`starting the baseline ${options.baseline} (${checkout.sha.slice(0, 12)})…`)
      worlds.push(await prepareWorld('baseline', checkout.root))
    }
    for (const w of worlds) {
      console.log(
        `${w.label}: ${w.recruiters.length} recruiters, ${w.team.length} hiring-team members of ${w.companies.length} companies signed in`,
      )
      await runMix(w, 10, 3, 999) // warm-up: JIT, plans, pools
      await load(`${w.base.origin}/health`, { connections: 10, seconds: 2 })
    }

    const mix = new Map<string, Tally>() // `${label}@${connections}`
    for (const connections of levels) {
      for (let round = 0; round < rounds; round++) {
        for (const w of worlds) {
          await settle(worlds)
          const before = cpuMs(w)
          const t = await runMix(w, connections, seconds, connections * 10 + round)
          await settle(worlds) // the work a request leaves behind (events, notices) is its cost too
          const after = cpuMs(w)
          t.cpu = { server: after.server - before.server, database: after.database - before.database }
          const all = figures(t).get('all')!
          console.log(
            `${w.label}: mixed, ${connections} connections, round ${round + 1}: ${r1(all.rps)} req/s, p50 ${r1(all.p50)} ms, p99 ${r1(all.p99)} ms`,
          )
          const key = `${w.label}@${connections}`
          if (!mix.has(key)) mix.set(key, newTally())
          merge(mix.get(key)!, t)
        }
      }
    }

    const probes = new Map<string, { health: number[]; role: number[]; roleP99: number[] }>()
    for (let round = 0; round < rounds; round++) {
      for (const w of worlds) {
        const p = probes.get(w.label) ?? { health: [], role: [], roleP99: [] }
        await settle(worlds)
        const health = await load(`${w.base.origin}/health`, { connections: 10, seconds: probeSeconds })
        await settle(worlds)
        const role = await load(`${w.base.origin}/api/roles/${w.probe.roleId}`, {
          connections: 10,
          seconds: probeSeconds,
          headers: { cookie: w.probe.cookie },
        })
        if (health.errors + health.non2xx + role.errors + role.non2xx > 0)
          console.log(`${w.label}: probe errors: health ${health.non2xx}, role ${role.non2xx}`)
        console.log(
          `${w.label}: alone at 10 connections, round ${round + 1}: /health ${health.requestsPerSecond} req/s, /api/roles/:id ${role.requestsPerSecond} req/s`,
        )
        p.health.push(health.requestsPerSecond)
        p.role.push(role.requestsPerSecond)
        p.roleP99.push(role.p99)
        probes.set(w.label, p)
      }
    }

    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
    const summary: Record<string, string | number>[] = []
    for (const w of worlds) {
      for (const connections of levels) {
        const t = mix.get(`${w.label}@${connections}`)!
        console.log(`\n${w.label}: mixed workload, ${connections} connections, ${r1(t.seconds)} s`)
        console.table(mixTable(t))
        if (t.starved) console.log(`  writes that found nothing to act on: ${t.starved}`)
        for (const [op, s] of t.ops) for (const sample of s.samples) console.log(`  ${op}: ${sample}`)
        const all = figures(t).get('all')!
        const cpu = cpuPerRequest(t)
        summary.push({
          checkout: w.label,
          measure: `mixed, ${connections} connections`,
          'req/s': r1(all.rps),
          'p50 ms': r1(all.p50),
          'p99 ms': r1(all.p99),
          'non-2xx': all.non2xx,
          errors: all.errors,
          'CPU ms/req (server + db)': `${cpu.server.toFixed(2)} + ${cpu.database.toFixed(2)}`,
        })
      }
      const p = probes.get(w.label)!
      const health = mean(p.health)
      const role = mean(p.role)
      summary.push(
        { checkout: w.label, measure: 'GET /health alone, 10 connections', 'req/s': Math.round(health) },
        {
          checkout: w.label,
          measure: 'GET /api/roles/:id alone, 10 connections',
          'req/s': Math.round(role),
          'p99 ms': r1(mean(p.roleP99)),
        },
        {
          checkout: w.label,
          measure: 'roles/:id ÷ health (target >= 40%)',
          'req/s': `${((100 * role) / health).toFixed(1)}%`,
        },
      )
    }

    if (worlds.length === 2) {
      const rows: Record<string, string | number>[] = []
      for (const connections of levels) {
        const cur = figures(mix.get(`current@${connections}`)!)
        const base = figures(mix.get(`baseline@${connections}`)!)
        for (const op of [...OPS, 'all'] as const) {
          const a = cur.get(op)!
          const b = base.get(op)!
          rows.push({
            connections,
            operation: op,
            'req/s cur/base': ratio(a.rps, b.rps),
            'p50 cur/base': ratio(a.p50, b.p50),
            'p99 cur/base': ratio(a.p99, b.p99),
          })
        }
        const ca = cpuPerRequest(mix.get(`current@${connections}`)!)
        const cb = cpuPerRequest(mix.get(`baseline@${connections}`)!)
        rows.push({
          connections,
          operation: 'CPU per request: server, database, both',
          'req/s cur/base': `${ratio(ca.server, cb.server)}, ${ratio(ca.database, cb.database)}, ${ratio(ca.server + ca.database, cb.server + cb.database)}`,
        })
      }
      const pc = probes.get('current')!
      const pb = probes.get('baseline')!
      rows.push(
        {
          connections: 10,
          operation: 'GET /health alone',
          'req/s cur/base': ratio(mean(pc.health), mean(pb.health)),
        },
        {
          connections: 10,
          operation: 'GET /api/roles/:id alone',
          'req/s cur/base': ratio(mean(pc.role), mean(pb.role)),
          'p99 cur/base': ratio(mean(pc.roleP99), mean(pb.roleP99)),
        },
      )
      console.log(`\ncurrent ÷ baseline (${options.baseline}); req/s above 1 and latency below 1 are better`)
      console.table(rows)
    }
    console.log(
      `\nmachine load (1-minute average, ${os.cpus().length} cores): ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end`,
    )
    return summary
  } finally {
    for (const w of worlds) await stopWorld(w).catch(() => {})
    if (checkout && !options.keepBaseline) {
      try {
        git('worktree', 'remove', '--force', checkout.root)
      } catch (err) {
        console.log(`could not remove ${checkout.root}: ${(err as Error).message}`)
      }
    }
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      baseline: { type: 'string' },
      'keep-baseline': { type: 'boolean', default: false },
      seconds: { type: 'string', default: '15' },
      connections: { type: 'string', default: '10,50' },
      'probe-seconds': { type: 'string', default: '5' },
      rounds: { type: 'string' },
    },
  })
  const summary = await benchMixed({
    seconds: Number(values.seconds),
    connections: values.connections.split(',').map(Number),
    baseline: values.baseline,
    keepBaseline: values['keep-baseline'],
    probeSeconds: Number(values['probe-seconds']),
    rounds: values.rounds ? Number(values.rounds) : undefined,
  })
  console.log('\nSummary')
  console.table(summary)
}
