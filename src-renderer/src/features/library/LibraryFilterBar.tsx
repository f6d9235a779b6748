import { useId } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Button } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { Segmented } from '../../components/Segmented'
import { Select, type SelectOption } from '../../components/Select'
import { useLibraryStore, type SortOrder } from '../../stores/library'
import type { ApprovalFilter } from '../../stores/library-view'
import { filterChips } from './library-chips'

const ANY = 'any'
const SORTS: { value: SortOrder; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'rating', label: 'Highest rated' }
]
const RATINGS = [0, 1, 2, 3, 4, 5].map((n) => ({ value: n, label: n === 0 ? 'Any' : n === 5 ? '5' : `${n}+`, name: n === 0 ? 'Any rating' : n === 5 ? '5 stars' : `${n}+ stars` }))
const APPROVALS: { value: ApprovalFilter | typeof ANY; label: string }[] = [
  { value: ANY, label: 'Any' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'unreviewed', label: 'Unreviewed' }
]
const FAVOURITES = [
  { value: ANY, label: 'Any' },
  { value: 'yes', label: 'Favourites' },
  { value: 'no', label: 'Others' }
]

/** The sort order, a Radix Select with a visually hidden label. */
export function LibrarySort() {
  const id = useId()
  const sort = useLibraryStore((s) => s.sort)
  const setFilter = useLibraryStore((s) => s.setFilter)
  return (
    <span className="library-sort">
      <label htmlFor={id} className="sr-only">
        Sort
      </label>
      <Select control={{ id }} value={sort} options={SORTS} onChange={(v) => setFilter({ sort: v as SortOrder })} />
    </span>
  )
}

/** The "Filters" button and its panel: favourite, rating, review verdict, tag, product and dates. */
export function LibraryFilters() {
  const v = useLibraryStore(
    useShallow((s) => ({ favorite: s.favorite, minRating: s.minRating, approval: s.approval, tag: s.tag, productId: s.productId, from: s.from, to: s.to }))
  )
  const facets = useLibraryStore((s) => s.facets)
  const setFilter = useLibraryStore((s) => s.setFilter)
  const loadFacets = useLibraryStore((s) => s.loadFacets)
  const active = Object.entries(v).filter(([k, x]) => (k === 'minRating' ? x !== 0 : x !== null)).length
  const ids = { from: useId(), to: useId() }

  const tagOptions = [{ value: ANY, label: 'Any tag' }, ...(facets?.tags ?? []).map((t) => ({ value: `t:${t.name}`, label: `${t.name} (${t.count})` }))]
  if (v.tag && !facets?.tags.some((t) => t.name === v.tag)) tagOptions.push({ value: `t:${v.tag}`, label: v.tag })
  const productOptions = [
    { value: ANY, label: 'Any product' },
    ...(facets?.products ?? []).map((p) => ({ value: `p:${p.id}`, label: `${p.name ?? 'Unnamed product'} (${p.count})` }))
  ]
  if (v.productId && !facets?.products.some((p) => p.id === v.productId)) productOptions.push({ value: `p:${v.productId}`, label: 'This product' })

  return (
    <Popover
      label="Filters"
      trigger={
        <Button size="sm" icon="filter" className="filter-trigger" onClick={() => void loadFacets()}>
          Filters{active ? <> <span className="filter-count">{active}</span></> : null}
        </Button>
      }
    >
      <div className="filter-panel">
        <div className="filter-group">
          <span className="filter-label">Favourites</span>
          <Segmented
            label="Favourites"
            variant="chips"
            value={v.favorite === null ? ANY : v.favorite ? 'yes' : 'no'}
            options={FAVOURITES}
            onChange={(x) => setFilter({ favorite: x === ANY ? null : x === 'yes' })}
          />
        </div>
        <div className="filter-group">
          <span className="filter-label">Rating</span>
          <Segmented label="Rating" variant="chips" value={v.minRating} options={RATINGS} onChange={(n) => setFilter({ minRating: n })} />
        </div>
        <div className="filter-group">
          <span className="filter-label">Review</span>
          <Segmented
            label="Review"
            variant="chips"
            value={v.approval ?? ANY}
            options={APPROVALS}
            onChange={(x) => setFilter({ approval: x === ANY ? null : (x as ApprovalFilter) })}
          />
        </div>
        <div className="filter-row">
          <FilterSelect label="Tag" value={v.tag ? `t:${v.tag}` : ANY} options={tagOptions} onChange={(x) => setFilter({ tag: x === ANY ? null : x.slice(2) })} />
          <FilterSelect
            label="Product"
            value={v.productId ? `p:${v.productId}` : ANY}
            options={productOptions}
            onChange={(x) => setFilter({ productId: x === ANY ? null : x.slice(2) })}
          />
        </div>
        <div className="filter-row">
          <div className="filter-group">
            <label className="filter-label" htmlFor={ids.from}>
              From
            </label>
            <input id={ids.from} className="input" type="date" value={v.from ?? ''} max={v.to ?? undefined} onChange={(e) => setFilter({ from: e.target.value || null })} />
          </div>
          <div className="filter-group">
            <label className="filter-label" htmlFor={ids.to}>
              To
            </label>
            <input id={ids.to} className="input" type="date" value={v.to ?? ''} min={v.from ?? undefined} onChange={(e) => setFilter({ to: e.target.value || null })} />
          </div>
        </div>
      </div>
    </Popover>
  )
}

function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: SelectOption[]; onChange(value: string): void }) {
  const id = useId()
  return (
    <div className="filter-group">
      <label className="filter-label" htmlFor={id}>
        {label}
      </label>
      <Select control={{ id }} value={value} options={options} onChange={onChange} />
    </div>
  )
}

/** The filters in use as chips, each removable, with Clear and the number of matches. */
export function FilterChips({ onClear, onClearSearch }: { onClear(): void; onClearSearch(): void }) {
  const view = useLibraryStore(
    useShallow((s) => ({ kind: s.kind, search: s.search, favorite: s.favorite, minRating: s.minRating, tag: s.tag, productId: s.productId, from: s.from, to: s.to, approval: s.approval, sort: s.sort }))
  )
  const setFilter = useLibraryStore((s) => s.setFilter)
  const chips = filterChips(view)
  if (chips.length === 0 && !view.search.trim()) return null
  return (
    <div className="filter-chips" role="group" aria-label="Active filters">
      {chips.map((c) => (
        <button key={c.key} type="button" className="filter-chip" aria-label={`Remove filter: ${c.label}`} onClick={() => setFilter(c.reset)}>
          {c.label}
          <Icon name="x" size={12} />
        </button>
      ))}
      {view.search.trim() ? (
        <button type="button" className="filter-chip" aria-label={`Remove search: ${view.search.trim()}`} onClick={onClearSearch}>
          “{view.search.trim()}”
          <Icon name="x" size={12} />
        </button>
      ) : null}
      <Button variant="ghost" size="sm" onClick={onClear}>
        Clear
      </Button>
    </div>
  )
}
