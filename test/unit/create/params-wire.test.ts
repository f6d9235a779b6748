import { describe, expect, it } from 'vitest'
import { generationRequest, generationSubmit } from '../../../src-preload/contract'
import { validateAdParams, validateImageParams, validateVideoParams } from '../../../src-main/krev/validate'
import { toKrevRequest } from '../../../src-main/queue/pricing'
import { validateForKrev } from '../../../src-main/queue/validate-request'
import { buildRequest, draftFromRequest, initialDraft, type CreateDraft } from '../../../src-renderer/src/features/create/draft'
import { inputFromUrl, needsRefresh, pastedUrlProblem, signedUrlExpiry } from '../../../src-renderer/src/features/create/image-input'

// Every Create parameter, from the form's draft through the contract to the exact
// snake_case body the client sends (validate*Params returns that body).

const P1 = '0b6c1c52-6a55-4e0f-9d3f-8d7e6c1d2a11'
const P2 = '4f1d2e3c-1b2a-4c5d-8e9f-0a1b2c3d4e5f'
const REF1 = 'https://cdn.example.com/looks/marble.jpg'
const REF2 = 'https://img.example.org/a/b/linen.webp'
const guard = { resolveHost: async () => ['93.184.215.14'] }

async function wire(d: CreateDraft) {
  const built = buildRequest(d)
  if ('error' in built) throw new Error(built.error)
  const req = generationRequest.parse(built.request)
  expect(generationSubmit.parse({ ...built.request, actionId: '2b1f2f67-0c4a-4f3e-9f0f-5a7f3c2b1d10' })).toMatchObject(req)
  const krev = toKrevRequest(req)
  if (krev.kind === 'image') return { req, body: await validateImageParams(krev.params, guard) }
  if (krev.kind === 'video') return { req, body: await validateVideoParams(krev.params, guard) }
  return { req, body: await validateAdParams(krev.params, guard) }
}

const draft = (over: Partial<CreateDraft>): CreateDraft => ({ ...initialDraft, ...over })

describe('Create parameters on the wire', () => {
  it('an image with every parameter set', async () => {
    const d = draft({
      prompts: { image: ' Wallet on marble ', video: '', ad: '' },
      imageAspect: '3:4',
      imageCount: 4,
      hd: true,
      productIds: [P1, P2],
      imagePreset: 'flat_lay',
      references: [inputFromUrl(REF1), inputFromUrl(REF2)]
    })
    const { req, body } = await wire(d)
    expect(body).toEqual({
      prompt: 'Wallet on marble',
      aspect_ratio: '3:4',
      product_ids: [P1, P2],
      preset_id: 'flat_lay',
      hd: true,
      image_count: 4,
      reference_images: [REF1, REF2]
    })
    expect(draftFromRequest(req, initialDraft)).toEqual({ ...d, prompts: { ...d.prompts, image: 'Wallet on marble' } })
  })

  it('an image at its defaults sends only the prompt and the documented defaults', async () => {
    const { body } = await wire(draft({ prompts: { image: 'Sneakers', video: '', ad: '' } }))
    expect(body).toEqual({ prompt: 'Sneakers', aspect_ratio: '1:1', hd: false, image_count: 1 })
  })

  it('a video with every parameter set: one product_id, the source image, a free preset id', async () => {
    const d = draft({
      kind: 'video',
      prompts: { image: '', video: 'Slow orbit', ad: '' },
      videoAspect: '9:16',
      duration: 12,
      audioMode: 'native',
      productIds: [P2],
      videoPreset: 'autumn_catalogue',
      sourceImage: inputFromUrl(REF1)
    })
    const { req, body } = await wire(d)
    expect(body).toEqual({
      prompt: 'Slow orbit',
      aspect_ratio: '9:16',
      duration: 12,
      audio_mode: 'native',
      product_id: P2,
      source_image: REF1,
      preset_id: 'autumn_catalogue'
    })
    expect(draftFromRequest(req, initialDraft)).toEqual(d)
  })

  it('an ad with every parameter set', async () => {
    const d = draft({
      kind: 'ad',
      prompts: { image: '', video: '', ad: 'DR ad for busy parents' },
      adAspect: '9:16',
      adCount: 2,
      productIds: [P1, P2],
      adStyle: 'social_proof',
      inspiration: inputFromUrl(REF2),
      brandContext: 'Warm, direct, no jargon'
    })
    const { req, body } = await wire(d)
    expect(body).toEqual({
      brief: 'DR ad for busy parents',
      product_ids: [P1, P2],
      aspect_ratio: '9:16',
      image_count: 2,
      style_id: 'social_proof',
      inspiration_image: REF2,
      brand_context: 'Warm, direct, no jargon'
    })
    expect(draftFromRequest(req, initialDraft)).toEqual(d)
  })

  it('Remix keeps the other kinds’ prompts and resets what the request did not set', () => {
    const current = draft({ prompts: { image: 'mine', video: 'v', ad: 'a' }, hd: true, imagePreset: 'luxury', references: [inputFromUrl(REF1)] })
    const next = draftFromRequest({ kind: 'image', params: { prompt: 'theirs', aspectRatio: '1:1', hd: false, imageCount: 1 } }, current)
    expect(next.prompts).toEqual({ image: 'theirs', video: 'v', ad: 'a' })
    expect(next).toMatchObject({ hd: false, imagePreset: '', references: [] })
  })
})

