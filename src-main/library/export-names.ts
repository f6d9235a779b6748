import type { LibraryRecord } from './library-record'

type Named = Pick<LibraryRecord, 'id' | 'kind' | 'prompt' | 'createdAt' | 'mimeType'>

/**
 * File names for exported assets, built from our own fields only: kind, date, a slug of
 * the prompt limited to [a-z0-9-], and the asset id's tail. Nothing a server sent can
 * put `../`, a drive letter, a device name or a control character into the name.
 */

const EXT_FOR_MIME: Record<string, string> = {
  'image/webp': 'webp',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm'
}

export function exportName(a: Named, ext?: string): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(a.createdAt)?.[0] ?? 'undated'
  const slug = a.prompt
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  const tail = a.id.replace(/[^a-z0-9]/gi, '').slice(-8).toLowerCase()
  const suffix = ext && /^[a-z0-9]{2,5}$/.test(ext) ? ext : (EXT_FOR_MIME[a.mimeType] ?? 'bin')
  return ['krev', a.kind, date, slug, tail].filter(Boolean).join('-') + `.${suffix}`
}

/** `name.ext` → `name (2).ext`, for the n-th collision. */
export function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`
}
