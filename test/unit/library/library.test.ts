import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Asset } from '../../../src-preload/contract'
import { exportName } from '../../../src-main/library/export-names'
import type { LibraryService } from '../../../src-main/library/library-service'
import { newAsset } from './new-asset'
import { openTestLibrary, sandboxLibraryDir } from './open-library'

/** Browsing, editing, deleting, revealing and exporting the library; records survive a restart. */

let dir: string
let exportDir: string
let lib: LibraryService
let added: Asset[]
let changed: string[][]
let revealed: string[]
let folder: string | null
let png: Buffer

const P1 = 'a0000000-0000-4000-8000-000000000001'

function open(): LibraryService {
  return openTestLibrary(dir, {
    host: { reveal: (p) => void revealed.push(p), chooseExportFolder: async () => folder },
    emitAdded: (a) => void added.push(a),
    emitChanged: (ids) => void changed.push(ids)
  })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-lib-'))
  exportDir = await mkdtemp(join(tmpdir(), 'krev-export-'))
  added = []
  changed = []
  revealed = []
  folder = exportDir
  png = await sharp({ create: { width: 800, height: 1200, channels: 3, background: '#884422' } }).png().toBuffer()
  lib = open()
  await lib.add('sandbox', newAsset('a1', { prompt: 'Red sneakers', createdAt: '2026-03-01T10:00:01.000Z', productIds: [P1] }), png)
  await lib.add('sandbox', newAsset('a2', { prompt: 'Blue bag', createdAt: '2026-03-01T10:00:02.000Z' }), png)
  await lib.add('sandbox', newAsset('a3', { kind: 'ad', prompt: 'Protein bar', createdAt: '2026-03-01T10:00:03.000Z' }), png)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(exportDir, { recursive: true, force: true })
})

const ids = (items: Asset[]) => items.map((a) => a.id)

