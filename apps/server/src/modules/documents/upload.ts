import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AppError } from '../../kernel/errors.ts'
import { SNIFF_BYTES, sniffFileType } from '../../kernel/files/file-types.ts'
import { uuidv7 } from '../../kernel/ids.ts'
import {
  DOCUMENT_KINDS,
  DOCX,
  type DocumentKind,
  ENTITY_TYPES,
  type EntityType,
  KIND_RULES,
  MAX_DOCUMENT_BYTES,
  type MediaType,
  mediaTypeOfName,
} from './kinds.ts'
import { inspectDocx } from './validate.ts'

/** The form fields of an upload, sent before the file. */
export const ZUploadFields = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS).describe('What the document is; decides the accepted types and size'),
  entity_type: z
    .enum(ENTITY_TYPES)
    .optional()
    .describe('The record it belongs to; leave out (with entity_id) for a draft of your own'),
  entity_id: z.uuid().optional().describe('The id of that record'),
})
export type TUploadFields = z.infer<typeof ZUploadFields>

/** An upload streamed to the staging directory and checked: ready to be stored and recorded. */
export interface StagedUpload {
  fields: Omit<TUploadFields, 'entity_type' | 'entity_id'> & {
    entity_type: EntityType | null
    entity_id: string | null
  }
  kind: DocumentKind
  fileName: string
  mediaType: MediaType
  sizeBytes: number
  sha256: string
  stagedPath: string
}

const invalid = (field: string, message: string) =>
  new AppError('document_multipart_invalid', `${field}: ${message}`, { errors: [{ field, message }] })

/** A file name as people see it: no path, no control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (!clean) return 'document'
  return clean.length > 255 ? clean.slice(clean.length - 255) : clean
}

/**
 * Reads a multipart upload as a stream: the fields first, then one file, which is hashed, measured
 * and written to the staging directory as it arrives. Nothing larger than the kind's limit is kept
 * (the stream is cut the moment it passes it), and nothing is kept in memory but the first bytes,
 * which say what the file is. Refusals it can tell at once are thrown as 4xx answers; the staged
 * file is removed then.
 */
export async function receiveUpload(request: FastifyRequest, stagingDir: string): Promise<StagedUpload> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the document as multipart/form-data')
  }
  await fs.mkdir(stagingDir, { recursive: true })
  const raw: Record<string, string> = {}
  let staged: StagedUpload | undefined
  let stagedPath: string | undefined
  try {
    for await (const part of request.parts({
      limits: { files: 1, fields: 10, fieldSize: 1000, parts: 12, fileSize: MAX_DOCUMENT_BYTES + 1 },
    })) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string') throw invalid(`body.${part.fieldname}`, 'must be text')
        raw[part.fieldname] = part.value
        continue
      }
      if (part.fieldname !== 'file') {
        part.file.resume()
        throw invalid(`body.${part.fieldname}`, 'send the file in the field named "file"')
      }
      const fields = parseFields(raw)
      stagedPath = path.join(stagingDir, `${uuidv7()}.upload`)
      staged = await stageFile(part, fields, stagedPath)
    }
  } catch (err) {
    if (stagedPath) await fs.rm(stagedPath, { force: true })
    if (err instanceof AppError) throw err
    const e = err as { code?: string; message?: string }
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('document_too_large', `body.file: larger than ${MAX_DOCUMENT_BYTES} bytes`, {
        errors: [{ field: 'body.file', message: `at most ${MAX_DOCUMENT_BYTES} bytes` }],
      })
    }
    throw invalid('body', e.message ?? 'the multipart body cannot be read')
  }
  if (!staged) throw invalid('body.file', 'is required (one file, after the other fields)')
  return staged
}

function parseFields(raw: Record<string, string>): StagedUpload['fields'] {
  const parsed = ZUploadFields.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = issue.path.length
      ? `body.${issue.path.join('.')}`
      : `body.${(issue as { keys?: string[] }).keys?.[0] ?? ''}`
    throw new AppError('validation_failed', `${key}: ${issue.message}`, {
      errors: parsed.error.issues.map((i) => ({
        field: i.path.length
          ? `body.${i.path.join('.')}`
          : `body.${(i as { keys?: string[] }).keys?.[0] ?? ''}`,
        message: i.message,
      })),
    })
  }
  const f = parsed.data
  if ((f.entity_type === undefined) !== (f.entity_id === undefined)) {
    const field = f.entity_type === undefined ? 'body.entity_type' : 'body.entity_id'
    throw new AppError('validation_failed', `${field}: entity_type and entity_id go together`, {
      errors: [{ field, message: 'entity_type and entity_id go together' }],
    })
  }
  const entityType = f.entity_type ?? null
  if (entityType && !KIND_RULES[f.kind].entities.includes(entityType)) {
    const allowed = KIND_RULES[f.kind].entities.join(', ') || 'no record (it stays a draft of yours)'
    throw new AppError('validation_failed', `body.entity_type: a ${f.kind} belongs to a ${allowed}`, {
      errors: [{ field: 'body.entity_type', message: `a ${f.kind} belongs to a ${allowed}` }],
    })
  }
  return { ...f, entity_type: entityType, entity_id: f.entity_id ?? null }
}

