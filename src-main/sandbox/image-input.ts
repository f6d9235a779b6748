import sharp from 'sharp'
import { sniffMedia } from '../media/media-type'
import { HttpError } from './http'
import { isHttpsUrl } from './validate'

/**
 * Product images arrive as an https URL, a data: URL or an uploaded file. Whatever the
 * claimed type, the bytes decide: only real JPG/PNG/WebP that fully decode and stay
 * under 50 megapixels get through (SVG, GIF, truncated files and bombs are a 400).
 */
export type ImageType = 'jpg' | 'png' | 'webp'
export type FetchRemote = (url: string) => Promise<Buffer>

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024
export const MAX_PIXELS = 50_000_000
const FETCH_TIMEOUT_MS = 10_000

/** What the bytes are (the app's one sniffer), in the terms the upload errors use. */
export function sniffImageType(data: Buffer): ImageType | 'gif' | 'svg' | 'unknown' {
  const ext = sniffMedia(data)?.ext
  return ext === 'jpg' || ext === 'png' || ext === 'webp' || ext === 'gif' || ext === 'svg' ? ext : 'unknown'
}

/** Default remote fetch: https only, 10 s timeout, 20 MB cap (checked while streaming). */
export async function defaultFetchRemote(url: string): Promise<Buffer> {
  if (!isHttpsUrl(url)) throw new Error('only https URLs can be fetched')
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' })
  if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`)
  if (Number(response.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES) throw new Error('the image is larger than 20 MB')
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length
    if (size > MAX_IMAGE_BYTES) throw new Error('the image is larger than 20 MB')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** Resolves `image_url` (https or data:image/…;base64) to bytes. */
export async function loadImageUrl(value: string, fetchRemote: FetchRemote, field = 'image_url'): Promise<Buffer> {
  if (value.startsWith('data:')) {
    const match = /^data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/=\s]*)$/i.exec(value)
    if (!match) throw new HttpError(400, `${field} data URL must be data:image/<type>;base64,<data>`)
    const data = Buffer.from(match[1], 'base64')
    if (data.length > MAX_IMAGE_BYTES) throw new HttpError(413, 'Upload too large: the maximum is 20 MB')
    return data
  }
  if (!isHttpsUrl(value)) throw new HttpError(400, `${field} must be an https URL or a data:image base64 URL`)
  try {
    const data = await fetchRemote(value)
    if (data.length > MAX_IMAGE_BYTES) throw new Error('the image is larger than 20 MB')
    return data
  } catch (error) {
    if (error instanceof HttpError) throw error
    throw new HttpError(400, `Could not fetch ${field}: ${(error as Error).message}`)
  }
}

/** Validates the bytes as a complete, reasonably sized JPG/PNG/WebP. */
export async function checkImage(data: Buffer): Promise<{ type: ImageType; width: number; height: number }> {
  if (data.length === 0) throw new HttpError(400, 'Image is empty')
  const type = sniffImageType(data)
  if (type === 'gif' || type === 'svg' || type === 'unknown') {
    const what = type === 'unknown' ? 'not a recognised image' : type.toUpperCase()
    throw new HttpError(400, `Unsupported image type (${what}): use JPG, PNG or WebP`)
  }
  let width = 0
  let height = 0
  try {
    const meta = await sharp(data, { limitInputPixels: false }).metadata()
    width = meta.width ?? 0
    height = meta.height ?? 0
  } catch {
    throw new HttpError(400, 'Image could not be decoded (corrupt or truncated)')
  }
  if (!width || !height) throw new HttpError(400, 'Image could not be decoded (corrupt or truncated)')
  if (width * height > MAX_PIXELS) {
    throw new HttpError(400, `Image is too large: ${width}×${height} exceeds the 50 megapixel limit`)
  }
  try {
    // A full decode (to a tiny thumbnail) is the only way to catch truncated pixel data.
    await sharp(data, { failOn: 'warning', limitInputPixels: MAX_PIXELS }).resize(64, 64, { fit: 'inside' }).raw().toBuffer()
  } catch {
    throw new HttpError(400, 'Image could not be decoded (corrupt or truncated)')
  }
  return { type, width, height }
}
