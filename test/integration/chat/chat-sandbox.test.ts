import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChatRun, EventName } from '../../../src-preload/contract'
import { createChatFeature, type ChatFeature } from '../../../src-main/chat/create-chat'
import { createChatStore } from '../../../src-main/chat/chat-store'
import { AppError } from '../../../src-main/core/app-error'
import { defaultSleep } from '../../../src-main/krev/retry'
import { waitFor } from '../../support/wait-for'
import { createTanBag } from '../support/sample-product'
import { startSandboxHarness, type SandboxHarness } from '../support/sandbox-harness'
import { sandboxChatConnection, strictBus } from '../support/test-chat'

/**
 * The chat feature against the real sandbox over real HTTP with the real client: a brief
 * with a product runs to an answer, the conversation continues, a Meta mutation is
 * refused with Krev's words, and the list is built from the local store.
 */

const KEY = `sk_live_${'C'.repeat(16)}${'4'.repeat(16)}`
const SPEED = 50
let h: SandboxHarness
let feature: ChatFeature
let productId: string
const events: { name: EventName; payload: unknown }[] = []

const runs = (runId: string) => events.filter((e) => e.name === 'chat.run' && (e.payload as ChatRun).runId === runId).map((e) => e.payload as ChatRun)

async function finished(runId: string): Promise<ChatRun> {
  const over = () => {
    const last = runs(runId).at(-1)
    return last && (last.status === 'succeeded' || last.status === 'failed') ? last : undefined
  }
  await waitFor(() => over() !== undefined, { timeoutMs: 20_000, message: `run ${runId} did not finish; last: ${runs(runId).at(-1)?.status}` })
  return over() as ChatRun
}

beforeAll(async () => {
  h = await startSandboxHarness('chat', { speed: SPEED, key: KEY })
  productId = await createTanBag(h.client)

  const connection = sandboxChatConnection(() => h.client)
  const bus = strictBus()
  bus.subscribe((name, payload) => events.push({ name, payload }))
  // Real timers, sped up like the sandbox: the 1 s → 6 s schedule runs 50× faster.
  feature = createChatFeature({ connection, bus, dataDir: h.dataDir, sleep: (ms, signal) => defaultSleep(ms / SPEED, signal) })
  await feature.resume()
})

afterAll(async () => {
  feature?.dispose()
  await h?.close()
})

describe('chat against the sandbox', () => {
  let conversationId: string

  it('a brief with a product runs to an answer, published as chat.run events', async () => {
    const send = feature.handlers['chat.send']
    const run = await send(
      { message: 'Make three ad concepts for this product and include image ideas', productIds: [productId], agent: 'asset' },
      { transport: 'test' }
    )
    expect(run.status).toBe('queued')
    expect(run.messages.map((m) => [m.role, m.text])).toEqual([['user', 'Make three ad concepts for this product and include image ideas']])
    conversationId = run.conversationId

    const done = await finished(run.runId)
    expect(done.status).toBe('succeeded')
    expect(done.assistantText.length).toBeGreaterThan(40)
    expect(done.messages.map((m) => m.role)).toEqual(['user', 'assistant'])
    expect(done.messages[1]!.text).toBe(done.assistantText)
    // Remote signed media never reaches the renderer; the library feature makes it local.
    expect(done.messages.every((m) => m.mediaUrls.length === 0)).toBe(true)
    expect(runs(run.runId).map((r) => r.status)).toContain('succeeded')
  })

  it('the conversation continues (with generations), and opening it shows both turns', async () => {
    const run = await feature.handlers['chat.send'](
      { message: 'Generate two images of it on dark marble', conversationId, agent: 'auto' },
      { transport: 'test' }
    )
    expect(run.conversationId).toBe(conversationId)
    const done = await finished(run.runId)
    expect(done.status).toBe('succeeded')
    expect(done.messages.map((m) => m.role)).toEqual(['user', 'assistant'])
    // The agent queued generations: their ids ride on the answer, their signed URLs do not.
    expect(done.generationIds.length).toBeGreaterThan(0)
    expect(done.messages[1]!.generationIds).toEqual(done.generationIds)
    expect(done.messages[1]!.mediaUrls).toEqual([])

    const opened = await feature.handlers['chat.conversation']({ id: conversationId }, { transport: 'test' })
    expect(opened.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant'])
    expect(opened.activeRun).toMatchObject({ runId: run.runId, status: 'succeeded' })
  })

  it('a Meta campaign change is refused with Krev’s message', async () => {
    const error = await feature.handlers['chat.send'](
      { message: 'Pause my Meta campaign and raise the budget to $50 a day', conversationId, agent: 'auto' },
      { transport: 'test' }
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'forbidden', retryable: false })
    expect((error as AppError).message).toContain('Meta campaign and account changes are not available in the public chat API')
  })

  it('lists the conversation from the local store', async () => {
    const { items } = await feature.handlers['chat.conversations']({}, { transport: 'test' })
    expect(items).toEqual([
      {
        id: conversationId,
        title: 'Make three ad concepts for this product and include image i…',
        agent: 'auto',
        updatedAt: expect.any(String),
        lastStatus: 'succeeded'
      }
    ])
    await feature.service.idle()
    const file = await createChatStore(h.dataDir).load('sandbox')
    expect(file.conversations[0].runs.map((r: { status: string }) => r.status)).toEqual(['succeeded', 'succeeded'])
  })
})
