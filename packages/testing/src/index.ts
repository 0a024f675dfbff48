export { type ApiResponse, apiClient } from './api-client.ts'
export { CHROMIUM_PATH, launchBrowser, newPage, SCREENSHOT_DIR, screenshot } from './browser.ts'
export * from './factories/index.ts'
export {
  makeInvitation,
  makeOrganization,
  platformOrganization,
  type RoleGrant,
  signIn,
  type TestOrganization,
  uniqueEmail,
  uniqueIsraeliMobile,
} from './factories/people.ts'
export { type SmsSinkMessage, startSmsSink } from './fakes/sms-sink.ts'
export { addAcmeCompany } from './fixtures.ts'
export { captureLogger } from './log-capture.ts'
export { adminQuery, cloneDatabase, dropDatabase, freePort, startThrowawayPostgres } from './postgres.ts'
export { sessionFor, sessionOfUser, type TestSession } from './sessions.ts'
export { startTestApp, type TestAppOptions } from './test-app.ts'
export { createTestDatabase, type TestDatabase, useTestDatabase } from './test-database.ts'
