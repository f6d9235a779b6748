import { isAppError } from '../core/app-error'
import type { KrevClient, KrevProduct } from '../krev/types'
import { isMediaExt, toMediaId, type MediaMode, type MediaRef, type MediaStore } from '../media/media-store'
import { sniffMedia } from '../media/media-type'
import type { MediaOps } from '../media-worker/media-ops'

/**
 * A product's picture, downloaded once and kept: the cut-out when Krev made one (it looks
 * best on a card), else the original, stored as variant 'image', plus a 512 px WebP
 * 'thumb' the grid shows. Signed URLs expire, so a 403 gets one retry with a fresh URL
 * from GET /products?id=. Images are decoded by sharp with a pixel limit: a hostile
 * server can't make the thumbnailer allocate gigabytes, and the decoding happens in the
 * media worker (MediaOps): a file that crashes it fails this one picture (tried again later).
 */

export const PRODUCTS_AREA = 'products'
export const THUMB_SIZE = 512
/** Cut-outs are PNGs at the photo's full size, which can exceed the 20 MB upload cap. */
export const MAX_PRODUCT_MEDIA_BYTES = 64 * 1024 * 1024
const MAX_THUMB_SOURCE_PIXELS = 100_000_000

export const productRef = (mode: MediaMode, productId: string, variant: 'image' | 'thumb' | 'original'): MediaRef | null => {
  const id = toMediaId(productId)
  return id ? { mode, area: PRODUCTS_AREA, id, variant } : null
}

/** The 512 px WebP for the grid: EXIF orientation applied, alpha kept, never enlarged. */
export async function makeThumbnail(mediaOps: MediaOps, data: Buffer): Promise<Uint8Array> {
  const thumb = await mediaOps.thumbnail(data, THUMB_SIZE, { maxPixels: MAX_THUMB_SOURCE_PIXELS }, { quality: 82, alphaQuality: 90 })
  return thumb.webp
}

export interface CacheImageDeps {
  client: KrevClient
  media: MediaStore
  mode: MediaMode
  /** Decoding and the thumbnail: the media worker in the app. */
  mediaOps: MediaOps
  signal?: AbortSignal
}

export type CacheImageResult =
  | { ok: true; fresh: KrevProduct | null }
  | { ok: false; reason: 'no-image' | 'bad-id' }

const sourceUrl = (p: KrevProduct): string | null => p.segmented_image_url || p.image_url || null

/**
 * Makes sure the product's image and thumbnail are on disk. Answers the product as
 * re-fetched when its URL had expired (so the caller can keep the fresh URLs), and
 * throws the download's AppError when it can't be fetched.
 */
type Picture = { data: Buffer; fresh: KrevProduct | null } | null

/**
 * One of the product's pictures (`pick` chooses the URL), with one retry on a fresh URL
 * from GET /products?id= when the signature had expired; null when it has none.
 */
async function downloadPicture(product: KrevProduct, pick: (p: KrevProduct) => string | null, deps: CacheImageDeps): Promise<Picture> {
  let fresh: KrevProduct | null = null
  let url = pick(product)
  if (!url) return null
  const download = (from: string) =>
    deps.client.downloadMedia(from, {
      maxBytes: MAX_PRODUCT_MEDIA_BYTES,
      accept: ['image'],
      ...(deps.signal ? { signal: deps.signal } : {})
    })
  try {
    return { data: (await download(url)).data, fresh }
  } catch (error) {
    if (!isAppError(error) || error.code !== 'forbidden') throw error
    // An expired signature: ask Krev for the product again, which signs new URLs.
    fresh = await deps.client.getProduct(product.id, deps.signal)
    url = pick(fresh)
    if (!url) return null
    return { data: (await download(url)).data, fresh }
  }
}

export async function cacheProductImage(product: KrevProduct, deps: CacheImageDeps): Promise<CacheImageResult> {
  const thumbRef = productRef(deps.mode, product.id, 'thumb')
  const imageRef = productRef(deps.mode, product.id, 'image')
  if (!thumbRef || !imageRef) return { ok: false, reason: 'bad-id' }
  if (await deps.media.resolve(thumbRef)) return { ok: true, fresh: null }

  const got = await downloadPicture(product, sourceUrl, deps)
  if (!got) return { ok: false, reason: 'no-image' }
  const thumb = await makeThumbnail(deps.mediaOps, got.data)
  const ext = sniffMedia(got.data)?.ext
  // The full image is a convenience for later (library, offline previews); the thumb is what counts.
  if (ext && isMediaExt(ext)) await deps.media.write(imageRef, ext, got.data)
  await deps.media.write(thumbRef, 'webp', thumb)
  return { ok: true, fresh: got.fresh }
}

/**
 * The photo as uploaded, for the product page's side-by-side: only needed when Krev made
 * a cut-out (otherwise 'image' already is the original). Kept as variant 'original'.
 */
export async function cacheProductOriginal(product: KrevProduct, deps: CacheImageDeps): Promise<boolean> {
  const ref = productRef(deps.mode, product.id, 'original')
  if (!ref || !product.segmented_image_url) return false
  if (await deps.media.resolve(ref)) return true
  const got = await downloadPicture(product, (p) => p.image_url, deps)
  const ext = got ? sniffMedia(got.data)?.ext : undefined
  if (!got || !ext || !isMediaExt(ext)) return false
  await deps.media.write(ref, ext, got.data)
  return true
}
