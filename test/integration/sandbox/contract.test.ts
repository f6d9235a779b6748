import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot, createProduct, expectShape, settle, settleRun, urls, type Booted } from './helpers'
import type { ChatStarted, Credits, Generation, ImageStarted, OpenApiDocument, Product } from './wire'

/**
 * The reference's curl examples, POSTed as written (placeholder product ids replaced by
 * a real one, the 2026-05-01 event_time by "now" so it is inside Meta's 7-day window),
 * must succeed and answer with every field of the reference's example, typed the same.
 */
const EXAMPLES = {
  images: {
    request: { prompt: 'Premium leather wallet on dark marble surface, studio lighting', aspect_ratio: '1:1', image_count: 2 },
    response: { success: true, data: { generation_id: 'a1b2c3d4-...', images: ['https://…/img_001.webp'], image_count: 2, credits_used: 80 } }
  },
  videos: {
    request: { prompt: 'Smooth camera pan around sneakers with soft lighting', aspect_ratio: '16:9', duration: 5 },
    // video_url is a string once done; the POST answers null while the job runs.
    response: { success: true, data: { generation_id: 'e5f6g7h8-...', video_url: null, duration: 5, credits_used: 400 } }
  },
  products: {
    request: { image_url: 'https://example.com/product.jpg', name: 'Premium Leather Wallet' },
    response: {
      success: true,
      data: {
        id: 'a1b2c3d4-...', name: 'Day Shift by Vysionary', image_url: 'https://…', segmented_image_url: 'https://…', category: null,
        metadata: { brandName: null, productName: 'Day Shift', productType: 'supplement', colors: ['black', 'gold'], materials: ['plastic bottle'] },
        source: 'api', created_at: '2026-02-25T23:00:00Z'
      }
    }
  },
  ads: {
    request: { brief: 'Create a direct response ad for this protein bar', product_ids: ['d1e2f3a4-...'], aspect_ratio: '4:5', image_count: 2 },
    response: {
      success: true,
      data: {
        generation_id: 'a1b2c3d4-...', images: ['https://…/ad_001.webp'], image_count: 1, credits_used: 40,
        ad_copy: { style_name: 'Performance Master', hook: 'Built for long days', headline: 'Protein that keeps up', body_copy: 'A clean bar for busy operators.', cta: 'Shop now' }
      }
    }
  },
  chat: {
    request: { message: 'Make three ad concepts for this product and include image ideas', product_ids: ['d1e2f3a4-...'], agent: 'asset' },
    response: {
      success: true,
      data: {
        conversation_id: 'conversation-uuid', user_message_id: 'message-uuid', assistant_message_id: 'message-uuid',
        run_id: 'run-uuid', job_id: 'job-uuid', status: 'queued', poll_url: 'https://app.krev.ai/api/v1/chat/runs/run-uuid'
      }
    }
  },
  conversions: {
    request: {
      event_name: 'Purchase', event_time: 1777632000, event_id: 'order_123', action_source: 'website',
      event_source_url: 'https://example.com/products/wallet', user_data: { email: 'customer@example.com' }, custom_data: { currency: 'USD', value: 79.0 }
    },
    response: { success: true, status: 'sent', events_received: 1 }
  }
}

const GET_EXAMPLES = {
  products: { success: true, data: [{ id: 'd1e2f3a4-...', name: 'Leather Crossbody Bag', image_url: 'https://…', category: null, metadata: { colors: [] }, created_at: '2026-01-15T10:30:00Z' }], meta: { count: 1 } },
  generation: {
    success: true,
    data: { id: 'a1b2c3d4-...', kind: 'image', status: 'succeeded', progress: 100, output: { urls: ['https://…'] }, error: null, created_at: '2026-02-14T12:00:00Z', completed_at: '2026-02-14T12:00:45Z' }
  },
  credits: {
    success: true,
    data: {
      plan: 'pro', plan_name: 'Pro',
      credits: { current: 1840, limit: 2500, current_formatted: '1,840', limit_formatted: '2,500' },
      storage: { used_bytes: 524288000, limit_bytes: 2147483648, used_formatted: '500 MB', limit_formatted: '2 GB' },
      resets_at: '2026-03-01T00:00:00Z'
    }
  }
}

