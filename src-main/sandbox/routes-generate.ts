import type { z } from 'zod'
import { adRequest, imageRequest, videoRequest, type adGenerationStarted, type imageGenerationStarted, type videoGenerationStarted } from '../krev/wire'
import { writeAdCopy } from './ad-copy'
import { apiCaller, apiPost } from './caller'
import { HttpError, ok, type ApiResult, type RequestContext } from './http'
import { priceAds, priceImages, priceVideo } from './ledger'
import { imageRefList, optionalImageRef } from './media-ref'
import type { Route } from './router'
import type { Services } from './services'
import type { GenerationParams, ProductRecord, UserRecord } from './types'
import { isUuid } from './util'
import { uniqueIds as ids } from './wire-body'

const textOrNull = (v: string | undefined): string | null => v?.trim() || null

/** Products must exist and belong to the caller; anything else is a 404 naming the id. */
export function ownedProducts(services: Services, user: UserRecord, ids: string[]): ProductRecord[] {
  return ids.map((id) => {
    const product = services.store.products.get(id)
    if (!product || product.userId !== user.id) throw new HttpError(404, `Product not found: ${id}`)
    return product
  })
}

async function postImages(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const { user, body, req } = apiPost(ctx, imageRequest)
  const prompt = req.prompt.trim()
  const { aspect_ratio: aspectRatio, hd, image_count: imageCount } = req
  const productIds = ids(req.product_id ? [req.product_id] : [], req.product_ids)
  const presetId = textOrNull(req.preset_id)
  const referenceImages = await imageRefList(services, body, 'reference_images')
  ownedProducts(services, user, productIds)
  const params: GenerationParams = { prompt, aspectRatio, productIds, presetId, hd, imageCount, referenceImages }
  const price = priceImages(imageCount, hd)
  const generation = services.generations.accept(user, 'image', params, price, { failWith: ctx.failGeneration })
  return ok({ generation_id: generation.id, images: [], image_count: imageCount, credits_used: price } satisfies z.input<typeof imageGenerationStarted>)
}

async function postVideos(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const { user, body, req } = apiPost(ctx, videoRequest)
  const prompt = req.prompt.trim()
  const { aspect_ratio: aspectRatio, duration, audio_mode: audioMode } = req
  const sourceImage = await optionalImageRef(services, body, 'source_image')
  if (sourceImage && /\.(mp4|mov|webm|m4v|avi|mkv)(\?|#|$)/i.test(sourceImage)) {
    throw new HttpError(400, 'source_image must be an image URL: video URLs are not supported')
  }
  const presetId = textOrNull(req.preset_id)
  const productIds = ids(req.product_id ? [req.product_id] : [])
  ownedProducts(services, user, productIds)
  const params: GenerationParams = {
    prompt, aspectRatio, productIds, presetId, hd: false, imageCount: 1, referenceImages: [], duration, audioMode, sourceImage
  }
  const price = priceVideo(duration)
  const generation = services.generations.accept(user, 'video', params, price, { failWith: ctx.failGeneration })
  return ok({ generation_id: generation.id, video_url: null, duration, credits_used: price } satisfies z.input<typeof videoGenerationStarted>)
}

async function postAds(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const { user, body, req } = apiPost(ctx, adRequest)
  const brief = req.brief.trim()
  const productIds = ids(req.product_ids)
  const { aspect_ratio: aspectRatio, image_count: imageCount } = req
  const styleId = textOrNull(req.style_id)
  const inspirationImage = await optionalImageRef(services, body, 'inspiration_image')
  const brandContext = textOrNull(req.brand_context)
  const products = ownedProducts(services, user, productIds)
  const copy = writeAdCopy(
    brief,
    products.map((p) => ({ name: p.name, type: String(p.metadata.productType ?? 'product') })),
    styleId,
    brandContext
  )
  const params: GenerationParams = {
    prompt: brief, aspectRatio, productIds, presetId: null, hd: false, imageCount, referenceImages: [], styleId, inspirationImage, brandContext
  }
  const price = priceAds(imageCount)
  const generation = services.generations.accept(user, 'ad', params, price, { failWith: ctx.failGeneration, adCopy: copy })
  return ok({ generation_id: generation.id, images: [], image_count: imageCount, credits_used: price, ad_copy: copy } satisfies z.input<typeof adGenerationStarted>)
}

async function getGeneration(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const user = apiCaller(ctx)
  const id = ctx.params.id
  // The reference: 404 "Resource not found (e.g. invalid generation ID)", malformed or unknown alike.
  if (!isUuid(id)) throw new HttpError(404, 'Generation not found')
  const generation = services.store.generations.get(id.toLowerCase())
  if (!generation || generation.userId !== user.id) throw new HttpError(404, 'Generation not found')
  return ok(services.generations.view(generation, services.signer))
}

export function generationRoutes(services: Services): Route[] {
  const bind = (fn: (s: Services, c: RequestContext) => Promise<ApiResult>) => (ctx: RequestContext) => fn(services, ctx)
  // Every body a generation endpoint received, before it is judged (GET /__sandbox/requests).
  const recorded = (fn: (s: Services, c: RequestContext) => Promise<ApiResult>) => (ctx: RequestContext) => {
    services.requests.record(ctx.method, ctx.path, ctx.body)
    return fn(services, ctx)
  }
  return [
    { method: 'POST', pattern: '/api/v1/images', auth: 'bearer', scopes: ['images'], handler: recorded(postImages) },
    { method: 'POST', pattern: '/api/v1/videos', auth: 'bearer', scopes: ['videos'], handler: recorded(postVideos) },
    { method: 'POST', pattern: '/api/v1/ads', auth: 'bearer', scopes: ['ads'], handler: recorded(postAds) },
    { method: 'GET', pattern: '/api/v1/generations/:id', auth: 'bearer', scopes: ['images', 'videos', 'ads'], handler: bind(getGeneration) }
  ]
}
