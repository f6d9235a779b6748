import { createHash } from 'node:crypto'
import { createReadStream, promises as fs } from 'node:fs'
import { HEAD_BYTES } from '../../krev/part-file'

/**
 * One pass over a photo on disk: its size, its first bytes (what the type is decided by)
 * and its SHA-256 (what duplicates are recognised by), streamed so a 20 MB photo costs a
 * 64 KB buffer, not 20 MB. A file past `maxBytes` is not read at all.
 */
export interface PhotoFileInfo {
  size: number
  head: Buffer
  /** Lowercase hex; null when the file was too large to be read. */
  sha256: string | null
}

export async function readPhotoFile(path: string, maxBytes: number): Promise<PhotoFileInfo> {
  const info = await fs.stat(path)
  if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTFILE' })
  if (info.size > maxBytes || info.size === 0) return { size: info.size, head: Buffer.alloc(0), sha256: null }
  const hash = createHash('sha256')
  const headParts: Buffer[] = []
  let headLength = 0
  let size = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
    if (headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - headLength)
      headParts.push(part)
      headLength += part.length
    }
  }
  return { size, head: Buffer.concat(headParts, headLength), sha256: hash.digest('hex') }
}
