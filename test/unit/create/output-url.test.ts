import { describe, expect, it } from 'vitest'
import type { Asset, Job } from '../../../src-preload/contract'
import { outputUrl } from '../../../src-main/create/output-url'

const asset = (over: Partial<Asset>): Asset => ({ id: 'a2', kind: 'image', jobId: 'j1', generationId: 'g1', mimeType: 'image/webp', ...over }) as Asset
const deps = (a: Asset, urls: string[], jobs: Partial<Job>[] = [{ id: 'j1', assetIds: ['a1', 'a2'] }]) => {
  const asked: string[] = []
  return {
    asked,
    deps: {
      asset: async () => a,
      jobs: async () => jobs as Job[],
      client: async () => ({
        getGeneration: async (id: string) => {
          asked.push(id)
          return { id, kind: 'image', status: 'succeeded' as const, progress: 100, output: { urls }, error: null, created_at: '', completed_at: null }
        }
      })
    }
  }
}

describe('generation.outputUrl', () => {
  it('reads the generation again and picks this asset’s URL by its place in its job', async () => {
    const { deps: d, asked } = deps(asset({}), ['https://k/1.webp?exp=9', 'https://k/2.webp?exp=9'])
    expect(await outputUrl(d, 'a2')).toEqual({ url: 'https://k/2.webp?exp=9' })
    expect(asked).toEqual(['g1'])
  })

  it('without its job, only a single-output generation is unambiguous', async () => {
    expect(await outputUrl(deps(asset({}), ['https://k/only.webp'], []).deps, 'a2')).toEqual({ url: 'https://k/only.webp' })
    await expect(outputUrl(deps(asset({}), ['https://k/1.webp', 'https://k/2.webp'], []).deps, 'a2')).rejects.toThrow(/no longer has this output/)
  })

  it('refuses videos and items with no Krev generation, in words', async () => {
    await expect(outputUrl(deps(asset({ kind: 'video', mimeType: 'video/mp4' }), []).deps, 'a2')).rejects.toThrow('A video cannot be used as an image input. Pick an image or an ad.')
    await expect(outputUrl(deps(asset({ generationId: null }), []).deps, 'a2')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/no Krev generation/) })
  })
})
