import { useEffect, useState } from 'react'
import { Stepper } from '../../components/Stepper'
import { useAppStore } from '../../stores/app'
import { useSettingsStore } from '../../stores/settings'

/** The settings' limits for `pollConcurrency` (contract/account.ts). */
const MIN = 1
const MAX = 16

/**
 * How many jobs Krev works on at once: the `pollConcurrency` setting (also in Account →
 * Settings), applied by main as soon as it is saved — a raise starts waiting jobs now.
 */
export function ConcurrencyStepper() {
  const value = useSettingsStore((s) => s.settings?.pollConcurrency)
  const update = useSettingsStore((s) => s.update)
  const pushNotice = useAppStore((s) => s.pushNotice)
  // Shown at once, before the save answers: quick presses each count from the last one.
  const [shown, setShown] = useState(value)
  useEffect(() => setShown(value), [value])
  if (value === undefined || shown === undefined) return null
  return (
    <div className="queue-concurrency">
      <label htmlFor="queue-concurrency" className="queue-concurrency-label">
        At once
      </label>
      <Stepper
        id="queue-concurrency"
        label="Jobs at once"
        value={shown}
        min={MIN}
        max={MAX}
        describedBy="queue-concurrency-help"
        onChange={(next) => {
          setShown(next)
          void update({ pollConcurrency: next }).then((error) => {
            if (!error) return
            setShown(useSettingsStore.getState().settings?.pollConcurrency)
            pushNotice({ level: 'error', message: error })
          })
        }}
      />
      <span id="queue-concurrency-help" className="sr-only">
        How many jobs Krev works on at the same time.
      </span>
    </div>
  )
}
