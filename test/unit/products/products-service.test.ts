import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Connection, EventPayload, Product } from '../../../src-preload/contract'
import { AppError } from '../../../src-main/core/app-error'
import { markMaybeProcessed } from '../../../src-main/krev/errors'
import type { CreateProductInput, KrevClient, KrevProduct } from '../../../src-main/krev/types'
import { createMediaStore } from '../../../src-main/media/media-store'
import { mediaUrlFactory } from '../../../src-main/media/media-url'
import type { MediaMode } from '../../../src-main/media/media-store'
import { createCatalogCache } from '../../../src-main/products/catalog-cache'
import { createProductsService, type ProductsService } from '../../../src-main/products/products-service'

/**
 * The products service with a scripted client: modes kept apart, stale catalogues
 * refreshed in the background, bad photos refused before any POST, failures narrated.
 */

const A = 'aaaaaaaa-0000-4000-8000-000000000001'
const B = 'bbbbbbbb-0000-4000-8000-000000000002'
let image: Buffer
let jpg: Buffer

beforeAll(async () => {
  image = await sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 200, g: 20, b: 20, alpha: 1 } } }).png().toBuffer()
  jpg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).jpeg().toBuffer()
})

const product = (id: string, over: Partial<KrevProduct> = {}): KrevProduct => ({
  id,
  name: `Product ${id.slice(0, 4)}`,
  image_url: `https://cdn.krev.example/${id}.png?sig=1`,
  segmented_image_url: null,
  category: null,
  metadata: {},
  created_at: '2026-02-01T10:00:00Z',
  ...over
})

interface Fake {
  client: KrevClient
  catalog: KrevProduct[]
  calls: string[]
  failList: AppError | null
  failCreate: AppError | null
  expiredOnce: Set<string>
}

function fakeClient(): Fake {
  const fake: Fake = { catalog: [], calls: [], failList: null, failCreate: null, expiredOnce: new Set(), client: null as never }
  fake.client = {
    baseUrl: 'https://api.krev.example',
    listProducts: async () => {
      fake.calls.push('list')
      if (fake.failList) throw fake.failList
      return [...fake.catalog]
    },
    getProduct: async (id: string) => {
      fake.calls.push(`get ${id}`)
      const p = fake.catalog.find((x) => x.id === id)
      if (!p) throw new AppError('not_found', 'gone')
      return { ...p, image_url: `${p.image_url}&fresh=1` }
    },
    createProduct: async (input: CreateProductInput) => {
      fake.calls.push(`create ${'file' in input ? input.file.fileName : input.image_url}`)
      if (fake.failCreate) throw fake.failCreate
      const p = product(B, { name: 'Uploaded' })
      fake.catalog.unshift(p)
      return p
    },
    downloadMedia: async (url: string) => {
      fake.calls.push(`download ${url.replace('https://cdn.krev.example/', '')}`)
      const id = url.slice('https://cdn.krev.example/'.length, 'https://cdn.krev.example/'.length + 36)
      if (fake.expiredOnce.has(id) && !url.includes('fresh=1')) throw new AppError('forbidden', 'The download link has expired.')
      return { data: image, mimeType: 'image/png' }
    }
  } as unknown as KrevClient
  return fake
}

let dataDir: string
let mode: MediaMode
let listeners: ((s: Connection) => void)[]
let clock: number
let changed: Product[][]
let progress: EventPayload<'products.uploadProgress'>[]
let services: ProductsService[]

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'krev-products-unit-'))
  mode = 'sandbox'
  listeners = []
  clock = 1_000_000
  changed = []
  progress = []
  services = []
})
afterEach(async () => {
  for (const s of services) {
    s.dispose()
    await s.idle()
  }
  await rm(dataDir, { recursive: true, force: true })
})

function start(clients: Partial<Record<MediaMode, Fake>>): ProductsService {
  const service = createProductsService({
    connection: {
      mode: () => mode,
      client: async () => {
        const f = clients[mode]
        if (!f) throw new AppError('unauthorized', 'Add your Krev API key in Settings to use Krev.')
        return f.client
      },
      onChange: (l) => {
        listeners.push(l)
        return () => undefined
      },
      reportOnline: () => undefined
    },
    catalog: createCatalogCache(dataDir),
    media: createMediaStore(dataDir),
    mediaUrl: mediaUrlFactory('/__krev/media'),
    emitChanged: (items) => changed.push(items),
    emitProgress: (p) => progress.push(p),
    now: () => clock
  })
  services.push(service)
  return service
}

const switchTo = (next: MediaMode) => {
  mode = next
  for (const l of listeners) l({ mode: next, label: next, online: true })
}

