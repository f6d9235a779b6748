import { randomUUID } from 'node:crypto'
import { inspect } from 'node:util'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/core/app-error'
import { createKrevClient } from '../../../src-main/krev/client'
import { wasMaybeProcessed } from '../../../src-main/krev/errors'
import { createRateLimiter } from '../../../src-main/krev/rate-limiter'
import { defaultSleep } from '../../../src-main/krev/retry'
import { sniffImageType } from '../../../src-main/krev/product-image'
import type { KrevClient, KrevClientOptions, RequestInfo } from '../../../src-main/krev/types'
import { startSandbox, type SandboxHandle } from '../../../src-main/sandbox/index'
import { settleGeneration } from '../../support/settle-generation'
import { waitFor } from '../../support/wait-for'

/**
 * The client against the real sandbox over real HTTP: every endpoint's happy path and
 * every documented error status, plus the sandbox's fault injection for the transport
 * failures. The sandbox's media origin is passed as a trusted media origin, as the app
 * does when it embeds the sandbox.
 */

let sb: SandboxHandle
let png: Buffer
let jpeg: Buffer
let webp: Buffer
const remote = new Map<string, Buffer>()

beforeAll(async () => {
  const base = { width: 96, height: 96, channels: 3 as const, background: { r: 200, g: 120, b: 60 } }
  png = await sharp({ create: base }).png().toBuffer()
  jpeg = await sharp({ create: { ...base, background: { r: 30, g: 60, b: 200 } } }).jpeg().toBuffer()
  webp = await sharp({ create: { ...base, background: { r: 20, g: 160, b: 90 } } }).webp().toBuffer()
  remote.set('https://cdn.shop.example/bag.webp', webp)
  remote.set('https://cdn.shop.example/ref.png', png)
  sb = await startSandbox({
    speed: 200,
    ffmpegPath: null,
    rateLimit: { capacity: 10_000, refillPerSecond: 1_000 },
    fetchRemote: async (url) => {
      const data = remote.get(url)
      if (!data) throw new Error('not found')
      return data
    }
  })
})

afterAll(async () => {
  await sb?.close()
})

afterEach(() => {
  sb.faults.clear()
})

interface Harness {
  client: KrevClient
  logs: RequestInfo[]
  /** Delays the client asked for (the real wait is shortened to keep tests fast). */
  sleeps: number[]
}

function harness(over: Partial<KrevClientOptions> = {}): Harness {
  const logs: RequestInfo[] = []
  const sleeps: number[] = []
  const client = createKrevClient({
    baseUrl: sb.baseUrl,
    getKey: () => sb.key,
    trustedMediaOrigins: [sb.baseUrl],
    resolveHost: async () => ['93.184.216.34'],
    onRequest: (i) => logs.push(i),
    sleep: (ms, signal) => {
      sleeps.push(ms)
      return defaultSleep(Math.min(ms, 25), signal)
    },
    ...over
  })
  return { client, logs, sleeps }
}


async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return e as AppError
  }
  throw new Error('expected a rejection')
}

async function fetchMedia(url: string): Promise<Buffer> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

