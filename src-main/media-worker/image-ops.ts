import type { Sharp } from './load-sharp'
import type { ImageInfo, ImageInput, ImageLimits, ImageVerdict, MediaOps, Thumbnail, WebpOptions } from './media-ops'

/**
 * The image ops on a given sharp (the worker passes the build load-sharp chose; tests may
 * pass the in-process one). No top-level sharp import here, so the worker picks the build.
 */

const toSharpInput = (input: ImageInput): string | Buffer =>
  typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength)

function displayed(meta: { format?: string; width?: number; height?: number; orientation?: number }): ImageInfo {
  const swap = (meta.orientation ?? 1) >= 5
  const width = meta.width ?? 0
  const height = meta.height ?? 0
  return { format: meta.format ?? 'unknown', width: swap ? height : width, height: swap ? width : height }
}

export function createImageOps(sharp: Sharp): MediaOps {
  const open = (input: ImageInput, limits: ImageLimits) => sharp(toSharpInput(input), { limitInputPixels: limits.maxPixels, animated: false })
  return {
    async imageInfo(input: ImageInput, limits: ImageLimits): Promise<ImageInfo> {
      return displayed(await open(input, limits).metadata())
    },
    async thumbnail(input: ImageInput, size: number, limits: ImageLimits, webp: WebpOptions = { quality: 80 }): Promise<Thumbnail> {
      const image = open(input, limits)
      const meta = await image.metadata()
      const encoded = await image
        .clone()
        .rotate()
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .webp(webp)
        .toBuffer()
      return { ...displayed(meta), webp: new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength) }
    },
    async verifyImage(input: ImageInput, limits: ImageLimits): Promise<ImageVerdict> {
      // The header alone, with no pixel limit: a too-large image is reported with its size.
      const meta = await sharp(toSharpInput(input)).metadata().catch(() => null)
      if (!meta?.width || !meta.height) return { ok: false, problem: 'unreadable' }
      const info = displayed(meta)
      if (meta.width * meta.height > limits.maxPixels) return { ok: false, problem: 'too_many_pixels', info }
      try {
        // A small resize still decodes every scanline: a truncated tail fails here.
        await sharp(toSharpInput(input), { limitInputPixels: limits.maxPixels, failOn: 'truncated', animated: false })
          .resize(64, 64, { fit: 'inside' })
          .raw()
          .toBuffer()
      } catch {
        return { ok: false, problem: 'incomplete', info }
      }
      return { ok: true, info }
    }
  }
}
