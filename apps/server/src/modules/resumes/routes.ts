import { z } from 'zod'
import { resumesRoute, who } from './route.ts'
import { type draftOf, parserAccuracy, recordCorrections, resumeDraft } from './service.ts'

const tags = ['resumes']
const ZParams = z.strictObject({ documentId: z.uuid().describe('The uploaded resume’s document id') })
const ZEvidence = z
  .object({
    snippet: z.string().describe('The text the value was read from, as extracted'),
    offset: z.number().int().describe('Where the snippet starts in the extracted text'),
    confidence: z.number().min(0).max(1),
  })
  .nullable()

const ZForm = z.object({
  full_name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  location: z.string().nullable(),
  current_title: z.string().nullable(),
  years_experience: z.number().int().nullable(),
  skills: z.array(z.string()).describe('Labels of the skills taxonomy'),
})

export const ZDraft = z.object({
  document_id: z.uuid(),
  parser_version: z.string(),
  parsed_at: z.iso.datetime(),
  language: z.enum(['en', 'he', 'unsupported']),
  warnings: z.array(
    z.object({
      code: z.enum(['language_unsupported', 'no_positions_found', 'year_only_dates', 'name_not_found']),
      message: z.string(),
    }),
  ),
  form: ZForm.describe('The candidate form, pre-filled: the recruiter corrects it before saving'),
  evidence: z.object({
    full_name: ZEvidence,
    email: ZEvidence,
    phone: ZEvidence,
    location: ZEvidence,
    current_title: ZEvidence,
    years_experience: ZEvidence,
    skills: z.array(
      z.object({ skill: z.string(), snippet: z.string(), offset: z.number().int(), confidence: z.number() }),
    ),
  }),
  employers: z
    .array(
      z.object({
        title: z.string().nullable(),
        employer: z.string().nullable(),
        start: z.string().nullable().describe('YYYY-MM, or YYYY when the resume gives the year only'),
        end: z.string().nullable(),
        current: z.boolean(),
        confidence: z.number(),
        snippet: z.string(),
      }),
    )
    .describe('Positions read, most recent first as written'),
  education: z.array(
    z.object({
      degree: z.string().nullable(),
      institution: z.string().nullable(),
      year: z.number().int().nullable(),
      confidence: z.number(),
      snippet: z.string(),
    }),
  ),
})

const ZSaved = z.strictObject({
  full_name: z.string().trim().max(200).nullable(),
  email: z.string().trim().max(254).nullable(),
  phone: z.string().trim().max(32).nullable(),
  location: z.string().trim().max(200).nullable(),
  current_title: z.string().trim().max(200).nullable(),
  years_experience: z.number().int().min(0).max(70).nullable(),
  skills: z.array(z.string().trim().min(1).max(60)).max(50),
})

const ZOutcome = z.enum(['kept', 'changed', 'removed', 'added', 'empty'])
const ZField = z.enum([
  'full_name',
  'email',
  'phone',
  'location',
  'current_title',
  'years_experience',
  'skills',
])

export const resumeRoutes = [
  resumesRoute.define({
    method: 'GET',
    url: '/api/resumes/:documentId/draft',
    operationId: 'getResumeDraft',
    summary: 'The candidate form pre-filled from an uploaded resume, with the evidence of each value',
    description:
      'Available once the document’s status is `ready`. Each pre-filled value comes with the text it was read from and a confidence. Only the recruiter who uploaded the resume may read it (404 otherwise); the contact details it carries are logged as read.',
    tags,
    access: who.uploader,
    params: ZParams,
    errors: [404],
    response: ZDraft,
    handler: async ({ tx, caller, params }) => {
      const d = await resumeDraft(tx, caller.userId, params.documentId)
      return draftOut(d)
    },
  }),
  resumesRoute.define({
    method: 'POST',
    url: '/api/resumes/:documentId/corrections',
    operationId: 'recordResumeCorrections',
    summary: 'Record what you finally saved from a resume draft (measures the parser)',
    description:
      'Send the values of the candidate form as saved. The per-field difference from the draft is stored once per resume (a second time is 409 resume_corrections_recorded); contact details are compared, not stored.',
    tags,
    access: who.uploader,
    params: ZParams,
    body: z.strictObject({
      saved: ZSaved,
      candidate_id: z.uuid().nullable().optional().describe('The candidate created from the form'),
    }),
    status: 201,
    errors: [404, 409],
    response: z.object({
      id: z.uuid(),
      document_id: z.uuid(),
      parser_version: z.string(),
      created_at: z.iso.datetime(),
      fields: z.array(
        z.object({
          field: ZField,
          outcome: ZOutcome,
          kept: z.number().int(),
          removed: z.number().int(),
          added: z.number().int(),
        }),
      ),
    }),
    handler: async ({ tx, caller, params, body, ctx }) => {
      const r = await recordCorrections(
        tx,
        caller.userId,
        params.documentId,
        { saved: body.saved, candidateId: body.candidate_id ?? null },
        ctx.clock.now(),
      )
      return {
        id: r.id,
        document_id: r.documentId,
        parser_version: r.parserVersion,
        created_at: r.createdAt,
        fields: r.fields,
      }
    },
  }),
  resumesRoute.define({
    method: 'GET',
    url: '/api/admin/resumes/accuracy',
    operationId: 'getResumeParserAccuracy',
    summary: 'How often recruiters corrected each field the resume parser filled in, per parser version',
    description:
      '`correction_rate` = (changed + removed + added) / (kept + changed + removed + added), null without data. Skills also as precision (kept / parsed) and recall (kept / saved).',
    tags,
    access: who.admin,
    query: z.strictObject({ parser_version: z.string().min(1).max(40).optional() }),
    response: z.object({
      versions: z.array(
        z.object({
          parser_version: z.string(),
          corrections: z.number().int(),
          fields: z.array(
            z.object({
              field: ZField,
              kept: z.number().int(),
              changed: z.number().int(),
              removed: z.number().int(),
              added: z.number().int(),
              empty: z.number().int(),
              correction_rate: z.number().nullable(),
            }),
          ),
          skills: z.object({
            kept: z.number().int(),
            removed: z.number().int(),
            added: z.number().int(),
            precision: z.number().nullable(),
            recall: z.number().nullable(),
          }),
        }),
      ),
    }),
    handler: async ({ tx, query }) => ({
      versions: (await parserAccuracy(tx, { parserVersion: query.parser_version })).map((v) => ({
        parser_version: v.parserVersion,
        corrections: v.corrections,
        fields: v.fields.map((f) => ({
          field: f.field,
          kept: f.kept,
          changed: f.changed,
          removed: f.removed,
          added: f.added,
          empty: f.empty,
          correction_rate: f.correctionRate,
        })),
        skills: v.skills,
      })),
    }),
  }),
]

function draftOut(d: ReturnType<typeof draftOf>) {
  const f = d.parse.fields
  return {
    document_id: d.parse.documentId,
    parser_version: d.parse.parserVersion,
    parsed_at: d.parse.parsedAt,
    language: d.parse.language,
    warnings: d.parse.warnings,
    form: d.form,
    evidence: d.evidence,
    employers: f.employers.map((p) => ({
      title: p.title,
      employer: p.employer,
      start: p.start,
      end: p.end,
      current: p.current,
      confidence: p.confidence,
      snippet: p.evidence.snippet,
    })),
    education: f.education.map((e) => ({
      degree: e.degree,
      institution: e.institution,
      year: e.year,
      confidence: e.confidence,
      snippet: e.evidence.snippet,
    })),
  }
}
