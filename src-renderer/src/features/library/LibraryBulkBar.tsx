import { useState } from 'react'
import { Button } from '../../components/Button'
import { Popover, PopoverClose } from '../../components/Popover'
import { plural } from '../../lib/format'
import { useLibraryStore } from '../../stores/library'
import { MAX_COMPARE, MIN_COMPARE } from '../../stores/review'
import type { ReviewCommand } from './use-review-commands'

/**
 * What to do with the selection: export, tag (add or remove), favourite, approve, reject,
 * compare (2–4) and delete to the trash. In the screen's footer, so it never covers a tile.
 */
export function LibraryBulkBar({ onCommand }: { onCommand(command: ReviewCommand, ids: string[]): void }) {
  const count = useLibraryStore((s) => s.selected.size)
  const clearSelection = useLibraryStore((s) => s.clearSelection)
  const selectAll = useLibraryStore((s) => s.selectAll)
  const loaded = useLibraryStore((s) => s.ids.length)
  const run = (command: ReviewCommand) => onCommand(command, [...useLibraryStore.getState().selected])
  const canCompare = count >= MIN_COMPARE && count <= MAX_COMPARE
  if (count === 0) return null
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected items">
      <span className="bulk-count">{plural(count, 'item')} selected</span>
      {count < loaded ? (
        <Button variant="ghost" size="sm" onClick={selectAll}>
          Select all {loaded}
        </Button>
      ) : null}
      <span className="toolbar-spacer" />
      <Button size="sm" icon="star" onClick={() => run({ type: 'favorite' })}>
        Favourite
      </Button>
      <Button size="sm" icon="check" onClick={() => run({ type: 'approve' })}>
        Approve
      </Button>
      <Button size="sm" icon="x" onClick={() => run({ type: 'reject' })}>
        Reject
      </Button>
      <TagMenu onTag={(add, remove) => run({ type: 'tag', ...(add ? { add: [add] } : {}), ...(remove ? { remove: [remove] } : {}) })} />
      <Button
        size="sm"
        icon="compare"
        disabled={!canCompare}
        title={canCompare ? undefined : `Select ${MIN_COMPARE} to ${MAX_COMPARE} items to compare`}
        onClick={() => run({ type: 'compare' })}
      >
        Compare
      </Button>
      <Button size="sm" icon="upload" onClick={() => run({ type: 'export' })}>
        Export
      </Button>
      <Button size="sm" variant="danger" icon="trash" onClick={() => run({ type: 'delete' })}>
        Delete
      </Button>
      <Button size="sm" variant="ghost" onClick={clearSelection}>
        Done
      </Button>
    </div>
  )
}

/** Add a tag to every selected item, or take one off (the tags each already has are kept). */
function TagMenu({ onTag }: { onTag(add: string | null, remove: string | null): void }) {
  const [tag, setTag] = useState('')
  const clean = tag.trim().slice(0, 40)
  const facets = useLibraryStore((s) => s.facets)
  const loadFacets = useLibraryStore((s) => s.loadFacets)
  return (
    <Popover
      label="Tag selected items"
      trigger={
        <Button size="sm" icon="tag" onClick={() => void loadFacets()}>
          Tag
        </Button>
      }
    >
      <form
        className="tag-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (clean) onTag(clean, null)
          setTag('')
        }}
      >
        <label className="filter-label" htmlFor="bulk-tag">
          Tag
        </label>
        <input id="bulk-tag" className="input" list="bulk-tag-names" value={tag} maxLength={40} autoComplete="off" onChange={(e) => setTag(e.target.value)} />
        <datalist id="bulk-tag-names">
          {(facets?.tags ?? []).map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
        <div className="popover-actions">
          <PopoverClose asChild>
            <Button size="sm" variant="ghost" disabled={!clean} onClick={() => clean && onTag(null, clean)}>
              Remove tag
            </Button>
          </PopoverClose>
          <PopoverClose asChild>
            <Button
              size="sm"
              variant="primary"
              disabled={!clean}
              onClick={() => {
                if (clean) onTag(clean, null)
                setTag('')
              }}
            >
              Add tag
            </Button>
          </PopoverClose>
        </div>
      </form>
    </Popover>
  )
}
