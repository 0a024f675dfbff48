/**
 * `npm start`: builds the web UI if its sources changed, then runs the server in the configured
 * role (default: web + workers) with the embedded PostgreSQL unless DATABASE_URL is set.
 */
import { ensureWebBuilt } from './web-build.ts'

ensureWebBuilt()
const { main } = await import('../apps/server/src/main.ts')
await main()
