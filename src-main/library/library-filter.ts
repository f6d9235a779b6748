import type { LibraryQuery } from './library-query'

/**
 * The WHERE clause of a library list, one condition per filter, with its parameters. Every
 * value is bound, never spliced. Tag, product and search filters are `seq IN (…)` sub-selects
 * over their own indexes (asset_tags_tag, asset_products_product, the FTS table), so a rare
 * tag in 100k assets reads its few rows, not the library.
 */
export interface Filter {
  where: string[]
  params: (string | number)[]
}

type Filters = Pick<LibraryQuery, 'kind' | 'favorite' | 'productId' | 'minRating' | 'tag' | 'from' | 'to' | 'approval'>

/** True when the query narrows by anything but the search box (the search count then is not the total). */
export const hasFilters = (q: Filters): boolean =>
  q.kind !== undefined ||
  q.favorite !== undefined ||
  q.productId !== undefined ||
  q.minRating !== undefined ||
  q.tag !== undefined ||
  q.from !== undefined ||
  q.to !== undefined ||
  q.approval !== undefined

/** A date bound as the index stores times (ISO UTC); a bare end date counts its whole day. */
export function timeBound(value: string, end: boolean): string {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const t = new Date(bare ? `${value}T00:00:00.000Z` : value)
  if (bare && end) t.setUTCDate(t.getUTCDate() + 1)
  return t.toISOString()
}

/**
 * `denseTag`: the tag is on many assets, so the page walks the sort index and tests each row
 * against the tag's set (`+a.seq` keeps SQLite from driving the query from the tag and then
 * sorting every match); a rare tag drives it instead, reading only its own rows.
 */
export function libraryFilter(q: Filters, filter: Filter, denseTag = false): Filter {
  const { where, params } = filter
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql)
    params.push(...values)
  }
  if (q.kind) add('a.kind = ?', q.kind)
  if (q.favorite !== undefined) add('a.favorite = ?', q.favorite ? 1 : 0)
  if (q.minRating !== undefined) add('a.rating >= ?', q.minRating)
  if (q.approval) add('a.approval = ?', q.approval === 'unreviewed' ? 'none' : q.approval)
  if (q.from) add('a.created_at >= ?', timeBound(q.from, false))
  if (q.to) add('a.created_at < ?', timeBound(q.to, true))
  if (q.productId) add('a.seq IN (SELECT asset_seq FROM asset_products WHERE product_id = ?)', q.productId)
  if (q.tag) add(`${denseTag ? '+a.seq' : 'a.seq'} IN (SELECT asset_seq FROM asset_tags WHERE tag = ?)`, q.tag.trim())
  return filter
}
