import type { NewAsset } from '../../../src-main/library/library-service'

/**
 * An asset as a finished job hands it to the library: a square image of a wallet made on
 * 2026-03-01 at 10:00 UTC, with no job, generation, products or ad copy; `over` changes any field.
 */
export const newAsset = (id: string, over: Partial<NewAsset> = {}): NewAsset => ({
  id,
  kind: 'image',
  jobId: null,
  generationId: null,
  prompt: 'Leather wallet on marble',
  productIds: [],
  aspectRatio: '1:1',
  durationSec: null,
  adCopy: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  ...over
})
