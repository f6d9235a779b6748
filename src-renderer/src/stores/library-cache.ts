import type { Asset } from '../../../src-preload/contract'

/** Assets by id: one copy of each, whichever page, event or lookup brought it. */
export type AssetCache = Record<string, Asset>

/** The cache with these assets in it (a new object only when something was added or changed). */
export function withAssets(cache: AssetCache, assets: readonly Asset[], onlyKnown = false): AssetCache {
  let next: AssetCache | null = null
  for (const a of assets) {
    if (onlyKnown && !cache[a.id]) continue
    if (cache[a.id] === a) continue
    next ??= { ...cache }
    next[a.id] = a
  }
  return next ?? cache
}

/**
 * Appends a page to the view's order, skipping ids it already shows: a job finishing
 * between two pages (its asset already pushed to the top) never shows twice.
 */
export function appendPage(ids: readonly string[], page: readonly Asset[]): string[] {
  const seen = new Set(ids)
  const out = ids.slice()
  for (const a of page) {
    if (seen.has(a.id)) continue
    seen.add(a.id)
    out.push(a.id)
  }
  return out
}

/** The cache without these ids. */
export function withoutIds(cache: AssetCache, gone: ReadonlySet<string>): AssetCache {
  if (![...gone].some((id) => id in cache)) return cache
  const next: AssetCache = {}
  for (const id in cache) if (!gone.has(id)) next[id] = cache[id]
  return next
}

/** Splits ids into groups a single command accepts. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
