import { Segmented } from '../../components/Segmented'
import { SearchField } from '../../components/SearchField'
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
      <SearchField
        className="catalog-search"
        label="Search products by name, brand or type"
        placeholder="Search name, brand, type"
        value={props.search}
        onChange={props.onSearch}
      />
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
