import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute path of the repository root, whatever the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
export const migrationsDir = path.join(repoRoot, 'db', 'migrations')
