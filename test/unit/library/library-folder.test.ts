import { cpSync, existsSync, readdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Asset, EventPayload } from '../../../src-preload/contract'
import type { NewAsset } from '../../../src-main/library/library-service'
import { newAsset } from './new-asset'
import { createMediaStore } from '../../../src-main/media/media-store'
import { serveMedia } from '../../../src-main/media/serve-media'
import { withLibraryMedia } from '../../../src-main/library/library-media'
import { openTestLibrary, sandboxLibraryDir } from './open-library'
import { tempDirs } from '../../support/temp-dirs'

/** The Library folder is the library: copied elsewhere it rebuilds the same; changes made outside are noticed. */

let dir: string
let png: Buffer
beforeAll(async () => {
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer()
})
const newDir = tempDirs('krev-libfolder-')
beforeEach(async () => {
  dir = await newDir()
})

const input = (id: string, over: Partial<NewAsset> = {}): NewAsset =>
  newAsset(id, {
    jobId: `job_${id}`,
    generationId: `gen_${id}`,
    prompt: `Prompt of ${id}`,
    productIds: ['p1'],
    productNames: ['Tan bag'],
    aspectRatio: '4:3',
    request: { kind: 'image', params: { prompt: `Prompt of ${id}`, aspectRatio: '4:3' } },
    credits: 4,
    ...over
  })
const all = async (lib: ReturnType<typeof openTestLibrary>) => (await lib.list({ sort: 'newest', limit: 200 })).items
const summary = (items: Asset[]) =>
  items.map((a) => ({ id: a.id, prompt: a.prompt, favorite: a.favorite, rating: a.rating, tags: a.tags, productIds: a.productIds, kind: a.kind, createdAt: a.createdAt }))

async function fillLibrary(dataDir: string) {
  const lib = openTestLibrary(dataDir, { mode: () => 'krev' })
  await lib.add('krev', input('a1', { createdAt: '2026-03-01T10:00:00.000Z' }), png)
  await lib.add('krev', input('a2', { createdAt: '2026-04-02T10:00:00.000Z', kind: 'ad', adCopy: { styleName: 's', hook: 'h', headline: 'Big tote', bodyCopy: 'b', cta: 'c' } }), png)
  await lib.add('krev', input('a3', { createdAt: '2026-04-03T10:00:00.000Z' }), png)
  await lib.update({ ids: ['a1'], favorite: true, rating: 4, tags: ['hero', 'summer'] })
  await lib.update({ ids: ['a3'], tags: ['draft'] })
  await lib.idle()
  return lib
}

