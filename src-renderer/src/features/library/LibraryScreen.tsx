import { useCallback, useEffect, useMemo, useState } from 'react'
import { Button } from '../../components/Button'
import { ErrorAlert } from '../../components/ErrorAlert'
import { EmptyState } from '../../components/EmptyState'
import { Screen, ScreenLoading } from '../../components/Screen'
import { SearchField } from '../../components/SearchField'
import { Segmented } from '../../components/Segmented'
import { formatNumber, plural } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { useLibraryStore, type KindFilter } from '../../stores/library'
import { hasFilters, searchTerms } from '../../stores/library-view'
import { useReviewStore } from '../../stores/review'
import { ConfirmTrash } from './ConfirmTrash'
import { LibraryBulkBar } from './LibraryBulkBar'
import { FilterChips, LibraryFilters, LibrarySort } from './LibraryFilterBar'
import { ProductFilterChip } from '../products/ProductFilterChip'
import { LibraryGrid } from './LibraryGrid'
import { REVIEW_KEYS_HELP } from './review-keys'
import { ThumbSizeSlider } from './ThumbSizeSlider'
import { useThumbSize } from './thumb-size'
import { useReviewCommands } from './use-review-commands'
import '../../styles/library-review.css'

const KIND_OPTIONS: ReadonlyArray<{ value: KindFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'image', label: 'Images' },
  { value: 'video', label: 'Videos' },
  { value: 'ad', label: 'Ads' }
]

export default function LibraryScreen() {
  const ids = useLibraryStore((s) => s.ids)
  const cache = useLibraryStore((s) => s.cache)
  const total = useLibraryStore((s) => s.total)
  const kind = useLibraryStore((s) => s.kind)
  const search = useLibraryStore((s) => s.search)
  const filtered = useLibraryStore((s) => hasFilters(s))
  const load = useLibraryStore((s) => s.load)
  const error = useLibraryStore((s) => s.error)
  const hasMore = useLibraryStore((s) => s.nextCursor !== null)
  const paging = useLibraryStore((s) => s.paging)
  const selectedCount = useLibraryStore((s) => s.selected.size)
  const fetch = useLibraryStore((s) => s.fetch)
  const more = useLibraryStore((s) => s.more)
  const setFilter = useLibraryStore((s) => s.setFilter)
  const clearFilters = useLibraryStore((s) => s.clearFilters)
  const navigate = useAppStore((s) => s.navigate)
  const focus = useLibraryStore((s) => s.focus)
  const setFocus = useLibraryStore((s) => s.setFocus)
  const [thumbSize, setThumbSize] = useThumbSize()
  const commands = useReviewCommands()
  const terms = useMemo(() => searchTerms(search), [search])
  const onMore = useCallback(() => void more(), [more])
  // The viewer lives in stores/review (opened from anywhere); it steps through the loaded list.
  const onOpen = useCallback((id: string) => useReviewStore.getState().openViewer(id, useLibraryStore.getState().ids), [])

  useEffect(() => {
    void fetch()
  }, [fetch])

  // Opened from a queue thumbnail: show that asset straight away.
  useEffect(() => {
    if (!focus) return
    useReviewStore.getState().openViewer(focus.id)
    setFocus(null)
  }, [focus, setFocus])

  // The field holds what is typed until its pause ends; clearing every filter must drop that
  // too (the search it would hand on a moment later), so the field starts afresh.
  const [searchField, setSearchField] = useState(0)
  const clearAll = () => {
    clearFilters()
    setSearchField((n) => n + 1)
  }
  const clearSearch = () => setFilter({ search: '' })
  const neverUsed = ids.length === 0 && !filtered && load !== 'loading'
  const count = total || ids.length

  const toolbar = neverUsed ? undefined : (
    <>
      <Segmented label="Show" value={kind} options={KIND_OPTIONS} onChange={(k) => setFilter({ kind: k })} />
      <SearchField
        key={searchField}
        className="library-search"
        label="Search prompts and tags"
        placeholder="Search prompts and tags"
        value={search}
        onChange={(q) => setFilter({ search: q })}
        delay={250}
      />
      <LibraryFilters />
      <LibrarySort />
      <span className="toolbar-spacer" />
      <ThumbSizeSlider value={thumbSize} onChange={setThumbSize} />
      <span className="toolbar-count" aria-live="polite">
        {filtered ? `${formatNumber(count)} ${count === 1 ? 'match' : 'matches'}` : plural(count, 'item')}
      </span>
    </>
  )

  return (
    <Screen toolbar={toolbar} wide footer={selectedCount > 0 ? <LibraryBulkBar onCommand={(c, list) => void commands.run(c, list)} /> : undefined}>
      <p id="library-keys" className="sr-only">
        {REVIEW_KEYS_HELP}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {commands.announcement}
      </p>
      <ProductFilterChip />
      <ErrorAlert error={load === 'error' && error} title="The library couldn’t be loaded" />
      {neverUsed ? null : <FilterChips onClear={clearAll} onClearSearch={clearSearch} />}
      {load === 'loading' && ids.length === 0 ? (
        <ScreenLoading label="Loading your library" />
      ) : neverUsed ? (
        <EmptyState
          icon="library"
          title="Your library is empty"
          body="Everything you generate is saved here, on this computer — ready to search, favourite, rate and export."
          steps={[
            { title: 'Describe a shot', body: 'Pick a product and write what you want to see.' },
            { title: 'Watch it generate', body: 'Jobs run in the queue, even across restarts.' },
            { title: 'Find it here', body: 'Originals saved locally, in full quality.' }
          ]}
          actions={
            <Button variant="primary" size="lg" icon="sparkles" onClick={() => navigate('create')}>
              Create your first image
            </Button>
          }
        />
      ) : ids.length === 0 ? (
        <div className="no-results">
          <p>Nothing matches these filters.</p>
          <Button variant="ghost" onClick={clearAll}>
            Clear filters
          </Button>
        </div>
      ) : (
        <LibraryGrid
          ids={ids}
          cache={cache}
          total={total}
          rowHeight={thumbSize}
          hasMore={hasMore}
          paging={paging}
          terms={terms}
          onMore={onMore}
          onOpen={onOpen}
          onCommand={(c, list) => void commands.run(c, list)}
        />
      )}
      {commands.pendingDelete ? (
        <ConfirmTrash count={commands.pendingDelete.length} onConfirm={() => void commands.confirmDelete()} onCancel={commands.cancelDelete} />
      ) : null}
    </Screen>
  )
}
