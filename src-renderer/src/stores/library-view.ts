import type { Asset, CommandArgs, MediaKind } from '../../../src-preload/contract'

/**
 * What the Library shows: the filters, the search and the sort, as the store keeps them and
 * as `library.list` asks for them. Main does the filtering (SQL over the index); the checks
 * here only decide whether an asset pushed by an event belongs in the list already shown.
 */

export type KindFilter = MediaKind | 'all'
export type SortOrder = 'newest' | 'oldest' | 'rating'
export type ApprovalFilter = 'approved' | 'rejected' | 'unreviewed'

export interface LibraryView {
  kind: KindFilter
  search: string
  favorite: boolean | null
  /** 0: any rating. */
  minRating: number
  tag: string | null
  productId: string | null
  /** Local calendar days, YYYY-MM-DD, inclusive; null: open. */
  from: string | null
  to: string | null
  approval: ApprovalFilter | null
  sort: SortOrder
}

export const defaultView: LibraryView = {
  kind: 'all',
  search: '',
  favorite: null,
  minRating: 0,
  tag: null,
  productId: null,
  from: null,
  to: null,
  approval: null,
  sort: 'newest'
}

/** The filters that narrow the list (the search box and the sort are not filters). */
export const FILTER_KEYS = ['kind', 'favorite', 'minRating', 'tag', 'productId', 'from', 'to', 'approval'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

export const isFilterSet = (v: LibraryView, key: FilterKey): boolean => v[key] !== defaultView[key]
export const hasFilters = (v: LibraryView): boolean => FILTER_KEYS.some((k) => isFilterSet(v, k)) || v.search.trim() !== ''

/** A local calendar day's start as an ISO time (what the creator means by "from 3 March"). */
export function dayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d!).toISOString()
}
/** The end of a local calendar day (exclusive): the next day's start. */
export function dayEnd(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d! + 1).toISOString()
}

export function listQuery(v: LibraryView, limit: number, cursor?: string): CommandArgs<'library.list'> {
  const search = v.search.trim()
  return {
    ...(v.kind === 'all' ? {} : { kind: v.kind }),
    ...(search ? { search } : {}),
    ...(v.favorite === null ? {} : { favorite: v.favorite }),
    ...(v.minRating > 0 ? { minRating: v.minRating } : {}),
    ...(v.tag ? { tag: v.tag } : {}),
    ...(v.productId ? { productId: v.productId } : {}),
    ...(v.from ? { from: dayStart(v.from) } : {}),
    // Main treats `to` as exclusive for full times: the next local midnight.
    ...(v.to ? { to: dayEnd(v.to) } : {}),
    ...(v.approval ? { approval: v.approval } : {}),
    ...(cursor ? { cursor } : {}),
    sort: v.sort,
    limit
  }
}

/** The search box's words, as main's full-text search reads them: letters and digits, any order. */
export const searchTerms = (search: string): string[] => (search.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12)

/** Does an asset belong in the current view? (Search: every word starts a word of the prompt, copy or tags.) */
export function matchesView(asset: Asset, v: Partial<LibraryView>): boolean {
  if (v.kind && v.kind !== 'all' && asset.kind !== v.kind) return false
  if (v.favorite != null && asset.favorite !== v.favorite) return false
  if (v.minRating && asset.rating < v.minRating) return false
  if (v.tag && !asset.tags.includes(v.tag)) return false
  if (v.productId && !asset.productIds.includes(v.productId)) return false
  if (v.from && asset.createdAt < dayStart(v.from)) return false
  if (v.to && asset.createdAt >= dayEnd(v.to)) return false
  if (v.approval && (asset.approval ?? 'unreviewed') !== v.approval) return false
  const terms = searchTerms(v.search ?? '').map(fold)
  if (terms.length === 0) return true
  const copy = asset.adCopy ? [asset.adCopy.headline, asset.adCopy.hook, asset.adCopy.bodyCopy, asset.adCopy.cta] : []
  const words = searchTerms([asset.prompt, ...asset.tags, ...copy].join(' ')).map(fold)
  return terms.every((t) => words.some((w) => w.startsWith(t)))
}

/** Case and accents folded, as the index's unicode61 tokenizer does. */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
