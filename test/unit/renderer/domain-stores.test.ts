import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Asset, ChatMessage, ChatRun, Product } from '../../../src-preload/contract'
import { activeCount, initialQueueState, upsert, useQueueStore, withProgress } from '../../../src-renderer/src/stores/queue'
import { initialProductsState, mergeProducts, useProductsStore } from '../../../src-renderer/src/stores/products'
import { initialLibraryState, matchesFilter, useLibraryStore } from '../../../src-renderer/src/stores/library'
import { initialChatState, mergeMessages, useChatStore } from '../../../src-renderer/src/stores/chat'
import { fullPrompt, jobSpec, pauseReason } from '../../../src-renderer/src/features/queue/job-view'
import { fail, installFakeBridge, ok, removeBridge } from './fake-bridge'
import { job } from './fixtures'

const product = (id: string, createdAt: string): Product => ({
  id, name: id, imageUrl: null, segmentedImageUrl: null, thumbUrl: null, category: null, metadata: {}, createdAt
})
const asset = (over: Partial<Asset>): Asset => ({
  id: 'a1', kind: 'image', jobId: null, generationId: null, prompt: 'Wallet on marble', productIds: [], aspectRatio: '1:1',
  width: 1024, height: 1024, durationSec: null, bytes: 1, mimeType: 'image/png', mediaUrl: 'krev-media://a1', thumbUrl: 'krev-media://a1/t',
  favorite: false, rating: 0, tags: ['summer'], approval: null, adCopy: null, createdAt: '2026-02-14T12:00:00Z', ...over
})
const msg = (id: string, createdAt: string, role: ChatMessage['role'] = 'user'): ChatMessage => ({ id, role, text: id, createdAt, generationIds: [], mediaUrls: [] })

beforeEach(() => {
  useQueueStore.setState(initialQueueState)
  useProductsStore.setState(initialProductsState)
  useLibraryStore.setState(initialLibraryState)
  useChatStore.setState(initialChatState)
})
afterEach(removeBridge)

describe('queue store', () => {
  it('upserts in queue order (running, then finished newest first), applies progress and counts active jobs', () => {
    let jobs = upsert([], job({ id: 'a', createdAt: '2026-01-01T00:00:00Z' }))
    jobs = upsert(jobs, job({ id: 'b', createdAt: '2026-01-02T00:00:00Z', status: 'succeeded' }))
    expect(jobs.map((j) => j.id)).toEqual(['a', 'b'])
    jobs = upsert(jobs, job({ id: 'c', createdAt: '2026-01-03T00:00:00Z', status: 'succeeded' }))
    expect(jobs.map((j) => j.id)).toEqual(['a', 'c', 'b'])
    jobs = jobs.filter((j) => j.id !== 'c')
    jobs = withProgress(jobs, { jobId: 'a', status: 'downloading', progress: 90 })
    expect(jobs[0]).toMatchObject({ status: 'downloading', progress: 90 })
    expect(withProgress(jobs, { jobId: 'zzz', status: 'failed', progress: 0 })).toBe(jobs)
    expect(activeCount(jobs)).toBe(1)
  })

  it('runs job actions and reports their errors', async () => {
    installFakeBridge({ 'queue.cancel': ok(job({ status: 'cancelled' })), 'queue.remove': ok({ removed: true }), 'queue.retry': fail('conflict', 'Already running') })
    useQueueStore.getState().upsertJob(job())
    expect(await useQueueStore.getState().act('cancel', 'j1')).toBeNull()
    expect(useQueueStore.getState().jobs[0].status).toBe('cancelled')
    expect(await useQueueStore.getState().act('retry', 'j1')).toBe('Already running')
    expect(await useQueueStore.getState().act('remove', 'j1')).toBeNull()
    expect(useQueueStore.getState().jobs).toEqual([])
  })

  it('describes jobs and pauses in words', () => {
    expect(jobSpec(job())).toBe('2 images · 1:1')
    expect(jobSpec(job({ request: { kind: 'video', params: { prompt: 'x', aspectRatio: '9:16', duration: 8, audioMode: 'auto' } } }))).toBe('Video · 9:16 · 8 s')
    expect(pauseReason({ paused: true, reason: 'rate_limited', resumesAt: null })).toMatch(/slow down/)
    expect(pauseReason({ paused: true, reason: 'unauthorized', resumesAt: null })).toMatch(/API key/)
  })
})