async function stageFile(
  part: MultipartFile,
  fields: StagedUpload['fields'],
  stagedPath: string,
): Promise<StagedUpload> {
  const rule = KIND_RULES[fields.kind]
  const fileName = cleanFileName(part.filename)
  const hash = createHash('sha256')
  const head: Buffer[] = []
  let headLength = 0
  let size = 0
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length
      if (size > rule.maxBytes) {
        done(tooLarge(fields.kind, rule.maxBytes))
        return
      }
      if (headLength < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headLength))
        headLength += Math.min(chunk.length, SNIFF_BYTES - headLength)
      }
      hash.update(chunk)
      done(null, chunk)
    },
  })
  try {
    await pipeline(part.file, meter, createWriteStream(stagedPath))
  } catch (err) {
    part.file.resume() // let the parser move past what is left of the file
    throw err
  }
  if (part.file.truncated) throw tooLarge(fields.kind, rule.maxBytes)
  if (size === 0) {
    throw new AppError('document_empty', 'body.file: the file is empty (0 bytes)', {
      errors: [{ field: 'body.file', message: 'is empty (0 bytes)' }],
    })
  }
  const sniffed = sniffFileType(Buffer.concat(head))
  let mediaType: MediaType | undefined
  if (sniffed === 'application/zip') {
    const handle = await fs.open(stagedPath, 'r')
    try {
      const verdict = await inspectDocx(async (offset, length) => {
        const buffer = Buffer.alloc(length)
        const { bytesRead } = await handle.read(buffer, 0, length, offset)
        return buffer.subarray(0, bytesRead)
      }, size)
      if (!verdict.ok && verdict.code === 'docx_unsafe') {
        throw new AppError('document_unsafe_archive', `body.file: ${verdict.detail}`, {
          errors: [{ field: 'body.file', message: verdict.detail }],
        })
      }
      mediaType = verdict.ok ? DOCX : undefined
    } finally {
      await handle.close()
    }
  } else if (sniffed && sniffed !== 'image/webp') {
    mediaType = sniffed
  }
  if (!mediaType || !rule.mediaTypes.includes(mediaType)) {
    const accepted = rule.mediaTypes
      .map((t) => (t === DOCX ? 'DOCX' : t.split('/')[1]!.toUpperCase()))
      .join(', ')
    throw new AppError(
      'document_type_not_allowed',
      `body.file: the content is ${mediaType ? describe(mediaType) : 'not a recognised document'}; a ${fields.kind} must be ${accepted}`,
      {
        errors: [{ field: 'body.file', message: `must be ${accepted} (read from the file's content)` }],
        meta: { detected: mediaType ?? sniffed ?? null, accepted: rule.mediaTypes },
      },
    )
  }
  const promised = mediaTypeOfName(fileName)
  if (promised && promised !== mediaType) {
    throw new AppError(
      'document_type_mismatch',
      `body.file: the name ${fileName} says ${describe(promised)} but the content is ${describe(mediaType)}`,
      {
        errors: [{ field: 'body.file', message: `is ${describe(mediaType)}, not ${describe(promised)}` }],
        meta: { detected: mediaType, promised },
      },
    )
  }
  return {
    fields,
    kind: fields.kind,
    fileName,
    mediaType,
    sizeBytes: size,
    sha256: hash.digest('hex'),
    stagedPath,
  }
}

const describe = (t: MediaType) =>
  t === DOCX ? 'a Word document' : t === 'text/plain' ? 'plain text' : `a ${t.split('/')[1]!.toUpperCase()}`

const tooLarge = (kind: DocumentKind, max: number) =>
  new AppError('document_too_large', `body.file: a ${kind} may have at most ${max} bytes`, {
    errors: [{ field: 'body.file', message: `at most ${Math.round(max / 1024 / 1024)} MB` }],
    meta: { max_bytes: max },
  })
