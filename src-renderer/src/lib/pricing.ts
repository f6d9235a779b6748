import { PRICES, VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from '../../../src-preload/contract/values'

/** A live estimate before anything is sent, from the contract's one price table. */
export { PRICES, VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS }

export type EstimateInput =
  | { kind: 'image'; count: number; hd: boolean }
  | { kind: 'video'; duration: number }
  | { kind: 'ad'; count: number }

const clampDuration = (s: number): number =>
  Math.min(VIDEO_MAX_SECONDS, Math.max(VIDEO_MIN_SECONDS, Math.round(Number.isFinite(s) ? s : VIDEO_MIN_SECONDS)))

const safeCount = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 1)

export function estimateCredits(input: EstimateInput): number {
  switch (input.kind) {
    case 'image':
      return safeCount(input.count) * (input.hd ? PRICES.imageHd : PRICES.image)
    case 'video':
      return clampDuration(input.duration) * PRICES.videoPerSecond
    case 'ad':
      return safeCount(input.count) * PRICES.adImage
  }
}

/** True when a balance is known and below the user's threshold. */
export function isLowCredit(current: number | null | undefined, threshold: number | null | undefined): boolean {
  if (current == null || threshold == null) return false
  return current < threshold
}
