import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection, EventPayload, Product } from '../../../src-preload/contract'
import type { AppError } from '../../../src-main/core/app-error'
import { createKrevClient } from '../../../src-main/krev/client'
import type { KrevClient } from '../../../src-main/krev/types'
import { createMediaStore } from '../../../src-main/media/media-store'
import { mediaUrlFactory, parseMediaPath } from '../../../src-main/media/media-url'
import { createCatalogCache } from '../../../src-main/products/catalog-cache'
import { createProductsService, type ProductsService } from '../../../src-main/products/products-service'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox'

/**
 * The products service against the real sandbox over real HTTP, with the real client,
 * catalogue file and media store: upload → local WebP thumbnail → a restart of the service
 * reads the catalogue → offline still lists → refresh after the sandbox comes back.
 */

const KEY = `sk_live_${'P'.repeat(16)}${'7'.repeat(16)}`
const PREFIX = 'krev-media://media'
let dataDir: string
let sandboxDir: string
let sb: SandboxHandle
let photo: Buffer
const started: ProductsService[] = []

interface Harness {
  service: ProductsService
  changed: Product[][]
  progress: EventPayload<'products.uploadProgress'>[]
  online: boolean[]
}

function clientFor(handle: SandboxHandle): KrevClient {
  return createKrevClient({
    baseUrl: handle.baseUrl,
    getKey: () => handle.key,
    trustedMediaOrigins: [new URL(handle.baseUrl).origin],
    // Offline answers come at once instead of after the backoff.
    sleep: async () => undefined,
    retry: { maxAttempts: 2 }
  })
}

function harness(client: KrevClient): Harness {
  const h: Omit<Harness, 'service'> = { changed: [], progress: [], online: [] }
  const service = createProductsService({
    connection: {
      mode: () => 'sandbox',
      client: async () => client,
      onChange: (_l: (s: Connection) => void) => () => undefined,
      reportOnline: (o) => h.online.push(o)
    },
    catalog: createCatalogCache(dataDir),
    media: createMediaStore(dataDir),
    mediaUrl: mediaUrlFactory(PREFIX),
    emitChanged: (items) => h.changed.push(items),
    emitProgress: (p) => h.progress.push(p)
  })
  started.push(service)
  return { ...h, service }
}

async function thumbOnDisk(product: Product): Promise<string> {
  expect(product.thumbUrl).toMatch(new RegExp(`^${PREFIX}/sandbox/products/[0-9a-f-]{36}/thumb$`))
  const ref = parseMediaPath((product.thumbUrl as string).slice(PREFIX.length))
  expect(ref).not.toBeNull()
  const stored = await createMediaStore(dataDir).resolve(ref!)
  expect(stored).not.toBeNull()
  return stored!.path
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'krev-products-'))
  sandboxDir = await mkdtemp(join(tmpdir(), 'krev-products-sb-'))
  sb = await startSandbox({ port: 0, speed: 50, dataDir: sandboxDir, key: KEY, ffmpegPath: null })
  photo = await sharp({
    create: { width: 900, height: 700, channels: 3, background: { r: 235, g: 235, b: 240 } }
  })
    .composite([{ input: await sharp({ create: { width: 400, height: 500, channels: 3, background: { r: 160, g: 60, b: 40 } } }).png().toBuffer(), left: 250, top: 100 }])
    .jpeg()
    .toBuffer()
})

afterAll(async () => {
  for (const s of started) {
    s.dispose()
    await s.idle()
  }
  await sb?.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(sandboxDir, { recursive: true, force: true })
})

