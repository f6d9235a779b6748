import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { asset as assetShape } from '../../src-preload/contract'
import { writeJsonAtomic } from '../core/atomic-file'
import type { MediaMode } from '../media/media-store'

/**
 * The library's records, one file per connection mode (`<dataDir>/library/<mode>/assets.json`)
 * so sandbox and Krev assets never mix. The file holds metadata only; the media itself
 * lives in the media store under ids we chose. Writes are atomic and serialised (the
 * newest state wins); one unreadable record costs only that record.
 */

const FORMAT = 1

export const storedAssetShape = assetShape.omit({ mediaUrl: true, thumbUrl: true }).extend({
  /** Which media-store variant the thumbnail is: a 512 px WebP, or the video itself. */
  thumbVariant: z.enum(['thumb', 'original'])
})
export type StoredAsset = z.infer<typeof storedAssetShape>

const fileShape = z.object({ format: z.literal(FORMAT), assets: z.array(z.unknown()) })

export interface AssetStore {
  path(mode: MediaMode): string
  /** The mode's assets (loaded once, then kept in memory), oldest first. */
  all(mode: MediaMode): Promise<Map<string, StoredAsset>>
  save(mode: MediaMode): Promise<void>
  flush(): Promise<void>
}

export function createAssetStore(dataDir: string, onDamaged: (file: string) => void = () => undefined): AssetStore {
  const path = (mode: MediaMode) => join(dataDir, 'library', mode, 'assets.json')
  const cache = new Map<MediaMode, Promise<Map<string, StoredAsset>>>()
  const chains = new Map<MediaMode, Promise<void>>()
  const dirty = new Set<MediaMode>()

  async function load(mode: MediaMode): Promise<Map<string, StoredAsset>> {
    const file = path(mode)
    // Temp files a crash left behind next to the real file.
    const names = await fs.readdir(dirname(file)).catch(() => [] as string[])
    for (const n of names) {
      if (n.startsWith(`.${basename(file)}.`) && n.endsWith('.tmp')) await fs.rm(join(dirname(file), n), { force: true })
    }
    const map = new Map<string, StoredAsset>()
    let raw: string
    try {
      raw = await fs.readFile(file, 'utf8')
    } catch {
      return map
    }
    let parsed: z.infer<typeof fileShape> | null = null
    try {
      const r = fileShape.safeParse(JSON.parse(raw))
      parsed = r.success ? r.data : null
    } catch {
      parsed = null
    }
    if (!parsed) {
      // Kept aside, never overwritten: the media files are still there to recover.
      await fs.rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined)
      onDamaged(file)
      return map
    }
    for (const item of parsed.assets) {
      const r = storedAssetShape.safeParse(item)
      if (r.success) map.set(r.data.id, r.data)
    }
    return map
  }

  return {
    path,
    all(mode) {
      let p = cache.get(mode)
      if (!p) {
        p = load(mode)
        cache.set(mode, p)
      }
      return p
    },
    save(mode) {
      dirty.add(mode)
      const previous = chains.get(mode) ?? Promise.resolve()
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          if (!dirty.has(mode)) return
          dirty.delete(mode)
          const map = await this.all(mode)
          await writeJsonAtomic(path(mode), { format: FORMAT, assets: [...map.values()] })
        })
      chains.set(mode, next)
      return next
    },
    async flush() {
      await Promise.all([...chains.values()].map((p) => p.catch(() => undefined)))
    }
  }
}
