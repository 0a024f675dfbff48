/**
 * Writes apps/web/src/api/schema.d.ts (types for openapi-fetch) from the server's OpenAPI
 * document. `--check` exits 1 when the committed file is out of date.
 */
import fs from 'node:fs'
import path from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import { repoRoot } from '../apps/server/src/kernel/paths.ts'
import { buildOpenApiDocument } from '../apps/server/src/openapi-document.ts'

const target = path.join(repoRoot, 'apps/web/src/api/schema.d.ts')

export async function renderApiTypes(): Promise<string> {
  const doc = await buildOpenApiDocument()
  const ast = await openapiTS(doc as never, { alphabetize: true })
  return `// Generated from the server's OpenAPI document by scripts/generate-api-types.ts. Do not edit:\n// run \`npm run api:types\`.\n${astToString(ast)}`
}

if (import.meta.main) {
  const source = await renderApiTypes()
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
  if (process.argv.includes('--check')) {
    if (current !== source) {
      console.error('apps/web/src/api/schema.d.ts is out of date: run `npm run api:types`.')
      process.exit(1)
    }
    console.log('web API types are current')
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.writeFileSync(target, source)
    console.log(`wrote ${path.relative(repoRoot, target)}`)
  }
}