describe('a job row’s tooltip', () => {
  it('is the whole prompt on one line (an ad’s brief), a few lines at most', () => {
    const long = `A tan wallet\n\n  on marble, ${'very '.repeat(200)}shiny`
    const j = job({ title: 'A tan wallet', request: { kind: 'image', params: { prompt: long, aspectRatio: '1:1', hd: false, imageCount: 1 } } })
    const text = fullPrompt(j)
    expect(text.startsWith('A tan wallet on marble, very very')).toBe(true)
    expect(text).toHaveLength(600)
    expect(text.endsWith('…')).toBe(true)
    const ad = job({ kind: 'ad', title: 'Spring', request: { kind: 'ad', params: { brief: ' Spring  sale ', productIds: ['p'], aspectRatio: '4:5', imageCount: 1 } } })
    expect(fullPrompt(ad)).toBe('Spring sale')
  })
})

describe('products store', () => {
  it('merges products newest first without duplicates', () => {
    const merged = mergeProducts([product('a', '2026-01-01'), product('b', '2026-01-03')], [{ ...product('a', '2026-01-01'), name: 'A2' }, product('c', '2026-01-02')])
    expect(merged.map((p) => `${p.id}:${p.name}`)).toEqual(['b:b', 'c:c', 'a:A2'])
  })

  it('tracks upload progress and keeps failures visible', () => {
    const s = useProductsStore.getState()
    s.applyUploadProgress({ uploadId: 'u1', fileName: 'bag.jpg', phase: 'analysing' })
    s.applyUploadProgress({ uploadId: 'u2', fileName: 'x.png', phase: 'failed', message: 'Too small' })
    s.applyUploadProgress({ uploadId: 'u1', fileName: 'bag.jpg', phase: 'done' })
    expect(Object.keys(useProductsStore.getState().uploads)).toEqual(['u2'])
  })

  it('records a failed upload as a problem', async () => {
    installFakeBridge({ 'products.upload': fail('payload_too_large', 'That photo is too large') })
    expect(await useProductsStore.getState().upload({ fileName: 'big.jpg', mimeType: 'image/jpeg', dataBase64: 'AA==' })).toBeNull()
    expect(useProductsStore.getState()).toMatchObject({ sending: 0, problems: [{ fileName: 'big.jpg', message: 'That photo is too large' }] })
  })
})

