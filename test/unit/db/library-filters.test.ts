import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { libraryQuery } from '../../../src-preload/contract'
import type { Db } from '../../../src-main/db/database'
import type { LibraryIndex } from '../../../src-main/library/library-index'
import type { LibraryQuery } from '../../../src-main/library/library-query'
import type { LibraryRecord } from '../../../src-main/library/library-record'
import { fakeRecord } from '../library/fake-record'
import { openTempLibraryIndex, type TempLibraryIndex } from './temp-library-index'

/** The review filters and sorts of the library list: each on its own, combined, and paged by cursor. */

let opened: TempLibraryIndex
let db: Db
let index: LibraryIndex
beforeEach(async () => {
  opened = await openTempLibraryIndex('krev-filters-')
  ;({ db, index } = opened)
  // 60 assets, two per second from 2026-03-01T00:00:00Z: kinds, ratings, approvals, tags and products in rotation.
  index.transaction(() => {
    for (let n = 0; n < 60; n++) index.put('krev', fakeRecord(n, shape(n)))
    // The other mode holds look-alikes that must never show.
    for (let n = 0; n < 10; n++) index.put('sandbox', fakeRecord(n, shape(n)))
  })
})
afterEach(() => opened.dispose())

function shape(n: number): Partial<LibraryRecord> {
  return {
    kind: n % 3 === 0 ? 'video' : 'image',
    favorite: n % 4 === 0,
    rating: n % 6,
    approval: n % 5 === 0 ? 'approved' : n % 5 === 1 ? 'rejected' : 'none',
    tags: n % 2 === 0 ? ['even', `t${n % 7}`] : ['odd'],
    productIds: n % 10 === 0 ? ['bag'] : [],
    productNames: n % 10 === 0 ? ['Tan bag'] : []
  }
}

const q = (over: Partial<LibraryQuery> = {}): LibraryQuery => ({ sort: 'newest', limit: 7, ...over })
const num = (id: string) => Number(id.slice(2))

/** Every page of a query, by cursor. */
function allPages(query: LibraryQuery): { ids: number[]; totals: Set<number> } {
  const ids: number[] = []
  const totals = new Set<number>()
  let cursor: string | undefined
  for (let page = 0; page < 100; page++) {
    const out = index.list('krev', { ...query, ...(cursor ? { cursor } : {}) })
    ids.push(...out.items.map((r) => num(r.id)))
    totals.add(out.total)
    if (!out.nextCursor) return { ids, totals }
    cursor = out.nextCursor
  }
  throw new Error('paging never ended')
}

const all = Array.from({ length: 60 }, (_, n) => n)
const created = (n: number) => fakeRecord(n).createdAt
/** The expected order of a sort over the numbers kept (ids break ties the same way the keyset does). */
function sorted(keep: (n: number) => boolean, sort: LibraryQuery['sort']): number[] {
  const list = all.filter(keep)
  const byDate = (a: number, b: number) => created(a).localeCompare(created(b)) || a - b
  if (sort === 'oldest') return list.sort(byDate)
  if (sort === 'newest') return list.sort((a, b) => byDate(b, a))
  return list.sort((a, b) => shape(b).rating! - shape(a).rating! || byDate(b, a))
}

const FILTERS: { name: string; query: Partial<LibraryQuery>; keep(n: number): boolean }[] = [
  { name: 'kind', query: { kind: 'video' }, keep: (n) => n % 3 === 0 },
  { name: 'favourite', query: { favorite: true }, keep: (n) => n % 4 === 0 },
  { name: 'not favourite', query: { favorite: false }, keep: (n) => n % 4 !== 0 },
  { name: 'rating ≥ 4', query: { minRating: 4 }, keep: (n) => n % 6 >= 4 },
  { name: 'tag', query: { tag: 't3' }, keep: (n) => n % 2 === 0 && n % 7 === 3 },
  { name: 'product', query: { productId: 'bag' }, keep: (n) => n % 10 === 0 },
  { name: 'approved', query: { approval: 'approved' }, keep: (n) => n % 5 === 0 },
  { name: 'rejected', query: { approval: 'rejected' }, keep: (n) => n % 5 === 1 },
  { name: 'unreviewed', query: { approval: 'unreviewed' }, keep: (n) => n % 5 > 1 },
  // n / 2 seconds after midnight: [10 s, 20 s) is n = 20…39.
  { name: 'time range', query: { from: '2026-03-01T00:00:10.000Z', to: '2026-03-01T00:00:20.000Z' }, keep: (n) => n >= 20 && n < 40 },
  { name: 'whole days', query: { from: '2026-03-01', to: '2026-03-01' }, keep: () => true },
  { name: 'a day with nothing', query: { from: '2026-03-02' }, keep: () => false },
  {
    name: 'combined',
    query: { kind: 'image', minRating: 2, approval: 'unreviewed', tag: 'even' },
    keep: (n) => n % 3 !== 0 && n % 6 >= 2 && n % 5 > 1 && n % 2 === 0
  }
]

