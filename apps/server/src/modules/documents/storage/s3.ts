import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { DocumentStorage } from './storage.ts'

export interface S3Settings {
  bucket: string
  region: string
  /** An S3-compatible endpoint (MinIO, the test server); AWS itself when absent. */
  endpoint: string | undefined
  accessKeyId: string | undefined
  secretAccessKey: string | undefined
  forcePathStyle: boolean
}

/** Documents in an S3 bucket; uploads are staged in the system's temporary directory. */
export function s3Storage(settings: S3Settings): DocumentStorage & { client: S3Client } {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
    // integrity is ours (sha256 kept with the document); no aws-chunked trailers on streamed bodies
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = settings.bucket
  const missing = (err: unknown) =>
    err instanceof NoSuchKey ||
    err instanceof NotFound ||
    (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
  return {
    name: 's3',
    client,
    stagingDir: path.join(os.tmpdir(), 'documents-staging'),
    async put(key, stagedPath, info) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: key,
            Body: createReadStream(stagedPath),
            ContentLength: info.size,
            ContentType: info.mediaType,
          }),
        )
      } finally {
        await fs.rm(stagedPath, { force: true })
      }
    },
    async stream(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }))
        return out.Body as Readable
      } catch (err) {
        if (missing(err)) return undefined
        throw err
      }
    },
    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket, Key: key }))
        return { size: Number(out.ContentLength ?? 0) }
      } catch (err) {
        if (missing(err)) return undefined
        throw err
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
    async presignedUrl(key, options) {
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket,
          Key: key,
          ResponseContentType: options.mediaType,
          ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(options.fileName)}`,
        }),
        { expiresIn: options.seconds },
      )
    },
  }
}
