/**
 * Manual use: `node packages/stripe-test-server/src/main.ts --port 12111 [--state-file f.json]
 * [--secret-key sk_test_…] [--webhook http://localhost:3000/webhooks/stripe=whsec_…]`.
 */
import { parseArgs } from 'node:util'
import { startStripeTestServer } from './server.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '12111' },
    host: { type: 'string', default: '127.0.0.1' },
    'secret-key': { type: 'string' },
    'state-file': { type: 'string' },
    webhook: { type: 'string', multiple: true, default: [] },
    'settlement-delay-ms': { type: 'string' },
    'async-payment-delay-ms': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
})

const webhookEndpoints = (values.webhook ?? []).map((spec) => {
  const at = spec.lastIndexOf('=')
  if (at === -1) throw new Error(`--webhook expects <url>=<whsec_secret>, got ${spec}`)
  return { url: spec.slice(0, at), secret: spec.slice(at + 1) }
})

const server = await startStripeTestServer({
  port: Number(values.port),
  host: values.host,
  ...(values['secret-key'] ? { secretKey: values['secret-key'] } : {}),
  ...(values['state-file'] ? { stateFile: values['state-file'] } : {}),
  ...(values['settlement-delay-ms'] ? { settlementDelayMs: Number(values['settlement-delay-ms']) } : {}),
  ...(values['async-payment-delay-ms']
    ? { asyncPaymentDelayMs: Number(values['async-payment-delay-ms']) }
    : {}),
  webhookEndpoints,
  log: !values.quiet,
})

console.log(`Stripe test server listening on ${server.url}`)
console.log(`  secret key: ${server.secretKey}`)
console.log(`  SDK: new Stripe(key, { host: '${values.host}', port: ${server.port}, protocol: 'http' })`)
console.log(`  control: ${server.url}/_test/… (see README.md)`)

const shutdown = () => {
  void server.stop().then(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