describe('products against the sandbox', () => {
  let uploaded: Product
  let thumbPath: string
  let thumbMtime: number

  it('uploads a photo and lists it with a local WebP thumbnail', async () => {
    const h = harness(clientFor(sb))
    expect((await h.service.list()).items).toEqual([])

    uploaded = await h.service.upload({
      source: { kind: 'file', fileName: 'leather-bag.jpg', mimeType: 'image/jpeg', dataBase64: photo.toString('base64') }
    })
    expect(h.progress.map((p) => p.phase)).toEqual(['checking', 'uploading', 'analysing', 'done'])
    expect(new Set(h.progress.map((p) => p.uploadId)).size).toBe(1)
    expect(h.progress[0].fileName).toBe('leather-bag.jpg')
    // The remote URLs are kept for reference; the renderer shows the local copy.
    expect(uploaded.imageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/storage\//)
    thumbPath = await thumbOnDisk(uploaded)
    const meta = await sharp(await readFile(thumbPath)).metadata()
    expect(meta.format).toBe('webp')
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(512)
    thumbMtime = (await stat(thumbPath)).mtimeMs
    expect(h.changed.at(-1)?.map((p) => p.id)).toEqual([uploaded.id])

    const listed = await h.service.list()
    expect(listed.total).toBe(1)
    expect(listed.items[0]).toMatchObject({ id: uploaded.id, thumbUrl: uploaded.thumbUrl, name: uploaded.name })
    expect(await h.service.get(uploaded.id)).toMatchObject({ id: uploaded.id, thumbUrl: uploaded.thumbUrl })

    const catalogue = await createCatalogCache(dataDir).load('sandbox')
    expect(catalogue.products.map((p: { id: string }) => p.id)).toEqual([uploaded.id])
  })

  it('refuses an SVG before anything is sent', async () => {
    const h = harness(clientFor(sb))
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
    const err = (await h.service
      .upload({ source: { kind: 'file', fileName: 'logo.svg', mimeType: 'image/svg+xml', dataBase64: svg.toString('base64') } })
      .catch((e: unknown) => e)) as AppError
    expect(err.code).toBe('invalid_input')
    expect(err.message).toMatch(/SVG/)
    expect(h.progress.map((p) => p.phase)).toEqual(['checking', 'failed'])
    expect(h.progress[1].message).toBe(err.message)
    expect(await h.service.refresh()).toEqual({ count: 1 })
  })

  it('reads the catalogue after a restart of the service, without downloading again', async () => {
    const h = harness(clientFor(sb))
    const listed = await h.service.list()
    expect(listed.items.map((p) => p.id)).toEqual([uploaded.id])
    expect(listed.items[0].thumbUrl).toBe(uploaded.thumbUrl)
    await h.service.idle()
    expect((await stat(thumbPath)).mtimeMs).toBe(thumbMtime)
  })

  it('lists from the catalogue with the sandbox stopped, and says so when asked to refresh', async () => {
    const client = clientFor(sb)
    await sb.close()
    const h = harness(client)
    const listed = await h.service.list()
    expect(listed.items.map((p) => p.id)).toEqual([uploaded.id])
    expect(await thumbOnDisk(listed.items[0])).toBe(thumbPath)

    const err = (await h.service.list({ refresh: true }).catch((e: unknown) => e)) as AppError
    expect(err.code).toBe('network')
    expect(h.online).toContain(false)
    expect((await h.service.list()).total).toBe(1)
  })

  it('refreshes from the restarted sandbox', async () => {
    sb = await startSandbox({ port: 0, speed: 50, dataDir: sandboxDir, key: KEY, ffmpegPath: null })
    const h = harness(clientFor(sb))
    expect(await h.service.refresh()).toEqual({ count: 1 })
    const listed = await h.service.list()
    expect(listed.items[0].imageUrl).toContain(sb.baseUrl)
    expect(listed.items[0].thumbUrl).toBe(uploaded.thumbUrl)
    await h.service.idle()
    expect((await stat(thumbPath)).mtimeMs).toBe(thumbMtime)
    expect(h.online.at(-1)).toBe(true)
  })

  it('asks once for a fresh link when a signed URL has expired, then gives up cleanly', async () => {
    const expiringDir = await mkdtemp(join(tmpdir(), 'krev-products-exp-'))
    const expiring = await startSandbox({ port: 0, speed: 50, dataDir: expiringDir, urlTtlSeconds: 0, ffmpegPath: null })
    const requests: string[] = []
    const client = createKrevClient({
      baseUrl: expiring.baseUrl,
      getKey: () => expiring.key,
      trustedMediaOrigins: [new URL(expiring.baseUrl).origin],
      sleep: async () => undefined,
      onRequest: (r) => requests.push(`${r.method} ${r.path.split('?')[0]}${r.path.includes('id=') ? '?id' : ''}`)
    })
    const previous = dataDir
    dataDir = await mkdtemp(join(tmpdir(), 'krev-products-exp-data-'))
    try {
      const h = harness(client)
      const product = await h.service.upload({
        source: { kind: 'file', fileName: 'bag.jpg', mimeType: 'image/jpeg', dataBase64: photo.toString('base64') }
      })
      // Uploaded and listed; only the picture is missing, and the upload still succeeded.
      expect(product.thumbUrl).toBeNull()
      expect(h.progress.at(-1)?.phase).toBe('done')
      expect(requests.filter((r) => r === 'GET /api/v1/products?id')).toHaveLength(1)
    } finally {
      await expiring.close()
      await rm(dataDir, { recursive: true, force: true })
      await rm(expiringDir, { recursive: true, force: true })
      dataDir = previous
    }
  })
})
