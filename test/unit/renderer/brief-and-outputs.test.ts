import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Asset, ChatRun, Product } from '../../../src-preload/contract'
import {
  MAX_BRIEF_PRODUCTS,
  briefProducts,
  initialComposerState,
  toggleId,
  useComposerStore
} from '../../../src-renderer/src/features/chat/composer-store'
import { initialChatState, useChatStore } from '../../../src-renderer/src/stores/chat'
import { cachedAssets, initialLibraryState, isVideoThumb, useLibraryStore } from '../../../src-renderer/src/stores/library'
import { fail, installFakeBridge, ok, removeBridge } from './fake-bridge'

const product = (id: string): Product => ({
  id, name: `P ${id}`, imageUrl: null, segmentedImageUrl: null, thumbUrl: `krev-media://p/${id}`, category: null, metadata: {}, createdAt: '2026-01-01T00:00:00Z'
})
const asset = (id: string, over: Partial<Asset> = {}): Asset => ({
  id, kind: 'image', jobId: 'j1', generationId: null, prompt: 'Wallet', productIds: [], aspectRatio: '1:1',
  width: 1024, height: 1024, durationSec: null, bytes: 1, mimeType: 'image/webp', mediaUrl: `m://${id}`, thumbUrl: `m://${id}/t`,
  favorite: false, rating: 0, tags: [], approval: null, adCopy: null, createdAt: '2026-02-14T12:00:00Z', ...over
})
const run: ChatRun = {
  runId: 'r1', conversationId: 'c1', status: 'running', assistantText: '', messages: [], generationIds: [], error: null, updatedAt: '2026-01-01T00:00:02Z'
}

beforeEach(() => {
  useComposerStore.setState(initialComposerState)
  useChatStore.setState(initialChatState)
  useLibraryStore.setState(initialLibraryState)
})
afterEach(removeBridge)

describe('brief products', () => {
  it('toggles ids and stops at the cap', () => {
    expect(toggleId([], 'a')).toEqual(['a'])
    expect(toggleId(['a', 'b'], 'a')).toEqual(['b'])
    const full = Array.from({ length: MAX_BRIEF_PRODUCTS }, (_, i) => `p${i}`)
    expect(toggleId(full, 'extra')).toEqual(full)
    expect(toggleId(full, 'p3')).toHaveLength(MAX_BRIEF_PRODUCTS - 1)
  })

  it('keeps only products that still exist, in picking order', () => {
    expect(briefProducts(['b', 'gone', 'a'], [product('a'), product('b')]).map((p) => p.id)).toEqual(['b', 'a'])
  })

  it('picks, removes and clears in the composer store', () => {
    const s = useComposerStore.getState()
    s.toggleProduct('a')
    s.toggleProduct('b')
    s.removeProduct('a')
    expect(useComposerStore.getState().productIds).toEqual(['b'])
    useComposerStore.getState().clearProducts()
    expect(useComposerStore.getState().productIds).toEqual([])
  })

  it('sends productIds with chat.send, once each, and omits them when none', async () => {
    const bridge = installFakeBridge({ 'chat.send': ok(run) })
    expect(await useChatStore.getState().send('Hooks for these', 'auto', ['a', 'b', 'a'])).toBe(true)
    expect(bridge.calls[0]).toEqual({ name: 'chat.send', input: { message: 'Hooks for these', agent: 'auto', productIds: ['a', 'b'] } })
    await useChatStore.getState().send('And more', 'asset')
    expect(bridge.calls[1].input).toEqual({ message: 'And more', agent: 'asset', conversationId: 'c1' })
  })
})

describe('job outputs in the library store', () => {
  it('fetches missing assets in one batch, once each, and remembers gone and failed ones', async () => {
    const bridge = installFakeBridge({
      'library.getMany': (input: unknown) => {
        const { ids } = input as { ids: string[] }
        if (ids.includes('broken')) return fail('internal', 'disk')
        return ok({ items: ids.filter((id) => id !== 'gone').map((id) => asset(id)) })
      }
    })
    const lib = useLibraryStore.getState()
    // Two rows asking in the same tick: one call.
    await Promise.all([lib.lookup(['a1', 'gone', 'a1']), lib.lookup(['a2', 'gone'])])
    await lib.lookup(['broken'])
    await lib.lookup(['a1', 'a2', 'gone', 'broken'])
    expect(bridge.calls).toEqual([
      { name: 'library.getMany', input: { ids: ['a1', 'gone', 'a2'] } },
      { name: 'library.getMany', input: { ids: ['broken'] } }
    ])
    const s = useLibraryStore.getState()
    expect(Object.keys(s.cache).sort()).toEqual(['a1', 'a2'])
    expect(s.lookups).toEqual({ gone: 'missing', broken: 'failed' })
  })

  it('needs no fetch for assets pushed or already listed', async () => {
    const bridge = installFakeBridge({})
    useLibraryStore.setState({ ids: ['listed'], cache: { listed: asset('listed') } })
    useLibraryStore.getState().added(asset('pushed'))
    await useLibraryStore.getState().lookup(['listed', 'pushed'])
    expect(bridge.calls).toEqual([])
    expect(cachedAssets(useLibraryStore.getState().cache, ['pushed', 'listed']).map((a) => a.id)).toEqual(['pushed', 'listed'])
  })

  it('keeps the cache in step with changes and deletions', async () => {
    installFakeBridge({ 'library.getMany': ok({ items: [] }) })
    useLibraryStore.getState().added(asset('a1'))
    useLibraryStore.getState().replace([asset('a1', { favorite: true }), asset('other')])
    expect(useLibraryStore.getState().cache).toEqual({ a1: asset('a1', { favorite: true }) })
    expect(useLibraryStore.getState().ids).toEqual(['a1'])
    await useLibraryStore.getState().refreshIds(['a1'])
    expect(useLibraryStore.getState().cache).toEqual({})
    expect(useLibraryStore.getState().lookups.a1).toBe('missing')
  })

  it('previews at most four, in job order, skipping unknown ids', () => {
    const cache = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id) => [id, asset(id)]))
    expect(cachedAssets(cache, ['e', 'x', 'a', 'b', 'c', 'd']).map((a) => a.id)).toEqual(['e', 'a', 'b', 'c'])
  })

  it('uses a video element only when the thumbnail is the MP4 itself', () => {
    expect(isVideoThumb(asset('v', { kind: 'video', mimeType: 'video/mp4', mediaUrl: 'm://v', thumbUrl: 'm://v' }))).toBe(true)
    expect(isVideoThumb(asset('v', { kind: 'video', mimeType: 'video/mp4', mediaUrl: 'm://v', thumbUrl: 'm://v/t' }))).toBe(false)
    expect(isVideoThumb(asset('i'))).toBe(false)
  })

  it('holds an asset to open in the library', () => {
    useLibraryStore.getState().setFocus(asset('a1'))
    expect(useLibraryStore.getState().focus?.id).toBe('a1')
    useLibraryStore.getState().setFocus(null)
    expect(useLibraryStore.getState().focus).toBeNull()
  })
})
