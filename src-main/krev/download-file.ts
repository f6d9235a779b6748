import { promises as fs } from 'node:fs'
import { AppError, isAppError } from '../core/app-error'
import { checkMediaType } from './download-media'
import { invalidResponse } from './errors'
import { exchange, type DownloadDeps } from './media-exchange'
import { discardPart, metaPathOf, partSink, readHead, readPart } from './part-file'
import type { DownloadedFile, FileDownloadOptions } from './types'

/**
 * Streams one signed media URL into a partial file, so memory stays flat whatever the
 * size. A partial left by an earlier attempt (a reset) or an earlier run (a kill) is
 * continued with `Range` + `If-Range` when its validator is known; a server that answers
 * 200 (the file changed), 416 or a foreign range gets the file from zero. The finished file
 * is fsynced, its length checked against what the server declared and its type sniffed
 * from its first bytes; a file that fails either is deleted. One attempt (the client wraps
 * it in the read retry policy; each retry resumes from what is on disk).
 */

/** Failures a later attempt can continue from: the bytes on disk are still good. */
const resumable = (e: unknown): boolean =>
  isAppError(e) && (['network', 'timeout', 'cancelled', 'server_error', 'rate_limited'].includes(e.code) || e.status === 403)

/** A full restart at most this often per attempt: a server that keeps changing its file is broken. */
const MAX_RESTARTS = 2

export async function downloadToFile(raw: string, opts: FileDownloadOptions, deps: DownloadDeps): Promise<DownloadedFile> {
  const { part } = opts
  for (let restarts = 0; ; restarts++) {
    const { have, meta } = await readPart(part)
    const resume = have > 0 && meta && (meta.size === null || have < meta.size) ? { from: have, ifRange: meta.validator } : undefined
    let result
    try {
      result = await exchange(raw, opts, deps, resume ? { resume } : {}, partSink(part))
    } catch (e) {
      if (!resumable(e)) await discardPart(part)
      throw e
    }
    // A 206 for a file of another size is another file, whatever its validator says.
    const foreign = result.kind === 'body' && result.info.start > 0 && meta?.size != null && result.info.size !== meta.size
    if (result.kind === 'restart' || foreign) {
      await discardPart(part)
      if (restarts >= MAX_RESTARTS) throw invalidResponse('The media server kept changing the file while it was downloading.')
      continue
    }
    const size = result.info.start + result.received
    let mimeType: string
    try {
      mimeType = await verified(part, size, result.info.size, opts)
    } catch (e) {
      await discardPart(part)
      throw e
    }
    await fs.rm(metaPathOf(part), { force: true })
    return { file: part, mimeType, size }
  }
}

/** The bytes on disk are the whole declared file, and an image or video we accept. */
async function verified(part: string, expected: number, declared: number | null, opts: FileDownloadOptions): Promise<string> {
  const onDisk = (await fs.stat(part)).size
  if (onDisk !== expected || (declared !== null && declared !== expected)) {
    throw new AppError('network', 'The download was interrupted before the whole file was saved. Trying again.', {
      cause: new Error(`${onDisk} bytes on disk, ${expected} received, ${declared ?? 'unknown'} declared`)
    })
  }
  return checkMediaType(await readHead(part), opts.accept)
}
