import { describe, expect, it } from 'vitest'
import type { ImportBatch, ImportEntry, Product } from '../../../src-preload/contract'
import { viewCatalog } from '../../../src-renderer/src/features/products/catalog-view'
import { collectEntries, type EntryLike } from '../../../src-renderer/src/features/products/import/collect-files'
import { groupProblems, overall } from '../../../src-renderer/src/features/products/import/import-problems'
import { splitHidden } from '../../../src-renderer/src/stores/products'

/** The pure parts of importing and browsing products: folder walks, problem groups, search/sort. */

const entry = (over: Partial<ImportEntry>): ImportEntry => ({
  entryId: over.fileName ?? 'e',
  fileName: 'a.jpg',
  status: 'done',
  percent: 100,
  reason: null,
  message: null,
  productId: null,
  contentHash: null,
  retryable: false,
  ...over
})
const batch = (batchId: string, entries: ImportEntry[]): ImportBatch => ({
  batchId,
  entries,
  uploaded: entries.filter((e) => e.status === 'done').length,
  toUpload: entries.filter((e) => e.status !== 'skipped' && e.status !== 'cancelled').length,
  skipped: entries.filter((e) => e.status === 'skipped').length,
  failed: entries.filter((e) => e.status === 'failed').length,
  active: false
})

describe('problem list', () => {
  it('keeps every problem of every batch, grouped by reason', () => {
    const groups = groupProblems([
      batch('b1', [
        entry({ fileName: 'notes.jpg', status: 'skipped', reason: 'not_a_photo', message: 'This file isn’t a photo' }),
        entry({ fileName: 'copy.jpg', status: 'skipped', reason: 'duplicate', contentHash: 'h1', message: 'Same' }),
        entry({ fileName: 'bag.jpg', status: 'done', contentHash: 'h1' })
      ]),
      batch('b2', [
        entry({ fileName: 'cut.png', status: 'skipped', reason: 'damaged', message: 'Damaged' }),
        entry({ fileName: 'readme.txt', status: 'skipped', reason: 'not_a_photo', message: 'Only JPG' }),
        entry({ fileName: 'gone.jpg', status: 'cancelled' })
      ])
    ])
    expect(groups.map((g) => [g.reason, g.entries.map((e) => e.fileName)])).toEqual([
      ['not_a_photo', ['notes.jpg', 'readme.txt']],
      ['damaged', ['cut.png']],
      ['duplicate', ['copy.jpg']]
    ])
    expect(groups[0]!.title).toBe('Not a JPG, PNG or WebP photo')
    expect(groups[0]!.entries[1]!.batchId).toBe('b2')
  })

  it('clears a problem when the same file later succeeds (same hash, or same name)', () => {
    const failed = entry({ fileName: 'shoe.jpg', status: 'failed', reason: 'upload_failed', contentHash: 'h2', retryable: true })
    const bad = entry({ fileName: 'logo.jpg', status: 'skipped', reason: 'not_a_photo' })
    expect(groupProblems([batch('b1', [failed, bad])]).flatMap((g) => g.entries).length).toBe(2)
    const later = batch('b2', [entry({ fileName: 'renamed-shoe.jpg', contentHash: 'h2' }), entry({ fileName: 'logo.jpg' })])
    expect(groupProblems([batch('b1', [failed, bad]), later])).toEqual([])
  })

  it('sums the overall bar across batches', () => {
    const b1 = batch('b1', [entry({}), entry({ status: 'skipped', reason: 'duplicate' })])
    const b2 = { ...batch('b2', [entry({ status: 'uploading', percent: 40 }), entry({ status: 'failed', reason: 'upload_failed' })]), active: true }
    expect(overall([b1, b2])).toEqual({ uploaded: 1, toUpload: 3, skipped: 1, failed: 1, active: true })
  })
})

function fileEntry(fullPath: string): EntryLike {
  const name = fullPath.split('/').pop()!
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok) => ok(new File(['x'], name)) }
}
function dirEntry(fullPath: string, children: EntryLike[], pageSize = 2): EntryLike {
  let given = 0
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop()!,
    fullPath,
    // Like Chromium: entries come in pieces, then an empty answer.
    createReader: () => ({
      readEntries: (ok) => {
        const page = children.slice(given, given + pageSize)
        given += page.length
        ok(page)
      }
    })
  }
}

describe('folder walk', () => {
  it('finds every file of a dropped folder and its sub-folders, leaving hidden files out', async () => {
    const denied: EntryLike = { isFile: false, isDirectory: true, name: 'locked', fullPath: '/Spring/locked', createReader: () => ({ readEntries: (_ok, fail) => fail(new Error('denied')) }) }
    const spring = dirEntry('/Spring', [
      fileEntry('/Spring/b.jpg'),
      fileEntry('/Spring/.DS_Store'),
      dirEntry('/Spring/More', [fileEntry('/Spring/More/c.png'), fileEntry('/Spring/More/d.webp'), fileEntry('/Spring/More/e.jpg')]),
      fileEntry('/Spring/a.jpg'),
      denied
    ])
    const out = await collectEntries([spring, fileEntry('/loose.jpg')])
    expect(out.files.map((f) => f.relativePath)).toEqual(['Spring/a.jpg', 'Spring/b.jpg', 'Spring/More/c.png', 'Spring/More/d.webp', 'Spring/More/e.jpg', 'loose.jpg'])
    expect(out.unreadable).toEqual(['Spring/locked'])
  })
})

const product = (id: string, over: Partial<Product>): Product => ({
  id, name: id, imageUrl: null, segmentedImageUrl: null, thumbUrl: null, category: null, metadata: {}, createdAt: '2026-01-01T00:00:00Z', ...over
})

describe('catalogue view', () => {
  const items = [
    product('p1', { name: 'Tote', metadata: { brandName: 'Acme', productType: 'bag' }, createdAt: '2026-01-03T00:00:00Z' }),
    product('p2', { name: 'Zebra mug', localName: 'Breakfast mug', metadata: { brandName: 'Zed', productType: 'mug' }, createdAt: '2026-01-01T00:00:00Z' }),
    product('p3', { name: 'Candle', metadata: { productType: 'candle' }, createdAt: '2026-01-02T00:00:00Z' })
  ]
  it('searches local and Krev names, brand and type', () => {
    const ids = (search: string) => viewCatalog(items, { search, sort: 'newest' }).map((p) => p.id)
    expect(ids('breakfast')).toEqual(['p2'])
    expect(ids('zebra')).toEqual(['p2'])
    expect(ids('acme')).toEqual(['p1'])
    expect(ids('CANDLE')).toEqual(['p3'])
    expect(ids('')).toEqual(['p1', 'p3', 'p2'])
  })
  it('sorts by name (the local one first) and by brand, unbranded last', () => {
    expect(viewCatalog(items, { search: '', sort: 'name' }).map((p) => p.id)).toEqual(['p2', 'p3', 'p1'])
    expect(viewCatalog(items, { search: '', sort: 'brand' }).map((p) => p.id)).toEqual(['p1', 'p2', 'p3'])
  })
  it('keeps hidden products apart from what pickers list', () => {
    const split = splitHidden([...items, product('p4', { hidden: true })])
    expect(split.items.map((p) => p.id)).toEqual(['p1', 'p3', 'p2'])
    expect(split.hiddenItems.map((p) => p.id)).toEqual(['p4'])
  })
})
