import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GenerationRequest } from '../../../src-preload/contract'
import { requestOfAsset } from '../../../src-renderer/src/features/create/RemixButton'
import { useAppStore } from '../../../src-renderer/src/stores/app'
import { useCreateStore } from '../../../src-renderer/src/stores/create'
import { useProductsStore } from '../../../src-renderer/src/stores/products'
import { installFakeBridge, ok, removeBridge } from './fake-bridge'
import { job } from './fixtures'
import { freshCreateState } from './fresh-create-state'

const P1 = '0b6c1c52-6a55-4e0f-9d3f-8d7e6c1d2a11'
const now = () => Math.floor(Date.now() / 1000)

beforeEach(freshCreateState)
afterEach(removeBridge)

describe('Remix', () => {
  it('loads every parameter of a request into the form and opens Create', () => {
    useAppStore.getState().navigate('queue')
    const request: GenerationRequest = {
      kind: 'ad',
      params: { brief: 'DR ad', productIds: [P1], aspectRatio: '9:16', imageCount: 4, styleId: 'social_proof', inspirationImage: 'https://a.example/i.png', brandContext: 'calm' }
    }
    useCreateStore.getState().remix(request)
    expect(useAppStore.getState().route).toBe('create')
    expect(useCreateStore.getState().draft).toMatchObject({
      kind: 'ad',
      prompts: { ad: 'DR ad' },
      productIds: [P1],
      adAspect: '9:16',
      adCount: 4,
      adStyle: 'social_proof',
      inspiration: { origin: 'url', url: 'https://a.example/i.png' },
      brandContext: 'calm'
    })
  })

  it('a Library item without its job any more remixes from what the item records', () => {
    const asset = { kind: 'image', prompt: 'Wallet', aspectRatio: '4:3', productIds: [P1], durationSec: null } as never
    expect(requestOfAsset(asset, undefined)).toEqual({
      kind: 'image',
      params: { prompt: 'Wallet', aspectRatio: '4:3', hd: false, imageCount: 1, productIds: [P1] }
    })
    const own: GenerationRequest = { kind: 'image', params: { prompt: 'Job', aspectRatio: '1:1', hd: true, imageCount: 2 } }
    expect(requestOfAsset(asset, own)).toBe(own)
  })
})

describe('picked images whose signed link expired', () => {
  it('are fetched again before sending, in one press', async () => {
    const fresh = `https://k.example/storage/p.webp?exp=${now() + 3600}&sig=new`
    const bridge = installFakeBridge({
      'products.get': ok({ id: P1, name: 'Bag', imageUrl: fresh, segmentedImageUrl: null, thumbUrl: null, category: null, metadata: {}, createdAt: '2026-01-01T00:00:00Z' }),
      'generation.submit': (input: unknown) => ok(job({ id: (input as { actionId: string }).actionId }))
    })
    const s = useCreateStore.getState()
    s.setPrompt('Wallet')
    s.patch({
      references: [{ origin: 'product', url: `https://k.example/storage/p.webp?exp=${now() - 10}&sig=old`, label: 'Bag', thumbUrl: null, sourceId: P1 }]
    })
    const [a, b] = await Promise.all([s.submit(), s.submit()])
    expect(a?.id).toBe(b?.id)
    expect(bridge.calls.map((c) => c.name)).toEqual(['products.get', 'generation.submit'])
    expect((bridge.calls[1]!.input as { params: { referenceImages: string[] } }).params.referenceImages).toEqual([fresh])
    expect(useCreateStore.getState().draft.references[0]!.url).toBe(fresh)
  })

  it('a refresh that fails says so and sends nothing', async () => {
    const bridge = installFakeBridge({})
    const s = useCreateStore.getState()
    s.setPrompt('Wallet')
    s.patch({ kind: 'video', sourceImage: { origin: 'library', url: `https://k.example/o.webp?exp=${now() - 10}`, label: 'Old', thumbUrl: null, sourceId: P1 } })
    expect(await s.submit()).toBeNull()
    expect(bridge.calls.map((c) => c.name)).toEqual(['generation.outputUrl'])
    expect(useCreateStore.getState().failure?.code).toBe('invalid_input')
  })
})

