// Seeds a headless studio's data dir with a library (and optionally a queue of finished
// jobs) before it starts: the library as a Library folder indexed by a rebuild, the queue
// as the job files of earlier versions (imported into the database at start).
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { openDatabase } from '../src-main/db/database'
import { MIGRATIONS } from '../src-main/db/migrations/index'
import { assetBaseName, monthOf, sidecarNameFor } from '../src-main/library/library-names'
import { createLibraryService } from '../src-main/library/library-service'
import { SIDECAR_FORMAT, SIDECAR_VERSION } from '../src-main/library/sidecar'
import { createMediaStore } from '../src-main/media/media-store'
import { mediaUrlFactory } from '../src-main/media/media-url'

const MODE = 'sandbox'
/** Sizes the generator really makes: the justified grid should see all of them. */
const SHAPES = [
  { aspectRatio: '1:1', width: 1024, height: 1024 },
  { aspectRatio: '16:9', width: 1344, height: 768 },
  { aspectRatio: '9:16', width: 768, height: 1344 },
  { aspectRatio: '4:5', width: 896, height: 1120 },
  { aspectRatio: '3:2', width: 1216, height: 832 },
  { aspectRatio: '2:3', width: 832, height: 1216 }
] as const
const PROMPTS = ['Leather wallet on dark marble', 'Sneaker on a pastel plinth', 'Perfume bottle in morning light', 'Ceramic mug with steam', 'Watch on a linen cloth']

/** A shape per asset, mixed (not cycling) so rows differ as they do in a real library. */
const shapeOf = (i: number): number => (Math.imul(i + 1, 2654435761) >>> 7) % SHAPES.length

export const benchAssetId = (i: number): string => `bench-${String(i).padStart(7, '0')}-0`
const jobIdOf = (i: number): string => `bench-${String(i).padStart(7, '0')}`
const isoAt = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()

/** One real WebP thumbnail per shape; every asset hard-links to its shape's (one inode each). */
async function thumbnails(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true })
  const hues = ['#c8553d', '#2d7dd2', '#97cc04', '#f4a259', '#5b8e7d', '#8e5572']
  return Promise.all(
    SHAPES.map(async (s, k) => {
      const file = join(dir, `.bench-shape-${k}.webp`)
      const w = 512
      const h = Math.round((512 * s.height) / s.width)
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hues[k]}"/><stop offset="1" stop-color="#1d1d24"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${w / 2}" cy="${h / 2}" r="${Math.min(w, h) / 4}" fill="#ffffff" fill-opacity="0.18"/></svg>`
      await sharp(Buffer.from(svg)).webp({ quality: 70 }).toFile(file)
      return file
    })
  )
}

/**
 * `n` image assets the way a creator brings a library in: originals and their `.krev.json`
 * sidecars in the sandbox's Library folder (one month folder per 30 days), indexed by
 * "Rebuild library from folder" into the studio database, each with a real thumbnail in the
 * cache (hard-linked per shape). Created one minute apart; returns the asset ids, oldest first.
 */
export async function seedLibrary(dataDir: string, n: number): Promise<string[]> {
  const thumbDir = join(dataDir, 'media', MODE, 'library')
  const shapes = await thumbnails(thumbDir)
  const root = join(dataDir, 'sandbox', 'library')
  const ids: string[] = []
  const months = new Map<string, Promise<unknown>>()
  for (let i = 0; i < n; i += 500) {
    const batch = Array.from({ length: Math.min(500, n - i) }, (_, k) => i + k)
    await Promise.all(
      batch.map(async (j) => {
        const id = benchAssetId(j)
        const shape = SHAPES[shapeOf(j)]
        const createdAt = isoAt(j)
        const prompt = `${PROMPTS[j % PROMPTS.length]} #${j}`
        const base = assetBaseName({ id, createdAt, prompt, productName: null }, 'webp')
        const month = join(root, monthOf(createdAt))
        if (!months.has(month)) months.set(month, fs.mkdir(month, { recursive: true }))
        await months.get(month)
        // The original is the shape's WebP too (one inode each): the grid never reads it.
        await fs.link(shapes[shapeOf(j)]!, join(month, `${base}.webp`))
        await fs.link(shapes[shapeOf(j)]!, join(thumbDir, `${id}.thumb.webp`))
        const sidecar = {
          format: SIDECAR_FORMAT, version: SIDECAR_VERSION, id, file: `${base}.webp`, kind: 'image', prompt,
          request: { kind: 'image', params: { prompt, aspectRatio: shape.aspectRatio } }, products: [],
          generationId: `gen-${j}`, jobId: jobIdOf(j), adCopy: null, credits: 4, createdAt, completedAt: createdAt,
          appVersion: '0.1.0', aspectRatio: shape.aspectRatio, width: shape.width, height: shape.height, durationSec: null,
          bytes: 180_000, mimeType: 'image/webp', favorite: j % 17 === 0, rating: 0, tags: [], approval: 'none'
        }
        await fs.writeFile(join(month, sidecarNameFor(base)), JSON.stringify(sidecar))
      })
    )
    ids.push(...batch.map(benchAssetId))
  }
  await rebuildIndex(dataDir)
  return ids
}

/** Indexes the sandbox Library folder into `<dataDir>/studio.sqlite3`, as the Settings button does. */
async function rebuildIndex(dataDir: string): Promise<void> {
  const opened = openDatabase(join(dataDir, 'studio.sqlite3'), { migrations: MIGRATIONS })
  const library = createLibraryService({
    db: opened.db,
    dataDir,
    libraryDir: () => join(dataDir, 'Library'),
    media: createMediaStore(dataDir),
    mediaUrl: mediaUrlFactory('/__krev/media'),
    host: { reveal: () => false, chooseExportFolder: async () => null },
    mode: () => MODE,
    emitAdded: () => undefined,
    emitChanged: () => undefined,
    ffmpegPath: null
  })
  await library.rebuild()
  await library.idle()
  opened.db.close()
}

/** `n` finished image jobs, two outputs each, taken from `assetIds` (newest jobs first). */
export async function seedQueue(dataDir: string, n: number, assetIds: readonly string[]): Promise<void> {
  const dir = join(dataDir, 'queue', MODE, 'jobs')
  await fs.mkdir(dir, { recursive: true })
  for (let i = 0; i < n; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, n - i) }, (_, k) => {
        const j = i + k
        const id = `job-${String(j).padStart(7, '0')}`
        const outputs = [assetIds[(2 * j) % assetIds.length], assetIds[(2 * j + 1) % assetIds.length]]
        const job = {
          id, kind: 'image', status: 'succeeded', progress: 100, title: `${PROMPTS[j % PROMPTS.length]} #${j}`,
          request: { kind: 'image', params: { prompt: PROMPTS[j % PROMPTS.length], aspectRatio: '1:1', hd: false, imageCount: 2 } },
          generationId: `gen-q${j}`, creditsEstimate: 80, creditsUsed: 80, assetIds: outputs, error: null, resumesAt: null,
          attempts: 1, createdAt: isoAt(j), updatedAt: isoAt(j), sentAt: isoAt(j), rerunAs: null, mode: MODE,
          postStartedAt: isoAt(j), balanceBefore: null, serverRetries: 0, outputUrls: [], adCopy: null
        }
        return fs.writeFile(join(dir, `${id}.json`), JSON.stringify({ format: 1, job }))
      })
    )
  }
}
