import path from 'node:path'
import { type IlPspTestServer, startIlPspTestServer } from '@app/il-psp-test-server'
import type { AppContext } from '../../../kernel/context.ts'
import { httpGateway } from './gateway.ts'

/**
 * OFAIR's payment provider in this process. In demo mode a local Israeli-gateway test server is
 * started here (like billing's Stripe test server; a few milliseconds), its state kept in .data/
 * beside the database so saved cards survive a restart. Tests set `ctx.services.ofairGateway`
 * themselves, pointing at a test server of their own.
 */
let demoServer: IlPspTestServer | undefined

export async function setUpOfairGateway(ctx: AppContext): Promise<void> {
  const { config } = ctx
  if (ctx.services.ofairGateway || ctx.offline) return
  if (!config.demoMode || config.env === 'test' || ctx.entry !== 'server') return
  demoServer = await startIlPspTestServer({
    stateFile: path.join(path.dirname(config.db.embedded.dataDir), 'il-psp-test-server.json'),
  })
  ctx.services.ofairGateway = httpGateway({
    url: demoServer.url,
    terminal: demoServer.terminal,
    apiName: demoServer.apiName,
    webhookSecret: demoServer.webhookSecret,
  })
  ctx.log.info({ url: demoServer.url }, 'demo mode: OFAIR payments go to the local Israeli PSP test server')
}

export async function tearDownOfairGateway(): Promise<void> {
  await demoServer?.stop()
  demoServer = undefined
}