describe('library store', () => {
  it('filters by kind and search', () => {
    expect(matchesFilter(asset({}), { kind: 'all', search: '' })).toBe(true)
    expect(matchesFilter(asset({}), { kind: 'video', search: '' })).toBe(false)
    expect(matchesFilter(asset({}), { kind: 'image', search: 'MARBLE' })).toBe(true)
    expect(matchesFilter(asset({}), { kind: 'image', search: '  marble   wallet ' })).toBe(true)
    expect(matchesFilter(asset({}), { kind: 'image', search: 'summer' })).toBe(true)
    expect(matchesFilter(asset({}), { kind: 'image', search: 'sneaker' })).toBe(false)
  })

  it('filters pushed assets by rating, favourite, tag, approval and day too', () => {
    const a = asset({ rating: 3, favorite: true, tags: ['hero'], approval: 'approved', createdAt: new Date(2026, 1, 14, 12).toISOString() })
    expect(matchesFilter(a, { minRating: 3, favorite: true, tag: 'hero', approval: 'approved', from: '2026-02-14', to: '2026-02-14' })).toBe(true)
    expect(matchesFilter(a, { minRating: 4 })).toBe(false)
    expect(matchesFilter(a, { favorite: false })).toBe(false)
    expect(matchesFilter(a, { tag: 'her' })).toBe(false)
    expect(matchesFilter(a, { approval: 'unreviewed' })).toBe(false)
    expect(matchesFilter(asset({ approval: null }), { approval: 'unreviewed' })).toBe(true)
    expect(matchesFilter(a, { from: '2026-02-15' })).toBe(false)
    expect(matchesFilter(a, { to: '2026-02-13' })).toBe(false)
  })

  it('selects by click, range and toggle, in O(selected)', () => {
    useLibraryStore.setState({ ids: ['a', 'b', 'c', 'd', 'e'] })
    const s = () => useLibraryStore.getState()
    s().selectOnly('b')
    s().selectRange('d')
    expect([...s().selected]).toEqual(['b', 'c', 'd'])
    s().toggleSelected('c')
    expect([...s().selected].sort()).toEqual(['b', 'd'])
    // The anchor moved to c: a range from it goes the other way.
    s().selectRange('a')
    expect([...s().selected].sort()).toEqual(['a', 'b', 'c', 'd'])
    s().selectAll()
    expect(s().selected.size).toBe(5)
    s().drop(['e'])
    expect(s().selected.has('e')).toBe(false)
    s().clearSelection()
    expect(s().selected.size).toBe(0)
  })

  it('adds pushed assets that match the view, once', () => {
    const s = useLibraryStore.getState()
    s.added(asset({ id: 'x' }))
    s.added(asset({ id: 'x' }))
    s.setFilter({ kind: 'video' })
    useLibraryStore.setState({ ids: [], total: 0 })
    useLibraryStore.getState().added(asset({ id: 'img' }))
    expect(useLibraryStore.getState().ids).toEqual([])
  })

  it('drops assets that are gone when refreshed', async () => {
    const bridge = installFakeBridge({ 'library.getMany': ok({ items: [asset({ id: 'a2', favorite: true })] }) })
    useLibraryStore.setState({ ids: ['a1', 'a2'], cache: { a1: asset({ id: 'a1' }), a2: asset({ id: 'a2' }) }, total: 2 })
    await useLibraryStore.getState().refreshIds(['a1', 'a2', 'unknown'])
    expect(bridge.calls).toEqual([{ name: 'library.getMany', input: { ids: ['a1', 'a2'] } }])
    expect(useLibraryStore.getState()).toMatchObject({ ids: ['a2'], total: 1 })
    expect(useLibraryStore.getState().cache.a2.favorite).toBe(true)
  })
})

describe('chat store', () => {
  const run = (over: Partial<ChatRun> = {}): ChatRun => ({
    runId: 'r1', conversationId: 'c1', status: 'running', assistantText: '', messages: [msg('m1', '2026-01-01T00:00:01Z')],
    generationIds: [], error: null, updatedAt: '2026-01-01T00:00:02Z', ...over
  })

  it('merges run messages in time order', () => {
    expect(mergeMessages([msg('b', '2')], [msg('a', '1'), msg('b', '2', 'assistant')]).map((m) => `${m.id}${m.role[0]}`)).toEqual(['au', 'ba'])
  })

  it('sends a message, opens its conversation and follows pushed runs', async () => {
    installFakeBridge({ 'chat.send': ok(run()) })
    expect(await useChatStore.getState().send('  Three ad concepts  ', 'asset')).toBe(true)
    expect(useChatStore.getState()).toMatchObject({ activeId: 'c1', sending: false, conversations: [{ id: 'c1', title: 'm1', lastStatus: 'running' }] })
    useChatStore.getState().applyRun(run({ status: 'succeeded', messages: [msg('m1', '2026-01-01T00:00:01Z'), msg('m2', '2026-01-01T00:00:03Z', 'assistant')] }))
    expect(useChatStore.getState().messages.map((m) => m.id)).toEqual(['m1', 'm2'])
    expect(useChatStore.getState().conversations[0].lastStatus).toBe('succeeded')
  })

  it('shows a readable error when the message could not be sent', async () => {
    installFakeBridge({ 'chat.send': fail('network', 'Krev could not be reached') })
    expect(await useChatStore.getState().send('hello', 'auto')).toBe(false)
    expect(useChatStore.getState().sendError).toBe('Krev could not be reached')
    expect(await useChatStore.getState().send('   ', 'auto')).toBe(false)
  })
})
