import { canonicalSkill } from '@app/skills'
import { sql } from 'kysely'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { logPiiReveal } from '../../kernel/audit/audit.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ResumesTx } from './database.ts'
import {
  PARSER_VERSION,
  type ResumeFields,
  type ResumeParse,
  type ResumeWarning,
} from './parsing/parse-resume.ts'

export interface StoredParse {
  id: string
  documentId: string
  uploadedBy: string
  mediaType: string
  language: ResumeParse['language']
  fields: ResumeFields
  warnings: ResumeWarning[]
  parserVersion: string
  parsedAt: Date
}

/** Stores a document's parse, replacing an earlier one of the same document (a retried job). */
export async function storeParse(
  tx: ResumesTx,
  input: {
    documentId: string
    uploadedBy: string
    mediaType: string
    parse: ResumeParse & { text: string }
    parsedAt: Date
  },
): Promise<void> {
  const { parse } = input
  const values = {
    media_type: input.mediaType,
    language: parse.language,
    fields: JSON.stringify(parse.fields),
    warnings: JSON.stringify(parse.warnings),
    text_chars: parse.text.length,
    parser_version: PARSER_VERSION,
    parsed_at: input.parsedAt,
  }
  await tx
    .insertInto('resumes.parses')
    .values({ document_id: input.documentId, uploaded_by: input.uploadedBy, ...values })
    .onConflict((oc) => oc.column('document_id').doUpdateSet(values))
    .execute()
}

/** The caller's own parse of a document; anyone else's is not found (row-level security agrees). */
async function ownParse(
  tx: ResumesTx,
  userId: string,
  documentId: string,
  lock = false,
): Promise<StoredParse> {
  let q = tx
    .selectFrom('resumes.parses')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('uploaded_by', '=', userId)
  if (lock) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  if (!row) throw new AppError('resume_not_found', 'No parsed resume with this document id is yours')
  return {
    id: row.id,
    documentId: row.document_id,
    uploadedBy: row.uploaded_by,
    mediaType: row.media_type,
    language: row.language as ResumeParse['language'],
    fields: row.fields as ResumeFields,
    warnings: row.warnings as ResumeWarning[],
    parserVersion: row.parser_version,
    parsedAt: row.parsed_at,
  }
}

/** The pre-filled candidate form, from the parse, with each value's evidence. */
export interface ResumeDraft {
  parse: StoredParse
  form: {
    full_name: string | null
    email: string | null
    phone: string | null
    location: string | null
    current_title: string | null
    years_experience: number | null
    skills: string[]
  }
  evidence: Record<
    'full_name' | 'email' | 'phone' | 'location' | 'current_title' | 'years_experience',
    { snippet: string; offset: number; confidence: number } | null
  > & { skills: { skill: string; snippet: string; offset: number; confidence: number }[] }
}

export function draftOf(parse: StoredParse): ResumeDraft {
  const f = parse.fields
  const current = f.employers.find((p) => p.current && p.title) ?? f.employers.find((p) => p.title)
  const withEvidence = <T>(
    field: { value: T; confidence: number; evidence: { snippet: string; offset: number } | null } | null,
  ) => (field?.evidence ? { ...field.evidence, confidence: field.confidence } : null)
  return {
    parse,
    form: {
      full_name: f.name?.value ?? null,
      email: f.email?.value ?? null,
      phone: f.phone?.value ?? null,
      location: f.location?.value ?? null,
      current_title: current?.title ?? null,
      years_experience: f.years_of_experience ? Math.min(70, Math.round(f.years_of_experience.value)) : null,
      skills: f.skills.map((s) => s.label),
    },
    evidence: {
      full_name: withEvidence(f.name),
      email: withEvidence(f.email),
      phone: withEvidence(f.phone),
      location: withEvidence(f.location),
      current_title: current ? { ...current.evidence, confidence: current.confidence } : null,
      years_experience: withEvidence(f.years_of_experience),
      skills: f.skills.map((s) => ({ skill: s.label, ...s.evidence, confidence: s.confidence })),
    },
  }
}

