import { AppError, isAppError } from '../core/app-error'
import { MAX_PRODUCT_IMAGE_BYTES } from '../krev/product-image'
import { sniffMedia, type SniffedMedia } from '../media/media-type'
import type { ImageInput, ImageVerdict, MediaOps } from '../media-worker/media-ops'

/**
 * A product photo is checked here, before a byte is uploaded, so a bad file costs no
 * round trip and gets a message that says what to do. The bytes decide what a file is;
 * its name and MIME type only have to agree with them. Then the media worker must read the
 * header (not damaged), the size must stay under 50 megapixels (a tiny file can declare a
 * 60 000 × 60 000 canvas: a decompression bomb), and a full decode must succeed (a file
 * cut off mid-copy has a fine header and a missing tail). Decoding happens in the media
 * worker (MediaOps), so a hostile file that crashes the decoder costs a retry, not the app.
 */

export const MAX_PRODUCT_PIXELS = 50_000_000

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp'
export interface CheckedPhoto {
  mime: PhotoMime
  /** JPG, PNG or WebP: for messages. */
  label: string
  width: number
  height: number
}

const ACCEPTED: Readonly<Record<string, PhotoMime>> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** What a name or MIME type claims, as the label of the type it names. */
const EXT_LABELS: Readonly<Record<string, string>> = {
  jpg: 'JPG', jpeg: 'JPG', jpe: 'JPG', jfif: 'JPG', png: 'PNG', webp: 'WebP', gif: 'GIF', svg: 'SVG', svgz: 'SVG',
  heic: 'HEIC', heif: 'HEIC', avif: 'AVIF', bmp: 'BMP', tif: 'TIFF', tiff: 'TIFF'
}
const MIME_LABELS: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPG', 'image/jpg': 'JPG', 'image/pjpeg': 'JPG', 'image/png': 'PNG', 'image/webp': 'WebP', 'image/gif': 'GIF',
  'image/svg+xml': 'SVG', 'image/heic': 'HEIC', 'image/heif': 'HEIC', 'image/avif': 'AVIF', 'image/bmp': 'BMP', 'image/tiff': 'TIFF'
}

const refuse = (message: string): AppError => new AppError('invalid_input', message, { retryable: false })

const EXPORT_HINT = 'Export it as JPG or PNG and try again.'

/** Why a recognised type can't be a product photo. */
function unsupported(type: SniffedMedia | null): string {
  if (!type) return `This file isn’t a photo Krev can use. Use a JPG, PNG or WebP image.`
  switch (type.label) {
    case 'SVG':
      return `SVG drawings can’t be used as product photos. ${EXPORT_HINT}`
    case 'GIF':
      return `GIF images aren’t supported. ${EXPORT_HINT}`
    case 'HEIC':
      return `HEIC photos (the iPhone format) aren’t supported. ${EXPORT_HINT}`
    case 'AVIF':
      return `AVIF images aren’t supported. ${EXPORT_HINT}`
    case 'a web page':
      return 'This file is a web page, not a photo. Save the image itself and try again.'
    default:
      return type.kind === 'video'
        ? 'This is a video. Product photos must be JPG, PNG or WebP images.'
        : `This file isn’t a photo Krev can use. Use a JPG, PNG or WebP image.`
  }
}

/** The extension of a file name, lowercased, or null. */
export function extensionOf(fileName: string): string | null {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim())
  return m ? m[1].toLowerCase() : null
}

/** A refusal when the photo's name or type says something its bytes contradict. */
export function claimMismatch(actual: string, claimed: { fileName: string; mimeType: string }): string | null {
  const ext = extensionOf(claimed.fileName)
  const byName = ext ? EXT_LABELS[ext] : undefined
  if (byName && byName !== actual) {
    return `This file is named .${ext} but is really a ${actual} image. Rename it to .${actual === 'JPG' ? 'jpg' : actual.toLowerCase()} and try again.`
  }
  const byMime = MIME_LABELS[claimed.mimeType.trim().toLowerCase()]
  if (byMime && byMime !== actual) return `This file says it is a ${byMime} image but is really a ${actual}. Save it again as a ${actual} and retry.`
  return null
}

