import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { CommandArgs, ImportBatch, ImportItem, Product } from '../../../src-preload/contract'
import { AppError, isAppError } from '../../core/app-error'
import { createSemaphore } from '../../core/semaphore'
import { MAX_PRODUCT_IMAGE_BYTES } from '../../krev/product-image'
import type { CreateProductInput, KrevClient, KrevProduct } from '../../krev/types'
import type { MediaMode } from '../../media/media-store'
import type { MediaOps } from '../../media-worker/media-ops'
import { checkPhotoUrl, checkProductPhotoFile, decodeBase64Photo } from '../check-photo'
import { displayName, isFinished, newEntry, resetEntry, snapshot, type BatchState, type EntryState } from './import-batch'
import { checkReason, type ImportReason } from './import-reason'
import { productName } from './name-pattern'
import { readPhotoFile } from './read-photo-file'

/**
 * Many products at once. Each entry is read once from disk (size, type bytes, SHA-256),
 * skipped when the same photo is already in the catalogue or earlier in a batch, checked
 * like a single upload (check-photo.ts, decoded in the media worker from its path) — up to
 * CHECK_PLACES ahead of the uploads — then uploaded, at most `concurrency` (2) at a time
 * across every batch, the file streamed
 * from disk with the bytes sent as its percent. One entry or a whole batch can be
 * cancelled; a failed or cancelled entry can be retried. Bytes the web preview sends
 * are staged to a file first, so both paths are the same from there on.
 */

export interface ImportDeps {
  /** Where bytes sent by the page are kept until their entry no longer needs them. */
  stagingDir: string
  mode(): MediaMode
  client(mode: MediaMode): Promise<KrevClient>
  /** Stores the new product (catalogue + pictures) and announces it. */
  accept(mode: MediaMode, product: KrevProduct): Promise<Product>
  /** The catalogue product made from a photo with this hash, if any. */
  knownHash(mode: MediaMode, sha256: string): Promise<{ id: string; name: string } | null>
  rememberHash(mode: MediaMode, productId: string, sha256: string): void
  mediaOps: MediaOps
  emit(batch: ImportBatch): void
  /** Told when a POST may have reached Krev although it failed or was cancelled. */
  maybeCreated?(mode: MediaMode): void
  wasMaybeProcessed(error: unknown): boolean
  concurrency?: number
  newId?: () => string
}

export interface ImportService {
  start(options: CommandArgs<'products.importStart'>): { batchId: string }
  add(batchId: string, items: ImportItem[]): Promise<{ entryIds: string[] }>
  cancel(batchId: string, entryId?: string): ImportBatch
  retry(batchId: string, entryId: string): ImportBatch
  list(): ImportBatch[]
  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void>
  dispose(): void
}

/** Batches kept for the problem list; older finished ones are forgotten. */
const KEEP_BATCHES = 20
/** Files checked at once, ahead of the uploads (each check decodes one photo in the media worker). */
const CHECK_PLACES = 4

class Skip extends Error {
  constructor(
    readonly reason: ImportReason,
    message: string,
    readonly productId: string | null = null
  ) {
    super(message)
  }
}

