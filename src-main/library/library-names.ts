/**
 * Readable file names for the Library folder that are safe on every OS: `2026-03-01 Tan
 * bag - red sneakers on marble - 1a2b3c4d.png`. Built from the date, the product name, a
 * slug of the prompt and the id's tail; everything is NFC, without control characters or
 * `<>:"/\|?*`, never a Windows device name (CON, NUL, COM1… with or without extension),
 * never ending in a dot or space, at most 120 characters (and 200 UTF-8 bytes) with the
 * extension. The month folder is `YYYY-MM` of the creation date.
 */

export const MAX_NAME_CHARS = 120
const MAX_NAME_BYTES = 200
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i

/** Any text → a name part: forbidden characters become spaces, whitespace collapses. */
export function safePart(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/** Cuts to `max` code points (never half a surrogate pair) and `maxBytes` of UTF-8. */
function cut(text: string, max: number, maxBytes: number): string {
  let out = ''
  let bytes = 0
  for (const ch of text) {
    const b = Buffer.byteLength(ch)
    if (out.length + ch.length > max || bytes + b > maxBytes) break
    out += ch
    bytes += b
  }
  return out
}

/** The base (no extension) made safe as a whole: no trailing dots or spaces, no device names. */
export function safeBase(base: string, max: number, maxBytes = MAX_NAME_BYTES): string {
  let name = cut(safePart(base), max, maxBytes).replace(/[. ]+$/, '')
  const stem = name.split('.')[0] ?? ''
  if (name === '' || WINDOWS_RESERVED.test(stem.trim())) name = `_${name}`
  return name
}

export interface NameParts {
  id: string
  createdAt: string
  prompt: string
  productName?: string | null
}

export const monthOf = (createdAt: string): string => /^(\d{4}-\d{2})/.exec(createdAt)?.[1] ?? 'undated'

/** The id's last 8 letters or digits: enough to tell two images of one prompt apart. */
export const shortId = (id: string): string => id.replace(/[^a-z0-9]/gi, '').slice(-8).toLowerCase() || 'x'

/** The base name (no extension) for an asset; `n` > 1 numbers a collision. */
export function assetBaseName(p: NameParts, ext: string, n = 1): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(p.createdAt)?.[0] ?? 'undated'
  const tail = ` - ${shortId(p.id)}${n > 1 ? ` (${n})` : ''}`
  // Room for the extension and the `.krev.json` of the sidecar beside it.
  const room = MAX_NAME_CHARS - tail.length - Math.max(ext.length + 1, '.krev.json'.length)
  const product = p.productName ? safePart(p.productName).slice(0, 40) : ''
  const slug = safePart(p.prompt).slice(0, 60)
  const head = [date, product, slug].filter(Boolean).join(' - ')
  return safeBase(cut(head, room, MAX_NAME_BYTES - 40).replace(/[. -]+$/, '') + tail, MAX_NAME_CHARS)
}

export const sidecarNameFor = (base: string): string => `${base}.krev.json`
export const isSidecarName = (name: string): boolean => name.endsWith('.krev.json')
