import { describe, expect, it } from 'vitest'
import type { Asset } from '../../../src-preload/contract'
import { findOutputs } from '../../../src-main/create/find-outputs'

const asset = (id: string, kind: Asset['kind'] = 'image'): Asset => ({ id, kind, prompt: `p ${id}`, thumbUrl: `/t/${id}` }) as Asset
const JOBS = [
  { assetIds: ['a1', 'a2'], outputUrls: ['https://k.example/storage/u/g1-0.webp?exp=100&sig=x', 'https://k.example/storage/u/g1-1.webp?exp=100&sig=y'] },
  { assetIds: ['v1'], outputUrls: ['https://k.example/storage/u/g2-0.mp4?exp=100&sig=z'] },
  { assetIds: [], outputUrls: ['https://k.example/storage/u/g3-0.webp?exp=1'] }
]
const deps = (present: Asset[]) => {
  const asked: string[] = []
  return {
    asked,
    deps: {
      jobs: async () => JOBS,
      asset: async (id: string) => {
        asked.push(id)
        return present.find((a) => a.id === id) ?? null
      }
    }
  }
}

describe('generation.findOutputs (which links of a remixed request are Library outputs)', () => {
  it('matches a link to the job output at the same path, whatever its signature now', async () => {
    const { deps: d } = deps([asset('a1'), asset('a2')])
    const old = 'https://k.example/storage/u/g1-1.webp?exp=1&sig=expired'
    const out = await findOutputs(d, [old, 'https://elsewhere.example/storage/u/g1-1.webp?exp=1', 'https://a.example/shoe.jpg'])
    expect(out.matches.map((m) => [m.url, m.asset.id])).toEqual([[old, 'a2']])
  })

  it('leaves a link plain when its output left the Library, is a video, or has no asset', async () => {
    const { deps: d, asked } = deps([asset('v1', 'video')])
    const out = await findOutputs(d, ['https://k.example/storage/u/g1-0.webp?exp=2', 'https://k.example/storage/u/g2-0.mp4?exp=2', 'https://k.example/storage/u/g3-0.webp?exp=2'])
    expect(out.matches).toEqual([])
    expect(asked.sort()).toEqual(['a1', 'v1'])
  })

  it('answers the same link used twice for both, and nothing for text that is not a link', async () => {
    const { deps: d } = deps([asset('a1')])
    const link = 'https://k.example/storage/u/g1-0.webp?exp=3'
    const out = await findOutputs(d, [link, 'not a url', link])
    expect(out.matches.map((m) => m.asset.id)).toEqual(['a1', 'a1'])
    expect((await findOutputs(d, ['not a url'])).matches).toEqual([])
  })
})