describe('reference examples against the sandbox', () => {
  let b: Booted
  let productId: string
  beforeAll(async () => {
    const { bottlePng } = await import('./helpers')
    const fixture = await bottlePng()
    b = await boot({ credits: 100_000, fetchRemote: async () => fixture })
    productId = (await createProduct(b, 'Peak Protein Bar')).id
  })
  afterAll(() => b.close())

  const withProduct = (request: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(request).replaceAll('d1e2f3a4-...', productId)) as Record<string, unknown>

  for (const [endpoint, example] of Object.entries(EXAMPLES)) {
    it(`POST /${endpoint} example succeeds with the documented shape`, async () => {
      const path = endpoint === 'conversions' ? '/conversions/meta' : `/${endpoint}`
      let request = withProduct(example.request)
      if (endpoint === 'conversions') request = { ...request, event_time: Math.floor(Date.now() / 1000) - 60 }
      const { status, body } = await b.call(path, { json: request })
      expect(status, JSON.stringify(body)).toBe(200)
      expect(expectShape(example.response, body)).toEqual([])
    })
  }

  it('POST /images answers asynchronously, then the generation matches the GET example', async () => {
    const { body } = await b.call<ImageStarted>('/images', { json: EXAMPLES.images.request })
    expect(body.data.images).toEqual([])
    expect(body.data.generation_id).toMatch(/^[0-9a-f-]{36}$/)
    await settle(b, body.data.generation_id)
    const got = await b.call<Generation>(`/generations/${body.data.generation_id}`)
    expect(expectShape(GET_EXAMPLES.generation, got.body)).toEqual([])
    expect(urls(got.body.data)).toHaveLength(2)
    expect(got.body.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })

  it('GET /products and GET /credits match their examples', async () => {
    const list = await b.call<Product[]>('/products?limit=10')
    expect(expectShape(GET_EXAMPLES.products, list.body)).toEqual([])
    expect(list.body.meta?.count).toBe(list.body.data.length)
    const credits = await b.call<Credits>('/credits')
    expect(expectShape(GET_EXAMPLES.credits, credits.body)).toEqual([])
    expect(credits.body.data.resets_at).toMatch(/^\d{4}-\d\d-01T00:00:00Z$/)
  })

  it('chat example: the run polls to succeeded with the documented fields', async () => {
    const { body } = await b.call<ChatStarted>('/chat', { json: withProduct(EXAMPLES.chat.request) })
    expect(body.data.poll_url).toBe(`${b.sb.baseUrl}/api/v1/chat/runs/${body.data.run_id}`)
    const run = await settleRun(b, body.data.run_id)
    for (const field of ['run_id', 'conversation_id', 'status', 'job_status', 'assistant_text', 'messages', 'artifacts', 'generation_ids', 'generations', 'media_urls', 'error']) {
      expect(run).toHaveProperty(field)
    }
    expect(run.status).toBe('succeeded')
    expect(run.assistant_text).toContain('Hook:')
    expect(run.generation_ids).toEqual([]) // "image ideas" are ideas, not generations
  })

  it('serves an OpenAPI 3.1 document covering every endpoint, without auth', async () => {
    const { status, body } = await b.json<OpenApiDocument>('/openapi.json', { key: null })
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    for (const path of ['/images', '/videos', '/ads', '/generations/{id}', '/products', '/credits', '/chat', '/chat/runs/{id}', '/chat/conversations/{id}', '/conversions/meta', '/keys']) {
      expect(body.paths).toHaveProperty([path])
    }
    expect(body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(body.components.schemas.Generation.required).toEqual(expect.arrayContaining(['id', 'kind', 'status', 'progress', 'output', 'error', 'created_at', 'completed_at']))
  })

  it('OpenAPI response schemas list every field the sandbox sends for generations', async () => {
    const { body: doc } = await b.json<OpenApiDocument>('/openapi.json', { key: null })
    const { body } = await b.call<ImageStarted>('/images', { json: { prompt: 'x' } })
    const gen = await settle(b, body.data.generation_id)
    const props = Object.keys(doc.components.schemas.Generation.properties ?? {})
    for (const key of Object.keys(gen)) expect(props).toContain(key)
  })
})
