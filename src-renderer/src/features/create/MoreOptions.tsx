import { useEffect, useState } from 'react'
import { Field } from '../../components/Field'
import { Icon } from '../../components/Icon'
import { useCreateStore } from '../../stores/create'
import { MAX_BRAND_CONTEXT, type CreateDraft } from './draft'
import { MAX_REFERENCES, type ImageInput } from './image-input'
import { ImageInputField } from './ImageInputField'
import { AD_STYLES, PRESETS, StyleIdField } from './StyleIdField'
import './create-options.css'

/** How many advanced parameters of the current kind differ from the API's defaults. */
export function advancedSet(d: CreateDraft): number {
  const n = (...set: boolean[]) => set.filter(Boolean).length
  if (d.kind === 'image') return n(d.imagePreset !== '', d.references.length > 0)
  if (d.kind === 'video') return n(d.videoPreset !== '', d.sourceImage !== null)
  return n(d.adStyle !== '', d.inspiration !== null, d.brandContext.trim() !== '')
}

const one = (inputs: ImageInput[]): ImageInput | null => inputs[0] ?? null

/** `preset_id`, the same for images and videos (each kind keeps its own choice). */
const PresetField = ({ value, onChange }: { value: string; onChange(value: string): void }) => (
  <StyleIdField
    label="Preset"
    noneLabel="None"
    hint="A studio preset for the styling. None: Krev styles from your prompt."
    options={PRESETS}
    value={value}
    onChange={onChange}
  />
)

/**
 * The parameters most generations leave at their defaults (presets, reference, source and
 * inspiration images, brand notes), behind one labelled disclosure so the form stays calm.
 * It opens by itself when something in it is set (a Remix).
 */
export function MoreOptions() {
  const draft = useCreateStore((s) => s.draft)
  const patch = useCreateStore((s) => s.patch)
  const set = advancedSet(draft)
  const [open, setOpen] = useState(set > 0)
  useEffect(() => {
    if (set > 0) setOpen(true)
  }, [set, draft.kind])

  return (
    <details className="more-options" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <Icon name="chevronRight" size={14} className="summary-chevron" />
        More options
        <span className="control-aside">{set > 0 ? `${set} set` : 'All at their defaults'}</span>
      </summary>
      <div className="more-options-body">
        {draft.kind === 'image' ? (
          <>
            <PresetField value={draft.imagePreset} onChange={(imagePreset) => patch({ imagePreset })} />
            <ImageInputField
              label="Reference images"
              hint={`Up to ${MAX_REFERENCES} images Krev takes the style from. Default: none.`}
              inputs={draft.references}
              max={MAX_REFERENCES}
              onChange={(references) => patch({ references })}
            />
          </>
        ) : null}
        {draft.kind === 'video' ? (
          <>
            <PresetField value={draft.videoPreset} onChange={(videoPreset) => patch({ videoPreset })} />
            <ImageInputField
              label="Source image"
              hint="An image to animate directly (not a video). Default: none, Krev starts from the prompt and product."
              inputs={draft.sourceImage ? [draft.sourceImage] : []}
              max={1}
              onChange={(inputs) => patch({ sourceImage: one(inputs) })}
            />
          </>
        ) : null}
        {draft.kind === 'ad' ? (
          <>
            <StyleIdField
              label="Ad style"
              noneLabel="None (Krev picks)"
              hint="An ad style or template. None: Krev picks the angle from your brief."
              options={AD_STYLES}
              value={draft.adStyle}
              onChange={(adStyle) => patch({ adStyle })}
            />
            <ImageInputField
              label="Inspiration image"
              hint="An ad whose look Krev should take after. Default: none."
              inputs={draft.inspiration ? [draft.inspiration] : []}
              max={1}
              onChange={(inputs) => patch({ inspiration: one(inputs) })}
            />
            <Field label="Brand notes" aside="Default: none" hint="Tone of voice, audience, offers — anything the ad should know.">
              {(p) => (
                <textarea
                  {...p}
                  className="input textarea"
                  rows={2}
                  maxLength={MAX_BRAND_CONTEXT}
                  value={draft.brandContext}
                  onChange={(e) => patch({ brandContext: e.target.value })}
                />
              )}
            </Field>
          </>
        ) : null}
      </div>
    </details>
  )
}
