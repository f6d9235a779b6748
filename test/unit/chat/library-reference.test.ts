import { describe, expect, it } from 'vitest'
import type { Asset } from '../../../src-preload/contract'
import { libraryReferenceUrl, libraryReferences } from '../../../src-main/chat/library-reference'
import type { KrevClient, KrevGeneration } from '../../../src-main/krev/types'

/** A Library output as a reference image: the link Krev serves for that output now. */

const JOB = 'a0000000-0000-4000-8000-000000000001'
const asset = (over: Partial<Asset> = {}): Asset => ({ id: `${JOB}-1`, generationId: 'gen-1', ...over }) as Asset
const client = (g: Partial<KrevGeneration>): KrevClient =>
  ({ getGeneration: async () => ({ id: 'gen-1', kind: 'image', status: 'succeeded', progress: 100, output: { urls: ['https://k/0.webp', 'https://k/1.webp'] }, error: null, created_at: '', completed_at: null, ...g }) }) as unknown as KrevClient

describe('library references', () => {
  it('picks the output by the asset’s position among the job’s outputs', async () => {
    expect(await libraryReferenceUrl(asset(), client({}))).toBe('https://k/1.webp')
  })

  it('refuses an asset Krev did not make, or one Krev no longer has', async () => {
    await expect(libraryReferenceUrl(asset({ generationId: null }), client({}))).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(libraryReferenceUrl(asset({ id: `${JOB}-5` }), client({}))).rejects.toMatchObject({ code: 'not_found' })
    await expect(libraryReferenceUrl(asset(), client({ status: 'failed', output: null }))).rejects.toMatchObject({ code: 'not_found' })
  })

  it('without a Library to ask, a brief with Library references is refused', async () => {
    await expect(libraryReferences(['x'], client({}), undefined)).rejects.toMatchObject({ code: 'invalid_input' })
    expect(await libraryReferences([], client({}), undefined)).toEqual([])
  })
})
