import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { createCatalogRepo, type CatalogRepo, type ProductLocal } from '../db/catalog-repo'
import type { Db } from '../db/database'
import { renameIfPresent, runLegacyImport, shared } from '../db/legacy-import'
import { sharedStudioDatabase } from '../db/studio-database'
import type { KrevProduct } from '../krev/types'
import { MEDIA_MODES, type MediaMode } from '../media/media-store'
import { corruptBackupPath } from '../settings/file-recovery'

/**
 * The product catalogue as last seen from Krev, per mode, in the studio's database
 * (db/catalog-repo.ts), so the Products screen works offline and sandbox products never
 * show up in real mode. A damaged entry is skipped, never a crash; a save replaces the
 * mode's list in one transaction. The products.json files of before
 * (`<dataDir>/catalog/<mode>/products.json`) are imported on first load; a damaged one is
 * treated as "never fetched" (the next refresh fills the cache) and kept aside.
 */

export interface Catalog {
  /** When Krev last answered the list (ms since epoch); null = never. */
  fetchedAt: number | null
  /** Newest first, as Krev lists them. */
  products: KrevProduct[]
}

const MODES = MEDIA_MODES

const productShape = z.object({
  id: z.string().min(1).max(128),
  name: z.string(),
  image_url: z.string().nullable(),
  segmented_image_url: z.string().nullable().optional(),
  category: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  source: z.string().optional(),
  created_at: z.string()
})

const fileShape = z.object({
  format: z.literal(1),
  fetchedAt: z.number().finite().nullable(),
  // One bad entry must not cost the whole catalogue: entries are checked one by one.
  products: z.array(z.unknown())
})

export const emptyCatalog = (): Catalog => ({ fetchedAt: null, products: [] })

export interface CatalogCache {
  /** Where this mode's catalogue was kept before the database (imported, then renamed aside). */
  path(mode: MediaMode): string
  load(mode: MediaMode): Promise<Catalog>
  save(mode: MediaMode, catalog: Catalog): Promise<void>
  /** What only the studio knows about each product (hash, local name, hidden): migration 009. */
  locals(mode: MediaMode): ProductLocal[]
  setLocal(mode: MediaMode, productId: string, patch: Partial<Omit<ProductLocal, 'productId'>>): ProductLocal
}

const validProducts = (entries: unknown[]): KrevProduct[] =>
  entries.flatMap((entry) => {
    const ok = productShape.safeParse(entry)
    return ok.success ? [ok.data as KrevProduct] : []
  })

const asRows = (products: KrevProduct[]) => products.map((p) => ({ id: p.id, data: JSON.stringify(p) }))

type Found = { mode: MediaMode; catalog: Catalog }[]

function importLegacy(db: Db, repo: CatalogRepo, path: (mode: MediaMode) => string, onDamaged?: (mode: MediaMode) => void) {
  return runLegacyImport<Found>(db, {
    async read() {
      const found: Found = []
      for (const mode of MODES) {
        let text: string
        try {
          text = await fs.readFile(path(mode), 'utf8')
        } catch {
          continue
        }
        try {
          const parsed = fileShape.parse(JSON.parse(text))
          found.push({ mode, catalog: { fetchedAt: parsed.fetchedAt, products: validProducts(parsed.products) } })
        } catch {
          onDamaged?.(mode)
          // Kept for support, out of the way of the next start.
          await fs.rename(path(mode), corruptBackupPath(path(mode), new Date())).catch(() => undefined)
        }
      }
      return found.length > 0 ? found : null
    },
    write(found) {
      for (const { mode, catalog } of found) repo.replaceSync(mode, catalog.fetchedAt, asRows(catalog.products), { ifAbsent: true })
    },
    verify: (found) => ({ found: found.filter(({ mode }) => repo.get(mode).known).length, expected: found.length }),
    async moveAside(found, suffix) {
      for (const { mode } of found) await renameIfPresent(path(mode), suffix)
    }
  })
}

export function createCatalogCache(dataDir: string, onDamaged?: (mode: MediaMode) => void, db: Db = sharedStudioDatabase(dataDir)): CatalogCache {
  const repo = createCatalogRepo(db)
  const path = (mode: MediaMode) => join(dataDir, 'catalog', mode, 'products.json')

  return {
    path,

    async load(mode) {
      await shared(db, `catalog:${dataDir}`, () => importLegacy(db, repo, path, onDamaged))
      const rows = repo.get(mode)
      const products = validProducts(
        rows.products.map((p) => {
          try {
            return JSON.parse(p.data) as unknown
          } catch {
            return null
          }
        })
      )
      return { fetchedAt: rows.fetchedAt, products }
    },

    save: async (mode, catalog) => repo.replaceSync(mode, catalog.fetchedAt, asRows(catalog.products)),
    locals: (mode) => repo.locals(mode),
    setLocal: (mode, productId, patch) => repo.setLocal(mode, productId, patch)
  }
}
