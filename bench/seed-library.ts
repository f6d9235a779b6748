// Seeds a headless studio's data dir with a library (and optionally a queue of finished
// jobs) before it starts. One small function per store on purpose: the library's storage
// is moving to SQLite, and only `seedLibrary` should need to change with it.
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'

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
 * `n` image assets, newest last in the file (as the store keeps them), created one minute
 * apart, each with a real thumbnail. Returns the asset ids, oldest first.
 */
export async function seedLibrary(dataDir: string, n: number): Promise<string[]> {
  const mediaDir = join(dataDir, 'media', MODE, 'library')
  const shapes = await thumbnails(mediaDir)
  const ids: string[] = []
  const assets = []
  for (let i = 0; i < n; i++) {
    const id = benchAssetId(i)
    const shape = SHAPES[shapeOf(i)]
    ids.push(id)
    assets.push({
      id, kind: 'image', jobId: jobIdOf(i), generationId: `gen-${i}`, prompt: `${PROMPTS[i % PROMPTS.length]} #${i}`,
      productIds: [], aspectRatio: shape.aspectRatio, width: shape.width, height: shape.height, durationSec: null,
      bytes: 180_000, mimeType: 'image/webp', favorite: i % 17 === 0, rating: 0, tags: [], adCopy: null,
      createdAt: isoAt(i), thumbVariant: 'thumb'
    })
  }
  for (let i = 0; i < n; i += 500) {
    await Promise.all(ids.slice(i, i + 500).map((id, k) => fs.link(shapes[shapeOf(i + k)], join(mediaDir, `${id}.thumb.webp`))))
  }
  const file = join(dataDir, 'library', MODE, 'assets.json')
  await fs.mkdir(join(dataDir, 'library', MODE), { recursive: true })
  await fs.writeFile(file, JSON.stringify({ format: 1, assets }))
  return ids
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
