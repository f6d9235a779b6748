import type { ImportBatch, ImportEntry, ImportItem } from '../../../src-preload/contract'

/**
 * The state of one batch of product imports, in main's memory: every entry with its
 * status, percent and reason, and the counts the renderer's "12 / 50" bar shows. Only
 * the import service changes it; `snapshot` is what goes out on `products.importChanged`.
 */

export interface EntryState extends ImportEntry {
  item: ImportItem
  /** Its number in the batch, for "{n}" names. */
  index: number
  /** Where the bytes are: the user's file, or the staged copy of bytes sent by the page. */
  path: string | null
  /** Staged by us (deleted when no longer needed), not the user's own file. */
  staged: boolean
  abort: AbortController | null
}

export interface BatchState {
  batchId: string
  namePattern: string | undefined
  skipSegmentation: boolean | undefined
  entries: EntryState[]
}

const FINISHED = new Set<ImportEntry['status']>(['done', 'skipped', 'failed', 'cancelled'])
export const isFinished = (e: Pick<ImportEntry, 'status'>): boolean => FINISHED.has(e.status)

export function newEntry(entryId: string, index: number, item: ImportItem, fileName: string): EntryState {
  return {
    entryId,
    fileName,
    status: 'queued',
    percent: 0,
    reason: null,
    message: null,
    productId: null,
    contentHash: null,
    retryable: false,
    item,
    index,
    path: item.kind === 'path' ? item.path : null,
    staged: false,
    abort: null
  }
}

/** Back to the start of the line (a retry), keeping what was learnt about the file. */
export function resetEntry(e: EntryState): void {
  Object.assign(e, { status: 'queued', percent: 0, reason: null, message: null, productId: null, retryable: false, abort: null })
}

export function snapshot(b: BatchState): ImportBatch {
  const entries = b.entries.map(
    ({ entryId, fileName, status, percent, reason, message, productId, contentHash, retryable }): ImportEntry => ({
      entryId,
      fileName,
      status,
      percent,
      reason,
      message,
      productId,
      contentHash,
      retryable
    })
  )
  const count = (s: ImportEntry['status']) => entries.filter((e) => e.status === s).length
  return {
    batchId: b.batchId,
    entries,
    uploaded: count('done'),
    toUpload: entries.filter((e) => e.status !== 'skipped' && e.status !== 'cancelled').length,
    skipped: count('skipped'),
    failed: count('failed'),
    active: entries.some((e) => !isFinished(e))
  }
}

/** What a row is called: the path inside a dropped folder, else the file's or link's name. */
export function displayName(item: ImportItem): string {
  const cap = (s: string) => s.slice(-255) || 'photo'
  switch (item.kind) {
    case 'path':
      return cap(item.relativePath || item.path.replace(/^.*[\\/]/, ''))
    case 'file':
    case 'refused':
      return cap(item.relativePath || item.fileName)
    case 'url':
      try {
        const u = new URL(item.url)
        const last = u.pathname.split('/').filter(Boolean).pop()
        return cap(last ? decodeURIComponent(last) : u.hostname)
      } catch {
        return 'link'
      }
  }
}
