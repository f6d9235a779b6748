import { promises as fs } from 'node:fs'
import { basename } from 'node:path'
import { writeFileAtomic } from '../core/atomic-file'
import { isMediaExt, type MediaExt, type MediaMode, type MediaStore } from '../media/media-store'
import { sniffMedia } from '../media/media-type'
import { moveIntoPlace, type LibraryFolders } from './library-folder'
import type { LibraryIndex } from './library-index'
import { assetBaseName, monthOf, sidecarNameFor } from './library-names'
import type { LibraryRecord } from './library-record'
import { LIBRARY_AREA, makeThumbnail, type IngestOptions } from './media-ingest'
import { readSidecar, sidecarOf, writeSidecar, type SidecarExtras } from './sidecar'

/**
 * The first half of adding an asset: the original placed in the Library folder under a
 * readable name, its thumbnail in the cache and its sidecar beside it, nothing indexed
 * yet. A crash after this leaves files the next folder check indexes from the sidecar, so
 * nothing is lost either way; a failure removes what it created.
 */

/** Downloaded media: in memory, or a complete file on the library's disk (moved in, never copied when it can be). */
export type MediaSource = Buffer | { file: string }

export type NewAsset = Omit<
  LibraryRecord,
  'width' | 'height' | 'bytes' | 'mimeType' | 'thumbVariant' | 'favorite' | 'rating' | 'tags' | 'productNames' | 'approval' | 'filePath' | 'sidecarPath'
> &
  SidecarExtras & { productNames?: (string | null)[] }

export interface StagedAsset {
  mode: MediaMode
  record: LibraryRecord
}

export interface StageContext {
  folders: LibraryFolders
  index: LibraryIndex
  media: MediaStore
  ingest: IngestOptions
  appVersion: string | null
}

const HEAD_BYTES = 4096

async function headOf(source: MediaSource): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source
  const handle = await fs.open(source.file, 'r')
  try {
    const buf = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** A free relative path for the asset: its earlier one, or a new readable name not taken by another asset. */
async function placeFor(ctx: StageContext, mode: MediaMode, input: NewAsset, ext: MediaExt): Promise<{ rel: string; base: string }> {
  const previous = ctx.index.get(mode, input.id)
  if (previous && previous.filePath.endsWith(`.${ext}`)) {
    const rel = previous.filePath
    return { rel, base: basename(rel).slice(0, -(ext.length + 1)) }
  }
  const month = monthOf(input.createdAt)
  for (let n = 1; ; n++) {
    const base = assetBaseName({ ...input, productName: input.productNames?.[0] ?? null }, ext, n)
    const rel = `${month}/${base}.${ext}`
    const taken = ctx.index.getByPath(mode, rel)
    if (taken) {
      if (taken.id === input.id) return { rel, base }
      continue
    }
    const onDisk = await fs.lstat(ctx.folders.abs(mode, rel)).then(
      () => true,
      () => false
    )
    // A file of this asset staged by a run that was killed before its commit is replaced, not doubled.
    const ours = onDisk && (await readSidecar(ctx.folders.abs(mode, `${month}/${sidecarNameFor(base)}`)))?.id === input.id
    if (!onDisk || ours) return { rel, base }
  }
}

export async function stageAsset(ctx: StageContext, mode: MediaMode, input: NewAsset, source: MediaSource): Promise<StagedAsset> {
  const created: string[] = []
  const sourceFile = Buffer.isBuffer(source) ? null : source.file
  try {
    const type = sniffMedia(await headOf(source))
    if (!type || type.kind === 'other' || !isMediaExt(type.ext)) throw new Error('unsupported media type')
    const ext: MediaExt = type.ext
    const { rel, base } = await placeFor(ctx, mode, input, ext)
    const target = ctx.folders.abs(mode, rel)
    const sidecarRel = `${rel.slice(0, rel.lastIndexOf('/'))}/${sidecarNameFor(base)}`
    const previous = ctx.index.get(mode, input.id)
    // Images are decoded before anything is written: a file sharp can't read never lands in the folder.
    const data = type.kind === 'image' ? (Buffer.isBuffer(source) ? source : await fs.readFile(source.file)) : null
    const thumbRef = { mode, area: LIBRARY_AREA, id: input.id, variant: 'thumb' }
    const place = async () => {
      await fs.mkdir(ctx.folders.abs(mode, rel.slice(0, rel.lastIndexOf('/'))), { recursive: true })
      if (!previous) created.push(target)
      if (sourceFile) await moveIntoPlace(sourceFile, target)
      else await writeFileAtomic(target, source as Buffer)
    }
    let media
    if (data) {
      const thumb = await makeThumbnail(ctx.ingest, data)
      await place()
      await ctx.media.write(thumbRef, 'webp', thumb.webp)
      media = { width: thumb.width, height: thumb.height, thumbVariant: 'thumb' as const, bytes: data.length }
    } else {
      await place()
      const poster = await makeThumbnail(ctx.ingest, null, { video: target, aspectRatio: input.aspectRatio })
      if (poster.webp.length > 0) await ctx.media.write(thumbRef, 'webp', poster.webp)
      else await ctx.media.remove(thumbRef)
      media = {
        width: poster.width,
        height: poster.height,
        thumbVariant: poster.webp.length > 0 ? ('thumb' as const) : ('original' as const),
        bytes: (await fs.stat(target)).size,
        ...(poster.durationSec === undefined ? {} : { durationSec: poster.durationSec })
      }
    }
    const { request, credits, completedAt, appVersion, productNames, ...fields } = input
    const record: LibraryRecord = {
      ...fields,
      ...media,
      mimeType: type.mime,
      productNames: input.productIds.map((_, i) => productNames?.[i] ?? null),
      favorite: previous?.favorite ?? false,
      rating: previous?.rating ?? 0,
      tags: previous?.tags ?? [],
      approval: previous?.approval ?? 'none',
      filePath: rel,
      sidecarPath: sidecarRel
    }
    const sidecarPath = ctx.folders.abs(mode, sidecarRel)
    if (!previous) created.push(sidecarPath)
    await writeSidecar(sidecarPath, sidecarOf(record, basename(rel), { request, credits, completedAt, appVersion: appVersion ?? ctx.appVersion }))
    return { mode, record }
  } catch (error) {
    for (const path of created) await fs.rm(path, { force: true }).catch(() => undefined)
    if (created.length > 0) await ctx.media.remove({ mode, area: LIBRARY_AREA, id: input.id, variant: 'thumb' }).catch(() => undefined)
    throw error
  } finally {
    if (sourceFile) await fs.rm(sourceFile, { force: true }).catch(() => undefined)
  }
}
