import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE } from '../parsing/extract-text.ts'
import type { ResumeParse } from '../parsing/parse-resume.ts'
import { parseResumeFile } from '../parsing/parse-resume-file.ts'

export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../corpus/files')
/** The corpus's "now" (see corpus/make-corpus.ts): current positions run until this month. */
export const CORPUS_NOW = new Date('2026-12-01T00:00:00Z')

export interface ExpectedResume {
  id: string
  /** Written after the parser was tuned, in layouts it was not tuned on. */
  held_out: boolean
  file: string
  language_supported: boolean
  name: string | null
  email: string | null
  phone: string | null
  location: string | null
  titles: string[]
  employers: { name: string; title: string; start: string; end: string | null }[]
  years_of_experience: number | null
  education: { degree: string; institution: string; year: number }[]
  skills: string[]
}

export interface CorpusFile {
  expected: ExpectedResume
  bytes: Uint8Array
  mediaType: string
}

export function loadCorpus(): CorpusFile[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8')) as ExpectedResume
      return {
        expected,
        bytes: new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, expected.file))),
        mediaType: expected.file.endsWith('.pdf') ? PDF_MEDIA_TYPE : DOCX_MEDIA_TYPE,
      }
    })
}

export const FIELDS = [
  'name',
  'email',
  'phone',
  'location',
  'titles',
  'employers',
  'positions',
  'years_of_experience',
  'education',
  'skills',
  'language',
] as const
export type EvaluatedField = (typeof FIELDS)[number]

export interface Tally {
  tp: number
  fp: number
  fn: number
}
export interface FieldScore extends Tally {
  precision: number
  recall: number
}

/** Loose text key: case, punctuation and spacing do not count ("B.Sc." = "BSc"). */
export function norm(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`׳".,()]/g, '')
    .replace(/[-–—\s]+/g, ' ')
    .trim()
}

function single(
  t: Tally,
  predicted: string | null,
  expected: string | null,
  same = (a: string, b: string) => a === b,
) {
  if (predicted !== null && expected !== null && same(predicted, expected)) t.tp++
  else {
    if (predicted !== null) t.fp++
    if (expected !== null) t.fn++
  }
}

function sets(t: Tally, predicted: readonly string[], expected: readonly string[]) {
  const exp = new Set(expected)
  const pred = new Set(predicted)
  for (const p of pred) exp.has(p) ? t.tp++ : t.fp++
  for (const e of exp) if (!pred.has(e)) t.fn++
}

export interface ResumeResult {
  id: string
  parse: ResumeParse
  misses: string[]
}

/** Scores one parse against its answer key, adding to the tallies; returns what it got wrong. */
export function score(
  parse: ResumeParse,
  e: ExpectedResume,
  tallies: Record<EvaluatedField, Tally>,
): string[] {
  const f = parse.fields
  const before = JSON.stringify(tallies)
  const misses: string[] = []
  const track = (field: EvaluatedField, run: () => void, detail: () => string) => {
    const t = tallies[field]
    const [fp, fn] = [t.fp, t.fn]
    run()
    if (t.fp !== fp || t.fn !== fn) misses.push(`${field}: ${detail()}`)
  }
  track(
    'language',
    () =>
      single(
        tallies.language,
        parse.language === 'unsupported' ? 'no' : 'yes',
        e.language_supported ? 'yes' : 'no',
      ),
    () => parse.language,
  )
  track(
    'name',
    () => single(tallies.name, f.name?.value ?? null, e.name, (a, b) => norm(a) === norm(b)),
    () => `${f.name?.value} ≠ ${e.name}`,
  )
  track(
    'email',
    () => single(tallies.email, f.email?.value ?? null, e.email),
    () => `${f.email?.value} ≠ ${e.email}`,
  )
  track(
    'phone',
    () => single(tallies.phone, f.phone?.value ?? null, e.phone),
    () => `${f.phone?.value} ≠ ${e.phone}`,
  )
  track(
    'location',
    () => single(tallies.location, f.location?.value ?? null, e.location, (a, b) => norm(a) === norm(b)),
    () => `${f.location?.value} ≠ ${e.location}`,
  )
  track(
    'years_of_experience',
    () =>
      single(
        tallies.years_of_experience,
        f.years_of_experience ? String(f.years_of_experience.value) : null,
        e.years_of_experience === null ? null : String(e.years_of_experience),
        (a, b) => Math.abs(Number(a) - Number(b)) <= 0.5,
      ),
    () => `${f.years_of_experience?.value} ≠ ${e.years_of_experience}`,
  )
  const pTitles = f.titles.map((t) => norm(t.value))
  track(
    'titles',
    () => sets(tallies.titles, pTitles, e.titles.map(norm)),
    () => `${JSON.stringify(pTitles)} ≠ ${JSON.stringify(e.titles.map(norm))}`,
  )
  const pEmployers = f.employers.map((p) => norm(p.employer)).filter(Boolean)
  track(
    'employers',
    () =>
      sets(
        tallies.employers,
        pEmployers,
        e.employers.map((x) => norm(x.name)),
      ),
    () => `${JSON.stringify(pEmployers)}`,
  )
  const key = (title: string | null, employer: string | null, start: string | null, end: string | null) =>
    `${norm(title)}|${norm(employer)}|${start}|${end}`
  const pPos = f.employers.map((p) => key(p.title, p.employer, p.start, p.end))
  const ePos = e.employers.map((p) => key(p.title, p.name, p.start, p.end))
  track(
    'positions',
    () => sets(tallies.positions, pPos, ePos),
    () => `${JSON.stringify(pPos)} ≠ ${JSON.stringify(ePos)}`,
  )
  const pEdu = f.education.map((x) => `${norm(x.degree)}|${norm(x.institution)}`)
  const eEdu = e.education.map((x) => `${norm(x.degree)}|${norm(x.institution)}`)
  track(
    'education',
    () => sets(tallies.education, pEdu, eEdu),
    () => `${JSON.stringify(pEdu)} ≠ ${JSON.stringify(eEdu)}`,
  )
  const pSkills = f.skills.map((s) => s.label)
  track(
    'skills',
    () => sets(tallies.skills, pSkills, e.skills),
    () =>
      `extra ${JSON.stringify(pSkills.filter((s) => !e.skills.includes(s)))} missing ${JSON.stringify(e.skills.filter((s) => !pSkills.includes(s)))}`,
  )
  void before
  return misses
}

export function scores(tallies: Record<EvaluatedField, Tally>): Record<EvaluatedField, FieldScore> {
  return Object.fromEntries(
    FIELDS.map((k) => {
      const t = tallies[k]
      return [
        k,
        {
          ...t,
          precision: t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp),
          recall: t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn),
        },
      ]
    }),
  ) as Record<EvaluatedField, FieldScore>
}

const emptyTallies = () =>
  Object.fromEntries(FIELDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<EvaluatedField, Tally>

/**
 * Parses the whole corpus and scores it: per-field precision and recall over every resume, over
 * the ones the parser was tuned on, and over the held-out ones (the honest figures).
 */
export async function evaluateCorpus(files = loadCorpus()) {
  const all = emptyTallies()
  const tuned = emptyTallies()
  const heldOut = emptyTallies()
  const results: ResumeResult[] = []
  for (const file of files) {
    const parse = await parseResumeFile(file.bytes, file.mediaType, CORPUS_NOW)
    score(parse, file.expected, file.expected.held_out ? heldOut : tuned)
    results.push({ id: file.expected.id, parse, misses: score(parse, file.expected, all) })
  }
  return { scores: scores(all), tuned: scores(tuned), heldOut: scores(heldOut), results }
}
