import type { CommandArgs } from '../../src-preload/contract'
import { AppError } from '../core/app-error'
import type { Db } from '../db/database'
import type { AssetRow } from '../db/library/assets-repo'
import { modeMatch } from '../db/library/asset-search-repo'
import type { MediaMode } from '../media/media-store'
import { ftsQuery } from './fts-query'
import { hasFilters, libraryFilter } from './library-filter'

/**
 * Filtering, sorting and paging of the library, in SQL. Paging is by keyset: the cursor
 * holds the last item's sort key and id, and the next page starts strictly after it, so
 * an item added or removed between two pages never repeats or skips another. The cursor
 * is opaque to the renderer (base64url JSON) and checked like any input.
 */

export type LibraryQuery = CommandArgs<'library.list'>
type Sort = LibraryQuery['sort']
type Key = (string | number)[]

const ORDER: Record<Sort, { columns: string[]; dir: 'ASC' | 'DESC' }> = {
  newest: { columns: ['created_at', 'id'], dir: 'DESC' },
  oldest: { columns: ['created_at', 'id'], dir: 'ASC' },
  rating: { columns: ['rating', 'created_at', 'id'], dir: 'DESC' }
}

const badCursor = () => new AppError('invalid_input', 'That page of the library is no longer available. Reload it.')

export function encodeCursor(sort: Sort, row: AssetRow): string {
  const key = ORDER[sort].columns.map((c) => row[c as keyof AssetRow] as string | number)
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64url')
}

function decodeCursor(sort: Sort, cursor: string): Key {
  let parsed: unknown
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor()
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw badCursor()
  }
  const p = parsed as { s?: unknown; k?: unknown }
  const columns = ORDER[sort].columns
  if (p.s !== sort || !Array.isArray(p.k) || p.k.length !== columns.length) throw badCursor()
  const key = p.k as unknown[]
  columns.forEach((c, i) => {
    const ok = c === 'rating' ? Number.isInteger(key[i]) : typeof key[i] === 'string'
    if (!ok) throw badCursor()
  })
  return key as Key
}

export interface QueryPage {
  rows: AssetRow[]
  nextCursor: string | null
  total: number
}

/**
 * Below this many matches a search is driven from the full-text index (each match looked up
 * and sorted); above it, from the sort index, stopping at the first page's worth of matches.
 */
const SPARSE_MATCHES = 2000

export function queryAssets(db: Db, mode: MediaMode, q: LibraryQuery): QueryPage {
  const terms = q.search ? ftsQuery(q.search) : null
  const matches = terms ? (db.prepare('SELECT count(*) FROM assets_fts WHERE assets_fts MATCH ?').pluck().get(modeMatch(mode, terms)) as number) : null
  // A tag's rows in every mode, from its covering index: enough to tell rare from common.
  const tagged = q.tag ? (db.prepare('SELECT count(*) FROM asset_tags WHERE tag = ?').pluck().get(q.tag.trim()) as number) : null
  const sparse = (matches !== null && matches <= SPARSE_MATCHES) || (tagged !== null && tagged <= SPARSE_MATCHES)
  // `+a.mode` keeps SQLite off the mode-led sort index, so the few matches drive the query.
  const { where, params } = libraryFilter(q, { where: [sparse ? '+a.mode = ?' : 'a.mode = ?'], params: [mode] }, tagged !== null && tagged > SPARSE_MATCHES)
  if (terms) {
    where.push('a.seq IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)')
    params.push(modeMatch(mode, terms))
  }
  const filter = where.join(' AND ')
  const total = matches !== null && !hasFilters(q) ? matches : (db.prepare(`SELECT count(*) FROM assets a WHERE ${filter}`).pluck().get(...params) as number)

  const { columns, dir } = ORDER[q.sort]
  const cols = columns.map((c) => `a.${c}`)
  const pageWhere = [filter]
  const pageParams = [...params]
  if (q.cursor) {
    pageWhere.push(`(${cols.join(', ')}) ${dir === 'DESC' ? '<' : '>'} (${cols.map(() => '?').join(', ')})`)
    pageParams.push(...decodeCursor(q.sort, q.cursor))
  }
  const order = cols.map((c) => `${c} ${dir}`).join(', ')
  // One extra row tells whether there is a next page without a second query.
  const rows = db
    .prepare(`SELECT a.* FROM assets a WHERE ${pageWhere.join(' AND ')} ORDER BY ${order} LIMIT ?`)
    .all(...pageParams, q.limit + 1) as AssetRow[]
  const more = rows.length > q.limit
  if (more) rows.pop()
  const last = rows.at(-1)
  return { rows, nextCursor: more && last ? encodeCursor(q.sort, last) : null, total }
}
