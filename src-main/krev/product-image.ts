import { AppError } from '../core/app-error'
import { sniffMedia } from '../media/media-type'
import { invalidInput } from './errors'

/**
 * What Krev accepts as a product photo: JPG, PNG or WebP, at most 20 MB. The type is
 * decided by the file's first bytes, not by its name or declared MIME type, so a
 * renamed SVG, HTML page or truncated file is refused before anything is uploaded.
 */

export const MAX_PRODUCT_IMAGE_BYTES = 20 * 1024 * 1024

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp'

const PRODUCT_MIMES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'] satisfies ImageMime[]

/** The image type from magic bytes (the one sniffer, media-type.ts), or null when Krev would refuse it. */
export function sniffImageType(data: Uint8Array): ImageMime | null {
  const mime = sniffMedia(data)?.mime
  return mime !== undefined && PRODUCT_MIMES.includes(mime) ? (mime as ImageMime) : null
}

export const tooLarge = (): AppError =>
  new AppError('payload_too_large', 'That image is larger than 20 MB. Use a smaller or more compressed photo.', {
    retryable: false
  })

/** Checks a file's bytes (or, for a file on disk, its first bytes and its size); returns the sniffed type. */
export function checkProductFile(data: unknown, size?: number): ImageMime {
  if (!Buffer.isBuffer(data) && !(data instanceof Uint8Array)) throw invalidInput('The product photo could not be read.')
  const length = size ?? data.length
  if (length === 0 || data.length === 0) throw invalidInput('The product photo is empty.')
  if (length > MAX_PRODUCT_IMAGE_BYTES) throw tooLarge()
  const type = sniffImageType(data)
  if (!type) throw invalidInput('The product photo must be a JPG, PNG or WebP image.')
  return type
}

const DATA_URL = /^data:image\/(jpeg|png|webp);base64,/i
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * A `data:image/(jpeg|png|webp);base64,…` URL: checked for size (from its length,
 * before decoding anything big), alphabet, and that its bytes are the declared type.
 */
export function checkImageDataUrl(raw: string): void {
  const m = DATA_URL.exec(raw)
  if (!m) throw invalidInput('The product photo must be a JPG, PNG or WebP image.')
  const b64 = raw.slice(m[0].length)
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0
  const decodedBytes = Math.floor((b64.length * 3) / 4) - padding
  if (decodedBytes > MAX_PRODUCT_IMAGE_BYTES) throw tooLarge()
  if (b64.length === 0 || b64.length % 4 !== 0 || !BASE64.test(b64)) {
    throw invalidInput('The product photo data is damaged (not valid base64).')
  }
  const head = Buffer.from(b64.slice(0, 24), 'base64')
  const declared = `image/${m[1].toLowerCase()}`
  if (sniffImageType(head) !== declared) {
    throw invalidInput('The product photo is not the image type it claims to be.')
  }
}