describe('Remix of a request that used a catalogue picture', () => {
  it('shows it as that product again, so an expired signature is fetched fresh before sending', () => {
    const product = { id: P1, name: 'Bag', imageUrl: 'https://k.example/storage/u/bag.webp?exp=2&sig=b', segmentedImageUrl: null, thumbUrl: '/thumb', category: null, metadata: {}, createdAt: '2026-01-01T00:00:00Z' }
    useProductsStore.setState({ items: [product] })
    const old = 'https://k.example/storage/u/bag.webp?exp=1&sig=a'
    useCreateStore.getState().remix({ kind: 'image', params: { prompt: 'x', aspectRatio: '1:1', hd: false, imageCount: 1, referenceImages: [old, 'https://a.example/other.jpg'] } })
    const refs = useCreateStore.getState().draft.references
    expect(refs.map((r) => [r.origin, r.url, r.sourceId])).toEqual([
      ['product', old, P1],
      ['url', 'https://a.example/other.jpg', null]
    ])
    expect(refs[0]!.label).toBe('Bag')
  })
})

describe('Remix of a request that used a Library output', () => {
  const OUT = '7c1d2a11-6a55-4e0f-9d3f-8d7e6c1d2a22'
  const output = { id: OUT, kind: 'image', prompt: 'Wallet on marble', thumbUrl: '/thumb/o', generationId: 'g1' }

  it('holds the old link as that output again, so an expired signature is fetched fresh before sending', async () => {
    const old = `https://k.example/storage/u/g1-0.webp?exp=${now() - 10}&sig=old`
    const fresh = `https://k.example/storage/u/g1-0.webp?exp=${now() + 3600}&sig=new`
    const bridge = installFakeBridge({
      'generation.findOutputs': (input: unknown) => ok({ matches: (input as { urls: string[] }).urls.filter((u) => u === old).map((url) => ({ url, asset: output })) }),
      'generation.outputUrl': ok({ url: fresh }),
      'generation.submit': (input: unknown) => ok(job({ id: (input as { actionId: string }).actionId }))
    })
    const s = useCreateStore.getState()
    s.remix({ kind: 'video', params: { prompt: 'Turn it', sourceImage: old, duration: 5, aspectRatio: '16:9', audioMode: 'auto' } })
    // Pressed at once: the press waits for main's answer, then refreshes the link, then sends.
    const sent = await s.submit()
    expect(sent).not.toBeNull()
    expect(bridge.calls.map((c) => c.name)).toEqual(['generation.findOutputs', 'generation.outputUrl', 'generation.submit'])
    expect(bridge.calls[1]!.input).toEqual({ assetId: OUT })
    expect((bridge.calls[2]!.input as { params: { sourceImage: string } }).params.sourceImage).toBe(fresh)
    expect(useCreateStore.getState().draft.sourceImage).toMatchObject({ origin: 'library', sourceId: OUT, url: fresh, label: 'Wallet on marble' })
  })

  it('a link main does not know stays a plain link, sent as it is', async () => {
    const link = 'https://a.example/shoe.jpg'
    const bridge = installFakeBridge({
      'generation.findOutputs': ok({ matches: [] }),
      'generation.submit': (input: unknown) => ok(job({ id: (input as { actionId: string }).actionId }))
    })
    const s = useCreateStore.getState()
    s.remix({ kind: 'image', params: { prompt: 'x', aspectRatio: '1:1', hd: false, imageCount: 1, referenceImages: [link] } })
    await s.submit()
    expect(bridge.calls.map((c) => c.name)).toEqual(['generation.findOutputs', 'generation.submit'])
    expect(useCreateStore.getState().draft.references[0]).toMatchObject({ origin: 'url', url: link })
  })
})
