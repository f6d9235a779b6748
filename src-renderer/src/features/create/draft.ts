import type { CommandInput, GenerationRequest } from '../../../../src-preload/contract'
import { estimateCredits, VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from '../../lib/pricing'
import { MAX_PROMPT, type AdAspect, type AudioMode, type ImageAspect, type ImageCount } from '../../../../src-preload/contract/values'
import { inputFromUrl, MAX_REFERENCES, type ImageInput } from './image-input'

/**
 * The Create form's state and the two ways across: a draft into the request
 * `generation.submit` takes (every API parameter the creator set, nothing else), and a
 * request back into a draft (Remix). Defaults are the API reference's.
 */

export type CreateKind = 'image' | 'video' | 'ad'
export type { AdAspect, AudioMode, ImageAspect }
export type VariantCount = ImageCount
export type GenerationInput = CommandInput<'generation.submit'>

export { MAX_PROMPT }
export const MAX_BRAND_CONTEXT = 2000
export const MAX_PRODUCTS = 10

export interface CreateDraft {
  kind: CreateKind
  prompts: Record<CreateKind, string>
  imageAspect: ImageAspect
  videoAspect: ImageAspect
  adAspect: AdAspect
  imageCount: VariantCount
  adCount: VariantCount
  hd: boolean
  duration: number
  audioMode: AudioMode
  productIds: string[]
  /** `preset_id` per kind; '' = none (Krev's default styling). */
  imagePreset: string
  videoPreset: string
  /** Images: `reference_images`. */
  references: ImageInput[]
  /** Videos: `source_image`, animated directly. */
  sourceImage: ImageInput | null
  /** Ads: `style_id`, `inspiration_image`, `brand_context`. */
  adStyle: string
  inspiration: ImageInput | null
  brandContext: string
}

export const initialDraft: CreateDraft = {
  kind: 'image',
  prompts: { image: '', video: '', ad: '' },
  imageAspect: '1:1',
  videoAspect: '16:9',
  adAspect: '4:5',
  imageCount: 1,
  adCount: 1,
  hd: false,
  duration: 5,
  audioMode: 'auto',
  productIds: [],
  imagePreset: '',
  videoPreset: '',
  references: [],
  sourceImage: null,
  adStyle: '',
  inspiration: null,
  brandContext: ''
}

export function draftEstimate(d: CreateDraft): number {
  if (d.kind === 'image') return estimateCredits({ kind: 'image', count: d.imageCount, hd: d.hd })
  if (d.kind === 'video') return estimateCredits({ kind: 'video', duration: d.duration })
  return estimateCredits({ kind: 'ad', count: d.adCount })
}

/** Set only when the creator set it: an empty box is the API's default, not "". */
const given = <K extends string, V>(key: K, value: V | '' | null | undefined): Partial<Record<K, V>> =>
  value === '' || value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>)

/** The request `generation.submit` takes, or what is missing, in words. */
export function buildRequest(d: CreateDraft): { request: GenerationInput } | { error: string } {
  const prompt = d.prompts[d.kind].trim()
  if (!prompt) return { error: d.kind === 'ad' ? 'Write a short brief for the ad.' : 'Describe what you want to see.' }
  if (prompt.length > MAX_PROMPT) return { error: `Keep it under ${MAX_PROMPT.toLocaleString('en-US')} characters.` }
  const products = d.productIds.slice(0, MAX_PRODUCTS)
  switch (d.kind) {
    case 'image': {
      const references = d.references.slice(0, MAX_REFERENCES).map((r) => r.url)
      return {
        request: {
          kind: 'image',
          params: {
            prompt,
            aspectRatio: d.imageAspect,
            hd: d.hd,
            imageCount: d.imageCount,
            ...(products.length ? { productIds: products } : {}),
            ...given('presetId', d.imagePreset.trim()),
            ...(references.length ? { referenceImages: references } : {})
          }
        }
      }
    }
    case 'video': {
      const duration = Math.min(VIDEO_MAX_SECONDS, Math.max(VIDEO_MIN_SECONDS, Math.round(d.duration)))
      return {
        request: {
          kind: 'video',
          params: {
            prompt,
            aspectRatio: d.videoAspect,
            duration,
            audioMode: d.audioMode,
            ...given('productId', products[0]),
            ...given('sourceImage', d.sourceImage?.url),
            ...given('presetId', d.videoPreset.trim())
          }
        }
      }
    }
    case 'ad':
      if (products.length === 0) return { error: 'Pick at least one product for the ad.' }
      return {
        request: {
          kind: 'ad',
          params: {
            brief: prompt,
            productIds: products,
            aspectRatio: d.adAspect,
            imageCount: d.adCount,
            ...given('styleId', d.adStyle.trim()),
            ...given('inspirationImage', d.inspiration?.url),
            ...given('brandContext', d.brandContext.trim().slice(0, MAX_BRAND_CONTEXT))
          }
        }
      }
  }
}

/**
 * A request back into the form (Remix): its kind and every parameter it was sent with;
 * what it did not set goes back to the default. The other kinds' prompts stay as they were.
 */
export function draftFromRequest(req: GenerationRequest, current: CreateDraft): CreateDraft {
  const base: CreateDraft = { ...initialDraft, prompts: { ...current.prompts }, kind: req.kind }
  switch (req.kind) {
    case 'image': {
      const p = req.params
      return {
        ...base,
        prompts: { ...base.prompts, image: p.prompt },
        imageAspect: p.aspectRatio,
        imageCount: p.imageCount,
        hd: p.hd,
        productIds: p.productIds ?? [],
        imagePreset: p.presetId ?? '',
        references: (p.referenceImages ?? []).map(inputFromUrl)
      }
    }
    case 'video': {
      const p = req.params
      return {
        ...base,
        prompts: { ...base.prompts, video: p.prompt },
        videoAspect: p.aspectRatio,
        duration: p.duration,
        audioMode: p.audioMode,
        productIds: p.productId ? [p.productId] : [],
        videoPreset: p.presetId ?? '',
        sourceImage: p.sourceImage ? inputFromUrl(p.sourceImage) : null
      }
    }
    case 'ad': {
      const p = req.params
      return {
        ...base,
        prompts: { ...base.prompts, ad: p.brief },
        adAspect: p.aspectRatio,
        adCount: p.imageCount,
        productIds: p.productIds,
        adStyle: p.styleId ?? '',
        inspiration: p.inspirationImage ? inputFromUrl(p.inspirationImage) : null,
        brandContext: p.brandContext ?? ''
      }
    }
  }
}

/** Videos take one product; images and ads up to ten. */
export function toggleProductId(d: CreateDraft, id: string): string[] {
  if (d.productIds.includes(id)) return d.productIds.filter((p) => p !== id)
  if (d.kind === 'video') return [id]
  return [...d.productIds, id].slice(-MAX_PRODUCTS)
}
