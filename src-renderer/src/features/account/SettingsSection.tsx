import { useEffect, useRef, useState } from 'react'
import type { Settings } from '../../../../src-preload/contract'
import { Button } from '../../components/Button'
import { Callout } from '../../components/Callout'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Field } from '../../components/Field'
import { Icon } from '../../components/Icon'
import { Segmented } from '../../components/Segmented'
import { Stepper } from '../../components/Stepper'
import { Switch } from '../../components/Switch'
import { CreditsInput } from './CreditsInput'
import { RebuildLibrary } from './RebuildLibrary'
import { diffSettings, rebaseDraft, useSettingsStore, validateSettings } from '../../stores/settings'

const THEMES: ReadonlyArray<{ value: Settings['theme']; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' }
]

export function SettingsSection() {
  const saved = useSettingsStore((s) => s.settings)
  const loadError = useSettingsStore((s) => s.loadError)
  const saving = useSettingsStore((s) => s.saving)
  const update = useSettingsStore((s) => s.update)
  const [draft, setDraft] = useState<Settings | null>(saved)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const base = useRef<Settings | null>(saved)

  // Follow `settings.changed`, keeping the fields being edited.
  useEffect(() => {
    if (!saved) return
    setDraft((d) => (d && base.current ? rebaseDraft(base.current, saved, d) : saved))
    base.current = saved
  }, [saved])

  if (!saved || !draft) {
    return (
      <section className="acct-section" id="account-settings">
        <div className="acct-section-head">
          <h2>Settings</h2>
        </div>
        {loadError ? (
          <Callout tone="error" title="Settings couldn’t be loaded">
            {loadError}
          </Callout>
        ) : (
          <p className="muted">Loading settings…</p>
        )}
      </section>
    )
  }

  const patch = diffSettings(saved, draft)
  const dirty = Object.keys(patch).length > 0
  const fieldErrors = validateSettings(draft)
  const set = (p: Partial<Settings>) => {
    setDraft({ ...draft, ...p })
    setDone(false)
  }

  const save = async () => {
    setError(null)
    if (Object.keys(fieldErrors).length) return
    const failure = await update(patch)
    if (failure) setError(failure)
    else setDone(true)
  }

  return (
    <section className="acct-section" id="account-settings">
      <div className="acct-section-head">
        <h2>Settings</h2>
      </div>
      <form
        className="card settings-card"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        noValidate
      >
        <div className="settings-group">
          <Field label="Library folder" hint="Where your images and videos are saved, by month, each with a .krev.json sidecar. Exports start here too." error={fieldErrors.libraryDir}>
            {(p) => (
              <div className="input-with-icon">
                <Icon name="folder" size={14} />
                <input
                  {...p}
                  className="input input-mono"
                  value={draft.libraryDir}
                  maxLength={1024}
                  spellCheck={false}
                  onChange={(e) => set({ libraryDir: e.target.value })}
                />
              </div>
            )}
          </Field>
          <div className="settings-row">
            <Field label="Download concurrency" hint="Files saved at once (1–8).">
              {(p) => (
                <Stepper id={p.id} describedBy={p['aria-describedby']} label="Download concurrency" min={1} max={8} value={draft.downloadConcurrency} onChange={(v) => set({ downloadConcurrency: v })} />
              )}
            </Field>
            <Field label="Poll concurrency" hint="Jobs checked at once (1–16).">
              {(p) => (
                <Stepper id={p.id} describedBy={p['aria-describedby']} label="Poll concurrency" min={1} max={16} value={draft.pollConcurrency} onChange={(v) => set({ pollConcurrency: v })} />
              )}
            </Field>
          </div>
          <Field
            label="Low-credit threshold"
            hint="Show a warning when your balance drops below this."
            error={fieldErrors.lowCreditThreshold}
          >
            {(p) => <CreditsInput {...p} value={draft.lowCreditThreshold} onChange={(lowCreditThreshold) => set({ lowCreditThreshold })} />}
          </Field>
          <div className="settings-row">
            <Field
              label="Session spending cap"
              hint="Credits this session may spend; a job that would go past it waits until you raise the cap. 0 means no cap."
              error={fieldErrors.sessionSpendCap}
            >
              {(p) => <CreditsInput {...p} value={draft.sessionSpendCap} onChange={(sessionSpendCap) => set({ sessionSpendCap })} />}
            </Field>
            <Field
              label="Confirm jobs above"
              hint="Ask before sending a job estimated above this many credits. 0 means never ask."
              error={fieldErrors.confirmAbove}
            >
              {(p) => <CreditsInput {...p} value={draft.confirmAbove} onChange={(confirmAbove) => set({ confirmAbove })} />}
            </Field>
          </div>
        </div>

        <div className="settings-group">
          <Switch
            label="Notifications"
            description="A system notification when a generation finishes or fails."
            checked={draft.notifications}
            onChange={(notifications) => set({ notifications })}
          />
          <Switch
            label="Spell checking"
            description="Underline misspelled words in text fields. On Windows and Linux this downloads dictionaries from Google the first time."
            checked={draft.spellcheck}
            onChange={(spellcheck) => set({ spellcheck })}
          />
          <div className="control-block control-inline">
            <span className="control-label">Theme</span>
            <Segmented label="Theme" value={draft.theme} options={THEMES} onChange={(theme) => set({ theme })} />
          </div>
        </div>

        <details className="settings-advanced">
          <summary>
            <Icon name="chevronRight" size={14} className="summary-chevron" />
            Advanced
          </summary>
          <Field
            label="API base URL"
            hint="Only change this if Krev support asks you to."
            error={fieldErrors.apiBaseUrl}
          >
            {(p) => (
              <input
                {...p}
                className="input input-mono"
                value={draft.apiBaseUrl}
                placeholder="https://app.krev.ai"
                maxLength={512}
                spellCheck={false}
                onChange={(e) => set({ apiBaseUrl: e.target.value })}
              />
            )}
          </Field>
        </details>

        <ErrorAlert error={error} title="Settings weren’t saved" />
        <div className="form-actions">
          <span className="form-status" role="status">
            {dirty ? 'Unsaved changes' : done ? 'Saved' : ''}
          </span>
          <Button variant="ghost" disabled={!dirty || saving} onClick={() => { setDraft(saved); setError(null) }}>
            Discard
          </Button>
          <Button type="submit" variant="primary" loading={saving} disabled={!dirty || Object.keys(fieldErrors).length > 0}>
            Save changes
          </Button>
        </div>
      </form>
      <RebuildLibrary />
    </section>
  )
}
