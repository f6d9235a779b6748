import type { Asset } from '../../src-preload/contract'
import type { MediaMode } from '../media/media-store'
import type { MediaUrlFactory } from '../media/media-url'
import type { IndexedRecord, LibraryRecord } from './library-record'
import { LIBRARY_AREA } from './media-ingest'

/** A library record as the renderer sees it: no paths, local media URLs, approval null while unreviewed. */
export function assetView(mediaUrl: MediaUrlFactory) {
  return (mode: MediaMode, r: IndexedRecord | LibraryRecord): Asset => ({
    id: r.id,
    kind: r.kind,
    jobId: r.jobId,
    generationId: r.generationId,
    prompt: r.prompt,
    productIds: r.productIds,
    aspectRatio: r.aspectRatio,
    width: r.width,
    height: r.height,
    durationSec: r.durationSec,
    bytes: r.bytes,
    mimeType: r.mimeType,
    mediaUrl: mediaUrl(mode, LIBRARY_AREA, r.id, 'original'),
    thumbUrl: mediaUrl(mode, LIBRARY_AREA, r.id, r.thumbVariant),
    favorite: r.favorite,
    rating: r.rating,
    tags: r.tags,
    approval: r.approval === 'none' ? null : r.approval,
    adCopy: r.adCopy,
    createdAt: r.createdAt
  })
}
