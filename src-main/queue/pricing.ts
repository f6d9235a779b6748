import type { GenerationRequest } from '../../src-preload/contract'
import type { AdParams, ImageParams, VideoParams } from '../krev/types'

/**
 * How a request is named and sent. What it costs is the contract's one estimate
 * (`src-preload/contract/estimate.ts`), shared with the renderer's live figure.
 */
export { estimateRequestCredits as estimateCredits } from '../../src-preload/contract/estimate'

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
