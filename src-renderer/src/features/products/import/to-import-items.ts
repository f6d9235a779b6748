import type { ImportItem } from '../../../../../src-preload/contract'
import { pathForFile } from '../../../api/client'
import { MAX_UPLOAD_BYTES, mimeFor, readAsDataUrl, stripDataUrl } from '../read-files'
import type { PickedFile } from './collect-files'

/**
 * What the page sends for each file: in the desktop app its path (main reads it, the
 * bytes never cross the bridge); in the web preview its bytes, read one file at a time
 * just before they are sent. A file that can't be a photo by its name is listed as
 * refused here (its bytes aren't sent); everything else is checked by main.
 */

const NOT_A_PHOTO = 'Only JPG, PNG and WebP photos can be added.'

/** Without reading the bytes: a path, a refusal, or null (the bytes must be read). */
export function quickItem({ file, relativePath }: PickedFile): ImportItem | null {
  const path = pathForFile(file)
  const fileName = file.name.slice(0, 255) || 'photo'
  const rel = relativePath.slice(-4096)
  const mime = mimeFor(file.name, file.type)
  if (!mime) return { kind: 'refused', fileName, relativePath: rel, reason: 'not_a_photo', message: NOT_A_PHOTO }
  if (path) return { kind: 'path', path, relativePath: rel }
  if (file.size > MAX_UPLOAD_BYTES) {
    return { kind: 'refused', fileName, relativePath: rel, reason: 'too_large', message: 'This photo is larger than 20 MB. Export a smaller copy and try again.' }
  }
  return null
}

/** The bytes of one file for the web preview, or a refusal when they can't be read. */
export async function bytesItem({ file, relativePath }: PickedFile): Promise<ImportItem> {
  const fileName = file.name.slice(0, 255) || 'photo'
  const rel = relativePath.slice(-4096)
  try {
    const dataBase64 = stripDataUrl(await readAsDataUrl(file))
    return { kind: 'file', fileName, relativePath: rel, mimeType: mimeFor(file.name, file.type) ?? file.type, dataBase64 }
  } catch {
    return { kind: 'refused', fileName, relativePath: rel, reason: 'unreadable', message: 'This file could not be read.' }
  }
}
