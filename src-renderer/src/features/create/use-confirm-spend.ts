import { useRef, useState } from 'react'
import { draftEstimate, useCreateStore } from '../../stores/create'
import { useSettingsStore } from '../../stores/settings'

/**
 * "Confirm jobs above" (Settings): a submit estimated above the threshold asks first.
 * The gate holds the submit's own arguments (its action id, say) until the creator
 * answers, so a confirmed submit is exactly the one that was asked about, sent once.
 */

export interface SpendAsk {
  credits: number
  threshold: number
}

/** 0 (or no setting yet) never asks; the threshold itself does not ask, only above it. */
export const needsConfirm = (credits: number, threshold: number): boolean => threshold > 0 && credits > threshold

export interface SpendGate<A extends unknown[]> {
  /** Sends now, or asks (`onAsk`) and holds the arguments; ignored while already asking. */
  request(ask: SpendAsk, ...args: A): void
  /** Sends what was held, once; nothing when nothing is held. */
  confirm(): void
  /** Drops what was held: nothing is sent. */
  cancel(): void
}

export function createSpendGate<A extends unknown[]>(send: (...args: A) => void, onAsk: (ask: SpendAsk | null) => void): SpendGate<A> {
  let held: A | null = null
  const settle = () => {
    const args = held
    held = null
    onAsk(null)
    return args
  }
  return {
    request(ask, ...args) {
      if (held) return
      if (!needsConfirm(ask.credits, ask.threshold)) return send(...args)
      held = args
      onAsk(ask)
    },
    confirm() {
      const args = settle()
      if (args) send(...args)
    },
    cancel() {
      settle()
    }
  }
}

/** Wraps the Create store's submit; render `<ConfirmSpend>` while `ask` is set. */
export function useConfirmSpend<A extends unknown[]>(submit: (...args: A) => unknown) {
  const threshold = useSettingsStore((s) => s.settings?.confirmAbove ?? 0)
  const [ask, setAsk] = useState<SpendAsk | null>(null)
  const latest = useRef(submit)
  latest.current = submit
  const [gate] = useState(() => createSpendGate<A>((...args) => void latest.current(...args), setAsk))
  return {
    submit: (...args: A) => gate.request({ credits: draftEstimate(useCreateStore.getState().draft), threshold }, ...args),
    ask,
    onConfirm: gate.confirm,
    onCancel: gate.cancel
  }
}
