export { CHROMIUM_PATH, launchBrowser, newPage, SCREENSHOT_DIR, screenshot } from './browser.ts'
export { adminQuery, cloneDatabase, dropDatabase, freePort, startThrowawayPostgres } from './postgres.ts'
export { startTestApp, type TestAppOptions } from './test-app.ts'
export { createTestDatabase, type TestDatabase, useTestDatabase } from './test-database.ts'
