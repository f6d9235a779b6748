import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { writeJsonAtomic } from '../core/atomic-file'
import type { KrevProduct } from '../krev/types'
import type { MediaMode } from '../media/media-store'

/**
 * The product catalogue as last seen from Krev, one file per mode
 * (`<dataDir>/catalog/<mode>/products.json`), so the Products screen works offline and
 * sandbox products never show up in real mode. Written atomically; a damaged or foreign
 * file is treated as "never fetched" (the next refresh rewrites it), never a crash.
 * Saves are serialised per file and always write the latest state.
 */

export interface Catalog {
  /** When Krev last answered the list (ms since epoch); null = never. */
  fetchedAt: number | null
  /** Newest first, as Krev lists them. */
  products: KrevProduct[]
}

const FORMAT = 1

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
  format: z.literal(FORMAT),
  fetchedAt: z.number().finite().nullable(),
  // One bad entry must not cost the whole catalogue: entries are checked one by one.
  products: z.array(z.unknown())
})

export const emptyCatalog = (): Catalog => ({ fetchedAt: null, products: [] })

export interface CatalogCache {
  path(mode: MediaMode): string
  load(mode: MediaMode): Promise<Catalog>
  save(mode: MediaMode, catalog: Catalog): Promise<void>
}

export function createCatalogCache(dataDir: string, onDamaged?: (mode: MediaMode) => void): CatalogCache {
  const chains = new Map<MediaMode, Promise<void>>()
  const latest = new Map<MediaMode, Catalog>()
  const path = (mode: MediaMode) => join(dataDir, 'catalog', mode, 'products.json')

  return {
    path,

    async load(mode) {
      let text: string
      try {
        text = await fs.readFile(path(mode), 'utf8')
      } catch {
        return emptyCatalog()
      }
      let parsed: z.infer<typeof fileShape>
      try {
        parsed = fileShape.parse(JSON.parse(text))
      } catch {
        onDamaged?.(mode)
        return emptyCatalog()
      }
      const products: KrevProduct[] = []
      for (const entry of parsed.products) {
        const ok = productShape.safeParse(entry)
        if (ok.success) products.push(ok.data as KrevProduct)
      }
      return { fetchedAt: parsed.fetchedAt, products }
    },

    save(mode, catalog) {
      latest.set(mode, catalog)
      const previous = chains.get(mode) ?? Promise.resolve()
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          // A save queued behind another writes whatever is newest by then.
          const current = latest.get(mode)
          if (!current) return
          await writeJsonAtomic(path(mode), { format: FORMAT, fetchedAt: current.fetchedAt, products: current.products })
          if (latest.get(mode) === current) latest.delete(mode)
        })
      chains.set(mode, next)
      return next
    }
  }
}
