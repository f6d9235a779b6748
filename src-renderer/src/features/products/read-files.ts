/** Mirrors the contract's MAX_UPLOAD_BYTES (20 MB); the renderer does not import zod code. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WebP'
}
export const ACCEPT_ATTR = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp'

const EXT_TYPES: Readonly<Record<string, string>> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** The MIME type to send: the browser's, or one inferred from the extension. */
export function mimeFor(name: string, type: string): string | null {
  if (ACCEPTED_TYPES[type]) return type
  const ext = name.toLowerCase().split('.').pop() ?? ''
  return EXT_TYPES[ext] ?? null
}

/** Why a file cannot be uploaded, or null when it can. */
export function checkFile(file: { name: string; type: string; size: number }): string | null {
  if (!mimeFor(file.name, file.type)) return 'Only JPG, PNG and WebP photos can be added.'
  if (file.size === 0) return 'This file is empty.'
  if (file.size > MAX_UPLOAD_BYTES) return 'This photo is larger than 20 MB. Export a smaller copy and try again.'
  return null
}

/** Base64 without the `data:…;base64,` prefix. */
export function stripDataUrl(dataUrl: string): string {
  const i = dataUrl.indexOf(',')
  return i === -1 ? dataUrl : dataUrl.slice(i + 1)
}

export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'))
    reader.readAsDataURL(file)
  })
}
