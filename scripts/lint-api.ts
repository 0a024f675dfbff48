/**
 * Lints the server's OpenAPI document with Redocly's recommended rules (the document partners
 * generate SDKs and Postman collections from): every operation named, tagged, secured, with its
 * success and problem answers. Exits non-zero on any error or warning.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from '../apps/server/src/kernel/paths.ts'
import { buildOpenApiDocument } from '../apps/server/src/openapi-document.ts'

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-')), 'openapi.json')
fs.writeFileSync(file, JSON.stringify(await buildOpenApiDocument(), null, 2))
const result = spawnSync(
  path.join(repoRoot, 'node_modules/.bin/redocly'),
  ['lint', file, '--extends', 'recommended', '--max-problems', '50', '--format', 'stylish'],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
)
const output = `${result.stdout}${result.stderr}`
process.stdout.write(output)
const warnings = /You have (\d+) warning/.exec(output)
if (result.status !== 0 || (warnings && Number(warnings[1]) > 0)) {
  console.error('the API document does not lint clean (Redocly recommended rules)')
  process.exit(1)
}
