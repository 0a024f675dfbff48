import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { DocumentStorage } from './storage.ts'

const KEY = /^[a-z0-9][a-z0-9/_.-]{0,500}$/

/** Documents on local disk under `root` (objects in `objects/`, staged uploads in `staging/`). */
export function localStorage(root: string): DocumentStorage {
  const objects = path.join(root, 'objects')
  const stagingDir = path.join(root, 'staging')
  const fileOf = (key: string) => {
    if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key ${key}`)
    return path.join(objects, key)
  }
  return {
    name: 'local',
    stagingDir,
    async put(key, stagedPath) {
      const target = fileOf(key)
      await fs.mkdir(path.dirname(target), { recursive: true })
      try {
        await fs.rename(stagedPath, target)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err
        await fs.copyFile(stagedPath, target)
        await fs.rm(stagedPath, { force: true })
      }
    },
    async stream(key) {
      const file = fileOf(key)
      try {
        await fs.access(file)
      } catch {
        return undefined
      }
      return createReadStream(file) as Readable
    },
    async head(key) {
      try {
        const s = await fs.stat(fileOf(key))
        return { size: s.size }
      } catch {
        return undefined
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true })
    },
    async presignedUrl() {
      return undefined
    },
  }
}
