import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LegacyAsset } from '../../../src-main/library/legacy-assets-json'
import { importLegacyLibrary } from '../../../src-main/library/legacy-import'
import { createLibraryFolders } from '../../../src-main/library/library-folder'
import { createLibraryIndex } from '../../../src-main/library/library-index'
import { createMediaStore } from '../../../src-main/media/media-store'
import { openStudioTestDatabase } from '../db/studio-test-database'
import { openTestLibrary, sandboxLibraryDir } from './open-library'
import { tempDirs } from '../../support/temp-dirs'

/** The JSON library of earlier versions moves into the database and the Library folder, losing nothing. */

let dir: string
let png: Buffer
beforeAll(async () => {
  png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#aa3300' } }).png().toBuffer()
})
const newDir = tempDirs('krev-import-')
beforeEach(async () => {
  dir = await newDir()
})

const legacy = (n: number, over: Partial<LegacyAsset> = {}): LegacyAsset => ({
  id: `old${n}`,
  kind: 'image',
  jobId: `job${n}`,
  generationId: null,
  prompt: `Old prompt ${n}`,
  productIds: [],
  aspectRatio: '2:1',
  width: 20,
  height: 10,
  durationSec: null,
  bytes: png.length,
  mimeType: 'image/png',
  favorite: n % 2 === 0,
  rating: n % 6,
  tags: n % 3 === 0 ? ['kept'] : [],
  adCopy: null,
  createdAt: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
  thumbVariant: 'thumb',
  ...over
})

/** Today's on-disk format, as asset-store.ts wrote it: one assets.json and the media by id. */
async function writeOldLibrary(count: number, missing: number[] = []): Promise<LegacyAsset[]> {
  const assets = Array.from({ length: count }, (_, i) => legacy(i))
  const media = join(dir, 'media', 'sandbox', 'library')
  await mkdir(media, { recursive: true })
  for (const a of assets) {
    if (!missing.includes(Number(a.id.slice(3)))) await writeFile(join(media, `${a.id}.original.png`), png)
    await writeFile(join(media, `${a.id}.thumb.webp`), png)
  }
  await mkdir(join(dir, 'library', 'sandbox'), { recursive: true })
  await writeFile(join(dir, 'library', 'sandbox', 'assets.json'), JSON.stringify({ format: 1, assets: [...assets, { id: 'broken record' }] }))
  return assets
}

const oldFiles = () => readdirSync(join(dir, 'library', 'sandbox'))

describe('import of the JSON library', () => {
  it('moves every record and file into the index and the Library folder, then keeps the JSON aside', async () => {
    const assets = await writeOldLibrary(30)
    const lib = openTestLibrary(dir)
    const listed = (await lib.list({ sort: 'oldest', limit: 100 })).items
    expect(listed.map((a) => a.id)).toEqual(assets.map((a) => a.id))
    for (const a of assets) {
      expect(listed.find((x) => x.id === a.id)).toMatchObject({ prompt: a.prompt, favorite: a.favorite, rating: a.rating, tags: a.tags, createdAt: a.createdAt })
    }
    expect(oldFiles()).toEqual([expect.stringMatching(/^assets\.json\.imported-\d+$/)])
    // Originals moved to readable names with sidecars; thumbnails stay in the cache.
    expect(readdirSync(join(dir, 'media', 'sandbox', 'library')).filter((n) => n.includes('.original.'))).toEqual([])
    const jan = readdirSync(join(sandboxLibraryDir(dir), '2026-01'))
    expect(jan.filter((n) => n.endsWith('.png'))).toHaveLength(30)
    expect(jan.filter((n) => n.endsWith('.krev.json'))).toHaveLength(30)
    expect((await lib.list({ sort: 'newest', limit: 10, search: 'kept' })).total).toBe(10)
    lib.close()
  })

  it('a crash mid-import runs it again at the next start: nothing lost, nothing twice, JSON kept until then', async () => {
    const assets = await writeOldLibrary(250)
    const opened = openStudioTestDatabase(dir)
    const ctx = {
      dataDir: dir,
      folders: createLibraryFolders(dir, () => join(dir, 'Library')),
      index: createLibraryIndex(opened.db),
      media: createMediaStore(dir),
      appVersion: '0.1.0'
    }
    let placed = 0
    const crash = () => {
      if (++placed === 221) throw new Error('power cut')
    }
    await expect(importLegacyLibrary({ ...ctx, afterPlaced: crash }, 'sandbox')).rejects.toThrow('power cut')
    // One batch of 200 was committed before the crash; the JSON is still where it was.
    expect(ctx.index.count('sandbox')).toBe(200)
    expect(oldFiles()).toEqual(['assets.json'])
    opened.db.close()

    const lib = openTestLibrary(dir)
    const ids = new Set<string>()
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof lib.list>> = await lib.list({ sort: 'newest', limit: 200, ...(cursor ? { cursor } : {}) })
      for (const a of page.items) ids.add(a.id)
      cursor = page.nextCursor
    } while (cursor)
    expect([...ids].sort()).toEqual(assets.map((a) => a.id).sort())
    expect(oldFiles()).toEqual([expect.stringMatching(/^assets\.json\.imported-\d+$/)])
    lib.close()
  }, 30_000)

  it('a record whose file was already gone is counted, not invented; the JSON is still kept aside', async () => {
    await writeOldLibrary(5, [2])
    const lib = openTestLibrary(dir)
    expect((await lib.list({ sort: 'newest', limit: 10 })).items.map((a) => a.id).sort()).toEqual(['old0', 'old1', 'old3', 'old4'])
    const kept = oldFiles()[0] as string
    expect(JSON.parse(readFileSync(join(dir, 'library', 'sandbox', kept), 'utf8')).assets).toHaveLength(6)
    lib.close()
  })

  it('a damaged JSON file is kept aside with a notice, and the library still opens', async () => {
    await mkdir(join(dir, 'library', 'sandbox'), { recursive: true })
    await writeFile(join(dir, 'library', 'sandbox', 'assets.json'), '{"format":1,"assets":[')
    const notices: string[] = []
    const lib = openTestLibrary(dir, { emitNotice: (n) => void notices.push(n.message) })
    expect((await lib.list({ sort: 'newest', limit: 10 })).total).toBe(0)
    expect(notices).toEqual([expect.stringMatching(/damaged/)])
    expect(oldFiles()).toEqual([expect.stringMatching(/^assets\.json\.damaged-\d+$/)])
    expect(existsSync(join(dir, 'library', 'sandbox', 'assets.json'))).toBe(false)
    lib.close()
  })
})
