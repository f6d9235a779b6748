import { randomUUID } from 'node:crypto'
import type { CommandArgs, EventPayload, Product } from '../../src-preload/contract'
import { isAppError } from '../core/app-error'
import type { CreateProductInput, KrevClient, KrevProduct } from '../krev/types'
import type { MediaMode } from '../media/media-store'
import type { MediaOps } from '../media-worker/media-ops'
import { checkPhotoUrl, checkProductPhoto, decodeBase64Photo } from './check-photo'

/**
 * One `products.upload`: check the photo locally, send it, keep the result, and narrate
 * each step on `products.uploadProgress` (checking → uploading → analysing → done, or
 * failed with the same message the command rejects with).
 *
 * Krev analyses the photo (background removal, details) inside the same POST, and the
 * client doesn't report when the body has been sent, so the switch from 'uploading' to
 * 'analysing' is estimated from the size at a conservative 1 MB/s. The order of phases
 * and the final outcome are exact.
 */

export type UploadInput = CommandArgs<'products.upload'>
export type UploadProgress = EventPayload<'products.uploadProgress'>

export interface UploadDeps {
  mode(): MediaMode
  /** The client for `mode`, refusing if the connection changed meanwhile. */
  client(mode: MediaMode): Promise<KrevClient>
  /** Stores the new product (catalogue + images) and announces it; answers the DTO. */
  accept(mode: MediaMode, product: KrevProduct): Promise<Product>
  progress(p: UploadProgress): void
  /** Decodes the photo for the local check (the media worker in the app). */
  mediaOps: MediaOps
  /** Told when a POST may have reached Krev although it failed (look again later). */
  maybeCreated?(mode: MediaMode): void
  newId?: () => string
  setTimer?: (fn: () => void, ms: number) => { cancel(): void }
}

/** The contract allows 255 for a file name; the renderer matches rows to files by it. */
const MAX_SHOWN_NAME = 255

function shownName(source: UploadInput['source']): string {
  if (source.kind === 'file') return source.fileName.replace(/^.*[\\/]/, '').slice(0, MAX_SHOWN_NAME) || 'photo'
  try {
    const url = new URL(source.url)
    const last = url.pathname.split('/').filter(Boolean).pop()
    return (last ? decodeURIComponent(last) : url.hostname).slice(0, MAX_SHOWN_NAME)
  } catch {
    return 'link'
  }
}

const estimateUploadMs = (bytes: number): number => 400 + Math.round(bytes / 1000)

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms)
  return { cancel: () => clearTimeout(t) }
}

/** Builds what the client sends, after the local checks. */
async function prepare(input: UploadInput, mediaOps: MediaOps): Promise<{ request: CreateProductInput; bytes: number }> {
  const name = input.name?.trim() || undefined
  const extra = {
    ...(name ? { name } : {}),
    ...(input.skipSegmentation !== undefined ? { skip_segmentation: input.skipSegmentation } : {})
  }
  const source = input.source
  if (source.kind === 'url') {
    // The client refuses anything but public https (or the sandbox's own media) before sending.
    checkPhotoUrl(source.url)
    return { request: { image_url: source.url.trim(), ...extra }, bytes: 0 }
  }
  const data = decodeBase64Photo(source.dataBase64)
  const checked = await checkProductPhoto(data, { fileName: source.fileName, mimeType: source.mimeType }, mediaOps)
  return { request: { file: { data, fileName: source.fileName, mimeType: checked.mime }, ...extra }, bytes: data.length }
}

export async function uploadProduct(input: UploadInput, deps: UploadDeps, wasMaybeProcessed: (e: unknown) => boolean): Promise<Product> {
  const uploadId = (deps.newId ?? randomUUID)()
  const fileName = shownName(input.source)
  // An object, not a `let`: the timer callback changes it behind the compiler's back.
  const current: { phase: UploadProgress['phase'] } = { phase: 'checking' }
  const say = (next: UploadProgress['phase'], message?: string) => {
    current.phase = next
    deps.progress({ uploadId, fileName, phase: next, ...(message ? { message } : {}) })
  }
  const mode = deps.mode()
  let timer: { cancel(): void } | null = null
  say('checking')
  try {
    const { request, bytes } = await prepare(input, deps.mediaOps)
    const client = await deps.client(mode)
    say('uploading')
    timer = (deps.setTimer ?? defaultTimer)(() => {
      if (current.phase === 'uploading') say('analysing')
    }, estimateUploadMs(bytes))
    const created = await client.createProduct(request)
    timer.cancel()
    if (current.phase === 'uploading') say('analysing')
    const product = await deps.accept(mode, created)
    say('done')
    return product
  } catch (error) {
    timer?.cancel()
    if (wasMaybeProcessed(error)) deps.maybeCreated?.(mode)
    say('failed', isAppError(error) ? error.message : 'The photo could not be added. Please try again.')
    // Unexpected errors go up as they are: the router logs them and answers 'internal'.
    throw error
  }
}
