import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Product } from '../../../src-preload/contract'
import { useBatchStore } from '../../../src-renderer/src/stores/batch'
import { initialDraft, useCreateStore } from '../../../src-renderer/src/stores/create'
import { initialProductsState, useProductsStore } from '../../../src-renderer/src/stores/products'
import { initialQueueState, useQueueStore } from '../../../src-renderer/src/stores/queue'
import { fail, installFakeBridge, ok, removeBridge } from './fake-bridge'
import { job } from './fixtures'

const product = (id: string, name: string) => ({ id, name }) as Product
const batch = { id: 'b1', name: 'Oak', createdAt: '2026-03-01T10:00:00.000Z', jobCount: 2, creditsEstimate: 160 }
const initial = useBatchStore.getState()

beforeEach(() => {
  useBatchStore.setState(initial, true)
  useCreateStore.setState({ draft: { ...initialDraft, prompts: { ...initialDraft.prompts, image: 'On oak' }, imageCount: 2 } })
  useProductsStore.setState({ ...initialProductsState, items: [product('p1', 'Walnut tray'), product('p2', 'Linen pouch')], load: 'ready' })
  useQueueStore.setState(initialQueueState)
})
afterEach(removeBridge)

describe('batch store', () => {
  it('opens with Create’s prompt and variants; sends one request per product, labelled, and keeps the batch', async () => {
    const bridge = installFakeBridge({ 'generation.submitBatch': ok({ batch, jobs: [job({ id: 'j1', batchId: 'b1' }), job({ id: 'j2', batchId: 'b1' })] }) })
    useBatchStore.getState().openForm()
    expect(useBatchStore.getState()).toMatchObject({ open: true, prompt: 'On oak', count: 2 })
    useBatchStore.getState().toggleProduct('p1')
    useBatchStore.getState().toggleProduct('p2')
    // A double press is one action: both carry the same id, main answers the batch it made.
    const [a, b] = await Promise.all([useBatchStore.getState().submit(), useBatchStore.getState().submit()])
    expect([a, b]).toEqual([true, false])
    const sent = bridge.calls.filter((c) => c.name === 'generation.submitBatch')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.input).toMatchObject({
      name: 'On oak',
      labels: ['Walnut tray', 'Linen pouch'],
      requests: [
        { kind: 'image', params: { prompt: 'On oak', imageCount: 2, productIds: ['p1'] } },
        { kind: 'image', params: { prompt: 'On oak', imageCount: 2, productIds: ['p2'] } }
      ]
    })
    expect(useBatchStore.getState()).toMatchObject({ open: false, batches: { b1: batch } })
  })

  it('sends nothing while a row is wrong, and shows main’s refusal as it is', async () => {
    const bridge = installFakeBridge({ 'generation.submitBatch': fail('invalid_input', 'Job 2 of the batch: bad. Nothing was sent.') })
    useBatchStore.getState().openForm()
    useBatchStore.getState().patch({ source: 'prompts' })
    useBatchStore.getState().loadFile('list.csv', 'prompt,variants\nOne,3\n', [])
    expect(await useBatchStore.getState().submit()).toBe(false)
    expect(bridge.calls).toEqual([])
    useBatchStore.getState().loadFile('list.txt', 'One\nTwo\n', [])
    expect(useBatchStore.getState()).toMatchObject({ file: null, text: 'One\nTwo\n' })
    expect(await useBatchStore.getState().submit()).toBe(false)
    expect(useBatchStore.getState().failure).toBe('Job 2 of the batch: bad. Nothing was sent.')
    // The form stays open with what was typed, to fix and send again.
    expect(useBatchStore.getState().open).toBe(true)
  })
})
