import { mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMediaStore, toMediaId, type MediaRef, type MediaStore } from '../../../src-main/media/media-store'
import { mediaUrlFactory, parseMediaPath } from '../../../src-main/media/media-url'

/** Every path the media store touches is built from validated ids and stays inside its root. */

const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b'
let dir: string
let store: MediaStore
const ref = (over: Partial<MediaRef> = {}): MediaRef => ({ mode: 'sandbox', area: 'products', id: ID, variant: 'thumb', ...over })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-media-'))
  store = createMediaStore(dir)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const HOSTILE_IDS = [
  '../x',
  '..',
  '.',
  '%2e%2e%2f',
  '..%2f..%2fetc',
  'C:\\Windows',
  'c:',
  'CON',
  'con',
  'nul',
  'com1',
  'lpt9',
  'a\0b',
  'a/b',
  'a\\b',
  'a.b',
  'x ',
  ' x',
  '.hidden',
  '-rf',
  'UPPER',
  '',
  'é',
  'a'.repeat(129)
]

describe('media store paths', () => {
  it('lays files out as media/<mode>/<area>/<id>.<variant>.<ext>', () => {
    expect(store.pathFor(ref(), 'webp')).toBe(join(dir, 'media', 'sandbox', 'products', `${ID}.thumb.webp`))
    expect(store.pathFor(ref({ mode: 'krev', variant: 'image' }), 'png')).toBe(join(dir, 'media', 'krev', 'products', `${ID}.image.png`))
  })

  it.each(HOSTILE_IDS)('refuses the id %j everywhere', async (id) => {
    expect(() => store.pathFor(ref({ id }), 'webp')).toThrow()
    expect(await store.resolve(ref({ id }))).toBeNull()
    await expect(store.write(ref({ id }), 'webp', Buffer.from('x'))).rejects.toThrow()
    expect(() => mediaUrlFactory('krev-media://media')('sandbox', 'products', id, 'thumb')).toThrow()
  })

  it('refuses unknown modes, areas, variants and extensions', async () => {
    for (const bad of [{ mode: 'prod' }, { mode: '../sandbox' }, { area: '../products' }, { area: 'Products' }, { area: 'aux' }, { variant: 'thumb.webp' }, { variant: '' }]) {
      expect(() => store.pathFor(ref(bad as Partial<MediaRef>), 'webp'), JSON.stringify(bad)).toThrow()
    }
    expect(() => store.pathFor(ref(), 'svg' as never)).toThrow()
    expect(() => store.pathFor(ref(), 'html' as never)).toThrow()
  })

  it('turns outside ids into media ids only when they are safe', () => {
    expect(toMediaId(ID.toUpperCase())).toBe(ID)
    expect(toMediaId('../../etc/passwd')).toBeNull()
    expect(toMediaId('CON')).toBeNull()
  })
})

describe('media store files', () => {
  it('writes atomically, leaves no temp file, and keeps one extension per ref', async () => {
    await store.write(ref({ variant: 'image' }), 'png', Buffer.from('png bytes'))
    await store.write(ref({ variant: 'image' }), 'jpg', Buffer.from('jpg bytes'))
    const names = await readdir(join(dir, 'media', 'sandbox', 'products'))
    expect(names).toEqual([`${ID}.image.jpg`])
    const got = await store.resolve(ref({ variant: 'image' }))
    expect(got).toMatchObject({ ext: 'jpg', size: 9 })
    expect(await readFile(got!.path, 'utf8')).toBe('jpg bytes')
  })

  it('keeps sandbox and real media apart', async () => {
    await store.write(ref(), 'webp', Buffer.from('sandbox'))
    expect(await store.resolve(ref({ mode: 'krev' }))).toBeNull()
    expect(await store.resolve(ref())).not.toBeNull()
  })

  it('never follows a symlink planted where a file should be', async () => {
    const secret = join(dir, 'secret.txt')
    await writeFile(secret, 'top secret')
    await mkdir(join(dir, 'media', 'sandbox', 'products'), { recursive: true })
    await symlink(secret, store.pathFor(ref(), 'webp'))
    expect(await store.resolve(ref())).toBeNull()
  })

  it('refuses an area folder that is a link to elsewhere', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'krev-outside-'))
    try {
      await writeFile(join(outside, `${ID}.thumb.webp`), 'outside')
      await mkdir(join(dir, 'media', 'sandbox'), { recursive: true })
      await symlink(outside, join(dir, 'media', 'sandbox', 'products'))
      expect(await store.resolve(ref())).toBeNull()
      await expect(store.write(ref(), 'webp', Buffer.from('x'))).rejects.toThrow(/link/)
      expect(await readFile(join(outside, `${ID}.thumb.webp`), 'utf8')).toBe('outside')
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })

  it('resolves only real paths inside the root', async () => {
    await store.write(ref(), 'webp', Buffer.from('x'))
    const got = await store.resolve(ref())
    expect(got!.path.startsWith((await realpath(join(dir, 'media'))) + sep)).toBe(true)
  })

  it('sweeps temp files a crash left behind', async () => {
    await store.write(ref(), 'webp', Buffer.from('x'))
    const area = join(dir, 'media', 'sandbox', 'products')
    await writeFile(join(area, `.${ID}.thumb.webp.abc123.tmp`), 'half')
    expect(await store.sweepTemp('sandbox', 'products')).toBe(1)
    expect(await readdir(area)).toEqual([`${ID}.thumb.webp`])
  })

  it('removes every extension of a ref', async () => {
    await store.write(ref(), 'webp', Buffer.from('x'))
    await store.remove(ref())
    expect(await store.resolve(ref())).toBeNull()
  })
})

describe('media URLs', () => {
  it('round-trips through the factory and the parser', () => {
    const url = mediaUrlFactory('krev-media://media')('sandbox', 'products', ID, 'thumb')
    expect(url).toBe(`krev-media://media/sandbox/products/${ID}/thumb`)
    expect(parseMediaPath(new URL(url).pathname)).toEqual(ref())
    expect(mediaUrlFactory('/__krev/media/')('krev', 'products', ID, 'image')).toBe(`/__krev/media/krev/products/${ID}/image`)
  })

  it.each([
    `/sandbox/products/${ID}`,
    `/sandbox/products/${ID}/thumb/extra`,
    `/sandbox/products/..%2f..%2fetc/thumb`,
    `/sandbox/products/%2e%2e/thumb`,
    `/sandbox/../products/${ID}/thumb`,
    `//sandbox/products/${ID}/thumb`,
    `/Sandbox/products/${ID}/thumb`,
    `/sandbox/products/CON/thumb`,
    `sandbox/products/${ID}/thumb`
  ])('parses %s as nothing', (path) => {
    expect(parseMediaPath(path)).toBeNull()
  })
})
