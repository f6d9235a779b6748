import { basename } from 'node:path'
import type { Logger } from '../core/logger'
import type { MediaMode } from '../media/media-store'
import type { LibraryFolders } from './library-folder'
import type { IndexedRecord } from './library-record'
import { readSidecar, withEdits, writeSidecar } from './sidecar'

/**
 * Carries the creator's edits (favourite, rating, tags) from the index to the sidecars,
 * after the index has answered: writes are serialised, and several edits of one asset in
 * a row write its sidecar once with the newest state.
 */
export function createSidecarWriter(folders: LibraryFolders, logger: Logger) {
  const latest = new Map<string, { mode: MediaMode; record: IndexedRecord }>()
  let chain: Promise<void> = Promise.resolve()

  async function write(key: string): Promise<void> {
    const job = latest.get(key)
    latest.delete(key)
    if (!job?.record.sidecarPath) return
    const path = folders.abs(job.mode, job.record.sidecarPath)
    const current = await readSidecar(path)
    if (!current || current.file !== basename(job.record.filePath)) return
    await writeSidecar(path, withEdits(current, job.record))
  }

  return {
    schedule(mode: MediaMode, record: IndexedRecord): void {
      const key = `${mode}/${record.id}`
      const queued = latest.has(key)
      latest.set(key, { mode, record })
      if (queued) return
      chain = chain.then(() => write(key)).catch((error: unknown) => logger.warn('library: sidecar not updated', { error }))
    },
    idle: () => chain
  }
}
