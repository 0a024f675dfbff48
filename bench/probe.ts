/**
 * The outsider probe's figures (issues 13 and 15, the probe round): what its fixes cost.
 *
 * - `GET /api/splits/conversations`: the menu's unread badge now counts every conversation of a
 *   hiring-team member (`conversations.unreadCount`), here with `--conversations` role-question
 *   conversations of `--messages` unread messages each (made in SQL), not only the latest 100;
 *   and the badge's query alone: summing the participants' counters (migration 0094) against
 *   counting the unread messages, as it did before.
 * - `GET /api/roles/:id/questions`: a role's threads read their own unread counts (subject ids).
 * - `GET /api/interviews`: keyset-paged on (sort time, id); a walk of `--interviews` interviews
 *   (proposed over HTTP, all at one time: ties), 20 a page, each page timed.
 *
 * `node bench/probe.ts [--runs 100] [--conversations 2000] [--messages 10] [--interviews 100]`
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { inTransaction, systemActor } from '../apps/server/src/kernel/db/transaction.ts'
import {
  api,
  makeCandidate,
  makeCompany,
  makeRecruiter,
  makeRole,
  makeTeamMember,
  submitCandidate,
  type World,
} from '../packages/testing/src/factories/index.ts'
import { createMigratedDatabase, startThrowawayPostgres } from '../packages/testing/src/postgres.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const RUNS = arg('runs', 100)
const CONVERSATIONS = arg('conversations', 2000)
const MESSAGES = arg('messages', 10)
const INTERVIEWS = arg('interviews', 100)

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return `p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  max ${s.at(-1)!.toFixed(1)} ms  (n=${s.length})`
}

async function timed(runs: number, call: () => Promise<{ status: number }>) {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const r = await call()
    out.push(performance.now() - t)
    if (r.status !== 200) throw new Error(`bench: status ${r.status}`)
  }
  return out
}

async function main() {
  const pg = await startThrowawayPostgres({ durability: 'fast' })
  const url = await createMigratedDatabase(pg.url, 'bench_probe')
  const app = await startTestApp(url, {})
  const w: World = { ctx: app.ctx, baseUrl: app.baseUrl }
  try {
    const company = await makeCompany(w)
    const manager = await makeTeamMember(w, company)
    const role = await makeRole(w, company)
    const rachel = await makeRecruiter(w)
    await api(w, rachel).post(`/api/roles/${role.id}/questions`, { text: 'Is the range flexible?' })
    const t0 = performance.now()
    await inTransaction(app.ctx.db, systemActor('bench'), async (tx) => {
      await sql`with c as (
          insert into conversations.conversations (subject_kind, subject_id, last_message_at)
          select 'splits_role_question', gen_random_uuid(), now() - g * interval '1 minute'
            from generate_series(1, ${CONVERSATIONS}) g returning id),
        p as (insert into conversations.participants (conversation_id, user_id, role)
          select id, ${manager.userId}::uuid, 'hiring_team' from c
          union all select id, ${rachel.userId}::uuid, 'recruiter' from c returning conversation_id, user_id)
        insert into conversations.messages (conversation_id, sender_user_id, body)
        select p.conversation_id, p.user_id, 'Question ' || k
          from p, generate_series(1, ${MESSAGES}) k where p.user_id = ${rachel.userId}::uuid`.execute(tx)
    })
    await sql`analyze`.execute(app.ctx.db)
    console.log(
      `set-up: ${CONVERSATIONS} conversations × ${MESSAGES} unread messages in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
    const inbox = await api(w, manager).get('/api/splits/conversations')
    console.log(`badge: ${inbox.body.unread} unread (expected ${CONVERSATIONS * MESSAGES + 1})`)
    console.log(
      `GET /api/splits/conversations   ${stats(await timed(RUNS, () => api(w, manager).get('/api/splits/conversations')))}`,
    )
    // the badge's own query: the participant counters (migration 0094) against counting the messages
    const counted = async (query: ReturnType<typeof sql>) => {
      const out: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now()
        await query.execute(app.ctx.db)
        out.push(performance.now() - t)
      }
      return stats(out)
    }
    console.log(
      `badge query, counters           ${await counted(sql`select coalesce(sum(me.unread), 0) from conversations.participants me
        join conversations.conversations c on c.id = me.conversation_id
       where me.user_id = ${manager.userId} and c.subject_kind in ('splits_role_question', 'splits_application')`)}`,
    )
    console.log(
      `badge query, counting messages  ${await counted(sql`select count(*) from conversations.participants me
        join conversations.conversations c on c.id = me.conversation_id
        join conversations.messages m on m.conversation_id = c.id
       where me.user_id = ${manager.userId} and c.subject_kind in ('splits_role_question', 'splits_application')
         and m.sender_user_id <> ${manager.userId}
         and (me.last_read_message_id is null or m.id > me.last_read_message_id)`)}`,
    )
    console.log(
      `GET /api/roles/:id/questions    ${stats(await timed(RUNS, () => api(w, manager).get(`/api/roles/${role.id}/questions`)))}`,
    )

    const t1 = performance.now()
    for (let k = 0; k < INTERVIEWS; k++) {
      const person = await makeCandidate(w, rachel)
      const application = await submitCandidate(w, rachel, role.id, person.id)
      const r = await api(w, company.admin).post('/api/interviews', {
        application_id: application.id,
        kind: 'video',
        duration_minutes: 45,
        time_zone: 'Asia/Jerusalem',
        slots: [{ start: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 11) + '10:00' }],
        interviewer_user_ids: [manager.userId],
      })
      if (r.status !== 201) throw new Error(`bench: interview ${r.status} ${JSON.stringify(r.body)}`)
    }
    console.log(
      `set-up: ${INTERVIEWS} interviews at one time in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    )
    const pages: number[] = []
    const seen = new Set<string>()
    for (let walk = 0; walk < Math.max(1, Math.floor(RUNS / 10)); walk++) {
      let cursor: string | null = null
      seen.clear()
      do {
        const t = performance.now()
        const r = await api(w, company.admin).get(
          `/api/interviews?scope=upcoming&limit=20${cursor ? `&starting_after=${cursor}` : ''}`,
        )
        pages.push(performance.now() - t)
        for (const i of r.body.data as { id: string }[]) seen.add(i.id)
        cursor = r.body.next_cursor
      } while (cursor)
    }
    console.log(`interviews walk: ${seen.size}/${INTERVIEWS} seen once each`)
    console.log(`GET /api/interviews (a page of 20) ${stats(pages)}`)
  } finally {
    await app.stop()
    await pg.stop()
  }
}

await main()
