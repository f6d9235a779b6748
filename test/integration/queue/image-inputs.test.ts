import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GenerationRequest } from '../../../src-preload/contract'
import type { QueueFeature } from '../../../src-main/queue/create-queue'
import type { RecordedRequest } from '../../../src-main/sandbox/request-log'
import { waitFor } from '../../support/wait-for'
import { startSandboxHarness, type SandboxHarness } from '../support/sandbox-harness'
import { queueInstances } from '../support/sandbox-queue'

/**
 * Image inputs through the real queue, client and sandbox: a bad link is refused at
 * submit with a message naming the field, and then nothing was sent (the sandbox's
 * request record is empty) and nothing persisted (no job, before or after a reopen).
 * A Library output becomes the next generation's reference by its fresh Krev URL.
 */

const ctx = { transport: 'test' as const }
let h: SandboxHarness
const queues = queueInstances()

const open = (): QueueFeature => queues.open(h.dataDir, h.client, { settings: { get: () => ({ pollConcurrency: 2, downloadConcurrency: 2 }) } })

async function received(): Promise<RecordedRequest[]> {
  const res = await fetch(`${h.sb.baseUrl}/__sandbox/requests`, { headers: { 'x-sandbox-admin': h.sb.adminToken } })
  return ((await res.json()) as { data: RecordedRequest[] }).data
}

beforeAll(async () => {
  h = await startSandboxHarness('inputs')
})

afterAll(async () => {
  await queues.stop()
  await h?.close()
})

const image = (referenceImages: string[]): GenerationRequest => ({
  kind: 'image',
  params: { prompt: 'Wallet on marble', aspectRatio: '1:1', hd: false, imageCount: 1, referenceImages }
})

describe('image inputs at submit', () => {
  it.each([
    ['http://cdn.example.com/look.jpg', /^Reference image 1 must be an https:\/\/ link to a public website\.$/],
    ['https://localhost/look.jpg', /^Reference image 1 points to a local or private network address/],
    ['https://192.168.1.20/look.jpg', /^Reference image 1 points to a local or private network address/],
    ['https://93.184.215.14/brochure.pdf', /^Reference image 1 is not an image \(\.pdf\)/]
  ])('%s is refused by name; nothing is sent or persisted', async (url, message) => {
    const f = open()
    await expect(f.handlers['generation.submit'](image([url]), ctx)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) })
    expect(await received()).toEqual([])
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toEqual([])
    expect((await open().handlers['queue.list']({}, ctx)).jobs).toEqual([])
  })

  it('a video source and an ad inspiration are checked the same way', async () => {
    const f = open()
    const video: GenerationRequest = {
      kind: 'video',
      params: { prompt: 'Orbit', aspectRatio: '16:9', duration: 5, audioMode: 'auto', sourceImage: 'https://93.184.215.14/clip.mp4' }
    }
    await expect(f.handlers['generation.submit'](video, ctx)).rejects.toThrow('The source image is a video (.mp4). Use an image: JPG, PNG or WebP.')
    const ad: GenerationRequest = {
      kind: 'ad',
      params: { brief: 'DR ad', productIds: ['0b6c1c52-6a55-4e0f-9d3f-8d7e6c1d2a11'], aspectRatio: '4:5', imageCount: 1, inspirationImage: 'https://10.1.2.3/a.png' }
    }
    await expect(f.handlers['generation.submit'](ad, ctx)).rejects.toThrow(/^The inspiration image points to a local or private network address/)
    expect(await received()).toEqual([])
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toEqual([])
  })

  it('a Library output goes to the next generation by its fresh Krev URL, and that body is what the sandbox received', async () => {
    const f = open()
    const first = await f.handlers['generation.submit'](image([]), ctx)
    await f.idle()
    const done = (await f.handlers['queue.list']({}, ctx)).jobs.find((j) => j.id === first.id)!
    expect(done.status).toBe('succeeded')
    const { url } = await f.handlers['generation.outputUrl']({ assetId: done.assetIds[0]! }, ctx)
    expect(url.startsWith(`${h.sb.baseUrl}/storage/`)).toBe(true)
    // A Remix of a request holding that link (signed anew each time) finds it is this output.
    const { matches } = await f.handlers['generation.findOutputs']({ urls: [url, 'https://93.184.215.14/look.webp'] }, ctx)
    expect(matches.map((m) => [m.url, m.asset.id])).toEqual([[url, done.assetIds[0]]])

    await f.handlers['generation.submit'](image([url, 'https://93.184.215.14/look.webp']), ctx)
    // The job is persisted first and POSTed right after: wait for the second body.
    await waitFor(async () => (await received()).length === 2, { message: 'the second POST never arrived' })
    const bodies = (await received()).map((r) => r.body)
    expect(bodies.at(-1)).toEqual({
      prompt: 'Wallet on marble',
      aspect_ratio: '1:1',
      hd: false,
      image_count: 1,
      reference_images: [url, 'https://93.184.215.14/look.webp']
    })
    await f.idle()
  })
})