describe('image links, refused in main with a message that names the field', () => {
  const req = (referenceImages: string[]) => generationRequest.parse({ kind: 'image', params: { prompt: 'x', referenceImages } })
  const client = { baseUrl: 'https://app.krev.ai/api/v1' }
  const refused = (urls: string[]) => validateForKrev(req(urls), client, 'krev')

  it.each([
    ['http://cdn.example.com/a.jpg', 'Reference image 1 must be an https:// link to a public website.'],
    ['https://localhost/a.jpg', 'Reference image 1 points to a local or private network address. Use a public https:// link.'],
    ['https://192.168.1.20/a.jpg', 'Reference image 1 points to a local or private network address. Use a public https:// link.'],
    ['https://169.254.169.254/latest/meta-data.png', 'Reference image 1 points to a local or private network address. Use a public https:// link.'],
    ['https://cdn.example.com/brochure.pdf', 'Reference image 1 is not an image (.pdf). Use a JPG, PNG or WebP image link.'],
    ['https://cdn.example.com/clip.mp4', 'Reference image 1 is a video (.mp4). Use an image: JPG, PNG or WebP.']
  ])('%s', async (url, message) => {
    await expect(refused([url])).rejects.toMatchObject({ code: 'invalid_input', message })
  })

  it('names the right one of several, and the video source and ad inspiration by their own names', async () => {
    await expect(refused(['https://93.184.215.14/ok.jpg', 'https://10.0.0.8/b.png'])).rejects.toThrow(/^Reference image 2 points to a local/)
    const video = generationRequest.parse({ kind: 'video', params: { prompt: 'x', sourceImage: 'https://93.184.215.14/page.html' } })
    await expect(validateForKrev(video, client, 'krev')).rejects.toThrow('The source image is not an image (.html). Use a JPG, PNG or WebP image link.')
    const ad = generationRequest.parse({ kind: 'ad', params: { brief: 'x', productIds: [P1], inspirationImage: 'http://93.184.215.14/a.png' } })
    await expect(validateForKrev(ad, client, 'krev')).rejects.toThrow('The inspiration image must be an https:// link to a public website.')
  })

  it('accepts a public https image and the sandbox’s own media links in sandbox mode', async () => {
    await expect(refused(['https://93.184.215.14/look.webp'])).resolves.toBeUndefined()
    const own = generationRequest.parse({ kind: 'image', params: { prompt: 'x', referenceImages: ['http://127.0.0.1:4010/storage/u/out.webp?exp=1&sig=a'] } })
    await expect(validateForKrev(own, { baseUrl: 'http://127.0.0.1:4010/api/v1' }, 'sandbox')).resolves.toBeUndefined()
    await expect(validateForKrev(own, client, 'krev')).rejects.toThrow(/must be an https:\/\/ link/)
  })
})

describe('image inputs in the form', () => {
  it('says what is wrong with a pasted link before main is asked', () => {
    expect(pastedUrlProblem('')).toBe('Paste an image link first.')
    expect(pastedUrlProblem('marble.jpg')).toMatch(/^That is not a web address/)
    expect(pastedUrlProblem('http://a.example/x.jpg')).toMatch(/^Use an https:\/\/ link/)
    expect(pastedUrlProblem('https://a.example/x.mov')).toMatch(/video link/)
    expect(pastedUrlProblem(' https://a.example/x.jpg ')).toBeNull()
  })

  it('reads the expiry of signed links and refreshes only picked ones that expired', () => {
    const now = Date.UTC(2026, 0, 1, 12)
    const sec = (ms: number) => Math.floor(ms / 1000)
    expect(signedUrlExpiry(`https://k/storage/a.webp?exp=${sec(now)}&sig=x`)).toBe(sec(now) * 1000)
    expect(signedUrlExpiry('https://s3.example/a.png?X-Amz-Date=20260101T110000Z&X-Amz-Expires=3600')).toBe(now)
    expect(signedUrlExpiry('https://k/a.png')).toBeNull()
    const picked = { origin: 'product' as const, url: `https://k/p.webp?exp=${sec(now) + 30}`, label: 'Bag', thumbUrl: null, sourceId: P1 }
    expect(needsRefresh(picked, now)).toBe(true) // within the minute's margin
    expect(needsRefresh({ ...picked, url: `https://k/p.webp?exp=${sec(now) + 3600}` }, now)).toBe(false)
    expect(needsRefresh({ ...picked, origin: 'url', sourceId: null }, now)).toBe(false)
  })
})
