import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import type { RenderedOutput } from './generations'
import { checkImage, type FetchRemote } from './image-input'
import type { MediaStore } from './media'
import { readImageRef } from './media-ref'
import { renderAd } from './render-ad'
import { canvasSize, renderImage, renderScene } from './render-image'
import { renderAnimatedWebp, renderMp4, videoSize, type EncoderRegistry } from './render-video'
import { averageColor } from './segment'
import type { Store } from './store'
import type { GenerationRecord } from './types'

export interface RenderJobDeps {
  store: Store
  media: MediaStore
  fetchRemote: FetchRemote
  /** null: no ffmpeg, videos fall back to animated WebP. */
  ffmpeg: string | null
  encoders: EncoderRegistry
  log: (line: string) => void
}

/** The product images a generation references (segmented cut-out when there is one). */
async function productImages(generation: GenerationRecord, deps: RenderJobDeps): Promise<Buffer[]> {
  const images: Buffer[] = []
  for (const id of generation.params.productIds) {
    const product = deps.store.products.get(id)
    if (!product || product.userId !== generation.userId) continue
    const file = product.segmentedFile ?? product.originalFile
    images.push(await readFile(deps.media.pathFor(product.userId, file)))
  }
  return images
}

/** `ref` is an https URL or a `sandbox-media:` reference to an earlier output or product. */
async function fetchChecked(ref: string, deps: RenderJobDeps): Promise<Buffer> {
  const data = await readImageRef(ref, deps.media, deps.fetchRemote)
  await checkImage(data)
  return data
}

/** Reference / inspiration images steer the palette; one that cannot be fetched is skipped. */
async function referenceTint(refs: string[], deps: RenderJobDeps): Promise<string | null> {
  for (const ref of refs.slice(0, 3)) {
    try {
      return await averageColor(await fetchChecked(ref, deps))
    } catch (error) {
      deps.log(`sandbox: reference image skipped (${(error as Error).message})`)
    }
  }
  return null
}

/** Renders every output of a generation (nothing is written here; the engine stores them). */
export async function renderGeneration(generation: GenerationRecord, deps: RenderJobDeps): Promise<RenderedOutput> {
  const p = generation.params
  const products = await productImages(generation, deps)
  if (generation.kind === 'image') {
    const tint = await referenceTint(p.referenceImages, deps)
    const files = []
    for (let variant = 0; variant < p.imageCount; variant++) {
      const data = await renderImage({ prompt: p.prompt, presetId: p.presetId, variant, products, tint, aspect: p.aspectRatio, hd: p.hd })
      files.push({ name: `${generation.id}-${variant + 1}.webp`, data })
    }
    return { files, notice: null }
  }
  if (generation.kind === 'ad') {
    const tint = await referenceTint(p.inspirationImage ? [p.inspirationImage] : [], deps)
    const files = []
    for (let variant = 0; variant < p.imageCount; variant++) {
      if (!generation.adCopy) throw new Error('ad copy missing')
      const data = await renderAd({ aspect: p.aspectRatio, brief: p.prompt, presetId: p.styleId ?? null, variant, products, copy: generation.adCopy, tint })
      files.push({ name: `${generation.id}-${variant + 1}.webp`, data })
    }
    return { files, notice: null }
  }
  const size = videoSize(p.aspectRatio)
  let frame: Buffer
  if (p.sourceImage) {
    let source: Buffer
    try {
      source = await fetchChecked(p.sourceImage, deps)
    } catch (error) {
      throw new Error(`could not fetch source_image (${(error as Error).message})`)
    }
    frame = await sharp(source).rotate().resize(size.width * 2, size.height * 2, { fit: 'cover' }).png().toBuffer()
  } else {
    const big = canvasSize(p.aspectRatio, size.width >= size.height ? size.width * 2 : size.height * 2)
    frame = await renderScene({ ...big, prompt: p.prompt, presetId: p.presetId, variant: 0, products })
  }
  const input = { aspect: p.aspectRatio, duration: p.duration ?? 5, audioMode: p.audioMode ?? 'auto', frame }
  if (deps.ffmpeg) {
    return { files: [{ name: `${generation.id}.mp4`, data: await renderMp4(deps.ffmpeg, input, deps.encoders) }], notice: null }
  }
  return {
    files: [{ name: `${generation.id}.webp`, data: await renderAnimatedWebp(input) }],
    notice: 'ffmpeg is not available in this sandbox: the video was rendered as an animated WebP'
  }
}
