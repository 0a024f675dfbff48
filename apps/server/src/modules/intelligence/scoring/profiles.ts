import { canonicalSkill, findSkillsInText, skillById, skillKey } from '@app/skills'

/**
 * The profiles matching scores. They hold only what a match may be explained by: no name, gender,
 * age, photo or nationality (the profile tests prove no such field exists). `country` is where the
 * role is or the person lives/works, used for location fit only.
 */
export interface RoleProfile {
  roleId: string
  function: string
  industry: string | null
  seniority: string
  country: string | null
  location: string | null
  workMode: string
  salaryMin: bigint
  salaryMax: bigint
  salaryCurrency: string
  /** Canonical skill ids (`react`, `type-script`); unknown skills as `raw:<key>`. */
  skillIds: string[]
}

export interface CandidateProfile {
  candidateId: string
  title: string | null
  /** Inferred from the title, else from the skills' functions; null when neither says. */
  function: string | null
  /** Inferred from the title's words, else from years of experience. */
  seniority: string | null
  yearsExperience: number | null
  country: string | null
  location: string | null
  skillIds: string[]
  salaryMin: bigint | null
  salaryMax: bigint | null
  salaryCurrency: string | null
}

export const SENIORITY_ORDER = ['intern', 'junior', 'mid', 'senior', 'lead', 'executive'] as const

/** The canonical id of a skill as written (`ReactJS` → `react`), or `raw:<key>` when unknown. */
export function skillIdOf(name: string): string {
  const skill = canonicalSkill(name)
  return skill ? skill.id : `raw:${skillKey(name)}`
}

export function skillLabel(id: string): string {
  return id.startsWith('raw:') ? id.slice(4) : (skillById(id)?.label ?? id)
}

/** The skills a role's text names (title and description), as canonical ids. */
export function roleSkillIds(title: string, description: string): string[] {
  return [...new Set(findSkillsInText(`${title}\n${description}`).map((m) => m.skill.id))]
}

export function candidateSkillIds(skills: readonly string[]): string[] {
  return [...new Set(skills.filter((s) => s.trim()).map(skillIdOf))]
}

/** Every id a skill set reaches: the skills and their related skills (candidate generation). */
export function withRelated(ids: readonly string[]): string[] {
  const out = new Set(ids)
  for (const id of ids) for (const r of skillById(id)?.related ?? []) out.add(r)
  return [...out]
}

const TITLE_FUNCTIONS: [RegExp, string][] = [
  [/\b(data scien|data analy|data engineer|machine learning|ml engineer|analytics|bi developer)/i, 'data'],
  [/\b(product manager|product owner|head of product|vp product|product lead)/i, 'product'],
  [/\b(designer|ux|ui\b|design lead)/i, 'design'],
  [/\b(customer success|support|account manager|onboarding)/i, 'customer_success'],
  [/\b(sales|account executive|sdr|bdr|business development)/i, 'sales'],
  [/\b(marketing|growth|seo|content|brand)/i, 'marketing'],
  [/\b(recruit|talent|people|hr\b|human resources)/i, 'people'],
  [/\b(counsel|lawyer|legal|attorney|paralegal)/i, 'legal'],
  [/\b(finance|accountant|controller|cfo|fp&a|bookkeep)/i, 'finance'],
  [/\b(operations|ops manager|supply chain|logistics|procurement)/i, 'operations'],
  [/\b(engineer|developer|programmer|devops|sre|architect|cto|qa\b|tester)/i, 'engineering'],
]

const TITLE_LEVELS: [RegExp, string][] = [
  [/\b(intern|internship|student)\b/i, 'intern'],
  [/\b(junior|jr\.?|graduate|entry)\b/i, 'junior'],
  [/\b(vp|vice president|director|head of|chief|cto|cfo|ceo|coo)\b/i, 'executive'],
  [/\b(lead|principal|staff|manager)\b/i, 'lead'],
  [/\b(senior|sr\.?)\b/i, 'senior'],
]

export function inferFunction(title: string | null, skillIds: readonly string[]): string | null {
  if (title) for (const [re, fn] of TITLE_FUNCTIONS) if (re.test(title)) return fn
  const counts = new Map<string, number>()
  for (const id of skillIds) {
    const fn = skillById(id)?.function
    if (fn && fn !== 'general' && fn !== 'languages') counts.set(fn, (counts.get(fn) ?? 0) + 1)
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
  return best ? best[0] : null
}

export function inferSeniority(title: string | null, years: number | null): string | null {
  if (title) for (const [re, level] of TITLE_LEVELS) if (re.test(title)) return level
  if (years === null) return null
  if (years < 1) return 'intern'
  if (years < 2) return 'junior'
  if (years < 5) return 'mid'
  if (years < 8) return 'senior'
  if (years < 12) return 'lead'
  return 'executive'
}
