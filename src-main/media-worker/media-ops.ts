/**
 * The image work main hands to the media worker, as one interface: the worker client
 * (client.ts) implements it across a process boundary, image-ops.ts implements it in
 * whichever process holds sharp. Inputs are a file path or the bytes themselves;
 * everything crosses as structured-clone data (bytes as Uint8Array).
 */

export type ImageInput = string | Uint8Array

export interface ImageInfo {
  format: string
  /** As displayed: EXIF orientations 5–8 swap the stored width and height. */
  width: number
  height: number
}

export interface Thumbnail extends ImageInfo {
  /** WebP, at most `size` px on its long side, EXIF-rotated upright. */
  webp: Uint8Array
}

export interface ImageLimits {
  /** Refuse to decode images with more pixels than this (decompression bombs). */
  maxPixels: number
}

/** WebP settings for a thumbnail (default quality 80, alpha at the same quality). */
export interface WebpOptions {
  quality: number
  alphaQuality?: number
}

/**
 * What a full check of an image found. `unreadable`: no usable header; `too_many_pixels`:
 * the header declares more than the limit (nothing was decoded); `incomplete`: the header
 * is fine but decoding the whole file failed (cut off mid-copy, damaged data).
 */
export type ImageVerdict =
  | { ok: true; info: ImageInfo }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'too_many_pixels' | 'incomplete'; info: ImageInfo }

export interface MediaOps {
  imageInfo(input: ImageInput, limits: ImageLimits): Promise<ImageInfo>
  /** Decodes fully and answers a WebP of at most `size` px: a file sharp can't read rejects. */
  thumbnail(input: ImageInput, size: number, limits: ImageLimits, webp?: WebpOptions): Promise<Thumbnail>
  /** Reads the header, then decodes every pixel (truncation is an error): a verdict, never a throw for bad files. */
  verifyImage(input: ImageInput, limits: ImageLimits): Promise<ImageVerdict>
}

/** The op names, once, for the client's method table and the worker's dispatch. */
export const MEDIA_OP_NAMES = ['imageInfo', 'thumbnail', 'verifyImage'] as const satisfies readonly (keyof MediaOps)[]
