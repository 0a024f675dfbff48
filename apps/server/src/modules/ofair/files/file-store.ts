import type { OfairTx } from '../database.ts'

/**
 * Where file bytes live. The default keeps them in PostgreSQL (ofair.file_blobs), in the same
 * transaction as their metadata, so every process of a deployment sees the same files and a
 * backup holds them; an object store (S3) is the same three calls.
 */
export interface FileStore {
  put(tx: OfairTx, fileId: string, bytes: Buffer): Promise<void>
  get(tx: OfairTx, fileId: string): Promise<Buffer | undefined>
}

export const postgresFileStore: FileStore = {
  async put(tx, fileId, bytes) {
    await tx.insertInto('ofair.file_blobs').values({ file_id: fileId, bytes }).execute()
  },
  async get(tx, fileId) {
    const row = await tx
      .selectFrom('ofair.file_blobs')
      .select('bytes')
      .where('file_id', '=', fileId)
      .executeTakeFirst()
    return row?.bytes
  },
}
