import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { modules } from './index.ts'

/**
 * The boundaries between modules, checked on the sources (the compiler checks the typed queries;
 * this also catches raw SQL and imports):
 * - a module names only the tables of the schemas it owns (`AppModule.schemas`), plus the views
 *   other modules publish for joining;
 * - a module imports another module only through that module's `index.ts`;
 * - a module's database types come from its own schemas, never from the all-schemas index.
 * Tests and fixtures may reach across (they set up worlds); product code may not.
 */
const MODULES_DIR = path.dirname(new URL(import.meta.url).pathname)
const SCHEMA_DIR = path.join(MODULES_DIR, '../kernel/db/schema')
const ALL_SCHEMAS = fs
  .readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''))
/** Views a module publishes for others to join (documented in that module's index.ts). */
const PUBLISHED = new Set(['identity.user_directory'])

function sourcesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourcesOf(p)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : []
  })
}

/** The code without comments (a comment may mention anything). */
const code = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')

interface Violation {
  file: string
  what: string
}

function violationsOf(name: string, owned: readonly string[]): Violation[] {
  const dir = path.join(MODULES_DIR, name)
  if (!fs.existsSync(dir)) return []
  const foreign = ALL_SCHEMAS.filter((s) => !owned.includes(s))
  const tableRef = new RegExp(`\\b(${foreign.join('|')})\\.([a-z_]+)\\b`, 'g')
  const out: Violation[] = []
  for (const file of sourcesOf(dir)) {
    const rel = path.relative(MODULES_DIR, file)
    const text = code(fs.readFileSync(file, 'utf8'))
    for (const m of text.matchAll(tableRef)) {
      const ref = `${m[1]}.${m[2]}`
      // event types, job names and system actor names share the dotted shape: only names of
      // tables and views count
      if (PUBLISHED.has(ref) || !isRelation(ref)) continue
      out.push({ file: rel, what: `names ${ref}, a table of another module` })
    }
    for (const m of text.matchAll(/from '(\.\.\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]!)
      const relTarget = path.relative(MODULES_DIR, target)
      const [other, ...rest] = relTarget.split(path.sep)
      if (!relTarget.startsWith('..') && other !== name && rest.join('/') !== 'index.ts') {
        out.push({ file: rel, what: `imports ${relTarget}: use ${other}/index.ts` })
      }
      const schemaFile = path.relative(SCHEMA_DIR, target)
      if (!schemaFile.startsWith('..')) {
        const schema = schemaFile.replace(/\.ts$/, '')
        if (!owned.includes(schema)) out.push({ file: rel, what: `imports the types of schema ${schema}` })
      }
    }
  }
  return out
}

const relations = new Set(
  ALL_SCHEMAS.flatMap((schema) => {
    const text = fs.readFileSync(path.join(SCHEMA_DIR, `${schema}.ts`), 'utf8')
    return [...text.matchAll(/^ {2}'([a-z_]+\.[a-z_]+)':/gm)].map((m) => m[1]!)
  }),
)
const isRelation = (ref: string) => relations.has(ref)

describe('module boundaries', () => {
  it('knows which schemas each module owns, and every schema has one owner', () => {
    const owners = new Map<string, string>()
    for (const m of modules) {
      for (const s of m.schemas ?? []) {
        expect(owners.get(s), `schema ${s} owned twice`).toBeUndefined()
        owners.set(s, m.name)
      }
    }
    for (const s of ALL_SCHEMAS) expect(owners.has(s), `schema ${s} has no owning module`).toBe(true)
  })

  for (const m of modules) {
    it(`${m.name} names only its own tables and imports other modules through their index`, () => {
      expect(violationsOf(m.name, m.schemas ?? [])).toEqual([])
    })
  }

  it('would catch a module naming another’s table or reaching into its files', () => {
    const fixture = path.join(MODULES_DIR, '__boundary_probe__')
    fs.mkdirSync(fixture, { recursive: true })
    try {
      fs.writeFileSync(
        path.join(fixture, 'probe.ts'),
        "import { x } from '../identity/sessions.ts'\nconst q = sql`select * from identity.users`\n",
      )
      expect(violationsOf('__boundary_probe__', ['ats']).map((v) => v.what)).toEqual([
        'names identity.users, a table of another module',
        'imports identity/sessions.ts: use identity/index.ts',
      ])
    } finally {
      fs.rmSync(fixture, { recursive: true, force: true })
    }
  })
})
