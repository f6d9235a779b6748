/** A live estimate before anything is sent: the contract's one estimate, shared with main. */
export { PRICES, VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from '../../../src-preload/contract/values'
export { estimateCredits, type EstimateInput } from '../../../src-preload/contract/estimate'

/** True when a balance is known and below the user's threshold. */
export function isLowCredit(current: number | null | undefined, threshold: number | null | undefined): boolean {
  if (current == null || threshold == null) return false
  return current < threshold
}
