import type { Asset } from '../../../src-preload/contract'

/** Assets by id: one copy of each, whichever page, event or lookup brought it. */
export type AssetCache = Record<string, Asset>

// Caches made here, held by the store alone: new ids are added to them in place. A copy per
// page is O(loaded): at 100k assets one spread of the cache took 200 ms (docs/benchmarks.md).
const owned = new WeakSet<AssetCache>()
// The ids of a list appendPage made, as a set: the next page checks against it instead of
// rebuilding one from the whole list (O(loaded) per page).
const listedOf = new WeakMap<readonly string[], Set<string>>()

/**
 * The cache with these assets in it: the same object when nothing changed. A changed asset
 * gives a new object, so whatever shows it re-renders; ids not cached yet are only added
 * (nothing can show an asset before it is cached), in place when this module made the cache.
 */
export function withAssets(cache: AssetCache, assets: readonly Asset[], onlyKnown = false): AssetCache {
  const changed = assets.filter((a) => cache[a.id] !== a && (!onlyKnown || cache[a.id] !== undefined))
  if (changed.length === 0) return cache
  const onlyNew = changed.every((a) => cache[a.id] === undefined)
  const next = onlyNew && owned.has(cache) ? cache : { ...cache }
  owned.add(next)
  for (const a of changed) next[a.id] = a
  return next
}

/**
 * Appends a page to the view's order, skipping ids it already shows: a job finishing
 * between two pages (its asset already pushed to the top) never shows twice.
 */
export function appendPage(ids: readonly string[], page: readonly Asset[]): string[] {
  const known = listedOf.get(ids)
  // The set moves on to the longer list; an older list asked again builds its own.
  if (known) listedOf.delete(ids)
  const seen = known ?? new Set(ids)
  const out = ids.slice()
  for (const a of page) {
    if (seen.has(a.id)) continue
    seen.add(a.id)
    out.push(a.id)
  }
  listedOf.set(out, seen)
  return out
}

/** The cache without these ids. */
export function withoutIds(cache: AssetCache, gone: ReadonlySet<string>): AssetCache {
  if (![...gone].some((id) => id in cache)) return cache
  const next: AssetCache = {}
  for (const id in cache) if (!gone.has(id)) next[id] = cache[id]
  owned.add(next)
  return next
}

/** Splits ids into groups a single command accepts. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
