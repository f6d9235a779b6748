import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boot, createProduct, download, settleRun, type Booted } from './helpers'
import type { ChatStarted, Conversation, Credits, Generation } from './wire'

describe('sandbox chat runs', () => {
  let b: Booted
  let product: { id: string; name: string }
  const balance = async () => (await b.call<Credits>('/credits')).body.data.credits.current as number
  beforeAll(async () => {
    b = await boot({ credits: 5000 })
    product = await createProduct(b, 'Day Shift Supplement by Vysionary')
  })
  afterAll(() => b.close())

  it('queues a run that writes three concepts with hooks for the selected product', async () => {
    const start = await b.call<ChatStarted>('/chat', { json: { message: 'Make three ad concepts for this product and include image ideas', product_ids: [product.id], agent: 'asset' } })
    expect(start.status).toBe(200)
    expect(start.body.data.status).toBe('queued')
    const run = await settleRun(b, start.body.data.run_id)
    expect(run).toMatchObject({ status: 'succeeded', job_status: 'completed', error: null, conversation_id: start.body.data.conversation_id })
    expect(run.assistant_text).toContain(product.name)
    expect(run.assistant_text?.match(/Hook:/g)).toHaveLength(3)
    expect(run.assistant_text?.match(/Image idea:/g)).toHaveLength(3)
    expect(run.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant'])
    expect(run.messages[0].id).toBe(start.body.data.user_message_id)
    expect(run.messages[1].id).toBe(start.body.data.assistant_message_id)
    expect(run.artifacts[0]).toMatchObject({ type: 'ad_concepts' })
  })

  it('generates images through the real generator and ledger, with signed media URLs', async () => {
    const before = await balance()
    const start = await b.call<ChatStarted>('/chat', { json: { message: 'Generate 2 lifestyle images of this product on a kitchen counter', product_ids: [product.id] } })
    const run = await settleRun(b, start.body.data.run_id)
    expect(run.status).toBe('succeeded')
    expect(run.generation_ids).toHaveLength(1)
    expect(run.generations[0]).toMatchObject({ id: run.generation_ids[0], kind: 'image', status: 'succeeded', progress: 100 })
    expect(run.media_urls).toHaveLength(2)
    expect(await balance()).toBe(before - 80)
    const meta = await sharp((await download(run.media_urls[0])).data).metadata()
    expect(meta.format).toBe('webp')
    // The generation is a normal one: it can be polled directly too.
    expect((await b.call<Generation>(`/generations/${run.generation_ids[0]}`)).body.data.status).toBe('succeeded')
  })

  it('continues a conversation (and keeps its products); the conversation lists both runs', async () => {
    const first = await b.call<ChatStarted>('/chat', { json: { message: 'Write hooks for this', product_ids: [product.id] } })
    await settleRun(b, first.body.data.run_id)
    const second = await b.call<ChatStarted>('/chat', { json: { message: 'Now make an ad creative for it', conversation_id: first.body.data.conversation_id } })
    expect(second.body.data.conversation_id).toBe(first.body.data.conversation_id)
    const run = await settleRun(b, second.body.data.run_id)
    expect(run.generations[0]).toMatchObject({ kind: 'ad', status: 'succeeded' })
    expect(run.messages).toHaveLength(4)
    const conv = await b.call<Conversation>(`/chat/conversations/${first.body.data.conversation_id}`)
    expect(conv.body.data).toMatchObject({ id: first.body.data.conversation_id, title: 'Write hooks for this' })
    expect(conv.body.data.messages).toHaveLength(4)
    expect(conv.body.data.runs).toEqual([
      { run_id: first.body.data.run_id, status: 'succeeded' },
      { run_id: second.body.data.run_id, status: 'succeeded' }
    ])
    const stranger = b.sb.createKey({ scopes: ['chat'], userId: 'stranger' })
    expect((await b.call(`/chat/conversations/${first.body.data.conversation_id}`, { key: stranger })).status).toBe(404)
    expect((await b.call(`/chat/runs/${first.body.data.run_id}`, { key: stranger })).status).toBe(404)
    expect((await b.call('/chat', { key: stranger, json: { message: 'hi', conversation_id: first.body.data.conversation_id } })).status).toBe(404)
  })

  it('refuses Meta campaign and account changes with 403', async () => {
    for (const message of [
      'pause my Meta campaign',
      'Increase budget to $50/day',
      'publish to ads manager',
      'turn off the retargeting ad set',
      'Launch this creative on Facebook'
    ]) {
      const res = await b.call('/chat', { json: { message } })
      expect(res.status, message).toBe(403)
      expect(res.body.error).toBe('Meta campaign and account changes are not available in the public chat API')
    }
  })

  it('discover runs write ad-library style research', async () => {
    const start = await b.call<ChatStarted>('/chat', { json: { message: 'What are supplement brands running right now?', agent: 'discover', product_ids: [product.id] } })
    const run = await settleRun(b, start.body.data.run_id)
    expect(run.assistant_text).toMatch(/Ad-library research/)
    expect(run.assistant_text).toMatch(/Hooks/)
    expect(run.generation_ids).toEqual([])
  })

  it('explains instead of failing when credits are short', async () => {
    b.sb.setCredits('default', 10)
    const start = await b.call<ChatStarted>('/chat', { json: { message: 'generate 4 images of this product', product_ids: [product.id] } })
    const run = await settleRun(b, start.body.data.run_id)
    expect(run.status).toBe('succeeded')
    expect(run.generation_ids).toEqual([])
    expect(run.assistant_text).toMatch(/needs 160 credits/)
    expect(await balance()).toBe(10)
  })
})
