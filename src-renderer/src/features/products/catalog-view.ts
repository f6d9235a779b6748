import type { Product } from '../../../../src-preload/contract'

/**
 * The catalogue as the Products screen lists it: searched by either name (local or
 * Krev's), brand, product type or category, and sorted newest first, by name or by brand.
 * Works on the local list only, so it is the same offline.
 */
export type CatalogSort = 'newest' | 'name' | 'brand'

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

export const brandOf = (p: Product): string => str(p.metadata.brandName)
export const typeOf = (p: Product): string => str(p.metadata.productType) || str(p.category)
/** What the studio calls it: the local name when there is one, else Krev's. */
export const shownName = (p: Product): string => p.localName?.trim() || p.name

export function viewCatalog(items: readonly Product[], opts: { search: string; sort: CatalogSort }): Product[] {
  const q = opts.search.trim().toLowerCase()
  const found = q
    ? items.filter((p) => [shownName(p), p.name, brandOf(p), typeOf(p)].some((f) => f.toLowerCase().includes(q)))
    : [...items]
  const byText = (f: (p: Product) => string) => (a: Product, b: Product) =>
    (f(a) || '\uffff').localeCompare(f(b) || '\uffff', undefined, { sensitivity: 'base', numeric: true }) || b.createdAt.localeCompare(a.createdAt)
  if (opts.sort === 'name') return found.sort(byText(shownName))
  if (opts.sort === 'brand') return found.sort(byText(brandOf))
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}