export function createImportService(deps: ImportDeps): ImportService {
  const newId = deps.newId ?? randomUUID
  const concurrency = Math.max(1, deps.concurrency ?? 2)
  const batches = new Map<string, BatchState>()
  const waiting: { batch: BatchState; entry: EntryState }[] = []
  const running = new Set<Promise<void>>()
  // Checks (read, hash, duplicate, decode) are local and quick: they run ahead of the uploads,
  // in places of their own, so a duplicate late in a batch is named at once, not in its turn.
  let checking = 0
  const uploads = createSemaphore(() => concurrency)
  /** The entry that holds each photo (mode:sha256) while it is being added. */
  const claims = new Map<string, EntryState>()
  const dirty = new Set<BatchState>()
  let flushing = false
  let disposed = false

  function changed(b: BatchState): void {
    dirty.add(b)
    if (flushing) return
    flushing = true
    setImmediate(() => {
      flushing = false
      for (const batch of dirty) deps.emit(snapshot(batch))
      dirty.clear()
    })
  }

  function batchOf(batchId: string): BatchState {
    const b = batches.get(batchId)
    if (!b) throw new AppError('not_found', 'That import is no longer open. Add the files again.', { retryable: false })
    return b
  }

  function entryOf(b: BatchState, entryId: string): EntryState {
    const e = b.entries.find((x) => x.entryId === entryId)
    if (!e) throw new AppError('not_found', 'That file is not part of this import.', { retryable: false })
    return e
  }

  const unstage = (e: EntryState) => {
    if (e.staged && e.path) void fs.rm(e.path, { force: true }).catch(() => undefined)
    if (e.staged) e.path = null
  }

  function release(mode: MediaMode, e: EntryState): void {
    if (e.contentHash && claims.get(`${mode}:${e.contentHash}`) === e) claims.delete(`${mode}:${e.contentHash}`)
  }

  /** Size, hash and duplicate check, then the photo checks: the request to send. */
  async function prepare(mode: MediaMode, b: BatchState, e: EntryState): Promise<{ request: CreateProductInput; size: number }> {
    const name = productName(b.namePattern, e)
    const extra = { ...(name ? { name } : {}), ...(b.skipSegmentation !== undefined ? { skip_segmentation: b.skipSegmentation } : {}) }
    if (e.item.kind === 'url') {
      try {
        checkPhotoUrl(e.item.url)
      } catch (error) {
        throw new Skip('not_a_photo', messageOf(error))
      }
      return { request: { image_url: e.item.url.trim(), ...extra }, size: 0 }
    }
    if (!e.path) throw new Skip('unreadable', 'This file is no longer available. Add it again.')
    const info = await readPhotoFile(e.path, MAX_PRODUCT_IMAGE_BYTES).catch(() => {
      throw new Skip('unreadable', 'This file could not be read. Check that it still exists and try again.')
    })
    if (info.size === 0) throw new Skip('unreadable', 'This file is empty.')
    const claimed = { fileName: e.fileName, mimeType: e.item.kind === 'file' ? e.item.mimeType : '' }
    if (info.sha256) {
      e.contentHash = info.sha256
      // A twin earlier in this import is named as such, whether or not it has been uploaded
      // yet (which one goes first is only a matter of timing); then the catalogue.
      const twin = b.entries.find((o) => o !== e && o.contentHash === info.sha256 && o.status === 'done')
      const holder = twin ?? claims.get(`${mode}:${info.sha256}`)
      if (holder && holder !== e) throw new Skip('duplicate', `The same photo as ${holder.fileName}, also in this import.`)
      const known = await deps.knownHash(mode, info.sha256)
      if (known) throw new Skip('duplicate', `Already in your catalogue as “${known.name}”.`, known.id)
      claims.set(`${mode}:${info.sha256}`, e)
    }
    const checked = await checkProductPhotoFile({ path: e.path, head: info.head, size: info.size }, claimed, deps.mediaOps).catch(
      (error: unknown) => {
        throw isAppError(error) && error.code === 'worker_crashed' ? error : new Skip(checkReason(error, info.head, claimed), messageOf(error))
      }
    )
    const file = { path: e.path, size: info.size, head: info.head, fileName: e.fileName.replace(/^.*[\\/]/, ''), mimeType: checked.mime }
    return { request: { file, ...extra }, size: info.size }
  }

  async function run(b: BatchState, e: EntryState): Promise<void> {
    const mode = deps.mode()
    const abort = new AbortController()
    e.abort = abort
    const set = (patch: Partial<EntryState>) => {
      Object.assign(e, patch)
      changed(b)
    }
    set({ status: 'checking' })
    try {
      const { request, size } = await checked(() => prepare(mode, b, e))
      if (abort.signal.aborted) throw cancelledError()
      // Checked: it waits for an upload place as queued (a late duplicate was named already).
      set({ status: 'queued' })
      // The place is held until the product is accepted (its pictures fetched): that is in flight too.
      const product = await uploads.run(async () => {
        const client = await deps.client(mode)
        set({ status: 'uploading', percent: 0 })
        const created = await client.createProduct(request, abort.signal, (sent) => {
          const percent = size > 0 ? Math.min(100, Math.floor((sent / size) * 100)) : 0
          if (percent !== e.percent && e.status === 'uploading') set({ percent })
          // Every byte is out: Krev is removing the background and reading the details.
          if (size > 0 && sent >= size && e.status === 'uploading') set({ status: 'analysing', percent: 100 })
        })
        if (e.status === 'uploading') set({ status: 'analysing', percent: 100 })
        return deps.accept(mode, created)
      }, abort.signal)
      if (e.contentHash) deps.rememberHash(mode, product.id, e.contentHash)
      release(mode, e)
      unstage(e)
      set({ status: 'done', percent: 100, productId: product.id, message: null })
    } catch (error) {
      release(mode, e)
      const sent = e.status === 'uploading' || e.status === 'analysing'
      if (sent && deps.wasMaybeProcessed(error)) deps.maybeCreated?.(mode)
      if (abort.signal.aborted) {
        set({ status: 'cancelled', reason: null, retryable: true, message: sent ? 'Cancelled. If Krev already had it, it appears in your catalogue.' : 'Cancelled.' })
      } else if (error instanceof Skip) {
        unstage(e)
        set({ status: 'skipped', reason: error.reason, message: error.message, productId: error.productId, retryable: false })
      } else {
        set({ status: 'failed', reason: 'upload_failed', message: messageOf(error), retryable: !isAppError(error) || error.retryable || error.code === 'worker_crashed' })
      }
    } finally {
      e.abort = null
    }
  }

  /** Holds one of the check places while `prepare` runs; the next file's check starts after. */
  async function checked<T>(prepare: () => Promise<T>): Promise<T> {
    try {
      return await prepare()
    } finally {
      checking--
      pump()
    }
  }

  function pump(): void {
    while (!disposed && checking < CHECK_PLACES && waiting.length > 0) {
      const next = waiting.shift()!
      if (next.entry.status !== 'queued') continue
      checking++
      const task = run(next.batch, next.entry)
      running.add(task)
      void task.finally(() => running.delete(task))
    }
  }

  function forgetOld(): void {
    const old = [...batches.values()].filter((b) => b.entries.every(isFinished))
    while (batches.size > KEEP_BATCHES && old.length > 0) {
      const b = old.shift()!
      b.entries.forEach(unstage)
      batches.delete(b.batchId)
    }
  }

  async function stage(e: EntryState, dataBase64: string): Promise<void> {
    const data = decodeBase64Photo(dataBase64)
    await fs.mkdir(deps.stagingDir, { recursive: true })
    const path = join(deps.stagingDir, e.entryId)
    await fs.writeFile(path, data)
    e.path = path
    e.staged = true
  }

  // Files staged by an earlier run have no entry any more.
  void fs.rm(deps.stagingDir, { recursive: true, force: true }).catch(() => undefined)

  return {
    start(options) {
      const batchId = newId()
      batches.set(batchId, { batchId, namePattern: options.namePattern, skipSegmentation: options.skipSegmentation, entries: [] })
      forgetOld()
      return { batchId }
    },

    async add(batchId, items) {
      const b = batchOf(batchId)
      const added: EntryState[] = []
      for (const item of items) {
        const e = newEntry(newId(), b.entries.length, item, displayName(item))
        b.entries.push(e)
        added.push(e)
        if (item.kind === 'refused') Object.assign(e, { status: 'skipped', reason: item.reason, message: item.message })
        if (item.kind === 'file') {
          await stage(e, item.dataBase64).catch((error: unknown) =>
            Object.assign(e, { status: 'skipped', reason: 'unreadable', message: messageOf(error) })
          )
        }
        if (e.status === 'queued') waiting.push({ batch: b, entry: e })
      }
      changed(b)
      pump()
      return { entryIds: added.map((e) => e.entryId) }
    },

    cancel(batchId, entryId) {
      const b = batchOf(batchId)
      for (const e of entryId ? [entryOf(b, entryId)] : b.entries) {
        if (isFinished(e)) continue
        if (e.abort) e.abort.abort()
        else Object.assign(e, { status: 'cancelled', message: 'Cancelled.', retryable: true })
      }
      changed(b)
      return snapshot(b)
    },

    retry(batchId, entryId) {
      const b = batchOf(batchId)
      const e = entryOf(b, entryId)
      if (e.status !== 'failed' && e.status !== 'cancelled') {
        throw new AppError('conflict', 'Only a file that failed or was cancelled can be tried again.', { retryable: false })
      }
      resetEntry(e)
      waiting.push({ batch: b, entry: e })
      changed(b)
      pump()
      return snapshot(b)
    },

    list: () => [...batches.values()].map(snapshot),

    async idle() {
      while (running.size > 0) await Promise.allSettled([...running])
    },

    dispose() {
      disposed = true
      for (const b of batches.values()) for (const e of b.entries) e.abort?.abort()
    }
  }
}

const messageOf = (error: unknown): string => (isAppError(error) ? error.message : 'The photo could not be added. Please try again.')
const cancelledError = () => new AppError('cancelled', 'Cancelled.', { retryable: false })
