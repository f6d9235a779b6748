import type { Asset, GenerationRequest } from '../../../../src-preload/contract'
import { Button, IconButton } from '../../components/Button'
import { useCreateStore } from '../../stores/create'
import { useQueueStore } from '../../stores/queue'

/** Remix on a queue row: the job's request, every parameter, back in Create. */
export function RemixJobButton({ request }: { request: GenerationRequest }) {
  const remix = useCreateStore((s) => s.remix)
  return <IconButton icon="wand" label="Remix in Create" onClick={() => remix(request)} />
}

/**
 * What a Library item was made with: its job's request while the queue still has it, or
 * what the item itself records (kind, prompt, aspect ratio, products) once it does not.
 */
export function requestOfAsset(asset: Asset, jobRequest: GenerationRequest | undefined): GenerationRequest {
  if (jobRequest) return jobRequest
  const aspect = asset.aspectRatio as never
  if (asset.kind === 'ad') {
    return { kind: 'ad', params: { brief: asset.prompt, productIds: asset.productIds, aspectRatio: aspect, imageCount: 1 } }
  }
  if (asset.kind === 'video') {
    const duration = Math.round(asset.durationSec ?? 5)
    return {
      kind: 'video',
      params: { prompt: asset.prompt, aspectRatio: aspect, duration, audioMode: 'auto', ...(asset.productIds[0] ? { productId: asset.productIds[0] } : {}) }
    }
  }
  return {
    kind: 'image',
    params: { prompt: asset.prompt, aspectRatio: aspect, hd: false, imageCount: 1, ...(asset.productIds.length ? { productIds: asset.productIds } : {}) }
  }
}

/** Remix in the viewer: the item's parameters back in Create. */
export function RemixAssetButton({ asset }: { asset: Asset }) {
  const remix = useCreateStore((s) => s.remix)
  const jobRequest = useQueueStore((s) => (asset.jobId ? s.jobs.find((j) => j.id === asset.jobId)?.request : undefined))
  return (
    <Button size="sm" icon="wand" onClick={() => remix(requestOfAsset(asset, jobRequest))}>
      Remix
    </Button>
  )
}
