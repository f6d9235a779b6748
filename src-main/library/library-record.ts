import type { Asset } from '../../src-preload/contract'
import type { MediaMode } from '../media/media-store'

/**
 * What the library index holds for one asset: the renderer's Asset without its URLs, plus
 * where the files are. Paths are relative to the mode's Library folder ('/' separators),
 * so a folder moved to another disk or computer keeps meaning the same thing.
 */
export type Approval = 'none' | 'approved' | 'rejected'

export interface LibraryRecord extends Omit<Asset, 'mediaUrl' | 'thumbUrl' | 'approval'> {
  /** Product names at generation time, aligned with productIds (null when unknown). */
  productNames: (string | null)[]
  approval: Approval
  /** The original, relative to the Library folder. */
  filePath: string
  /** Its `.krev.json` sidecar, relative to the Library folder; null when the file has none. */
  sidecarPath: string | null
  /** Which thumbnail the grid shows: a 512 px WebP in the cache, or the file itself (a video without poster). */
  thumbVariant: 'thumb' | 'original'
}

export interface IndexedRecord extends LibraryRecord {
  mode: MediaMode
  /** The row's key for child tables and the search index. */
  seq: number
}

/** `2026-03/name.png` → `2026-03`; a file at the top → ''. */
export const dirOf = (relPath: string): string => {
  const i = relPath.lastIndexOf('/')
  return i < 0 ? '' : relPath.slice(0, i)
}
