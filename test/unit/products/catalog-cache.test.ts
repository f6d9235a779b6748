import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KrevProduct } from '../../../src-main/krev/types'
import { createCatalogCache } from '../../../src-main/products/catalog-cache'
import { studioDatabaseEachTest } from '../db/studio-test-database'

/** The catalogue cache in the database, per mode; the products.json files of before imported once. */

const t = studioDatabaseEachTest('krev-catalog-')

const product = (id: string, name = `Product ${id}`): KrevProduct => ({
  id,
  name,
  image_url: `https://cdn.example/${id}.png`,
  segmented_image_url: null,
  category: 'bags',
  metadata: { colour: 'tan' },
  created_at: '2026-03-01T10:00:00.000Z'
})

const legacyFile = (mode: string) => join(t.dir, 'catalog', mode, 'products.json')

describe('catalogue cache', () => {
  it('round-trips per mode in Krev’s order, a save replaces the list, and a restart reads the same', async () => {
    const cache = createCatalogCache(t.dir, undefined, t.db)
    expect(await cache.load('sandbox')).toEqual({ fetchedAt: null, products: [] })
    await cache.save('sandbox', { fetchedAt: 1000, products: [product('b'), product('a')] })
    await cache.save('krev', { fetchedAt: 2000, products: [product('k')] })
    await cache.save('sandbox', { fetchedAt: 3000, products: [product('c'), product('b')] })
    t.reopen()
    const again = createCatalogCache(t.dir, undefined, t.db)
    expect(await again.load('sandbox')).toEqual({ fetchedAt: 3000, products: [product('c'), product('b')] })
    expect(await again.load('krev')).toEqual({ fetchedAt: 2000, products: [product('k')] })
  })

  it('skips a damaged product row and keeps the rest', async () => {
    const cache = createCatalogCache(t.dir, undefined, t.db)
    await cache.save('sandbox', { fetchedAt: 1000, products: [product('a'), product('b')] })
    t.db.prepare("UPDATE catalog_products SET data = '{\"id\":' WHERE id = 'a'").run()
    expect((await cache.load('sandbox')).products).toEqual([product('b')])
  })

  it('imports today’s products.json (one bad entry costs itself) and renames it aside', async () => {
    mkdirSync(join(t.dir, 'catalog', 'krev'), { recursive: true })
    const text = JSON.stringify({ format: 1, fetchedAt: 1234, products: [product('a'), { id: 7 }, product('b')] }, null, 2)
    writeFileSync(legacyFile('krev'), text)
    const cache = createCatalogCache(t.dir, undefined, t.db)
    expect(await cache.load('krev')).toEqual({ fetchedAt: 1234, products: [product('a'), product('b')] })
    expect(await cache.load('sandbox')).toEqual({ fetchedAt: null, products: [] })
    expect(existsSync(legacyFile('krev'))).toBe(false)
    const aside = readdirSync(join(t.dir, 'catalog', 'krev')).filter((n) => n.startsWith('products.json.imported-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(t.dir, 'catalog', 'krev', aside[0]!), 'utf8')).toBe(text)
  })

  it('a damaged products.json reads as never fetched, is reported, and is kept aside', async () => {
    mkdirSync(join(t.dir, 'catalog', 'sandbox'), { recursive: true })
    writeFileSync(legacyFile('sandbox'), '{"format":1,"fetchedAt":')
    const damaged: string[] = []
    const cache = createCatalogCache(t.dir, (mode) => void damaged.push(mode), t.db)
    expect(await cache.load('sandbox')).toEqual({ fetchedAt: null, products: [] })
    expect(damaged).toEqual(['sandbox'])
    const kept = readdirSync(join(t.dir, 'catalog', 'sandbox')).find((n) => n.startsWith('products.corrupt-'))
    expect(readFileSync(join(t.dir, 'catalog', 'sandbox', kept!), 'utf8')).toBe('{"format":1,"fetchedAt":')
    // Reported once: the next start finds nothing left to import.
    await createCatalogCache(t.dir, (mode) => void damaged.push(mode), t.db).load('sandbox')
    expect(damaged).toEqual(['sandbox'])
  })
})
