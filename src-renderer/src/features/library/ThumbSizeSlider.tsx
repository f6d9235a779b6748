import { Slider } from 'radix-ui'
import { Icon } from '../../components/Icon'
import { THUMB_SIZE } from './thumb-size'

/** Smaller or larger thumbnails: the height the grid's rows aim for. */
export function ThumbSizeSlider({ value, onChange }: { value: number; onChange(size: number): void }) {
  return (
    <div className="thumb-size">
      <Icon name="image" size={12} />
      <Slider.Root
        className="thumb-size-slider"
        min={THUMB_SIZE.min}
        max={THUMB_SIZE.max}
        step={THUMB_SIZE.step}
        value={[value]}
        onValueChange={([v]) => onChange(v)}
      >
        <Slider.Track className="thumb-size-track">
          <Slider.Range className="thumb-size-range" />
        </Slider.Track>
        <Slider.Thumb className="thumb-size-thumb" aria-label="Thumbnail size" />
      </Slider.Root>
      <Icon name="image" size={16} />
    </div>
  )
}
