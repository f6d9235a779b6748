import type { LibraryRecord } from '../../../src-main/library/library-record'

/** An index record with no files behind it: for tests of the index alone (paging, search, edits). */
export function fakeRecord(n: number, over: Partial<LibraryRecord> = {}): LibraryRecord {
  const id = `as${String(n).padStart(6, '0')}`
  return {
    id,
    kind: 'image',
    jobId: null,
    generationId: null,
    prompt: `Item ${n}`,
    productIds: [],
    productNames: [],
    aspectRatio: '1:1',
    width: 64,
    height: 64,
    durationSec: null,
    bytes: 100,
    mimeType: 'image/png',
    adCopy: null,
    // Two items per second, so the keyset's tie-break on id is exercised too.
    createdAt: new Date(Date.UTC(2026, 2, 1) + Math.floor(n / 2) * 1000).toISOString(),
    favorite: false,
    rating: 0,
    tags: [],
    approval: 'none',
    filePath: `2026-03/${id}.png`,
    sidecarPath: `2026-03/${id}.krev.json`,
    thumbVariant: 'thumb',
    ...over
  }
}
