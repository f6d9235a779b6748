import { useCallback, useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Button, IconButton } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { EmptyState } from '../../components/EmptyState'
import { Screen, ScreenLoading } from '../../components/Screen'
import { plural } from '../../lib/format'
import { useProductsStore } from '../../stores/products'
import { ProductGrid } from './ProductGrid'
import { ACCEPT_ATTR, readFiles } from './read-files'
import { UploadList } from './UploadList'
import { useFileDrop } from './use-file-drop'

const NEXT_STEPS = [
  { title: 'Background removed', body: 'Each photo is cut out cleanly, ready for any scene.' },
  { title: 'Details filled in', body: 'Brand, product type, colours and materials are read for you.' },
  { title: 'Ready to create', body: 'Use your products as references for images, videos and ads.' }
] as const

export default function ProductsScreen() {
  const { items, total, load, error, problems, sending } = useProductsStore(
    useShallow((s) => ({ items: s.items, total: s.total, load: s.load, error: s.error, problems: s.problems, sending: s.sending }))
  )
  const fetch = useProductsStore((s) => s.fetch)
  const upload = useProductsStore((s) => s.upload)
  const addProblems = useProductsStore((s) => s.addProblems)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void fetch()
  }, [fetch])

  const onFiles = useCallback(
    async (files: File[]) => {
      const { uploads, problems: bad } = await readFiles(files)
      if (bad.length) addProblems(bad)
      await Promise.all(uploads.map((u) => upload(u)))
    },
    [upload, addProblems]
  )
  const { over, handlers } = useFileDrop((files) => void onFiles(files))
  const choose = () => input.current?.click()
  const empty = items.length === 0

  const picker = (
    <input
      ref={input}
      type="file"
      accept={ACCEPT_ATTR}
      multiple
      hidden
      onChange={(e) => {
        const files = Array.from(e.target.files ?? [])
        e.target.value = ''
        if (files.length) void onFiles(files)
      }}
    />
  )

  const toolbar = empty ? undefined : (
    <>
      <span className="toolbar-count">{plural(total || items.length, 'product')}</span>
      <span className="toolbar-spacer" />
      <IconButton icon="refresh" label="Refresh" onClick={() => void fetch(true)} />
      <Button variant="primary" icon="upload" onClick={choose} loading={sending > 0}>
        Add photos
      </Button>
    </>
  )

  return (
    <Screen toolbar={toolbar} wide>
      <div className={over ? 'dropzone-target is-over' : 'dropzone-target'} {...handlers}>
        {picker}
        {load === 'error' && error ? (
          <Callout tone="error" title="Products couldn’t be loaded" role="alert" actions={<Button size="sm" onClick={() => void fetch()}>Try again</Button>}>
            {error}
          </Callout>
        ) : null}
        <UploadList />
        {problems.length > 0 ? <ProblemList /> : null}
        {load === 'loading' && empty ? (
          <ScreenLoading label="Loading products" />
        ) : empty ? (
          <div className={over ? 'dropzone is-over' : 'dropzone'}>
            <EmptyState
              icon="upload"
              title="Drop product photos here"
              body="JPG, PNG or WebP, up to 20 MB each. Drop as many as you like — they’re analysed in the background."
              steps={NEXT_STEPS}
              actions={
                <Button variant="primary" size="lg" icon="upload" onClick={choose} loading={sending > 0}>
                  Choose photos
                </Button>
              }
            />
          </div>
        ) : (
          <ProductGrid items={items} />
        )}
        {over && !empty ? (
          <div className="drop-overlay" aria-hidden="true">
            <span>Drop to add to your products</span>
          </div>
        ) : null}
      </div>
    </Screen>
  )
}

function ProblemList() {
  const problems = useProductsStore((s) => s.problems)
  const clear = useProductsStore((s) => s.clearProblems)
  return (
    <Callout
      tone="warning"
      title={problems.length === 1 ? 'One photo wasn’t added' : `${problems.length} photos weren’t added`}
      actions={<IconButton icon="x" label="Dismiss" onClick={clear} />}
    >
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={`${p.fileName}-${i}`}>
            <span className="problem-file">{p.fileName}</span> — {p.message}
          </li>
        ))}
      </ul>
    </Callout>
  )
}
