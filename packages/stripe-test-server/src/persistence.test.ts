import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Stripe from 'stripe'
import { describe, expect, onTestFinished, test } from 'vitest'
import { startStripeTestServer } from './server.ts'

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stripe-test-server-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'state.json')
}

const sdk = (key: string, port: number) => new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })

describe('persistence and the CLI', () => {
  test('a stateFile keeps objects, balances and idempotency keys across restarts', async () => {
    const stateFile = tempFile()
    const first = await startStripeTestServer({ stateFile })
    const s1 = sdk(first.secretKey, first.port)
    const customer = await s1.customers.create(
      { email: 'keep@example.test' },
      { idempotencyKey: 'create-keep' },
    )
    const account = await s1.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    })
    first.control.completeOnboarding(account.id)
    await s1.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      allowed_payment_method_types: ['card'],
      confirm: true,
    })
    await s1.transfers.create({ amount: 2000, currency: 'usd', destination: account.id })
    await first.stop()

    const second = await startStripeTestServer({ stateFile })
    onTestFinished(() => second.stop())
    const s2 = sdk(second.secretKey, second.port)
    expect((await s2.customers.retrieve(customer.id)).id).toBe(customer.id)
    expect((await s2.accounts.retrieve(account.id)).payouts_enabled).toBe(true)
    expect((await s2.balance.retrieve()).available[0]?.amount).toBe(3000)
    expect((await s2.balance.retrieve({}, { stripeAccount: account.id })).available[0]?.amount).toBe(2000)
    const replay = await s2.customers.create(
      { email: 'keep@example.test' },
      { idempotencyKey: 'create-keep' },
    )
    expect(replay.id).toBe(customer.id)
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true')
  })

  test('the CLI serves the API on the requested port', async () => {
    const child = spawn(
      process.execPath,
      ['packages/stripe-test-server/src/main.ts', '--port', '0', '--quiet'],
      {
        cwd: new URL('../../..', import.meta.url).pathname,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    onTestFinished(() => {
      child.kill('SIGTERM')
    })
    const banner = await new Promise<{ url: string; key: string }>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
        const key = /secret key: (sk_test_\S+)/.exec(out)?.[1]
        if (url && key) resolve({ url, key })
      })
      child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)))
    })
    expect(banner.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const client = sdk(banner.key, Number(new URL(banner.url).port))
    expect((await client.customers.create({ email: 'cli@example.test' })).email).toBe('cli@example.test')
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)
})
