import { Segmented } from '../../components/Segmented'
import { Icon } from '../../components/Icon'
import type { CatalogSort } from './catalog-view'

const SORTS = [
  { value: 'newest', label: 'Newest' },
  { value: 'name', label: 'Name' },
  { value: 'brand', label: 'Brand' }
] as const

/** Search, sort and "show hidden" over the local catalogue (works offline). */
export function CatalogBar(props: {
  search: string
  onSearch(v: string): void
  sort: CatalogSort
  onSort(v: CatalogSort): void
  hiddenCount: number
  showHidden: boolean
  onShowHidden(v: boolean): void
  shown: number
}) {
  return (
    <div className="catalog-bar">
      <label className="catalog-search">
        <Icon name="search" size={14} />
        <input
          type="search"
          className="input"
          aria-label="Search products by name, brand or type"
          placeholder="Search name, brand, type"
          value={props.search}
          onChange={(e) => props.onSearch(e.target.value)}
        />
      </label>
      <Segmented label="Sort by" value={props.sort} options={SORTS} onChange={props.onSort} />
      {props.hiddenCount > 0 ? (
        <label className="catalog-hidden">
          <input type="checkbox" checked={props.showHidden} onChange={(e) => props.onShowHidden(e.target.checked)} />
          Show {props.hiddenCount} hidden
        </label>
      ) : null}
    </div>
  )
}