/** The uploader's draft; reading the contact details it carries is logged. */
export async function resumeDraft(tx: ResumesTx, userId: string, documentId: string): Promise<ResumeDraft> {
  const draft = draftOf(await ownParse(tx, userId, documentId))
  await logPiiReveal(tx, {
    subjectType: 'resume_document',
    subjectId: documentId,
    fields: (['full_name', 'email', 'phone', 'location'] as const).filter((k) => draft.form[k] !== null),
    purpose: 'resume_import_draft',
  })
  return draft
}

export const CORRECTED_FIELDS = [
  'full_name',
  'email',
  'phone',
  'location',
  'current_title',
  'years_experience',
  'skills',
] as const
export type CorrectedField = (typeof CORRECTED_FIELDS)[number]
const CONTACT_FIELDS: readonly CorrectedField[] = ['full_name', 'email', 'phone', 'location']
export type Outcome = 'kept' | 'changed' | 'removed' | 'added' | 'empty'

export interface SavedForm {
  full_name: string | null
  email: string | null
  phone: string | null
  location: string | null
  current_title: string | null
  years_experience: number | null
  skills: string[]
}

const textKey = (s: string | null) => (s ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
function phoneKey(s: string | null): string {
  if (!s) return ''
  const p = parsePhoneNumberFromString(s, /^0/.test(s.trim()) ? 'IL' : undefined)
  return p?.number ?? s.replace(/[^\d+]/g, '')
}
const skillKey = (s: string) => canonicalSkill(s)?.label ?? s.trim().toLowerCase()

function outcomeOf(parsed: string, saved: string): Outcome {
  if (!parsed && !saved) return 'empty'
  if (!parsed) return 'added'
  if (!saved) return 'removed'
  return parsed === saved ? 'kept' : 'changed'
}

/** Per field: how the saved form differs from the draft (skills: which were kept, removed, added). */
export function diffForm(draft: ResumeDraft['form'], saved: SavedForm) {
  const key: Record<Exclude<CorrectedField, 'skills'>, (v: SavedForm) => string> = {
    full_name: (v) => textKey(v.full_name),
    email: (v) => textKey(v.email),
    phone: (v) => phoneKey(v.phone),
    location: (v) => textKey(v.location),
    current_title: (v) => textKey(v.current_title),
    years_experience: (v) => (v.years_experience === null ? '' : String(v.years_experience)),
  }
  const fields: { field: CorrectedField; outcome: Outcome; kept: number; removed: number; added: number }[] =
    []
  const diff: Record<string, unknown> = {}
  for (const field of Object.keys(key) as Exclude<CorrectedField, 'skills'>[]) {
    const outcome = outcomeOf(key[field](draft), key[field](saved))
    fields.push({ field, outcome, kept: 0, removed: 0, added: 0 })
    // Contact details: the outcome only, never the values (the parse keeps them, under RLS).
    diff[field] = CONTACT_FIELDS.includes(field)
      ? { outcome }
      : { outcome, parsed: draft[field], saved: saved[field] }
  }
  const parsedSkills = new Set(draft.skills.map(skillKey))
  const savedSkills = new Set(saved.skills.map(skillKey))
  const kept = [...parsedSkills].filter((s) => savedSkills.has(s))
  const removed = [...parsedSkills].filter((s) => !savedSkills.has(s))
  const added = [...savedSkills].filter((s) => !parsedSkills.has(s))
  const skillsOutcome: Outcome =
    parsedSkills.size === 0 && savedSkills.size === 0
      ? 'empty'
      : parsedSkills.size === 0
        ? 'added'
        : savedSkills.size === 0
          ? 'removed'
          : removed.length || added.length
            ? 'changed'
            : 'kept'
  fields.push({
    field: 'skills',
    outcome: skillsOutcome,
    kept: kept.length,
    removed: removed.length,
    added: added.length,
  })
  diff.skills = { outcome: skillsOutcome, kept, removed, added }
  return { fields, diff }
}

/**
 * Records what the recruiter finally saved from a draft, once per parse: the per-field diff, to
 * measure the parser in production. A second recording (a double click, a retry) is a 409.
 */
export async function recordCorrections(
  tx: ResumesTx,
  userId: string,
  documentId: string,
  input: { saved: SavedForm; candidateId: string | null },
  now: Date,
) {
  const parse = await ownParse(tx, userId, documentId)
  const { fields, diff } = diffForm(draftOf(parse).form, input.saved)
  const inserted = await tx
    .insertInto('resumes.corrections')
    .values({
      parse_id: parse.id,
      corrected_by: userId,
      parser_version: parse.parserVersion,
      candidate_id: input.candidateId,
      diff: JSON.stringify(diff),
      created_at: now,
    })
    .onConflict((oc) => oc.column('parse_id').doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst()
  if (!inserted)
    throw new AppError('resume_corrections_recorded', 'The corrections for this resume are already recorded')
  await tx
    .insertInto('resumes.correction_fields')
    .values(fields.map((f) => ({ correction_id: inserted.id, ...f })))
    .execute()
  return {
    id: inserted.id,
    documentId,
    parserVersion: parse.parserVersion,
    createdAt: inserted.created_at,
    fields,
  }
}

/** Per parser version and field: how often recruiters corrected what the parser filled in. */
export async function parserAccuracy(tx: ResumesTx, filter: { parserVersion?: string | undefined }) {
  let q = tx
    .selectFrom('resumes.correction_fields as f')
    .innerJoin('resumes.corrections as c', 'c.id', 'f.correction_id')
    .select([
      'c.parser_version',
      'f.field',
      sql<number>`count(*) filter (where f.outcome = 'kept')::int`.as('kept'),
      sql<number>`count(*) filter (where f.outcome = 'changed')::int`.as('changed'),
      sql<number>`count(*) filter (where f.outcome = 'removed')::int`.as('removed'),
      sql<number>`count(*) filter (where f.outcome = 'added')::int`.as('added'),
      sql<number>`count(*) filter (where f.outcome = 'empty')::int`.as('empty'),
      sql<number>`coalesce(sum(f.kept), 0)::int`.as('skills_kept'),
      sql<number>`coalesce(sum(f.removed), 0)::int`.as('skills_removed'),
      sql<number>`coalesce(sum(f.added), 0)::int`.as('skills_added'),
    ])
    .groupBy(['c.parser_version', 'f.field'])
  if (filter.parserVersion) q = q.where('c.parser_version', '=', filter.parserVersion)
  const rows = await q.execute()
  let cq = tx
    .selectFrom('resumes.corrections')
    .select(['parser_version', sql<number>`count(*)::int`.as('n')])
    .groupBy('parser_version')
  if (filter.parserVersion) cq = cq.where('parser_version', '=', filter.parserVersion)
  const counts = await cq.execute()
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000)
  return counts
    .sort((a, b) => b.parser_version.localeCompare(a.parser_version))
    .map((c) => {
      const mine = rows.filter((r) => r.parser_version === c.parser_version)
      const skills = mine.find((r) => r.field === 'skills')
      const sk = {
        kept: skills?.skills_kept ?? 0,
        removed: skills?.skills_removed ?? 0,
        added: skills?.skills_added ?? 0,
      }
      return {
        parserVersion: c.parser_version,
        corrections: c.n,
        fields: CORRECTED_FIELDS.map((field) => {
          const r = mine.find((x) => x.field === field)
          const t = {
            kept: r?.kept ?? 0,
            changed: r?.changed ?? 0,
            removed: r?.removed ?? 0,
            added: r?.added ?? 0,
            empty: r?.empty ?? 0,
          }
          const corrected = t.changed + t.removed + t.added
          return { field, ...t, correctionRate: ratio(corrected, corrected + t.kept) }
        }),
        skills: {
          ...sk,
          precision: ratio(sk.kept, sk.kept + sk.removed),
          recall: ratio(sk.kept, sk.kept + sk.added),
        },
      }
    })
}
