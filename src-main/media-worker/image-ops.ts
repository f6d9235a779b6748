import type { Sharp } from './load-sharp'
import type { ImageInfo, ImageInput, ImageLimits, MediaOps, Thumbnail } from './media-ops'

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
    async thumbnail(input: ImageInput, size: number, limits: ImageLimits): Promise<Thumbnail> {
      const image = open(input, limits)
      const meta = await image.metadata()
      const webp = await image
        .clone()
        .rotate()
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer()
      return { ...displayed(meta), webp: new Uint8Array(webp.buffer, webp.byteOffset, webp.byteLength) }
    }
  }
}
