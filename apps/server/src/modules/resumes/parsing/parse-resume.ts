import { findSkillsInText } from '@app/skills'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { ISRAELI_CITIES, WORLD_CITIES } from './places.ts'

/** Stored with every parse: a parse is compared with corrections only within one version. */
export const PARSER_VERSION = 'resumes-1.0'

/** Where a value came from: the text as extracted and its offset in it. */
export interface Evidence {
  snippet: string
  offset: number
}

export interface Field<T> {
  value: T
  /** 0–1: how sure the parser is (a rule that matched exactly, or a guess from the layout). */
  confidence: number
  evidence: Evidence | null
}

export interface ParsedPosition {
  title: string | null
  employer: string | null
  /** `YYYY-MM`, or `YYYY` when the resume gives the year only. */
  start: string | null
  end: string | null
  current: boolean
  confidence: number
  evidence: Evidence
}

export interface ParsedEducation {
  degree: string | null
  institution: string | null
  year: number | null
  confidence: number
  evidence: Evidence
}

export interface ParsedSkill {
  /** The taxonomy's id and label (`@app/skills`). */
  id: string
  label: string
  confidence: number
  evidence: Evidence
}

export interface ResumeFields {
  name: Field<string> | null
  email: Field<string> | null
  /** E.164. */
  phone: Field<string> | null
  location: Field<string> | null
  titles: Field<string>[]
  employers: ParsedPosition[]
  /** Years covered by the dated positions, overlaps counted once, one decimal. */
  years_of_experience: Field<number> | null
  education: ParsedEducation[]
  skills: ParsedSkill[]
}

export type ResumeLanguage = 'en' | 'he' | 'unsupported'

export interface ResumeWarning {
  code: 'language_unsupported' | 'no_positions_found' | 'year_only_dates' | 'name_not_found'
  message: string
}

export interface ResumeParse {
  language: ResumeLanguage
  fields: ResumeFields
  warnings: ResumeWarning[]
}

type SectionKind =
  | 'header'
  | 'summary'
  | 'experience'
  | 'education'
  | 'skills'
  | 'languages'
  | 'contact'
  | 'other'

const HEADINGS: Record<Exclude<SectionKind, 'header'>, string[]> = {
  summary: [
    'summary',
    'profile',
    'about',
    'about me',
    'professional summary',
    'objective',
    'תקציר',
    'פרופיל',
    'על עצמי',
    'תמצית',
    'о себе',
  ],
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'ניסיון תעסוקתי',
    'ניסיון מקצועי',
    'ניסיון',
    'опыт работы',
    'опыт',
  ],
  education: [
    'education',
    'education & training',
    'education and training',
    'academic background',
    'השכלה',
    'השכלה אקדמית',
    'לימודים',
    'образование',
  ],
  skills: [
    'skills',
    'technical skills',
    'core skills',
    'key skills',
    'competencies',
    'technologies',
    'tools',
    'כישורים',
    'מיומנויות',
    'כלים',
    'טכנולוגיות',
    'навыки',
  ],
  languages: ['languages', 'שפות', 'языки'],
  contact: ['contact', 'contact details', 'contact information', 'פרטי קשר', 'контакты'],
  other: [
    'certifications',
    'projects',
    'volunteering',
    'military service',
    'interests',
    'references',
    'awards',
    'שירות צבאי',
    'הסמכות',
    'פרויקטים',
    'התנדבות',
  ],
}
const HEADING_OF = new Map<string, SectionKind>(
  Object.entries(HEADINGS).flatMap(([kind, names]) => names.map((n) => [n, kind as SectionKind])),
)

interface Line {
  text: string
  offset: number
}
interface Section {
  kind: SectionKind
  lines: Line[]
}

