import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { Segmented } from '../../components/Segmented'
import { formatCredits, plural } from '../../lib/format'
import { currentPlan, defaultBatchName, useBatchStore } from '../../stores/batch'
import { COUNTS, useCreateStore, type VariantCount } from '../../stores/create'
import { useSettingsStore } from '../../stores/settings'
import type { BatchSource } from './batch-plan'
import { describeProblem } from './batch-prompts'
import { BatchProducts } from './BatchProducts'
import { BatchPrompts } from './BatchPrompts'
import { needsConfirm } from './use-confirm-spend'

const KIND_LABEL = { image: 'Images', video: 'Videos', ad: 'Ads' } as const

/** "Images · 1:1 · HD": the Create settings every job of the batch starts from. */
function useBaseLine(): string {
  const d = useCreateStore((s) => s.draft)
  const aspect = d.kind === 'ad' ? d.adAspect : d.kind === 'video' ? d.videoAspect : d.imageAspect
  const extra = d.kind === 'image' && d.hd ? ' · HD' : d.kind === 'video' ? ` · ${d.duration} s` : ''
  return `${KIND_LABEL[d.kind]} · ${aspect}${extra}`
}

/**
 * The batch form: one prompt × several products, or a list of prompts, with the live
 * estimate of the WHOLE batch. Above "Confirm jobs above" it asks first, for the total.
 */
export function BatchDialog() {
  const form = useBatchStore(
    useShallow((s) => ({ source: s.source, productIds: s.productIds, count: s.count, prompt: s.prompt, text: s.text, file: s.file, name: s.name }))
  )
  const { patch, close, submit } = useBatchStore(useShallow((s) => ({ patch: s.patch, close: s.close, submit: s.submit })))
  const submitting = useBatchStore((s) => s.submitting)
  const failure = useBatchStore((s) => s.failure)
  const kind = useCreateStore((s) => s.draft.kind)
  // Re-planned whenever the Create draft changes too (its parameters are every job's).
  useCreateStore((s) => s.draft)
  const threshold = useSettingsStore((s) => s.settings?.confirmAbove ?? 0)
  const base = useBaseLine()
  const [confirming, setConfirming] = useState(false)

  const plan = currentPlan(form)
  const jobs = plan.requests.length
  const ready = jobs > 0 && plan.problems.length === 0 && !plan.missing
  const summary = `${plural(jobs, 'job')} · ${formatCredits(plan.credits)}`

  const send = () => {
    if (!ready) return
    if (!confirming && needsConfirm(plan.credits, threshold)) return setConfirming(true)
    setConfirming(false)
    void submit()
  }

  return (
    <Modal title="New batch" showTitle onClose={close} className="batch-dialog">
      <form
        className="batch-form"
        aria-label="Batch"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          // The dialog is portaled, but React events bubble through the tree: never into Create's own form.
          e.stopPropagation()
          send()
        }}
      >
        <div className="batch-body">
          <p className="batch-base">{base} — every other setting comes from the Create form.</p>
          <div className="control-block">
            <span className="control-label">One job per</span>
            <Segmented<BatchSource>
              label="One job per"
              value={form.source}
              options={[
                { value: 'products', label: 'Product' },
                { value: 'prompts', label: 'Prompt' }
              ]}
              onChange={(source) => {
                setConfirming(false)
                patch({ source })
              }}
            />
          </div>
          {form.source === 'products' ? (
            <>
              <Field label={kind === 'ad' ? 'Brief' : 'Prompt'} hint="The same prompt for every product.">
                {(p) => (
                  <textarea {...p} className="input textarea" rows={3} value={form.prompt} onChange={(e) => patch({ prompt: e.target.value })} />
                )}
              </Field>
              <BatchProducts label="Products" hint="One job for each product you pick." empty="add product photos in Products to make a job for each." />
            </>
          ) : (
            <>
              <BatchPrompts />
              <BatchProducts
                label="Reference products"
                hint={kind === 'ad' ? 'Required — in every ad unless a row names its own.' : 'Optional — in every job unless a row names its own.'}
                empty="add product photos in Products to use them as references."
              />
            </>
          )}
          {plan.problems.length > 0 ? (
            <Callout tone="error" title="Nothing will be sent until these are fixed" role="alert">
              <ul className="batch-problems">
                {plan.problems.slice(0, 8).map((p, i) => (
                  <li key={i}>{describeProblem(p)}</li>
                ))}
                {plan.problems.length > 8 ? <li>…and {plan.problems.length - 8} more.</li> : null}
              </ul>
            </Callout>
          ) : null}
          {kind !== 'video' ? (
            <div className="control-block">
              <span className="control-label">Variants per job</span>
              <Segmented<VariantCount>
                label="Variants per job"
                value={form.count}
                options={COUNTS.map((c) => ({ value: c, label: String(c) }))}
                onChange={(count) => patch({ count })}
              />
            </div>
          ) : null}
          <Field label="Batch name" aside="Optional" hint="How the batch is shown in the Queue and its notification.">
            {(p) => (
              <input
                {...p}
                className="input"
                maxLength={200}
                value={form.name}
                placeholder={defaultBatchName(form, jobs)}
                onChange={(e) => patch({ name: e.target.value })}
              />
            )}
          </Field>
          <ErrorAlert error={failure} title="The batch was not sent" />
        </div>
        <footer className="batch-footer">
          <div className="batch-estimate" aria-live="polite">
            <p className="batch-total">
              {jobs > 0 ? (
                <>
                  <strong>{plural(jobs, 'job')}</strong> · {formatCredits(plan.credits)}
                </>
              ) : (
                'No jobs yet'
              )}
            </p>
            <p className="batch-note">
              {confirming
                ? `This batch is estimated at ${formatCredits(plan.credits)}, more than the ${formatCredits(threshold)} you asked to confirm.`
                : plan.problems.length > 0
                  ? 'Fix the lines listed above first: nothing is sent while any of them is wrong.'
                  : (plan.missing ?? 'Each job is sent on its own; your session spending cap still applies to each.')}
            </p>
          </div>
          <div className="batch-actions">
            <Button variant="ghost" onClick={confirming ? () => setConfirming(false) : close}>
              {confirming ? 'Back' : 'Cancel'}
            </Button>
            <Button type="submit" variant="primary" icon="sparkles" disabled={!ready} loading={submitting} aria-label={confirming ? undefined : `Send batch: ${summary}`}>
              {confirming ? `Send ${plural(jobs, 'job')} for ${formatCredits(plan.credits)}` : 'Send batch'}
            </Button>
          </div>
        </footer>
      </form>
    </Modal>
  )
}