describe('library folder', () => {
  it('lays out month folders with readable names and a sidecar holding the request, products and credits', async () => {
    const lib = await fillLibrary(dir)
    const root = join(dir, 'Library')
    expect(readdirSync(root).sort()).toEqual(['2026-03', '2026-04'])
    expect(readdirSync(join(root, '2026-03')).sort()).toEqual(['2026-03-01 - Tan bag - Prompt of a1 - a1.krev.json', '2026-03-01 - Tan bag - Prompt of a1 - a1.png'])
    const sidecar = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(root, '2026-03', '2026-03-01 - Tan bag - Prompt of a1 - a1.krev.json'), 'utf8')))
    expect(sidecar).toMatchObject({
      format: 'krev-studio/asset',
      version: 1,
      id: 'a1',
      file: '2026-03-01 - Tan bag - Prompt of a1 - a1.png',
      request: { params: { aspectRatio: '4:3' } },
      products: [{ id: 'p1', name: 'Tan bag' }],
      jobId: 'job_a1',
      generationId: 'gen_a1',
      credits: 4,
      favorite: true,
      rating: 4,
      tags: ['hero', 'summer']
    })
    lib.close()
  })

  it('a folder copied elsewhere with the index deleted rebuilds into the same library', async () => {
    const lib = await fillLibrary(dir)
    const before = summary(await all(lib))
    lib.close()
    const elsewhere = await mkdtemp(join(tmpdir(), 'krev-moved-'))
    try {
      cpSync(join(dir, 'Library'), join(elsewhere, 'Pictures'), { recursive: true })
      const progress: EventPayload<'library.rebuildProgress'>[] = []
      const moved = openTestLibrary(elsewhere, { mode: () => 'krev', libraryDir: () => join(elsewhere, 'Pictures'), emitRebuildProgress: (p) => void progress.push(p) })
      expect(await moved.rebuild()).toEqual({ indexed: 3, removed: 0, total: 3 })
      expect(progress.at(-1)).toEqual({ done: 3, total: 3, phase: 'done' })
      expect(summary(await all(moved))).toEqual(before)
      expect((await moved.list({ sort: 'newest', limit: 10, search: 'tote' })).items.map((a) => a.id)).toEqual(['a2'])
      expect((await moved.list({ sort: 'newest', limit: 10, productId: 'p1' })).total).toBe(3)
      // The thumbnail cache did not travel: it is made again from the original when first asked for.
      const served = await serveMedia(withLibraryMedia(createMediaStore(elsewhere), moved.resolveMedia), { pathname: '/krev/library/a1/thumb' })
      expect(served.status).toBe(200)
      expect(served.headers['Content-Type']).toBe('image/webp')
      moved.close()
    } finally {
      await rm(elsewhere, { recursive: true, force: true })
    }
  })

  it('a first visit to an empty index finds a library already in the folder, no rebuild needed', async () => {
    ;(await fillLibrary(dir)).close()
    for (const f of readdirSync(dir).filter((n) => n.startsWith('studio.sqlite3'))) rmSync(join(dir, f))
    const fresh = openTestLibrary(dir, { mode: () => 'krev' })
    expect((await all(fresh)).map((a) => a.id).sort()).toEqual(['a1', 'a2', 'a3'])
    expect((await fresh.get('a1')).tags).toEqual(['hero', 'summer'])
    fresh.close()
  })

  it('files deleted or added outside the app are noticed on the next visit', async () => {
    const lib = await fillLibrary(dir)
    const april = join(dir, 'Library', '2026-04')
    for (const n of readdirSync(april).filter((n) => n.includes(' - a3.'))) rmSync(join(april, n))
    await mkdir(join(dir, 'Library', 'From my phone'))
    await writeFile(join(dir, 'Library', 'From my phone', 'IMG_0001.png'), png)
    // Folder mtimes have a resolution; make the change visible whatever the file system's is.
    utimesSync(april, new Date(), new Date(Date.now() + 5000))
    const again = openTestLibrary(dir, { mode: () => 'krev', folderCheckMs: 0 })
    const items = await all(again)
    expect(items.map((a) => a.id)).not.toContain('a3')
    const phone = items.find((a) => a.prompt === 'IMG_0001')
    expect(phone).toMatchObject({ kind: 'image', width: 40, height: 30, mimeType: 'image/png' })
    // Its id comes from its path: the same on every visit and every rebuild.
    expect((await again.rebuild()).total).toBe(3)
    expect((await all(again)).find((a) => a.prompt === 'IMG_0001')?.id).toBe(phone?.id)
    lib.close()
    again.close()
  })

  it('a Library folder that is not there (an unplugged drive) empties nothing', async () => {
    const lib = await fillLibrary(dir)
    renameSync(join(dir, 'Library'), join(dir, 'Unplugged'))
    const again = openTestLibrary(dir, { mode: () => 'krev', folderCheckMs: 0 })
    expect(await all(again)).toHaveLength(3)
    await expect(again.rebuild()).rejects.toMatchObject({ code: 'not_found' })
    lib.close()
    again.close()
  })

  it('a damaged database is moved aside and the library rebuilt from the sidecars, with a notice', async () => {
    ;(await fillLibrary(dir)).close()
    for (const f of readdirSync(dir).filter((n) => n.startsWith('studio.sqlite3'))) rmSync(join(dir, f))
    writeFileSync(join(dir, 'studio.sqlite3'), 'this is not a database, it was damaged'.repeat(200))
    const notices: EventPayload<'app.notice'>[] = []
    const lib = openTestLibrary(dir, { mode: () => 'krev', emitNotice: (n) => void notices.push(n) })
    expect(summary(await all(lib)).find((a) => a.id === 'a1')).toMatchObject({ favorite: true, rating: 4, tags: ['hero', 'summer'] })
    expect(notices).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/damaged.*rebuilt.*\(3 found\)/) })])
    expect(lib.startupNotices()).toEqual(notices)
    expect(readdirSync(dir).some((n) => n.startsWith('studio.sqlite3.damaged-'))).toBe(true)
    lib.close()
  })

  it('serves originals through the index only: symlinks and paths outside the folder are refused', async () => {
    const lib = await fillLibrary(dir)
    const store = withLibraryMedia(createMediaStore(dir), lib.resolveMedia)
    expect((await serveMedia(store, { pathname: '/krev/library/a1/original' })).status).toBe(200)
    expect((await serveMedia(store, { pathname: '/sandbox/library/a1/original' })).status).toBe(404)
    expect((await serveMedia(store, { pathname: '/krev/library/nope/original' })).status).toBe(404)
    const march = join(dir, 'Library', '2026-03')
    const file = readdirSync(march).find((n) => n.endsWith('.png')) as string
    rmSync(join(march, file))
    writeFileSync(join(dir, 'secret.png'), png)
    symlinkSync(join(dir, 'secret.png'), join(march, file))
    expect((await serveMedia(store, { pathname: '/krev/library/a1/original' })).status).toBe(404)
    lib.db.prepare("UPDATE assets SET file_path = '../secret.png' WHERE id = 'a2'").run()
    expect((await serveMedia(store, { pathname: '/krev/library/a2/original' })).status).toBe(404)
    lib.close()
  })

  it('stage puts files in place without indexing; commitStaged runs inside a caller’s transaction', async () => {
    const added: Asset[] = []
    const lib = openTestLibrary(dir, { emitAdded: (a) => void added.push(a) })
    const staged = await lib.stage('sandbox', input('s1'), png)
    expect(await lib.has('sandbox', 's1')).toBe(false)
    expect(readdirSync(join(sandboxLibraryDir(dir), '2026-03'))).toHaveLength(2)
    // A rollback of the caller's transaction takes the insert with it.
    expect(() =>
      lib.db.transaction(() => {
        lib.commitStaged([staged])
        throw new Error('the job update failed')
      })()
    ).toThrow('the job update failed')
    expect(await lib.has('sandbox', 's1')).toBe(false)
    const assets = lib.db.transaction(() => lib.commitStaged([staged]))()
    expect(added).toEqual([])
    lib.announce(assets)
    expect(added.map((a) => a.id)).toEqual(['s1'])
    expect(await lib.has('sandbox', 's1')).toBe(true)
    lib.close()
  })

  it('a staged asset never committed (a crash) is found by the next folder check', async () => {
    const lib = openTestLibrary(dir)
    await lib.stage('sandbox', input('s2'), png)
    lib.close()
    const again = openTestLibrary(dir)
    expect((await all(again)).map((a) => a.id)).toEqual(['s2'])
    expect(await again.get('s2')).toMatchObject({ id: 's2', prompt: 'Prompt of s2', width: 40, height: 30 })
    again.close()
  })

  it('the staging folder is on the Library folder’s disk, and only stale partial downloads are swept at start', async () => {
    const lib = openTestLibrary(dir, { mode: () => 'krev' })
    const staging = lib.stagingDir('krev')
    expect(staging.startsWith(join(dir, 'Library'))).toBe(true)
    expect(lib.stagingDir('sandbox').startsWith(sandboxLibraryDir(dir))).toBe(true)
    await mkdir(staging, { recursive: true })
    writeFileSync(join(staging, 'old.part'), 'x')
    writeFileSync(join(staging, 'fresh.part'), 'x')
    const old = new Date(Date.now() - 7 * 24 * 3600_000)
    utimesSync(join(staging, 'old.part'), old, old)
    lib.close()
    const again = openTestLibrary(dir, { mode: () => 'krev' })
    await again.idle()
    expect(readdirSync(staging)).toEqual(['fresh.part'])
    // Partial downloads are never mistaken for library files.
    expect(await all(again)).toEqual([])
    expect(existsSync(join(staging, 'fresh.part'))).toBe(true)
    again.close()
  })
})

