import { useEffect, useState, type FormEvent } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { invoke } from '../../api/client'
import { useChatStore } from '../../stores/chat'
import { Button, IconButton } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { Popover, PopoverClose } from '../../components/Popover'
import { useProductsStore } from '../../stores/products'
import { MAX_REFERENCES, useComposerStore } from './composer-store'

/**
 * Reference images for a brief: a pasted https link or a catalogue photo (its Krev URL).
 * Only https links are taken here; main's URL guard then refuses private or odd hosts on send.
 */
interface PhotoChoice {
  key: string
  thumb: string | null | undefined
  label: string
  pick(): void
}

/** One titled row of pictures to pick from; each closes the popover. Nothing when empty. */
function PhotoChoices({ title, items }: { title: string; items: PhotoChoice[] }) {
  if (items.length === 0) return null
  return (
    <>
      <p className="field-label">{title}</p>
      <ul className="ref-pop-photos">
        {items.map((c) => (
          <li key={c.key}>
            <PopoverClose asChild>
              <button type="button" className="ref-photo" onClick={c.pick} aria-label={c.label}>
                {c.thumb ? <img src={c.thumb} alt="" /> : <Icon name="image" size={14} />}
              </button>
            </PopoverClose>
          </li>
        ))}
      </ul>
    </>
  )
}

export function BriefReferencePicker() {
  const refs = useComposerStore((s) => s.referenceImages)
  const assetRefs = useComposerStore((s) => s.referenceAssetIds)
  const add = useComposerStore((s) => s.addReference)
  const addAsset = useComposerStore((s) => s.addReferenceAsset)
  const products = useProductsStore((s) => s.items)
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [recent, setRecent] = useState<Asset[]>([])
  const total = refs.length + assetRefs.length
  const full = total >= MAX_REFERENCES
  // The newest Library images, fetched when the pop-over opens (made by Krev: they have a link).
  const loadRecent = () =>
    void invoke('library.list', { kind: 'image', sort: 'newest', limit: 12 })
      .then((out) => setRecent(out.items.filter((a) => a.generationId)))
      .catch(() => setRecent([]))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const value = url.trim()
    let ok = false
    try {
      ok = new URL(value).protocol === 'https:'
    } catch {
      ok = false
    }
    if (!ok) return setError('Paste an https:// link to an image.')
    add(value)
    setUrl('')
    setError(null)
  }

  const photos = products.filter((p) => p.imageUrl).slice(0, 12)
  return (
    <Popover
      label="Reference images"
      trigger={
        <button
          type="button"
          className="brief-picker-toggle"
          aria-label="Add images"
          title="Add a reference image to this brief"
          disabled={full}
          onClick={loadRecent}
        >
          <Icon name="image" size={14} />
          <span>Images</span>
          {total > 0 ? <span className="brief-count">{total}</span> : null}
        </button>
      }
    >
      <form className="ref-pop" onSubmit={submit}>
        <label className="field-label" htmlFor="ref-url">
          Image link
        </label>
        <div className="ref-pop-row">
          <input id="ref-url" className="input" type="url" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} />
          <Button type="submit" size="sm">
            Add
          </Button>
        </div>
        {error ? <p className="field-error">{error}</p> : null}
        <PhotoChoices
          title="From your catalogue"
          items={photos.map((p) => ({ key: p.id, thumb: p.thumbUrl, label: `Use the photo of ${p.name}`, pick: () => add(p.imageUrl as string) }))}
        />
        <PhotoChoices
          title="From your Library"
          items={recent.map((a) => ({ key: a.id, thumb: a.thumbUrl, label: `Use the Library image “${a.prompt.slice(0, 60)}”`, pick: () => addAsset(a.id) }))}
        />
      </form>
    </Popover>
  )
}

/** The reference images picked, as removable chips. */
export function BriefReferenceChips() {
  const refs = useComposerStore((s) => s.referenceImages)
  const assetRefs = useComposerStore((s) => s.referenceAssetIds)
  const remove = useComposerStore((s) => s.removeReference)
  const removeAsset = useComposerStore((s) => s.removeReferenceAsset)
  const products = useProductsStore((s) => s.items)
  if (!refs.length && !assetRefs.length) return null
  const byUrl = new Map(products.flatMap((p) => (p.imageUrl ? [[p.imageUrl, p] as const] : [])))
  return (
    <ul className="brief-chips" aria-label="Reference images in this brief">
      {refs.map((url) => {
        const p = byUrl.get(url)
        const name = p ? `Photo of ${p.name}` : new URL(url).hostname
        return (
          <li key={url} className="brief-chip">
            <span className="picker-thumb">{p?.thumbUrl ? <img src={p.thumbUrl} alt="" /> : <Icon name="image" size={14} />}</span>
            <span className="brief-chip-name" title={url}>
              {name}
            </span>
            <IconButton icon="x" label={`Remove ${name}`} className="brief-chip-remove" onClick={() => remove(url)} />
          </li>
        )
      })}
      {assetRefs.map((id, i) => (
        <li key={id} className="brief-chip">
          <LibraryThumb id={id} />
          <span className="brief-chip-name">Library image {i + 1}</span>
          <IconButton icon="x" label={`Remove Library image ${i + 1}`} className="brief-chip-remove" onClick={() => removeAsset(id)} />
        </li>
      ))}
    </ul>
  )
}

/** A Library asset's thumbnail, fetched once through the chat store's asset cache. */
export function LibraryThumb({ id }: { id: string }) {
  const asset = useChatStore((s) => s.assets[id])
  const load = useChatStore((s) => s.loadAssets)
  useEffect(() => {
    void load([id])
  }, [id, load])
  return <span className="picker-thumb">{asset ? <img src={asset.thumbUrl} alt="" /> : <Icon name="image" size={14} />}</span>
}
