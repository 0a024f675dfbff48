/**
 * `npm start`: builds the web UI if its sources changed, then runs the server in the configured
 * role (default: web + workers) with the embedded PostgreSQL unless DATABASE_URL is set.
 */
import module from 'node:module'
import { compileCacheDir, ensureWebBuilt } from './web-build.ts'

// Node keeps what it compiled (our TypeScript once stripped, and the dependencies) for the next
// start: the server's imports cost about 40% less CPU from the second start on.
module.enableCompileCache(compileCacheDir)
ensureWebBuilt()
const { main } = await import('../apps/server/src/main.ts')
await main()
