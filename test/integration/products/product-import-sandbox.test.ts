import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Connection, ImportBatch } from '../../../src-preload/contract'
import { silentLogger } from '../../../src-main/core/logger'
import { createKrevClient } from '../../../src-main/krev/client'
import { EventBus } from '../../../src-main/ipc/event-bus'
import { createMediaStore } from '../../../src-main/media/media-store'
import { mediaUrlFactory } from '../../../src-main/media/media-url'
import { createProductsFeature, type ProductsFeature } from '../../../src-main/products/create-products'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox'
import { waitFor } from '../../support/wait-for'

/**
 * The import as the studio wires it (create-products.ts) against the real sandbox over
 * real HTTP: files streamed from disk as multipart, checked events on the bus, the
 * content hashes kept in the database (migration 009) so a later batch — even after a
 * restart of the feature — skips the same photos as already in the catalogue.
 */

const KEY = `sk_live_${'I'.repeat(16)}${'8'.repeat(16)}`
let dataDir: string
let sandboxDir: string
let photosDir: string
let sb: SandboxHandle
const features: ProductsFeature[] = []
const batches = new Map<string, ImportBatch>()

function feature(): ProductsFeature {
  const bus = new EventBus((name, issue) => {
    throw new Error(`invalid event ${name}: ${issue}`)
  })
  bus.subscribe((name, payload) => {
    if (name === 'products.importChanged') batches.set((payload as ImportBatch).batchId, payload as ImportBatch)
  })
  const client = createKrevClient({ baseUrl: sb.baseUrl, getKey: () => sb.key, trustedMediaOrigins: [new URL(sb.baseUrl).origin] })
  const f = createProductsFeature({
    dataDir,
    connection: { mode: () => 'sandbox', client: async () => client, onChange: (_l: (s: Connection) => void) => () => undefined, reportOnline: () => undefined },
    media: createMediaStore(dataDir),
    mediaUrl: mediaUrlFactory('krev-media://media'),
    bus,
    logger: silentLogger
  })
  features.push(f)
  return f
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'krev-import-it-'))
  sandboxDir = await mkdtemp(join(tmpdir(), 'krev-import-sb-'))
  photosDir = await mkdtemp(join(tmpdir(), 'krev-import-photos-'))
  sb = await startSandbox({ port: 0, speed: 50, dataDir: sandboxDir, key: KEY, ffmpegPath: null })
  for (const [i, color] of ['#884422', '#224488', '#448822'].entries()) {
    await writeFile(join(photosDir, `p${i}.jpg`), await sharp({ create: { width: 640, height: 480, channels: 3, background: color } }).jpeg().toBuffer())
  }
  await copyFile(join(photosDir, 'p0.jpg'), join(photosDir, 'again.jpg'))
})

afterAll(async () => {
  for (const f of features) f.dispose()
  await sb?.close()
  for (const d of [dataDir, sandboxDir, photosDir]) await rm(d, { recursive: true, force: true })
})

describe('importing products into the sandbox', () => {
  it('uploads the files streamed from disk and remembers their hashes across a restart', async () => {
    const first = feature()
    const { batchId } = first.imports.start({ namePattern: 'Spring {n}' })
    await first.imports.add(batchId, ['p0', 'p1', 'p2', 'again'].map((n) => ({ kind: 'path' as const, path: join(photosDir, `${n}.jpg`) })))
    await waitFor(() => batches.get(batchId)?.active === false, { timeoutMs: 30_000 })
    const b = batches.get(batchId)!
    expect(b).toMatchObject({ uploaded: 3, toUpload: 3, skipped: 1, failed: 0 })
    const { items } = await first.service.list()
    expect(items.map((p) => p.name).sort()).toEqual(expect.arrayContaining(['Spring 1']))
    expect(items).toHaveLength(3)

    // A new feature on the same data (a restart): the same photos are already in the catalogue.
    first.dispose()
    const second = feature()
    const again = second.imports.start({})
    await second.imports.add(again.batchId, [{ kind: 'path', path: join(photosDir, 'p1.jpg') }])
    await waitFor(() => batches.get(again.batchId)?.active === false, { timeoutMs: 30_000 })
    expect(batches.get(again.batchId)!.entries[0]).toMatchObject({ status: 'skipped', reason: 'duplicate', message: expect.stringMatching(/^Already in your catalogue as “Spring \d”\.$/) })
    expect((await second.service.list()).items).toHaveLength(3)
  })
})
