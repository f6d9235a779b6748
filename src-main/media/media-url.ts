import { isMediaArea, isMediaId, isMediaMode, isMediaVariant, type MediaMode, type MediaRef } from './media-store'

/**
 * How the renderer addresses local media. Services build URLs through an injected
 * factory, because the host decides the transport: Electron serves the privileged
 * `krev-media:` scheme, the headless preview a same-origin `/__krev/media` route. The
 * path after the prefix is the same everywhere: `/<mode>/<area>/<id>/<variant>`.
 */

export type MediaUrlFactory = (mode: MediaMode, area: string, id: string, variant: string) => string

export const MEDIA_SCHEME = 'krev-media'
export const MEDIA_HOST = 'media'
/** `krev-media://media/<mode>/<area>/<id>/<variant>` */
export const MEDIA_SCHEME_PREFIX = `${MEDIA_SCHEME}://${MEDIA_HOST}`

/** A factory for `prefix` (no trailing slash). Throws for a ref the store would refuse. */
export function mediaUrlFactory(prefix: string): MediaUrlFactory {
  const base = prefix.replace(/\/+$/, '')
  return (mode, area, id, variant) => {
    if (!isMediaMode(mode) || !isMediaArea(area) || !isMediaId(id) || !isMediaVariant(variant)) {
      throw new Error('invalid media reference')
    }
    // Every part matches [a-z0-9_-]: nothing to encode.
    return `${base}/${mode}/${area}/${id}/${variant}`
  }
}

/**
 * `/<mode>/<area>/<id>/<variant>` → a ref, or null. Nothing is percent-decoded: an
 * encoded byte can never be part of a valid name, so `%2e%2e%2f` simply doesn't match.
 */
export function parseMediaPath(pathname: string): MediaRef | null {
  if (pathname.length > 400) return null
  const parts = pathname.split('/')
  if (parts.length !== 5 || parts[0] !== '') return null
  const [, mode, area, id, variant] = parts
  if (!isMediaMode(mode) || !isMediaArea(area) || !isMediaId(id) || !isMediaVariant(variant)) return null
  return { mode, area, id, variant }
}
