import { useState } from 'react'
import { Field } from '../../components/Field'
import { Select, type SelectOption } from '../../components/Select'

/** Studio presets (`preset_id`): the documented ones (flat_lay, lifestyle) and their siblings. */
export const PRESETS: readonly SelectOption[] = [
  { value: 'studio', label: 'Studio' },
  { value: 'flat_lay', label: 'Flat lay' },
  { value: 'lifestyle', label: 'Lifestyle' },
  { value: 'minimal', label: 'Minimal' },
  { value: 'outdoor', label: 'Outdoor' },
  { value: 'luxury', label: 'Luxury' }
]

/** Ad styles (`style_id`): Krev's ad angles, by id. */
export const AD_STYLES: readonly SelectOption[] = [
  { value: 'performance_master', label: 'Performance Master' },
  { value: 'offer_stack', label: 'Offer Stack' },
  { value: 'launch_spotlight', label: 'Launch Spotlight' },
  { value: 'social_proof', label: 'Social Proof' },
  { value: 'premium_editorial', label: 'Premium Editorial' }
]

const NONE = '__none'
const CUSTOM = '__custom'

/**
 * A known id from a list, none (the API default), or any other id typed in: Krev adds
 * presets and styles over time, so the list suggests and never limits.
 */
export function StyleIdField({
  label,
  noneLabel,
  hint,
  options,
  value,
  onChange
}: {
  label: string
  noneLabel: string
  hint: string
  options: readonly SelectOption[]
  value: string
  onChange(value: string): void
}) {
  const known = options.some((o) => o.value === value)
  // "Other id…" with nothing typed yet is a choice of its own; an unknown id (a Remix) is one too.
  const [customPicked, setCustomPicked] = useState(false)
  const custom = customPicked || (value !== '' && !known)
  const choice = custom ? CUSTOM : value === '' ? NONE : value
  const items = [{ value: NONE, label: noneLabel }, ...options.map((o) => ({ value: o.value, label: `${o.label} · ${o.value}` })), { value: CUSTOM, label: 'Other id…' }]
  return (
    <div className="style-id">
      <Field label={label} hint={hint} aside="Default: none">
        {(p) => (
          <Select
            control={p}
            value={choice}
            options={items}
            onChange={(v) => {
              setCustomPicked(v === CUSTOM)
              onChange(v === NONE || v === CUSTOM ? '' : v)
            }}
          />
        )}
      </Field>
      {custom ? (
        <Field label={`${label} id`}>
          {(p) => (
            <input
              {...p}
              className="input"
              maxLength={100}
              placeholder="e.g. autumn_catalogue"
              value={value}
              onChange={(e) => onChange(e.target.value.trim())}
            />
          )}
        </Field>
      ) : null}
    </div>
  )
}