const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/** Hebrew month names as resumes write them (the corpus generator writes dates with them too). */
export const MONTHS_HE = [
  'ינואר',
  'פברואר',
  'מרץ',
  'אפריל',
  'מאי',
  'יוני',
  'יולי',
  'אוגוסט',
  'ספטמבר',
  'אוקטובר',
  'נובמבר',
  'דצמבר',
]
const MONTH_WORD =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|ינואר|פברואר|מרץ|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר)'
const DATE = `(?:${MONTH_WORD}\\.?\\s+(?:19|20)\\d{2}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\\d{2}|(?:19|20)\\d{2})`
const PRESENT =
  '(?:present|current|now|today|to date|ongoing|היום|הווה|כיום|עד היום|н\\.в\\.|настоящее время)'
const RANGE_SOURCE = `(${DATE})\\s*(?:-|–|—|to|until|till|עד)\\s*(${DATE}|${PRESENT})`
const RANGE = new RegExp(RANGE_SOURCE, 'giu')
const HAS_RANGE = new RegExp(RANGE_SOURCE, 'iu')

const TITLE_WORDS =
  /\b(engineer|developer|manager|director|designer|analyst|scientist|recruiter|lead|head|vp|vice president|specialist|consultant|architect|administrator|coordinator|representative|executive|officer|intern|associate|accountant|marketer|owner|programmer|researcher|editor|writer|sre|devops|cto|ceo|cfo|coo|founder|partner|advisor|assistant|technician|tester|qa|support|staff|principal|senior|junior)\b/giu
const HEBREW_TITLE =
  /(^|\s)(מנהל|מפתח|מהנדס|מגייס|רכז|אנליסט|מעצב|ראש|סמנכ|יועץ|יועצת|חוקר|מתכנת|ארכיטקט|אחראי|נציג|מנכ|מנתח|מדען|עוזר|מזכיר|טכנאי|בודק|מוביל|בכיר)/u

