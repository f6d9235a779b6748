import type { Asset } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { KrevClient } from '../krev/types'

/**
 * A Library output used as a reference image in a brief. Krev fetches references by URL
 * and a Library file lives on this computer, so the output is named by the URL Krev
 * itself serves for it now: the generation is fetched again for fresh signed links, and
 * the asset's position among the job's outputs (its id is `<jobId>-<index>`) picks one.
 * The client's URL guard checks that link like any other reference on send.
 */
export async function libraryReferenceUrl(asset: Asset, client: KrevClient, signal?: AbortSignal): Promise<string> {
  const index = Number(/-(\d{1,2})$/.exec(asset.id)?.[1] ?? Number.NaN)
  if (!asset.generationId || !Number.isInteger(index)) {
    throw new AppError('invalid_input', 'This Library item wasn’t made by Krev, so it can’t be sent as a reference. Use an image link instead.', {
      retryable: false
    })
  }
  const generation = await client.getGeneration(asset.generationId, signal)
  const url = generation.output?.urls[index]
  if (generation.status !== 'succeeded' || !url) {
    throw new AppError('not_found', 'Krev no longer has this Library item, so it can’t be sent as a reference. Use an image link instead.', {
      retryable: false
    })
  }
  return url
}

/** Every Library reference of a brief as its link; refused (nothing sent) without a Library. */
export async function libraryReferences(
  ids: readonly string[],
  client: KrevClient,
  resolve: ((assetId: string, client: KrevClient) => Promise<string>) | undefined
): Promise<string[]> {
  if (!ids.length) return []
  if (!resolve) throw new AppError('invalid_input', 'Library images can’t be sent as references here.', { retryable: false })
  return Promise.all(ids.map((id) => resolve(id, client)))
}
