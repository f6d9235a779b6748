import { useState, type FormEvent, type ReactNode } from 'react'
import { errorMessage, invoke } from '../../api/client'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { Field, type FieldControlProps } from '../../components/Field'
import { Select } from '../../components/Select'
import { formatDateTime, plural } from '../../lib/format'
import { ACTION_SOURCES, checkEvent, nowSeconds, STANDARD_EVENTS } from './conversion-event'
import { CUSTOM_EVENT, emptyFields, errorsByField, rawFromFields, type ConversionFields } from './conversion-fields'

type Result = { tone: 'success' | 'error'; text: string } | null

const SOURCE_LABEL = (s: string) => s.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase())

export function ConversionForm() {
  const [f, setF] = useState<ConversionFields>(() => emptyFields())
  const [errors, setErrors] = useState<Partial<Record<keyof ConversionFields, string>>>({})
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<Result>(null)

  const set = (p: Partial<ConversionFields>) => {
    setF((cur) => ({ ...cur, ...p }))
    const cleared = { ...errors }
    for (const k of Object.keys(p) as Array<keyof ConversionFields>) delete cleared[k]
    setErrors(cleared)
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setResult(null)
    const checked = checkEvent(rawFromFields(f))
    if (!checked.ok) {
      const byField = errorsByField(checked.errors)
      if (byField.customName && f.eventChoice !== CUSTOM_EVENT) {
        byField.eventChoice = byField.customName
        delete byField.customName
      }
      setErrors(byField)
      return
    }
    setSending(true)
    try {
      const out = await invoke('conversions.send', { events: [checked.event] })
      setResult({ tone: 'success', text: `Meta received ${plural(out.eventsReceived, 'event')}.` })
      setF((cur) => ({ ...cur, eventId: '', eventTime: String(nowSeconds()) }))
    } catch (err) {
      setResult({ tone: 'error', text: errorMessage(err) })
    } finally {
      setSending(false)
    }
  }

  const text =
    (key: keyof ConversionFields, { className = 'input', ...extra }: Record<string, unknown> = {}) =>
    (p: FieldControlProps): ReactNode => (
      <input
        {...p}
        {...extra}
        className={className as string}
        value={f[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    )
  const time = Number(f.eventTime)
  const timeHint = Number.isFinite(time) && time > 0 ? formatDateTime(new Date(time * 1000).toISOString()) : 'Unix time, in seconds'

  return (
    <form className="card card-stack" onSubmit={submit} noValidate aria-label="Send one event">
      <fieldset className="conv-group">
        <legend>Event</legend>
        <div className="conv-grid">
          <Field label="Event name" error={errors.eventChoice}>
            {(p) => (
              <Select
                control={p}
                value={f.eventChoice}
                options={[...STANDARD_EVENTS.map((n) => ({ value: n, label: n })), { value: CUSTOM_EVENT, label: 'Custom…' }]}
                onChange={(v) => set({ eventChoice: v })}
              />
            )}
          </Field>
          {f.eventChoice === CUSTOM_EVENT ? (
            <Field label="Name of custom event" error={errors.customName}>
              {text('customName', { maxLength: 100, placeholder: 'e.g. BookDemo', autoFocus: true })}
            </Field>
          ) : null}
          <Field
            label="Event time"
            hint={timeHint}
            error={errors.eventTime}
            aside={
              <button type="button" className="link" onClick={() => set({ eventTime: String(nowSeconds()) })}>
                Now
              </button>
            }
          >
            {text('eventTime', { inputMode: 'numeric', className: 'input input-mono' })}
          </Field>
          <Field label="Event ID" aside="Optional" hint="Lets Meta drop duplicates of the same order." error={errors.eventId}>
            {text('eventId', { maxLength: 200, placeholder: 'order_123' })}
          </Field>
          <Field label="Action source" error={errors.actionSource}>
            {(p) => (
              <Select
                control={p}
                value={f.actionSource}
                options={ACTION_SOURCES.map((s) => ({ value: s, label: SOURCE_LABEL(s) }))}
                onChange={(v) => set({ actionSource: v })}
              />
            )}
          </Field>
          <Field label="Event source URL" aside={f.actionSource === 'website' ? 'Required for website' : 'Optional'} error={errors.eventSourceUrl} className="conv-wide">
            {text('eventSourceUrl', { type: 'url', placeholder: 'https://shop.example.com/products/wallet', spellCheck: false })}
          </Field>
        </div>
      </fieldset>

      <fieldset className="conv-group">
        <legend>Customer</legend>
        <p className="conv-help">At least one. Meta hashes these before matching.</p>
        <div className="conv-grid conv-grid-3">
          <Field label="Email" error={errors.email}>
            {text('email', { type: 'email', placeholder: 'customer@example.com', autoComplete: 'off' })}
          </Field>
          <Field label="Phone" error={errors.phone}>
            {text('phone', { type: 'tel', placeholder: '+1 555 010 1234', autoComplete: 'off' })}
          </Field>
          <Field label="External ID" error={errors.externalId}>
            {text('externalId', { placeholder: 'customer_42' })}
          </Field>
        </div>
      </fieldset>

      <fieldset className="conv-group">
        <legend>Order value</legend>
        <div className="conv-grid conv-grid-value">
          <Field label="Currency" error={errors.currency}>
            {text('currency', { maxLength: 3, placeholder: 'USD', className: 'input input-mono input-caps' })}
          </Field>
          <Field label="Value" aside={f.eventChoice === 'Purchase' ? 'Required for purchases' : 'Optional'} error={errors.value}>
            {text('value', { inputMode: 'decimal', placeholder: '79.00' })}
          </Field>
        </div>
      </fieldset>

      {result ? (
        <Callout tone={result.tone} role={result.tone === 'error' ? 'alert' : 'status'}>
          {result.text}
        </Callout>
      ) : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={() => { setF(emptyFields()); setErrors({}); setResult(null) }}>
          Reset
        </Button>
        <Button type="submit" variant="primary" icon="send" loading={sending}>
          Send event
        </Button>
      </div>
    </form>
  )
}
