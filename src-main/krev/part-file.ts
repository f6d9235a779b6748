import { createWriteStream, promises as fs, type WriteStream } from 'node:fs'
import { readJsonOr, writeJsonAtomic } from '../core/atomic-file'
import type { BodyInfo, BodySink } from './media-exchange'

/**
 * A download's partial file on disk, and beside it `<part>.json`: the validator (strong
 * ETag or Last-Modified) and size the server gave for it, written atomically when the body
 * starts. Both survive a reset or a kill, so the next attempt (or the next run) asks only
 * for the missing bytes with `Range` + `If-Range`. No meta = nothing provably resumable:
 * the file starts over.
 */

export interface PartMeta {
  validator: string
  /** The whole file's size, when the server said it. */
  size: number | null
}

/** Larger than a socket chunk so writes coalesce (writev), small enough to keep memory flat. */
const WRITE_BUFFER_BYTES = 1024 * 1024
/** Enough for every signature media-type.ts knows. */
export const HEAD_BYTES = 4096

export const metaPathOf = (part: string): string => `${part}.json`

const isMeta = (v: unknown): v is PartMeta =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as PartMeta).validator === 'string' &&
  (v as PartMeta).validator.length > 0 &&
  ((v as PartMeta).size === null || Number.isSafeInteger((v as PartMeta).size))

/** How many bytes the partial holds and what they were validated by (null: start over). */
export async function readPart(part: string): Promise<{ have: number; meta: PartMeta | null }> {
  const info = await fs.stat(part).catch(() => null)
  const have = info?.isFile() ? info.size : 0
  const meta = await readJsonOr<unknown>(metaPathOf(part), null)
  return { have, meta: isMeta(meta) ? meta : null }
}

export async function discardPart(part: string): Promise<void> {
  await fs.rm(part, { force: true })
  await fs.rm(metaPathOf(part), { force: true })
}

/** The first bytes of the finished file, to sniff what it is. */
export async function readHead(part: string): Promise<Buffer> {
  const handle = await fs.open(part, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** fsync through a fresh descriptor: the write stream has closed its own. */
async function syncFile(path: string): Promise<void> {
  const handle = await fs.open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

const ended = (stream: WriteStream): Promise<void> =>
  new Promise((resolve, reject) => {
    if (stream.closed) return resolve()
    stream.once('close', resolve)
    stream.once('error', reject)
  })

/** Writes a body into `part`: from zero for a 200 (truncating), at the Range start for a 206. */
export function partSink(part: string): BodySink {
  let stream: WriteStream | null = null
  let failure: unknown = null
  let metaWrite: Promise<void> = Promise.resolve()

  return {
    open(info: BodyInfo, fail) {
      stream = createWriteStream(part, {
        flags: info.start > 0 ? 'r+' : 'w',
        start: info.start,
        highWaterMark: WRITE_BUFFER_BYTES
      })
      stream.on('error', (e) => {
        failure ??= e
        fail(e)
      })
      if (info.start === 0) {
        // A fresh body: its validator is what a later attempt resumes against.
        const meta: PartMeta | null = info.validator ? { validator: info.validator, size: info.size } : null
        metaWrite = meta ? writeJsonAtomic(metaPathOf(part), meta) : fs.rm(metaPathOf(part), { force: true })
        metaWrite.catch((e: unknown) => {
          failure ??= e
          fail(e)
        })
      }
    },
    write: (chunk) => (stream as WriteStream).write(chunk),
    onDrain: (listener) => void stream?.once('drain', listener),
    async close() {
      const s = stream as WriteStream
      s.end()
      await ended(s)
      await metaWrite
      if (failure) throw failure
      await syncFile(part)
    },
    async abandon() {
      if (!stream) return
      // The bytes already written stay: they are what a resume continues from.
      stream.end()
      await ended(stream).catch(() => undefined)
      await metaWrite.catch(() => undefined)
    }
  }
}
