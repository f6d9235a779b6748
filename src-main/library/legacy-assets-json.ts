import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { asset as assetShape } from '../../src-preload/contract'
import type { MediaMode } from '../media/media-store'

/**
 * The library format before the database: one `<dataDir>/library/<mode>/assets.json` per
 * mode holding every record, the media in `<dataDir>/media/<mode>/library/<id>.original.<ext>`.
 * Read once, by the import (legacy-import.ts), then kept aside as `.imported-<time>`.
 */

const FORMAT = 1

export const legacyAssetShape = assetShape.omit({ mediaUrl: true, thumbUrl: true, approval: true }).extend({
  thumbVariant: z.enum(['thumb', 'original'])
})
export type LegacyAsset = z.infer<typeof legacyAssetShape>

const fileShape = z.object({ format: z.literal(FORMAT), assets: z.array(z.unknown()) })

export const legacyAssetsPath = (dataDir: string, mode: MediaMode): string => join(dataDir, 'library', mode, 'assets.json')

export type LegacyRead = { state: 'none' } | { state: 'damaged' } | { state: 'ok'; assets: LegacyAsset[]; unreadable: number }

export async function readLegacyAssets(dataDir: string, mode: MediaMode): Promise<LegacyRead> {
  let raw: string
  try {
    raw = await fs.readFile(legacyAssetsPath(dataDir, mode), 'utf8')
  } catch {
    return { state: 'none' }
  }
  let parsed: z.infer<typeof fileShape>
  try {
    const r = fileShape.safeParse(JSON.parse(raw))
    if (!r.success) return { state: 'damaged' }
    parsed = r.data
  } catch {
    return { state: 'damaged' }
  }
  const assets: LegacyAsset[] = []
  let unreadable = 0
  for (const item of parsed.assets) {
    const r = legacyAssetShape.safeParse(item)
    if (r.success) assets.push(r.data)
    else unreadable++
  }
  return { state: 'ok', assets, unreadable }
}