describe('library folder after a kill', () => {
  it('the same asset staged again (its job resumed) replaces the uncommitted file instead of doubling it', async () => {
    const lib = openTestLibrary(dir)
    await lib.stage('sandbox', input('k1'), png)
    await lib.add('sandbox', input('k1'), png)
    expect(readdirSync(join(sandboxLibraryDir(dir), '2026-03')).sort()).toEqual(['2026-03-01 - Tan bag - Prompt of k1 - k1.krev.json', '2026-03-01 - Tan bag - Prompt of k1 - k1.png'])
    lib.close()
  })
})

describe('library folder housekeeping', () => {
  it('a stale temp file of an interrupted write is removed by the folder check; a fresh one is left alone', async () => {
    const lib = await fillLibrary(dir)
    const march = join(dir, 'Library', '2026-03')
    writeFileSync(join(march, '.old.png.abc123.tmp'), 'x')
    writeFileSync(join(march, '.new.png.def456.tmp'), 'x')
    const old = new Date(Date.now() - 2 * 3600_000)
    utimesSync(join(march, '.old.png.abc123.tmp'), old, old)
    expect((await lib.rebuild()).total).toBe(3)
    expect(readdirSync(march).filter((n) => n.endsWith('.tmp'))).toEqual(['.new.png.def456.tmp'])
    lib.close()
  })
})
