import { lstat, readFile } from 'node:fs/promises'
import { HttpError } from './http'
import type { FetchRemote } from './image-input'
import type { MediaStore } from './media'
import type { UrlSigner } from './signing'
import { isHttpsUrl } from './validate'

/**
 * Image inputs (reference_images, source_image, inspiration_image, a product's
 * image_url) are https URLs, as on Krev, or a media URL this sandbox signed. Krev's own
 * storage URLs are https, so the real API accepts its outputs as inputs; the sandbox's
 * are http on 127.0.0.1, so without this exception a client could never feed one
 * output into the next generation. Such a URL is checked like GET /storage checks it
 * (the signature is the capability: whoever holds a valid URL could download the file
 * anyway), then stored as a `sandbox-media:` reference that survives the URL's expiry
 * and a restart on another port. Any other http URL is still refused.
 */

const LOCAL_SCHEME = 'sandbox-media:'
const VIDEO_FILE_RE = /\.mp4$/i

export interface MediaRefDeps {
  media: MediaStore
  signer: UrlSigner
  baseUrl: () => string
}

/** True for `${baseUrl}/storage/...`: a URL this sandbox could have signed (not yet verified). */
export function isOwnMediaUrl(value: string, baseUrl: string): boolean {
  if (!baseUrl || value.length > 2048) return false
  try {
    const url = new URL(value)
    const own = new URL(baseUrl)
    return url.protocol === own.protocol && url.host === own.host && url.pathname.startsWith('/storage/') && !url.username && !url.password
  } catch {
    return false
  }
}

/** Verifies a signed sandbox media URL and turns it into a `sandbox-media:<user>/<file>` reference. */
export async function resolveOwnMediaUrl(deps: MediaRefDeps, value: string, field: string): Promise<string> {
  const url = new URL(value)
  const verdict = deps.signer.verify(url.pathname, url.searchParams.get('exp'), url.searchParams.get('sig'))
  if (verdict === 'expired') {
    throw new HttpError(400, `${field} is a sandbox media URL that has expired: read the generation or product again for a fresh URL`)
  }
  if (verdict === 'bad') throw new HttpError(400, `${field} is a sandbox media URL with a missing or invalid signature`)
  const parts = url.pathname.split('/').slice(2)
  let userId = ''
  let file = ''
  let path: string
  try {
    if (parts.length !== 2) throw new Error('not a media file path')
    userId = decodeURIComponent(parts[0])
    file = decodeURIComponent(parts[1])
    path = deps.media.pathFor(userId, file)
  } catch {
    throw new HttpError(400, `${field} is not a sandbox media file URL`)
  }
  if (VIDEO_FILE_RE.test(file)) throw new HttpError(400, `${field} must be an image URL: video URLs are not supported`)
  // lstat, as serveMedia does: a symlink planted in the media dir is never followed.
  const info = await lstat(path).catch(() => null)
  if (!info?.isFile()) throw new HttpError(400, `${field} refers to sandbox media that no longer exists`)
  return `${LOCAL_SCHEME}${userId}/${file}`
}

/** One image input: an https URL (unchanged) or a resolved sandbox media reference. */
export async function imageRef(deps: MediaRefDeps, value: unknown, field: string): Promise<string> {
  if (typeof value === 'string' && isOwnMediaUrl(value, deps.baseUrl())) return resolveOwnMediaUrl(deps, value, field)
  if (!isHttpsUrl(value)) throw new HttpError(400, `${field} must be an https URL (or a media URL from this sandbox)`)
  return value
}

export async function optionalImageRef(deps: MediaRefDeps, body: Record<string, unknown>, field: string): Promise<string | null> {
  const value = body[field]
  if (value === undefined || value === null) return null
  return imageRef(deps, value, field)
}

export async function imageRefList(deps: MediaRefDeps, body: Record<string, unknown>, field: string, max = 8): Promise<string[]> {
  const value = body[field]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new HttpError(400, `${field} must be an array of https URLs`)
  if (value.length > max) throw new HttpError(400, `${field} can include at most ${max} URLs`)
  const refs: string[] = []
  for (const item of value) {
    if (typeof item === 'string' && isOwnMediaUrl(item, deps.baseUrl())) refs.push(await resolveOwnMediaUrl(deps, item, field))
    else if (isHttpsUrl(item)) refs.push(item)
    else throw new HttpError(400, `${field} must contain only https URLs (or media URLs from this sandbox)`)
  }
  return refs
}

/** Bytes of an image input at render time: local media from disk, anything else fetched. */
export async function readImageRef(ref: string, media: MediaStore, fetchRemote: FetchRemote): Promise<Buffer> {
  if (!ref.startsWith(LOCAL_SCHEME)) return fetchRemote(ref)
  const [userId, file] = ref.slice(LOCAL_SCHEME.length).split('/')
  const path = media.pathFor(userId ?? '', file ?? '')
  const info = await lstat(path).catch(() => null)
  if (!info?.isFile()) throw new Error('the sandbox media file no longer exists')
  return readFile(path)
}
