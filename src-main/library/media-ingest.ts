import type { MediaOps } from '../media-worker/media-ops'
import { extractPoster } from './video-poster'

/**
 * Thumbnails for library files: a 512 px WebP of an image (decoded in the media worker, so
 * a crash there fails the add as retryable, not the app), or a poster frame of a video
 * when ffmpeg is available. Without ffmpeg (or when it fails) a video has no thumbnail:
 * the grid shows the video itself and the job still succeeds. Thumbnails live in the
 * media store under dataDir, a cache that can always be made again from the originals.
 */

export const LIBRARY_AREA = 'library'
export const THUMB_SIZE = 512
/** Refuse decoding absurd images (decompression bombs) rather than exhausting memory. */
const MAX_PIXELS = 100_000_000

export interface IngestOptions {
  /** Decoding and thumbnails: the media worker in the app. */
  mediaOps: MediaOps
  /** The ffmpeg binary for video posters; null when there is none. */
  ffmpeg: string | null
  /** A poster could not be made (the video is kept as its own thumbnail). */
  onPosterFailed?(error: unknown): void
}

export interface MadeThumbnail {
  /** Empty when there is none (a video without a poster). */
  webp: Buffer
  width: number
  height: number
  /** Videos whose length ffmpeg read. */
  durationSec?: number
}

/** Nominal frame size for a video whose dimensions we don't decode: from its aspect ratio. */
export function nominalSize(aspect: string): { width: number; height: number } {
  const m = /^(\d+):(\d+)$/.exec(aspect)
  const w = m ? Number(m[1]) : 16
  const h = m ? Number(m[2]) : 9
  return w >= h ? { width: 1280, height: Math.round((1280 * h) / w) } : { width: Math.round((1280 * w) / h), height: 1280 }
}

/** An image's thumbnail (rejects when the bytes aren't an image sharp reads), or a video's poster. */
export async function makeThumbnail(
  options: IngestOptions,
  image: Uint8Array | string | null,
  video?: { video: string; aspectRatio: string }
): Promise<MadeThumbnail> {
  if (image !== null) {
    const t = await options.mediaOps.thumbnail(image, THUMB_SIZE, { maxPixels: MAX_PIXELS })
    return { webp: Buffer.from(t.webp.buffer, t.webp.byteOffset, t.webp.byteLength), width: t.width, height: t.height }
  }
  const nominal = nominalSize(video?.aspectRatio ?? '16:9')
  if (!video || !options.ffmpeg) return { webp: Buffer.alloc(0), ...nominal }
  try {
    const { thumb, info } = await extractPoster(options.ffmpeg, video.video, THUMB_SIZE, options.mediaOps)
    return { webp: thumb, width: info.width, height: info.height, ...(info.durationSec === null ? {} : { durationSec: info.durationSec }) }
  } catch (error) {
    // A missing poster never fails the job: the video is its own thumbnail.
    options.onPosterFailed?.(error)
    return { webp: Buffer.alloc(0), ...nominal }
  }
}
