import { isMediaExt, type MediaExt, type MediaMode, type MediaStore } from '../media/media-store'
import { sniffMedia } from '../media/media-type'
import type { MediaOps } from '../media-worker/media-ops'
import { extractPoster } from './video-poster'

/**
 * Turns downloaded bytes into library files: the original under an id we chose (never a
 * name from the URL), and for images a 512 px WebP thumbnail. The bytes decide the
 * extension. Videos get a WebP poster frame when ffmpeg is available; without it (or
 * when it fails) the grid shows the video itself, and the job still succeeds. Images are
 * decoded in the media worker (MediaOps), so a crash there fails the job (retryable), not the app.
 */

export const LIBRARY_AREA = 'library'
export const THUMB_SIZE = 512
/** Refuse decoding absurd images (decompression bombs) rather than exhausting memory. */
const MAX_PIXELS = 100_000_000

export interface IngestedMedia {
  bytes: number
  mimeType: string
  width: number
  height: number
  thumbVariant: 'thumb' | 'original'
  /** Videos whose length ffmpeg read: replaces the requested duration. */
  durationSec?: number
}

export interface IngestOptions {
  /** Decoding and thumbnails: the media worker in the app. */
  mediaOps: MediaOps
  /** The ffmpeg binary for video posters; null when there is none. */
  ffmpeg: string | null
  /** A poster could not be made (the video is kept as its own thumbnail). */
  onPosterFailed?(error: unknown): void
}

/** Nominal frame size for a video whose dimensions we don't decode: from its aspect ratio. */
export function nominalSize(aspect: string): { width: number; height: number } {
  const m = /^(\d+):(\d+)$/.exec(aspect)
  const w = m ? Number(m[1]) : 16
  const h = m ? Number(m[2]) : 9
  return w >= h ? { width: 1280, height: Math.round((1280 * h) / w) } : { width: Math.round((1280 * w) / h), height: 1280 }
}

export async function ingestMedia(
  store: MediaStore,
  mode: MediaMode,
  id: string,
  data: Buffer,
  aspectRatio: string,
  options: IngestOptions
): Promise<IngestedMedia> {
  const type = sniffMedia(data)
  if (!type || type.kind === 'other' || !isMediaExt(type.ext)) throw new Error('unsupported media type')
  const ext: MediaExt = type.ext
  const ref = { mode, area: LIBRARY_AREA, id }

  if (type.kind === 'video') {
    // The original first: the store creates and checks the folder the poster's temp file goes in.
    const path = await store.write({ ...ref, variant: 'original' }, ext, data)
    const plain = { bytes: data.length, mimeType: type.mime }
    if (options.ffmpeg) {
      try {
        const { thumb, info } = await extractPoster(options.ffmpeg, path, THUMB_SIZE, options.mediaOps)
        await store.write({ ...ref, variant: 'thumb' }, 'webp', thumb)
        const duration = info.durationSec === null ? {} : { durationSec: info.durationSec }
        return { ...plain, width: info.width, height: info.height, ...duration, thumbVariant: 'thumb' }
      } catch (error) {
        // A missing poster never fails the job: the video is its own thumbnail, as before.
        await store.remove({ ...ref, variant: 'thumb' }).catch(() => undefined)
        options.onPosterFailed?.(error)
      }
    }
    return { ...plain, ...nominalSize(aspectRatio), thumbVariant: 'original' }
  }
  // Decode first: a file sharp can't read never lands in the library.
  const thumb = await options.mediaOps.thumbnail(data, THUMB_SIZE, { maxPixels: MAX_PIXELS })
  await store.write({ ...ref, variant: 'original' }, ext, data)
  await store.write({ ...ref, variant: 'thumb' }, 'webp', Buffer.from(thumb.webp.buffer, thumb.webp.byteOffset, thumb.webp.byteLength))
  return {
    bytes: data.length,
    mimeType: type.mime,
    width: thumb.width,
    height: thumb.height,
    thumbVariant: 'thumb'
  }
}

export async function removeMedia(store: MediaStore, mode: MediaMode, id: string): Promise<void> {
  await store.remove({ mode, area: LIBRARY_AREA, id, variant: 'original' })
  await store.remove({ mode, area: LIBRARY_AREA, id, variant: 'thumb' })
}
