import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { boot, createProduct, filesUnder, settle, settleRun } from './helpers'
import type { ChatStarted, Credits, Generation, Product, VideoStarted } from './wire'
import { tempDirs } from '../../support/temp-dirs'

describe('sandbox persistence across restarts', () => {
  const freshDir = tempDirs('krev-sbx-test-', 'all')

  it('keeps keys, products, balance and generations; finishes work in progress', async () => {
    const dataDir = await freshDir()
    // Slow clock: the video and the chat run are still in progress when we stop.
    const first = await boot({ dataDir, speed: 0.2, credits: 3000 })
    const product = await createProduct(first, 'Night Serum')
    const video = await first.call<VideoStarted>('/videos', { json: { prompt: 'slow pan', duration: 4, product_id: product.id } })
    const chat = await first.call<ChatStarted>('/chat', { json: { message: 'generate an image of this product', product_ids: [product.id] } })
    const key = first.sb.key
    const balanceBefore = (await first.call<Credits>('/credits')).body.data.credits.current
    expect(balanceBefore).toBe(3000 - 320)
    expect((await first.call<Generation>(`/generations/${video.body.data.generation_id}`)).body.data.status).not.toBe('succeeded')
    await first.close()

    const state = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')) as { version: number }
    expect(state.version).toBe(1)
    expect((await filesUnder(dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([])

    const second = await boot({ dataDir, speed: 50 })
    try {
      // Only hashes were kept, so this start minted a new key; the first one still works.
      expect(second.sb.key).not.toBe(key)
      expect((await second.call('/credits', { key })).status).toBe(200)
      const products = await second.call<Product[]>('/products')
      expect(products.body.data.map((p) => p.id)).toEqual([product.id])
      const done = await settle(second, video.body.data.generation_id)
      expect(done.status).toBe('succeeded')
      expect(done.created_at).toBe((await second.call<Generation>(`/generations/${video.body.data.generation_id}`)).body.data.created_at)
      const run = await settleRun(second, chat.body.data.run_id)
      expect(run.status).toBe('succeeded')
      expect(run.generation_ids).toHaveLength(1)
      await settle(second, run.generation_ids[0])
      // Charged once, before the restart; nothing charged again on resume.
      expect((await second.call<Credits>('/credits')).body.data.credits.current).toBe(balanceBefore - 40)
    } finally {
      await second.close()
    }
  })

  it('an explicit key on restart is added for the default user, and the balance survives', async () => {
    const dataDir = await freshDir()
    const first = await boot({ dataDir })
    first.sb.setCredits('default', 1234)
    const oldKey = first.sb.key
    await first.close()
    const explicit = `sk_live_${'A'.repeat(32)}`
    const second = await boot({ dataDir, key: explicit })
    try {
      expect(second.sb.key).toBe(explicit)
      expect((await second.call<Credits>('/credits')).body.data.credits.current).toBe(1234)
      expect((await second.call('/credits', { key: oldKey })).status).toBe(200)
    } finally {
      await second.close()
    }
  })

  it('a corrupt state.json is set aside, not fatal', async () => {
    const dataDir = await freshDir()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dataDir, 'state.json'), '{"version":1,"users":')
    const b = await boot({ dataDir })
    try {
      expect((await b.call('/credits')).status).toBe(200)
      expect((await readdir(dataDir)).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true)
    } finally {
      await b.close()
    }
  })
})
