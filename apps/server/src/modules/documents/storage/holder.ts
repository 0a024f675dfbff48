import type { AppConfig } from '../../../config/config.ts'
import { localStorage } from './local.ts'
import { s3Storage } from './s3.ts'
import type { DocumentStorage } from './storage.ts'

/**
 * The process's document storage, chosen from the configuration at start-up (the module's init).
 * Services reach it here so that other modules can read a document's bytes with only a
 * transaction and a caller (`readDocumentBytes`).
 */
let current: DocumentStorage | undefined

export function storageFromConfig(config: AppConfig): DocumentStorage {
  const d = config.documents
  return d.storage === 's3' ? s3Storage(d.s3) : localStorage(d.dir)
}

export function provideDocumentStorage(storage: DocumentStorage): void {
  current = storage
}

export function documentStorage(): DocumentStorage {
  if (!current) throw new Error('document storage is not configured (the documents module was not started)')
  return current
}
