import { useCallback, useEffect, useState } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { EmptyState } from '../../components/EmptyState'
import { Icon } from '../../components/Icon'
import { Screen, ScreenLoading } from '../../components/Screen'
import { Segmented } from '../../components/Segmented'
import { plural } from '../../lib/format'
import { useAppStore } from '../../stores/app'
import { useLibraryStore, type KindFilter } from '../../stores/library'
import { ProductFilterChip } from '../products/ProductFilterChip'
import { AssetViewer } from './AssetViewer'
import { LibraryGrid } from './LibraryGrid'
import { ThumbSizeSlider } from './ThumbSizeSlider'
import { useThumbSize } from './thumb-size'

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
  const load = useLibraryStore((s) => s.load)
  const error = useLibraryStore((s) => s.error)
  const hasMore = useLibraryStore((s) => s.nextCursor !== null)
  const paging = useLibraryStore((s) => s.paging)
  const fetch = useLibraryStore((s) => s.fetch)
  const more = useLibraryStore((s) => s.more)
  const setFilter = useLibraryStore((s) => s.setFilter)
  const navigate = useAppStore((s) => s.navigate)
  const [open, setOpen] = useState<Asset | null>(null)
  const focus = useLibraryStore((s) => s.focus)
  const setFocus = useLibraryStore((s) => s.setFocus)
  const [query, setQuery] = useState(search)
  const [thumbSize, setThumbSize] = useThumbSize()
  const onMore = useCallback(() => void more(), [more])
  // One function for the viewer's lifetime: its effects keyed on onClose never re-run.
  const closeViewer = useCallback(() => setOpen(null), [])

  useEffect(() => {
    void fetch()
  }, [fetch])

  // Opened from a queue thumbnail: show that asset straight away.
  useEffect(() => {
    if (!focus) return
    setOpen(focus)
    setFocus(null)
  }, [focus, setFocus])

  useEffect(() => {
    if (query === search) return
    const t = window.setTimeout(() => setFilter({ search: query }), 250)
    return () => window.clearTimeout(t)
  }, [query, search, setFilter])

  const filtered = kind !== 'all' || search.trim() !== ''
  const neverUsed = ids.length === 0 && !filtered && load !== 'loading'

  const toolbar = neverUsed ? undefined : (
    <>
      <Segmented label="Show" value={kind} options={KIND_OPTIONS} onChange={(k) => setFilter({ kind: k })} />
      <label className="search">
        <Icon name="search" size={14} />
        <span className="sr-only">Search prompts and tags</span>
        <input
          className="search-input"
          type="search"
          placeholder="Search prompts and tags"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <span className="toolbar-spacer" />
      <ThumbSizeSlider value={thumbSize} onChange={setThumbSize} />
      <span className="toolbar-count">{plural(total || ids.length, 'item')}</span>
    </>
  )

  return (
    <Screen toolbar={toolbar} wide>
      <ProductFilterChip />
      {load === 'error' && error ? (
        <Callout tone="error" title="The library couldn’t be loaded" role="alert">
          {error}
        </Callout>
      ) : null}
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
          <Button
            variant="ghost"
            onClick={() => {
              setQuery('')
              setFilter({ kind: 'all', search: '' })
            }}
          >
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
          onMore={onMore}
          onOpen={setOpen}
        />
      )}
      {open ? <AssetViewer asset={cache[open.id] ?? open} onClose={closeViewer} /> : null}
    </Screen>
  )
}
