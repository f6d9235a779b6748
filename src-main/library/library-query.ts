import type { CommandArgs } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { StoredAsset } from './asset-store'

/**
 * Filtering, sorting and paging of the library. The cursor is an opaque offset into the
 * sorted, filtered list: simple, and a deleted item between pages at worst shifts the
 * next page by one (the renderer de-duplicates by id).
 */

export type LibraryQuery = CommandArgs<'library.list'>

function matches(a: StoredAsset, q: LibraryQuery): boolean {
  if (q.kind && a.kind !== q.kind) return false
  if (q.productId && !a.productIds.includes(q.productId)) return false
  if (q.favorite !== undefined && a.favorite !== q.favorite) return false
  const needle = q.search?.trim().toLowerCase()
  if (needle) {
    const hay = [a.prompt, ...a.tags, a.adCopy?.headline ?? '', a.adCopy?.hook ?? ''].map((s) => s.toLowerCase())
    if (!hay.some((s) => s.includes(needle))) return false
  }
  return true
}

function compare(sort: LibraryQuery['sort']): (a: StoredAsset, b: StoredAsset) => number {
  const newest = (a: StoredAsset, b: StoredAsset) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)
  if (sort === 'oldest') return (a, b) => -newest(a, b)
  if (sort === 'rating') return (a, b) => b.rating - a.rating || newest(a, b)
  return newest
}

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0
  if (!/^\d{1,9}$/.test(cursor)) throw new AppError('invalid_input', 'That page of the library is no longer available. Reload it.')
  return Number(cursor)
}

export function queryAssets(all: Iterable<StoredAsset>, q: LibraryQuery): { items: StoredAsset[]; nextCursor: string | null; total: number } {
  const list = [...all].filter((a) => matches(a, q)).sort(compare(q.sort))
  const start = offsetOf(q.cursor)
  const items = list.slice(start, start + q.limit)
  const end = start + items.length
  return { items, nextCursor: end < list.length ? String(end) : null, total: list.length }
}
