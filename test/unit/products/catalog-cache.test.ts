import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../src-main/db/database'
import { MIGRATIONS } from '../../../src-main/db/migrations/index'
import type { KrevProduct } from '../../../src-main/krev/types'
import { createCatalogCache } from '../../../src-main/products/catalog-cache'

/** The catalogue cache in the database, per mode; the products.json files of before imported once. */

let dir: string
let db: Db
const open = () => openDatabase(join(dir, 'studio.sqlite3'), { migrations: MIGRATIONS }).db
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'krev-catalog-'))
  db = open()
})
afterEach(async () => {
  if (db.open) db.close()
  await rm(dir, { recursive: true, force: true })
})

const product = (id: string, name = `Product ${id}`): KrevProduct => ({
  id,
  name,
  image_url: `https://cdn.example/${id}.png`,
  segmented_image_url: null,
  category: 'bags',
  metadata: { colour: 'tan' },
  created_at: '2026-03-01T10:00:00.000Z'
})

const legacyFile = (mode: string) => join(dir, 'catalog', mode, 'products.json')

describe('catalogue cache', () => {
  it('round-trips per mode in Krev’s order, a save replaces the list, and a restart reads the same', async () => {
    const cache = createCatalogCache(dir, undefined, db)
    expect(await cache.load('sandbox')).toEqual({ fetchedAt: null, products: [] })
    await cache.save('sandbox', { fetchedAt: 1000, products: [product('b'), product('a')] })
    await cache.save('krev', { fetchedAt: 2000, products: [product('k')] })
    await cache.save('sandbox', { fetchedAt: 3000, products: [product('c'), product('b')] })
    db.close()
    db = open()
    const again = createCatalogCache(dir, undefined, db)
    expect(await again.load('sandbox')).toEqual({ fetchedAt: 3000, products: [product('c'), product('b')] })
    expect(await again.load('krev')).toEqual({ fetchedAt: 2000, products: [product('k')] })
  })

  it('skips a damaged product row and keeps the rest', async () => {
    const cache = createCatalogCache(dir, undefined, db)
    await cache.save('sandbox', { fetchedAt: 1000, products: [product('a'), product('b')] })
    db.prepare("UPDATE catalog_products SET data = '{\"id\":' WHERE id = 'a'").run()
    expect((await cache.load('sandbox')).products).toEqual([product('b')])
  })

  it('imports today’s products.json (one bad entry costs itself) and renames it aside', async () => {
    mkdirSync(join(dir, 'catalog', 'krev'), { recursive: true })
    const text = JSON.stringify({ format: 1, fetchedAt: 1234, products: [product('a'), { id: 7 }, product('b')] }, null, 2)
    writeFileSync(legacyFile('krev'), text)
    const cache = createCatalogCache(dir, undefined, db)
    expect(await cache.load('krev')).toEqual({ fetchedAt: 1234, products: [product('a'), product('b')] })
    expect(await cache.load('sandbox')).toEqual({ fetchedAt: null, products: [] })
    expect(existsSync(legacyFile('krev'))).toBe(false)
    const aside = readdirSync(join(dir, 'catalog', 'krev')).filter((n) => n.startsWith('products.json.imported-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, 'catalog', 'krev', aside[0]!), 'utf8')).toBe(text)
  })

  it('a damaged products.json reads as never fetched, is reported, and is kept aside', async () => {
    mkdirSync(join(dir, 'catalog', 'sandbox'), { recursive: true })
    writeFileSync(legacyFile('sandbox'), '{"format":1,"fetchedAt":')
    const damaged: string[] = []
    const cache = createCatalogCache(dir, (mode) => void damaged.push(mode), db)
    expect(await cache.load('sandbox')).toEqual({ fetchedAt: null, products: [] })
    expect(damaged).toEqual(['sandbox'])
    const kept = readdirSync(join(dir, 'catalog', 'sandbox')).find((n) => n.startsWith('products.corrupt-'))
    expect(readFileSync(join(dir, 'catalog', 'sandbox', kept!), 'utf8')).toBe('{"format":1,"fetchedAt":')
    // Reported once: the next start finds nothing left to import.
    await createCatalogCache(dir, (mode) => void damaged.push(mode), db).load('sandbox')
    expect(damaged).toEqual(['sandbox'])
  })
})
