import type { Readable } from 'node:stream'

/**
 * Where documents' bytes live, behind one interface: local disk (default) or S3. Objects are
 * written once from a staged file (uploads are streamed to disk first, checked, then stored) and
 * never changed; a deleted document's object is removed.
 */
export interface DocumentStorage {
  readonly name: 'local' | 's3'
  /** A directory for staging uploads (on the same disk as the objects when local). */
  readonly stagingDir: string
  /** Stores the staged file under `key` (moving it when it can). */
  put(key: string, stagedPath: string, info: { size: number; mediaType: string }): Promise<void>
  /** The object's bytes as a stream; undefined when there is no such object. */
  stream(key: string): Promise<Readable | undefined>
  /** The object's size, or undefined when there is none. */
  head(key: string): Promise<{ size: number } | undefined>
  delete(key: string): Promise<void>
  /**
   * A time-limited URL that downloads the object directly from the store, or undefined when the
   * store cannot sign one (local disk: the server's own signed route serves it).
   */
  presignedUrl(
    key: string,
    options: { seconds: number; fileName: string; mediaType: string },
  ): Promise<string | undefined>
}

/** Reads a whole object (documents are at most tens of megabytes). */
export async function readAll(storage: DocumentStorage, key: string): Promise<Uint8Array | undefined> {
  const stream = await storage.stream(key)
  if (!stream) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}
