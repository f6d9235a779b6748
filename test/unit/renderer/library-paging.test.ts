import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Asset } from '../../../src-preload/contract'
import { eventHandlers } from '../../../src-renderer/src/app/wire-events'
import { appendPage, withAssets } from '../../../src-renderer/src/stores/library-cache'
import { initialLibraryState, PAGE_SIZE, useLibraryStore } from '../../../src-renderer/src/stores/library'
import { installFakeBridge, ok, removeBridge } from './fake-bridge'

const asset = (id: string, over: Partial<Asset> = {}): Asset => ({
  id, kind: 'image', jobId: null, generationId: null, prompt: `Shot ${id}`, productIds: [], aspectRatio: '1:1',
  width: 1024, height: 1024, durationSec: null, bytes: 1, mimeType: 'image/webp', mediaUrl: `m://${id}`, thumbUrl: `m://${id}/t`,
  favorite: false, rating: 0, tags: [], approval: null, adCopy: null, createdAt: '2026-02-14T12:00:00Z', ...over
})

/** A library.list that serves `all` in pages of `size`, with an opaque cursor. */
function pagedList(all: () => Asset[], size: number) {
  return (input: unknown) => {
    const { cursor } = input as { cursor?: string }
    const from = cursor ? Number(cursor.slice(1)) : 0
    const items = all().slice(from, from + size)
    const next = from + size < all().length ? `c${from + size}` : null
    return ok({ items, nextCursor: next, total: all().length })
  }
}

beforeEach(() => useLibraryStore.setState(initialLibraryState))
afterEach(removeBridge)

describe('library cache by id', () => {
  it('appends a page without ids the view already shows', () => {
    expect(appendPage(['a', 'b'], [asset('b'), asset('c'), asset('c'), asset('d')])).toEqual(['a', 'b', 'c', 'd'])
  })

  it('returns the same cache when nothing new arrives', () => {
    const a = asset('a')
    const cache = withAssets({}, [a])
    expect(withAssets(cache, [a])).toBe(cache)
    expect(withAssets(cache, [asset('x')], true)).toBe(cache)
    expect(withAssets(cache, [asset('a', { favorite: true })]).a.favorite).toBe(true)
  })

  it('adds new ids in place and gives a new object when a cached asset changes', () => {
    const given = {}
    const cache = withAssets(given, [asset('a')])
    expect(cache).not.toBe(given)
    expect(given).toEqual({})
    // A page of new ids: no copy of everything loaded.
    expect(withAssets(cache, [asset('b')])).toBe(cache)
    expect(Object.keys(cache).sort()).toEqual(['a', 'b'])
    const changed = withAssets(cache, [asset('c'), asset('a', { rating: 3 })])
    expect(changed).not.toBe(cache)
    expect([changed.a.rating, cache.a.rating, Object.keys(changed).length]).toEqual([3, 0, 3])
  })

  it('appends page after page, and an older list again, without repeating an id', () => {
    const one = appendPage([], [asset('a'), asset('b')])
    const two = appendPage(one, [asset('b'), asset('c')])
    expect(appendPage(two, [asset('a'), asset('d')])).toEqual(['a', 'b', 'c', 'd'])
    expect(appendPage(one, [asset('c'), asset('a')])).toEqual(['a', 'b', 'c'])
    expect(one).toEqual(['a', 'b'])
  })
})

describe('library paging', () => {
  it('asks for full pages and never repeats an item when one is pushed between pages', async () => {
    let all = ['a5', 'a4', 'a3', 'a2', 'a1'].map((id) => asset(id))
    const bridge = installFakeBridge({ 'library.list': pagedList(() => all, 2) })
    await useLibraryStore.getState().fetch()
    expect(bridge.calls[0].input).toMatchObject({ limit: PAGE_SIZE, sort: 'newest' })
    // A job finishes: its asset is pushed, and an offset-paged list would shift by one.
    all = [asset('a6'), ...all]
    eventHandlers['library.added'](asset('a6'))
    await useLibraryStore.getState().more()
    await useLibraryStore.getState().more()
    await useLibraryStore.getState().more()
    const s = useLibraryStore.getState()
    expect(s.ids).toEqual(['a6', 'a5', 'a4', 'a3', 'a2', 'a1'])
    expect(s.nextCursor).toBeNull()
    expect(Object.keys(s.cache).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'])
  })

  it('asks for one page at a time, however often the grid asks', async () => {
    const all = Array.from({ length: 6 }, (_, i) => asset(`a${i}`))
    const bridge = installFakeBridge({ 'library.list': pagedList(() => all, 2) })
    await useLibraryStore.getState().fetch()
    await Promise.all([useLibraryStore.getState().more(), useLibraryStore.getState().more(), useLibraryStore.getState().more()])
    expect(bridge.calls.filter((c) => c.name === 'library.list')).toHaveLength(2)
    expect(useLibraryStore.getState().ids).toEqual(['a0', 'a1', 'a2', 'a3'])
  })

  it('drops a page that answers for a filter no longer shown', async () => {
    const all = Array.from({ length: 4 }, (_, i) => asset(`a${i}`))
    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    installFakeBridge({
      'library.list': (input: unknown) => {
        const q = input as { kind?: string; cursor?: string }
        if (q.kind === 'video') return ok({ items: [asset('v1', { kind: 'video' })], nextCursor: null, total: 1 })
        return q.cursor ? gate.then(() => pagedList(() => all, 2)(input)) : pagedList(() => all, 2)(input)
      }
    })
    await useLibraryStore.getState().fetch()
    const late = useLibraryStore.getState().more()
    useLibraryStore.setState({ kind: 'video' })
    await useLibraryStore.getState().fetch()
    release()
    await late
    expect(useLibraryStore.getState().ids).toEqual(['v1'])
    expect(useLibraryStore.getState().paging).toBe(false)
  })

  it('merges changed assets from events into the cache and drops the gone ones', async () => {
    const bridge = installFakeBridge({
      'library.list': ok({ items: [asset('a1'), asset('a2'), asset('a3')], nextCursor: null, total: 3 }),
      'library.getMany': ok({ items: [asset('a1', { rating: 4 }), asset('a3', { favorite: true })] })
    })
    await useLibraryStore.getState().fetch()
    await useLibraryStore.getState().refreshIds(['a1', 'a2', 'a3', 'elsewhere'])
    const s = useLibraryStore.getState()
    expect(s.ids).toEqual(['a1', 'a3'])
    expect(bridge.calls.filter((c) => c.name === 'library.getMany')).toEqual([{ name: 'library.getMany', input: { ids: ['a1', 'a2', 'a3'] } }])
    expect([s.cache.a1.rating, s.cache.a3.favorite, s.total]).toEqual([4, true, 2])
    expect(s.cache.a2).toBeUndefined()
  })
})
