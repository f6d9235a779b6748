import type { ImportBatch, ImportEntry } from '../../../../../src-preload/contract'

/**
 * The problem list of every batch so far, grouped by reason. An entry leaves it when the
 * same file (same content hash, or the same name when no hash was read) later succeeds,
 * in a retry or a later batch; a cancelled file is the creator's choice, not a problem.
 */

export type ImportReason = NonNullable<ImportEntry['reason']>

export const REASON_TITLES: Readonly<Record<ImportReason, string>> = {
  duplicate: 'Already added',
  not_a_photo: 'Not a JPG, PNG or WebP photo',
  too_large: 'Larger than 20 MB',
  damaged: 'Damaged or incomplete',
  unreadable: 'Couldn’t be read',
  upload_failed: 'Upload failed'
}

const ORDER: readonly ImportReason[] = ['upload_failed', 'not_a_photo', 'damaged', 'too_large', 'unreadable', 'duplicate']

export interface ProblemEntry extends ImportEntry {
  batchId: string
}

export interface ProblemGroup {
  reason: ImportReason
  title: string
  entries: ProblemEntry[]
}

const isProblem = (e: ImportEntry) => (e.status === 'skipped' || e.status === 'failed') && e.reason !== null

export function groupProblems(batches: readonly ImportBatch[]): ProblemGroup[] {
  const succeeded = new Set<string>()
  for (const b of batches) {
    for (const e of b.entries) {
      if (e.status !== 'done') continue
      if (e.contentHash) succeeded.add(`hash:${e.contentHash}`)
      succeeded.add(`name:${e.fileName}`)
    }
  }
  const groups = new Map<ImportReason, ProblemEntry[]>()
  for (const b of batches) {
    for (const e of b.entries) {
      if (!isProblem(e)) continue
      // A duplicate is "the same file succeeded" by definition: it stays, with its reason.
      const solved = e.reason !== 'duplicate' && (succeeded.has(`name:${e.fileName}`) || (e.contentHash !== null && succeeded.has(`hash:${e.contentHash}`)))
      if (solved) continue
      const list = groups.get(e.reason!) ?? []
      list.push({ ...e, batchId: b.batchId })
      groups.set(e.reason!, list)
    }
  }
  return ORDER.filter((r) => groups.has(r)).map((reason) => ({ reason, title: REASON_TITLES[reason], entries: groups.get(reason)! }))
}

/** The overall bar: uploaded of those to upload, across the batches still shown. */
export interface Overall {
  uploaded: number
  toUpload: number
  skipped: number
  failed: number
  active: boolean
}

export function overall(batches: readonly ImportBatch[]): Overall {
  return batches.reduce<Overall>(
    (t, b) => ({
      uploaded: t.uploaded + b.uploaded,
      toUpload: t.toUpload + b.toUpload,
      skipped: t.skipped + b.skipped,
      failed: t.failed + b.failed,
      active: t.active || b.active
    }),
    { uploaded: 0, toUpload: 0, skipped: 0, failed: 0, active: false }
  )
}
