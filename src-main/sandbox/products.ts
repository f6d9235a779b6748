import sharp from 'sharp'
import { apiCaller } from './caller'
import { formBody, HttpError, isMultipartRequest, jsonBody, ok, type ApiResult, type RequestContext } from './http'
import { checkImage, loadImageUrl, MAX_IMAGE_BYTES } from './image-input'
import { isOwnMediaUrl, readImageRef, resolveOwnMediaUrl } from './media-ref'
import { analyseProduct } from './product-analysis'
import type { Route } from './router'
import { dominantColors, removeBackground } from './segment'
import type { Services } from './services'
import type { ProductRecord } from './types'
import { isoSeconds, isUuid, newId } from './util'
import { productCreateJson, productFormFields } from '../krev/wire'
import { limitParam } from './validate'
import { wireBody } from './wire-body'

/**
 * The catalog: upload (JSON image_url or multipart file) runs the analysis pipeline —
 * type sniffing, background removal, colours, metadata, naming — synchronously, as the
 * reference's upload example answers with the finished product.
 */
export function productView(services: Services, p: ProductRecord): Record<string, unknown> {
  const sign = (file: string) => services.media.url(services.signer, p.userId, file)
  return {
    id: p.id,
    name: p.name,
    image_url: sign(p.originalFile),
    segmented_image_url: p.segmentedFile ? sign(p.segmentedFile) : null,
    category: p.category,
    metadata: p.metadata,
    source: p.source,
    created_at: p.createdAt
  }
}

interface UploadInput {
  data: Buffer
  name: string | null
  fileName: string | null
  skipSegmentation: boolean
}

/** A form field as the wire schema reads it: absent is undefined, a file where text belongs stays a (wrong) object. */
const formField = (form: FormData, name: string): unknown => form.get(name) ?? undefined

async function readUpload(services: Services, ctx: RequestContext): Promise<UploadInput> {
  if (isMultipartRequest(ctx)) {
    const form = await formBody(ctx)
    const file = form.get('file')
    if (!file || typeof file === 'string') throw new HttpError(400, 'file is required (multipart field "file")')
    if (file.size > MAX_IMAGE_BYTES) throw new HttpError(413, 'Upload too large: the maximum is 20 MB')
    const fields = wireBody(productFormFields, { name: formField(form, 'name'), skip_segmentation: formField(form, 'skip_segmentation') })
    return {
      data: Buffer.from(await file.arrayBuffer()),
      name: fields.name?.trim() || null,
      fileName: file.name || null,
      skipSegmentation: fields.skip_segmentation
    }
  }
  const body = jsonBody(ctx)
  const req = wireBody(productCreateJson, body)
  const imageUrl = req.image_url.trim()
  const name = req.name?.trim() || null
  const skipSegmentation = req.skip_segmentation
  if (isOwnMediaUrl(imageUrl, services.baseUrl())) {
    // An earlier output or product of this sandbox; its id-based file name says nothing about the product.
    const ref = await resolveOwnMediaUrl(services, imageUrl, 'image_url')
    return { data: await readImageRef(ref, services.media, services.fetchRemote), name, fileName: null, skipSegmentation }
  }
  const data = await loadImageUrl(imageUrl, services.fetchRemote)
  const fileName = imageUrl.startsWith('data:') ? null : fileNameOf(imageUrl)
  return { data, name, fileName, skipSegmentation }
}

/** The last path segment, decoded; bad percent-encoding is the caller's error (400), not a 500. */
function fileNameOf(imageUrl: string): string {
  const last = new URL(imageUrl).pathname.split('/').pop() ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    throw new HttpError(400, 'image_url has invalid percent-encoding')
  }
}

async function postProduct(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const user = apiCaller(ctx)
  const upload = await readUpload(services, ctx)
  const { type } = await checkImage(upload.data)
  const id = newId()
  const originalFile = `${id}-original.${type}`
  let segmentedFile: string | null = null
  let analysed: Buffer = upload.data
  let size = await sharp(upload.data).metadata().then((m) => ({ width: m.width ?? 1, height: m.height ?? 1 }))
  if (!upload.skipSegmentation) {
    const cut = await removeBackground(upload.data)
    segmentedFile = `${id}-segmented.png`
    analysed = cut.png
    size = { width: cut.width, height: cut.height }
    await services.media.write(user.id, segmentedFile, cut.png)
  }
  await services.media.write(user.id, originalFile, upload.data)
  const colors = await dominantColors(analysed)
  const analysis = analyseProduct({ name: upload.name, fileName: upload.fileName, colors, ...size })
  const product: ProductRecord = {
    id,
    userId: user.id,
    name: analysis.name,
    category: analysis.category,
    metadata: analysis.metadata,
    source: 'api',
    originalFile,
    segmentedFile,
    createdAt: isoSeconds()
  }
  services.store.products.set(id, product)
  services.store.changed()
  return ok(productView(services, product))
}

async function getProducts(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const user = apiCaller(ctx)
  const id = ctx.url.searchParams.get('id')
  if (id !== null) {
    if (!isUuid(id)) throw new HttpError(400, 'id must be a UUID')
    const product = services.store.products.get(id.toLowerCase())
    if (!product || product.userId !== user.id) throw new HttpError(404, `Product not found: ${id}`)
    return ok(productView(services, product))
  }
  const limit = limitParam(ctx.url.searchParams.get('limit'))
  const mine = [...services.store.products.values()].filter((p) => p.userId === user.id).reverse().slice(0, limit)
  return ok(mine.map((p) => productView(services, p)), { meta: { count: mine.length } })
}

export function productRoutes(services: Services): Route[] {
  return [
    { method: 'POST', pattern: '/api/v1/products', auth: 'bearer', scopes: ['products'], handler: (ctx) => postProduct(services, ctx) },
    { method: 'GET', pattern: '/api/v1/products', auth: 'bearer', scopes: ['products'], handler: (ctx) => getProducts(services, ctx) }
  ]
}
