import { AppError } from '../core/app-error'
import { invalidInput } from './errors'

/**
 * What Krev accepts as a product photo: JPG, PNG or WebP, at most 20 MB. The type is
 * decided by the file's first bytes, not by its name or declared MIME type, so a
 * renamed SVG, HTML page or truncated file is refused before anything is uploaded.
 */

export const MAX_PRODUCT_IMAGE_BYTES = 20 * 1024 * 1024

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp'

/** The image type from magic bytes, or null. */
export function sniffImageType(data: Uint8Array): ImageMime | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (data.length >= 8 && png.every((b, i) => data[i] === b)) return 'image/png'
  const ascii = (from: number, to: number) => String.fromCharCode(...data.subarray(from, to))
  if (data.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return null
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
