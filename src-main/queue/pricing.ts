import { PRICES, type GenerationRequest } from '../../src-preload/contract'
import type { AdParams, ImageParams, VideoParams } from '../krev/types'

/**
 * What a request costs and how it is sent. Prices are the API reference's table: 40 per
 * standard image (80 in 4K), about 80 per video second, 40 per ad image. Krev is the
 * authority on the final charge (`creditsUsed`); this is the number shown before sending.
 */

export function estimateCredits(req: GenerationRequest): number {
  switch (req.kind) {
    case 'image':
      return (req.params.hd ? PRICES.imageHd : PRICES.image) * req.params.imageCount
    case 'video':
      return PRICES.videoPerSecond * req.params.duration
    case 'ad':
      return PRICES.adImage * req.params.imageCount
  }
}

/** The job's name in the queue: the first line of the prompt or brief, shortened. */
export function titleFor(req: GenerationRequest): string {
  const raw = req.kind === 'ad' ? req.params.brief : req.params.prompt
  const line = raw.trim().split(/\r?\n/)[0]?.replace(/\s+/g, ' ') ?? ''
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || 'Untitled'
}

export const promptOf = (req: GenerationRequest): string => (req.kind === 'ad' ? req.params.brief : req.params.prompt)

export function productIdsOf(req: GenerationRequest): string[] {
  if (req.kind === 'video') return req.params.productId ? [req.params.productId] : []
  return req.params.productIds ?? []
}

/** Drops undefined members so the wire body carries only what the creator set. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

export type KrevRequest =
  | { kind: 'image'; params: ImageParams }
  | { kind: 'video'; params: VideoParams }
  | { kind: 'ad'; params: AdParams }

/** The contract's camelCase request as the API's snake_case parameters. */
export function toKrevRequest(req: GenerationRequest): KrevRequest {
  switch (req.kind) {
    case 'image': {
      const p = req.params
      return {
        kind: 'image',
        params: compact<ImageParams>({
          prompt: p.prompt,
          aspect_ratio: p.aspectRatio,
          product_ids: p.productIds && p.productIds.length > 0 ? p.productIds : undefined,
          preset_id: p.presetId || undefined,
          hd: p.hd,
          image_count: p.imageCount,
          reference_images: p.referenceImages && p.referenceImages.length > 0 ? p.referenceImages : undefined
        })
      }
    }
    case 'video': {
      const p = req.params
      return {
        kind: 'video',
        params: compact<VideoParams>({
          prompt: p.prompt,
          aspect_ratio: p.aspectRatio,
          duration: p.duration,
          audio_mode: p.audioMode,
          product_id: p.productId,
          source_image: p.sourceImage || undefined,
          preset_id: p.presetId || undefined
        })
      }
    }
    case 'ad': {
      const p = req.params
      return {
        kind: 'ad',
        params: compact<AdParams>({
          brief: p.brief,
          product_ids: p.productIds,
          aspect_ratio: p.aspectRatio,
          image_count: p.imageCount,
          style_id: p.styleId || undefined,
          inspiration_image: p.inspirationImage || undefined,
          brand_context: p.brandContext || undefined
        })
      }
    }
  }
}
