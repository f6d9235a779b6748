import { mkdtemp, rm, writeFile, mkdir, copyFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ImportBatch, Product } from '../../../src-preload/contract'
import { AppError } from '../../../src-main/core/app-error'
import { wasMaybeProcessed } from '../../../src-main/krev/errors'
import type { CreateProductInput, KrevClient, KrevProduct } from '../../../src-main/krev/types'
import { inProcessMediaOps } from '../../../src-main/media-worker/in-process'
import { createImportService, type ImportService } from '../../../src-main/products/import/import-service'
import { productName } from '../../../src-main/products/import/name-pattern'
import { waitFor } from '../../support/wait-for'

/**
 * The batch import with a scripted client that holds every POST until the test lets it
 * go: duplicates by content hash (catalogue and batch), two uploads at a time with the
 * file streamed from its path, cancel one / all, retry, and the reasons of each skip.
 */

interface Pending {
  input: CreateProductInput
  signal: AbortSignal | undefined
  onSent: ((n: number) => void) | undefined
  resolve(p: KrevProduct): void
  reject(e: unknown): void
}

let dir: string
let photos: Record<string, string>
const mediaOps = inProcessMediaOps()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-import-'))
  photos = {}
  for (const [i, color] of ['#aa3322', '#22aa33', '#3322aa', '#aaaa22', '#22aaaa'].entries()) {
    const path = join(dir, `photo-${i + 1}.jpg`)
    await writeFile(path, await sharp({ create: { width: 48, height: 32, channels: 3, background: color } }).jpeg().toBuffer())
    photos[`p${i + 1}`] = path
  }
  photos.copy = join(dir, 'copy-of-1.jpg')
  await copyFile(photos.p1!, photos.copy)
  photos.text = join(dir, 'notes.jpg')
  await writeFile(photos.text, 'not a photo at all, just words\n')
})

afterEach(() => service?.dispose())

let service: ImportService
let pending: Pending[]
let started: number
let maxConcurrent: number
let batches: Map<string, ImportBatch>
let catalogueHashes: Map<string, { id: string; name: string }>
let remembered: [string, string][]
let created: number

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

function make(overrides: Partial<Parameters<typeof createImportService>[0]> = {}): ImportService {
  pending = []
  started = 0
  maxConcurrent = 0
  created = 0
  batches = new Map()
  catalogueHashes = new Map()
  remembered = []
  const client = {
    createProduct: (input: CreateProductInput, signal?: AbortSignal, onSent?: (n: number) => void) =>
      new Promise<KrevProduct>((resolve, reject) => {
        started++
        const entry: Pending = { input, signal, onSent, resolve, reject }
        pending.push(entry)
        maxConcurrent = Math.max(maxConcurrent, pending.length)
        signal?.addEventListener('abort', () => {
          pending = pending.filter((p) => p !== entry)
          reject(new AppError('cancelled', 'Cancelled.'))
        })
      })
  } as unknown as KrevClient
  return createImportService({
    stagingDir: join(dir, 'staging'),
    mode: () => 'sandbox',
    client: async () => client,
    accept: async (_m, p) => ({ id: p.id, name: p.name }) as Product,
    knownHash: async (_m, h) => catalogueHashes.get(h) ?? null,
    rememberHash: (_m, id, h) => void remembered.push([id, h]),
    mediaOps,
    emit: (b) => void batches.set(b.batchId, b),
    wasMaybeProcessed,
    ...overrides
  })
}

/** Lets the oldest waiting POST succeed, after reporting every byte sent. */
function finishOne(): void {
  const p = pending.shift()!
  const size = 'file' in p.input ? ('path' in p.input.file ? p.input.file.size : p.input.file.data.length) : 0
  p.onSent?.(size)
  created++
  p.resolve({ id: `00000000-0000-4000-8000-${String(created).padStart(12, '0')}`, name: 'Made', image_url: null, category: null, metadata: {}, created_at: '2026-01-01T00:00:00Z' })
}

const batchOf = (id: string) => batches.get(id)!
const statusOf = (id: string) => batchOf(id).entries.map((e) => e.status)

beforeEach(() => {
  service = make()
})

