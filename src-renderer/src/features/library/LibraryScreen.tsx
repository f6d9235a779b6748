import { useEffect, useState } from 'react'
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
import { AssetTile } from './AssetTile'
import { AssetViewer } from './AssetViewer'

const KIND_OPTIONS: ReadonlyArray<{ value: KindFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'image', label: 'Images' },
  { value: 'video', label: 'Videos' },
  { value: 'ad', label: 'Ads' }
]

export default function LibraryScreen() {
  const { items, total, kind, search, load, error, nextCursor } = useLibraryStore()
  const fetch = useLibraryStore((s) => s.fetch)
  const more = useLibraryStore((s) => s.more)
  const setFilter = useLibraryStore((s) => s.setFilter)
  const navigate = useAppStore((s) => s.navigate)
  const [open, setOpen] = useState<Asset | null>(null)
  const focus = useLibraryStore((s) => s.focus)
  const setFocus = useLibraryStore((s) => s.setFocus)
  const [query, setQuery] = useState(search)

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
  const neverUsed = items.length === 0 && !filtered && load !== 'loading'

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
      <span className="toolbar-count">{plural(total || items.length, 'item')}</span>
    </>
  )

  return (
    <Screen toolbar={toolbar} wide>
      {load === 'error' && error ? (
        <Callout tone="error" title="The library couldn’t be loaded" role="alert">
          {error}
        </Callout>
      ) : null}
      {load === 'loading' && items.length === 0 ? (
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
      ) : items.length === 0 ? (
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
        <>
          <ul className="asset-grid" aria-label="Results">
            {items.map((a) => (
              <AssetTile key={a.id} asset={a} onOpen={() => setOpen(a)} />
            ))}
          </ul>
          {nextCursor ? (
            <div className="load-more">
              <Button onClick={() => void more()}>Show more</Button>
            </div>
          ) : null}
        </>
      )}
      {open ? <AssetViewer asset={items.find((a) => a.id === open.id) ?? open} onClose={() => setOpen(null)} /> : null}
    </Screen>
  )
}