describe('library', () => {
  it('looks many ids up at once, in the order asked, leaving out the missing', async () => {
    expect(ids(await lib.getMany(['a3', 'nope', 'a1']))).toEqual(['a3', 'a1'])
    expect(await lib.getMany(['gone'])).toEqual([])
  })

  it('takes a finished file as the media and owns it afterwards, whatever the outcome', async () => {
    const file = join(dir, 'download.part')
    await writeFile(file, png)
    const asset = await lib.add('sandbox', newAsset('a4'), { file })
    expect(asset).toMatchObject({ id: 'a4', width: 800, height: 1200 })
    expect(existsSync(file)).toBe(false)
    const bad = join(dir, 'bad.part')
    await writeFile(bad, 'not an image')
    await expect(lib.add('sandbox', newAsset('a5'), { file: bad })).rejects.toThrow()
    expect(existsSync(bad)).toBe(false)
    expect(await lib.has('sandbox', 'a5')).toBe(false)
  })

  it('adds with a 512 px WebP thumbnail and local URLs', async () => {
    expect(added.map((a) => a.id)).toEqual(['a1', 'a2', 'a3'])
    expect(added[0]).toMatchObject({ width: 800, height: 1200, mimeType: 'image/png', mediaUrl: '/__krev/media/sandbox/library/a1/original', thumbUrl: '/__krev/media/sandbox/library/a1/thumb' })
    const thumb = join(dir, 'media', 'sandbox', 'library', 'a1.thumb.webp')
    expect(await sharp(thumb).metadata()).toMatchObject({ format: 'webp', width: 341, height: 512 })
  })

  it('lists with kind, product, favorite and search filters, sorts, and pages by cursor', async () => {
    const q = { sort: 'newest' as const, limit: 60 }
    expect(ids((await lib.list(q)).items)).toEqual(['a3', 'a2', 'a1'])
    expect(ids((await lib.list({ ...q, sort: 'oldest' })).items)).toEqual(['a1', 'a2', 'a3'])
    expect(ids((await lib.list({ ...q, kind: 'ad' })).items)).toEqual(['a3'])
    expect(ids((await lib.list({ ...q, productId: P1 })).items)).toEqual(['a1'])
    expect(ids((await lib.list({ ...q, search: 'BAG' })).items)).toEqual(['a2'])
    await lib.update({ ids: ['a1'], favorite: true, rating: 5, tags: ['summer', 'summer', ' hero '] })
    expect(ids((await lib.list({ ...q, favorite: true })).items)).toEqual(['a1'])
    expect(ids((await lib.list({ ...q, search: 'hero' })).items)).toEqual(['a1'])
    expect(ids((await lib.list({ ...q, sort: 'rating' })).items)[0]).toBe('a1')
    const first = await lib.list({ ...q, limit: 2 })
    expect(first).toMatchObject({ total: 3, nextCursor: expect.any(String) })
    const second = await lib.list({ ...q, limit: 2, cursor: first.nextCursor as string })
    expect(second).toMatchObject({ nextCursor: null })
    expect(ids(second.items)).toEqual(['a1'])
    await expect(lib.list({ ...q, cursor: '../x' })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('updates persist across a restart and are announced', async () => {
    const out = await lib.update({ ids: ['a2'], favorite: true, rating: 3, tags: ['x'] })
    expect(out.items[0]).toMatchObject({ favorite: true, rating: 3, tags: ['x'] })
    expect(changed).toContainEqual(['a2'])
    const again = open()
    expect(await again.get('a2')).toMatchObject({ favorite: true, rating: 3, tags: ['x'] })
    // The sidecar beside the file carries the edit too (written just after the index answers).
    await lib.idle()
    const month = join(sandboxLibraryDir(dir), '2026-03')
    const sidecar = readdirSync(month).find((n) => n.includes('Blue bag') && n.endsWith('.krev.json')) as string
    expect(JSON.parse(readFileSync(join(month, sidecar), 'utf8'))).toMatchObject({ id: 'a2', favorite: true, rating: 3, tags: ['x'] })
  })

  it('delete moves the files to the trash and removes the record', async () => {
    const month = join(sandboxLibraryDir(dir), '2026-03')
    expect(readdirSync(month).filter((n) => n.endsWith(' - a1.png') || n.endsWith(' - a1.krev.json'))).toHaveLength(2)
    expect(await lib.remove(['a1', 'nope'])).toEqual({ deleted: 1, failed: [], trash: 'folder' })
    expect(readdirSync(month).filter((n) => n.includes(' - a1.'))).toEqual([])
    expect(existsSync(join(dir, 'media', 'sandbox', 'library', 'a1.thumb.webp'))).toBe(false)
    await expect(lib.get('a1')).rejects.toMatchObject({ code: 'not_found' })
    expect(changed).toContainEqual(['a1'])
  })

  it('reveal hands the host the real file inside the library', async () => {
    expect(await lib.reveal('a2')).toEqual({ revealed: true })
    expect(revealed[0]).toMatch(/sandbox[\\/]library[\\/]2026-03[\\/]2026-03-01 - Blue bag - a2\.png$/)
  })

  it('export copies with safe names and never overwrites', async () => {
    await writeFile(join(exportDir, exportName({ ...newAsset('a1', { prompt: 'Red sneakers', createdAt: '2026-03-01T10:00:01.000Z' }), mimeType: 'image/png' }, 'png')), 'mine')
    expect(await lib.exportAssets(['a1', 'a2'])).toEqual({ exported: 2, folder: exportDir })
    const names = readdirSync(exportDir).sort()
    expect(names).toEqual(['krev-image-2026-03-01-blue-bag-a2.png', 'krev-image-2026-03-01-red-sneakers-a1 (2).png', 'krev-image-2026-03-01-red-sneakers-a1.png'])
    expect(readFileSync(join(exportDir, 'krev-image-2026-03-01-red-sneakers-a1.png'), 'utf8')).toBe('mine')
    folder = null
    expect(await lib.exportAssets(['a1'])).toEqual({ exported: 0, folder: null })
  })

  it('export creates a Library folder that does not exist yet', async () => {
    folder = join(exportDir, 'not', 'yet')
    expect(await lib.exportAssets(['a2'])).toEqual({ exported: 1, folder })
    expect(readdirSync(folder)).toEqual(['krev-image-2026-03-01-blue-bag-a2.png'])
  })

  it('export names carry nothing from outside: no ../, drive letters or device names', () => {
    const name = exportName({ ...newAsset('a9', { prompt: '../../C:\\CON.png\u0000 <script>' }), mimeType: 'image/png' })
    expect(name).toMatch(/^krev-image-2026-03-01-[a-z0-9-]+\.png$/)
    expect(name).not.toMatch(/\.\.|[\\/:]/)
  })
})