describe('happy paths', () => {
  let productId = ''

  it('credits', async () => {
    const credits = await harness().client.credits()
    expect(credits.plan).toBe('pro')
    expect(credits.credits.current).toBeGreaterThan(0)
    expect(credits.credits.limit).toBeGreaterThan(0)
  })

  it('creates a product from a base64 data URL, then reads and lists it', async () => {
    const { client } = harness()
    const product = await client.createProduct({ image_url: `data:image/png;base64,${png.toString('base64')}`, name: 'Terracotta Mug' })
    expect(product.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(product.name).toBe('Terracotta Mug')
    expect(product.image_url?.startsWith(sb.baseUrl)).toBe(true)
    productId = product.id
    expect((await client.getProduct(product.id)).id).toBe(product.id)
    const list = await client.listProducts({ limit: 5 })
    expect(list.map((p) => p.id)).toContain(product.id)
    expect(sniffImageType(await fetchMedia(product.image_url as string))).not.toBeNull()
  })

  it('creates a product from a multipart file upload', async () => {
    const product = await harness().client.createProduct({
      file: { data: jpeg, fileName: 'wallet.jpg', mimeType: 'image/jpeg' },
      name: 'Leather Wallet',
      skip_segmentation: true
    })
    expect(product.name).toBe('Leather Wallet')
    expect(product.segmented_image_url).toBeNull()
    expect(sniffImageType(await fetchMedia(product.image_url as string))).toBe('image/jpeg')
  })

  it('creates a product from an https URL (fetched by the sandbox)', async () => {
    const product = await harness().client.createProduct({ image_url: 'https://cdn.shop.example/bag.webp' })
    expect(product.name.length).toBeGreaterThan(0)
    expect(product.segmented_image_url?.startsWith(sb.baseUrl)).toBe(true)
  })

  it('generates images with a product and a reference image, and waits for them', async () => {
    const { client } = harness()
    const started = await client.generateImages({
      prompt: 'Mug on dark marble, studio lighting',
      aspect_ratio: '4:3',
      product_id: productId,
      image_count: 2,
      reference_images: ['https://cdn.shop.example/ref.png']
    })
    expect(started.credits_used).toBe(80)
    const seen: string[] = []
    const done = await settleGeneration(client, started.generation_id, (g) => seen.push(g.status))
    expect(done.status).toBe('succeeded')
    expect(done.progress).toBe(100)
    expect(done.output?.urls).toHaveLength(2)
    expect(seen.at(-1)).toBe('succeeded')
    for (const url of done.output?.urls ?? []) expect(sniffImageType(await fetchMedia(url))).not.toBeNull()
  })

  it("feeds an earlier output back in (the sandbox's own signed URL) as a reference and as a video's source image", async () => {
    const { client } = harness()
    const first = await client.generateImages({ prompt: 'Mug, first take', product_id: productId })
    const output = (await settleGeneration(client, first.generation_id)).output?.urls[0] ?? ''
    expect(output.startsWith(`${sb.baseUrl}/storage/`)).toBe(true)
    const again = await client.generateImages({ prompt: 'Same mug, new angle', reference_images: [output] })
    expect((await settleGeneration(client, again.generation_id)).status).toBe('succeeded')
    const video = await client.generateVideo({ prompt: 'Slow push in', duration: 4, source_image: output })
    expect((await settleGeneration(client, video.generation_id)).status).toBe('succeeded')
  })

  it('generates a video and waits for it', async () => {
    const { client } = harness()
    const started = await client.generateVideo({ prompt: 'Slow pan around the mug', duration: 4, aspect_ratio: '1:1', product_id: productId })
    expect(started.duration).toBe(4)
    const done = await settleGeneration(client, started.generation_id)
    expect(done.kind).toBe('video')
    expect(done.output?.urls.length).toBeGreaterThan(0)
  })

  it('generates an ad with copy and waits for it', async () => {
    const { client } = harness()
    const started = await client.generateAd({ brief: 'Direct response ad for the mug', product_ids: [productId], aspect_ratio: '4:5' })
    expect(started.ad_copy?.headline.length).toBeGreaterThan(0)
    const done = await settleGeneration(client, started.generation_id)
    expect(done.status).toBe('succeeded')
  })

  it('runs a chat: start, poll the run, read the conversation', async () => {
    const { client } = harness()
    const started = await client.startChat({ message: 'Give me two image ideas for this mug', product_ids: [productId], agent: 'asset' })
    expect(started.status).toBe('queued')
    let run = await client.getChatRun(started.run_id)
    await waitFor(async () => {
      run = await client.getChatRun(started.run_id)
      return ['succeeded', 'failed'].includes(run.status)
    }, { timeoutMs: 20_000, everyMs: 50 })
    expect(run.status).toBe('succeeded')
    expect(run.conversation_id).toBe(started.conversation_id)
    expect(run.messages.length).toBeGreaterThanOrEqual(2)
    const conversation = await client.getConversation(started.conversation_id)
    expect(conversation.id).toBe(started.conversation_id)
    expect(conversation.messages.length).toBeGreaterThanOrEqual(2)
    // Continue the same conversation.
    const next = await client.startChat({ message: 'Now a third one', conversation_id: started.conversation_id })
    expect(next.conversation_id).toBe(started.conversation_id)
  })

  it('sends one Meta conversion event', async () => {
    const result = await harness().client.sendConversion({
      event_name: 'Purchase',
      event_time: Math.floor(Date.now() / 1000),
      event_id: 'order_123',
      action_source: 'website',
      event_source_url: 'https://example.com/products/wallet',
      user_data: { email: 'customer@example.com' },
      custom_data: { currency: 'USD', value: 79 }
    })
    expect(result).toEqual({ status: 'sent', events_received: 1 })
  })
})

describe('error statuses', () => {
  it('401 for an unknown key, not retried', async () => {
    const { client, logs } = harness({ getKey: () => `sk_live_${'Z'.repeat(32)}` })
    const err = await caught(client.credits())
    expect(err.code).toBe('unauthorized')
    expect(err.status).toBe(401)
    expect(err.serverMessage).toBe('Invalid API key')
    expect(logs).toHaveLength(1)
  })

  it('403 for a key without the scope', async () => {
    const key = sb.createKey({ scopes: ['images'] })
    const { client, logs } = harness({ getKey: () => key })
    const err = await caught(client.credits())
    expect(err.code).toBe('forbidden')
    expect(err.serverMessage).toMatch(/scope/)
    expect(logs).toHaveLength(1)
  })

  it('402 when the balance is too low, not retried', async () => {
    const key = sb.createKey({ scopes: ['images', 'credits'], userId: 'broke' })
    sb.setCredits('broke', 10)
    const { client, logs } = harness({ getKey: () => key })
    const err = await caught(client.generateImages({ prompt: 'anything' }))
    expect(err.code).toBe('insufficient_credits')
    expect(err.retryable).toBe(false)
    expect(logs).toHaveLength(1)
    expect((await client.credits()).credits.current).toBe(10)
  })

  it('404 for unknown ids', async () => {
    const { client } = harness()
    for (const p of [client.getGeneration(randomUUID()), client.getProduct(randomUUID()), client.getChatRun(randomUUID()), client.getConversation(randomUUID())]) {
      const err = await caught(p)
      expect(err.code).toBe('not_found')
      expect(err.status).toBe(404)
    }
    const ad = await caught(client.generateAd({ brief: 'x', product_ids: [randomUUID()] }))
    expect(ad.code).toBe('not_found')
    expect(ad.serverMessage).toMatch(/Product not found/)
  })

  it("what the wire schema refuses is refused before sending, in the creator's words", async () => {
    const { client, logs } = harness()
    const sent = logs.length
    // Meta's 7-day window is the wire schema's too (judged by this clock), as the sandbox judges it by its own.
    const old = await caught(
      client.sendConversion({ event_name: 'Purchase', event_time: 1_000_000_000, action_source: 'website', user_data: { email: 'a@b.c' } })
    )
    expect(old.code).toBe('invalid_input')
    expect(old.message).toBe('Meta only accepts events from the last 7 days.')
    // The 64-character cap on preset ids is the wire schema's, so the client refuses it before sending.
    const preset = await caught(client.generateImages({ prompt: 'x', preset_id: 'p'.repeat(80) }))
    expect(preset.code).toBe('invalid_input')
    expect(preset.message).toMatch(/^Style preset "p+…" is not a valid preset\.$/)
    expect(logs.length).toBe(sent)
  })

  it('429 from a tight per-user rate limit carries Retry-After', async () => {
    const tight = await startSandbox({ rateLimit: { capacity: 1, refillPerSecond: 0.5 }, ffmpegPath: null })
    try {
      const client = createKrevClient({ baseUrl: tight.baseUrl, getKey: () => tight.key, retry: { maxAttempts: 1 } })
      await client.credits()
      const err = await caught(client.credits())
      expect(err.code).toBe('rate_limited')
      expect(err.retryAfterMs).toBe(2000)

      // With retries and a shared limiter, two "jobs" both get through after waiting: each
      // 429's Retry-After closes the shared gate, and the limiter holds the jobs until it reopens.
      const penalties: number[] = []
      const waits: { endsAt: number; reopensAt: number }[] = []
      const shared = createRateLimiter({
        jitterMs: 50,
        spacingMs: 100,
        sleep: (ms, signal) => {
          waits.push({ endsAt: Date.now() + ms, reopensAt: shared.blockedUntil() })
          return defaultSleep(ms, signal)
        }
      })
      const limiter = { acquire: shared.acquire, penalize: (ms: number) => (penalties.push(ms), shared.penalize(ms)) }
      const statuses: number[] = []
      const job = () =>
        createKrevClient({
          baseUrl: tight.baseUrl,
          getKey: () => tight.key,
          limiter,
          retry: { maxAttempts: 6 },
          onRequest: (i) => statuses.push(i.status ?? 0)
        })
      const [a, b] = await Promise.all([job().credits(), job().credits()])
      expect(a.plan).toBe('pro')
      expect(b.plan).toBe('pro')
      const limited = statuses.filter((s) => s === 429).length
      expect(limited).toBeGreaterThan(0)
      // One penalty per 429, of the sandbox's Retry-After (whole seconds, at most the 2 s a token takes).
      expect(penalties).toHaveLength(limited)
      for (const ms of penalties) expect([1000, 2000]).toContain(ms)
      // Every retry waited in the limiter, and no wait ended before the gate reopened.
      expect(waits.length).toBeGreaterThanOrEqual(limited)
      for (const w of waits) expect(w.endsAt).toBeGreaterThanOrEqual(w.reopensAt)
    } finally {
      await tight.close()
    }
  }, 30_000)

  it('429 (injected) on a GET and on a create POST → retried after Retry-After, charged once', async () => {
    const { client, sleeps, logs } = harness()
    sb.faults.set({ method: 'GET', path: '/api/v1/credits', action: { type: 'rate-limit', retryAfter: '2' }, times: 1 })
    const before = (await client.credits()).credits.current
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000)
    sb.faults.set({ method: 'POST', path: '/api/v1/images', action: { type: 'rate-limit', retryAfter: '1' }, times: 1 })
    const started = await client.generateImages({ prompt: 'retry me' })
    expect(started.credits_used).toBe(40)
    expect(logs.filter((l) => l.path === '/api/v1/images').map((l) => l.status)).toEqual([429, 200])
    expect((await client.credits()).credits.current).toBe(before - 40)
  })

  it('429 with a garbage Retry-After → default backoff', async () => {
    const { client, sleeps } = harness({ random: () => 1, retry: { baseDelayMs: 300 } })
    sb.faults.set({ method: 'GET', path: '/api/v1/credits', action: { type: 'rate-limit', retryAfter: 'soon-ish' }, times: 1 })
    await client.credits()
    expect(sleeps).toEqual([300])
  })

  it('500 (injected): a GET is retried once, a create POST is not', async () => {
    const { client, logs } = harness()
    const started = await client.generateImages({ prompt: 'for polling' })
    sb.faults.set({ method: 'GET', path: '/api/v1/generations/*', action: { type: 'status', status: 500 }, times: 1 })
    const g = await client.getGeneration(started.generation_id)
    expect(g.id).toBe(started.generation_id)
    expect(logs.filter((l) => l.path.startsWith('/api/v1/generations/')).map((l) => l.status)).toEqual([500, 200])

    sb.faults.set({ method: 'POST', path: '/api/v1/videos', action: { type: 'status', status: 500 }, times: 1 })
    const err = await caught(client.generateVideo({ prompt: 'x' }))
    expect(err.code).toBe('server_error')
    expect(err.retryable).toBe(true)
    expect(logs.filter((l) => l.path === '/api/v1/videos')).toHaveLength(1)
  })
})