describe('library filters and sorts', () => {
  for (const f of FILTERS) {
    for (const sort of ['newest', 'oldest', 'rating'] as const) {
      it(`${f.name}, ${sort}: every match once, in order, across pages, with the filtered total`, () => {
        const expected = sorted(f.keep, sort)
        const { ids, totals } = allPages(q({ ...f.query, sort }))
        expect(ids).toEqual(expected)
        expect([...totals]).toEqual([expected.length])
      })
    }
  }

  it('sorts by rating with ties broken by date (newest first), stable across page sizes', () => {
    const one = allPages(q({ sort: 'rating', limit: 1 })).ids
    const many = allPages(q({ sort: 'rating', limit: 13 })).ids
    expect(one).toEqual(many)
    expect(one.slice(0, 3)).toEqual([59, 53, 47])
    expect(one.every((n, i) => i === 0 || shape(one[i - 1]!).rating! >= shape(n).rating!)).toBe(true)
  })

  it('search words match in any order, any case, with extra spaces, combined with a filter', () => {
    index.put('krev', fakeRecord(100, { prompt: 'Tan leather satchel on warm marble', approval: 'approved' }))
    index.put('krev', fakeRecord(101, { prompt: 'Leather boots', approval: 'none' }))
    const find = (search: string, over: Partial<LibraryQuery> = {}) => index.list('krev', q({ search, ...over })).items.map((r) => num(r.id))
    expect(find('MARBLE   leather')).toEqual([100])
    expect(find('  satchel tan ')).toEqual([100])
    expect(find('leather')).toEqual([101, 100])
    expect(find('leather', { approval: 'approved' })).toEqual([100])
    expect(index.list('krev', q({ search: 'leather', approval: 'unreviewed' })).total).toBe(1)
  })

  it('a tag filter takes the exact tag, not a prefix or another case', () => {
    expect(index.list('krev', q({ tag: 'eve' })).total).toBe(0)
    expect(index.list('krev', q({ tag: 'EVEN' })).total).toBe(0)
    expect(index.list('krev', q({ tag: 'even' })).total).toBe(30)
  })

  it('the contract refuses impossible filter values before any SQL runs', () => {
    const parse = (over: Record<string, unknown>) => libraryQuery.safeParse({ ...over }).success
    expect(parse({ minRating: 3, approval: 'approved', from: '2026-03-01', to: '2026-03-01T12:00:00Z' })).toBe(true)
    expect(parse({ minRating: 0 })).toBe(false)
    expect(parse({ minRating: 6 })).toBe(false)
    expect(parse({ approval: 'maybe' })).toBe(false)
    expect(parse({ from: '2026-13-45' })).toBe(false)
    expect(parse({ from: "2026-03-01' OR 1=1 --" })).toBe(false)
    expect(parse({ to: 'yesterday' })).toBe(false)
  })

  it('approval and tag edits change what the filters find, and the facets count them', () => {
    const seq = index.get('krev', 'as000002')!.seq
    index.setApproval(seq, 'approved')
    index.setTags(seq, ['hero'])
    expect(allPages(q({ approval: 'approved' })).ids).toContain(2)
    expect(index.list('krev', q({ tag: 'hero' })).items.map((r) => r.id)).toEqual(['as000002'])
    const facets = index.facets('krev')
    expect(facets.tags[0]).toEqual({ name: 'odd', count: 30 })
    expect(facets.tags).toContainEqual({ name: 'hero', count: 1 })
    expect(facets.products).toEqual([{ id: 'bag', name: 'Tan bag', count: 6 }])
  })

  it('the approval filter reads its own index, not the whole library', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT a.* FROM assets a WHERE a.mode = ? AND a.approval = ? ORDER BY a.created_at DESC, a.id DESC LIMIT 60")
      .all('krev', 'approved') as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/assets_approval/)
  })
})

describe('library filter plans', () => {
  it('a common tag walks the sort index; a rare one is driven from the tag', async () => {
    const { libraryFilter } = await import('../../../src-main/library/library-filter')
    const plan = (dense: boolean) => {
      const f = libraryFilter({ tag: 'even' }, { where: [dense ? 'a.mode = ?' : '+a.mode = ?'], params: ['krev'] }, dense)
      const sql = `SELECT a.* FROM assets a WHERE ${f.where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT 60`
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...f.params) as { detail: string }[]).map((p) => p.detail).join(' | ')
    }
    expect(plan(true)).toMatch(/assets_newest/)
    expect(plan(true)).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
    expect(plan(false)).toMatch(/asset_tags_tag/)
  })
})
