import type { CSSProperties, KeyboardEvent } from 'react'
import { Field } from '../../components/Field'
import { Screen } from '../../components/Screen'
import { Segmented } from '../../components/Segmented'
import { Switch } from '../../components/Switch'
import { useMediaQuery } from '../../components/use-media-query'
import { VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from '../../lib/pricing'
import {
  AD_ASPECTS,
  COUNTS,
  IMAGE_ASPECTS,
  MAX_PROMPT,
  useCreateStore,
  type AudioMode,
  type CreateKind,
  type VariantCount
} from '../../stores/create'
import { AspectChips } from './AspectChips'
import { BatchEntry } from './BatchEntry'
import { ConfirmSpend } from './ConfirmSpend'
import { useConfirmSpend } from './use-confirm-spend'
import { CreateSummary } from './CreateSummary'
import { KindTabs } from './KindTabs'
import { LatestResults } from './LatestResults'
import { MoreOptions } from './MoreOptions'
import { ProductPicker } from './ProductPicker'

/** Matches create.css: one column and the summary as a bar. */
const NARROW = '(max-width: 1100px)'

const PLACEHOLDER: Record<CreateKind, string> = {
  image: 'Premium leather wallet on dark marble, soft studio lighting, shallow depth of field',
  video: 'Slow camera orbit around the sneakers on a concrete plinth, warm morning light',
  ad: 'A direct-response ad for busy parents: the protein bar as the easy, healthy snack'
}

const IDEAS: Record<CreateKind, readonly string[]> = {
  image: ['Clean white-background packshot', 'Lifestyle shot on a kitchen counter', 'Flat lay with seasonal props'],
  video: ['Slow 360° turntable', 'Unboxing from above', 'Creator holding it to camera'],
  ad: ['Problem → solution hook', 'Limited-time offer', 'Social proof with a quote']
}

export default function CreateScreen() {
  const draft = useCreateStore((s) => s.draft)
  const patch = useCreateStore((s) => s.patch)
  const setPrompt = useCreateStore((s) => s.setPrompt)
  const { submit, ...confirmSpend } = useConfirmSpend(useCreateStore((s) => s.submit))
  const prompt = draft.prompts[draft.kind]
  // Narrow windows: the summary is a bar under the scrolling form, never over it.
  const narrow = useMediaQuery(NARROW)

  const recallPrompt = useCreateStore((s) => s.recallPrompt)

  const onPromptKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
      e.preventDefault()
      // A held chord auto-repeats: that is still the one press.
      if (!e.repeat) void submit()
      return
    }
    const plain = !(e.shiftKey || e.altKey || e.metaKey || e.ctrlKey)
    if (plain && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && recallPrompt(e.key === 'ArrowUp' ? 'older' : 'newer')) e.preventDefault()
  }

  return (
    <Screen wide className="create" footer={narrow ? <CreateSummary bar /> : undefined}>
      <div className="create-layout">
        <form
          className="create-form"
          aria-label="New generation"
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
          id="create-form"
          noValidate
        >
          <KindTabs kind={draft.kind} onChange={(kind) => patch({ kind })}>
            <Field
              label={draft.kind === 'ad' ? 'Brief' : 'Prompt'}
              aside={<span className="counter">{`${prompt.length.toLocaleString()} / ${MAX_PROMPT.toLocaleString()}`}</span>}
              hint="Tip: ⌘/Ctrl + Enter to generate; ↑ in an empty box brings back your last prompts."
            >
              {(p) => (
                <textarea
                  {...p}
                  className="input textarea prompt-input"
                  rows={4}
                  maxLength={MAX_PROMPT}
                  placeholder={PLACEHOLDER[draft.kind]}
                  value={prompt}
                  onChange={(e) => setPrompt(e.target.value)}
                  onKeyDown={onPromptKey}
                />
              )}
            </Field>
            {!prompt ? (
              <div className="ideas" role="group" aria-label="Ideas">
                {IDEAS[draft.kind].map((idea) => (
                  <button key={idea} type="button" className="idea" onClick={() => setPrompt(idea)}>
                    {idea}
                  </button>
                ))}
              </div>
            ) : null}

            <ProductPicker />
            <BatchEntry />

            {draft.kind === 'ad' ? (
              <AspectChips value={draft.adAspect} options={AD_ASPECTS} onChange={(v) => patch({ adAspect: v })} />
            ) : (
              <AspectChips
                value={draft.kind === 'image' ? draft.imageAspect : draft.videoAspect}
                options={IMAGE_ASPECTS}
                onChange={(v) => patch(draft.kind === 'image' ? { imageAspect: v } : { videoAspect: v })}
              />
            )}

            {draft.kind !== 'video' ? (
              <div className="control-block">
                <span className="control-label">Variants</span>
                <Segmented<VariantCount>
                  label="Variants"
                  value={draft.kind === 'image' ? draft.imageCount : draft.adCount}
                  options={COUNTS.map((c) => ({ value: c, label: String(c) }))}
                  onChange={(c) => patch(draft.kind === 'image' ? { imageCount: c } : { adCount: c })}
                />
              </div>
            ) : null}

            {draft.kind === 'image' ? (
              <Switch
                label="HD upscale"
                description="4K output. Costs twice as much per image."
                checked={draft.hd}
                onChange={(hd) => patch({ hd })}
              />
            ) : null}

            {draft.kind === 'video' ? (
              <>
                <Field label="Duration" aside={<span className="counter">{`${draft.duration} seconds`}</span>}>
                  {(p) => (
                    <>
                    <input
                      {...p}
                      className="range"
                      style={{ '--fill': `${((draft.duration - VIDEO_MIN_SECONDS) / (VIDEO_MAX_SECONDS - VIDEO_MIN_SECONDS)) * 100}%` } as CSSProperties}
                      type="range"
                      min={VIDEO_MIN_SECONDS}
                      max={VIDEO_MAX_SECONDS}
                      step={1}
                      value={draft.duration}
                      aria-valuetext={`${draft.duration} seconds`}
                      onChange={(e) => patch({ duration: Number(e.target.value) })}
                    />
                    <div className="range-ticks" aria-hidden="true">
                      <span>{VIDEO_MIN_SECONDS} s</span>
                      <span>{VIDEO_MAX_SECONDS} s</span>
                    </div>
                    </>
                  )}
                </Field>
                <div className="control-block">
                  <span className="control-label">Audio</span>
                  <Segmented<AudioMode>
                    label="Audio"
                    value={draft.audioMode}
                    options={[
                      { value: 'auto', label: 'Auto' },
                      { value: 'native', label: 'Native' },
                      { value: 'off', label: 'Off' }
                    ]}
                    onChange={(audioMode) => patch({ audioMode })}
                  />
                </div>
              </>
            ) : null}

            <MoreOptions />
          </KindTabs>
        </form>
        {narrow ? null : <CreateSummary />}
        <LatestResults />
      </div>
      <ConfirmSpend {...confirmSpend} />
    </Screen>
  )
}