describe('transport faults from the sandbox', () => {
  it('a reset after a create POST was sent → not retried, maybe-processed, and the generation exists', async () => {
    const { client, logs } = harness()
    const before = (await client.credits()).credits.current
    sb.faults.set({ method: 'POST', path: '/api/v1/images', action: { type: 'reset' }, times: 1 })
    const err = await caught(client.generateImages({ prompt: 'reset after send' }))
    expect(err.code).toBe('network')
    expect(wasMaybeProcessed(err)).toBe(true)
    expect(logs.filter((l) => l.path === '/api/v1/images')).toHaveLength(1)
    // The sandbox processed it: charged once. The queue must reconcile, never re-POST blindly.
    expect((await client.credits()).credits.current).toBe(before - 40)
  })

  it('a reset on a GET is retried', async () => {
    const { client } = harness()
    sb.faults.set({ method: 'GET', path: '/api/v1/credits', action: { type: 'reset' }, times: 1 })
    await expect(client.credits()).resolves.toMatchObject({ plan: 'pro' })
  })

  it.each([
    ['truncated JSON', { type: 'truncated-json' as const }],
    ['an HTML page with 200', { type: 'html' as const, status: 200 }]
  ])('%s → invalid_response', async (_n, action) => {
    sb.faults.set({ method: 'GET', path: '/api/v1/credits', action })
    expect((await caught(harness().client.credits())).code).toBe('invalid_response')
  })

  it('a 502 HTML page from a "proxy" on a GET is retried', async () => {
    sb.faults.set({ method: 'GET', path: '/api/v1/credits', action: { type: 'html' }, times: 1 })
    await expect(harness().client.credits()).resolves.toMatchObject({ plan: 'pro' })
  })

  it('progress 150 / -1 is clamped; an unknown status is invalid_response', async () => {
    const { client } = harness()
    const { generation_id: id } = await client.generateImages({ prompt: 'patch me' })
    sb.faults.set({ method: 'GET', path: '/api/v1/generations/*', action: { type: 'patch', data: { progress: 150 } }, times: 1 })
    expect((await client.getGeneration(id)).progress).toBe(100)
    sb.faults.set({ method: 'GET', path: '/api/v1/generations/*', action: { type: 'patch', data: { progress: -1, status: 'processing' } }, times: 1 })
    expect((await client.getGeneration(id)).progress).toBe(0)
    sb.faults.set({ method: 'GET', path: '/api/v1/generations/*', action: { type: 'patch', data: { status: 'exploded' } }, times: 1 })
    expect((await caught(client.getGeneration(id))).code).toBe('invalid_response')
  })

  it('a failed generation reads as failed, with the server text', async () => {
    const { client } = harness()
    sb.faults.set({ method: 'POST', path: '/api/v1/images', action: { type: 'fail-generation', error: 'Renderer crashed' }, times: 1 })
    const { generation_id: id } = await client.generateImages({ prompt: 'doomed' })
    const done = await settleGeneration(client, id)
    expect(done.status).toBe('failed')
    expect(done.error).toBe('Renderer crashed')
  })

  it('a huge body is aborted at the cap', async () => {
    sb.faults.set({ method: 'GET', path: '/api/v1/credits', action: { type: 'huge-body', bytes: 20 * 1024 * 1024 } })
    const err = await caught(harness({ maxJsonBytes: 512 * 1024 }).client.credits())
    expect(err.code).toBe('invalid_response')
  })

  it('the key never appears in any error or log line', async () => {
    const logs: RequestInfo[] = []
    const errors: AppError[] = []
    const { client } = harness({ onRequest: (i) => logs.push(i), retry: { maxAttempts: 2 } })
    sb.faults.set({ path: '/api/v1/**', action: { type: 'reset' }, times: 2 })
    errors.push(await caught(client.generateImages({ prompt: 'x' })))
    errors.push(await caught(client.generateImages({ prompt: 'x' })))
    sb.faults.clear()
    errors.push(await caught(harness({ getKey: () => sb.createKey({ scopes: ['chat'] }) }).client.credits()))
    errors.push(await caught(client.getGeneration(randomUUID())))
    for (const e of errors) {
      const visible = [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 5, showHidden: true }), e.serverMessage].join('\n')
      expect(visible).not.toContain(sb.key)
      expect(visible).not.toMatch(/sk_live_/)
    }
    for (const l of logs) expect(JSON.stringify(l)).not.toMatch(/sk_live_|bearer|authorization/i)
  })
})
