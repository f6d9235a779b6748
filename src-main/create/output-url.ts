import type { Asset, Job } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { KrevClient } from '../krev/types'

/**
 * A Library output as an image input of the next generation: Krev fetches inputs by URL,
 * and an output's URL is signed and short-lived, so it is read fresh from its generation
 * (GET /generations/{id}) when the creator picks it, never taken from an old record.
 * Which of the generation's URLs is this asset: its place among its job's assets (the
 * runner stores them in the order Krev listed them), or the only one.
 */

export interface OutputUrlDeps {
  asset(id: string): Promise<Asset>
  jobs(): Promise<Job[]>
  client(): Promise<Pick<KrevClient, 'getGeneration'>>
}

const VIDEO_URL = /\.(mp4|mov|webm|m4v)(\?|#|$)/i

export async function outputUrl(deps: OutputUrlDeps, assetId: string): Promise<{ url: string }> {
  const asset = await deps.asset(assetId)
  if (asset.kind === 'video' || asset.mimeType.startsWith('video/')) {
    throw new AppError('invalid_input', 'A video cannot be used as an image input. Pick an image or an ad.')
  }
  if (!asset.generationId) {
    throw new AppError('invalid_input', 'This Library item has no Krev generation to link to (it was added from a folder). Pick another or paste a link.')
  }
  const generation = await (await deps.client()).getGeneration(asset.generationId)
  const urls = generation.output?.urls ?? []
  const job = asset.jobId ? (await deps.jobs()).find((j) => j.id === asset.jobId) : undefined
  const at = job ? job.assetIds.indexOf(asset.id) : -1
  const url = at >= 0 ? urls[at] : urls.length === 1 ? urls[0] : undefined
  if (!url || VIDEO_URL.test(url)) {
    throw new AppError('invalid_input', 'Krev no longer has this output. Pick another image or paste a link.')
  }
  return { url }
}