const DEGREE =
  /(?<![\p{L}])(B\.?\s?Sc\.?|B\.?\s?S\.?|B\.?\s?A\.?|BFA|B\.?\s?Tech|B\.?\s?Eng|M\.?\s?Sc\.?|M\.?\s?S\.?|M\.?\s?A\.?|MBA|M\.?\s?Eng|Ph\.?\s?D\.?|Bachelor(?:'s)?|Master(?:'s)?|Doctor(?:ate)?|Associate(?:'s)? degree|תואר ראשון|תואר שני|תואר שלישי|דוקטורט|הנדסאי|טכנאי)(?![\p{L}])/u
const INSTITUTION =
  /(university|college|institute|school|academy|technion|polytechnic|\bIIT\b|\bMIT\b|אוניברסיט|הטכניון|טכניון|מכללה|המכללה|מכללת|האוניברסיטה|ויצמן|סמינר)/iu

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
const PHONE = /(?:\+|00)?\(?\d[\d\s().-]{6,18}\d/g

/** Reads a resume's fields from its extracted text. `now` ends current positions. */
export function parseResumeText(text: string, now: Date): ResumeParse {
  const language = detectLanguage(text)
  const warnings: ResumeWarning[] = []
  const lines = splitLines(text)
  const sections = splitSections(lines)
  const israeli = /[\u0590-\u05ff]/.test(text) || /israel|ישראל/i.test(text)
  const email = findEmail(text)
  const phone = findPhone(text, israeli)
  if (language === 'unsupported') {
    const skills = findSkills(text, sections, lines, [])
    warnings.push({
      code: 'language_unsupported',
      message:
        'The resume is mostly in a language other than English or Hebrew: only the email, phone and skills written in Latin letters were read. Fill in the rest by hand.',
    })
    return {
      language,
      fields: {
        name: null,
        email,
        phone,
        location: null,
        titles: [],
        employers: [],
        years_of_experience: null,
        education: [],
        skills,
      },
      warnings,
    }
  }
  const name = findName(sections, lines)
  if (!name) warnings.push({ code: 'name_not_found', message: 'No name was found at the top of the resume.' })
  const employers = findPositions(sections, text)
  if (employers.length === 0)
    warnings.push({
      code: 'no_positions_found',
      message: 'No dated positions were found; years of experience are unknown.',
    })
  const years = yearsOfExperience(employers, now)
  if (employers.some((p) => p.start?.length === 4))
    warnings.push({
      code: 'year_only_dates',
      message: 'Some positions give years without months; years of experience are approximate.',
    })
  const education = findEducation(sections)
  // A company or a school is not a skill: "worked at HubSpot", "Hebrew University".
  const names: Span[] = []
  for (const p of employers) if (p.employer) names.push(...spansOf(text, p.evidence, p.employer))
  for (const e of education) if (e.institution) names.push(...spansOf(text, e.evidence, e.institution))
  const skills = findSkills(text, sections, lines, names)
  const titles: Field<string>[] = []
  for (const p of employers)
    if (p.title && !titles.some((t) => t.value === p.title))
      titles.push({ value: p.title, confidence: p.confidence, evidence: p.evidence })
  return {
    language,
    fields: {
      name,
      email,
      phone,
      location: findLocation(sections, lines),
      titles,
      employers,
      years_of_experience: years,
      education,
      skills,
    },
    warnings,
  }
}

export function detectLanguage(text: string): ResumeLanguage {
  let latin = 0
  let hebrew = 0
  let other = 0
  for (const ch of text) {
    if (/[A-Za-z\u00c0-\u024f]/.test(ch)) latin++
    else if (/[\u0590-\u05ff]/.test(ch)) hebrew++
    else if (/\p{L}/u.test(ch)) other++
  }
  const total = latin + hebrew + other
  if (total === 0 || other > total * 0.35) return 'unsupported'
  return hebrew > (latin + hebrew) * 0.25 ? 'he' : 'en'
}

function splitLines(text: string): Line[] {
  const out: Line[] = []
  let offset = 0
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length
    if (raw.trim()) out.push({ text: raw.trim(), offset: offset + lead })
    offset += raw.length + 1
  }
  return out
}

function headingKind(line: string): SectionKind | null {
  const key = line
    .toLowerCase()
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (key.split(' ').length > 4) return null
  return HEADING_OF.get(key) ?? null
}

function splitSections(lines: readonly Line[]): Section[] {
  const sections: Section[] = [{ kind: 'header', lines: [] }]
  for (const l of lines) {
    const kind = headingKind(l.text)
    if (kind) sections.push({ kind, lines: [] })
    else sections.at(-1)?.lines.push(l)
  }
  return sections
}

const ev = (snippet: string, offset: number): Evidence => ({ snippet, offset })

function findEmail(text: string): Field<string> | null {
  const m = EMAIL.exec(text)
  EMAIL.lastIndex = 0
  return m ? { value: m[0].toLowerCase(), confidence: 0.99, evidence: ev(m[0], m.index) } : null
}

function findPhone(text: string, israeli: boolean): Field<string> | null {
  for (const m of text.matchAll(PHONE)) {
    const raw = m[0].trim()
    const digits = raw.replace(/\D/g, '')
    if (digits.length < 8 || digits.length > 15) continue
    // Date ranges and years are not phone numbers.
    if (/^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$/.test(raw) || /\d{1,2}[/.](?:19|20)\d{2}/.test(raw))
      continue
    const parsed =
      parsePhoneNumberFromString(raw, israeli ? 'IL' : 'US') ??
      parsePhoneNumberFromString(raw, israeli ? 'US' : 'IL')
    if (parsed?.isValid())
      return {
        value: parsed.number,
        confidence: raw.startsWith('+') || raw.startsWith('00') ? 0.97 : 0.9,
        evidence: ev(raw, m.index ?? 0),
      }
  }
  return null
}

type Span = [number, number]

/** Where `value` occurs within the evidence's stretch of the text. */
function spansOf(text: string, evidence: Evidence, value: string): Span[] {
  const out: Span[] = []
  const end = evidence.offset + evidence.snippet.length
  for (let i = text.indexOf(value, evidence.offset); i >= 0 && i < end; i = text.indexOf(value, i + 1))
    out.push([i, i + value.length])
  return out
}

function findSkills(
  text: string,
  sections: readonly Section[],
  lines: readonly Line[],
  exclude: readonly Span[],
): ParsedSkill[] {
  const skillsSection = sections.filter((s) => s.kind === 'skills').flatMap((s) => s.lines)
  const inSkills = (offset: number) =>
    skillsSection.some((l) => offset >= l.offset && offset < l.offset + l.text.length)
  // Not skills: e-mail addresses and links ("example.net" is not .NET), section headings
  // ("Education & Training"), employers' and schools' names.
  const skip: Span[] = [...exclude]
  for (const m of text.matchAll(/\S+@\S+|https?:\/\/\S+|www\.\S+/g))
    skip.push([m.index ?? 0, (m.index ?? 0) + m[0].length])
  for (const l of lines) if (headingKind(l.text)) skip.push([l.offset, l.offset + l.text.length])
  // The taxonomy reports each skill's first mention: blank what is skipped (same length, so
  // offsets hold) and a later mention still counts.
  let scanned = text
  for (const [a, b] of skip) scanned = `${scanned.slice(0, a)}${' '.repeat(b - a)}${scanned.slice(b)}`
  const out = new Map<string, ParsedSkill>()
  for (const m of findSkillsInText(scanned)) {
    const confidence = inSkills(m.index) ? 0.95 : 0.75
    const prev = out.get(m.skill.id)
    if (!prev || confidence > prev.confidence)
      out.set(m.skill.id, { id: m.skill.id, label: m.skill.label, confidence, evidence: ev(m.text, m.index) })
  }
  return [...out.values()].sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label))
}

