import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { eventually } from '../../../../../packages/testing/src/eventually.ts'
import { useTestDatabase } from '../../../../../packages/testing/src/test-database.ts'
import { createLogger } from '../logger.ts'
import { defineJob, NonRetryableJobError } from './define-job.ts'
import { JobRunner } from './job-runner.ts'

const database = useTestDatabase()
const log = createLogger({ level: 'silent', pretty: false })
const runners: JobRunner<unknown>[] = []
afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop(1000)
})

describe('job runner', () => {
  it('retries a failing job with exponential backoff, dead-letters it, and an operator can retry it', async () => {
    const attempts: number[] = []
    let succeedNow = false
    const flaky = defineJob({
      name: 'test.flaky_export',
      description: 'fails until told otherwise',
      payload: z.object({ file: z.string() }),
      retry: { limit: 2, delaySeconds: 1, backoff: true },
      timeoutSeconds: 30,
      handler: async () => {
        attempts.push(Date.now())
        if (!succeedNow) throw new Error('export target unavailable')
        return { ok: true }
      },
    })
    const runner = new JobRunner<unknown>([flaky], {
      url: database.current.url,
      work: true,
      log,
      pollingIntervalSeconds: 0.5,
    })
    runners.push(runner)
    await runner.start({})
    await runner.enqueue('test.flaky_export', { file: 'a.csv' })

    const [dead] = await eventually('the job to be dead-lettered', async () => {
      const jobs = await runner.deadJobs('test.flaky_export')
      return jobs.length > 0 ? jobs : undefined
    })
    expect(attempts).toHaveLength(3) // first run + 2 retries
    const gap1 = attempts[1]! - attempts[0]!
    const gap2 = attempts[2]! - attempts[1]!
    expect(gap1).toBeGreaterThanOrEqual(900) // retryDelay 1 s
    expect(gap2).toBeGreaterThanOrEqual(1800) // doubled: at least 2 s
    expect(dead!.data).toEqual({ file: 'a.csv' })

    succeedNow = true
    expect(await runner.retryDead('test.flaky_export', dead!.id)).toBe(true)
    await eventually('the retried job to run', async () => (attempts.length === 4 ? true : undefined))
    await eventually('the dead-letter queue to be empty', async () =>
      (await runner.deadJobs('test.flaky_export')).length === 0 ? true : undefined,
    )
  })

  it('never runs the same job twice across two worker processes', async () => {
    const seen: { job: string; worker: string }[] = []
    const make = (worker: string) =>
      new JobRunner<unknown>(
        [
          defineJob({
            name: 'test.count_me',
            description: 'records who ran it',
            payload: z.object({ n: z.number() }),
            retry: { limit: 0, delaySeconds: 1, backoff: false },
            timeoutSeconds: 30,
            concurrency: 4,
            handler: async (_p, _d, run) => {
              seen.push({ job: run.id, worker })
              await new Promise((r) => setTimeout(r, 2))
            },
          }),
        ],
        { url: database.current.url, work: true, log, pollingIntervalSeconds: 0.5 },
      )
    const a = make('a')
    const b = make('b')
    runners.push(a, b)
    await a.start({})
    await b.start({})
    const total = 200
    await a.boss.insert(
      'test.count_me',
      Array.from({ length: total }, (_, n) => ({ data: { n } })),
    )
    await eventually('all jobs to run', async () => (seen.length >= total ? true : undefined), 30_000)
    await new Promise((r) => setTimeout(r, 500))
    expect(seen).toHaveLength(total)
    expect(new Set(seen.map((s) => s.job)).size).toBe(total)
    expect(new Set(seen.map((s) => s.worker)).size).toBe(2)
  })

  it('dead-letters at once, without retries, when the handler says retrying cannot help', async () => {
    let runs = 0
    const runner = new JobRunner<unknown>(
      [
        defineJob({
          name: 'test.refused_transfer',
          description: 'a permanent provider refusal',
          payload: z.object({ payout: z.string() }),
          retry: { limit: 3, delaySeconds: 1, backoff: true },
          timeoutSeconds: 10,
          handler: async () => {
            runs++
            throw new NonRetryableJobError('account cannot receive transfers')
          },
        }),
      ],
      { url: database.current.url, work: true, log, pollingIntervalSeconds: 0.5 },
    )
    runners.push(runner)
    await runner.start({})
    await runner.enqueue('test.refused_transfer', { payout: 'p1' })
    const [dead] = await eventually('dead letter', async () => {
      const jobs = await runner.deadJobs('test.refused_transfer')
      return jobs.length ? jobs : undefined
    })
    expect(runs).toBe(1)
    expect(dead!.error).toMatchObject({ message: 'account cannot receive transfers' })
  })

  it('lets a running job finish when the worker stops gracefully', async () => {
    let finished = false
    const runner = new JobRunner<unknown>(
      [
        defineJob({
          name: 'test.slow_report',
          description: 'takes a while',
          payload: z.object({}),
          retry: { limit: 1, delaySeconds: 1, backoff: false },
          timeoutSeconds: 30,
          handler: async () => {
            await new Promise((r) => setTimeout(r, 1200))
            finished = true
          },
        }),
      ],
      { url: database.current.url, work: true, log, pollingIntervalSeconds: 0.5 },
    )
    await runner.start({})
    const id = await runner.enqueue('test.slow_report', {})
    await eventually('the job to start', async () => {
      const [job] = await runner.boss.findJobs('test.slow_report', { id: id! })
      return job?.state === 'active' ? true : undefined
    })
    await runner.stop(10_000)
    expect(finished).toBe(true)
    const check = new JobRunner<unknown>([], { url: database.current.url, work: false, log })
    await check.start({})
    const [job] = await check.boss.findJobs('test.slow_report', { id: id! })
    expect(job?.state).toBe('completed')
    await check.stop(1000)
  })

  it('refuses a payload that does not match the job schema', async () => {
    const runner = new JobRunner<unknown>(
      [
        defineJob({
          name: 'test.typed',
          description: 'typed payload',
          payload: z.object({ amount: z.number().int() }),
          retry: { limit: 0, delaySeconds: 1, backoff: false },
          timeoutSeconds: 5,
          handler: async () => undefined,
        }),
      ],
      { url: database.current.url, work: false, log },
    )
    runners.push(runner)
    await runner.start({})
    await expect(runner.enqueue('test.typed', { amount: 'ten' })).rejects.toThrow()
    await expect(runner.enqueue('test.unknown', {})).rejects.toThrow(/Unknown job/)
  })
})
