import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChatFeature, type ChatFeature } from '../../../src-main/chat/create-chat'
import { createChatGenerationsRepo } from '../../../src-main/db/chat-generations-repo'
import { sharedStudioDatabase } from '../../../src-main/db/studio-database'
import type { KrevClient } from '../../../src-main/krev'
import type { ChatParams } from '../../../src-main/krev/types'
import { defaultSleep } from '../../../src-main/krev/retry'
import type { QueueFeature } from '../../../src-main/queue/create-queue'
import { createTanBag } from '../support/sample-product'
import { startSandboxHarness, type SandboxHarness } from '../support/sandbox-harness'
import { sandboxChatConnection, strictBus } from '../support/test-chat'
import { testQueue } from '../support/test-queue'
import { waitFor } from '../../support/wait-for'

/**
 * Chat results delivered, against the real sandbox over real HTTP: a run that generates
 * two images → two adopted queue jobs (never POSTed by the queue) → two Library assets
 * linked to the conversation and message, costing what the balance lost; and the same
 * when the studio is stopped in the middle of the run and started again.
 */

const KEY = `sk_live_${'R'.repeat(16)}${'5'.repeat(16)}`
const SPEED = 40
const ctx = { transport: 'test' as const }
let h: SandboxHarness
let productId: string
let open: { chat: ChatFeature; queue: QueueFeature } | null = null

/** What each POST /chat carried (the client as the chat feature sees it). */
const startedWith: ChatParams[] = []

function start(): { chat: ChatFeature; queue: QueueFeature } {
  const queue = testQueue(h.dataDir, h.client)
  const spied: KrevClient = { ...h.client, startChat: (p, signal) => (startedWith.push(p), h.client.startChat(p, signal)) }
  const chat = createChatFeature({
    connection: sandboxChatConnection(() => spied),
    library: queue.library,
    bus: strictBus(),
    dataDir: h.dataDir,
    sleep: (ms, signal) => defaultSleep(ms / SPEED, signal),
    queue: { adopt: (i) => queue.service.adopt(i), jobs: async () => (await queue.service.list()).jobs }
  })
  open = { chat, queue }
  return open
}

async function stop(): Promise<void> {
  if (!open) return
  open.chat.dispose()
  open.queue.dispose()
  await open.chat.service.idle()
  await open.queue.idle()
  open = null
}

const balance = async () => (await h.client.credits()).credits.current

beforeAll(async () => {
  h = await startSandboxHarness('chatres', { speed: SPEED, key: KEY })
  productId = await createTanBag(h.client)
})

afterAll(async () => {
  await stop()
  await h?.close()
})

async function delivered(chat: ChatFeature, conversationId: string) {
  let out = await chat.handlers['chat.conversation']({ id: conversationId }, ctx)
  await waitFor(async () => {
    out = await chat.handlers['chat.conversation']({ id: conversationId }, ctx)
    return out.generations.length > 0 && out.generations.every((g) => g.status === 'succeeded' && g.assetIds.length > 0)
  }, { timeoutMs: 30_000 })
  return out
}

describe('chat run → queue jobs → Library assets', () => {
  it('two images asked for: two assets linked to the message, their cost what the balance lost', async () => {
    const { chat, queue } = start()
    await chat.resume()
    const before = await balance()
    const run = await chat.handlers['chat.send']({ message: 'Generate 2 lifestyle images of this bag', productIds: [productId], agent: 'auto' }, ctx)
    const out = await delivered(chat, run.conversationId)
    const assetIds = out.generations.flatMap((g) => g.assetIds)
    expect(assetIds).toHaveLength(2)
    const credits = out.generations.reduce((sum, g) => sum + (g.credits ?? 0), 0)
    expect(before - (await balance())).toBe(credits)
    expect(credits).toBe(80)
    const assistant = out.messages.find((m) => m.role === 'assistant')!
    expect(out.generations.every((g) => g.messageId === assistant.id)).toBe(true)

    const jobs = (await queue.handlers['queue.list']({}, ctx)).jobs
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ status: 'succeeded', source: { type: 'chat', conversationId: run.conversationId, messageId: assistant.id } })
    const assets = (await queue.handlers['library.getMany']({ ids: assetIds }, ctx)).items
    expect(assets.map((a) => a.generationId)).toEqual([out.generations[0]!.generationId, out.generations[0]!.generationId])
    expect(assets.every((a) => a.productIds.includes(productId))).toBe(true)
    await stop()
  })

  it('stopped in the middle of the run and started again: the run resumes, the images still arrive once', async () => {
    let { chat } = start()
    await chat.resume()
    const before = await balance()
    const run = await chat.handlers['chat.send']({ message: 'Generate 2 studio images of this bag', productIds: [productId], agent: 'auto' }, ctx)
    // Stopped as soon as the run has reported its generation (its images not yet made).
    const repo = createChatGenerationsRepo(sharedStudioDatabase(h.dataDir))
    await waitFor(() => repo.forConversation('sandbox', run.conversationId).length > 0, { timeoutMs: 20_000 })
    await stop()

    ;({ chat } = start())
    await chat.resume()
    const out = await delivered(chat, run.conversationId)
    expect(out.generations.flatMap((g) => g.assetIds)).toHaveLength(2)
    expect(before - (await balance())).toBe(out.generations.reduce((sum, g) => sum + (g.credits ?? 0), 0))
    const jobs = (await open!.queue.handlers['queue.list']({}, ctx)).jobs.filter((j) => j.source?.conversationId === run.conversationId)
    expect(jobs).toHaveLength(1)
    await stop()
  })
})

describe('a Library output as a reference image', () => {
  it('is sent as the link Krev serves for it now; an asset Krev did not make is refused, nothing sent', async () => {
    const { chat, queue } = start()
    await chat.resume()
    const [asset] = (await queue.handlers['library.list']({ kind: 'image', sort: 'newest', limit: 1 }, ctx)).items
    const run = await chat.handlers['chat.send']({ message: 'Ad concepts like this one', referenceAssetIds: [asset!.id], agent: 'auto' }, ctx)
    const opened = await chat.handlers['chat.conversation']({ id: run.conversationId }, ctx)
    expect(opened.messages.find((m) => m.role === 'user')).toMatchObject({ referenceAssetIds: [asset!.id] })
    expect(startedWith.at(-1)?.reference_images).toEqual([expect.stringMatching(new RegExp(`^${h.sb.baseUrl}/`))])

    const before = startedWith.length
    const error = await chat.handlers['chat.send']({ message: 'x', referenceAssetIds: ['00000000-0000-4000-8000-00000000dead'], agent: 'auto' }, ctx).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'not_found' })
    expect(startedWith).toHaveLength(before)
    await stop()
  })
})
