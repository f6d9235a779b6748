/**
 * One image handed to Krev as a URL (a reference image, a video's source image, an ad's
 * inspiration): pasted, a Library output or a catalogue picture. Library and catalogue
 * pictures carry Krev's signed URL and where it came from, so an expired one is fetched
 * again before sending (refreshExpired in stores/create.ts). Main checks every URL with
 * its guard before anything is sent; this module only spares the creator a round-trip.
 */

export type ImageOrigin = 'url' | 'library' | 'product'

export interface ImageInput {
  origin: ImageOrigin
  url: string
  /** What the chip says: the product's name, the output's prompt, or the link's file name. */
  label: string
  /** A local thumbnail (krev-media / loopback), never a remote URL: the page stays offline. */
  thumbUrl: string | null
  /** The asset or product id the URL was resolved from. */
  sourceId: string | null
}

/** The API reference allows several; the contract caps them at 8. */
export const MAX_REFERENCES = 8

/** "cdn.example.com/…/shoe.jpg" for a chip, without the query string. */
export function urlLabel(raw: string): string {
  try {
    const u = new URL(raw)
    const file = u.pathname.split('/').filter(Boolean).pop()
    return file ? `${u.hostname}/…/${decodeURIComponent(file)}` : u.hostname
  } catch {
    return raw.slice(0, 60)
  }
}

export const inputFromUrl = (url: string): ImageInput => ({ origin: 'url', url, label: urlLabel(url), thumbUrl: null, sourceId: null })

/**
 * The obvious mistakes, in words, before main's full check (https, public host by DNS):
 * an empty box, not a link, not https, a video.
 */
export function pastedUrlProblem(raw: string): string | null {
  const text = raw.trim()
  if (!text) return 'Paste an image link first.'
  let u: URL
  try {
    u = new URL(text)
  } catch {
    return 'That is not a web address. Paste a link that starts with https://.'
  }
  if (u.protocol !== 'https:') return 'Use an https:// link: Krev only fetches images over https.'
  if (/\.(mp4|mov|webm|m4v|avi|mkv)$/i.test(u.pathname)) return 'That is a video link. Use an image (JPG, PNG or WebP).'
  return null
}

/**
 * When a signed URL stops working, from its query: `exp`/`Expires` (Unix seconds, Krev's
 * and the sandbox's storage links) or S3's `X-Amz-Date` + `X-Amz-Expires`. Null when the
 * URL says nothing (it is sent as it is).
 */
export function signedUrlExpiry(raw: string): number | null {
  let q: URLSearchParams
  try {
    q = new URL(raw).searchParams
  } catch {
    return null
  }
  const seconds = q.get('exp') ?? q.get('Expires') ?? q.get('expires')
  if (seconds && /^\d{9,11}$/.test(seconds)) return Number(seconds) * 1000
  const amzDate = q.get('X-Amz-Date')
  const amzFor = q.get('X-Amz-Expires')
  const m = amzDate ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate) : null
  if (m && amzFor && /^\d+$/.test(amzFor)) {
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + Number(amzFor) * 1000
  }
  return null
}

/** Expired, or about to (a minute's margin for the POST and Krev's own fetch). */
export function needsRefresh(input: ImageInput, now: number): boolean {
  if (input.origin === 'url' || !input.sourceId) return false
  const at = signedUrlExpiry(input.url)
  return at !== null && at - 60_000 <= now
}
