export {
  type Behaviour,
  DEFAULT_API_NAME,
  DEFAULT_TERMINAL,
  DEFAULT_WEBHOOK_SECRET,
  type IlPspTestServer,
  type IlPspTestServerOptions,
  signBody,
  startIlPspTestServer,
  TEST_CARDS,
} from './server.ts'
