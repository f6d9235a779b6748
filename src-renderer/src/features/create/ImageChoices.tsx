import { useEffect, useState } from 'react'
import type { Asset } from '../../../../src-preload/contract'
import { invoke } from '../../api/client'
import { Icon } from '../../components/Icon'
import { PopoverClose } from '../../components/Popover'
import { Spinner } from '../../components/Spinner'
import { TruncatedText } from '../../components/TruncatedText'
import { useProductItems } from './ProductChips'
import type { ImageInput } from './image-input'
import { resolveAsset, resolveProduct } from './refresh-inputs'

/** How many recent Library images the picker offers. */
const RECENT = 24

/** Recent Library images and ads (videos cannot be image inputs), newest first. */
export function LibraryChoices({ onPick }: { onPick(pending: Promise<ImageInput>): void }) {
  const [items, setItems] = useState<Asset[] | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    invoke('library.list', { sort: 'newest', limit: RECENT * 2 }).then(
      (out) => live && setItems(out.items.filter((a) => a.kind !== 'video').slice(0, RECENT)),
      () => live && setFailed(true)
    )
    return () => {
      live = false
    }
  }, [])
  if (failed) return <p className="popover-text">The Library could not be read. Try again.</p>
  if (!items) return <Spinner size={16} />
  if (items.length === 0) return <p className="popover-text">No images in your Library yet. Generate some first.</p>
  return (
    <>
      <p className="choice-title">Recent images from your Library</p>
      <ul className="choice-grid" aria-label="Library images">
        {items.map((a) => (
          <li key={a.id}>
            <PopoverClose asChild>
              <button type="button" className="choice-tile" aria-label={a.prompt || 'Library image'} onClick={() => onPick(resolveAsset(a))}>
                <img src={a.thumbUrl} alt="" draggable={false} />
              </button>
            </PopoverClose>
          </li>
        ))}
      </ul>
    </>
  )
}

/** The catalogue's pictures: each product's Krev image. */
export function ProductChoices({ onPick }: { onPick(pending: Promise<ImageInput>): void }) {
  const items = useProductItems()
  if (items.length === 0) return <p className="popover-text">No products yet. Add product photos on the Products screen.</p>
  return (
    <>
      <p className="choice-title">Product pictures from your catalogue</p>
      <ul className="choice-list" aria-label="Product images">
        {items.map((p) => (
          <li key={p.id}>
            <PopoverClose asChild>
              <button type="button" className="picker-item" disabled={!p.imageUrl} onClick={() => onPick(resolveProduct(p))}>
                <span className="picker-thumb">
                  {p.thumbUrl ? <img src={p.thumbUrl} alt="" draggable={false} /> : <Icon name="image" size={14} />}
                </span>
                <TruncatedText className="picker-name" text={p.name} />
              </button>
            </PopoverClose>
          </li>
        ))}
      </ul>
    </>
  )
}
