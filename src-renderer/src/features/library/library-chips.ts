import { defaultView, FILTER_KEYS, isFilterSet, type FilterKey, type LibraryView } from '../../stores/library-view'

/** The active filters as removable chips: the words on each and what removing it resets. */
export interface FilterChip {
  key: FilterKey
  label: string
  reset: Partial<LibraryView>
}

const KIND_LABEL = { image: 'Images', video: 'Videos', ad: 'Ads' } as const
const APPROVAL_LABEL = { approved: 'Approved', rejected: 'Rejected', unreviewed: 'Unreviewed' } as const

const day = (d: string) => new Date(`${d}T12:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

export function filterChips(v: LibraryView): FilterChip[] {
  const out: FilterChip[] = []
  for (const key of FILTER_KEYS) {
    if (!isFilterSet(v, key) || key === 'to') continue
    const reset = { [key]: defaultView[key] } as Partial<LibraryView>
    if (key === 'kind' && v.kind !== 'all') out.push({ key, label: KIND_LABEL[v.kind], reset })
    if (key === 'favorite') out.push({ key, label: v.favorite ? 'Favourites' : 'Not favourites', reset })
    if (key === 'minRating') out.push({ key, label: v.minRating === 5 ? '5 stars' : `${v.minRating}+ stars`, reset })
    if (key === 'tag' && v.tag) out.push({ key, label: `Tag: ${v.tag}`, reset })
    // A product filter has its own chip (products/ProductFilterChip: the catalogue's own name for it).
    if (key === 'approval' && v.approval) out.push({ key, label: APPROVAL_LABEL[v.approval], reset })
    if (key === 'from') out.push({ key, label: v.to ? `${day(v.from!)} – ${day(v.to)}` : `Since ${day(v.from!)}`, reset: { from: null, to: null } })
  }
  if (v.to && !v.from) out.push({ key: 'to', label: `Until ${day(v.to)}`, reset: { to: null } })
  return out
}