describe('products service', () => {
  it('lists, then fetches pictures in the background and announces them', async () => {
    const sandbox = fakeClient()
    sandbox.catalog = [product(A)]
    const service = start({ sandbox })
    const first = await service.list()
    expect(first.items[0]).toMatchObject({ id: A, imageUrl: product(A).image_url })
    await service.idle()
    expect(changed.at(-1)?.[0].thumbUrl).toBe(`/__krev/media/sandbox/products/${A}/thumb`)
    expect((await service.list()).items[0].thumbUrl).toBe(`/__krev/media/sandbox/products/${A}/thumb`)
    expect(sandbox.calls.filter((c) => c === 'list')).toHaveLength(1)
  })

  it('keeps sandbox and real catalogues apart and switches with the mode', async () => {
    const sandbox = fakeClient()
    const krev = fakeClient()
    sandbox.catalog = [product(A)]
    krev.catalog = [product(B)]
    const service = start({ sandbox, krev })
    await service.list()
    await service.idle()
    switchTo('krev')
    await service.idle()
    expect(changed.at(-1)?.map((p) => p.id)).toEqual([B])
    expect((await service.list()).items.map((p) => p.id)).toEqual([B])
    expect((await service.list()).items[0].thumbUrl).toMatch(/^\/__krev\/media\/krev\//)
    switchTo('sandbox')
    await service.idle()
    expect((await service.list()).items.map((p) => p.id)).toEqual([A])
  })

  it('refreshes a stale catalogue in the background, serving the cache meanwhile', async () => {
    const sandbox = fakeClient()
    sandbox.catalog = [product(A)]
    const service = start({ sandbox })
    await service.list()
    sandbox.catalog = [product(B), product(A)]
    clock += 10 * 60_000
    expect((await service.list()).items.map((p) => p.id)).toEqual([A])
    await service.idle()
    expect(changed.at(-1)?.map((p) => p.id)).toEqual([B, A])
  })

  it('asks for a fresh link once when a picture URL expired', async () => {
    const sandbox = fakeClient()
    sandbox.catalog = [product(A)]
    sandbox.expiredOnce.add(A)
    const service = start({ sandbox })
    await service.list()
    await service.idle()
    expect(sandbox.calls.filter((c) => c.startsWith('get'))).toEqual([`get ${A}`])
    expect((await service.list()).items[0]).toMatchObject({ thumbUrl: expect.stringContaining(A), imageUrl: expect.stringContaining('fresh=1') })
  })

  it('ignores a damaged catalogue file and fetches again', async () => {
    await mkdir(join(dataDir, 'catalog', 'sandbox'), { recursive: true })
    await writeFile(join(dataDir, 'catalog', 'sandbox', 'products.json'), '{"format":1,"fetchedAt":')
    const sandbox = fakeClient()
    sandbox.catalog = [product(A)]
    expect((await start({ sandbox }).list()).total).toBe(1)
  })

  it('says what to do when there is no key and nothing cached', async () => {
    mode = 'krev'
    const err = await start({}).list().catch((e: AppError) => e)
    expect(err).toMatchObject({ code: 'unauthorized' })
  })

  it('refuses a bad photo before any POST, narrating the failure', async () => {
    const sandbox = fakeClient()
    const service = start({ sandbox })
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer()
    const err = (await service
      .upload({ source: { kind: 'file', fileName: 'bag.jpg', mimeType: 'image/jpeg', dataBase64: png.toString('base64') } })
      .catch((e: unknown) => e)) as AppError
    expect(err.code).toBe('invalid_input')
    expect(sandbox.calls.filter((c) => c.startsWith('create'))).toEqual([])
    expect(progress.map((p) => [p.phase, p.fileName])).toEqual([
      ['checking', 'bag.jpg'],
      ['failed', 'bag.jpg']
    ])
  })

  it('passes Krev’s refusal through, and looks again when a POST may have gone through', async () => {
    const sandbox = fakeClient()
    const service = start({ sandbox })
    const body = { kind: 'file' as const, fileName: 'bag.jpg', mimeType: 'image/jpeg', dataBase64: jpg.toString('base64') }
    sandbox.failCreate = new AppError('payload_too_large', 'That file is too large for Krev. Use an image under 20 MB.', { retryable: false, status: 413 })
    expect(await service.upload({ source: body }).catch((e: AppError) => e.code)).toBe('payload_too_large')
    expect(progress.at(-1)).toMatchObject({ phase: 'failed', message: expect.stringMatching(/too large/) })
    expect(sandbox.calls.filter((c) => c.startsWith('create'))).toHaveLength(1)

    sandbox.failCreate = markMaybeProcessed(new AppError('network', 'The connection to Krev dropped after the request was sent.', { retryable: false }))
    sandbox.catalog = [product(A)]
    await service.upload({ source: body }).catch(() => undefined)
    await service.idle()
    expect(sandbox.calls).toContain('list')
    expect(changed.at(-1)?.map((p) => p.id)).toEqual([A])
  })

  it('uploads a link without downloading it first', async () => {
    const sandbox = fakeClient()
    const service = start({ sandbox })
    const out = await service.upload({ source: { kind: 'url', url: 'https://shop.example.com/bag.jpg' }, name: '  Tan bag ' })
    expect(out.id).toBe(B)
    expect(sandbox.calls[0]).toBe('create https://shop.example.com/bag.jpg')
    expect(progress.map((p) => p.phase)).toEqual(['checking', 'uploading', 'analysing', 'done'])
    expect(progress[0].fileName).toBe('bag.jpg')
    expect(out.thumbUrl).toBe(`/__krev/media/sandbox/products/${B}/thumb`)
  })
})
