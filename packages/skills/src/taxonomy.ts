import { TAXONOMY_SOURCE } from './taxonomy-data.ts'

/** A skill of the shipped taxonomy: one canonical label, the other ways people write it, and kin. */
export interface Skill {
  /** Stable key, derived from the label: `node-js`, `c-plus-plus`, `ci-cd`. */
  id: string
  label: string
  /** The function (engineering, data, sales…) or `general` that uses it most. */
  function: string
  synonyms: readonly string[]
  /** Ids of different skills that transfer partly, both directions. */
  related: readonly string[]
}

/** How a skill was found in free text: the canonical skill, what was written, and where. */
export interface SkillMention {
  skill: Skill
  /** The text as written, e.g. `ReactJS`. */
  text: string
  /** Offset of `text` in the scanned string. */
  index: number
}

/** Lower case, one space, no surrounding punctuation: `  React.JS, ` and `react.js` are one key. */
export function skillKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.()[\]-]+|[\s,;:()[\]-]+$/g, '')
    .replace(/\.$/, '')
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function parse(): Skill[] {
  const byLabel = new Map<string, { label: string; fn: string; synonyms: string[]; related: string[] }>()
  for (const [fn, block] of Object.entries(TAXONOMY_SOURCE)) {
    for (const line of block.split('\n')) {
      if (!line.trim()) continue
      const [label = '', synonyms = '', related = ''] = line.split('|').map((part) => part.trim())
      const list = (s: string) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      byLabel.set(label, { label, fn, synonyms: list(synonyms), related: list(related) })
    }
  }
  const idOf = new Map([...byLabel.keys()].map((label) => [label, slug(label)]))
  const related = new Map<string, Set<string>>()
  for (const entry of byLabel.values()) {
    for (const other of entry.related) {
      const a = idOf.get(entry.label)
      const b = idOf.get(other)
      if (!a || !b)
        throw new Error(`skills taxonomy: "${entry.label}" names unknown related skill "${other}"`)
      if (a === b) continue
      if (!related.has(a)) related.set(a, new Set())
      if (!related.has(b)) related.set(b, new Set())
      related.get(a)!.add(b)
      related.get(b)!.add(a)
    }
  }
  return [...byLabel.values()].map((e) => {
    const id = idOf.get(e.label)!
    return {
      id,
      label: e.label,
      function: e.fn,
      synonyms: e.synonyms,
      related: [...(related.get(id) ?? [])].sort(),
    }
  })
}

/** Every skill, in the order of the source (by function). */
export const SKILLS: readonly Skill[] = parse()

const byId = new Map(SKILLS.map((s) => [s.id, s]))
const byKey = new Map<string, Skill>()
for (const skill of SKILLS) {
  for (const name of [skill.label, ...skill.synonyms]) {
    const key = skillKey(name)
    const taken = byKey.get(key)
    if (taken && taken !== skill)
      throw new Error(`skills taxonomy: "${name}" names both ${taken.label} and ${skill.label}`)
    byKey.set(key, skill)
  }
}

export function skillById(id: string): Skill | undefined {
  return byId.get(id)
}

/** The canonical skill a name means (label or synonym, any case), or undefined if we do not know it. */
export function canonicalSkill(name: string): Skill | undefined {
  return byKey.get(skillKey(name))
}

/**
 * The canonical labels of a list of names, unknown names kept as written (trimmed) and duplicates
 * (after mapping) dropped: `['reactjs', 'React', 'Haskell']` → `['React', 'Haskell']`.
 */
export function normalizeSkills(names: readonly string[]): string[] {
  const out = new Map<string, string>()
  for (const name of names) {
    const trimmed = name.trim()
    if (!trimmed) continue
    const skill = canonicalSkill(trimmed)
    const key = skill ? `id:${skill.id}` : `raw:${skillKey(trimmed)}`
    if (!out.has(key)) out.set(key, skill ? skill.label : trimmed)
  }
  return [...out.values()]
}

/**
 * How much having skill `a` covers a need for skill `b`: 1 for the same skill (any synonym), 0.5 for
 * a related one, 0 otherwise. Unknown names count only when they are written the same.
 */
