import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { validateAdParams, validateImageParams, validateVideoParams } from '../../../src-main/krev/validate'
import * as wire from '../../../src-main/krev/wire'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox/index'

/**
 * The request side of the one wire schema: what the client sends, what the sandbox accepts
 * and what the OpenAPI document (generated from `wire.ts`) says agree. Each body below is
 * accepted by all three or refused by all three.
 */

type Endpoint = '/images' | '/videos' | '/ads'
const schemaOf: Record<Endpoint, z.ZodType> = { '/images': wire.imageRequest, '/videos': wire.videoRequest, '/ads': wire.adRequest }
const guard = { resolveHost: async () => ['93.184.216.34'] }
const clientCheck: Record<Endpoint, (body: never) => Promise<unknown>> = {
  '/images': (b) => validateImageParams(b, guard),
  '/videos': (b) => validateVideoParams(b, guard),
  '/ads': (b) => validateAdParams(b, guard)
}
const PRODUCT = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b'

const accepted: [Endpoint, Record<string, unknown>][] = [
  ['/images', { prompt: 'Mug on marble' }],
  ['/images', { prompt: 'Mug', aspect_ratio: '3:4', image_count: 4, hd: true }],
  ['/videos', { prompt: 'Slow pan', duration: 15, audio_mode: 'native', aspect_ratio: '9:16' }]
]
const refused: [string, Endpoint, Record<string, unknown>][] = [
  ['no prompt', '/images', {}],
  ['a prompt over 4,000 characters', '/images', { prompt: 'x'.repeat(4_001) }],
  ['an unknown aspect ratio', '/images', { prompt: 'Mug', aspect_ratio: '2:1' }],
  ['3 images', '/images', { prompt: 'Mug', image_count: 3 }],
  ['11 products', '/images', { prompt: 'Mug', product_ids: Array.from({ length: 11 }, () => PRODUCT) }],
  ['a 16 s video', '/videos', { prompt: 'Pan', duration: 16 }],
  ['a 3 s video', '/videos', { prompt: 'Pan', duration: 3 }],
  ['an unknown audio mode', '/videos', { prompt: 'Pan', audio_mode: 'loud' }],
  ['an ad without products', '/ads', { brief: 'Sale' }],
  ['an ad in 16:9', '/ads', { brief: 'Sale', product_ids: [PRODUCT], aspect_ratio: '16:9' }],
  ['a blank prompt', '/images', { prompt: '   ' }],
  ['a product id that is not a UUID', '/videos', { prompt: 'Pan', product_id: 'mug-1' }],
  ['a preset id over 64 characters', '/images', { prompt: 'Mug', preset_id: 'p'.repeat(65) }],
  ['brand notes over 2,000 characters', '/ads', { brief: 'Sale', product_ids: [PRODUCT], brand_context: 'x'.repeat(2_001) }]
]

let sb: SandboxHandle
beforeAll(async () => {
  sb = await startSandbox({ ffmpegPath: null })
})
afterAll(async () => {
  await sb?.close()
})

const post = async (path: Endpoint, body: unknown): Promise<number> => {
  const res = await fetch(`${sb.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sb.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  await res.arrayBuffer()
  return res.status
}

describe('requests: client, sandbox and the generated document agree', () => {
  it.each(accepted)('%s %j is accepted by all three', async (path, body) => {
    expect(schemaOf[path].safeParse(body).success).toBe(true)
    const sent = await clientCheck[path](body as never)
    expect(schemaOf[path].safeParse(sent).success).toBe(true)
    expect(await post(path, sent)).toBe(200)
  })

  it.each(refused)('%s is refused by all three', async (_what, path, body) => {
    expect(schemaOf[path].safeParse(body).success).toBe(false)
    await expect(clientCheck[path](body as never)).rejects.toMatchObject({ code: 'invalid_input' })
    expect(await post(path, body)).toBe(400)
  })
})
