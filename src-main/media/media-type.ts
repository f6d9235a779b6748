/**
 * What a file really is, from its first bytes. Names, extensions and Content-Type
 * headers are claims; these signatures are facts. Used for downloads (an HTML error page
 * served with 200 must never land in the library as "media"), for product photos before
 * upload, and to pick the extension a stored file gets.
 */

export type MediaFileKind = 'image' | 'video'

export interface SniffedMedia {
  /** 'other' is something recognised that is neither a usable image nor a video (SVG, HTML, audio…). */
  kind: MediaFileKind | 'other'
  mime: string
  /** Extension for storage and messages (jpg, png, webp, gif, avif, heic, mp4, mov, webm, svg, html…). */
  ext: string
  /** A short name for messages: "JPG", "HEIC", "SVG". */
  label: string
}

const ascii = (data: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...data.subarray(from, Math.min(to, data.length)))

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b)

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])
const AVIF_BRANDS = new Set(['avif', 'avis'])
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P '])

/** ISO-BMFF (`....ftyp<brand>`): MP4, QuickTime, HEIC and AVIF all share this box. */
function sniffFtyp(data: Uint8Array): SniffedMedia | null {
  if (data.length < 12 || ascii(data, 4, 8) !== 'ftyp') return null
  const size = ((data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3]) >>> 0
  const end = Math.min(size >= 16 ? size : 12, data.length, 256)
  const brands = [ascii(data, 8, 12)]
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(data, i, i + 4))
  // AVIF files often carry the generic HEIF brand 'mif1' first: AVIF wins when present.
  if (brands.some((b) => AVIF_BRANDS.has(b))) return { kind: 'image', mime: 'image/avif', ext: 'avif', label: 'AVIF' }
  if (HEIF_BRANDS.has(brands[0])) return { kind: 'image', mime: 'image/heic', ext: 'heic', label: 'HEIC' }
  if (AUDIO_BRANDS.has(brands[0])) return { kind: 'other', mime: 'audio/mp4', ext: 'm4a', label: 'audio' }
  if (brands[0] === 'qt  ') return { kind: 'video', mime: 'video/quicktime', ext: 'mov', label: 'MOV' }
  return { kind: 'video', mime: 'video/mp4', ext: 'mp4', label: 'MP4' }
}

/** Markup is sniffed on text, after an optional BOM and whitespace. */
function sniffMarkup(data: Uint8Array): SniffedMedia | null {
  const head = Buffer.from(data.subarray(0, 1024)).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase()
  if (!head.startsWith('<')) return null
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(head)) {
    return { kind: 'other', mime: 'image/svg+xml', ext: 'svg', label: 'SVG' }
  }
  return { kind: 'other', mime: 'text/html', ext: 'html', label: 'a web page' }
}

/** The type of `data` from its signature, or null when nothing known matches. */
export function sniffMedia(data: Uint8Array): SniffedMedia | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg', ext: 'jpg', label: 'JPG' }
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'image', mime: 'image/png', ext: 'png', label: 'PNG' }
  }
  if (data.length >= 12 && ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') {
    return { kind: 'image', mime: 'image/webp', ext: 'webp', label: 'WebP' }
  }
  if (data.length >= 6 && /^GIF8[79]a$/.test(ascii(data, 0, 6))) return { kind: 'image', mime: 'image/gif', ext: 'gif', label: 'GIF' }
  if (startsWith(data, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'video', mime: 'video/webm', ext: 'webm', label: 'WebM' }
  return sniffFtyp(data) ?? sniffMarkup(data)
}

/** Content-Type for the extensions the media store writes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm'
}
