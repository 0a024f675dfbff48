/** `npm run bench`: every benchmark, one after another (they share the two cores). */
import { benchAuth } from './auth.ts'
import { benchHttp } from './http.ts'
import { benchMixed } from './mixed-workload.ts'
import { benchOutbox } from './outbox.ts'
import { benchStartup } from './startup.ts'

const sections: [string, () => Promise<Record<string, string | number>[]>][] = [
  ['Start-up', benchStartup],
  ['HTTP (autocannon, 100 connections)', () => benchHttp()],
  ['Mixed workload (signed-in reads and writes, 10 and 50 connections)', () => benchMixed({ seconds: 10 })],
  ['Outbox relay', () => benchOutbox()],
  ['Identity', benchAuth],
]
for (const [title, run] of sections) {
  console.log(`\n${title}`)
  console.table(await run())
}