const NAME_WORD = /^(?:[A-Z\u00c0-\u00de][\p{L}'’-]+|[\u05d0-\u05ea][\u05d0-\u05ea'"׳״-]*)$/u

function findName(sections: readonly Section[], all: readonly Line[]): Field<string> | null {
  const candidates = [
    ...(sections.find((s) => s.kind === 'header')?.lines ?? []),
    ...sections.filter((s) => s.kind === 'contact').flatMap((s) => s.lines),
  ]
  const first = all[0]
  for (const l of candidates.slice(0, 8)) {
    const words = l.text.split(/\s+/)
    if (words.length < 2 || words.length > 4) continue
    if (/[\d@|·•,]/.test(l.text)) continue
    if (!words.every((w) => NAME_WORD.test(w))) continue
    if (titleScore(l.text) > 0 || isPlace(l.text)) continue
    return { value: l.text, confidence: l === first ? 0.92 : 0.75, evidence: ev(l.text, l.offset) }
  }
  return null
}

const PLACES = new Set([...ISRAELI_CITIES, ...WORLD_CITIES].map((c) => placeKey(c)))
function placeKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’`׳]/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim()
}
function isPlace(s: string): boolean {
  const head = s.split(',')[0] ?? s
  return PLACES.has(placeKey(head))
}

function findLocation(sections: readonly Section[], all: readonly Line[]): Field<string> | null {
  for (const l of all) {
    const m = /^(?:location|address|based in|מגורים|כתובת|עיר|מיקום)\s*[:：]\s*(.+)$/iu.exec(l.text)
    if (m?.[1])
      return {
        value: m[1].trim(),
        confidence: 0.9,
        evidence: ev(m[1].trim(), l.offset + l.text.indexOf(m[1])),
      }
  }
  const top = [
    ...(sections.find((s) => s.kind === 'header')?.lines ?? []),
    ...sections.filter((s) => s.kind === 'contact').flatMap((s) => s.lines),
  ]
  for (const l of top)
    for (const seg of segments(l.text)) {
      if (/@|\d{3}/.test(seg.text)) continue
      if (isPlace(seg.text)) {
        const known = /^[\p{L} .'’-]+(?:,\s*[\p{L} .]+)?$/u.test(seg.text)
        if (known) return { value: seg.text, confidence: 0.85, evidence: ev(seg.text, l.offset + seg.index) }
      }
    }
  for (const l of top)
    for (const seg of segments(l.text))
      if (/^[A-Z][\p{L} .'’-]+,\s*(?:[A-Z]{2}|[A-Z][\p{L} ]+)$/u.test(seg.text) && !/@|\d/.test(seg.text))
        return { value: seg.text, confidence: 0.6, evidence: ev(seg.text, l.offset + seg.index) }
  return null
}

/** The parts of a contact line: `a · b | c • d`. */
function segments(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = []
  const re = /[^·|•]+/g
  for (const m of text.matchAll(re)) {
    const t = m[0].trim()
    if (t) out.push({ text: t, index: (m.index ?? 0) + m[0].indexOf(t) })
  }
  return out
}

function titleScore(s: string): number {
  return (s.match(TITLE_WORDS)?.length ?? 0) + (HEBREW_TITLE.test(s) ? 2 : 0)
}

function monthOf(token: string): string | null {
  const t = token.trim().toLowerCase()
  let m = /^(\d{1,2})[/.]((?:19|20)\d{2})$/.exec(t)
  if (m) return `${m[2]}-${String(Number(m[1])).padStart(2, '0')}`
  m = /^(\p{L}+)\.?\s+((?:19|20)\d{2})$/u.exec(t)
  if (m?.[1]) {
    const word = m[1]
    let idx = MONTHS_EN.findIndex((p) => word.startsWith(p))
    if (idx < 0) idx = MONTHS_HE.indexOf(word)
    if (idx >= 0) return `${m[2]}-${String(idx + 1).padStart(2, '0')}`
  }
  m = /^((?:19|20)\d{2})$/.exec(t)
  return m?.[1] ?? null
}

function findPositions(sections: readonly Section[], text: string): ParsedPosition[] {
  let lines = sections.filter((s) => s.kind === 'experience').flatMap((s) => s.lines)
  if (lines.length === 0)
    lines = sections.filter((s) => s.kind !== 'education' && s.kind !== 'header').flatMap((s) => s.lines)
  if (lines.length === 0) return []
  // Ranges may wrap onto the next line in a narrow column ("08/2020\n- Current"): match on the
  // section's lines joined, keeping each line's offset.
  const out: ParsedPosition[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line
    const next = lines[i + 1]
    const joined = next ? `${line.text} ${next.text}` : line.text
    for (const m of joined.matchAll(RANGE)) {
      if (m.index >= line.text.length) break
      const start = monthOf(m[1] ?? '')
      const endToken = m[2] ?? ''
      const current = new RegExp(`^${PRESENT}$`, 'iu').test(endToken.trim())
      const end = current ? null : monthOf(endToken)
      if (!start) continue
      const spillsOver = m.index + m[0].length > line.text.length
      const rest = `${line.text.slice(0, m.index)} ${line.text.slice(m.index + m[0].length)}`
      const parts = splitParts(rest)
      const prev = lines[i - 1]
      const usePrev =
        prev &&
        parts.length < 2 &&
        !HAS_RANGE.test(prev.text) &&
        !/^[•\-–*]/.test(prev.text) &&
        prev.text.length < 90 &&
        !out.some((p) => p.evidence.offset === prev.offset)
      const headerParts = usePrev ? [...splitParts(prev.text), ...parts] : parts
      const { title, employer } = titleAndEmployer(headerParts)
      const evidenceLine = usePrev && prev ? prev : line
      const snippet = usePrev && prev ? `${prev.text}\n${line.text}` : line.text
      out.push({
        title,
        employer,
        start,
        end,
        current,
        confidence: title && employer ? (start.length === 7 ? 0.85 : 0.7) : 0.5,
        evidence: ev(snippet, evidenceLine.offset),
      })
      if (spillsOver) i++
      break
    }
  }
  void text
  return out
}

function splitParts(s: string): string[] {
  return s
    .split(/\s+[·|•—–@]\s+|\s+-\s+|,\s+|\s{2,}|\s+at\s+|\|/u)
    .map((p) => p.replace(/^[\s,|·•–—-]+|[\s,|·•–—-]+$/g, '').trim())
    .filter((p) => p && /\p{L}/u.test(p))
}

function titleAndEmployer(parts: string[]): { title: string | null; employer: string | null } {
  if (parts.length === 0) return { title: null, employer: null }
  if (parts.length === 1) {
    const only = parts[0] as string
    return titleScore(only) > 0 ? { title: only, employer: null } : { title: null, employer: only }
  }
  const scored = parts.map((p, i) => ({ p, i, s: titleScore(p) }))
  const best = [...scored].sort((a, b) => b.s - a.s || a.i - b.i)[0] as (typeof scored)[number]
  const title = best.s > 0 ? best.p : (parts[0] as string)
  const employer =
    parts.find((p) => p !== title && titleScore(p) === 0) ?? parts.find((p) => p !== title) ?? null
  return { title, employer }
}

/** A year without a month starts in January and, as an end, runs through December. */
function monthNumber(ym: string, isEnd: boolean): number {
  const [y, m] = ym.split('-').map(Number) as [number, number | undefined]
  return y * 12 + (m === undefined ? (isEnd ? 11 : 0) : m - 1)
}

export function yearsOfExperience(positions: readonly ParsedPosition[], now: Date): Field<number> | null {
  const nowMonth = now.getUTCFullYear() * 12 + now.getUTCMonth()
  const ranges = positions
    .filter((p) => p.start)
    .map((p) => {
      const s = monthNumber(p.start as string, false)
      const e = p.end ? monthNumber(p.end, true) : nowMonth
      return [s, Math.min(Math.max(e, s), nowMonth)] as [number, number]
    })
    .sort((a, b) => a[0] - b[0])
  if (ranges.length === 0) return null
  let months = 0
  let cur: [number, number] | null = null
  for (const [s, e] of ranges) {
    if (cur && s <= cur[1]) cur[1] = Math.max(cur[1], e)
    else {
      if (cur) months += cur[1] - cur[0]
      cur = [s, e]
    }
  }
  if (cur) months += cur[1] - cur[0]
  const first = positions.find((p) => p.start)
  return {
    value: Math.round((months / 12) * 10) / 10,
    confidence: positions.every((p) => (p.start?.length ?? 0) === 7) ? 0.85 : 0.6,
    evidence: first ? first.evidence : null,
  }
}

function findEducation(sections: readonly Section[]): ParsedEducation[] {
  const lines = sections.filter((s) => s.kind === 'education').flatMap((s) => s.lines)
  if (lines.length === 0) return []
  // Entries start at a degree; a wrapped entry continues on the next lines.
  const entries: { text: string; offset: number }[] = []
  for (const l of lines) {
    const last = entries.at(-1)
    if (DEGREE.test(l.text) || !last) entries.push({ text: l.text, offset: l.offset })
    else last.text = `${last.text} ${l.text}`
  }
  const out: ParsedEducation[] = []
  for (const e of entries) {
    const years = [...e.text.matchAll(/\b(19[5-9]\d|20\d{2})\b/g)].map((m) => Number(m[1]))
    const body = e.text.replace(/\b(19[5-9]\d|20\d{2})\b/g, ' ')
    const parts = body
      .split(/\s+[—–|·-]\s+|,\s+|\s{2,}/u)
      .map((p) => p.trim().replace(/[,.]$/, ''))
      .filter((p) => /\p{L}/u.test(p))
    const degIdx = parts.findIndex((p) => DEGREE.test(p))
    const instIdx = parts.findIndex((p, i) => i !== degIdx && INSTITUTION.test(p))
    let institution: string | null = null
    if (instIdx >= 0) {
      const tail = parts.slice(instIdx)
      // "University of California, Berkeley": a campus after the comma belongs to it.
      institution =
        tail.length > 1 && !DEGREE.test(tail[1] as string) && !INSTITUTION.test(tail[1] as string)
          ? `${tail[0]}, ${tail[1]}`
          : (tail[0] as string)
    } else if (degIdx >= 0 && parts[degIdx + 1]) institution = parts[degIdx + 1] as string
    const degree = degIdx >= 0 ? (parts[degIdx] as string) : null
    if (!degree && !institution) continue
    out.push({
      degree,
      institution,
      year: years.at(-1) ?? null,
      confidence: degree && institution ? 0.85 : 0.5,
      evidence: ev(e.text, e.offset),
    })
  }
  return out
}
