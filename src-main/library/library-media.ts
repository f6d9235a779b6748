import { promises as fs } from 'node:fs'
import { isMediaExt, type MediaRef, type MediaStore, type StoredMedia } from '../media/media-store'
import type { LibraryFolders } from './library-folder'
import type { LibraryIndex } from './library-index'
import { LIBRARY_AREA, makeThumbnail, type IngestOptions } from './media-ingest'

/**
 * Library media for the renderer, found through the index: an original is the indexed
 * file in the Library folder (symlinks and paths outside it refused by LibraryFolders);
 * a thumbnail is the cached WebP, made again from the original when the cache lacks it
 * (a library rebuilt from a folder brought from another computer). Everything else is
 * the media store's.
 */

export function libraryMediaResolver(
  index: LibraryIndex,
  folders: LibraryFolders,
  media: MediaStore,
  ingest: IngestOptions
): (ref: MediaRef) => Promise<StoredMedia | null> {
  const making = new Map<string, Promise<StoredMedia | null>>()

  async function original(ref: MediaRef): Promise<StoredMedia | null> {
    const record = index.get(ref.mode, ref.id)
    if (!record) return null
    const ext = record.filePath.slice(record.filePath.lastIndexOf('.') + 1).toLowerCase().replace('jpeg', 'jpg')
    if (!isMediaExt(ext)) return null
    const file = await folders.resolveFile(ref.mode, record.filePath)
    return file && { ...file, ext }
  }

  async function remake(ref: MediaRef): Promise<StoredMedia | null> {
    const source = await original({ ...ref, variant: 'original' })
    const record = index.get(ref.mode, ref.id)
    if (!source || !record) return null
    const video = record.mimeType.startsWith('video/')
    const thumb = await makeThumbnail(ingest, video ? null : source.path, { video: source.path, aspectRatio: record.aspectRatio }).catch(() => null)
    if (!thumb || thumb.webp.length === 0) return null
    await media.write(ref, 'webp', thumb.webp)
    return media.resolve(ref)
  }

  return async (ref) => {
    if (ref.area !== LIBRARY_AREA) return media.resolve(ref)
    if (ref.variant === 'original') return original(ref)
    if (ref.variant !== 'thumb') return null
    const cached = await media.resolve(ref)
    if (cached) return cached
    const key = `${ref.mode}/${ref.id}`
    let p = making.get(key)
    if (!p) {
      p = remake(ref).finally(() => making.delete(key))
      making.set(key, p)
    }
    return p
  }
}

/** The media store as the renderer's server sees it: library refs go through the index. */
export function withLibraryMedia(media: MediaStore, resolve: (ref: MediaRef) => Promise<StoredMedia | null>): MediaStore {
  return { ...media, root: media.root, resolve }
}

/** Removes a file if it is a plain file (a symlink is removed itself, never followed). */
export async function removeFile(path: string): Promise<void> {
  await fs.rm(path, { force: true }).catch(() => undefined)
}