export function skillSimilarity(a: string, b: string): number {
  const sa = canonicalSkill(a)
  const sb = canonicalSkill(b)
  if (!sa || !sb) return skillKey(a) === skillKey(b) ? 1 : 0
  if (sa === sb) return 1
  return sa.related.includes(sb.id) ? RELATED_SKILL_WEIGHT : 0
}

/** What a related skill is worth against the one asked for. */
export const RELATED_SKILL_WEIGHT = 0.5

/**
 * Names that are also ordinary words or short letters ("Go", "C", "Express", "Lean", "IP"): in free
 * text they count only when written with the taxonomy's own capitals, never in lower case.
 */
const CASE_SENSITIVE = (name: string) =>
  name.length <= 3 ||
  /^(Go|Rust|Swift|Spring|Express|Events|Brand|Training|Lean|Audit|Tax|Pricing|Analytics|Compliance|Hiring|Leadership|Mentoring|Coaching|Communication|Negotiation|Onboarding|Renewals|Budgeting|Accounting|Payroll|Recruiting|Illustration|Animation|Copy|Documentation|Presentations|Prospecting|Retention|Upsell|Partnerships|Outbound|Contracts|Privacy|Litigation|Disputes|Patents|Trademarks|Implementation|Enablement|Sourcing|Purchasing|Warehousing|Escalations|Messaging|Launches|Branding)$/.test(
    name,
  )

interface Term {
  skill: Skill
  pattern: string
  caseSensitive: boolean
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

// Longest first, so "React Native" wins over "React" and "Node.js" over "Node".
// One-letter names ("C") are never read from free text: "Plan C", "C-level".
const TERMS: Term[] = SKILLS.flatMap((skill) =>
  [skill.label, ...skill.synonyms]
    .filter((name) => name.length > 1)
    .map((name) => ({
      skill,
      pattern: escapeRegex(name).replace(/\\\.|\s+/g, (m) => (m === '\\.' ? '\\.?' : '\\s+')),
      caseSensitive: CASE_SENSITIVE(name),
    })),
).sort((a, b) => b.pattern.length - a.pattern.length)

// A term stands alone: no letter, digit, + or # glued to either side ("Go" is not inside "Google"),
// except Hebrew's one- or two-letter prefixes (ב, ו, ה, ל, מ, ש, כ): "ובפייתון" is "and in Python".
const before = '(?:(?<=^|[^\\p{L}\\p{N}+#])|(?<=(?:^|[^\\p{L}\\p{N}])[ובהלמשכ]{1,2}))'
const edge = (body: string) => `${before}(?:${body})(?![\\p{L}\\p{N}+#])`
const SENSITIVE = new RegExp(edge(TERMS.map((t) => t.pattern).join('|')), 'gu')
const INSENSITIVE = new RegExp(
  edge(
    TERMS.filter((t) => !t.caseSensitive)
      .map((t) => t.pattern)
      .join('|'),
  ),
  'giu',
)

// Which term a matched text is: each term's anchored pattern compiled once, answers remembered
// (a job description or resume repeats the same few spellings; compiling per match cost ~20 ms a text).
const EXACT = TERMS.map((t) => ({
  term: t,
  re: new RegExp(`^(?:${t.pattern})$`, t.caseSensitive ? 'u' : 'iu'),
}))
const termOfWritten = new Map<string, Term | undefined>()
function termOf(written: string): Term | undefined {
  if (termOfWritten.has(written)) return termOfWritten.get(written)
  const term = EXACT.find((e) => e.re.test(written))?.term
  if (termOfWritten.size > 10_000) termOfWritten.clear()
  termOfWritten.set(written, term)
  return term
}

/**
 * Every skill named in a piece of free text (a resume, a job description), first mention of each,
 * in order of appearance, with what was written and where — the evidence a parser shows.
 */
export function findSkillsInText(text: string): SkillMention[] {
  const found = new Map<string, SkillMention>()
  for (const re of [INSENSITIVE, SENSITIVE]) {
    for (const m of text.matchAll(re)) {
      const written = m[0]
      const term = termOf(written)
      if (!term) continue
      const seen = found.get(term.skill.id)
      if (!seen || m.index < seen.index)
        found.set(term.skill.id, { skill: term.skill, text: written, index: m.index })
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index)
}