const megapixels = (w: number, h: number): string => `${Math.round((w * h) / 100_000) / 10}`

/** The worker's verdict; a worker that died meanwhile reads as such (retryable), never as a bad photo. */
async function verify(mediaOps: MediaOps, data: ImageInput): Promise<ImageVerdict> {
  try {
    return await mediaOps.verifyImage(data, { maxPixels: MAX_PRODUCT_PIXELS })
  } catch (error) {
    if (isAppError(error) && error.code === 'worker_crashed') {
      throw new AppError('worker_crashed', 'Krev Studio’s image checker stopped while reading this photo. Nothing was uploaded; add it again.', {
        retryable: true,
        cause: error
      })
    }
    throw error
  }
}

export function checkProductPhoto(data: Buffer, claimed: { fileName: string; mimeType: string }, mediaOps: MediaOps): Promise<CheckedPhoto> {
  return checkPhoto({ input: data, head: data, size: data.length }, claimed, mediaOps)
}

/**
 * The same checks for a file on disk: `head` is its first bytes (for the type), the
 * worker decodes it from its path, so main never holds the whole photo.
 */
export function checkProductPhotoFile(
  file: { path: string; head: Buffer; size: number },
  claimed: { fileName: string; mimeType: string },
  mediaOps: MediaOps
): Promise<CheckedPhoto> {
  return checkPhoto({ input: file.path, head: file.head, size: file.size }, claimed, mediaOps)
}

async function checkPhoto(
  photo: { input: ImageInput; head: Buffer; size: number },
  claimed: { fileName: string; mimeType: string },
  mediaOps: MediaOps
): Promise<CheckedPhoto> {
  if (photo.size === 0) throw refuse('This file is empty.')
  if (photo.size > MAX_PRODUCT_IMAGE_BYTES) {
    const size = Math.round((photo.size / (1024 * 1024)) * 10) / 10
    throw new AppError('payload_too_large', `This photo is ${size} MB; the limit is 20 MB. Export a smaller copy and try again.`, {
      retryable: false
    })
  }
  const type = sniffMedia(photo.head)
  const mime = type && type.kind === 'image' ? ACCEPTED[type.ext] : undefined
  if (!type || !mime) throw refuse(unsupported(type))
  const mismatch = claimMismatch(type.label, claimed)
  if (mismatch) throw refuse(mismatch)

  const verdict = await verify(mediaOps, photo.input)
  if (!verdict.ok && verdict.problem === 'unreadable') {
    throw refuse(`This ${type.label} is damaged and can’t be opened. Export it again and retry.`)
  }
  const { width, height } = verdict.info
  if (!verdict.ok && verdict.problem === 'too_many_pixels') {
    throw refuse(
      `This image is ${width} × ${height} pixels (${megapixels(width, height)} megapixels); the limit is 50 megapixels. Resize it and try again.`
    )
  }
  if (!verdict.ok) {
    throw refuse(`This ${type.label} is incomplete or damaged (it may not have finished copying). Export it again and retry.`)
  }
  return { mime, label: type.label, width, height }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** The file bytes from the renderer's base64; refuses anything that isn't clean base64. */
export function decodeBase64Photo(dataBase64: string): Buffer {
  const b64 = dataBase64.replace(/\s+/g, '')
  if (b64.length % 4 !== 0 || !BASE64.test(b64)) throw refuse('This file could not be read. Try adding it again.')
  return Buffer.from(b64, 'base64')
}

/** A pasted link that obviously names a type Krev refuses: said now, not after a round trip. */
export function checkPhotoUrl(url: string): void {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    throw refuse('This link is not a valid web address.')
  }
  const label = EXT_LABELS[extensionOf(path) ?? '']
  if (label && !['JPG', 'PNG', 'WebP'].includes(label)) {
    throw refuse(unsupported({ kind: 'other', mime: '', ext: '', label }))
  }
}