describe('product import', () => {
  it('skips a duplicate within the batch and one already in the catalogue, with the reason', async () => {
    catalogueHashes.set(await fileHash(photos.p3!), { id: 'known-1', name: 'Red bag' })
    const { batchId } = service.start({})
    await service.add(batchId, [photos.p1!, photos.copy!, photos.p2!, photos.p3!].map((path) => ({ kind: 'path' as const, path })))
    // Checks run ahead of the uploads: the copy (photo-1 holds its hash) and photo-3 (in the
    // catalogue) are both named while the first two are still uploading, not in their turn.
    await waitFor(() => pending.length === 2 && batchOf(batchId)?.skipped === 2)
    expect(batchOf(batchId).uploaded).toBe(0)
    finishOne()
    finishOne()
    await service.idle()
    await waitFor(() => !batchOf(batchId).active)
    const b = batchOf(batchId)
    expect(b).toMatchObject({ uploaded: 2, toUpload: 2, skipped: 2, failed: 0, active: false })
    // Both are checked at once: whichever claims the hash first is uploaded, the other names it.
    const twins = b.entries.filter((e) => e.fileName === 'copy-of-1.jpg' || e.fileName === 'photo-1.jpg')
    const skipped = twins.find((e) => e.status === 'skipped')!
    const kept = twins.find((e) => e.status === 'done')!
    expect(skipped).toMatchObject({ reason: 'duplicate', message: `The same photo as ${kept.fileName}, also in this import.` })
    expect(b.entries.find((e) => e.fileName === 'photo-3.jpg')).toMatchObject({ reason: 'duplicate', productId: 'known-1', message: 'Already in your catalogue as “Red bag”.' })
    // The new products' hashes are kept for the next batch.
    expect(remembered.map(([, h]) => h).sort()).toEqual([await fileHash(photos.p1!), await fileHash(photos.p2!)].sort())
  })

  it('uploads two at a time, each file streamed from its path with its percent', async () => {
    const { batchId } = service.start({ namePattern: 'Spring {n}', skipSegmentation: true })
    await service.add(batchId, ['p1', 'p2', 'p3', 'p4', 'p5'].map((k) => ({ kind: 'path' as const, path: photos[k]! })))
    await waitFor(() => pending.length === 2)
    // Whichever was checked first is sent first: the n of its name is its place in the list.
    const first = pending[0]!.input
    const path = 'file' in first && 'path' in first.file ? first.file.path : ''
    const at = ['p1', 'p2', 'p3', 'p4', 'p5'].findIndex((k) => photos[k] === path)
    expect(at).toBeGreaterThanOrEqual(0)
    expect(first).toMatchObject({ name: `Spring ${at + 1}`, skip_segmentation: true, file: { path, mimeType: 'image/jpeg' } })
    expect('file' in first && 'data' in first.file).toBe(false)
    const size = 'file' in first && 'path' in first.file ? first.file.size : 0
    pending[0]!.onSent!(Math.floor(size / 2))
    await waitFor(() => batchOf(batchId).entries[at]!.percent === 50)
    expect(batchOf(batchId).entries[at]!.status).toBe('uploading')
    while (created < 5) {
      await waitFor(() => pending.length > 0)
      finishOne()
    }
    await service.idle()
    expect(maxConcurrent).toBe(2)
    await waitFor(() => batchOf(batchId).uploaded === 5)
    expect(batchOf(batchId).entries.every((e) => e.percent === 100)).toBe(true)
  })

  it('cancels one waiting and one running file, then all; a retry uploads it', async () => {
    const { batchId } = service.start({})
    const keys = ['p1', 'p2', 'p3', 'p4']
    const { entryIds } = await service.add(batchId, keys.map((k) => ({ kind: 'path' as const, path: photos[k]! })))
    // Checked ahead of the uploads: two are being sent, two wait (which two is a matter of timing).
    await waitFor(() => pending.length === 2 && statusOf(batchId).filter((s) => s === 'queued').length === 2)
    const sentPath = (p: Pending) => ('file' in p.input && 'path' in p.input.file ? p.input.file.path : '')
    const running = entryIds[keys.findIndex((k) => photos[k] === sentPath(pending[0]!))]!
    const waiting = entryIds.filter((_, i) => statusOf(batchId)[i] === 'queued')
    service.cancel(batchId, running)
    service.cancel(batchId, waiting[1])
    await waitFor(() => pending.length === 2) // the other waiting one took the freed place
    service.cancel(batchId)
    await service.idle()
    await waitFor(() => !batchOf(batchId).active)
    expect(statusOf(batchId)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled'])
    expect(started).toBe(3)

    const retried = entryIds.indexOf(waiting[1]!)
    service.retry(batchId, waiting[1]!)
    await waitFor(() => pending.length === 1)
    finishOne()
    await service.idle()
    await waitFor(() => batchOf(batchId).entries[retried]!.status === 'done')
    expect(batchOf(batchId)).toMatchObject({ uploaded: 1, toUpload: 1 })
  })

  it('a failed upload can be retried; a text file named .jpg is skipped as not a photo', async () => {
    const { batchId } = service.start({})
    const { entryIds } = await service.add(batchId, [photos.p1!, photos.text!].map((path) => ({ kind: 'path' as const, path })))
    await waitFor(() => pending.length === 1)
    pending.shift()!.reject(new AppError('server_error', 'Krev had a problem. Try again.', { status: 500 }))
    await service.idle()
    await waitFor(() => batchOf(batchId).failed === 1)
    expect(batchOf(batchId).entries[0]).toMatchObject({ status: 'failed', reason: 'upload_failed', retryable: true })
    expect(batchOf(batchId).entries[1]).toMatchObject({ status: 'skipped', reason: 'not_a_photo', retryable: false })
    expect(() => service.retry(batchId, entryIds[1]!)).toThrow(/failed or was cancelled/)

    service.retry(batchId, entryIds[0]!)
    await waitFor(() => pending.length === 1)
    finishOne()
    await service.idle()
    await waitFor(() => batchOf(batchId).entries[0]!.status === 'done')
  })

  it('stages bytes sent by the page and skips what the page already refused', async () => {
    const data = (await import('node:fs/promises')).readFile
    const bytes = await data(photos.p5!)
    const { batchId } = service.start({ namePattern: '{file}' })
    await service.add(batchId, [
      { kind: 'file', fileName: 'sub/bag.jpg', mimeType: 'image/jpeg', dataBase64: bytes.toString('base64') },
      { kind: 'refused', fileName: 'readme.txt', reason: 'not_a_photo', message: 'Only JPG, PNG and WebP photos can be added.' }
    ])
    await waitFor(() => pending.length === 1)
    expect(pending[0]!.input).toMatchObject({ name: 'bag', file: { fileName: 'bag.jpg' } })
    finishOne()
    await service.idle()
    await waitFor(() => batchOf(batchId).uploaded === 1)
    expect(batchOf(batchId).entries[1]).toMatchObject({ status: 'skipped', reason: 'not_a_photo' })
    expect(batchOf(batchId).entries[0]!.contentHash).toBe(sha(bytes))
  })
})

describe('product import by link', () => {
  it('sends the link for Krev to fetch, and refuses one that names a type Krev refuses', async () => {
    const { batchId } = service.start({ namePattern: '{file}' })
    await service.add(batchId, [
      { kind: 'url', url: 'https://shop.example/img/red-bag.webp' },
      { kind: 'url', url: 'https://shop.example/logo.svg' }
    ])
    await waitFor(() => pending.length === 1 && batchOf(batchId)?.skipped === 1)
    expect(pending[0]!.input).toEqual({ image_url: 'https://shop.example/img/red-bag.webp', name: 'red-bag' })
    finishOne()
    await service.idle()
    await waitFor(() => !batchOf(batchId).active)
    expect(batchOf(batchId).entries.map((e) => [e.fileName, e.status, e.reason])).toEqual([
      ['red-bag.webp', 'done', null],
      ['logo.svg', 'skipped', 'not_a_photo']
    ])
  })
})

describe('name pattern', () => {
  it('fills {file} and {n}, and leaves naming to Krev when empty', () => {
    expect(productName('Spring {n}', { fileName: 'a/b.jpg', index: 2 })).toBe('Spring 3')
    expect(productName('{file} ({n})', { fileName: 'Summer/bag.final.png', index: 0 })).toBe('bag.final (1)')
    expect(productName('  ', { fileName: 'x.jpg', index: 0 })).toBeUndefined()
    expect(productName('x'.repeat(300), { fileName: 'x.jpg', index: 0 })).toHaveLength(200)
  })
})

async function fileHash(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises')
  return sha(await readFile(path))
}

void mkdir
void rm
