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
  if (value === undefined) return null
  return (
    <div className="queue-concurrency">
      <label htmlFor="queue-concurrency" className="queue-concurrency-label">
        At once
      </label>
      <Stepper
        id="queue-concurrency"
        label="Jobs at once"
        value={value}
        min={MIN}
        max={MAX}
        describedBy="queue-concurrency-help"
        onChange={(next) =>
          void update({ pollConcurrency: next }).then((error) => error && pushNotice({ level: 'error', message: error }))
        }
      />
      <span id="queue-concurrency-help" className="sr-only">
        How many jobs Krev works on at the same time.
      </span>
    </div>
  )
}
