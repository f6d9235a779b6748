import sharp, { type OverlayOptions } from 'sharp'
import { backdropSvg, chooseStyle, lightOverlaySvg, type SceneStyle } from './backdrop'
import { productShapeSvg, shapeForPrompt } from './product-shape'
import { seededRandom } from './util'

/**
 * Product scenes: the referenced products (segmented cut-outs, or framed photos when
 * segmentation was skipped) placed on a styled backdrop with a floor shadow and light,
 * or a generated packshot when no product was given.
 */
export interface SceneInput {
  width: number
  height: number
  prompt: string
  presetId: string | null
  variant: number
  /** Product images (PNG/WebP, ideally with alpha). */
  products: Buffer[]
  /** Dominant colour of the reference images, if any. */
  tint?: string | null
  /** Fractions of the frame the products may occupy (ads keep room for their copy). */
  box?: { x0: number; y0: number; x1: number; y1: number }
}

/** Exact aspect ratio with the long side close to `longSide` (1024 standard, 3840 HD). */
export function canvasSize(aspect: string, longSide: number): { width: number; height: number } {
  const [a, b] = aspect.split(':').map(Number)
  const unit = Math.floor(longSide / Math.max(a, b) / 2) * 2
  return { width: a * unit, height: b * unit }
}

interface Placed {
  input: Buffer
  left: number
  top: number
  width: number
  height: number
}

async function prepareProduct(buffer: Buffer, maxW: number, maxH: number): Promise<{ data: Buffer; width: number; height: number }> {
  const image = sharp(buffer, { failOn: 'none' }).ensureAlpha()
  const { isOpaque } = await sharp(buffer, { failOn: 'none' }).stats()
  const { data, info } = await image
    .resize({ width: Math.max(1, Math.round(maxW)), height: Math.max(1, Math.round(maxH)), fit: 'inside' })
    .png()
    .toBuffer({ resolveWithObject: true })
  if (!isOpaque) return { data, width: info.width, height: info.height }
  // A photo with its own background: round its corners so it reads as a deliberate print.
  const radius = Math.round(Math.min(info.width, info.height) * 0.06)
  const mask = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${info.width}" height="${info.height}"><rect width="${info.width}" height="${info.height}" rx="${radius}" fill="#fff"/></svg>`
  )
  const framed = await sharp(data).composite([{ input: mask, blend: 'dest-in' }]).png().toBuffer()
  return { data: framed, width: info.width, height: info.height }
}

async function heroProducts(input: SceneInput, style: SceneStyle, slotW: number, maxH: number): Promise<Buffer[]> {
  if (input.products.length) return input.products
  const shape = productShapeSvg(shapeForPrompt(input.prompt), Math.round(Math.min(slotW, maxH)), style.palette)
  return [await sharp(Buffer.from(shape.svg)).png().toBuffer()]
}

async function flatLayShadow(p: Placed, w: number, h: number): Promise<OverlayOptions | null> {
  const pad = Math.round(Math.max(p.width, p.height) * 0.06) + 4
  const offset = Math.round(pad * 0.6)
  const left = p.left - pad + offset
  const top = p.top - pad + offset
  if (left < 0 || top < 0 || left + p.width + pad * 2 > w || top + p.height + pad * 2 > h) return null
  const shadow = await sharp(p.input)
    .linear([0, 0, 0, 0.45], [0, 0, 0, 0])
    .extend({ top: pad, bottom: pad, left: pad, right: pad, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .blur(Math.max(1, pad / 3))
    .png()
    .toBuffer()
  return { input: shadow, left, top }
}

/** The scene as an sRGB PNG buffer of exactly width × height. */
export async function renderScene(input: SceneInput): Promise<Buffer> {
  const { width: W, height: H } = input
  const style = chooseStyle(input.prompt, input.presetId, input.variant, input.tint)
  const rand = seededRandom(`${input.prompt}|layout|${input.variant}`)
  const flat = style.preset === 'flat_lay'
  const floorY = style.horizon + (1 - style.horizon) * 0.55
  const box = input.box ?? (flat ? { x0: 0.14, y0: 0.14, x1: 0.86, y1: 0.86 } : { x0: 0.12, y0: 0.1, x1: 0.88, y1: floorY })
  const count = Math.max(1, Math.min(4, input.products.length || 1))
  const slotW = ((box.x1 - box.x0) * W) / count
  const scale = 0.88 + rand() * 0.12
  const maxH = (box.y1 - box.y0) * H * (count > 1 ? 0.85 : 0.92) * scale
  const sources = (await heroProducts(input, style, slotW * 0.86, maxH)).slice(0, 4)

  const placed: Placed[] = []
  for (let i = 0; i < sources.length; i++) {
    const item = await prepareProduct(sources[i], slotW * 0.86 * scale, maxH)
    const jitterX = Math.round((rand() - 0.5) * slotW * 0.12)
    const left = Math.round(box.x0 * W + slotW * i + (slotW - item.width) / 2 + jitterX)
    const top = flat
      ? Math.round(((box.y0 + box.y1) / 2) * H - item.height / 2 + (rand() - 0.5) * H * 0.04)
      : Math.round(box.y1 * H - item.height - (i % 2) * H * 0.015)
    placed.push({
      input: item.data,
      width: item.width,
      height: item.height,
      left: Math.min(Math.max(0, left), W - item.width),
      top: Math.min(Math.max(0, top), H - item.height)
    })
  }

  const floorShadows = flat ? [] : placed.map((p) => ({ cx: p.left + p.width / 2, cy: p.top + p.height - 2, rx: p.width * 0.55 }))
  const layers: OverlayOptions[] = []
  for (const p of placed) {
    if (flat) {
      const shadow = await flatLayShadow(p, W, H)
      if (shadow) layers.push(shadow)
    }
    layers.push({ input: p.input, left: p.left, top: p.top })
  }
  layers.push({ input: Buffer.from(lightOverlaySvg(W, H, style)), left: 0, top: 0 })

  const backdropScale = Math.min(1, 512 / Math.max(W, H))
  const backdrop = await sharp(Buffer.from(backdropSvg(W, H, style, floorShadows, backdropScale)))
    .resize(W, H, { kernel: 'cubic' })
    .png({ compressionLevel: 1 })
    .toBuffer()
  return sharp(backdrop).composite(layers).removeAlpha().png({ compressionLevel: 3 }).toBuffer()
}

/** A finished WebP; HD is the standard render upscaled to ~4K (what "4K upscaling" means). */
export async function renderImage(input: Omit<SceneInput, 'width' | 'height'> & { aspect: string; hd: boolean }): Promise<Buffer> {
  const base = canvasSize(input.aspect, 1024)
  const scene = await renderScene({ ...input, ...base })
  if (!input.hd) return sharp(scene).webp({ quality: 86, effort: 3 }).toBuffer()
  const hd = canvasSize(input.aspect, 3840)
  return sharp(scene)
    .resize(hd.width, hd.height, { kernel: 'lanczos3' })
    .sharpen({ sigma: 0.8 })
    .webp({ quality: 82, effort: 1 })
    .toBuffer()
}
