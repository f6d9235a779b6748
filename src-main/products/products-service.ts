import type { Product } from '../../src-preload/contract'
import { AppError, isAppError } from '../core/app-error'
import { silentLogger } from '../core/logger'
import { wasMaybeProcessed } from '../krev/errors'
import type { KrevClient, KrevProduct } from '../krev/types'
import type { MediaMode } from '../media/media-store'
import { inProcessMediaOps } from '../media-worker/in-process'
import { createProductLocals } from './product-locals'
import { cacheProductImage, PRODUCTS_AREA, productRef } from './product-media'
import { uploadProduct } from './product-upload'
import { toProduct } from './product-view'

/**
 * The product catalogue for the current connection mode. Reads come from the local
 * catalogue (so the screen works offline and opens instantly), refreshed from Krev when
 * asked, when never fetched, when stale (in the background), when the mode changes and
 * when the connection comes back. Each product's picture is downloaded once, in the
 * background, a few at a time; the renderer only ever gets local `thumbUrl`s and hears
 * about new ones through `products.changed`.
 */

import type { ProductsService, ProductsServiceDeps } from './products-service-api'

export type { ProductsConnection, ProductsService, ProductsServiceDeps } from './products-service-api'

/** Krev answers at most 100 products per list. */
const LIST_LIMIT = 100
const RETRY_FAILED_IMAGE_MS = 60_000

