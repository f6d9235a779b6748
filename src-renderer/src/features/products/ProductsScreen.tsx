import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ImportItem } from '../../../../src-preload/contract'
import { Button, IconButton } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { EmptyState } from '../../components/EmptyState'
import { Screen, ScreenLoading } from '../../components/Screen'
import { plural } from '../../lib/format'
import { useProductsStore } from '../../stores/products'
import { CatalogBar } from './CatalogBar'
import { viewCatalog, type CatalogSort } from './catalog-view'
import { ProductDetail } from './detail/ProductDetail'
import { ProductGrid } from './ProductGrid'
import { ACCEPT_ATTR } from './read-files'
import { collectFiles, type Collected } from './import/collect-files'
import { ImportProblems } from './import/ImportProblems'
import { ImportProgress } from './import/ImportProgress'
import { AddByLink, ImportOptions } from './import/ImportOptions'
import { bytesItem, quickItem } from './import/to-import-items'
import { useFileDrop } from './use-file-drop'

const NEXT_STEPS = [
  { title: 'Background removed', body: 'Each photo is cut out cleanly, ready for any scene.' },
  { title: 'Details filled in', body: 'Brand, product type, colours and materials are read for you.' },
  { title: 'Ready to create', body: 'Use your products as references for images, videos and ads.' }
] as const

/** Paths and refusals go at once; files whose bytes must be read (web preview) follow one by one. */
function useAddCollected() {
  const importItems = useProductsStore((s) => s.importItems)
  return useCallback(
    (collected: Collected) => {
      const ready: ImportItem[] = collected.unreadable.map((path) => ({
        kind: 'refused' as const,
        fileName: path.replace(/^.*\//, '').slice(0, 255) || 'folder',
        relativePath: path,
        reason: 'unreadable' as const,
        message: 'This folder or file could not be read.'
      }))
      const later: typeof collected.files = []
      for (const picked of collected.files) {
        const item = quickItem(picked)
        if (item) ready.push(item)
        else later.push(picked)
      }
      if (ready.length + later.length > 0) void importItems(ready, { items: later, read: bytesItem })
    },
    [importItems]
  )
}

export default function ProductsScreen() {
  const { items, hiddenItems, load, error, detailId } = useProductsStore(
    useShallow((s) => ({ items: s.items, hiddenItems: s.hiddenItems, load: s.load, error: s.error, detailId: s.detailId }))
  )
  const fetch = useProductsStore((s) => s.fetch)
  const loadImports = useProductsStore((s) => s.loadImports)
  const add = useAddCollected()
  const input = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const [search, setSearch] = useState('')
  const [sort, setSort] = useState<CatalogSort>('newest')
  const [showHidden, setShowHidden] = useState(false)

  useEffect(() => {
    void fetch()
    void loadImports()
  }, [fetch, loadImports])

  const { over, handlers } = useFileDrop(add)
  const choose = () => input.current?.click()
  const chooseFolder = () => folderInput.current?.click()
  const all = useMemo(() => (showHidden ? [...items, ...hiddenItems] : items), [items, hiddenItems, showHidden])
  const shown = useMemo(() => viewCatalog(all, { search, sort }), [all, search, sort])
  const detail = detailId ? [...items, ...hiddenItems].find((p) => p.id === detailId) : undefined
  const empty = items.length === 0 && hiddenItems.length === 0

  const onPicked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? [])
    e.target.value = ''
    if (files.length) add(collectFiles(files))
  }
  const pickers = (
    <>
      <input ref={input} type="file" accept={ACCEPT_ATTR} multiple hidden onChange={onPicked} data-testid="pick-files" />
      {/* A folder picker: every file inside, sub-folders included. */}
      <input ref={folderInput} type="file" multiple hidden onChange={onPicked} data-testid="pick-folder" {...{ webkitdirectory: '' }} />
    </>
  )

  const toolbar = empty ? undefined : (
    <>
      <span className="toolbar-count">{plural(items.length, 'product')}</span>
      <span className="toolbar-spacer" />
      <IconButton icon="refresh" label="Refresh" onClick={() => void fetch(true)} />
      <ImportOptions />
      <AddByLink />
      <Button icon="folder" onClick={chooseFolder}>
        Add folder
      </Button>
      <Button variant="primary" icon="upload" onClick={choose}>
        Add photos
      </Button>
    </>
  )

  return (
    <Screen toolbar={detail ? undefined : toolbar} wide>
      <div className={over ? 'dropzone-target is-over' : 'dropzone-target'} {...handlers}>
        {pickers}
        {load === 'error' && error ? (
          <Callout tone="error" title="Products couldn’t be loaded" role="alert" actions={<Button size="sm" onClick={() => void fetch()}>Try again</Button>}>
            {error}
          </Callout>
        ) : null}
        {detail ? null : <ImportProgress />}
        {detail ? null : <ImportProblems />}
        {detail ? (
          <ProductDetail product={detail} />
        ) : load === 'loading' && empty ? (
          <ScreenLoading label="Loading products" />
        ) : empty ? (
          <div className={over ? 'dropzone is-over' : 'dropzone'}>
            <EmptyState
              icon="upload"
              title="Drop product photos here"
              body="JPG, PNG or WebP, up to 20 MB each. Drop as many as you like, or whole folders — they’re analysed in the background."
              steps={NEXT_STEPS}
              actions={
                <>
                  <Button variant="primary" size="lg" icon="upload" onClick={choose}>
                    Choose photos
                  </Button>
                  <Button size="lg" icon="folder" onClick={chooseFolder}>
                    Choose a folder
                  </Button>
                  <AddByLink />
                  <ImportOptions />
                </>
              }
            />
          </div>
        ) : (
          <>
            <CatalogBar
              search={search}
              onSearch={setSearch}
              sort={sort}
              onSort={setSort}
              hiddenCount={hiddenItems.length}
              showHidden={showHidden}
              onShowHidden={setShowHidden}
              shown={shown.length}
            />
            {shown.length > 0 ? <ProductGrid items={shown} /> : <p className="detail-muted catalog-none">No product matches “{search}”.</p>}
          </>
        )}
        {over && !empty ? (
          <div className="drop-overlay" aria-hidden="true">
            <span>Drop photos or folders to add them</span>
          </div>
        ) : null}
      </div>
    </Screen>
  )
}
