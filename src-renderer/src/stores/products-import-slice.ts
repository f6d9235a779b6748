import type { ImportBatch, ImportItem } from '../../../src-preload/contract'
import { invoke } from '../api/client'

/**
 * The products store's import part (one store per domain; this file only keeps it
 * readable): the batches main narrates on `products.importChanged`, the options of the
 * next batch, and the commands. Items that need their bytes read (the web preview) are
 * sent one per call, read just before, so a 50-photo folder never sits in one message.
 */

export interface ImportOptionsDraft {
  namePattern: string
  skipSegmentation: boolean
}

export interface ImportSlice {
  imports: ImportBatch[]
  importOptions: ImportOptionsDraft
  importError: string | null
  applyImport(batch: ImportBatch): void
  setImportOptions(patch: Partial<ImportOptionsDraft>): void
  /** `ready` items go in the first call; `later` are turned into items one by one. */
  importItems<T>(ready: ImportItem[], later?: { items: T[]; read(item: T): Promise<ImportItem> }): Promise<void>
  cancelImport(batchId: string, entryId?: string): Promise<void>
  retryImport(batchId: string, entryId: string): Promise<void>
  /** Forgets finished batches from the view (main keeps nothing it still works on). */
  clearFinishedImports(): void
  loadImports(): Promise<void>
}

export const initialImportState = {
  imports: [] as ImportBatch[],
  importOptions: { namePattern: '', skipSegmentation: false } as ImportOptionsDraft,
  importError: null as string | null
}

type Set = (fn: (s: ImportSlice) => Partial<ImportSlice>) => void
type Get = () => ImportSlice

const upsert = (list: ImportBatch[], batch: ImportBatch) =>
  list.some((b) => b.batchId === batch.batchId) ? list.map((b) => (b.batchId === batch.batchId ? batch : b)) : [...list, batch]

export function createImportSlice(set: Set, get: Get): ImportSlice {
  const fail = (e: unknown) => set(() => ({ importError: e instanceof Error ? e.message : 'The files could not be added.' }))
  return {
    ...initialImportState,

    applyImport: (batch) => set((s) => ({ imports: upsert(s.imports, batch) })),

    setImportOptions: (patch) => set((s) => ({ importOptions: { ...s.importOptions, ...patch } })),

    async importItems(ready, later) {
      const { namePattern, skipSegmentation } = get().importOptions
      set(() => ({ importError: null }))
      try {
        const { batchId } = await invoke('products.importStart', {
          ...(namePattern.trim() ? { namePattern: namePattern.trim() } : {}),
          ...(skipSegmentation ? { skipSegmentation: true } : {})
        })
        // The batch shows at once, before main's first event.
        set((s) => ({ imports: upsert(s.imports, { batchId, entries: [], uploaded: 0, toUpload: 0, skipped: 0, failed: 0, active: true }) }))
        for (let i = 0; i < ready.length; i += 500) await invoke('products.importAdd', { batchId, items: ready.slice(i, i + 500) })
        for (const item of later?.items ?? []) await invoke('products.importAdd', { batchId, items: [await later!.read(item)] })
      } catch (e) {
        fail(e)
      }
    },

    async cancelImport(batchId, entryId) {
      try {
        get().applyImport(await invoke('products.importCancel', entryId ? { batchId, entryId } : { batchId }))
      } catch (e) {
        fail(e)
      }
    },

    async retryImport(batchId, entryId) {
      try {
        get().applyImport(await invoke('products.importRetry', { batchId, entryId }))
      } catch (e) {
        fail(e)
      }
    },

    clearFinishedImports: () => set((s) => ({ imports: s.imports.filter((b) => b.active), importError: null })),

    async loadImports() {
      try {
        const { batches } = await invoke('products.importList', {})
        set(() => ({ imports: batches }))
      } catch {
        // The list is a convenience after a reload; events bring new batches anyway.
      }
    }
  }
}
