import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { isMediaExt, isMediaId, type MediaMode } from '../media/media-store'
import { sniffMedia } from '../media/media-type'
import type { MediaOps } from '../media-worker/media-ops'
import type { LibraryRecord } from './library-record'
import type { Sidecar } from './sidecar'

/**
 * Index records made from what is in the Library folder: from a sidecar (everything the
 * studio knew), or, for a file without one, from the file itself (its type, size, date and
 * for images the dimensions). The id of a file without a sidecar is derived from its path,
 * so indexing the same folder twice gives the same library.
 */

const isoOr = (text: string | null | undefined, fallback: number): string => {
  const t = text ? Date.parse(text) : NaN
  return new Date(Number.isFinite(t) ? t : fallback).toISOString()
}

const cleanTags = (tags: readonly string[]) => tags.map((t) => t.trim()).filter((t, i, all) => t && t.length <= 40 && all.indexOf(t) === i)

export const pathId = (mode: MediaMode, rel: string): string => `f${createHash('sha1').update(`${mode}\0${rel}`).digest('hex').slice(0, 24)}`

export function recordFromSidecar(
  mode: MediaMode,
  s: Sidecar,
  rel: string,
  sidecarRel: string,
  file: { size: number; mtimeMs: number },
  hasPosterTool: boolean
): LibraryRecord {
  const video = s.kind === 'video' || s.mimeType.startsWith('video/')
  return {
    id: isMediaId(s.id) ? s.id : pathId(mode, rel),
    kind: s.kind,
    jobId: s.jobId,
    generationId: s.generationId,
    prompt: s.prompt,
    productIds: s.products.map((p) => p.id),
    productNames: s.products.map((p) => p.name),
    aspectRatio: s.aspectRatio,
    width: s.width,
    height: s.height,
    durationSec: s.durationSec,
    bytes: file.size,
    mimeType: s.mimeType,
    adCopy: s.adCopy,
    createdAt: isoOr(s.createdAt, file.mtimeMs),
    favorite: s.favorite,
    rating: s.rating,
    tags: cleanTags(s.tags),
    approval: s.approval,
    filePath: rel,
    sidecarPath: sidecarRel,
    thumbVariant: video && !hasPosterTool ? 'original' : 'thumb'
  }
}

/** A media file without a sidecar; null when it isn't an image or video we show. */
export async function recordFromFile(
  mode: MediaMode,
  path: string,
  rel: string,
  mediaOps: MediaOps,
  hasPosterTool: boolean
): Promise<LibraryRecord | null> {
  const info = await fs.stat(path)
  const handle = await fs.open(path, 'r')
  let head: Buffer
  try {
    head = Buffer.alloc(4096)
    head = head.subarray(0, (await handle.read(head, 0, head.length, 0)).bytesRead)
  } finally {
    await handle.close()
  }
  const type = sniffMedia(head)
  if (!type || type.kind === 'other' || !isMediaExt(type.ext)) return null
  let size = { width: 0, height: 0 }
  if (type.kind === 'image') size = await mediaOps.imageInfo(path, { maxPixels: 100_000_000 }).catch(() => size)
  const name = rel.slice(rel.lastIndexOf('/') + 1)
  return {
    id: pathId(mode, rel),
    kind: type.kind === 'video' ? 'video' : 'image',
    jobId: null,
    generationId: null,
    // What the file's name says is what the creator will search for.
    prompt: name.slice(0, name.lastIndexOf('.') > 0 ? name.lastIndexOf('.') : undefined),
    productIds: [],
    productNames: [],
    aspectRatio: size.width > 0 && size.height > 0 ? `${size.width}:${size.height}` : '1:1',
    width: size.width,
    height: size.height,
    durationSec: null,
    bytes: info.size,
    mimeType: type.mime,
    adCopy: null,
    createdAt: new Date(info.mtimeMs).toISOString(),
    favorite: false,
    rating: 0,
    tags: [],
    approval: 'none',
    filePath: rel,
    sidecarPath: null,
    thumbVariant: type.kind === 'video' && !hasPosterTool ? 'original' : 'thumb'
  }
}