interface ModeState {
  products: KrevProduct[]
  fetchedAt: number | null
  /** Product ids whose thumbnail is on disk. */
  thumbs: Set<string>
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
const isOffline = (e: unknown) => isAppError(e) && (e.code === 'network' || e.code === 'timeout') && e.status === undefined

export function createProductsService(deps: ProductsServiceDeps): ProductsService {
  const logger = deps.logger ?? silentLogger
  const now = deps.now ?? Date.now
  const staleMs = deps.staleMs ?? 5 * 60_000
  const concurrency = Math.max(1, deps.concurrency ?? 3)
  const { connection, catalog, media } = deps
  const mediaOps = deps.mediaOps ?? inProcessMediaOps()
  const locals = deps.locals ?? createProductLocals(catalog)
  const aborter = new AbortController()
  const states = new Map<MediaMode, Promise<ModeState>>()
  const refreshing = new Map<MediaMode, Promise<ModeState>>()
  const inFlight = new Map<string, Promise<boolean>>()
  const failedAt = new Map<string, number>()
  const background = new Set<Promise<unknown>>()

  function track(p: Promise<unknown>): void {
    const settled = p.catch((e: unknown) => logger.warn('products: background task failed', { error: e }))
    background.add(settled)
    void settled.finally(() => background.delete(settled))
  }

  function state(mode: MediaMode): Promise<ModeState> {
    let s = states.get(mode)
    if (!s) {
      s = (async () => {
        await media.sweepTemp(mode, PRODUCTS_AREA).catch(() => 0)
        const c = await catalog.load(mode)
        const thumbs = new Set<string>()
        for (const p of c.products) {
          const ref = productRef(mode, p.id, 'thumb')
          if (ref && (await media.resolve(ref))) thumbs.add(p.id)
        }
        return { products: c.products, fetchedAt: c.fetchedAt, thumbs }
      })()
      states.set(mode, s)
      s.catch(() => states.delete(mode))
    }
    return s
  }

  const view = (mode: MediaMode, st: ModeState, p: KrevProduct): Product =>
    toProduct(mode, p, st.thumbs.has(p.id), deps.mediaUrl, locals.get(mode, p.id))

  const items = (mode: MediaMode, st: ModeState) => st.products.map((p) => view(mode, st, p))

  function announce(mode: MediaMode, st: ModeState): void {
    if (connection.mode() === mode) deps.emitChanged(items(mode, st))
  }

  /** Never rejects: an unwritable catalogue costs offline use, not the command. */
  function persist(mode: MediaMode, st: ModeState): Promise<void> {
    return catalog
      .save(mode, { fetchedAt: st.fetchedAt, products: st.products })
      .catch((e: unknown) => logger.error('products: catalogue not saved', { mode, error: e }))
  }

  /** What an API answer says about reachability, like the account service reports it. */
  function observe(outcome: unknown): void {
    if (outcome === 'ok') connection.reportOnline(true)
    else if (isOffline(outcome)) connection.reportOnline(false)
    else if (isAppError(outcome) && outcome.status !== undefined) connection.reportOnline(true)
  }

  async function clientFor(mode: MediaMode): Promise<KrevClient> {
    const client = await connection.client()
    if (connection.mode() !== mode) {
      throw new AppError('conflict', 'The connection changed while loading products. Please try again.', { retryable: true })
    }
    return client
  }

  async function api<T>(mode: MediaMode, call: (client: KrevClient) => Promise<T>): Promise<T> {
    try {
      const out = await call(await clientFor(mode))
      observe('ok')
      return out
    } catch (e) {
      observe(e)
      throw e
    }
  }

  function refresh(mode: MediaMode): Promise<ModeState> {
    let running = refreshing.get(mode)
    if (running) return running
    running = (async () => {
      const st = await state(mode)
      const listed = await api(mode, (c) => c.listProducts({ limit: LIST_LIMIT, signal: aborter.signal }))
      const seen = new Set<string>()
      const next = listed.filter((p) => p.id.length <= 128 && !seen.has(p.id.toLowerCase()) && seen.add(p.id.toLowerCase()))
      // A complete list (under the limit) says the others were deleted: drop their pictures.
      if (listed.length < LIST_LIMIT) {
        for (const old of st.products.filter((o) => !seen.has(o.id.toLowerCase()))) {
          st.thumbs.delete(old.id)
          for (const v of ['thumb', 'image'] as const) {
            const ref = productRef(mode, old.id, v)
            if (ref) await media.remove(ref).catch(() => undefined)
          }
        }
      }
      st.products = next
      st.fetchedAt = now()
      await persist(mode, st)
      announce(mode, st)
      scheduleImages(mode, st)
      return st
    })()
    refreshing.set(mode, running)
    void running.then(
      () => refreshing.delete(mode),
      () => refreshing.delete(mode)
    )
    return running
  }

  /** Downloads one product's picture (once at a time); true when a new thumbnail exists. */
  function cacheOne(mode: MediaMode, st: ModeState, product: KrevProduct): Promise<boolean> {
    const key = `${mode}:${product.id.toLowerCase()}`
    const running = inFlight.get(key)
    if (running) return running
    const task = (async () => {
      try {
        const client = await clientFor(mode)
        const result = await cacheProductImage(product, { client, media, mode, mediaOps, signal: aborter.signal })
        if (!result.ok) return false
        st.thumbs.add(product.id)
        failedAt.delete(key)
        if (result.fresh) {
          const fresh = result.fresh
          st.products = st.products.map((p) => (sameId(p.id, fresh.id) ? fresh : p))
          await persist(mode, st)
        }
        return true
      } catch (e) {
        failedAt.set(key, now())
        logger.warn('products: image not cached', { id: product.id, code: isAppError(e) ? e.code : 'error' })
        return false
      }
    })()
    inFlight.set(key, task)
    void task.finally(() => inFlight.delete(key))
    return task
  }

  /** Fetches missing pictures a few at a time, then announces the list once. */
  function scheduleImages(mode: MediaMode, st: ModeState): void {
    const due = (p: KrevProduct) => {
      const failed = failedAt.get(`${mode}:${p.id.toLowerCase()}`)
      return !st.thumbs.has(p.id) && (failed === undefined || now() - failed > RETRY_FAILED_IMAGE_MS)
    }
    const todo = st.products.filter((p) => due(p) && !inFlight.has(`${mode}:${p.id.toLowerCase()}`))
    if (todo.length === 0) return
    track(
      (async () => {
        let added = false
        const queue = [...todo]
        const worker = async () => {
          for (let p = queue.shift(); p; p = queue.shift()) if (await cacheOne(mode, st, p)) added = true
        }
        await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker))
        if (added) announce(mode, st)
      })()
    )
  }

  /** A product Krev just returned (upload, get): first in the list, picture cached now. */
  async function accept(mode: MediaMode, product: KrevProduct): Promise<Product> {
    observe('ok')
    const st = await state(mode)
    st.products = [product, ...st.products.filter((p) => !sameId(p.id, product.id))]
    await cacheOne(mode, st, product)
    await persist(mode, st)
    announce(mode, st)
    return view(mode, st, product)
  }

  let lastMode = connection.mode()
  let lastOnline = true
  const unsubscribe = connection.onChange((status) => {
    const modeChanged = status.mode !== lastMode
    const backOnline = status.online && !lastOnline
    lastMode = status.mode
    lastOnline = status.online
    if (!modeChanged && !backOnline) return
    const mode = status.mode
    track(
      (async () => {
        // The other mode's catalogue shows at once; Krev is asked in the background.
        if (modeChanged) announce(mode, await state(mode))
        await refresh(mode).catch((e: unknown) => logger.info('products: refresh skipped', { mode, code: isAppError(e) ? e.code : 'error' }))
      })()
    )
  })

  return {
    async list(opts = {}) {
      const mode = connection.mode()
      let st = await state(mode)
      if (opts.refresh || st.fetchedAt === null) st = await refresh(mode)
      else {
        if (now() - st.fetchedAt > staleMs) track(refresh(mode))
        scheduleImages(mode, st)
      }
      const all = items(mode, st)
      return { items: opts.limit ? all.slice(0, opts.limit) : all, total: all.length }
    },

    async get(id) {
      const mode = connection.mode()
      const st = await state(mode)
      const known = st.products.find((p) => sameId(p.id, id))
      if (known) {
        if (!st.thumbs.has(known.id)) await cacheOne(mode, st, known)
        return view(mode, st, known)
      }
      const product = await api(mode, (c) => c.getProduct(id, aborter.signal))
      return accept(mode, product)
    },

    upload(input) {
      return uploadProduct(
        input,
        {
          mode: () => connection.mode(),
          client: clientFor,
          accept,
          progress: deps.emitProgress,
          mediaOps,
          // A POST lost after sending may still have created the product: look again soon.
          maybeCreated: (mode) => track(refresh(mode))
        },
        wasMaybeProcessed
      )
    },

    async refresh() {
      const st = await refresh(connection.mode())
      return { count: st.products.length }
    },

    async setLocal(id, patch) {
      const mode = connection.mode()
      const st = await state(mode)
      const known = st.products.find((p) => sameId(p.id, id))
      if (!known) throw new AppError('not_found', 'That product is not in your catalogue any more.', { retryable: false })
      const localName = patch.localName === undefined ? undefined : patch.localName?.trim() || null
      locals.set(mode, known.id, { ...(localName !== undefined ? { localName } : {}), ...(patch.hidden !== undefined ? { hidden: patch.hidden } : {}) })
      announce(mode, st)
      return view(mode, st, known)
    },

    accept,
    known: async (mode, id) => (await state(mode)).products.find((p) => sameId(p.id, id)) ?? null,
    clientFor,
    locals,

    async idle() {
      while (background.size > 0 || inFlight.size > 0 || refreshing.size > 0) {
        await Promise.allSettled([...background, ...inFlight.values(), ...refreshing.values()])
      }
    },

    dispose() {
      unsubscribe()
      aborter.abort()
    }
  }
}
