/**
 * What the Document Service keeps: kinds of documents, each with the types it accepts (read from
 * the bytes) and its size limit; the entities documents belong to; the buckets (owner kinds).
 */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const MEDIA_TYPES = ['application/pdf', DOCX, 'image/png', 'image/jpeg', 'text/plain'] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

export const DOCUMENT_KINDS = [
  'resume',
  'job_description',
  'contract',
  'other',
  'message_attachment',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const ENTITY_TYPES = ['candidate', 'role', 'company'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

/** The buckets: whose documents these are. `draft`: a recruiter's upload not yet attached. */
export const OWNER_KINDS = ['candidate', 'company', 'system', 'draft'] as const
export type OwnerKind = (typeof OWNER_KINDS)[number]

export const DOCUMENT_STATUSES = ['pending', 'processing', 'ready', 'failed'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

const MB = 1024 * 1024

export interface KindRule {
  label: string
  mediaTypes: readonly MediaType[]
  maxBytes: number
  /** The entities a document of this kind may belong to. */
  entities: readonly EntityType[]
}

export const KIND_RULES: Record<DocumentKind, KindRule> = {
  resume: {
    label: 'Resume',
    mediaTypes: ['application/pdf', DOCX, 'text/plain'],
    maxBytes: 10 * MB,
    entities: ['candidate'],
  },
  job_description: {
    label: 'Job description',
    mediaTypes: ['application/pdf', DOCX, 'text/plain'],
    maxBytes: 10 * MB,
    entities: ['role'],
  },
  contract: {
    label: 'Contract',
    mediaTypes: ['application/pdf', DOCX],
    maxBytes: 25 * MB,
    entities: ['company', 'role'],
  },
  other: {
    label: 'Other',
    mediaTypes: ['application/pdf', DOCX, 'text/plain', 'image/png', 'image/jpeg'],
    maxBytes: 25 * MB,
    entities: ['candidate', 'role', 'company'],
  },
  // a file to send in a conversation: a draft of its uploader until a message takes it
  message_attachment: {
    label: 'Message attachment',
    mediaTypes: ['application/pdf', DOCX, 'image/png', 'image/jpeg'],
    maxBytes: 10 * MB,
    entities: [],
  },
}

/** The largest file any kind accepts: the stream is cut there whatever the kind. */
export const MAX_DOCUMENT_BYTES = Math.max(...Object.values(KIND_RULES).map((r) => r.maxBytes))

/** The bucket of an entity's documents. */
export function ownerKindOf(entityType: EntityType | null): OwnerKind {
  if (entityType === null) return 'draft'
  return entityType === 'candidate' ? 'candidate' : 'company'
}

/** File name endings that promise a type: a name promising another type than the bytes is a lie. */
const EXTENSIONS: Record<string, MediaType> = {
  pdf: 'application/pdf',
  docx: DOCX,
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
}

export function mediaTypeOfName(fileName: string): MediaType | undefined {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase()
  return ext ? EXTENSIONS[ext] : undefined
}

export const EXTENSION_OF: Record<MediaType, string> = {
  'application/pdf': 'pdf',
  [DOCX]: 'docx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/plain': 'txt',
}
